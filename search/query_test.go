package search

import (
	"testing"
	"unicode/utf8"
)

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"154/NQ-CP", "154 /NQ-CP", `"chuyển đổi số" -kinh`, "nghị quyết 154", "UBND KT-XH", "-\"", "“", "nq 1 /2020/ nđ - cp", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		fields := append([]string{q.Text}, q.Phrases...)
		fields = append(fields, q.Exclude...)
		fields = append(fields, q.Numbers...)
		fields = append(fields, q.Expansions...)
		for _, p := range q.Partial {
			fields = append(fields, p.Number, p.Code)
		}
		for _, x := range fields {
			if !utf8.ValidString(x) {
				t.Errorf("ParseQuery(%q): invalid UTF-8 field %q", s, x)
			}
		}
		Build(q, Filters{}, DefaultWeights) // must not panic
	})
}
