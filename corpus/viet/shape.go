package viet

import "strings"

// FoldedSyllable reports whether f, a word folded by Fold (no marks, lower
// case), has the shape of a Vietnamese syllable: an onset, one to three
// vowels and a coda ("truyen", "nghieng"). A word that has not is an
// acronym or a foreign word ("ubnd", "tnmt").
func FoldedSyllable(f string) bool {
	for _, on := range onsets {
		if on == "đ" {
			continue // folded to d
		}
		rest, ok := strings.CutPrefix(f, on)
		if !ok {
			continue
		}
		v := 0
		for v < len(rest) && v < 3 && strings.IndexByte("aeiouy", rest[v]) >= 0 {
			v++
		}
		if v == 0 && !(on == "gi" && rest == "") { // "gi" is a syllable of its own
			continue
		}
		for _, co := range codas {
			if rest[v:] == co {
				return true
			}
		}
	}
	return false
}
