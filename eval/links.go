package eval

// Plan linking against hand-labelled items (`vanban eval links`).
//
// The labels file is JSON Lines, one labelled item a line, in the format of
// ../shared/data/plans/labels.jsonl:
//
//	{"plan": "6356/UBND-NNMT", "item": "first words of the item",
//	 "resolution": "2530/QĐ-TTg", "quote": "words of the passage" | null,
//	 "also": [{"resolution", "quote"}], "doubtful": bool, "note": "…"}
//
// An item is the one line of the plan's text containing "item" (the k-th
// such line for the k-th label with the same words). It is found when the
// outline has a linkable item starting on that line. A link is right when
// the passage's own text contains the quote, or is part of the parent's
// line that contains it (after folding spaces). A passage is never a whole
// section with everything under it (outline.Passage holds its own lines), so
// containing a quote means pointing at it.
//
// Figures, per plan and overall: items found; p@1 (the top link is right
// for the quote or an "also" quote) over items with a quote, strict (quote
// only) and over non-doubtful items; "none" accuracy over items without a
// quote (no link emitted); precision of every emitted link and recall of
// every labelled passage (quote and also).

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"
)

// LinkLabel is one labelled plan item.
type LinkLabel struct {
	Plan       string      `json:"plan"`
	Item       string      `json:"item"`
	Resolution string      `json:"resolution"`
	Quote      *string     `json:"quote"`
	Also       []LinkQuote `json:"also"`
	Doubtful   bool        `json:"doubtful"`
	Note       string      `json:"note"`
}

// LinkQuote is a further passage an item implements.
type LinkQuote struct {
	Resolution string `json:"resolution"`
	Quote      string `json:"quote"`
}

// LinkFigures are the counts and rates of one plan or of all.
type LinkFigures struct {
	Items       int     `json:"items"`
	Found       int     `json:"found"`
	FoundRate   float64 `json:"found_rate"` // items found
	Quoted      int     `json:"quoted"`     // items with a quote
	Right       int     `json:"right"`      // top link right (quote or also)
	P1          float64 `json:"p@1"`
	RightStrict int     `json:"right_strict"` // top link right (quote)
	P1Strict    float64 `json:"p@1_strict"`
	Sure        int     `json:"sure"` // quoted items not doubtful
	SureRight   int     `json:"sure_right"`
	P1Sure      float64 `json:"p@1_sure"`
	Null        int     `json:"null"`      // items without a quote
	NullNone    int     `json:"null_none"` // … given no link
	NoneAcc     float64 `json:"none_accuracy"`
	Emitted     int     `json:"emitted"` // links on labelled items
	EmitRight   int     `json:"emitted_right"`
	Precision   float64 `json:"precision"`
	Gold        int     `json:"gold"` // labelled passages (quote and also)
	GoldHit     int     `json:"gold_hit"`
	Recall      float64 `json:"recall"`
}

// PlanLinkReport is the figures of one implementing document.
type PlanLinkReport struct {
	Plan    string   `json:"plan"`
	Parents []string `json:"parents"`
	LinkFigures
	LinkMS float64 `json:"link_ms"` // Store.Links
}

// LinkReport is `vanban eval links --json`.
type LinkReport struct {
	Plans   []PlanLinkReport `json:"plans"`
	Overall LinkFigures      `json:"overall"`
	// Spread of p@1 and items found over the plans: how much one plan
	// moves the figures (the sanity check against fitting one plan).
	P1Min    float64 `json:"p@1_min"`
	P1Max    float64 `json:"p@1_max"`
	FoundMin float64 `json:"found_min"`
	FoundMax float64 `json:"found_max"`
	// PassageWords is the mean length of the passages linked to, in words:
	// a check that links point at passages, not at whole sections.
	PassageWords float64    `json:"passage_words"`
	Misses       []LinkMiss `json:"misses,omitempty"`
	// Outcomes is every labelled item in label order: where it is and
	// what its top link got (for checks that decide per item, such as
	// the leave-one-pair-out of the "implements nothing" decision).
	Outcomes []LinkOutcome `json:"-"`
}

// LinkOutcome is one labelled item: its plan, its line in the plan's
// body (1-based), whether it has no quote, and whether its top link is
// right (a quoted item) or it has none (a null one).
type LinkOutcome struct {
	Plan  string
	Line  int
	Null  bool
	Right bool
}

// LinkMiss is a labelled item the top link got wrong or that was not found.
type LinkMiss struct {
	Plan, Item, Want, Got string
	Found                 bool
}

// ReadLinkLabels reads labels in the format above.
func ReadLinkLabels(r io.Reader) ([]LinkLabel, error) {
	var out []LinkLabel
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var l LinkLabel
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			return nil, fmt.Errorf("eval: labels line %d: %w", n, err)
		}
		if l.Plan == "" || l.Item == "" || l.Resolution == "" {
			return nil, fmt.Errorf("eval: labels line %d: plan, item and resolution are required", n)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: read labels: %w", err)
	}
	return out, nil
}

// IngestDocs stores the documents of a JSON Lines file (the `vanban
// ingest` format) and returns the stored ID of each number.
func IngestDocs(store *corpus.Store, path string) (map[string]string, error) {
	docs, err := corpus.ReadJSONLFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if _, err := store.PutBatch(docs); err != nil {
		return nil, fmt.Errorf("eval: store %s: %w", path, err)
	}
	ids := map[string]string{}
	for _, d := range docs {
		if d.Number != "" {
			ids[doctype.NumberKey(d.Number)] = d.ID
		}
	}
	return ids, nil
}

// linkNorm folds spaces and applies the store's cleaning, so label strings
// and stored text compare.
func linkNorm(s string) string {
	return strings.Join(strings.Fields(viet.Clean(s)), " ")
}

// EvaluateLinks links every labelled plan in the store and scores it.
// ids maps number keys to stored IDs (IngestDocs).
func EvaluateLinks(ctx context.Context, store *corpus.Store, ids map[string]string, labels []LinkLabel) (*LinkReport, error) {
	return EvaluateLinksWith(ctx, store, ids, labels, store.Links)
}

// EvaluateLinksWith is EvaluateLinks with the links of a plan given by
// links (Store.Links, or the same with other weights for tuning).
func EvaluateLinksWith(ctx context.Context, store *corpus.Store, ids map[string]string, labels []LinkLabel,
	links func(id string) (*link.PlanLinks, error)) (*LinkReport, error) {
	byPlan := map[string][]LinkLabel{}
	var order []string
	for _, l := range labels {
		k := doctype.NumberKey(l.Plan)
		if _, ok := byPlan[k]; !ok {
			order = append(order, k)
		}
		byPlan[k] = append(byPlan[k], l)
	}
	rep := &LinkReport{P1Min: 1, FoundMin: 1}
	passages := map[string]map[string]outline.Passage{} // doc ID → passage ID → passage
	docLines := map[string][]string{}                   // doc ID → normalised lines
	words, linked := 0, 0
	for _, k := range order {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pls := byPlan[k]
		planID, ok := ids[k]
		if !ok {
			return nil, fmt.Errorf("eval: plan %s is not in the documents", pls[0].Plan)
		}
		plan, err := store.Get(planID)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		pl, err := links(planID)
		if err != nil {
			return nil, err
		}
		pr := PlanLinkReport{Plan: pls[0].Plan, LinkMS: float64(time.Since(start).Microseconds()) / 1000}
		for _, r := range pl.Resolutions {
			pr.Parents = append(pr.Parents, r.Number)
			if passages[r.ID] == nil {
				d, err := store.Get(r.ID)
				if err != nil {
					return nil, err
				}
				m := map[string]outline.Passage{}
				for _, p := range outline.Parse(d.Body).Passages() {
					m[p.ID] = p
				}
				passages[r.ID] = m
			}
		}
		byLine := map[int]*link.ItemLink{}
		for i := range pl.Items {
			if it := &pl.Items[i]; it.Linked {
				byLine[it.Line] = it
			}
		}
		lines := strings.Split(plan.Body, "\n")
		seen := map[string]int{}
		for _, l := range pls {
			line, err := labelLine(lines, l.Item, seen[l.Item])
			if err != nil {
				return nil, fmt.Errorf("eval: plan %s: %w", l.Plan, err)
			}
			seen[l.Item]++
			it := byLine[line]
			var ms []link.Match
			if it != nil {
				ms = it.Matches
			}
			for _, m := range ms {
				words += len(strings.Fields(passages[m.DocID][m.Passage].Text))
				linked++
			}
			miss := pr.add(l, it != nil, ms, ids, store, passages, docLines)
			if miss != nil {
				rep.Misses = append(rep.Misses, *miss)
			}
			rep.Outcomes = append(rep.Outcomes, LinkOutcome{Plan: l.Plan, Line: line, Null: l.Quote == nil, Right: miss == nil})
		}
		pr.rates()
		rep.Overall.sum(&pr.LinkFigures)
		rep.P1Min, rep.P1Max = min(rep.P1Min, pr.P1), max(rep.P1Max, pr.P1)
		rep.FoundMin, rep.FoundMax = min(rep.FoundMin, pr.FoundRate), max(rep.FoundMax, pr.FoundRate)
		rep.Plans = append(rep.Plans, pr)
	}
	rep.Overall.rates()
	if linked > 0 {
		rep.PassageWords = float64(words) / float64(linked)
	}
	return rep, nil
}

// labelLine returns the 1-based line of the k-th body line containing item.
func labelLine(lines []string, item string, k int) (int, error) {
	want := linkNorm(item)
	for i, l := range lines {
		if strings.Contains(linkNorm(l), want) {
			if k == 0 {
				return i + 1, nil
			}
			k--
		}
	}
	return 0, fmt.Errorf("no line contains item %q", item)
}

// add scores one labelled item and returns it when its top link is wrong.
func (f *PlanLinkReport) add(l LinkLabel, found bool, ms []link.Match, ids map[string]string, store *corpus.Store,
	passages map[string]map[string]outline.Passage, lines map[string][]string) *LinkMiss {
	f.Items++
	if found {
		f.Found++
	}
	type gold struct{ doc, quote string }
	var golds []gold
	if l.Quote != nil {
		golds = append(golds, gold{ids[doctype.NumberKey(l.Resolution)], *l.Quote})
	}
	for _, a := range l.Also {
		golds = append(golds, gold{ids[doctype.NumberKey(a.Resolution)], a.Quote})
	}
	right := func(m link.Match, g gold) bool {
		if m.DocID != g.doc {
			return false
		}
		p, ok := passages[m.DocID][m.Passage]
		if !ok {
			return false
		}
		return passageHolds(store, lines, p, m.DocID, g.quote)
	}
	rightAny := func(m link.Match) bool {
		for _, g := range golds {
			if right(m, g) {
				return true
			}
		}
		return false
	}
	f.Emitted += len(ms)
	for _, m := range ms {
		if rightAny(m) {
			f.EmitRight++
		}
	}
	f.Gold += len(golds)
	for _, g := range golds {
		for _, m := range ms {
			if right(m, g) {
				f.GoldHit++
				break
			}
		}
	}
	if l.Quote == nil {
		f.Null++
		if len(ms) == 0 {
			f.NullNone++
			return nil
		}
		return &LinkMiss{Plan: l.Plan, Item: l.Item, Want: "none", Got: ms[0].Number + " " + ms[0].Passage, Found: found}
	}
	f.Quoted++
	if !l.Doubtful {
		f.Sure++
	}
	if len(ms) > 0 && rightAny(ms[0]) {
		f.Right++
		if right(ms[0], golds[0]) {
			f.RightStrict++
		}
		if !l.Doubtful {
			f.SureRight++
		}
		return nil
	}
	got := "none"
	if len(ms) > 0 {
		got = ms[0].Number + " " + ms[0].Passage
	}
	return &LinkMiss{Plan: l.Plan, Item: l.Item, Want: *l.Quote, Got: got, Found: found}
}

// passageHolds reports whether passage p of document doc contains quote,
// or lies inside the document's line that contains it. lines caches the
// normalised lines of each document.
func passageHolds(store *corpus.Store, lines map[string][]string, p outline.Passage, doc, quote string) bool {
	q, text := linkNorm(quote), linkNorm(p.Text)
	if strings.Contains(text, q) {
		return true
	}
	if text == "" {
		return false
	}
	ls, ok := lines[doc]
	if !ok {
		d, err := store.Get(doc)
		if err != nil {
			return false
		}
		for _, line := range strings.Split(d.Body, "\n") {
			ls = append(ls, linkNorm(line))
		}
		lines[doc] = ls
	}
	for _, l := range ls {
		if strings.Contains(l, q) && strings.Contains(l, text) {
			return true
		}
	}
	return false
}

func (f *LinkFigures) sum(g *LinkFigures) {
	f.Items += g.Items
	f.Found += g.Found
	f.Quoted += g.Quoted
	f.Right += g.Right
	f.RightStrict += g.RightStrict
	f.Sure += g.Sure
	f.SureRight += g.SureRight
	f.Null += g.Null
	f.NullNone += g.NullNone
	f.Emitted += g.Emitted
	f.EmitRight += g.EmitRight
	f.Gold += g.Gold
	f.GoldHit += g.GoldHit
}

func (f *LinkFigures) rates() {
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	f.FoundRate = ratio(f.Found, f.Items)
	f.P1 = ratio(f.Right, f.Quoted)
	f.P1Strict = ratio(f.RightStrict, f.Quoted)
	f.P1Sure = ratio(f.SureRight, f.Sure)
	f.NoneAcc = ratio(f.NullNone, f.Null)
	f.Precision = ratio(f.EmitRight, f.Emitted)
	f.Recall = ratio(f.GoldHit, f.Gold)
}

// WriteLinkReport prints the report as a table, one plan a row.
func WriteLinkReport(w io.Writer, rep *LinkReport) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%-22s %-28s %5s %6s %6s %6s %6s %6s %6s %6s %7s\n",
		"plan", "parents", "items", "found", "p@1", "strict", "sure", "none", "prec", "recall", "ms")
	row := func(name, parents string, f *LinkFigures, ms string) {
		fmt.Fprintf(bw, "%-22s %-28s %5d %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %7s\n",
			name, parents, f.Items, f.FoundRate, f.P1, f.P1Strict, f.P1Sure, f.NoneAcc, f.Precision, f.Recall, ms)
	}
	plans := append([]PlanLinkReport(nil), rep.Plans...)
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].Plan < plans[j].Plan })
	for i := range plans {
		p := &plans[i]
		row(p.Plan, strings.Join(p.Parents, ","), &p.LinkFigures, fmt.Sprintf("%.1f", p.LinkMS))
	}
	o := &rep.Overall
	row("overall", "", o, "")
	fmt.Fprintf(bw, "\nitems %d, found %d; quoted %d, top link right %d (strict %d); null %d, given none %d\n",
		o.Items, o.Found, o.Quoted, o.Right, o.RightStrict, o.Null, o.NullNone)
	fmt.Fprintf(bw, "links emitted %d, right %d; labelled passages %d, linked %d; mean linked passage %.1f words\n",
		o.Emitted, o.EmitRight, o.Gold, o.GoldHit, rep.PassageWords)
	fmt.Fprintf(bw, "per plan: p@1 %.3f–%.3f, found %.3f–%.3f\n", rep.P1Min, rep.P1Max, rep.FoundMin, rep.FoundMax)
	return bw.Flush()
}
