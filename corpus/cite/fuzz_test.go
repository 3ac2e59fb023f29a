package cite

import (
	"testing"
	"unicode/utf8"
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
