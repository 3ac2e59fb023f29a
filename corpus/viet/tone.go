package viet

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tone marks (dấu thanh) as combining code points, in table order.
var toneMarks = [...]rune{0, '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'} // none, huyền, sắc, ngã, hỏi, nặng

// vowelBases are the Vietnamese vowel letters with their shape marks (â ă ê
// ô ơ ư) but no tone, lower and upper case.
const vowelBases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"

// vowel describes a rune below tableSize that is a Vietnamese vowel letter
// (plain, shaped or toned): its base (shape kept, tone removed), the base's
// index in vowelBases and its tone index into toneMarks.
type vowel struct {
	base      rune
	idx, tone uint8
	ok        bool
}

// tableSize bounds the runes the tables cover: every Vietnamese letter is
// below it (Latin Extended Additional ends at U+1EFF).
const tableSize = 0x1F00

// tables are built once from x/text's compositions; they are only read.
// Rune-indexed arrays instead of maps made Canon about 2× faster
// (BenchmarkCanon, docs/log/perf-choices.md).
type tables struct {
	split   [tableSize]vowel                      // toned or plain vowel → base + tone
	compose [len(vowelBases)][len(toneMarks)]rune // base index, tone → precomposed letter (len(vowelBases) bytes ≥ the 24 bases)
}

var tab = buildTables()

func buildTables() *tables {
	t := new(tables)
	idx := uint8(0)
	for _, base := range vowelBases {
		for tone, mark := range toneMarks {
			r := base
			if mark != 0 {
				s := norm.NFC.String(string(base) + string(mark))
				r, _ = utf8.DecodeRuneInString(s)
			}
			t.split[r] = vowel{base: base, idx: idx, tone: uint8(tone), ok: true}
			t.compose[idx][tone] = r
		}
		idx++
	}
	return t
}

func lookup(r rune) vowel {
	if r >= 0 && r < tableSize {
		return tab.split[r]
	}
	return vowel{}
}

func isVowelBase(r rune) bool {
	v := lookup(r)
	return v.ok && v.tone == 0
}

func isShaped(r rune) bool {
	switch r {
	case 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư':
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
	return canonNFC(NFC(s))
}

// canonNFC is Canon of an NFC string. It returns s itself when nothing
// changes, so the common case does not allocate.
func canonNFC(s string) string {
	var b []byte // nil until the output differs from s
	done := 0    // s[:done] is in b (when b != nil)
	start := -1
	high := false // the letter run has a non-ASCII letter
	flush := func(end int) {
		if start < 0 {
			return
		}
		if w := s[start:end]; high {
			if c := canonSyllable(w); c != w {
				if b == nil {
					b = make([]byte, 0, len(s)+8)
				}
				b = append(b, s[done:start]...)
				b = append(b, c...)
				done = end
			}
		}
		start, high = -1, false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
				if start < 0 {
					start = i
				}
			} else {
				flush(i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			// Invalid UTF-8 is written as U+FFFD, as ranging over s does.
			flush(i)
			if b == nil {
				b = make([]byte, 0, len(s)+8)
			}
			b = append(b, s[done:i]...)
			b = utf8.AppendRune(b, utf8.RuneError)
			i++
			done = i
			continue
		}
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			high = true
		} else {
			flush(i)
		}
		i += size
	}
	flush(len(s))
	if b == nil {
		return s
	}
	return string(append(b, s[done:]...))
}

// canonSyllable re-places the tone of one letter run. It returns w itself
// when w has no tone or is already canonical, so the common case does not
// allocate.
func canonSyllable(w string) string {
	var buf [16]rune
	rs := buf[:0]
	tone := uint8(0)
	tonePos := -1
	eth := false
	for _, r := range w {
		l := lookup(r)
		if !l.ok {
			switch r {
			case 'Ð':
				r, eth = 'Đ', true
			case 'ð':
				r, eth = 'đ', true
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
		if eth {
			return string(rs)
		}
		return w
	}
	at := tonePosition(rs)
	if at < 0 {
		at = tonePos
	}
	rs[at] = tab.compose[lookup(rs[at]).idx][tone]
	if sameRunes(w, rs) {
		return w
	}
	return string(rs)
}

// sameRunes reports whether w encodes exactly rs.
func sameRunes(w string, rs []rune) bool {
	i := 0
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return i == len(rs)
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

// HasTone reports whether s carries a tone mark (huyền, sắc, hỏi, ngã,
// nặng), precomposed or combining: "ĐIỀU", "Ngày", "CỦA" do; "UBND",
// "TƯ" (a horn, a shape mark) and "Đ" do not. A number's code never
// carries one (doctype.UnitCodeEnd).
func HasTone(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if v := lookup(r); v.ok && v.tone != 0 {
			return true
		}
		for _, m := range toneMarks[1:] {
			if r == m {
				return true
			}
		}
	}
	return false
}
