package cite

import (
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// TestOCRNumberRef: the citation parser reads OCR's noise in a number as
// the one grammar does (viet TestOCRNumbers): the reference names the
// number typed clean, its type and date read as for a clean number, and
// its lookup key is the key the index gives the DocNumber token of the
// same text, so the graph and the index name one document. Lines written
// for the test in the shapes of căn cứ lines; numbers made up.
func TestOCRNumberRef(t *testing.T) {
	cases := []struct {
		in, key, typ, date string
	}{
		{"Căn cứ Luật Thư viện số 46/2 019/QH14 ngày 21 tháng 11 năm 2019;", "46/2019/QH14", "Luật", "2019-11-21"},
		{"Căn cứ Nghị định số 66/2029NĐ-CP ngày 02 tháng 3 năm 2029 của Chính phủ;", "66/2029/NĐ-CP", "Nghị định", "2029-03-02"},
		{"Căn cứ Thông tư số 89/2014TT-BTC ngày 07/7/2014 của Bộ Tài chính;", "89/2014/TT-BTC", "Thông tư", "2014-07-07"},
		{"Căn cứ Luật Đấu thầu số 22/2023/QHI 5;", "22/2023/QH15", "Luật", ""},
		{"Căn cứ Luật Thư viện số 45/2019/QH1 4 ngày 21 tháng 11 năm 2019;", "45/2019/QH14", "Luật", "2019-11-21"},
		{"Căn cứ Luật Xử lý vi phạm hành chính số 15/2012/QI113;", "15/2012/QH13", "Luật", ""},
		{"Căn cứ Luật số 18/201 7QHI4;", "18/2017/QH14", "Luật", ""},
		{"Căn cứ Nghị định số 12/2020/NÐ-CP ngày 20 tháng 1 năm 2020;", "12/2020/NĐ-CP", "Nghị định", "2020-01-20"},
		{"Căn cứ Nghị định số 12/2020/ND-CP ngày 20 tháng 1 năm 2020;", "12/2020/NĐ-CP", "Nghị định", "2020-01-20"},
	}
	for _, c := range cases {
		refs := ParseRefs(c.in)
		if len(refs) != 1 {
			t.Errorf("%q: %d references %+v, want 1", c.in, len(refs), refs)
			continue
		}
		r := refs[0]
		if r.Key != c.key || r.Type != c.typ || r.Date != c.date || r.Relation != BasedOn {
			t.Errorf("%q: got %s %q %s %s, want %s %q %s based_on", c.in, r.Key, r.Type, r.Date, r.Relation, c.key, c.typ, c.date)
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
	// letters glued to a school year are no number's code (viet
	// TestGluedCodeNotInvented): no reference is made of them (i24-review2)
	for _, r := range ParseRefs("Thực hiện Công văn số 2023/2024TB về năm học mới;") {
		t.Errorf("a reference made of a school year: %+v", r)
	}
	// a 1+3 split before a code whose numbers may have no year is not joined
	for _, r := range ParseRefs("Căn cứ Quyết định số 46/2 019/QĐ-UBND của UBND tỉnh;") {
		if r.Key == "46/2019/QĐ-UBND" {
			t.Errorf("joined a split the code does not confirm: %+v", r)
		}
	}
}
