package viet

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tone marks (dấu thanh) as combining code points, in table order.
var toneMarks = [...]rune{0, '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'} // none, huyền, sắc, ngã, hỏi, nặng

// vowelBases are the Vietnamese vowel letters with their shape marks (â ă ê
// ô ơ ư) but no tone, lower and upper case.
const vowelBases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"

// letter describes one precomposed letter: its base (shape kept, tone
// removed) and its tone index into toneMarks.
type letter struct {
	base rune
	tone uint8
}

// tables are built once from x/text's decompositions; they are only read.
type tables struct {
	split   map[rune]letter // toned or plain vowel → base + tone
	compose map[letter]rune // base + tone → precomposed letter
}

var tab = buildTables()

func buildTables() *tables {
	t := &tables{split: make(map[rune]letter, 300), compose: make(map[letter]rune, 300)}
	for _, base := range vowelBases {
		for tone, mark := range toneMarks {
			r := base
			if mark != 0 {
				s := norm.NFC.String(string(base) + string(mark))
				r, _ = utf8.DecodeRuneInString(s)
			}
			l := letter{base: base, tone: uint8(tone)}
			t.split[r] = l
			t.compose[l] = r
		}
	}
	return t
}

func isVowelBase(r rune) bool { return strings.ContainsRune(vowelBases, r) }

func isShaped(r rune) bool {
	switch unicode.ToLower(r) {
	case 'ă', 'â', 'ê', 'ô', 'ơ', 'ư':
		return true
	}
	return false
}

// Canon puts the tone mark of every syllable in s in one canonical place, the
// old ("kiểu cũ") style that most Vietnamese text uses: hoà → hòa, thuỷ → thủy,
// khoẻ → khỏe, Uỷ → Ủy. Misplaced marks are repaired (qúy → quý, vịêt → việt).
// The input may be NFC or NFD; the output is NFC. Case is preserved.
func Canon(s string) string {
	if isPlainASCII(s) {
		return s
	}
	s = NFC(s)
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 {
			b.WriteString(canonSyllable(s[start:end]))
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}

// canonSyllable re-places the tone of one letter run. It returns w itself
// when w has no tone or is already canonical, so the common case does not
// allocate.
func canonSyllable(w string) string {
	var buf [16]rune
	rs := buf[:0]
	tone := uint8(0)
	tonePos := -1
	for _, r := range w {
		l, ok := tab.split[r]
		if !ok {
			switch r {
			case 'Ð':
				r = 'Đ'
			case 'ð':
				r = 'đ'
			}
			rs = append(rs, r)
			continue
		}
		if l.tone != 0 {
			if tone == 0 {
				tone = l.tone
			}
			if tonePos < 0 {
				tonePos = len(rs)
			}
		}
		rs = append(rs, l.base)
	}
	if tone == 0 {
		if strings.ContainsAny(w, "Ðð") {
			return string(rs)
		}
		return w
	}
	at := tonePosition(rs)
	if at < 0 {
		at = tonePos
	}
	rs[at] = tab.compose[letter{base: rs[at], tone: tone}]
	return string(rs)
}

// tonePosition returns the index in rs (bases, no tones) of the vowel that
// carries the tone, or -1 when rs has no vowel.
func tonePosition(rs []rune) int {
	lo := -1
	for i, r := range rs {
		if isVowelBase(r) {
			lo = i
			break
		}
	}
	if lo < 0 {
		return -1
	}
	hi := lo
	for hi < len(rs) && isVowelBase(rs[hi]) {
		hi++
	}
	// Onset exceptions: the u of qu and the i of gi (before a vowel) belong
	// to the onset.
	if lo > 0 && hi-lo > 1 {
		prev, first := unicode.ToLower(rs[lo-1]), unicode.ToLower(rs[lo])
		if (prev == 'q' && first == 'u') || (prev == 'g' && first == 'i') {
			lo++
		}
	}
	for i := hi - 1; i >= lo; i-- {
		if isShaped(rs[i]) {
			return i
		}
	}
	n := hi - lo
	switch {
	case hi < len(rs): // closed syllable: last vowel of the nucleus
		return hi - 1
	case n >= 3:
		return lo + 1
	default:
		return lo
	}
}
