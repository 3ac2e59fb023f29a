package viet

import (
	"strings"
	"testing"
)

// TestOCRNumbers: OCR's noise in a number read through the one grammar
// where it has one reading, so the tokenizer, GrammarKey and the citation
// parser read the number alike: a year split after its first digit before
// a Quốc hội code (whose numbers always carry a year), a year glued to the
// code after it, a term split by a space ("QH1 4", "QHI 5", "QH 14"), an H
// read as "I1", "II" or "L" ("QI113"). Where the noise has another reading
// — a code that may follow a number without year, a term the year
// contradicts, one letter glued, a code that is no Quốc hội code — the
// digits stay as they are. The clean spellings (2+2, a space before the
// code, NĐ typed ND or with the Icelandic Ð) are guards. Numbers made up.
func TestOCRNumbers(t *testing.T) {
	tests := []struct {
		in    string
		parts string // ScanNumber's parts, "-" for no number at 0
		key   string // GrammarKey of the whole input
	}{
		{"46/2 019/QH14", "/2019 /QH14", "46/2019/qh14"},
		{"7/2 021/UBTVQH15", "/2021 /UBTVQH15", "7/2021/ubtvqh15"},
		{"66/2029NĐ-CP", "/2029 /NĐ -CP", "66/2029/nd-cp"},
		{"89/2014TT-BTC", "/2014 /TT -BTC", "89/2014/tt-btc"},
		{"18/201 7QHI4", "/2017 /QHI4", "18/2017/qh14"},
		{"45/2019/QH1 4", "/2019 /QH14", "45/2019/qh14"},
		{"22/2023/QHI 5", "/2023 /QHI5", "22/2023/qh15"},
		{"45/2019/QH 14", "/2019 /QH14", "45/2019/qh14"},
		{"101/2025/QH1 3", "/2025 /QH13", "101/2025/qh13"}, // the term as typed, not QH15 from "QH1"
		{"15/2012/QI113", "/2012 /QI113", "15/2012/qh13"},
		{"15/2012/QII3", "/2012 /QII3", "15/2012/qh13"},
		{"12/2020/UBTVQI14", "/2020 /UBTVQI14", "12/2020/ubtvqh14"},
		// guards: read before
		{"02/20 17/QH14", "/2017 /QH14", "2/2017/qh14"},
		{"02/2017 /QH14", "/2017 /QH14", "2/2017/qh14"},
		{"12/2020/ND-CP", "/2020 /ND -CP", "12/2020/nd-cp"},
		{"12/2020/NÐ-CP", "/2020 /NÐ -CP", "12/2020/nd-cp"},
		{"20/2020/TT-BGDÐT", "/2020 /TT -BGDÐT", "20/2020/tt-bgddt"},
		// not read through
		{"46/2 019/QĐ-UBND", "-", ""},                      // "019/QĐ-UBND" may be a number
		{"46/2 019/QH11", "-", ""},                         // QH11 did not sit in 2019
		{"12/2019QH11", "-", ""},                           // likewise glued
		{"tỷ lệ 1/2000A", "-", ""},                         // one letter glued
		{"45/2019/QH1 45", "/2019 /QH1", ""},               // three digits of a term
		{"45/2019/NQ 14", "/2019 /NQ", ""},                 // no Quốc hội code
		{"15/2012/QLTT", "/2012 /QLTT", "15/2012/qltt"},    // letters, no term
		{"15/2019/QI113", "/2019 /QI113", "15/2019/qi113"}, // QH13 did not sit in 2019
	}
	for _, tt := range tests {
		var parts []string
		end := ScanNumber(tt.in, 0, func(sep byte, p string) { parts = append(parts, string(sep)+p) })
		got := strings.Join(parts, " ")
		if end == 0 {
			got = "-"
		}
		if got != tt.parts {
			t.Errorf("ScanNumber(%q) parts %q, want %q", tt.in, got, tt.parts)
		}
		if k := GrammarKey(tt.in); k != tt.key {
			t.Errorf("GrammarKey(%q) = %q, want %q", tt.in, k, tt.key)
		}
	}
	// The tokenizer emits each joined number once, with the key a query
	// typed clean finds; a 1+3 split before another code stays two words
	// and the number after them.
	s := "Luật số 46/2 019/QH14, Nghị định số 66/2029NĐ-CP, Luật số 22/2023/QHI 5 và Quyết định số 46/2 019/QĐ-UBND."
	var nums []string
	Tokenize(s, func(tk Token) {
		if tk.Kind == DocNumber {
			nums = append(nums, GrammarKey(s[tk.Start:tk.End]))
		}
	})
	if got, want := strings.Join(nums, " "), "46/2019/qh14 66/2029/nd-cp 22/2023/qh15 19/qd-ubnd"; got != want {
		t.Errorf("Tokenize(%q) numbers %q, want %q", s, got, want)
	}
}

// TestGluedCodeNotInvented: a year glued to letters is read as a number's
// year and code only where the letters are a number's code: a type's code
// and its issuer's after a dash ("66/2026NĐ-CP", "89/2014TT-BTC"), or a
// Quốc hội code whose term sat that year ("88/2025QHI5"). Letters glued to
// a ratio, a month, a school year or a date are a unit, an issuer or a
// note, and no number is made of them: not by ScanNumber, not by
// GrammarKey, not by the tokenizer starting inside a date. Written for the
// test (i24-review2).
func TestGluedCodeNotInvented(t *testing.T) {
	for _, in := range []string{
		"1/2000KM",    // a map's scale and a unit
		"1/500CM",     // likewise
		"2023/2024TB", // a school year and "trung bình"
		"2024/2025NQ", // a school year and a note
		"12/2025UBND", // a month and the issuer after it
		"8/2025TP",    // a month and "thành phố"
		"05/2024HĐLĐ", // a month and a contract's kind
		"0912/2017TB", // a phone number's halves
		"3/2024TT",    // a type's code with no issuer: the "-" OCR kept elsewhere
		"12/2019QH11", // a Quốc hội code whose term did not sit that year
	} {
		if end := ScanNumber(in, 0, nil); end != 0 {
			t.Errorf("ScanNumber(%q) read %q as a number", in, in[:end])
		}
		if k := GrammarKey(in); k != "" {
			t.Errorf("GrammarKey(%q) = %q, want none", in, k)
		}
	}
	for _, s := range []string{
		"Ngày 30/4/2025UBND tỉnh tổ chức lễ kỷ niệm.",
		"Bản đồ tỷ lệ 1/2000KM đường tỉnh.",
		"Năm học 2023/2024TB đạt 8,5 điểm.",
	} {
		Tokenize(s, func(tk Token) {
			if tk.Kind == DocNumber {
				t.Errorf("Tokenize(%q): a DocNumber %q", s, s[tk.Start:tk.End])
			}
		})
	}
	// the shapes OCR glues in real numbers stay read
	for in, key := range map[string]string{
		"66/2026NĐ-CP":   "66/2026/nd-cp",
		"12/2025KH-UBND": "12/2025/kh-ubnd",
		"10/2025TB-VPCP": "10/2025/tb-vpcp",
		"88/2025QHI5":    "88/2025/qh15",
		"18/201 7QHI4":   "18/2017/qh14",
	} {
		if k := GrammarKey(in); k != key {
			t.Errorf("GrammarKey(%q) = %q, want %q", in, k, key)
		}
	}
}
