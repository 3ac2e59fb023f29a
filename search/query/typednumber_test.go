package query

import (
	"slices"
	"testing"
)

// TestNumberTypedAsStaffType: a document's own number typed with spaces,
// dots or dashes for its separators gives the key the index's number
// field holds (doctype.NumberKey of the number as the header writes it),
// whatever else the query gives. Old-form numbers written with dashes
// ("73-CP", "24-NQ/TW") keep their own key. Numbers made up.
func TestNumberTypedAsStaffType(t *testing.T) {
	tests := []struct {
		query string
		want  string // a key of Numbers
	}{
		{"97/2031/NĐ-CP", "97/2031/nd-cp"},
		{"97 2031 NĐ CP", "97/2031/nd-cp"},
		{"97 2031 nd cp", "97/2031/nd-cp"},
		{"97-2031-NĐ-CP", "97/2031/nd-cp"},
		{"97.2031.NĐ.CP", "97/2031/nd-cp"},
		{"97.2031.NĐ-CP", "97/2031/nd-cp"},
		{"97/2031/NĐ CP", "97/2031/nd-cp"},
		{"97/2031/nđ cp", "97/2031/nd-cp"},
		{"nghị định 97-2031-NĐ-CP về thuế", "97/2031/nd-cp"},
		{"154-NQ-CP", "154/nq-cp"},
		{"154.NQ.CP", "154/nq-cp"},
		{"154 NQ CP", "154/nq-cp"},
		{"1234/QĐ UBND", "1234/qd-ubnd"},
		{"1234.QĐ.UBND", "1234/qd-ubnd"},
		// a law's number: a year, then the issuer's code alone (i26-rev-cite)
		{"luật 31-2030-QH16 đất đai", "31/2030/qh16"},
		{"73-CP", "73-cp"},
		{"24-NQ/TW", "24-nq/tw"},
	}
	for _, tt := range tests {
		if got := Parse(tt.query).Numbers; !slices.Contains(got, tt.want) {
			t.Errorf("Parse(%q).Numbers = %q, want %q among them", tt.query, got, tt.want)
		}
	}
	// no number made of words: a type's code followed by a word with marks
	// or by a code no number has after it
	for q, not := range map[string]string{
		"154/NQ về việc":     "154/nq-ve",
		"nghị quyết 154 năm": "154/nq-nam",
	} {
		if got := Parse(q).Numbers; slices.Contains(got, not) {
			t.Errorf("Parse(%q).Numbers = %q, want no %q", q, got, not)
		}
	}
}
