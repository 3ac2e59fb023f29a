package link

// Which of an item's candidates after the first may be further links
// (pick, linkrank.go).
//
// A further link is another part of the item (AlsoShare, NovelShare).
// The actor says whom the item is addressed to, not what it does. When a
// passage of the parent addressed to the item's own agency reaches the
// further links' bar, the item is one of the tasks the parent gives that
// agency — a telegram's two "Bộ Công an …" paragraphs, a province's plan
// with one police item for each — and the plan gives the others items of
// their own: with OwnAgency on, that passage is no further link and
// neither is any after it. On the five development sets further links
// to the item's own agency were right once in 31, and the rule took 36
// links of sets 1, 2 and 4, 2 of them right (docs/log/i25-prec.md).

// further reports whether the candidates of q from c on, c having
// reached the further links' bar, may still be linked after the first.
func (l *linker) further(q itemQuery, c scored) bool {
	return l.p.OwnAgency == 0 || !overlaps(q.actors, l.targets[c.j].actors)
}
