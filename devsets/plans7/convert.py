#!/usr/bin/env python3
"""Plan set 7: the docs.jsonl records of its documents, converted from
../shared/data/govdocs (read in place; nothing of it is copied here).

    python3 devsets/plans7/convert.py [--govdocs DIR]                 # prints docs.jsonl
    python3 devsets/plans7/convert.py --lines NUMBER [--govdocs DIR]  # numbered lines of one record

Set 6's conversion (../plans6/convert.py, imported, not copied: set 3's
body reader and line cleaner with a document region per record, from the
line after a start heading to the line before an end heading or the end);
only the records (DOCS) are this set's. Both pages are hard-wrapped
transcriptions of the signed PDFs (one printed line per text line, page
numbers alone on a line, OCR slips), kept as found.

Number, type, issuer and date are those the document gives itself (its
"Số:" line and its place-and-date line). Python 3.11 stdlib only.
"""

import argparse
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _plans6_convert():
    spec = importlib.util.spec_from_file_location("plans6_convert", HERE.parent / "plans6" / "convert.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


P6 = _plans6_convert()
P3 = P6.P3  # rebuild.py reads the bodies through it, as set 6's does
GOVDOCS = P6.GOVDOCS

# Records in docs.jsonl order: parent first.
DOCS = [
    {"source_path": "van-ban/lao-dong/nghi-dinh-235-2026-nd-cp-hop-dong-thuc-hien-cong-viec-don-vi-su-nghiep-cong-lap.md",
     "start": "## VĂN BẢN", "end": None,
     "_id": "235-2026-ND-CP", "number": "235/2026/NĐ-CP", "type": "Nghị định", "issuer": "Chính phủ",
     "published": "2026-06-26",
     "title": "Nghị định 235/2026/NĐ-CP về hợp đồng thực hiện công việc trong đơn vị sự nghiệp công lập"},
    {"source_path": "van-ban/giao-duc/59-2026-tt-bgdut-nha-giao-hop-dong-thinh-giang.md",
     "start": "## VĂN BẢN", "end": None,
     "_id": "59-2026-TT-BGDDT", "number": "59/2026/TT-BGDĐT", "type": "Thông tư",
     "issuer": "Bộ Giáo dục và Đào tạo", "published": "2026-07-15",
     "title": "Thông tư 59/2026/TT-BGDĐT quy định về nhà giáo hợp đồng toàn thời gian sau khi nghỉ hưu và "
              "nhà giáo thỉnh giảng"},
]

region = P6.region
source_text = P6.source_text
convert_lines = P6.convert_lines
record_json = P6.record_json


def records(govdocs=GOVDOCS):
    b = P3.bodies(govdocs)
    return [{"_id": m["_id"], "title": m["title"], "text": "\n".join(convert_lines(m, b)), "type": m["type"],
             "number": m["number"], "issuer": m["issuer"], "published": m["published"]} for m in DOCS]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--govdocs", default=GOVDOCS)
    ap.add_argument("--lines", metavar="NUMBER", help="print the numbered lines of one record")
    a = ap.parse_args(argv[1:])
    recs = records(a.govdocs)
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
