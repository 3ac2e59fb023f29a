package viet

import (
	"strings"
	"testing"
)

func TestScanNumberParts(t *testing.T) {
	for _, tc := range []struct {
		in, want string // want: the parts as "sep part" joined by " ", or "-" for no number
	}{
		{"154/NQ-CP ngày", "/NQ -CP"},
		{"30/2020/NĐ–CP.", "/2020 /NĐ -CP"},
		{"24-NQ/TW", "-NQ /TW"},
		{"73-CP", "-CP"},
		{"154 / NQ-CP", "/NQ -CP"},
		{"11/2020/TT- BGTVT", "/2020 /TT -BGTVT"},
		{"5/2018/TT_BTC", "/2018 /TT -BTC"},
		{"12/2020/TT-BGD&ĐT&", "/2020 /TT -BGD&ĐT"},
		{"154/nq-cp", "/nq -cp"},
		{"154/NQ-CP/2020", "/NQ -CP"}, // no year after a code
		{"73-cp", "-"},                // lower case without "/": not in running text
		{"73 -CP", "-"},               // spaced without "/"
		{"23/11/2022", "-"},
		{"3/Điều", "-"},
		{"1234567/NQ", "-"},
		{"12a/NQ", "-"},
	} {
		var parts []string
		end := ScanNumber(tc.in, 0, func(sep byte, p string) { parts = append(parts, string(sep)+p) })
		got := strings.Join(parts, " ")
		if end == 0 {
			got = "-"
		}
		if got != tc.want {
			t.Errorf("ScanNumber(%q) parts %q (end %d), want %q", tc.in, got, end, tc.want)
		}
	}
	// A number never continues another number or a word.
	for _, tc := range []struct {
		s string
		i int
	}{{"QCVN 01:2021/BXD", 8}, {"1.250/NQ-CP", 2}, {"6,5/NQ-CP", 2}, {"A12/NQ-CP", 1}} {
		if end := ScanNumber(tc.s, tc.i, nil); end != 0 {
			t.Errorf("ScanNumber(%q, %d) = %d, want 0", tc.s, tc.i, end)
		}
	}
}

// FuzzScanNumber checks that a number lies inside the input, that its parts
// rebuild it (less stray spaces, a split year or term joined, a "/" added
// before a code glued to the year, with dashes unified),
// and that it has a key, which is its own key.
//
//	go test ./corpus/viet -run '^$' -fuzz FuzzScanNumber -fuzztime 60s
func FuzzScanNumber(f *testing.F) {
	for _, s := range []string{"154/NQ-CP", "30/2020/NĐ–CP", "24-NQ/TW", "73-CP", "154 / NQ-CP", "5/2018/TT_BTC", "12/TT-BGD&ĐT", "1/ΑΒ", "0-A/A\u103a",
		"02/201 7/QHI14", "15/20 23/NĐ-CP", "02/201 7/QH11", "3/202 2/UBTVQHl5 và 4/20 2/NQ",
		"46/2 019/QH14", "66/2029NĐ-CP", "18/201 7QHI4", "45/2019/QH1 4", "22/2023/QHI 5 ngày", "45/2019/QH 14",
		"15/2012/QI113", "46/2 019/QĐ-UBND", "12/2019QH11", "45/2019/QH1 45",
		"số 4 3/2024/QH1 5", "Số:52 8/QĐ-UBND", "số 2 104/2015/QH13", "31/2023/NĐ.CP", "17/2022NĐ.CP", "9/2024/NQ.Căn",
		"35/201 59H13", "35/20159H13", "số 1 2/201 59H13",
		"số 2 97/2031/NĐ-CP", "Số: 1 24/2029/NĐ-CP", "số 9 12/QĐ-UBND"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			var b strings.Builder
			end := ScanNumber(s, i, func(sep byte, p string) {
				b.WriteByte(sep)
				b.WriteString(p)
			})
			if end == 0 {
				continue
			}
			if end <= i || end > len(s) {
				t.Fatalf("ScanNumber(%q, %d) = %d: outside the input", s, i, end)
			}
			span := s[i:end]
			compact := strings.Map(func(r rune) rune {
				switch {
				case r == ' ':
					return -1
				case IsDash(r) || r == '_' || r == '.': // "NĐ.CP" (dotDash)
					return '-'
				}
				return r
			}, span)
			if got := LeadDigits(span, 0) + b.String(); got != compact && !glueOf(got, compact) {
				t.Fatalf("ScanNumber(%q, %d): parts rebuild %q, span %q", s, i, got, compact)
			}
			k := GrammarKey(span)
			if k == "" {
				t.Fatalf("ScanNumber(%q, %d): number %q has no key", s, i, span)
			}
			if k2 := GrammarKey(k); k2 != k {
				t.Fatalf("ScanNumber(%q, %d): key %q of %q keys to %q", s, i, k, span, k2)
			}
		}
	})
}

// glueOf reports whether got is compact with one "/" added between a
// digit and a letter: ScanNumber reports a code glued to the year before
// it ("66/2029NĐ-CP") as a part of its own, and a Q read as 9 there
// ("20149H13") as the Q (nineQ).
func glueOf(got, compact string) bool {
	for i := 1; i+1 < len(got); i++ {
		if got[i] != '/' || !isDigit(rune(got[i-1])) || isDigit(rune(got[i+1])) {
			continue
		}
		g := got[:i] + got[i+1:]
		if g == compact {
			return true
		}
		if c := g[i]; (c == 'Q' || c == 'q') && g[:i]+"9"+g[i+1:] == compact {
			return true
		}
	}
	return false
}

// FuzzNumberKey checks GrammarKey on any input, not only on the spans the
// scanner finds: a key is its own key, and a key never keeps a space (a
// split year's key is written whole).
//
//	go test ./corpus/viet -run '^$' -fuzz FuzzNumberKey -fuzztime 60s
func FuzzNumberKey(f *testing.F) {
	for _, s := range []string{"Số: 05/2020/NĐ–CP", "5 / 2020 / ND - CP", "02/201 7/QHI14", "02 /201 7/QH14", "02/201  7/QH14",
		"139/2025/QHI15", "3/202 2/UBTVQHl5", "0 2/201 7/QH14", "15/20 23/NĐ-CP", "số 4/20 2 1/NQ",
		"46/2 019/qh14", "66/2029nđ-cp", "18/201 7qhi4", "45/2019/qh1 4", "22/2023/QHI 5", "15/2012/qi113", "1/2000km",
		"4 3/2024/QH1 5", "số 52 8/qđ-ubnd", "31/2023/nđ.cp", "17/2022NĐ.CP", "35/201 59h13", "35/20159H13"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := GrammarKey(s)
		if k == "" {
			return
		}
		if strings.Contains(k, " ") {
			t.Fatalf("GrammarKey(%q) = %q: a space in a key", s, k)
		}
		if k2 := GrammarKey(k); k2 != k {
			t.Fatalf("GrammarKey(%q) = %q, whose key is %q", s, k, k2)
		}
	})
}
