package cite

import (
	"strings"
	"testing"
	"unicode"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"23/11/2022", "2022-11-23", true},
		{"23-11-2022", "2022-11-23", true},
		{"23–11–2022", "2022-11-23", true},
		{"23.11.2022", "2022-11-23", true},
		{"ngày 05 tháng 3 năm 2020", "2020-03-05", true},
		{"Ngày 5 tháng 03, năm 2020", "2020-03-05", true},
		{"ngay 5 thang 3 nam 2020", "2020-03-05", true},
		{"ngày 5/3/2020", "2020-03-05", true},
		{" 29/02/2024 ", "2024-02-29", true},
		{"29/02/2023", "", false},
		{"31/02/2020", "", false},
		{"31/04/2020", "", false},
		{"00/01/2020", "", false},
		{"12/13/2020", "", false},
		{"23/11/22", "", false},
		{"23/11-2022", "", false},
		{"123/11/2022", "", false},
		{"23/11/20222", "", false},
		{"tháng 8 năm 1940", "", false},
		{"23/11/2022 lúc 8 giờ", "", false},
		{"", "", false},
	} {
		got, ok := parseDate(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseDate(%q) = %q, %v, want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// parseDate reads all of s as a day-first date (the entry point of the
// date tests and FuzzParseDate), "23/11/2022", "23-11-2022",
// "23.11.2022", "ngày 05 tháng 3 năm 2020" or "ngày 5/3/2020", into
// "YYYY-MM-DD". Accents are optional ("ngay 5 thang 3 nam 2020"). It
// rejects impossible dates (31/02) and years outside 1900–2100.
func parseDate(s string) (string, bool) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	q := 0
	if w, ok := wordAt(s, 0); ok && w.fold == "ngay" {
		q = skipSpace(s, w.end)
	}
	d, end, ok := dateAt(s, q)
	if !ok || end != len(s) {
		return "", false
	}
	return d, true
}
