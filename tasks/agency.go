package tasks

// Agency names in any spelling: accents and case do not matter, and an
// acronym stands for the words whose initials it spells, so "UBND",
// "ubnd" and "Ủy ban nhân dân" meet, as do "Sở TN&MT", "so tnmt" and "Sở
// Tài nguyên và Môi trường", or "GD&ĐT" and "Giáo dục và Đào tạo". A
// query matches a name when its units follow one another in the name
// ("y te" matches "Sở Y tế tỉnh"). "và", "&" and "các" are left out of
// both.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// unit is one syllable (folded) or one initial of an acronym.
type unit struct {
	s       string
	initial bool
}

// nameUnits splits a name into units. A word is an acronym when it has
// at least two letters and, folded, is no Vietnamese syllable ("UBND",
// "tnmt", "ĐT"; "truyen", typed without marks, is one).
func nameUnits(name string) []unit {
	var out []unit
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) }) {
		f := viet.Fold(w)
		if f == "va" || f == "cac" {
			continue
		}
		if utf8.RuneCountInString(w) >= 2 && isLetters(f) && !viet.FoldedSyllable(f) {
			for _, r := range f {
				out = append(out, unit{s: string(r), initial: true})
			}
			continue
		}
		out = append(out, unit{s: f})
	}
	return out
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// same reports whether a query unit q stands for a name unit n.
func same(q, n unit) bool {
	switch {
	case q.initial == n.initial:
		return q.s == n.s
	case q.initial:
		return n.s[0] == q.s[0]
	default:
		return q.s[0] == n.s[0]
	}
}

// matchName reports whether the units of q follow one another in name.
func matchName(q, name []unit) bool {
	if len(q) == 0 {
		return true
	}
	for i := 0; i+len(q) <= len(name); i++ {
		k := 0
		for k < len(q) && same(q[k], name[i+k]) {
			k++
		}
		if k == len(q) {
			return true
		}
	}
	return false
}
