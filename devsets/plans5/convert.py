#!/usr/bin/env python3
"""Plan set 5: the docs.jsonl records of its documents (format only).

    python3 devsets/plans5/convert.py [--src DIR]                  # prints docs.jsonl
    python3 devsets/plans5/convert.py --lines NUMBER [--src DIR]   # numbered lines of one record

Every record comes from a fetched file of tnt305/tai_lieu_noi_bo (README.md,
"Sources"), saved under its own name in --src (default /work/devplans5/src).
This file holds no text of the documents: markers, metadata and rules only.

The rules are set 4's (../plans4/convert.py, whose region, convert_lines
and fix functions are imported, not copied; they in turn use set 2's):
the document region of a file, form A (each blank-line block or
layout-table cell one line, its source lines joined with a space), markdown
and heading marks removed, empty and dash-only lines dropped, fixes by
content checked to apply exactly once (none are needed for these files).
"""

import argparse
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = Path("/work/devplans5/src")


def _plans4_convert():
    spec = importlib.util.spec_from_file_location("plans4_convert", HERE.parent / "plans4" / "convert.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


P4 = _plans4_convert()

# Records in docs.jsonl order: parents first. "file" names a fetched source
# (md5(url)[:16] of the page, README.md).
DOCS = [
    {"file": "266c58c94945cbc4.md", "form": "A",
     "_id": "71-NQ-TW", "number": "71-NQ/TW", "type": "Nghị quyết", "issuer": "Bộ Chính trị",
     "published": "2025-08-22",
     # The capture (xaydungchinhsach.chinhphu.vn, "TOÀN VĂN") starts at the
     # resolution's first paragraph: no header block, number, date or
     # signature. Number, date and issuer as 6386/BVHTTDL-KHCNĐTMT cites it.
     "title": "Nghị quyết 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo"},
    {"file": "f0a3d9f100d0791b.md", "form": "A",
     "_id": "6386-BVHTTDL-KHCNDTMT", "number": "6386/BVHTTDL-KHCNĐTMT", "type": "Công văn",
     "issuer": "Bộ Văn hóa, Thể thao và Du lịch", "published": "2025-11-25",
     # The capture starts at "Kính gửi:" (no header block): number and date
     # from its own Phụ lục line "(Kèm theo Công văn số … ngày 25/11/2025 …)",
     # the subject from the page's title in the crawl list.
     "title": "Công văn 6386/BVHTTDL-KHCNĐTMT ngày 25/11/2025 thực hiện nhiệm vụ năm học 2025 - 2026, "
              "Phong trào thi đua \u201c70 ngày cao điểm\u201d lập thành tích chào mừng Đại hội đại biểu "
              "toàn quốc lần thứ XIV của Đảng"},
]


def source_name(meta):
    return meta["file"]


def source_text(meta, src):
    """The document region of a fetched file."""
    return P4.region(meta, (src / meta["file"]).read_text(encoding="utf-8"))


def records(src=SRC):
    out = []
    for meta in DOCS:
        text = (src / meta["file"]).read_text(encoding="utf-8")
        out.append({"_id": meta["_id"], "title": meta["title"], "text": "\n".join(P4.convert_lines(meta, text)),
                    "type": meta["type"], "number": meta["number"], "issuer": meta["issuer"],
                    "published": meta["published"]})
    return out


def record_json(rec):
    return json.dumps(rec, ensure_ascii=False)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=SRC, type=Path)
    ap.add_argument("--lines", metavar="NUMBER", help="print the numbered lines of one record")
    a = ap.parse_args(argv[1:])
    recs = records(a.src)
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
