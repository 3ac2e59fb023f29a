package cite

import (
	"strings"

	"github.com/vanban/vanban/corpus/doctype"
)

// Types: the type word before a number and the type a symbol names, both
// from the corpus/doctype vocabulary.

// typeNamed returns the canonical type a folded phrase names (a doctype
// name or alias), or "" with ok for the generic "văn bản", which lets the
// symbol decide: "các văn bản số 3637/TTr-BNNMT…".
func typeNamed(phrase string) (typ string, ok bool) {
	if phrase == "van ban" {
		return "", true
	}
	if t, ok := doctype.ByName(phrase); ok {
		return t.Name, true
	}
	return "", false
}

// The types the parser names itself: laws and ordinances cited by name,
// the type of a QHnn or UBTVQHnn symbol, and the công văn a symbol without
// type code is.
var (
	typeLaw       = typeName("luat")
	typeCode      = typeName("bo luat")
	typeOrdinance = typeName("phap lenh")
	typeLetter    = typeName("cong van")
)

func typeName(folded string) string {
	t, ok := doctype.ByName(folded)
	if !ok {
		panic("cite: no document type " + folded) // programmer error
	}
	return t.Name
}

// typeWordBefore finds a type word ending right before pos, separated
// from it by spaces only; it tries the longest (four words) first.
func typeWordBefore(s string, pos int) (typ string, start int, ok bool) {
	var ws [doctype.MaxWords]word
	n := 0
	for n < len(ws) {
		w, ok := prevWord(s, pos, "")
		if !ok || (n == 0 && w.end != skipSpaceBack(s, pos)) {
			break
		}
		ws[n] = w
		n++
		pos = w.start
	}
	for m := n; m >= 1; m-- {
		parts := make([]string, m)
		for i := 0; i < m; i++ {
			parts[m-1-i] = ws[i].fold
		}
		if t, ok := typeNamed(strings.Join(parts, " ")); ok {
			return t, ws[m-1].start, true
		}
	}
	return "", 0, false
}

// namedTypeBefore finds "Luật An ninh mạng số …": a law, code or
// ordinance type word followed by its name, up to eight words before pos
// with nothing but spaces and letters between.
func namedTypeBefore(s string, pos int) (typ string, start int, ok bool) {
	for n := 0; n < 9; n++ {
		w, ok := prevWord(s, pos, "")
		if !ok || w.end != skipSpaceBack(s, pos) || w.hasDigit {
			return "", 0, false
		}
		switch w.fold {
		case "luat":
			if w2, ok := prevWord(s, w.start, ""); ok && w2.fold == "bo" && w2.end == skipSpaceBack(s, w.start) {
				return typeCode, w2.start, true
			}
			return typeLaw, w.start, true
		case "lenh":
			if w2, ok := prevWord(s, w.start, ""); ok && w2.fold == "phap" && w2.end == skipSpaceBack(s, w.start) {
				return typeOrdinance, w2.start, true
			}
		}
		pos = w.start
	}
	return "", 0, false
}
