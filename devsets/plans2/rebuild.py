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
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import convert  # noqa: E402
import labelpos  # noqa: E402

MANIFEST = HERE / "manifest.json"
POS = HERE / "labels.pos.jsonl"
LINE_HASH = 10


def sha1(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha1(data).hexdigest()


def build_docs(src):
    """The docs.jsonl lines of the five sources, in convert.ORDER."""
    return [convert.record_json(convert.convert(src / name)) for name in convert.ORDER]


def write_manifest(src, out):
    docs = (out / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    labels = (out / "labels.jsonl").read_bytes()
    m = {"sources": {}, "docs": [], "labels_sha1": sha1(labels)}
    for name in convert.ORDER:
        data = (src / name).read_bytes()
        m["sources"][name] = {"sha1": sha1(data), "chars": len(data.decode("utf-8"))}
    for line in docs:
        d = json.loads(line)
        m["docs"].append({"number": d["number"], "record_sha1": sha1(line),
                          "lines": [sha1(l)[:LINE_HASH] for l in d["text"].split("\n")]})
    MANIFEST.write_text(json.dumps(m, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MANIFEST}")


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


def check_docs(m, lines):
    for want, line in zip(m["docs"], lines):
        d = json.loads(line)
        got = [sha1(l)[:LINE_HASH] for l in d["text"].split("\n")]
        for i, (g, w) in enumerate(zip(got, want["lines"])):
            if g != w:
                sys.exit(f"rebuild: {want['number']}: converted line {i} differs from the labelled "
                         f"build (a transcription error in its source?); nothing written")
        if len(got) != len(want["lines"]):
            sys.exit(f"rebuild: {want['number']}: {len(got)} lines, want {len(want['lines'])}; nothing written")
        if sha1(line) != want["record_sha1"]:
            sys.exit(f"rebuild: {want['number']}: record differs (title or metadata); nothing written")


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
    lines = build_docs(a.src)
    check_docs(m, lines)
    docs_text = "".join(l + "\n" for l in lines)
    docs = {}
    for l in lines:
        d = json.loads(l)
        docs[d["number"]] = d["text"].split("\n")
    try:
        labels = labelpos.decode(docs, labelpos.read_jsonl(POS))
    except ValueError as e:
        sys.exit(f"rebuild: labels: {e}; nothing written")
    labels_text = "".join(labelpos.dumps(l) + "\n" for l in labels)
    if sha1(labels_text) != m["labels_sha1"]:
        sys.exit("rebuild: labels.jsonl differs from the labelled build; nothing written")
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "docs.jsonl").write_text(docs_text, encoding="utf-8")
    (a.out / "labels.jsonl").write_text(labels_text, encoding="utf-8")
    q = sum(l["quote"] is not None for l in labels)
    print(f"rebuild: wrote {a.out}/docs.jsonl ({len(lines)} documents) and {a.out}/labels.jsonl "
          f"({len(labels)} labels, {q} quoted, {len(labels) - q} null); every hash matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
