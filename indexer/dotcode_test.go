package indexer

import (
	"slices"
	"testing"
)

// TestDotAfterTypeCodeOnly: the index reads a "." as the dash between a
// number's codes only after a type's code ("NĐ.CP", "QĐ.UBND", "CT.TTg"),
// as the citation graph does (corpus/cite): after any other code it is a
// sentence's end run into the next word ("123/UBND.UBND tỉnh") or a form's
// code ("01/CCTT.ĐK"), and the number ends at the dot. Lines written for
// the test; numbers made up.
func TestDotAfterTypeCodeOnly(t *testing.T) {
	tests := []struct {
		text string
		want string // a term of every view that holds numbers and the cites field
		not  string // a term none holds
	}{
		{"Căn cứ Nghị định số 15/2030/NĐ.CP ngày 2/3/2030", "15/2030/nd-cp", "15/2030/nd"},
		{"Thực hiện Quyết định số 208/QĐ.UBND của tỉnh", "208/qd-ubnd", "208/qd"},
		{"theo Chỉ thị số 12/CT.TTg", "12/ct-ttg", "12/ct"},
		{"Công văn số 123/UBND.UBND tỉnh đã giao", "123/ubnd", "123/ubnd-ubnd"},
		{"kê khai theo mẫu 01/CCTT.ĐK ban hành kèm theo", "1/cctt", "1/cctt-dk"},
		{"Báo cáo số 45/BC.VP gửi Sở", "45/bc-vp", "45/bc"},
		{"thi hành Luật số 31/2030/QH16.UBND tỉnh giao", "31/2030/qh16", "31/2030/qh16-ubnd"},
	}
	for _, tt := range tests {
		for _, a := range []string{AnalyzerExact, AnalyzerFold} {
			terms := QueryTerms(tt.text, a)
			if !slices.Contains(terms, tt.want) || slices.Contains(terms, tt.not) {
				t.Errorf("%s terms of %q = %q, want %q and not %q", a, tt.text, terms, tt.want, tt.not)
			}
		}
		if keys := citedKeys(tt.text); !slices.Contains(keys, tt.want) || slices.Contains(keys, tt.not) {
			t.Errorf("citedKeys(%q) = %q, want %q and not %q", tt.text, keys, tt.want, tt.not)
		}
	}
	for in, want := range map[string]string{
		"15/2030/NĐ.CP": "15/2030/nd-cp",
		"123/UBND.UBND": "123/ubnd",
		"01/CCTT.ĐK":    "1/cctt",
	} {
		if got := QueryTerms(in, AnalyzerKey); !slices.Equal(got, []string{want}) {
			t.Errorf("number field's terms of %q = %q, want [%q]", in, got, want)
		}
	}
}
