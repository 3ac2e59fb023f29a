package link

// Section alignment (AlignBoost). An implementing text very often
// follows the articles or sections of what it implements: a circular's
// "Điều 1. Đối tượng áp dụng" restates its decree's "Điều 2. Đối tượng
// áp dụng", its "Điều 5. Trách nhiệm thi hành" the decree's article of
// that name. An item's own words choose among the passages; the title of
// the section it is in chooses among the parent's sections. A passage
// whose section title holds the terms of the item's section title (their
// idf share h) ranks as if it scored 1 + AlignBoost·h times more. It
// ranks only, as MatchDecay does: section titles agree on every item of
// a plan whose "II. NHIỆM VỤ" meets its parent's "II. NHIỆM VỤ", and in
// the "implements nothing" measure (raw/self) that would link items that
// implement nothing ("Tổ chức lễ hội văn hóa": TestLinkPlanUnlinked).
// The decision, and the bar further links are held to, read the
// candidate first without it (unalignedTop): read on the aligned first,
// whose own score may be the weaker, the decision would turn items that
// implement something into none (TestLinkAlignRanksOnly) and the bar
// would let weaker passages through (TestLinkAlignFurtherLinks).
//
// Only the section titles: with every heading above the item and the
// passage (i17-para's form, commit 474cfa5) the points under a long
// lead-in follow the lead-in's words, and set 3 loses what it gains
// (docs/log/i17-miss4.md).

import (
	"slices"

	"github.com/vanban/vanban/corpus/outline"
	bm25pkg "github.com/vanban/vanban/internal/bm25"
)

// sectionTerms is the distinct terms of headings — a section's title,
// or every heading an item is under (headingTerms) — sorted; none from a
// heading that only names an agency ("Sở Y tế"), which is the actor's,
// not a topic.
func sectionTerms(titles ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, title := range titles {
		if title == "" || outline.AgencyName(title) {
			continue
		}
		outline.ScanTerms(title, func(t string) {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		})
	}
	slices.Sort(out)
	return out
}

// passageSection is the title of the section passage ps of o is in.
func passageSection(o *outline.Outline, ps *outline.Passage) string {
	if ps.Item < 0 {
		return ps.Title
	}
	return o.Sections[o.Items[ps.Item].Section].Title
}

// alignQuery gives q the terms of the title of item i's section, each
// with its idf, and the idf's sum (summed in the terms' order: the same
// on every run).
func (l *linker) alignQuery(q *itemQuery, o *outline.Outline, i int) {
	q.heads = sectionTerms(o.Sections[o.Items[i].Section].Title)
	q.headIDF = make([]float64, len(q.heads))
	for k, term := range q.heads {
		q.headIDF[k] = bm25pkg.IDF(l.n, l.df[term])
		q.headW += q.headIDF[k]
	}
}

// align is the share of the idf of the item's section-title terms that a
// passage's section-title terms (sorted) hold: 1 when both are "Đối
// tượng áp dụng", 0 when they share nothing.
func (q *itemQuery) align(sec []string) float64 {
	if len(sec) == 0 || q.headW == 0 {
		return 0
	}
	s := 0.0
	for k, term := range q.heads {
		if _, ok := slices.BinarySearch(sec, term); ok {
			s += q.headIDF[k]
		}
	}
	return s / q.headW
}

// unalignedTop is the index in cand (ranked by s) of the candidate that
// ranks first without the alignment: the largest pre, the first target
// among equals, as rank orders them. The "implements nothing" decision
// and the further links' bar (pick) read it, so that the alignment ranks
// only: an aligned passage whose own evidence is weaker takes the first
// place, not the item's link nor the bar.
func unalignedTop(cand []scored) int {
	top := 0
	for k, c := range cand {
		if b := cand[top]; c.pre > b.pre || c.pre == b.pre && c.j < b.j {
			top = k
		}
	}
	return top
}
