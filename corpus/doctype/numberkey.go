package doctype

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// NumberKey is vanban's one key of a document number as written: the
// index and the query, the citation graph (its ends and a document's own
// number), roles, linking, the task table, the crawler, the web and the
// CLI read a number's identity with it (i27-numkey: the graph read viet's,
// so "25/SXD.QLN" was 25/sxd-qln there and 25/sxd in the index). It is the
// grammar's key (viet.GrammarKey), with a "." read for the dash between a number's codes
// only after a type's code ("15/2024/NĐ.CP", "208/QĐ.UBND", "12/CT.TTg"),
// as the citation graph reads it (corpus/cite). The number grammar cannot
// see the types (this package imports it) and reads a dot after any code
// of two letters; after a code no type has, the dot ends the number: a
// sentence's end run into the next word ("123/UBND.UBND tỉnh" → 123/ubnd)
// or a form's code ("01/CCTT.ĐK" → 1/cctt), also after a code with
// digits ("31/2024/QH15.UBND tỉnh" → 31/2024/qh15) and after any code but
// the first ("88/KH-UBND.VX" → 88/kh-ubnd, "123/SYT-KH.TC" → 123/syt-kh: an
// issuer's code and its unit's; i28-refs). A number has one key wherever it
// is typed or stored.
func NumberKey(s string) string {
	k := viet.GrammarKey(s)
	if k == "" && !strings.Contains(s, ".") {
		return ""
	}
	first := strings.IndexFunc(s, func(r rune) bool { return '0' <= r && r <= '9' })
	if first < 0 {
		return k
	}
	for p := first; p < len(s); {
		d := strings.IndexByte(s[p:], '.')
		if d < 0 {
			break
		}
		d += p
		c := d
		for c > first {
			r, size := utf8.DecodeLastRuneInString(s[:c])
			if !(r == '&' || r >= utf8.RuneSelf && r != utf8.RuneError || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9') {
				break
			}
			c -= size
		}
		// the code before the dot starts at its first letter and may end
		// in digits ("QH16", no type's); digits alone ("2030.") or before
		// a glued code ("2030NĐ.") are the number or its year
		// a dot ends the number after a code no type has, and after any
		// code but the number's first ("88/KH-UBND.VX", "123/SYT-KH.TC"):
		// there a code is an issuer's or a unit's, and the grammar reads
		// no dot for a dash
		if l := strings.IndexFunc(s[c:d], func(r rune) bool { return r < '0' || r > '9' }); l >= 0 && (len(idx.byFCode[viet.Fold(s[c+l:d])]) == 0 || laterCode(s[first:c])) {
			return viet.GrammarKey(s[:d]) // the dot ends the number
		}
		p = d + 1
	}
	return k
}

// laterCode reports whether the text between a number's first digit and a
// code holds a letter: the code is not the number's first ("KH-" before
// "UBND" in "88/KH-UBND"; a year or digits alone do not count).
func laterCode(before string) bool {
	return strings.ContainsFunc(before, unicode.IsLetter)
}
