#!/usr/bin/env python3
"""Aligns the Text+Berg or ParIce documents with NLTK's Gale-Church aligner, the length-only
baseline that issue #5 names, and writes its links in the gold format (`[0, 1]:[2]`), one
`NAME.links` file per document, for `tandem eval align ... --links DIR` to score with the
same scorer as tandem's own alignments.

    python3 -m venv .venv-nltk && .venv-nltk/bin/pip install -r scripts/peers/requirements.txt
    .venv-nltk/bin/python scripts/peers/gale_church_align.py --textberg ../shared/bench/textberg-de-fr --out /tmp/gc
    tandem eval align --textberg ../shared/bench/textberg-de-fr --links /tmp/gc

It prints the time spent aligning (reading and writing files excluded) and sentences per
second, counted as tandem counts them (source plus target sentences).
"""

import argparse
import sys
import time
import unicodedata
from pathlib import Path

from nltk.translate import gale_church


def read_lines(path, indexed):
    """The sentences of a one-sentence-per-line file; ParIce lines carry `index<TAB>`."""
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if indexed:
            line = line.split("\t", 1)[1] if "\t" in line else ""
        sentences.append(unicodedata.normalize("NFC", line.strip()))
    return sentences


def documents(args):
    """(name, source sentences, target sentences) of each document of the set."""
    if args.textberg:
        folder = Path(args.textberg)
        names = ["dev"] if args.set == "dev" else [f"test{k}" for k in range(7)]
        for name in names:
            yield name, read_lines(folder / f"{name}.de", False), read_lines(
                folder / f"{name}.fr", False
            )
    else:
        folder = Path(args.parice)
        for path in sorted((folder / "eng").glob("*.txt")):
            yield path.stem, read_lines(path, True), read_lines(
                folder / "isl" / path.name, True
            )


def beads(pairs):
    """NLTK's index pairs joined into beads: pairs that share a sentence are one bead.
    The pairs come in order, so a bead's pairs are neighbours."""
    found = []
    for s, t in pairs:
        if found and (s in found[-1][0] or t in found[-1][1]):
            found[-1][0].add(s)
            found[-1][1].add(t)
        else:
            found.append(({s}, {t}))
    return [(sorted(s), sorted(t)) for s, t in found]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--textberg", help="the Text+Berg folder")
    where.add_argument("--parice", help="the ParIce folder (eng/, isl/, gold/)")
    parser.add_argument("--set", choices=["test", "dev"], default="test")
    parser.add_argument("--out", required=True, help="folder for the NAME.links files")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    spent, sentences = 0.0, 0
    for name, source, target in documents(args):
        started = time.perf_counter()
        pairs = gale_church.align_blocks(
            [len(s) for s in source], [len(t) for t in target]
        )
        spent += time.perf_counter() - started
        sentences += len(source) + len(target)
        lines = [f"{s}:{t}" for s, t in beads(pairs)]
        (out / f"{name}.links").write_text("".join(l + "\n" for l in lines))
    print(
        f"nltk gale-church: {sentences} sentences in {spent:.3f} s "
        f"({sentences / spent:.0f} sentences/s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
