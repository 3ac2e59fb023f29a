#!/usr/bin/env python3
"""Convert one fetched source file of plan set 2 into a docs.jsonl record.

Format only: the words of the document are kept as found (its typing errors
too); what changes is layout. Python 3.11 standard library only; it holds no
text of the documents (positions and metadata only).

    python3 convert.py SRC.md          # prints the JSON record
    python3 convert.py --lines SRC.md  # prints the converted lines, numbered

Rules (those of ../shared/data/plans/PROVENANCE.md, "What was converted"):

- Markdown markup is removed: "**", "*", backslash escapes. Text is Unicode
  NFC; tabs, NBSPs and runs of spaces become one space.
- A source line that is only "|" bounds a layout-table cell; a cell is never
  joined to its neighbours.
- Form A (a plain rendering with blank lines between paragraphs): each
  blank-line block (or table cell) becomes one line, its source lines joined
  with a space.
- Form B (the whole thuvienphapluat.vn page, hard-wrapped, no blank lines):
  only the document region is kept (source lines [start, end) of the file,
  given below: the site banner, metadata table, the site's summary and the
  chrome after the document are dropped), and paragraphs are rebuilt: a
  source line starts a new line when it begins with a list label (1., 1.1.,
  a), (1), -, +, [1]) or when the line before ends a sentence (. ; : ! ?)
  and it begins with a capital letter or "(".
- Lines that are empty after this, or only dashes, are dropped.
- Fixes: further joins or splits by position (none are needed for these five
  files; the mechanism is kept for a capture that needs one).
"""

import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

# Metadata of the five documents, keyed by source file name (md5(url)[:16]).
# Dates of 219 and 225 are not in their captures (no header block): they are
# the dates under which 225, 226 and 96/CĐ-BXD cite them. "title" is composed
# as in set 1: type, number, date and the subject (trích yếu), which is a span
# of the converted text, (line, first token, end token or None), lower-cased
# but for the first letter of the tokens listed (indices within the span).
DOCS = {
    "a328fbb46798c2b5.md": {
        "_id": "217-CD-TTg", "number": "217/CĐ-TTg", "type": "Công điện",
        "issuer": "Thủ tướng Chính phủ", "published": "2025-11-16",
        "form": "A", "title": (5, 1, None, (-2, -1)),
    },
    "3143124c69d932d4.md": {
        "_id": "219-CD-TTg", "number": "219/CĐ-TTg", "type": "Công điện",
        "issuer": "Thủ tướng Chính phủ", "published": "2025-11-17",
        "form": "A", "title": (1, 1, None, (-2, -1)),
    },
    "ac3686f6b1d64932.md": {
        "_id": "225-CD-TTg", "number": "225/CĐ-TTg", "type": "Công điện",
        "issuer": "Thủ tướng Chính phủ", "published": "2025-11-20",
        "form": "A", "title": (1, 1, None, (-2, -1)),
    },
    "858c0de43c18ce78.md": {
        "_id": "226-CD-TTg", "number": "226/CĐ-TTg", "type": "Công điện",
        "issuer": "Thủ tướng Chính phủ", "published": "2025-11-21",
        "form": "B", "region": (75, 199), "title": (4, 4, -5, (-2, -1)),
    },
    "a8e9e9675ab618ee.md": {
        "_id": "96-CD-BXD", "number": "96/CĐ-BXD", "type": "Công điện",
        "issuer": "Bộ Xây dựng", "published": "2025-11-22",
        "form": "B", "region": (75, 208), "title": (4, 4, -4, (-2, -1)),
    },
}

# Order of the records in docs.jsonl: parents first, as in the chain.
ORDER = ["a328fbb46798c2b5.md", "3143124c69d932d4.md", "ac3686f6b1d64932.md",
         "858c0de43c18ce78.md", "a8e9e9675ab618ee.md"]

LABEL = re.compile(r"^(\d+(\.\d+)*\.\s|[a-zđ]\)\s|\(\d+\)\s|[-+•]\s|\[\d+\]\s|[IVX]+\.\s)")
SENTENCE_END = re.compile(r"[.;:!?]$")


def clean(line):
    """Markup removed, NFC, spaces collapsed."""
    line = unicodedata.normalize("NFC", line)
    line = line.replace("**", "").replace("*", "")
    line = re.sub(r"\\(.)", r"\1", line)
    line = line.replace("\t", " ").replace("\u00a0", " ")
    return " ".join(line.split())


def units(lines, blank_splits):
    """Runs of lines between "|" lines (and blank lines when blank_splits)."""
    out, cur = [], []
    for raw in lines:
        if raw.strip() == "|" or (blank_splits and raw.strip() == ""):
            if cur:
                out.append(cur)
            cur = []
            continue
        cur.append(raw)
    if cur:
        out.append(cur)
    return out


def paragraphs(unit):
    """Form B: rebuild the paragraphs of one hard-wrapped run of lines."""
    out = []
    for raw in unit:
        c = clean(raw)
        if not c:
            continue
        starts = bool(LABEL.match(c)) or (
            out and SENTENCE_END.search(out[-1]) and (c[0].isupper() or c[0] == "("))
        if not out or starts:
            out.append(c)
        else:
            out[-1] += " " + c
    return out


def keep(line):
    return line and not re.fullmatch(r"-+", line)


def convert_lines(name, text):
    meta = DOCS[name]
    src = text.split("\n")
    if meta["form"] == "A":
        lines = [" ".join(c for c in map(clean, u) if c) for u in units(src, True)]
    else:
        start, end = meta["region"]
        lines = []
        for u in units(src[start:end], False):
            lines.extend(paragraphs(u))
    lines = [l for l in lines if keep(l)]
    for op in meta.get("fixes", ()):
        kind, i, k = op
        if kind == "join":  # join line i and i+1
            lines[i:i + 2] = [lines[i] + " " + lines[i + 1]]
        elif kind == "split":  # split line i before token k
            t = lines[i].split(" ")
            lines[i:i + 1] = [" ".join(t[:k]), " ".join(t[k:])]
    return lines


def title(meta, lines):
    line, a, b, caps = meta["title"]
    toks = lines[line].split(" ")[a:b]
    subj = [t.lower() for t in toks]
    for i in caps:
        subj[i] = subj[i][:1].upper() + subj[i][1:]
    y, m, d = meta["published"].split("-")
    return f"{meta['type']} {meta['number']} ngày {d}/{m}/{y} về việc {' '.join(subj)}"


def convert(path):
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    meta = DOCS[path.name]
    lines = convert_lines(path.name, text)
    return {
        "_id": meta["_id"], "title": title(meta, lines), "text": "\n".join(lines),
        "type": meta["type"], "number": meta["number"], "issuer": meta["issuer"],
        "published": meta["published"],
    }


def record_json(rec):
    return json.dumps(rec, ensure_ascii=False)


def sha1(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def main(argv):
    if len(argv) == 3 and argv[1] == "--lines":
        rec = convert(argv[2])
        for i, l in enumerate(rec["text"].split("\n")):
            print(f"{i:3d} {l}")
        print("title:", rec["title"])
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    print(record_json(convert(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
