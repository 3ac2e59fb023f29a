package viet

import (
	"strings"
	"testing"
)

// TestSplitYear: OCR puts a space inside the year of a number ("02/201
// 7/QHI14", "15/20 23/NĐ-CP"). The one grammar reads the year whole when
// the break has one reading: four digits split 3+1 or 2+2 by one space, in
// the year's place (right after the number and "/"), a year of 1945–2100,
// "/" right after it and a code after that; a Quốc hội code's term must have
// sat in that year. Anything else is not joined: a split of other sizes,
// two spaces, a "/" with spaces, digits or nothing after the year, a term
// the year contradicts. Numbers made up for the test.
func TestSplitYear(t *testing.T) {
	tests := []struct {
		in    string
		parts string // ScanNumber's parts, "-" for no number at 0
		key   string // GrammarKey of the whole input
	}{
		{"02/201 7/QHI14", "/2017 /QHI14", "2/2017/qh14"},
		{"15/201 9/NĐ-CP", "/2019 /NĐ -CP", "15/2019/nd-cp"},
		{"15/20 23/NĐ-CP", "/2023 /NĐ -CP", "15/2023/nd-cp"},
		{"7/199 8/QĐ-TTg", "/1998 /QĐ -TTg", "7/1998/qd-ttg"},
		{"41/202 4/qh15", "/2024 /qh15", "41/2024/qh15"},
		{"3/202 2/UBTVQHl5", "/2022 /UBTVQHl5", "3/2022/ubtvqh15"},
		{"02/2 017/QH14", "/2017 /QH14", "2/2017/qh14"}, // 1+3 before a Quốc hội code (since MappingVersion 24)
		// not joined
		{"02/201 7/QH11", "-", ""},    // QH11 did not sit in 2017: two readings
		{"02/2 017/QĐ-UBND", "-", ""}, // 1+3 before a code that may have no year: "017/QĐ-UBND" is a number
		{"02/2017 1/QH14", "-", ""},   // the year already whole
		// in running text only: GrammarKey takes its input as one number,
		// whose spaces around separators and runs of spaces do not count
		{"02/201  7/QH14", "-", "2/2017/qh14"}, // two spaces
		{"02/201 7 /QH14", "-", "2/2017/qh14"}, // a space before "/"
		{"02 /201 7/QH14", "-", "2/2017/qh14"}, // a space before the year's "/"
		{"02/201 7/2018/QĐ", "-", ""},          // digits after the year: another number
		{"02/201 7", "-", ""},                  // nothing after
		{"02/210 7/QĐ-UBND", "-", ""},          // 2107: no year
		{"02/201 7-QĐ", "-", ""},               // "-" after the year
		{"02-201 7/QĐ", "-", ""},               // "-" before the year
		{"02/NQ-201 7/QĐ", "/NQ", ""},          // not the year's place
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
	// The tokenizer emits the joined number once, not its second half.
	s := "theo Luật số 02/201 7/QHI14, Luật số"
	var nums []string
	Tokenize(s, func(tk Token) {
		if tk.Kind == DocNumber {
			nums = append(nums, GrammarKey(s[tk.Start:tk.End]))
		}
	})
	if strings.Join(nums, " ") != "2/2017/qh14" {
		t.Errorf("Tokenize(%q) numbers %q, want [2/2017/qh14]", s, nums)
	}
}
