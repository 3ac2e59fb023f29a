#!/usr/bin/env python3
"""Rebuild /work/devplans6/{docs,labels}.jsonl from ../shared/data/govdocs.

    python3 devsets/plans6/rebuild.py [--govdocs DIR] [--out DIR] [--manifest]

DIR defaults: --govdocs /work/shared/data/govdocs, --out /work/devplans6.
Steps, each checked against manifest.json (hashes only, no text):

1. every source (the document region of a govdocs record, chosen by
   source_path; convert.py): SHA-1 and length in characters (a mismatch
   warns; step 2 decides);
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


def sources(govdocs):
    """source_path → the document region its record is converted from."""
    bodies = convert.P3.bodies(govdocs)
    out = {}
    for meta in convert.DOCS:
        try:
            out[meta["source_path"]] = convert.source_text(meta, bodies)
        except ValueError as e:
            sys.exit(f"rebuild: {e} (in {govdocs}); nothing written")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--govdocs", default=convert.GOVDOCS)
    ap.add_argument("--out", default=Path("/work/devplans6"), type=Path)
    ap.add_argument("--manifest", action="store_true", help="rewrite manifest.json from --out")
    a = ap.parse_args()
    if a.manifest:
        srcs = {n: {"sha1": sha1(t), "chars": len(t)} for n, t in sources(a.govdocs).items()}
        buildcheck.write_manifest(MANIFEST, srcs, a.out)
        return 0
    m = json.loads(MANIFEST.read_text(encoding="utf-8"))
    for name, text in sources(a.govdocs).items():
        want = m["sources"].get(name)
        if {"sha1": sha1(text), "chars": len(text)} != want:
            print(f"rebuild: warning: {name} differs from the source labelled on 2026-12-07 "
                  f"({len(text)} chars, want {want and want['chars']}); checking its conversion",
                  file=sys.stderr)
    buildcheck.finish(m, [convert.record_json(r) for r in convert.records(a.govdocs)], POS, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
