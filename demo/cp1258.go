package demo

import (
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// encode1258 encodes UTF-8 text as Windows-1258 the way legacy Vietnamese
// editors did: letters with circumflex, breve or horn are precomposed
// (â, ê, ô, ă, ơ, ư) while tone marks follow as combining characters. Text
// that cannot be represented is an error, not a silent replacement.
func encode1258(s string) ([]byte, error) {
	var b strings.Builder
	rs := []rune(norm.NFD.String(s))
	for i := 0; i < len(rs); {
		letter := []rune{rs[i]}
		var tones []rune
		for i++; i < len(rs) && unicode.Is(unicode.Mn, rs[i]); i++ {
			switch rs[i] {
			case '\u0302', '\u0306', '\u031B': // circumflex, breve, horn
				letter = append(letter, rs[i])
			default:
				tones = append(tones, rs[i])
			}
		}
		b.WriteString(norm.NFC.String(string(letter)))
		b.WriteString(string(tones))
	}
	return charmap.Windows1258.NewEncoder().Bytes([]byte(b.String()))
}
