#!/usr/bin/env python3
"""Labels of plan set 2 as positions and hashes, and back.

labels.jsonl (the format of ../shared/data/plans/labels.jsonl, read by
`vanban eval links`) holds words of the documents: the item's first words and
the quotes. labels.pos.jsonl, kept in the repository, holds none: each string
is given as a line of a document's converted text (docs.jsonl, one line of
"text" per "\\n"), a character span [start, end) of that line, and SHA-1
prefixes of the line and of the span, so that the strings can be cut out of
a rebuilt docs.jsonl again and every one checked.

    python3 labelpos.py encode DOCS LABELS > labels.pos.jsonl
    python3 labelpos.py decode DOCS labels.pos.jsonl > labels.jsonl

encode also checks the rules of the label format: the item is the first 12
tokens of its line after the list label (more when needed to be unique among
the plan's lines; the whole rest of a shorter line) and occurs on that one
line only; a quote is at least 8 words of one line of its resolution; the
plan's text cites every resolution it names. decode checks every hash and
the same rules, and fails on the first mismatch. Python 3.11 standard
library only.
"""

import hashlib
import json
import re
import sys

# A list label at the start of an item's line, removed once (the rule of
# set 1's PROVENANCE.md): "- ", "+ ", "• ", "a) ", "1. ", "1.1. ", "(1) ",
# a table row number "N | ".
ITEM_LABEL = re.compile(r"^([-+•]\s|[a-zđ]\)\s|\d+(\.\d+)*\.\s|\(\d+\)\s|\d+ \| )")
ITEM_TOKENS = 12
QUOTE_WORDS = 8
LINE_HASH = 12   # hex digits of a line's SHA-1 kept
SPAN_HASH = 16   # hex digits of a span's SHA-1 kept


def sha1(s, n):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:n]


def read_docs(path):
    """number → lines of the converted text."""
    docs = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if raw.strip():
                d = json.loads(raw)
                docs[d["number"]] = d["text"].split("\n")
    return docs


def item_span(lines, i):
    """The item string of line i by the 12-token rule: (start, end)."""
    line = lines[i]
    m = ITEM_LABEL.match(line)
    start = m.end() if m else 0
    toks = line[start:].split(" ")
    # A line of fewer than 12 tokens is its own prefix (set 3 has one).
    for n in range(min(ITEM_TOKENS, len(toks)), len(toks) + 1):
        item = " ".join(toks[:n])
        if sum(item in l for l in lines) == 1:
            return start, start + len(item)
    raise ValueError(f"line {i}: no unique item prefix")


def cites(plan_lines, number):
    return any(number in l for l in plan_lines)


def check_quote(lines, line, start, end, where):
    q = lines[line][start:end]
    if len(q.split()) < QUOTE_WORDS:
        raise ValueError(f"{where}: quote of {len(q.split())} words (< {QUOTE_WORDS})")
    if q != q.strip() or not q:
        raise ValueError(f"{where}: quote with outer spaces")
    return q


def locate(lines, s, where):
    """The first line holding s, and the span."""
    for i, l in enumerate(lines):
        k = l.find(s)
        if k >= 0:
            return i, k, k + len(s)
    raise ValueError(f"{where}: not found: {s[:40]}…")


def pos_of(lines, line, start, end):
    return {"line": line, "line_sha1": sha1(lines[line], LINE_HASH),
            "span": [start, end], "sha1": sha1(lines[line][start:end], SPAN_HASH)}


def encode(docs, labels):
    """Labels (the eval format) → position records."""
    out, seen = [], {}
    for n, l in enumerate(labels, 1):
        where = f"label {n} ({l['plan']})"
        plan = docs[l["plan"]]
        hits = [i for i, line in enumerate(plan) if l["item"] in line]
        k = seen.get((l["plan"], l["item"]), 0)
        seen[(l["plan"], l["item"])] = k + 1
        if len(hits) <= k:
            raise ValueError(f"{where}: item not on a line of the plan")
        i = hits[k]
        s, e = item_span(plan, i)
        if plan[i][s:e] != l["item"]:
            raise ValueError(f"{where}: item is not the 12-token prefix of its line")
        rec = {"plan": l["plan"], "resolution": l["resolution"], "item": pos_of(plan, i, s, e)}
        for r in [l["resolution"]] + [a["resolution"] for a in l.get("also", [])]:
            if not cites(plan, r):
                raise ValueError(f"{where}: the plan does not cite {r}")
        if l["quote"] is None:
            rec["quote"] = None
        else:
            par = docs[l["resolution"]]
            qi, qs, qe = locate(par, l["quote"], where)
            check_quote(par, qi, qs, qe, where)
            rec["quote"] = pos_of(par, qi, qs, qe)
        also = []
        for a in l.get("also", []):
            par = docs[a["resolution"]]
            qi, qs, qe = locate(par, a["quote"], where)
            check_quote(par, qi, qs, qe, where)
            also.append({"resolution": a["resolution"], **pos_of(par, qi, qs, qe)})
        if also:
            rec["also"] = also
        rec["doubtful"] = bool(l.get("doubtful"))
        if l.get("note"):
            rec["note"] = l["note"]
        out.append(rec)
    return out


def cut(lines, p, where):
    """The string a position names, its hashes checked."""
    i = p["line"]
    if i >= len(lines):
        raise ValueError(f"{where}: line {i} past the end ({len(lines)} lines)")
    if sha1(lines[i], LINE_HASH) != p["line_sha1"]:
        raise ValueError(f"{where}: line {i} differs from the labelled one (line hash)")
    s, e = p["span"]
    text = lines[i][s:e]
    if sha1(text, SPAN_HASH) != p["sha1"]:
        raise ValueError(f"{where}: span {s}:{e} of line {i} differs (span hash)")
    return text


def decode(docs, recs):
    """Position records → labels in the eval format, every hash and rule checked."""
    out = []
    for n, r in enumerate(recs, 1):
        where = f"label {n} ({r['plan']}, line {r['item']['line']})"
        plan = docs[r["plan"]]
        item = cut(plan, r["item"], where + " item")
        if list(item_span(plan, r["item"]["line"])) != r["item"]["span"]:
            raise ValueError(f"{where}: item is not the 12-token prefix of its line")
        l = {"plan": r["plan"], "item": item, "resolution": r["resolution"]}
        if r["quote"] is None:
            l["quote"] = None
        else:
            q = r["quote"]
            l["quote"] = cut(docs[r["resolution"]], q, where + " quote")
            check_quote(docs[r["resolution"]], q["line"], *q["span"], where)
        if r.get("also"):
            l["also"] = []
            for a in r["also"]:
                t = cut(docs[a["resolution"]], a, where + " also")
                check_quote(docs[a["resolution"]], a["line"], *a["span"], where)
                l["also"].append({"resolution": a["resolution"], "quote": t})
        for res in [r["resolution"]] + [a["resolution"] for a in r.get("also", [])]:
            if not cites(plan, res):
                raise ValueError(f"{where}: the plan does not cite {res}")
        l["doubtful"] = r["doubtful"]
        if r.get("note"):
            l["note"] = r["note"]
        out.append(l)
    return out


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(x) for x in f if x.strip()]


def dumps(rec):
    return json.dumps(rec, ensure_ascii=False)


def main(argv):
    if len(argv) != 4 or argv[1] not in ("encode", "decode"):
        print(__doc__, file=sys.stderr)
        return 2
    docs = read_docs(argv[2])
    fn = encode if argv[1] == "encode" else decode
    try:
        recs = fn(docs, read_jsonl(argv[3]))
    except ValueError as e:
        print(f"labelpos: {e}", file=sys.stderr)
        return 1
    for r in recs:
        print(dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
