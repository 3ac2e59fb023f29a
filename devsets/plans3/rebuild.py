#!/usr/bin/env python3
"""Rebuild /work/devplans3/{docs,labels}.jsonl from ../shared/data/govdocs.

    python3 devsets/plans3/rebuild.py [--govdocs DIR] [--out DIR] [--manifest]

DIR defaults: --govdocs /work/shared/data/govdocs, --out /work/devplans3.
Steps, each checked against manifest.json (hashes only, no text):

1. every source body (govdocs record by source_path): SHA-1 and length in
   characters (a mismatch warns; step 2 decides);
2. convert.py turns each into its docs.jsonl record; every line of each
   converted text must match its hash (the first differing line is named),
   then the whole record;
3. ../plans2/labelpos.py decodes labels.pos.jsonl against those texts,
   checking every item, quote, hash and label rule, and the result must
   match labels.jsonl's hash.

Only when steps 2 and 3 pass are docs.jsonl and labels.jsonl written, byte
for byte those of the labelled build. `--manifest` (for whoever changes the
conversion or the labels) rewrites manifest.json from the files in --out
instead. Python 3.11 stdlib only.
"""

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.append(str(HERE.parent / "plans2"))  # after HERE: its convert.py is not ours
import buildcheck  # noqa: E402  (set 2's, shared: one owner of the checks, the label rules and the write)
import convert  # noqa: E402
from buildcheck import sha1  # noqa: E402

MANIFEST = HERE / "manifest.json"
POS = HERE / "labels.pos.jsonl"


def write_manifest(govdocs, out):
    bodies = convert.bodies(govdocs)
    sources = {}
    for d in convert.DOCS:
        b = bodies[d["source_path"]]
        sources[d["source_path"]] = {"sha1": sha1(b), "chars": len(b)}
    buildcheck.write_manifest(MANIFEST, sources, out)


def check_sources(m, govdocs):
    bodies = convert.bodies(govdocs)
    for path, want in m["sources"].items():
        if path not in bodies:
            sys.exit(f"rebuild: govdocs in {govdocs} has no record {path}; nothing written")
        b = bodies[path]
        if {"sha1": sha1(b), "chars": len(b)} != want:
            print(f"rebuild: warning: {path} differs from the body labelled on 2026-12-06 "
                  f"({len(b)} chars, want {want['chars']}); checking its conversion", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--govdocs", default=convert.GOVDOCS)
    ap.add_argument("--out", default="/work/devplans3", type=Path)
    ap.add_argument("--manifest", action="store_true", help="rewrite manifest.json from --out")
    a = ap.parse_args()
    if a.manifest:
        write_manifest(a.govdocs, a.out)
        return 0
    m = json.loads(MANIFEST.read_text(encoding="utf-8"))
    check_sources(m, a.govdocs)
    buildcheck.finish(m, [convert.record_json(r) for r in convert.records(a.govdocs)], POS, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
