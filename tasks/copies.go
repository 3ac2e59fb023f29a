package tasks

// Copies: the same document stored several times — collected from several
// pages or portals, converted twice — carries one number and lists each
// task once. The view keeps one copy of each (markCopies) and leaves out
// the rows of the others, unless a copy is asked for by its ID.

import (
	"cmp"
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// sameDocument reports two stored documents of one number that are one
// document: their publication dates, sites and issuers agree where both
// are known (another district's "21/KH-UBND" of another year, of another
// portal, or by another issuer is another plan: an import has no site, a
// page may have no date read). A file read from an article is never a
// copy: an annex file may carry its article's number and tasks of its own.
func sameDocument(a, b *plan) bool {
	return a.doc.File == "" && b.doc.File == "" &&
		(a.doc.Published == "" || b.doc.Published == "" || a.doc.Published == b.doc.Published) &&
		(a.doc.Site == "" || b.doc.Site == "" || a.doc.Site == b.doc.Site) &&
		(a.doc.Issuer == "" || b.doc.Issuer == "" || issuerKey(a.doc.Issuer) == issuerKey(b.doc.Issuer))
}

// issuerAbbrev are the abbreviations of issuers' heads, folded.
var issuerAbbrev = map[string]string{"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan"}

// issuerKey is an issuer's name as its spellings share it: folded (case,
// marks, "Ủy"/"Uỷ"), "UBND"/"HĐND" written out, white space collapsed.
func issuerKey(s string) string {
	ws := strings.Fields(viet.Fold(s))
	for i, w := range ws {
		if full, ok := issuerAbbrev[w]; ok {
			ws[i] = full
		}
	}
	return strings.Join(ws, " ")
}

// preferCopy orders the copies of one document, the one listed first: the
// most tasks (the fullest conversion), then a known date, a known type,
// then by ID (the same choice on every refresh).
func preferCopy(a, b *plan) int {
	if c := cmp.Compare(len(b.rows), len(a.rows)); c != 0 {
		return c
	}
	if c := cmp.Compare(known(b.doc.Published), known(a.doc.Published)); c != 0 {
		return c
	}
	if c := cmp.Compare(known(b.doc.Type), known(a.doc.Type)); c != 0 {
		return c
	}
	return cmp.Compare(a.id, b.id)
}

// markCopies sets copyOf on every plan that is a copy of another kept one
// (t.mu held, after t.order is rebuilt).
func (t *Table) markCopies() {
	groups := map[string][]*plan{}
	for _, p := range t.order {
		p.copyOf = ""
		if k := viet.NumberKey(p.doc.Number); k != "" {
			groups[k] = append(groups[k], p)
		}
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		slices.SortFunc(g, preferCopy)
		var kept []*plan
		for _, p := range g {
			for _, k := range kept {
				if sameDocument(p, k) {
					p.copyOf = k.id
					break
				}
			}
			if p.copyOf == "" {
				kept = append(kept, p)
			}
		}
	}
}

// known is 1 for a field given, 0 for an empty one.
func known(s string) int {
	if s == "" {
		return 0
	}
	return 1
}
