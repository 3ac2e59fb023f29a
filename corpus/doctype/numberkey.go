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
// issuer's code and its unit's; i28-refs), and before a word with a tone
// mark after any code ("208/QĐ.ĐIỀU" → 208/qd, "12/CT.CỦA" → 12/ct: a
// heading in capitals run into the number; i29-cite). A number has one key
// wherever it is typed or stored.
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
		// a word with a tone mark after the dot is a sentence run into
		// the number ("208/QĐ.ĐIỀU 1."), never a code (codeAfterDot)
		if l := strings.IndexFunc(s[c:d], func(r rune) bool { return r < '0' || r > '9' }); l >= 0 && (len(idx.byFCode[viet.Fold(s[c+l:d])]) == 0 || laterCode(s[first:c]) || !codeAfterDot(s, d)) {
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

// codeAfterDot reports whether the letters after the "." at s[dot] can be a
// code: none carries a tone mark. Of the 53,163 capital code segments of
// the numbers in ../shared's citation strings, govdocs, plans and pages and
// the dev plans none does (five carry a horn, "UBTƯMTTQVN": Trung ương);
// a word of running text in capitals mostly does ("ĐIỀU", "NGÀY", "CỦA",
// "TỈNH", "QUYẾT"). NFC and NFD alike.
func codeAfterDot(s string, dot int) bool {
	j := dot + 1
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			break
		}
		j += size
	}
	return !viet.HasTone(s[dot+1 : j])
}

// UnitCodeEnd is the end of a unit's code written after the "." at s[dot]
// that ends a number ("88/KH-UBND.VX", "25/SXD.QLN": NumberKey reads the
// number before the dot), or 0 when a word of a sentence run into the number
// follows: the code is capitals (digits after its first letter), two
// letters or more, not followed by a letter ("9/KH-SYT.Ngày", "UBND.Vx"
// are words) and with no tone mark (codeAfterDot: "ĐIỀU", "NGÀY"), NFC
// and NFD alike ("TƯ" either way). Capitals without a tone ("88/KH-UBND.UBND
// tỉnh …") cannot be told from a unit's code by their letters and are read
// as one: what follows them is the sentence's next word, not a date.
// corpus/cite reads a reference's date and issuer after the end this
// returns.
func UnitCodeEnd(s string, dot int) int {
	if dot+1 >= len(s) || s[dot] != '.' {
		return 0
	}
	j, letters := dot+1, 0
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsUpper(r) {
			letters++
		} else if !(letters > 0 && ('0' <= r && r <= '9' || unicode.IsMark(r))) {
			break // a mark after a letter is NFD's horn or hat ("TƯ"); a tone is refused below
		}
		j += size
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); letters < 2 || unicode.IsLetter(r) || unicode.IsMark(r) || !codeAfterDot(s, dot) {
		return 0
	}
	return j
}
