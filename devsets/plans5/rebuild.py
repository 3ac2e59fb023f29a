#!/usr/bin/env python3
"""Rebuild /work/devplans5/{docs,labels}.jsonl from the fetched sources.

    python3 devsets/plans5/rebuild.py [--src DIR] [--out DIR] [--manifest]

Defaults: --src /work/devplans5/src (the files of README.md, "Sources",
saved under their own names: whole pages or their document regions),
--out /work/devplans5. Steps, each checked against manifest.json (hashes
only, no text):

1. every source: SHA-1 and length in characters of its document region; a
   mismatch warns and step 2 decides;
2. convert.py turns each into its docs.jsonl record; every line of each
   converted text must match its hash (the first differing line is named),
   then the whole record;
3. ../plans2/labelpos.py decodes labels.pos.jsonl against those texts,
   checking every item, quote, hash and label rule, and the result must
   match labels.jsonl's hash.

Only when steps 2 and 3 pass are docs.jsonl and labels.jsonl written, byte
for byte those of the labelled build (../plans2/buildcheck.py, imported).
`--manifest` (for whoever changes the conversion or the labels) rewrites
manifest.json from the files in --out instead. Python 3.11 stdlib only.
"""

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.append(str(HERE.parent / "plans2"))  # after HERE: its convert.py is not ours
import buildcheck  # noqa: E402  (set 2's: one owner of the checks, the label rules and the write)
import convert  # noqa: E402
from buildcheck import sha1  # noqa: E402

MANIFEST = HERE / "manifest.json"
POS = HERE / "labels.pos.jsonl"


def sources(src):
    """source name → the text its record is converted from."""
    out = {}
    for meta in convert.DOCS:
        try:
            out[convert.source_name(meta)] = convert.source_text(meta, src)
        except FileNotFoundError:
            sys.exit(f"rebuild: missing source {src / meta['file']} (fetch it: README.md, 'Sources')")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=convert.SRC, type=Path)
    ap.add_argument("--out", default=Path("/work/devplans5"), type=Path)
    ap.add_argument("--manifest", action="store_true", help="rewrite manifest.json from --out")
    a = ap.parse_args()
    if a.manifest:
        srcs = {n: {"sha1": sha1(t), "chars": len(t)} for n, t in sources(a.src).items()}
        buildcheck.write_manifest(MANIFEST, srcs, a.out)
        return 0
    m = json.loads(MANIFEST.read_text(encoding="utf-8"))
    for name, text in sources(a.src).items():
        want = m["sources"].get(name)
        if {"sha1": sha1(text), "chars": len(text)} != want:
            print(f"rebuild: warning: {name} differs from the source labelled on 2026-12-06 "
                  f"({len(text)} chars, want {want and want['chars']}); checking its conversion",
                  file=sys.stderr)
    lines = [convert.record_json(r) for r in convert.records(a.src)]
    buildcheck.finish(m, lines, POS, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
