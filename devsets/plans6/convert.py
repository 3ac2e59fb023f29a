#!/usr/bin/env python3
"""Plan set 6: the docs.jsonl records of its documents, converted from
../shared/data/govdocs (read in place; nothing of it is copied here).

    python3 devsets/plans6/convert.py [--govdocs DIR]                 # prints docs.jsonl
    python3 devsets/plans6/convert.py --lines NUMBER [--govdocs DIR]  # numbered lines of one record

Each document is one line of govdocs_part*.jsonl, chosen by its
`source_path` (DOCS below). The rules are set 3's (../plans3/convert.py,
whose bodies and clean_line are imported, not copied): every non-blank line
of the document region one line of `text`, markdown markup removed, lines
of only dashes dropped, Unicode NFC. One generalisation: the region is
given per document (DOCS "start" and "end", both headings of the page),
because two of these pages put the agent's "## TÓM TẮT NỘI DUNG" summary,
"## VĂN BẢN LIÊN QUAN" and "## NGUỒN THAM KHẢO" after the document, and
two have no "## VĂN BẢN" heading (the document starts at "## NỘI DUNG").
No word is changed; hard-wrapped lines (part of 55/2026/NĐ-CP is a
line-broken transcription of the signed PDF) are kept as found.

Number, type, issuer and date are those the document gives itself (its
"Số:" line and its place-and-date line). Python 3.11 stdlib only.
"""

import argparse
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOVDOCS = "/work/shared/data/govdocs"


def _plans3_convert():
    spec = importlib.util.spec_from_file_location("plans3_convert", HERE.parent / "plans3" / "convert.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


P3 = _plans3_convert()

# Records in docs.jsonl order: parents first.
DOCS = [
    {"source_path": "van-ban/tai-chinh/nghi-dinh-55-2026-nd-cp-xphc-quan-ly-tai-san-cong.md",
     "start": "## NỘI DUNG", "end": None,
     "_id": "55-2026-ND-CP", "number": "55/2026/NĐ-CP", "type": "Nghị định", "issuer": "Chính phủ",
     "published": "2026-02-09",
     "title": "Nghị định 55/2026/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 63/2019/NĐ-CP quy "
              "định xử phạt vi phạm hành chính trong lĩnh vực quản lý, sử dụng tài sản công; thực hành "
              "tiết kiệm, chống lãng phí; dự trữ quốc gia; kho bạc nhà nước"},
    {"source_path": "van-ban/tai-chinh/thong-tu-45-2026-tt-btc-sua-doi-29-2020-tt-btc-xu-phat-tai-san-cong.md",
     "start": "## VĂN BẢN", "end": "## TÓM TẮT NỘI DUNG",
     "_id": "45-2026-TT-BTC", "number": "45/2026/TT-BTC", "type": "Thông tư", "issuer": "Bộ Tài chính",
     "published": "2026-04-29",
     "title": "Thông tư 45/2026/TT-BTC sửa đổi, bổ sung một số điều của Thông tư số 29/2020/TT-BTC hướng "
              "dẫn thực hiện việc xử phạt vi phạm hành chính trong lĩnh vực quản lý tài sản công"},
    {"source_path": "van-ban/tai-chinh/thong-tu-35-2026-tt-btc-che-do-tiep-khach-nuoc-ngoai-hoi-nghi-quoc-te-tai-viet-nam.md",
     "start": "## VĂN BẢN", "end": None,
     "_id": "35-2026-TT-BTC", "number": "35/2026/TT-BTC", "type": "Thông tư", "issuer": "Bộ Tài chính",
     "published": "2026-03-31",
     "title": "Thông tư 35/2026/TT-BTC quy định chế độ tiếp khách nước ngoài vào làm việc tại Việt Nam, chế "
              "độ chi tổ chức hội nghị, hội thảo quốc tế tại Việt Nam và chế độ tiếp khách trong nước"},
    {"source_path": "van-ban/giao-duc-dao-tao/thong-tu-63-2026-tt-btc-noi-dung-muc-chi-thi-ky-nang-nghe.md",
     "start": "## NỘI DUNG", "end": None,
     "_id": "63-2026-TT-BTC", "number": "63/2026/TT-BTC", "type": "Thông tư", "issuer": "Bộ Tài chính",
     "published": "2026-06-05",
     "title": "Thông tư 63/2026/TT-BTC quy định nội dung và mức chi hoạt động thi kỹ năng nghề"},
]


def region(meta, body):
    """The document region: from the line after meta's start heading to the
    line before its end heading (or the end)."""
    lines = body.split("\n")
    hits = [i for i, l in enumerate(lines) if l.strip() == meta["start"]]
    if not hits:
        raise ValueError(f"{meta['source_path']}: no region heading {meta['start']!r}")
    start, end = hits[0] + 1, len(lines)
    if meta["end"]:
        ends = [i for i in range(start, len(lines)) if lines[i].strip() == meta["end"]]
        if not ends:
            raise ValueError(f"{meta['source_path']}: no end heading {meta['end']!r}")
        end = ends[0]
    return lines[start:end]


def source_text(meta, bodies):
    """The document region of a record's body, as one string (what the manifest hashes)."""
    if meta["source_path"] not in bodies:
        raise ValueError(f"govdocs has no {meta['source_path']}")
    return "\n".join(region(meta, bodies[meta["source_path"]]))


def convert_lines(meta, bodies):
    out = []
    for l in source_text(meta, bodies).split("\n"):
        c = P3.clean_line(l)
        if c and not P3.DASHES.match(c):
            out.append(c)
    return out


def records(govdocs=GOVDOCS):
    b = P3.bodies(govdocs)
    return [{"_id": m["_id"], "title": m["title"], "text": "\n".join(convert_lines(m, b)), "type": m["type"],
             "number": m["number"], "issuer": m["issuer"], "published": m["published"]} for m in DOCS]


def record_json(rec):
    return json.dumps(rec, ensure_ascii=False)


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
