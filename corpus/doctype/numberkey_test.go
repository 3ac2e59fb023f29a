package doctype

import (
	"testing"

	"github.com/vanban/vanban/corpus/viet"
)

// TestNumberKeyDot: a "." is the dash between a number's codes only after
// a type's code; after another code the number ends at it. Numbers made
// up.
func TestNumberKeyDot(t *testing.T) {
	for in, want := range map[string]string{
		"15/2030/NĐ.CP":  "15/2030/nd-cp",
		"22/2030NĐ.CP":   "22/2030/nd-cp",
		"208/QĐ.UBND":    "208/qd-ubnd",
		"12/CT.TTg":      "12/ct-ttg",
		"45/bc.vp":       "45/bc-vp",
		"123/UBND.UBND":  "123/ubnd",
		"01/CCTT.ĐK":     "1/cctt",
		"7/2030/TKDN.HQ": "7/2030/tkdn",
		// a code with digits names no type either: the dot ends the
		// number (i26-rev-cite)
		"31/2030/QH16.UBND": "31/2030/qh16",
		"45/2029/QH15.BỘ":   "45/2029/qh15",
		"15/2030/NĐ-CP":     "15/2030/nd-cp",
		"Số: 15/2030/NĐ-CP": "15/2030/nd-cp",
		"tháng 5":           "",
	} {
		if got := NumberKey(in); got != want {
			t.Errorf("NumberKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzNumberKey: the key is viet's wherever no dot follows a code no
// type has, and otherwise the key of a prefix; it never panics.
func FuzzNumberKey(f *testing.F) {
	for _, s := range []string{"15/2030/NĐ.CP", "123/UBND.UBND", "01/CCTT.ĐK", "22/2030NĐ.CP", "1.2/A.B", "Số. 5/QĐ.X", "9/Ð.\u0301CP"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := NumberKey(s)
		if k == "" {
			return
		}
		for i := 0; i <= len(s); i++ {
			if i == len(s) || s[i] == '.' {
				if k == viet.NumberKey(s[:i]) {
					return
				}
			}
		}
		t.Errorf("NumberKey(%q) = %q: the key of no prefix ending at a dot or the end", s, k)
	})
}
