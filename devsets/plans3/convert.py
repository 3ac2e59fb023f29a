#!/usr/bin/env python3
"""Plan set 3: the docs.jsonl records of its documents, converted from
../shared/data/govdocs (read in place; nothing of it is copied here).

    python3 devsets/plans3/convert.py [--govdocs DIR] > /work/devplans3/docs.jsonl

Each document is one line of govdocs_part*.jsonl, chosen by its
`source_path` (DOCS below). Its `body_markdown` is a page of
diepxuan.github.io: an agent-written header ("THÔNG TIN VĂN BẢN", "TRÍCH
YẾU", "Căn cứ pháp lý" …), the document, and sometimes agent notes after it
("Ghi chú", "GHI CHÚ SỐ HÓA"). Format only is converted, no word changed:

- only the document region is kept: from the line after the region heading
  ("## VĂN BẢN", "## NỘI DUNG TOÀN VĂN" or "## NỘI DUNG", the first found)
  to the line before the first notes heading ("## Ghi chú", "## GHI CHÚ…"),
  or the end;
- every non-blank line becomes one line of `text` (the bodies put one
  paragraph on a line, with blank lines between);
- markdown markup removed: heading marks "#… ", "**", a "*" that opens or
  closes an italic line, a blockquote "> "; lines of only dashes dropped;
  table rows lose their outer "|" (cells stay "a | b"), separator rows
  ("|---|") are dropped;
- leading indentation and runs of whitespace collapsed; Unicode NFC.

Number, type, issuer and date are those the document gives itself (its
"Số:" line, its heading and its place-and-date line), not the page's
metadata; DOCS notes where the body lacks them. Python 3.11 stdlib only.
"""

import argparse
import glob
import json
import os
import re
import sys
import unicodedata

GOVDOCS = "/work/shared/data/govdocs"

# number → source_path, the record's fields, where the fields come from.
DOCS = [
    {"source_path": "van-ban/lao-dong/161-2026-nd-cp-tang-luong-co-so.md",
     "_id": "161-2026-ND-CP", "number": "161/2026/NĐ-CP", "type": "Nghị định", "issuer": "Chính phủ",
     "published": "2026-05-15",
     "title": "Nghị định 161/2026/NĐ-CP quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, "
              "công chức, viên chức và lực lượng vũ trang"},
    {"source_path": "van-ban/lao-dong/thong-tu-13-2026-tt-bnv-luong-co-so.md",
     "_id": "13-2026-TT-BNV", "number": "13/2026/TT-BNV", "type": "Thông tư", "issuer": "Bộ Nội vụ",
     "published": "2026-05-29",
     "title": "Thông tư 13/2026/TT-BNV hướng dẫn thực hiện mức lương cơ sở đối với các đối tượng hưởng "
              "lương, phụ cấp trong các cơ quan, tổ chức, đơn vị sự nghiệp công lập của Đảng, Nhà nước, "
              "Mặt trận Tổ quốc Việt Nam, tổ chức chính trị - xã hội và hội"},
    {"source_path": "van-ban/tai-chinh/thong-tu-66-2026-tt-btc-huong-dan-luong-co-so-va-tien-thuong.md",
     "_id": "66-2026-TT-BTC", "number": "66/2026/TT-BTC", "type": "Thông tư", "issuer": "Bộ Tài chính",
     "published": "2026-06-16",
     "title": "Thông tư 66/2026/TT-BTC hướng dẫn xác định nhu cầu, nguồn và phương thức chi thực hiện mức "
              "lương cơ sở và chế độ tiền thưởng theo Nghị định số 161/2026/NĐ-CP và điều chỉnh trợ cấp "
              "hàng tháng đối với cán bộ xã đã nghỉ việc theo Nghị định số 162/2026/NĐ-CP"},
    # The region of 154 starts at "Chương I": no "Số:" or date line. Number
    # from its heading; date as 65/2026/TT-BTC cites it ("ngày 15 tháng 5
    # năm 2026"), which the other capture of 154 (part of the same crawl,
    # OCR) confirms in its header line.
    # The region of this capture of 14 has no header block; number, date
    # and issuer from its Phụ lục line "(Kèm theo Thông tư số 14/2026/TT-BNV
    # ngày 29 tháng 5 năm 2026 của Bộ trưởng Bộ Nội vụ)". (govdocs' other
    # capture of 14 ends with an agent's summary inside the region.)
    {"source_path": "van-ban/lao-dong/thong-tu-14-2026-tt-bnv-huong-dan-dieu-chinh-luong-huu.md",
     "_id": "14-2026-TT-BNV", "number": "14/2026/TT-BNV", "type": "Thông tư", "issuer": "Bộ Nội vụ",
     "published": "2026-05-29",
     "title": "Thông tư 14/2026/TT-BNV quy định chi tiết việc điều chỉnh lương hưu, trợ cấp bảo hiểm xã "
              "hội và trợ cấp hằng tháng"},
    {"source_path": "van-ban/tu-phap/nghi-dinh-154-2026-nd-cp-tiep-cong-dan.md",
     "_id": "154-2026-ND-CP", "number": "154/2026/NĐ-CP", "type": "Nghị định", "issuer": "Chính phủ",
     "published": "2026-05-15",
     "title": "Nghị định 154/2026/NĐ-CP quy định chi tiết một số điều và biện pháp tổ chức thi hành "
              "Luật Tiếp công dân"},
    {"source_path": "van-ban/tai-chinh/thong-tu-65-2026-tt-btc-sua-doi-thong-tu-320-2016-ve-boi-duong-tiep-cong-dan.md",
     "_id": "65-2026-TT-BTC", "number": "65/2026/TT-BTC", "type": "Thông tư", "issuer": "Bộ Tài chính",
     "published": "2026-06-11",
     "title": "Thông tư 65/2026/TT-BTC sửa đổi, bổ sung một số điều của Thông tư số 320/2016/TT-BTC quy "
              "định chế độ bồi dưỡng đối với người làm nhiệm vụ tiếp công dân, xử lý đơn khiếu nại, tố "
              "cáo, kiến nghị, phản ánh"},
]

START = ("## VĂN BẢN", "## NỘI DUNG TOÀN VĂN", "## NỘI DUNG")
END = re.compile(r"^## (Ghi chú|GHI CHÚ)")
DASHES = re.compile(r"^[-—–_ ]+$")
TABLE_SEP = re.compile(r"^\|?[\s:|-]+\|?$")


def bodies(govdocs):
    """source_path → body_markdown of every govdocs record (the first of equal paths)."""
    out = {}
    for f in sorted(glob.glob(os.path.join(govdocs, "govdocs_part*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for raw in fh:
                d = json.loads(raw)
                out.setdefault(d["source_path"], d["body_markdown"])
    return out


def clean_line(l):
    l = unicodedata.normalize("NFC", l).strip()
    l = re.sub(r"^#+\s+", "", l)
    l = re.sub(r"^>\s?", "", l)
    l = l.replace("**", "")
    if l.startswith("*") and not l.startswith("* "):
        l = l[1:]
    if l.endswith("*"):
        l = l[:-1]
    if l.startswith("|"):
        if TABLE_SEP.match(l):
            return ""
        l = l.strip("|").strip()
    return re.sub(r"\s+", " ", l).strip()


def region(body):
    lines = body.split("\n")
    start = None
    for mark in START:
        for i, l in enumerate(lines):
            if l.strip() == mark:
                start = i + 1
                break
        if start is not None:
            break
    if start is None:
        raise ValueError("no document region heading")
    end = len(lines)
    for i in range(start, len(lines)):
        if END.match(lines[i]):
            end = i
            break
    return lines[start:end]


def convert_body(body):
    out = []
    for l in region(body):
        c = clean_line(l)
        if c and not DASHES.match(c):
            out.append(c)
    return "\n".join(out)


def records(govdocs=GOVDOCS):
    b = bodies(govdocs)
    out = []
    for d in DOCS:
        if d["source_path"] not in b:
            raise ValueError(f"govdocs has no {d['source_path']}")
        rec = {"_id": d["_id"], "title": d["title"], "text": convert_body(b[d["source_path"]]),
               "type": d["type"], "number": d["number"], "issuer": d["issuer"], "published": d["published"]}
        out.append(rec)
    return out


def record_json(rec):
    return json.dumps(rec, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--govdocs", default=GOVDOCS)
    a = ap.parse_args()
    for r in records(a.govdocs):
        print(record_json(r))


if __name__ == "__main__":
    sys.exit(main())
