package corpus

// Passages: the parts of a parent document an implementing item can
// implement.

import (
	"strings"
)

// Passage is one part of a parent document that an item can implement: an
// item of an operative section (tasks, goals, organisation, funding) with
// its own lines only, a task-table row, or the text of such a section that
// has no items. Items heading others ("1.1. Hỗ trợ lương thực, nhu yếu
// phẩm") are no passage; they are the context of those under them.
type Passage struct {
	ID      string      `json:"id"`    // "II.3", "IV.2.m.•1", "PLI.r12"
	Title   string      `json:"title"` // the first sentence
	Text    string      `json:"text"`  // its own text
	Line    int         `json:"line"`  // 1-based line of the body where it starts
	Same    []string    `json:"same,omitempty"`
	Kind    SectionKind `json:"-"`
	Context string      `json:"-"` // the section title and the headings above it
	item    int         // index in Outline.Items, -1 for a section's text
	actors  []string    // domain keys of the agencies it is addressed to
	terms   []string    // termsOf(Text)
}

// passageKind reports the section kinds whose items are passages.
func passageKind(k SectionKind) bool {
	return k == SectionTasks || k == SectionGoals || k == SectionOrganisation || k == SectionFunding
}

// hasPassages reports whether Passages would return any, cheaply.
func (o *Outline) hasPassages() bool {
	for i := range o.Items {
		if it := &o.Items[i]; passageKind(it.Kind) && !it.Heading && !it.nameOnly() {
			return true
		}
	}
	for i, s := range o.Sections {
		if i > 0 && passageKind(s.Kind) && s.Text != "" {
			return true
		}
	}
	return false
}

// Passages returns the passages of an outline in document order. An
// appendix row or item that repeats a passage of the body (a Phụ lục
// assigning the body's tasks) is collapsed into it: its ID is listed in
// the body passage's Same.
func (o *Outline) Passages() []Passage {
	var ps []Passage
	hasItems := map[int]bool{}
	seen := map[string]bool{}
	for i := range o.Items {
		it := &o.Items[i]
		hasItems[it.Section] = true
		seen[it.ID] = true
		if !passageKind(it.Kind) || it.Heading || it.nameOnly() {
			continue
		}
		ps = append(ps, Passage{ID: it.ID, Title: firstSentence(it.Text), Text: it.Text, Line: it.Line,
			Kind: it.Kind, Context: o.context(i), item: i, actors: o.actorsOf(i)})
	}
	for i, s := range o.Sections {
		if i == 0 || !passageKind(s.Kind) || hasItems[i] || s.Text == "" {
			continue
		}
		id := s.ID
		if id == "" || seen[id] {
			id = "§" + itoa(i)
		}
		ps = append(ps, Passage{ID: id, Title: s.Title, Text: s.Text, Line: s.textLine, Kind: s.Kind, Context: s.Title, item: -1})
	}
	sortPassages(ps)
	return collapseRepeats(o, ps)
}

// sortPassages orders passages by line (insertion sort: they are nearly
// in order already, only section texts come last).
func sortPassages(ps []Passage) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Line < ps[j-1].Line; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// repeatShare is the share of the shorter passage's words the longer must
// hold for an appendix passage to repeat a body one. Phụ lục I of
// 2530/QĐ-TTg restates body bullets with a word changed or dropped
// ("Rà soát, cập nhật các hướng dẫn kỹ thuật về hệ số phát thải và kiểm kê
// khí thải" for "Rà soát các hướng dẫn kỹ thuật về hệ số phát thải và
// hướng dẫn kiểm kê khí thải (…)"): 0.8 keeps those together and different
// tasks of one topic apart.
const repeatShare = 0.8

// collapseRepeats drops the appendix passages that repeat a body passage.
// The words of the body passages are indexed, so an appendix passage is
// compared only with the body passages sharing a word with it.
func collapseRepeats(o *Outline, ps []Passage) []Passage {
	sets := make([][]string, len(ps))
	index := map[string][]int{} // word → body passages holding it
	for i := range ps {
		ps[i].terms = termsOf(ps[i].Text)
		sets[i] = wordSet(ps[i].terms)
		if !inAppendix(o, ps[i]) {
			for _, w := range sets[i] {
				index[w] = append(index[w], i)
			}
		}
	}
	out := ps[:0:0]
	at := map[string]int{}
	common := map[int]int{}
	for i := range ps {
		p := ps[i]
		if inAppendix(o, p) && len(sets[i]) >= 6 {
			clear(common)
			for _, w := range sets[i] {
				for _, j := range index[w] {
					common[j]++
				}
			}
			best, bestShare := -1, 0.0
			for j, c := range common {
				small := min(len(sets[i]), len(sets[j]))
				if small < 6 {
					continue
				}
				if share := float64(c) / float64(small); share >= repeatShare && (share > bestShare || share == bestShare && j < best) {
					best, bestShare = j, share
				}
			}
			if best >= 0 {
				b := &out[at[ps[best].ID]]
				b.Same = append(b.Same, p.ID)
				continue
			}
		}
		at[p.ID] = len(out)
		out = append(out, p)
	}
	return out
}

func inAppendix(o *Outline, p Passage) bool {
	if p.item < 0 {
		return false
	}
	return o.Sections[o.Items[p.item].Section].Appendix
}

// wordSet is the distinct syllables among terms (pairs left out).
func wordSet(terms []string) []string {
	seen := make(map[string]bool, len(terms))
	var out []string
	for _, t := range terms {
		if !strings.Contains(t, " ") && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// context is the text above item i: its section's title and the own text
// of the items it is under.
func (o *Outline) context(i int) string {
	return strings.Join(o.contextParts(i), "\n")
}

// contextParts is the own text of each item item i is under, innermost
// first, then its section's title.
func (o *Outline) contextParts(i int) []string {
	var parts []string
	for p := o.Items[i].Parent; p >= 0; p = o.Items[p].Parent {
		parts = append(parts, o.Items[p].Text)
	}
	if t := o.Sections[o.Items[i].Section].Title; t != "" {
		parts = append(parts, t)
	}
	return parts
}

// subtree is the text of item i and of every item under it.
func (o *Outline) subtree(i int) string {
	parts := []string{o.Items[i].Text}
	for j := i + 1; j < len(o.Items) && o.isUnder(j, i); j++ {
		parts = append(parts, o.Items[j].Text)
	}
	return strings.Join(parts, "\n")
}

func (o *Outline) isUnder(j, i int) bool {
	for p := o.Items[j].Parent; p >= 0; p = o.Items[p].Parent {
		if p == i {
			return true
		}
	}
	return false
}

func firstSentence(s string) string {
	s = firstLine(s)
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i]
	}
	return strings.TrimSuffix(s, ".")
}

// actorsOf is the domain keys of the agencies item i is addressed to: the
// agency of its row or heading, else the one its text starts with, else
// the nearest heading's.
func (o *Outline) actorsOf(i int) []string {
	it := &o.Items[i]
	if it.Agency != "" {
		if a := actors(it.Agency); len(a) > 0 {
			return a
		}
	}
	if a := actors(it.Text); len(a) > 0 {
		return a
	}
	for p := it.Parent; p >= 0; p = o.Items[p].Parent {
		if a := actors(o.Items[p].Text); len(a) > 0 {
			return a
		}
	}
	return nil
}
