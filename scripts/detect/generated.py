"""Writing the detector's generated data files: header lines, then one row per line,
UTF-8 with LF endings, replaced atomically so that a failed run leaves the old file."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def write_generated(out: Path, header: list[str], rows: list[str]) -> None:
    """Writes `header` (lines starting with `# `) and `rows` to `out` atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(header + rows) + "\n")
    os.replace(tmp, out)
    print(f"{out}: {len(rows)} entries", file=sys.stderr)
