package outline

// Passages: the parts of a parent document an implementing item can
// implement.

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
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
	Item    int         `json:"-"` // index in Outline.Items, -1 for a section's text
	Section int         `json:"-"` // index in Outline.Sections
	Actors  []string    `json:"-"` // domain keys of the agencies it is addressed to
	Terms   []string    `json:"-"` // Terms(Text)
}

// passageKind reports the section kinds whose items are passages.
func passageKind(k SectionKind) bool {
	return k == SectionTasks || k == SectionGoals || k == SectionOrganisation || k == SectionFunding
}

// HasPassages reports whether Passages would return any, cheaply.
func (o *Outline) HasPassages() bool {
	for i := range o.Items {
		if it := &o.Items[i]; passageKind(it.Kind) && !it.Heading && !it.Quoted && !it.nameOnly() {
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
// the body passage's Same. Those Parse computed (markRestated) are
// returned again while the outline is unchanged (passagecache.go).
func (o *Outline) Passages() []Passage {
	if ps, ok := o.cachedPassages(); ok {
		return ps
	}
	return o.passages()
}

// passages computes Passages.
func (o *Outline) passages() []Passage {
	var ps []Passage
	hasItems := map[int]bool{}
	seen := map[string]bool{}
	for i := range o.Items {
		it := &o.Items[i]
		if it.Quoted {
			continue // the quoted text is its announcing passage's (planquote.go)
		}
		hasItems[it.Section] = true
		seen[it.ID] = true
		if !passageKind(it.Kind) || it.Heading || it.nameOnly() {
			continue
		}
		ps = append(ps, Passage{ID: it.ID, Title: firstSentence(it.Text), Text: it.Text, Line: it.Line,
			Kind: it.Kind, Context: o.context(i), Item: i, Section: it.Section, Actors: o.Actors(i)})
	}
	for i, s := range o.Sections {
		if i == 0 || !passageKind(s.Kind) || hasItems[i] || s.Text == "" {
			continue
		}
		id := s.ID
		if id == "" || seen[id] {
			// The text of an unnumbered section: its anchor ("PLII.s3");
			// of a section whose ID an item took: "II.text".
			id = anchorID(o.Sections, i)
			if s.ID != "" {
				id += ".text"
			}
			for n, base := 2, id; seen[id]; n++ {
				id = base + "~" + itoa(n)
			}
		}
		seen[id] = true
		ps = append(ps, Passage{ID: id, Title: s.Title, Text: s.Text, Line: s.textLine, Kind: s.Kind, Context: s.Title, Item: -1, Section: i})
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

// collapseRepeats drops the appendix passages that restate body
// passages. A Phụ lục assigning the body's tasks ("Bảng phân công thực
// hiện các nhiệm vụ, giải pháp") restates them, one row per agency, often
// several in one cell ("Xây dựng … - Công khai, minh bạch … - Kết hợp
// …"): each part of a row (taskParts) is compared with the body passages
// sharing a word with it, and a part holding repeatShare of the shorter
// one's words restates that passage. A row whose every part restates one
// is collapsed (its ID goes to the Same of each); the body passages a row
// restates take its agency in charge as their actors either way, so the
// body's statement of a task meets the item of the agency it is assigned
// to (Sở Y tế and the body task the table gives Bộ Y tế).
func collapseRepeats(o *Outline, ps []Passage) []Passage {
	index := map[string][]int{} // word → body passages holding it
	sets := make([][]string, len(ps))
	for i := range ps {
		ps[i].Terms = Terms(ps[i].Text)
		sets[i] = wordSet(ps[i].Terms)
		if !o.InAppendix(ps[i]) {
			for _, w := range sets[i] {
				index[w] = append(index[w], i)
			}
		}
	}
	drop := make([]bool, len(ps))
	addressed := make([]bool, len(ps)) // the passage names its own agency
	for i := range ps {
		addressed[i] = len(ps[i].Actors) > 0
	}
	common := map[int]int{}
	for i := range ps {
		if !o.InAppendix(ps[i]) {
			continue
		}
		// A row of several lines names a task (a project) on its first and
		// details it on the others: it restates what its name restates, or,
		// a table row, what its content restates (every task the cells
		// after the name list, its details left out: restatedParts).
		// Otherwise each task its cell lists must restate one.
		var restated []int
		row := ps[i].Item >= 0 && o.Items[ps[i].Item].kind == labelRow
		name, content, more := strings.Cut(ps[i].Text, "\n")
		if more {
			if j := restates(wordSet(Terms(name)), sets, index, common); j >= 0 {
				restated, drop[i] = []int{j}, true
			}
		}
		if !drop[i] && more && row {
			restated, drop[i] = restatedParts(content, row, sets, index, common)
		}
		if !drop[i] {
			restated, drop[i] = restatedParts(ps[i].Text, row, sets, index, common)
		}
		for _, j := range restated {
			if !addressed[j] {
				ps[j].Actors = union(ps[j].Actors, ps[i].Actors)
			}
			if drop[i] {
				ps[j].Same = appendNew(ps[j].Same, ps[i].ID)
			}
		}
	}
	out := ps[:0:0]
	for i := range ps {
		if !drop[i] {
			out = append(out, ps[i])
		}
	}
	return out
}

// markRestated sets Repeats on the appendix items that Passages folds
// into a body item (collapseRepeats, the one rule of restatement): a
// plan's Phụ lục row restating its own body task in other words is that
// task, listed once by the tasks view; markRepeats has set the
// word-for-word copies already. A row restating what is no task — a
// section's text, a goal ("Mục tiêu"), a legal text's provision — stays
// a task: folding it would lose it; so does a row of another agency than
// the one its body task names (a long paragraph of one ministry's duties
// holds the words of another's row).
func (o *Outline) markRestated() {
	appendix := false
	for i := range o.Items {
		if it := &o.Items[i]; o.Sections[it.Section].Appendix && it.Task() { // else nothing to fold: no Passages
			appendix = true
			break
		}
	}
	if !appendix {
		return
	}
	byID := map[string]int{}
	for i := range o.Items {
		if _, ok := byID[o.Items[i].ID]; !ok {
			byID[o.Items[i].ID] = i
		}
	}
	ps := o.passages()
	for _, p := range ps {
		if p.Item < 0 || !o.Items[p.Item].Task() {
			continue // a goal, a provision: the row is the only task
		}
		for _, id := range p.Same {
			j, ok := byID[id]
			if !ok || o.Items[j].Repeats != "" {
				continue
			}
			// p.Actors are its own when it names them, else its rows'
			// (collapseRepeats): a row sharing none gives the task to
			// another agency — its share, a task of its own.
			if row := o.Actors(j); len(row) > 0 && len(p.Actors) > 0 && !shareKey(row, p.Actors) {
				continue
			}
			o.Items[j].Repeats = p.ID
		}
	}
	o.keepPassages(ps) // Repeats is no input of passages: still this state's
}

// shareKey reports whether a and b have a key in common.
func shareKey(a, b []string) bool {
	for _, k := range a {
		for _, l := range b {
			if k == l {
				return true
			}
		}
	}
	return false
}

// restatedParts returns the body passages the tasks of an appendix cell
// restate and whether every one restates one. In a task table's row a
// part that is a detail of the row — its product, deadline, agency or
// funding ("Sản phẩm: …", attrLine) — is no task: a project row's product
// line says what the work delivers in other words than the body, and
// does not make the row a task of its own. Appendix items that are no
// table rows (a decree's annexed forms and norms) keep every part.
func restatedParts(text string, row bool, sets [][]string, index map[string][]int, common map[int]int) ([]int, bool) {
	var restated []int
	all, parts := true, 0
	for _, part := range taskParts(text) {
		if role, _ := attrLine(part); row && role != attrNone {
			continue
		}
		set := wordSet(Terms(part))
		if len(set) < minRepeatWords {
			continue
		}
		parts++
		if j := restates(set, sets, index, common); j >= 0 {
			restated = append(restated, j)
		} else {
			all = false
		}
	}
	return restated, all && parts > 0
}

// minRepeatWords is the fewest distinct words of a part, or of the
// shorter passage, for a restatement: shorter ones are too generic to
// say.
const minRepeatWords = 6

// restates returns the body passage that the words of a part restate, or
// -1: the one sharing the largest share (at least repeatShare) of the
// smaller word set, the first on a tie.
func restates(set []string, sets [][]string, index map[string][]int, common map[int]int) int {
	clear(common)
	for _, w := range set {
		for _, j := range index[w] {
			common[j]++
		}
	}
	if len(set) < minRepeatWords {
		return -1
	}
	best, bestShare := -1, 0.0
	for j, c := range common {
		small := min(len(set), len(sets[j]))
		if small < minRepeatWords {
			continue
		}
		if share := float64(c) / float64(small); share >= repeatShare && (share > bestShare || share == bestShare && j < best) {
			best, bestShare = j, share
		}
	}
	return best
}

// taskParts splits an appendix cell into the tasks it lists: its lines,
// and the parts after a "-" or "+" bullet inside a line ("Xây dựng Chương
// trình truyền thông. - Công khai thông tin …"). A dash between words
// ("Lao động - Thương binh", "2026 - 2030") follows no sentence end and
// does not split.
func taskParts(text string) []string {
	var parts []string
	for _, line := range strings.Split(text, "\n") {
		fs := strings.Fields(line)
		start := 0
		for k := 1; k+1 < len(fs); k++ {
			if (fs[k] == "-" || fs[k] == "+") && endsSentence(fs[k-1]) && viet.StartsUpper(fs[k+1]) {
				parts = append(parts, strings.Join(fs[start:k], " "))
				start = k + 1
			}
		}
		parts = append(parts, strings.Join(fs[start:], " "))
	}
	return parts
}

func appendNew(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

// union is a with the keys of b it lacks.
func union(a, b []string) []string {
	for _, k := range b {
		a = appendNew(a, k)
	}
	return a
}

// InAppendix reports a passage of o that is an item of an appendix.
func (o *Outline) InAppendix(p Passage) bool {
	if p.Item < 0 {
		return false
	}
	return o.Sections[o.Items[p.Item].Section].Appendix
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
	return strings.Join(o.ContextParts(i), "\n")
}

// ContextParts is the own text of each item item i is under, innermost
// first (a clause's paragraph leading in to a point counted as above the
// point: clausePoint), then its section's title.
func (o *Outline) ContextParts(i int) []string {
	var parts []string
	for j := i; j >= 0; j = o.Items[j].Parent {
		if j != i {
			parts = append(parts, o.Items[j].Text)
		}
		if in := o.Items[j].intro; in > 0 {
			parts = append(parts, o.Items[in-1].Text) // a clause's lead-in paragraph (clausePoint)
		}
	}
	if t := o.Sections[o.Items[i].Section].Title; t != "" {
		parts = append(parts, t)
	}
	return parts
}

// Subtree is the text of item i and of every item under it.
func (o *Outline) Subtree(i int) string {
	parts := []string{o.Items[i].Text}
	for j := i + 1; j < len(o.Items) && o.IsUnder(j, i); j++ {
		parts = append(parts, o.Items[j].Text)
	}
	return strings.Join(parts, "\n")
}

// IsUnder reports whether item j is under item i (a descendant).
func (o *Outline) IsUnder(j, i int) bool {
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

// Actors is the domain keys of the agencies item i is addressed to: the
// agency of its row or heading, else the one its text starts with, else
// the nearest heading's.
func (o *Outline) Actors(i int) []string {
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
