package viet

import "testing"

// TestTermCodeDigits: OCR also drops the term's last digit ("…/2023/QH1")
// or adds a stray one ("…/2023/QH125"). A code whose digits name no term
// that sat in the key's year is read as the term they can only be: the
// one term of that year the digits begin (a dropped digit), or that
// deleting one digit gives (a stray digit). A year in which two terms sat
// (an election year), a reading two terms fit, a term that sat as typed
// and a substitution ("QH16" in 2025: the source's error, not OCR's loss)
// are left as typed. Numbers made up for the test.
func TestTermCodeDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"61/2023/QH1", "61/2023/qh15"},
		{"7/2018/QH1", "7/2018/qh14"},
		{"3/2022/UBTVQH1", "3/2022/ubtvqh15"},
		{"61/2023/QH125", "61/2023/qh15"},
		{"61/2023/QH155", "61/2023/qh15"},
		{"9/2013/QH313", "9/2013/qh13"},
		// left as typed
		{"12/2026/QH1", "12/2026/qh1"},     // 15 and 16 both sat in 2026
		{"12/2021/QH145", "12/2021/qh145"}, // 14 and 15 both fit
		{"40/1955/QH1", "40/1955/qh1"},     // no term of the table sat then
		{"45/2019/QH15", "45/2019/qh15"},   // two digits: a substitution, not decided
		{"123/2025/QH16", "123/2025/qh16"},
		{"61/2023/QH15", "61/2023/qh15"},
		{"61/QH1", "61/qh1"}, // no year
	}
	for _, tt := range tests {
		if got := GrammarKey(tt.in); got != tt.want {
			t.Errorf("GrammarKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLawCode (i27-rev-numkey): the code of a law's number as typed — the
// Quốc hội's or its Standing Committee's and a term of two digits; a
// unit, a road or an index ending in digits is none, nor an OCR reading.
func TestLawCode(t *testing.T) {
	for code, want := range map[string]bool{
		"QH16": true, "qh15": true, "UBTVQH16": true, "ubtvqh14": true,
		"QH": false, "QH1": false, "QH165": false, "QHI5": false, "QL1": false, "QL18": false,
		"km2": false, "CO2": false, "VN30": false, "TCVN5": false, "": false,
	} {
		if got := LawCode(code); got != want {
			t.Errorf("LawCode(%q) = %v, want %v", code, got, want)
		}
	}
}
