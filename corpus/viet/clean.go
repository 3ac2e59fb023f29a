package viet

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// isClean reports whether Clean leaves s as it is because every character
// of it is one that keeps (keeps): a byte scan with one table look-up per
// character, where Clean's rune loop copied the text and NFKC then looked
// every character up in its tries (two thirds of decoding a bulk
// import's lines, docs/log/i21-cpu.md). False sends s to the
// full path, which gives the same result for any text.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !keeps[c] {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= rune(len(keeps)) || !keeps[r] {
			return false // utf8.RuneError too: U+FFFD is past the table
		}
		i += size
	}
	return true
}

// keeps marks the characters below U+2000 (ASCII, Latin with every
// Vietnamese letter, precomposed, up to U+1EFF) that Clean's rune loop
// copies unchanged and that make any text of them NFKC as it is: each is
// a starter (canonical combining class 0) that nothing before it
// composes with, and NFKC of it alone is itself, so its NFKC quick check
// is Yes — and a text whose every character has quick check Yes and class
// 0 is in NFKC (UAX #15, "Detecting Normalization Forms"). Combining
// marks, compatibility characters and whatever the loop maps or drops are
// not marked (TestCleanFastSameAsSlow).
var keeps = func() (t [0x2000]bool) {
	for r := range rune(len(t)) {
		if !utf8.ValidRune(r) || isInvisible(r) || isOddSpace(r) || r == 'Ð' {
			continue
		}
		s := string(r)
		p := norm.NFKC.PropertiesString(s)
		t[r] = p.CCC() == 0 && p.BoundaryBefore() && norm.NFKC.IsNormalString(s)
	}
	return t
}()
