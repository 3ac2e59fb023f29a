#!/usr/bin/env python3
"""Plan set 4: the docs.jsonl records of its five documents (format only).

    python3 devsets/plans4/convert.py [--src DIR] [--plans DIR]          # prints docs.jsonl
    python3 devsets/plans4/convert.py --lines NUMBER [--src DIR] ...     # numbered lines of one record

Four records come from fetched files of tnt305/tai_lieu_noi_bo (README.md,
"Sources"), saved under their own names in --src (default
/work/devplans4/src); the fifth, 380/NQ-CP, is set 1's record, read in place
from --plans (default /work/shared/data/plans/docs.jsonl) and used as it is.
This file holds no text of the documents: markers, metadata and rules only.

Rules (those of set 2, whose clean/units/paragraphs functions are imported
from ../plans2/convert.py, not copied):

- Only the document region of a file is kept: from the line equal to its
  start marker (or the first line) to the line before the first line that
  starts with its end marker (or the end); trailing blank lines dropped.
  The manifest's source hashes are those of the regions, so a whole fetched
  page and a saved region give the same check.
- Form A (blank lines between paragraphs; 141, 661, 66-NQ/TW): each
  blank-line block, or layout-table cell, becomes one line, its source lines
  joined with a space. Form B (hard-wrapped, no blank lines; 659): set 2's
  paragraph rebuild inside each cell.
- Markdown removed by set 2's clean ("**", "*", backslash escapes, NFC,
  spaces collapsed); new here: a leading heading mark ("### ") is dropped
  (66-NQ/TW is a web rendering with headings).
- Lines that are empty or only dashes are dropped.
- Fixes by content, each checked to apply exactly once: "split" a line
  before a marker that a wrapped heading ran into; "join" a line that a
  blank line cut off to the line before it.
"""

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = Path("/work/devplans4/src")
PLANS = Path("/work/shared/data/plans/docs.jsonl")


def _plans2_convert():
    spec = importlib.util.spec_from_file_location("plans2_convert", HERE.parent / "plans2" / "convert.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


P2 = _plans2_convert()
HEADING = re.compile(r"^#+\s+")

# Records in docs.jsonl order: parents first. "file" names a fetched source
# (md5(url)[:16] of the page, README.md); "set1" a record of set 1.
DOCS = [
    {"set1": "380/NQ-CP"},
    {"file": "3e69755d2302e6a4.md", "form": "A",
     "_id": "66-NQ-TW", "number": "66-NQ/TW", "type": "Nghị quyết", "issuer": "Bộ Chính trị",
     "published": "2025-04-30",
     # The capture (xaydungchinhsach.chinhphu.vn) has no header block; number,
     # date and issuer as 141/KH-UBND and 659/TB-VPCP cite it.
     "title": "Nghị quyết 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác xây dựng "
              "và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới"},
    {"file": "09daab284f92e2dd.md", "form": "A",
     "_id": "141-KH-UBND-BacNinh", "number": "141/KH-UBND", "type": "Kế hoạch",
     "issuer": "UBND tỉnh Bắc Ninh", "published": "2025-11-20",
     "title": "Kế hoạch 141/KH-UBND ngày 20/11/2025 nâng cao năng lực cho đội ngũ cán bộ, công chức "
              "xây dựng chính sách, pháp luật trên địa bàn tỉnh Bắc Ninh giai đoạn 2026 - 2030",
     # "- Đơn vị phối hợp: Văn phòng UBND tỉnh; … địa phương" / "liên quan."
     "fixes": [("join", "liên quan.", "Đơn vị phối hợp: Văn phòng UBND tỉnh")]},
    {"file": "405a6cabda393030.md", "form": "B",
     "start": "**VĂN PHÒNG", "end": "Thông báo 659/TB-VPCP năm 2025",
     "_id": "659-TB-VPCP", "number": "659/TB-VPCP", "type": "Thông báo", "issuer": "Văn phòng Chính phủ",
     "published": "2025-11-29",
     "title": "Thông báo 659/TB-VPCP ngày 29/11/2025 kết luận của Phó Thủ tướng Chính phủ Hồ Quốc Dũng "
              "tại cuộc họp về tình hình thực hiện Nghị quyết số 66-NQ/TW và Nghị quyết số 140/NQ-CP",
     # the wrapped title ran into the first sentence ("… SỐ 66-NQ/TW Ngày 28 …")
     "fixes": [("split", "Ngày 28 tháng 11 năm 2025, tại")]},
    {"file": "7a9d1db2a10d632b.md", "form": "A",
     "_id": "661-TB-VPCP", "number": "661/TB-VPCP", "type": "Thông báo", "issuer": "Văn phòng Chính phủ",
     # The capture starts at "THÔNG BÁO" (no number or date): number from the
     # page's own title in the crawl list; date = the day of the visit the
     # notice concludes (29/11/2025), a lower bound, inferred.
     "published": "2025-11-29",
     "title": "Thông báo 661/TB-VPCP kết luận của Thủ tướng Chính phủ Phạm Minh Chính về công tác "
              "khắc phục hậu quả mưa, lũ tại tỉnh Nam Trung Bộ"},
]


def region(meta, text):
    """The document region of a fetched file (see the module docstring)."""
    lines = text.split("\n")
    start = 0
    if meta.get("start"):
        hits = [i for i, l in enumerate(lines) if l.strip() == meta["start"]]
        if not hits:
            raise ValueError(f"{meta['file']}: no start line {meta['start']!r}")
        start = hits[0]
    end = len(lines)
    if meta.get("end"):
        for i in range(start, len(lines)):
            if lines[i].startswith(meta["end"]):
                end = i
                break
    out = lines[start:end]
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


def clean(line):
    return HEADING.sub("", P2.clean(line))


def convert_lines(meta, text):
    src = region(meta, text).split("\n")
    if meta["form"] == "A":
        lines = [" ".join(c for c in (clean(x) for x in u) if c) for u in P2.units(src, True)]
    else:
        lines = []
        for u in P2.units(src, False):
            lines.extend(P2.paragraphs(u))
        lines = [clean(l) for l in lines]
    lines = [l for l in lines if P2.keep(l)]
    for fix in meta.get("fixes", ()):
        lines = apply_fix(meta, lines, fix)
    return lines


def apply_fix(meta, lines, fix):
    kind = fix[0]
    if kind == "split":
        hits = [i for i, l in enumerate(lines) if fix[1] in l and not l.startswith(fix[1])]
        if len(hits) != 1:
            raise ValueError(f"{meta['file']}: split {fix[1]!r} applies {len(hits)} times")
        i = hits[0]
        k = lines[i].index(fix[1])
        return lines[:i] + [lines[i][:k].rstrip(), lines[i][k:]] + lines[i + 1:]
    if kind == "join":
        hits = [i for i, l in enumerate(lines) if l == fix[1] and i > 0 and fix[2] in lines[i - 1]]
        if len(hits) != 1:
            raise ValueError(f"{meta['file']}: join {fix[1]!r} applies {len(hits)} times")
        i = hits[0]
        return lines[:i - 1] + [lines[i - 1] + " " + lines[i]] + lines[i + 1:]
    raise ValueError(f"unknown fix {kind}")


def set1_record(plans, number):
    with open(plans, encoding="utf-8") as f:
        for raw in f:
            d = json.loads(raw)
            if d["number"] == number:
                return d
    raise ValueError(f"{plans}: no record {number}")


def source_text(meta, src, plans):
    """The text a record is converted from: a file's region, or set 1's record text."""
    if "set1" in meta:
        return set1_record(plans, meta["set1"])["text"]
    return region(meta, (src / meta["file"]).read_text(encoding="utf-8"))


def source_name(meta):
    return meta.get("file") or "set1:" + meta["set1"]


def records(src=SRC, plans=PLANS):
    out = []
    for meta in DOCS:
        if "set1" in meta:
            out.append(set1_record(plans, meta["set1"]))
            continue
        text = (src / meta["file"]).read_text(encoding="utf-8")
        out.append({"_id": meta["_id"], "title": meta["title"], "text": "\n".join(convert_lines(meta, text)),
                    "type": meta["type"], "number": meta["number"], "issuer": meta["issuer"],
                    "published": meta["published"]})
    return out


def record_json(rec):
    return json.dumps(rec, ensure_ascii=False)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=SRC, type=Path)
    ap.add_argument("--plans", default=PLANS, type=Path)
    ap.add_argument("--lines", metavar="NUMBER", help="print the numbered lines of one record")
    a = ap.parse_args(argv[1:])
    recs = records(a.src, a.plans)
    if a.lines:
        for r in recs:
            if r["number"] == a.lines:
                for i, l in enumerate(r["text"].split("\n")):
                    print(f"{i:3d} {l}")
                return 0
        print(f"convert: no record {a.lines}", file=sys.stderr)
        return 1
    for r in recs:
        print(record_json(r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
