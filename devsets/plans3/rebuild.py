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
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.append(str(HERE.parent / "plans2"))  # after HERE: its convert.py is not ours
import convert  # noqa: E402
import labelpos  # noqa: E402  (set 2's, shared: one owner of the label rules)

MANIFEST = HERE / "manifest.json"
POS = HERE / "labels.pos.jsonl"
LINE_HASH = 10


def sha1(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha1(data).hexdigest()


def write_manifest(govdocs, out):
    bodies = convert.bodies(govdocs)
    docs = (out / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    labels = (out / "labels.jsonl").read_bytes()
    m = {"sources": {}, "docs": [], "labels_sha1": sha1(labels)}
    for d in convert.DOCS:
        b = bodies[d["source_path"]]
        m["sources"][d["source_path"]] = {"sha1": sha1(b), "chars": len(b)}
    for line in docs:
        d = json.loads(line)
        m["docs"].append({"number": d["number"], "record_sha1": sha1(line),
                          "lines": [sha1(l)[:LINE_HASH] for l in d["text"].split("\n")]})
    MANIFEST.write_text(json.dumps(m, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MANIFEST}")


def check_sources(m, govdocs):
    bodies = convert.bodies(govdocs)
    for path, want in m["sources"].items():
        if path not in bodies:
            sys.exit(f"rebuild: govdocs in {govdocs} has no record {path}; nothing written")
        b = bodies[path]
        if {"sha1": sha1(b), "chars": len(b)} != want:
            print(f"rebuild: warning: {path} differs from the body labelled on 2026-12-06 "
                  f"({len(b)} chars, want {want['chars']}); checking its conversion", file=sys.stderr)


def check_docs(m, lines):
    if len(lines) != len(m["docs"]):
        sys.exit(f"rebuild: {len(lines)} documents, want {len(m['docs'])}; nothing written")
    for want, line in zip(m["docs"], lines):
        d = json.loads(line)
        got = [sha1(l)[:LINE_HASH] for l in d["text"].split("\n")]
        for i, (g, w) in enumerate(zip(got, want["lines"])):
            if g != w:
                sys.exit(f"rebuild: {want['number']}: converted line {i} differs from the labelled "
                         f"build; nothing written")
        if len(got) != len(want["lines"]):
            sys.exit(f"rebuild: {want['number']}: {len(got)} lines, want {len(want['lines'])}; nothing written")
        if sha1(line) != want["record_sha1"]:
            sys.exit(f"rebuild: {want['number']}: record differs (title or metadata); nothing written")


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
    lines = [convert.record_json(r) for r in convert.records(a.govdocs)]
    check_docs(m, lines)
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
    (a.out / "docs.jsonl").write_text("".join(l + "\n" for l in lines), encoding="utf-8")
    (a.out / "labels.jsonl").write_text(labels_text, encoding="utf-8")
    q = sum(l["quote"] is not None for l in labels)
    d = sum(l["doubtful"] for l in labels)
    print(f"rebuild: wrote {a.out}/docs.jsonl ({len(lines)} documents) and {a.out}/labels.jsonl "
          f"({len(labels)} labels, {q} quoted, {len(labels) - q} null, {d} doubtful); every hash matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
