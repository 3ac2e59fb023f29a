package corpus

// Links from plan items to the resolution passages they implement.
//
// A plan (Kế hoạch, Chương trình) is linked to the resolutions (Nghị quyết,
// Chỉ thị, Kết luận) it cites that are in the store; an item citing one of
// them itself is linked to that one only. Each task item is scored against
// every task passage of those resolutions with BM25 (k1 1.2, b 0.75) over
// folded syllables and syllable bigrams (never across punctuation), the
// collection being the candidate passages. The query is the item with
// everything under it, plus its ancestors' own text at half weight (an
// "a)" point inherits the subject of its "1."). Items of goal and
// organisation sections are not linked, and a best score below MinScore
// means "no passage".
//
// Links are computed when asked, from the store, never cached: linking the
// demo's largest plan (29 items) takes 2.5 ms and the coverage of a
// resolution cited by two plans 4.5 ms (BenchmarkLinks, BenchmarkCoverage),
// well under the 50 ms a page may spend on it.

import (
	"math"
	"sort"
	"strings"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// MinScore is the BM25 score below which an item is said to implement no
// passage. On the demo corpus every right top match scores 9.8 or more
// (testdata/links/demo.golden); 2 keeps out items sharing a word or two.
const MinScore = 2.0

// Match is a resolution passage an item may implement.
type Match struct {
	DocID   string  `json:"doc_id"`
	Number  string  `json:"number"`
	Passage string  `json:"passage"`
	Title   string  `json:"title"`
	Score   float64 `json:"score"`
}

// ItemLink is a plan item with its best passages, best first (at most 3,
// each scoring at least MinScore). Only items of task sections are linked.
type ItemLink struct {
	Item
	Section string  `json:"section"`
	Linked  bool    `json:"linked"`
	Matches []Match `json:"matches"`
}

// DocRef names a stored document.
type DocRef struct {
	ID     string `json:"id"`
	Number string `json:"number"`
	Type   string `json:"type"`
	Title  string `json:"title"`
}

// PlanLinks is every item of a plan with the passages it implements.
type PlanLinks struct {
	DocRef
	Resolutions []DocRef   `json:"resolutions"`
	Items       []ItemLink `json:"items"`
}

// IsPlan reports a document of class doctype.Plan (Kế hoạch, Chương
// trình) by its type, or by its title when it has none.
func IsPlan(d *Document) bool { return classOf(d) == doctype.Plan }

// IsResolution reports a document of class doctype.Resolution (Nghị
// quyết, Chỉ thị, Kết luận) by its type, or by its title when it has none.
func IsResolution(d *Document) bool { return classOf(d) == doctype.Resolution }

// classOf is the class of the type named by the first words of the
// document's type, or of its title when the type is empty.
func classOf(d *Document) doctype.Class {
	s := d.Type
	if s == "" {
		s = d.Title
	}
	t, _ := doctype.Leading(s)
	return t.Class
}

func refOf(d *Document) DocRef {
	return DocRef{ID: d.ID, Number: d.Number, Type: d.Type, Title: d.Title}
}

// target is one candidate passage with its term counts.
type target struct {
	doc *Document
	key string // viet.NumberKey of the resolution
	p   Passage
	tf  map[string]int
	n   int
}

// linker scores queries against the passages of some resolutions.
type linker struct {
	targets []target
	df      map[string]int
	avg     float64
}

func newLinker(resolutions []*Document) *linker {
	l := &linker{df: map[string]int{}}
	total := 0
	for _, d := range resolutions {
		for _, p := range ParseOutline(d.Body).Passages() {
			t := target{doc: d, key: viet.NumberKey(d.Number), p: p, tf: map[string]int{}}
			linkTerms(p.Text, func(term string) { t.tf[term]++; t.n++ })
			for term := range t.tf {
				l.df[term]++
			}
			total += t.n
			l.targets = append(l.targets, t)
		}
	}
	if len(l.targets) > 0 {
		l.avg = float64(total) / float64(len(l.targets))
	}
	return l
}

// match returns the best passages for a weighted query, restricted to the
// resolutions with the given number keys when only is not empty.
func (l *linker) match(q map[string]float64, only map[string]bool) []Match {
	const k1, b = 1.2, 0.75
	n := float64(len(l.targets))
	var ms []Match
	for i := range l.targets {
		t := &l.targets[i]
		if len(only) > 0 && !only[t.key] {
			continue
		}
		score := 0.0
		for term, w := range q {
			tf := float64(t.tf[term])
			if tf == 0 {
				continue
			}
			df := float64(l.df[term])
			idf := math.Log(1 + (n-df+0.5)/(df+0.5))
			score += w * idf * tf * (k1 + 1) / (tf + k1*(1-b+b*float64(t.n)/l.avg))
		}
		if score >= MinScore {
			ms = append(ms, Match{DocID: t.doc.ID, Number: t.doc.Number, Passage: t.p.ID, Title: t.p.Title, Score: math.Round(score*100) / 100})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Score > ms[j].Score })
	return ms[:min(len(ms), 3)]
}

// LinkPlan links the items of plan to the passages of resolutions.
func LinkPlan(plan *Document, resolutions []*Document) *PlanLinks {
	pl := &PlanLinks{DocRef: refOf(plan), Resolutions: []DocRef{}, Items: []ItemLink{}}
	keys := map[string]bool{}
	for _, r := range resolutions {
		pl.Resolutions = append(pl.Resolutions, refOf(r))
		keys[viet.NumberKey(r.Number)] = true
	}
	l := newLinker(resolutions)
	o := ParseOutline(plan.Body)
	for i, it := range o.Items {
		il := ItemLink{Item: it, Section: o.Sections[it.Section].Title, Linked: it.Kind == SectionTasks, Matches: []Match{}}
		if il.Linked && len(l.targets) > 0 {
			text := o.subtree(i)
			q := map[string]float64{}
			linkTerms(text, func(term string) { q[term] = 1 })
			for p := it.Parent; p >= 0; p = o.Items[p].Parent {
				linkTerms(o.Items[p].Text, func(term string) {
					if q[term] == 0 {
						q[term] = 0.5
					}
				})
			}
			only := map[string]bool{}
			for _, r := range cite.ParseRefs(text) {
				if k := r.LookupKey(); keys[k] {
					only[k] = true
				}
			}
			il.Matches = append(il.Matches, l.match(q, only)...)
		}
		pl.Items = append(pl.Items, il)
	}
	return pl
}

// linkTerms calls add for every folded syllable of s (numbers and document
// numbers left out) and every pair of adjacent syllables not separated by
// punctuation.
func linkTerms(s string, add func(string)) {
	prev, prevEnd, numEnd := "", 0, 0
	viet.Tokenize(s, func(t viet.Token) {
		if t.Kind == viet.DocNumber {
			numEnd = t.End
			prev = ""
			return
		}
		if t.End <= numEnd || isAllDigits(s[t.Start:t.End]) {
			prev = ""
			return
		}
		w := viet.Fold(s[t.Start:t.End])
		add(w)
		if prev != "" && !strings.ContainsAny(s[prevEnd:t.Start], ".,;:!?()\"“”-–|\n") {
			add(prev + " " + w)
		}
		prev, prevEnd = w, t.End
	})
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
