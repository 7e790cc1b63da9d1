#!/usr/bin/env python3
"""Builds a word-to-word bilingual dictionary (data/dict/<src>-<tgt>.tsv) from the
FreeDict dictionaries that Debian packages in dictd format (/usr/share/dictd).

Only single-word headwords and single-word translations are kept (letters with inner
"-" or "'"), NFC-normalised and lower-cased, deduplicated and sorted; a dictionary in
the reverse direction (e.g. fra-deu for de-fr) contributes its pairs swapped. With
--words, a pair is kept only if both words are in tandem's word-frequency lists
(data/words/<lang>.txt, the 60,000 commonest words): rare senses and rare words add
size and noise, not evidence.

    apt-get install -y dict-freedict-deu-fra dict-freedict-fra-deu
    python3 scripts/dictionaries/freedict.py --source deu --target fra \
        --words data/words --out data/dict/de-fr.tsv

The output is deterministic for given package versions (recorded in its header, with
the licence read from the package's copyright file).
"""

import argparse
import gzip
import re
import subprocess
import sys
import unicodedata

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
WORD = re.compile(r"^[^\W\d_]+(?:['\-][^\W\d_]+)*$")
SENSE = re.compile(r"^(\d+)\. (.*)$")
LOOSE_SENSE = re.compile(r"^ \d+\.$")
TRAILING_SENSE = re.compile(r"\s+\d+\.$")


def number(text):
    n = 0
    for c in text:
        n = n * 64 + B64.index(c)
    return n


def entries(name):
    """(headword line, body lines) of every entry of dictd dictionary `name`."""
    base = f"/usr/share/dictd/freedict-{name}"
    data = gzip.open(base + ".dict.dz").read()
    with open(base + ".index", encoding="utf-8") as index:
        for line in index:
            headword, offset, length = line.rstrip("\n").split("\t")[:3]
            if headword.startswith("00database"):
                continue
            start = number(offset)
            text = data[start : start + number(length)].decode("utf-8")
            lines = text.rstrip("\n").split("\n")
            yield lines[0], lines[1:]


def headword(line):
    """The headword of an entry's first line, without pronunciation and grammar."""
    line = re.sub(r"<[^>]*>", "", line)
    line = re.sub(r"/[^/]*/", "", line)
    return line.strip()


def translations(body):
    """The translations of an entry: the lines of numbered senses, or its first line."""
    lines = []
    numbered = [SENSE.match(l) for l in body]
    if any(numbered):
        lines = [m.group(2) for m in numbered if m]
    elif body:
        lines = [body[0]]
    for line in lines:
        line = TRAILING_SENSE.sub("", line)
        for t in line.split(","):
            yield t.strip()


def word(text):
    """The lower-cased word, or None for several words, one letter or a non-word."""
    text = unicodedata.normalize("NFC", text).strip().lower()
    return text if len(text) > 1 and WORD.match(text) else None


ISO_639_1 = {"deu": "de", "fra": "fr", "eng": "en", "spa": "es", "ita": "it",
             "por": "pt", "nld": "nl", "isl": "is"}


def frequent_words(folder, code):
    """The words of data/words/<lang>.txt, or None when there is no list."""
    lang = ISO_639_1.get(code, code)
    try:
        with open(f"{folder}/{lang}.txt", encoding="utf-8") as f:
            return {l.split("\t")[0] for l in f if not l.startswith("#")}
    except FileNotFoundError:
        return None


def licence(name):
    """The licence of FreeDict dictionary `name` per its Debian copyright file."""
    path = f"/usr/share/doc/dict-freedict-{name}/copyright"
    stanza = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("Files:"):
                stanza = line.split(":", 1)[1].strip()
            elif line.startswith("License:") and stanza == f"{name}/*":
                return line.split(":", 1)[1].strip()
    sys.exit(f"{path}: no licence for {name}/*")


def package_version(name):
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", f"dict-freedict-{name}"],
        capture_output=True,
        text=True,
    )
    return out.stdout.strip() or "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", required=True, help="ISO 639-3 code, e.g. deu")
    parser.add_argument("--target", required=True, help="ISO 639-3 code, e.g. fra")
    parser.add_argument("--words", help="folder of word-frequency lists (data/words)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    pairs = set()
    used = []
    licences = set()
    frequent = (None, None)
    if args.words:
        frequent = (frequent_words(args.words, args.source), frequent_words(args.words, args.target))

    def known(w, words):
        # The lists fold German "ß" to "ss".
        return words is None or w.replace("ß", "ss") in words

    for name, swapped in (
        (f"{args.source}-{args.target}", False),
        (f"{args.target}-{args.source}", True),
    ):
        try:
            found = list(entries(name))
        except FileNotFoundError:
            continue
        used.append(f"dict-freedict-{name} {package_version(name)}")
        licences.add(licence(name))
        for first, body in found:
            head = word(headword(first))
            if head is None:
                continue
            for t in translations(body):
                t = word(t)
                if t is None:
                    continue
                pair = (t, head) if swapped else (head, t)
                if known(pair[0], frequent[0]) and known(pair[1], frequent[1]):
                    pairs.add(pair)
    if not used:
        sys.exit(f"no FreeDict dictionary between {args.source} and {args.target}")
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# generated by scripts/dictionaries/freedict.py; do not edit\n")
        out.write(f"# {args.source}-{args.target} word pairs: source<TAB>target\n")
        out.write(f"# From FreeDict (https://freedict.org), Debian packages: {'; '.join(used)}\n")
        out.write(f"# Licence: {' / '.join(sorted(licences))}. See data/SOURCES.md.\n")
        filtered = " both words among data/words (60,000 commonest)," if args.words else ""
        out.write(f"# Single words,{filtered} lower-cased; {len(pairs)} pairs\n")
        for s, t in sorted(pairs):
            out.write(f"{s}\t{t}\n")
    print(f"{args.out}: {len(pairs)} pairs from {', '.join(used)}", file=sys.stderr)


if __name__ == "__main__":
    main()
