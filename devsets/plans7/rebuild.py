#!/usr/bin/env python3
"""Rebuild /work/devplans7/{docs,labels}.jsonl from ../shared/data/govdocs.

    python3 devsets/plans7/rebuild.py [--govdocs DIR] [--out DIR] [--manifest]

Set 6's rebuild (../plans6/rebuild.py, imported, not copied: every source,
converted line, record and label checked against manifest.json, nothing
written unless every hash matches; ../plans2/buildcheck.py and labelpos.py
under it) with this set's records (convert.py), manifest.json and
labels.pos.jsonl, and --out defaulting to /work/devplans7. Python 3.11
stdlib only.
"""

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = "/work/devplans7"


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


R6 = _load("plans6_rebuild", HERE.parent / "plans6" / "rebuild.py")
R6.convert = _load("plans7_convert", HERE / "convert.py")
R6.MANIFEST = HERE / "manifest.json"
R6.POS = HERE / "labels.pos.jsonl"

if __name__ == "__main__":
    if not any(a == "--out" or a.startswith("--out=") for a in sys.argv[1:]):
        sys.argv += ["--out", OUT]
    sys.exit(R6.main())
