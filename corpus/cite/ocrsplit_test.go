package cite

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// TestOCRSplitDotRef: the citation parser reads a number OCR split inside
// its digits after "số" and a "." for the dash between a type's code and
// its issuer's as the one grammar does (viet TestSplitNumber,
// TestDotForDash): the reference is the number typed clean, with its type
// and date, its number the joined digits, and its lookup key the key the
// index gives the DocNumber token of the same text. A clause's number or
// a list's item before a number is not joined to it; a dot after a code
// that names no type makes no reference of a form's code. Lines written
// for the test in the shapes of căn cứ lines, metadata rows and closing
// articles; numbers made up.
func TestOCRSplitDotRef(t *testing.T) {
	cases := []struct {
		in, key, num, typ, date string
	}{
		{"Căn cứ Luật Đường thủy nội địa số 4 3/2024/QH1 5;", "43/2024/QH15", "43", "Luật", ""},
		{"Căn cứ Nghị định số 1 27/2019/NĐ-CP ngày 10 tháng 5 năm 2019 của Chính phủ;", "127/2019/NĐ-CP", "127", "Nghị định", "2019-05-10"},
		{"Căn cứ Quyết định số 52 8/QĐ-UBND ngày 02/3/2025 của UBND tỉnh;", "528/QĐ-UBND", "528", "Quyết định", "2025-03-02"},
		{"Căn cứ Nghị định số 31/2023/NĐ.CP ngày 5 tháng 6 năm 2023 của Chính phủ;", "31/2023/NĐ-CP", "31", "Nghị định", "2023-06-05"},
		{"Căn cứ Quyết định số 812/QĐ.UBND ngày 4/5/2025 của UBND tỉnh;", "812/QĐ-UBND", "812", "Quyết định", "2025-05-04"},
		{"Căn cứ Nghị quyết số 09/2024/NQ.HĐND ngày 12/7/2024 của HĐND tỉnh;", "09/2024/NQ-HĐND", "09", "Nghị quyết", "2024-07-12"},
		{"Căn cứ Nghị định số 17/2022NĐ.CP;", "17/2022/NĐ-CP", "17", "Nghị định", ""},
		// not joined: a clause's number, a stray digit before a number of its own
		{"Căn cứ khoản 4 3/2024/QH15;", "3/2024/QH15", "3", "Luật", ""},
		{"Căn cứ Bộ luật Tố tụng hình sự sô 2 104/2015/QH13;", "104/2015/QH13", "104", "Luật", ""},
	}
	for _, c := range cases {
		refs := ParseRefs(c.in)
		if len(refs) != 1 {
			t.Errorf("%q: %d references %+v, want 1", c.in, len(refs), refs)
			continue
		}
		r := refs[0]
		if r.Key != c.key || r.Number != c.num || r.Type != c.typ || r.Date != c.date || r.Relation != BasedOn {
			t.Errorf("%q: got %s %s %q %s %s, want %s %s %q %s based_on", c.in, r.Key, r.Number, r.Type, r.Date, r.Relation, c.key, c.num, c.typ, c.date)
		}
		found := false
		viet.Tokenize(c.in, func(tok viet.Token) {
			if tok.Kind == viet.DocNumber && doctype.NumberKey(c.in[tok.Start:tok.End]) == r.LookupKey() {
				found = true
			}
		})
		if !found {
			t.Errorf("%q: no DocNumber token keyed %q", c.in, r.LookupKey())
		}
	}
	// a list's items stay two: "4" is no number, "3/2024/QH15" one
	refs := ParseRefs("Căn cứ các Luật số 4, 3/2024/QH15 và 7/2024/QH15;")
	if len(refs) != 2 || refs[0].Key != "3/2024/QH15" || refs[1].Key != "7/2024/QH15" {
		t.Errorf("list: %+v", refs)
	}
	// a form's code with a dot: no reference (its code names no type)
	for _, r := range ParseRefs("Kèm theo tờ khai 03/TKDN.ĐK đề nghị đăng ký.") {
		t.Errorf("a reference made of a form's code: %+v", r)
	}
}

// TestNineForQRef: a Quốc hội code whose Q OCR read as 9 after a split
// year (viet TestNineForQ) is the law it names, and the agents listed
// after it are read as they are after a clean number: each amends the
// law named before "được". The shape of a căn cứ line of an OCR'd decree;
// numbers made up.
func TestNineForQRef(t *testing.T) {
	in := "Căn cứ Luật Hải quan số 61/2013/QH13 được sửa đổi, bổ sung bởi Luật số 35/201 59H13, luật số 18/201 7QHI4, Luật số 21/2019/QH14;"
	checkRelations(t, in, []agentWant{
		{"61/2013/QH13", BasedOn, false, ""},
		{"35/2015/QH13", Amends, true, "61/2013/QH13"},
		{"18/2017/QH14", Amends, true, "61/2013/QH13"},
		{"21/2019/QH14", Amends, true, "61/2013/QH13"},
	})
	// OCR's stray comma before "bởi" ("bổ Sung, bởi"): the agents still
	// name their subject; a comma before "bởi vì" names no agent
	in = "Căn cứ Luật Hải quan số 61/2013/QH13 được sửa đổi, bổ Sung, bởi Luật số 35/201 59H13, luật số 18/201 7QHI4;"
	checkRelations(t, in, []agentWant{
		{"61/2013/QH13", BasedOn, false, ""},
		{"35/2015/QH13", Amends, true, "61/2013/QH13"},
		{"18/2017/QH14", Amends, true, "61/2013/QH13"},
	})
	in = "Quyết định số 12/2029/QĐ-UBND được ban hành, bởi vì Nghị định số 15/2031/NĐ-CP đã có hiệu lực."
	checkRelations(t, in, []agentWant{{"15/2031/NĐ-CP", Mentions, false, ""}})
}

// TestSplitOwnNumber: a number split after "số" beside a "1" has two
// readings when a stray digit may stand before the number: the joined one
// (viet splitLead) and the second half alone. When the second half alone
// is the text's own number — an appendix's "Kèm theo Nghị định số …"
// names the text it is attached to — that is the reading: no reference to
// a made-up number. A stray digit other than "1" before a two-digit
// number is never joined (viet TestStrayDigitBeforeNumber): the number
// after it is the reference in any text. Written for the test; numbers
// made up.
func TestSplitOwnNumber(t *testing.T) {
	text := "PHỤ LỤC II\n(Kèm theo Nghị định số 1 45/2031/NĐ-CP ngày 3 tháng 5 năm 2031 của Chính phủ)\n\nMẫu đơn đề nghị."
	d := ParseDoc(text, Self{Number: "45/2031/NĐ-CP"})
	for _, r := range d.Refs {
		if r.Key != "45/2031/NĐ-CP" {
			t.Errorf("own number split: reference %s, want the text's own 45/2031/NĐ-CP", r.Key)
		}
	}
	// another text's: the joined reading
	d = ParseDoc(text, Self{Number: "12/2031/NĐ-CP"})
	if len(d.Refs) != 1 || d.Refs[0].Key != "145/2031/NĐ-CP" {
		t.Errorf("another text's split: %+v, want 145/2031/NĐ-CP", d.Refs)
	}
	// a stray "2": the number after it, in the text's own appendix and in another text
	stray := strings.Replace(text, "số 1 45", "số 2 45", 1)
	for _, own := range []string{"45/2031/NĐ-CP", "12/2031/NĐ-CP"} {
		d = ParseDoc(stray, Self{Number: own})
		if len(d.Refs) != 1 || d.Refs[0].Key != "45/2031/NĐ-CP" {
			t.Errorf("stray digit (own %s): %+v, want 45/2031/NĐ-CP", own, d.Refs)
		}
	}
}
