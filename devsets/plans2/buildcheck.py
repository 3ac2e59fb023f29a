"""The checks and the write shared by plans2/rebuild.py and plans3/rebuild.py.

A set's manifest.json holds hashes only: per converted document its
number, the SHA-1 of its docs.jsonl line and a SHA-1 prefix of each line of
its text, and the SHA-1 of labels.jsonl. check_docs compares converted
records with it, finish decodes labels.pos.jsonl against them (labelpos.py)
and writes docs.jsonl and labels.jsonl only when every hash matches.
Python 3.11 standard library only.
"""

import hashlib
import json
import sys

import labelpos

LINE_HASH = 10   # hex digits of a converted line's SHA-1 kept


def sha1(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha1(data).hexdigest()


def line_hashes(text):
    return [sha1(l)[:LINE_HASH] for l in text.split("\n")]


def write_manifest(path, sources, out):
    """Rewrites manifest.json at path from sources ({name: {sha1, chars}})
    and the docs.jsonl and labels.jsonl in out."""
    docs = (out / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    labels = (out / "labels.jsonl").read_bytes()
    m = {"sources": sources, "docs": [], "labels_sha1": sha1(labels)}
    for line in docs:
        d = json.loads(line)
        m["docs"].append({"number": d["number"], "record_sha1": sha1(line),
                          "lines": line_hashes(d["text"])})
    path.write_text(json.dumps(m, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")


def check_docs(m, lines):
    """Exits naming the first converted document, line or record that differs
    from the labelled build."""
    if len(lines) != len(m["docs"]):
        sys.exit(f"rebuild: {len(lines)} documents, want {len(m['docs'])}; nothing written")
    for want, line in zip(m["docs"], lines):
        d = json.loads(line)
        got = line_hashes(d["text"])
        for i, (g, w) in enumerate(zip(got, want["lines"])):
            if g != w:
                sys.exit(f"rebuild: {want['number']}: converted line {i} differs from the labelled "
                         f"build (a transcription error in its source?); nothing written")
        if len(got) != len(want["lines"]):
            sys.exit(f"rebuild: {want['number']}: {len(got)} lines, want {len(want['lines'])}; nothing written")
        if sha1(line) != want["record_sha1"]:
            sys.exit(f"rebuild: {want['number']}: record differs (title or metadata); nothing written")


def finish(m, lines, pos, out):
    """Decodes the labels at pos against the converted lines, checks them
    against m and writes out/docs.jsonl and out/labels.jsonl."""
    check_docs(m, lines)
    docs = {}
    for l in lines:
        d = json.loads(l)
        docs[d["number"]] = d["text"].split("\n")
    try:
        labels = labelpos.decode(docs, labelpos.read_jsonl(pos))
    except ValueError as e:
        sys.exit(f"rebuild: labels: {e}; nothing written")
    labels_text = "".join(labelpos.dumps(l) + "\n" for l in labels)
    if sha1(labels_text) != m["labels_sha1"]:
        sys.exit("rebuild: labels.jsonl differs from the labelled build; nothing written")
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs.jsonl").write_text("".join(l + "\n" for l in lines), encoding="utf-8")
    (out / "labels.jsonl").write_text(labels_text, encoding="utf-8")
    q = sum(l["quote"] is not None for l in labels)
    d = sum(bool(l.get("doubtful")) for l in labels)
    print(f"rebuild: wrote {out}/docs.jsonl ({len(lines)} documents) and {out}/labels.jsonl "
          f"({len(labels)} labels, {q} quoted, {len(labels) - q} null, {d} doubtful); every hash matches")
