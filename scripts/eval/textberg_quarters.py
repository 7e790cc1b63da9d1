#!/usr/bin/env python3
"""Cuts the Text+Berg development document into four shorter documents with their gold,
to see how the aligner does on short articles (the test articles are short) without
looking at the test set.

The gold links are cut into four runs of equal count (the last takes the rest); each
quarter holds the source and target lines from its first link up to the next quarter's
first link, and its gold is renumbered from 0. Each quarter is written as a Text+Berg
folder holding one document, dev, so that tandem reads it as it reads the original:

    python3 scripts/eval/textberg_quarters.py ../shared/bench/textberg-de-fr /tmp/quarters
    for q in 0 1 2 3; do
        tandem eval align --textberg /tmp/quarters/q$q --set dev
    done

With `--as-test`, the document is cut into seven pieces written as test0 … test6 of one
folder, which mimics the seven short test articles and lets `--batch` learn across them:

    python3 scripts/eval/textberg_quarters.py --as-test ../shared/bench/textberg-de-fr /tmp/sevenths
    tandem eval align --textberg /tmp/sevenths --batch

The benchmark data stays outside the repository: this script only reads it.
"""

import argparse
import ast
import os


def lines(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found = text.split("\n")
    return found[:-1] if found and found[-1] == "" else found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("textberg", help="the Text+Berg folder (dev.de, dev.fr, dev.defr)")
    parser.add_argument("out", help="folder to write q0 … q3 (or test0 … test6) into")
    parser.add_argument(
        "--as-test",
        action="store_true",
        help="cut into seven pieces written as test0 … test6 of OUT",
    )
    args = parser.parse_args()
    pieces = 7 if args.as_test else 4
    source = lines(os.path.join(args.textberg, "dev.de"))
    target = lines(os.path.join(args.textberg, "dev.fr"))
    links = []
    for line in lines(os.path.join(args.textberg, "dev.defr")):
        src, tgt = line.split(":")
        links.append((ast.literal_eval(src), ast.literal_eval(tgt)))
    size = len(links) // pieces
    starts = [k * size for k in range(pieces)] + [len(links)]

    def first(run, side):
        return min(i for link in run for i in link[side])

    begin = (0, 0)
    for q in range(pieces):
        run = links[starts[q] : starts[q + 1]]
        if q < pieces - 1:
            rest = links[starts[q + 1] :]
            end = (first(rest, 0), first(rest, 1))
        else:
            end = (len(source), len(target))
        if args.as_test:
            folder, stem = args.out, f"test{q}"
        else:
            folder, stem = os.path.join(args.out, f"q{q}"), "dev"
        os.makedirs(folder, exist_ok=True)
        for name, side, k in ((f"{stem}.de", source, 0), (f"{stem}.fr", target, 1)):
            with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(side[begin[k] : end[k]]) + "\n")
        with open(os.path.join(folder, f"{stem}.defr"), "w", encoding="utf-8", newline="\n") as f:
            for src, tgt in run:
                shifted_src = [i - begin[0] for i in src]
                shifted_tgt = [i - begin[1] for i in tgt]
                f.write(f"{shifted_src}:{shifted_tgt}\n")
        begin = end


if __name__ == "__main__":
    main()
