package cite

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
)

// FuzzParseRefs checks that spans lie inside the input, that fields are
// valid UTF-8, that every ref survives a trip through its String form, and
// that its number is a DocNumber token with the same key (checkAgreement).
//
//	go test ./corpus/cite -run '^$' -fuzz FuzzParseRefs -fuzztime 60s
func FuzzParseRefs(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.in)
	}
	f.Add("Quyết định số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND của UBND tỉnh Bình Dương")
	f.Add("Thông tư số 50/2017/TT-BTC Hướng dẫn Nghị định số 73/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ ngày 15/06/2017 của Bộ Tài chính")
	f.Add("Nghị định số 73-CP ngày 25/10/1993, 74-cp và Luật số 34/2014/QHi3")
	f.Add("Căn cứ Nghị định số 16/2020/NĐ-CP quy định chi tiết Luật Quốc tịch Việt Nam được sửa đổi, bổ sung bởi Nghị định số 45/2024/NĐ-CP và Luật số 61/2023/QH1, 61/2023/QH125;")
	f.Add("Căn cứ Luật A; Luật sửa đổi, bổ sung một số điều của Luật B, Luật C số 47/2019/QH14;\n*Căn cứ Luật D được sửa đổi bởi Luật số 5/2020/QH14;*")
	f.Add("### Điều 2. Sửa đổi Nghị định số 15/2018/NĐ-CP\nngày 02 tháng 02 năm 2018 của Chính phủ (được sửa đổi bởi Nghị định số 1/2019/NĐ-CP)\n\nngày")
	f.Add("Thực hiện Công văn số 25/SXD.QLN ngày 20/5/2030 của Sở Xây dựng; Công văn số 412/STC.NS và tờ khai 03/TKDN.ĐK")
	f.Add("Quyết định số 16/QĐ-TTg (phê duyệt Đề án (theo Nghị định số 73/2029/NĐ-CP) về giáo dục) được thay thế bởi Quyết định số 20/QĐ-TTg; Luật Đất đai (Luật số 45/2013/QH13) hết hiệu lực.")
	f.Add("Quyết định số 16/QĐ-TTg (phê duyệt Đề án theo Nghị định số 73/2029/NĐ-CP được thay thế bởi Quyết định số 20/QĐ-TTg) (")
	f.Add("Quyết định số 208/QĐ.ĐIỀU 1. Kế hoạch số 88/KH-UBND.NGÀY 02/3/2030; Công văn số 25/SXD.ĐIỀU 5 ngày 20/5/2030, 12/CT.TƯ")
	for _, set := range [][]relCase{realRelations, ownRelations, heldoutRelations} {
		for _, c := range set {
			f.Add(c.in)
		}
	}
	for _, c := range effectRelations {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkAgreement(t, in)
		refs := ParseRefs(in)
		last := -1
		for _, r := range refs {
			if r.Start < 0 || r.End > len(in) || r.Start >= r.End {
				t.Fatalf("ParseRefs(%q): span [%d,%d) outside input", in, r.Start, r.End)
			}
			if r.Text != in[r.Start:r.End] {
				t.Fatalf("ParseRefs(%q): Text %q != input[%d:%d]", in, r.Text, r.Start, r.End)
			}
			if r.Start < last {
				t.Fatalf("ParseRefs(%q): refs out of order", in)
			}
			last = r.Start
			for _, s := range []string{r.Key, r.Type, r.Issuer, r.IssuerCode, r.Number, r.Date} {
				if !utf8.ValidString(s) {
					t.Fatalf("ParseRefs(%q): invalid UTF-8 in %+v", in, r)
				}
			}
			if r.Key == "" || r.Type == "" || r.Number == "" {
				t.Fatalf("ParseRefs(%q): incomplete ref %+v", in, r)
			}
			checkRelation(t, in, r, refs)
			s := r.String()
			back := ParseRefs(s)
			if len(back) != 1 {
				t.Fatalf("ParseRefs(%q) of ref from %q = %d refs %+v, want 1", s, in, len(back), back)
			}
			b := back[0]
			if b.Type != r.Type || b.Key != r.Key || b.Date != r.Date || b.Issuer != r.Issuer {
				t.Fatalf("round trip of %q via %q:\n got %+v\nwant %+v", in, s, b, r)
			}
		}
	})
}

// FuzzParseDate checks that accepted dates are valid and canonical.
//
//	go test ./corpus/cite -run '^$' -fuzz FuzzParseDate -fuzztime 60s
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"23/11/2022", "23-11-2022", "23.11.2022", "ngày 05 tháng 3 năm 2020", "ngày 5/3/2020", "31/02/2020", "29/2/2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, ok := parseDate(in)
		if !ok {
			return
		}
		if len(d) != 10 || d[4] != '-' || d[7] != '-' {
			t.Fatalf("parseDate(%q) = %q, not YYYY-MM-DD", in, d)
		}
		again, ok := parseDate(d[8:10] + "/" + d[5:7] + "/" + d[0:4])
		if !ok || again != d {
			t.Fatalf("parseDate(%q) = %q, but its dd/mm/yyyy form gives %q, %v", in, d, again, ok)
		}
	})
}

// checkRelation checks the relation fields of r, one of refs found in in:
// a known relation, valid UTF-8, dates that parse, the other end another
// reference's key or a name, a part that is text of the input.
func checkRelation(t *testing.T, in string, r Ref, refs []Ref) {
	t.Helper()
	if r.Relation.Rank() < 0 {
		t.Fatalf("ParseRefs(%q): unknown relation in %+v", in, r)
	}
	for _, d := range []string{r.Effective, r.Until} {
		if d == "" {
			continue
		}
		if back, ok := parseDate(d[8:10] + "/" + d[5:7] + "/" + d[0:4]); len(d) != 10 || !ok || back != d {
			t.Fatalf("ParseRefs(%q): bad date %q in %+v", in, d, r)
		}
	}
	if !utf8.ValidString(r.Part) || !utf8.ValidString(r.Other) || strings.ContainsAny(r.Part, "\n\t") {
		t.Fatalf("ParseRefs(%q): bad part or other in %+v", in, r)
	}
	if r.Other != "" && doctype.NumberKey(r.Other) != "" {
		found := false
		for _, o := range refs {
			found = found || o.Key == r.Other
		}
		if !found && !strings.Contains(in, r.Other) {
			t.Fatalf("ParseRefs(%q): other end %q is neither a reference nor text of the input", in, r.Other)
		}
	}
	if r.Relation == Mentions && (r.By || r.Other != "" || r.Partial) {
		t.Fatalf("ParseRefs(%q): a mention with a direction: %+v", in, r)
	}
	if r.Ground && !r.By {
		t.Fatalf("ParseRefs(%q): a ground that is no actor (Ground without By): %+v", in, r)
	}
}

// FuzzParseDoc checks that ParseDoc's own dates are valid and agree with
// ParseRefs on the references.
//
//	go test ./corpus/cite -run '^$' -fuzz FuzzParseDoc -fuzztime 60s
func FuzzParseDoc(f *testing.F) {
	for _, c := range ownRelations {
		f.Add(c.in, "")
	}
	for _, c := range effectRelations {
		f.Add(c.in, "2025-06-01")
	}
	f.Add("Phú An, ngày 02 tháng 5 năm 2025\nQuyết định này có hiệu lực sau 10 ngày kể từ ngày ký.", "")
	f.Add("Phú An, ngày 04 tháng 5 năm 2026\nĐiều 3. Quyết định này thay thế Quyết định số 15/2026/QĐ-UBND ngày 10 tháng 9 năm 2026.", "")
	f.Add("Quyết định có hiệu lực kể từ ngày ký và thay thế Quyết định số 12/QĐ-UBND.", "2024-06-01")
	f.Add("1. Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 203/2025/QH15\n2. Luật Kinh doanh bảo hiểm số 08/2022/QHI15 được sửa đổi, bổ sung bởi Luật số 139/2025/QHI5 (sửa đổi tại Luật số 12/2019/QH14).", "2026-03-01")
	f.Fuzz(func(t *testing.T, in, signed string) {
		if _, ok := parseDate(signed); !ok {
			signed = ""
		} else {
			signed, _ = parseDate(signed)
		}
		d := ParseDoc(in, Self{Signed: signed})
		for _, s := range []string{d.Signed, d.Effective, d.Until} {
			if s == "" {
				continue
			}
			if back, ok := parseDate(s[8:10] + "/" + s[5:7] + "/" + s[0:4]); len(s) != 10 || !ok || back != s {
				t.Fatalf("ParseDoc(%q): bad date %q in %+v", in, s, d)
			}
		}
		if len(d.Refs) != len(ParseRefs(in)) {
			t.Fatalf("ParseDoc(%q) and ParseRefs disagree on the references", in)
		}
	})
}
