package link

import "slices"

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
//
// An item whose own text names several agencies ("Công an tỉnh, Bộ Chỉ
// huy Quân sự tỉnh bố trí …") is their joint task: a passage addressed to
// one of them that no passage linked before it addresses is that agency's
// part of the item, and is linked; one addressed to an agency a linked
// passage addresses is that agency's other task, and ends the further links
// (TestLinkJointItemAgencies; docs/log/i25-review1.md). A sub-item under
// such a heading takes the heading's agencies, not its joint task.

// further reports whether the candidates of q from c on, c having
// reached the further links' bar, may still be linked after picked.
func (l *linker) further(q itemQuery, picked []scored, c scored) bool {
	if l.p.OwnAgency == 0 || !overlaps(q.actors, l.targets[c.j].actors) {
		return true
	}
	if !q.joint {
		return false
	}
	for _, a := range l.targets[c.j].actors {
		if !slices.Contains(q.actors, a) {
			continue
		}
		for _, p := range picked {
			if slices.Contains(l.targets[p.j].actors, a) {
				return false // the first link's agency's other task
			}
		}
	}
	return true // another of the joint item's agencies' part
}
