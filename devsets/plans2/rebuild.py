#!/usr/bin/env python3
"""Rebuild /work/devplans2/{docs,labels}.jsonl from the five fetched sources.

    python3 devsets/plans2/rebuild.py [--src DIR] [--out DIR]

DIR defaults: --src /work/devplans2/src (the five files of README.md, saved
verbatim under their own names), --out /work/devplans2. Steps, each checked
against manifest.json (hashes only, no text):

1. every source file: its SHA-1 and length in characters (a mismatch is
   reported with the file, and the build goes on: step 2 decides);
2. convert.py turns each into its docs.jsonl record; every line of each
   converted text must match its hash (the first differing line is named, so
   a mistyped or missing passage of a source is found), then the record;
3. labelpos.py decodes labels.pos.jsonl against those texts, checking every
   item, quote and hash, and the result must match labels.jsonl's hash.

Only when all of step 2 and 3 pass are docs.jsonl and labels.jsonl written.
`--manifest` (for whoever changes the conversion or the labels) rewrites
manifest.json from the files in --out instead. Python 3.11 stdlib only.
"""

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import buildcheck  # noqa: E402  (the checks and the write, shared with plans3)
import convert  # noqa: E402
from buildcheck import sha1  # noqa: E402

MANIFEST = HERE / "manifest.json"
POS = HERE / "labels.pos.jsonl"


def build_docs(src):
    """The docs.jsonl lines of the five sources, in convert.ORDER."""
    return [convert.record_json(convert.convert(src / name)) for name in convert.ORDER]


def write_manifest(src, out):
    sources = {}
    for name in convert.ORDER:
        data = (src / name).read_bytes()
        sources[name] = {"sha1": sha1(data), "chars": len(data.decode("utf-8"))}
    buildcheck.write_manifest(MANIFEST, sources, out)


def check_sources(m, src):
    ok = True
    for name, want in m["sources"].items():
        p = src / name
        if not p.exists():
            sys.exit(f"rebuild: missing source {p} (fetch it: README.md, 'Sources')")
        data = p.read_bytes()
        got = {"sha1": sha1(data), "chars": len(data.decode("utf-8"))}
        if got != want:
            ok = False
            print(f"rebuild: warning: {name} is not the file fetched on 2026-12-06 "
                  f"({got['chars']} chars, want {want['chars']}); checking its conversion", file=sys.stderr)
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default="/work/devplans2/src", type=Path)
    ap.add_argument("--out", default="/work/devplans2", type=Path)
    ap.add_argument("--manifest", action="store_true", help="rewrite manifest.json from --out")
    a = ap.parse_args()
    if a.manifest:
        write_manifest(a.src, a.out)
        return 0
    m = json.loads(MANIFEST.read_text(encoding="utf-8"))
    check_sources(m, a.src)
    buildcheck.finish(m, build_docs(a.src), POS, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
