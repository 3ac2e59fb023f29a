package link_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/eval"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/indexer/assoc"
	"github.com/vanban/vanban/internal/shared"
)

// TestLinksBackgroundSweep measures the weights that use a background
// collection (corpus/link/linkbg.go) on the development set: the data
// directory VANBAN_LINK_BACKGROUND names (an ingested collection, e.g.
// govdocs and the ALQAC corpora) supplies the associations and document
// frequencies. It prints p@1 for each setting and the items whose top
// link changes; docs/log/i17-para.md has the figures.
func TestLinksBackgroundSweep(t *testing.T) {
	bg := openBackground(t)
	if bg == nil {
		t.Skip("VANBAN_LINK_BACKGROUND=DATA-DIR measures linking with that collection as background")
	}
	store, ids := devStore(t)
	labels := devLabels(t)
	eval1 := func(p link.Params, b link.Background) *eval.LinkReport {
		rep, err := eval.EvaluateLinksWith(context.Background(), store, ids, labels,
			func(id string) (*link.PlanLinks, error) { return linksWith(store, id, p, b) })
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	base := eval1(link.DefaultParams(), nil)
	same := eval1(link.DefaultParams(), bg)
	if same.Overall.Right != base.Overall.Right || same.Overall.Emitted != base.Overall.Emitted {
		t.Errorf("the default weights with a background: %d right, %d emitted; without: %d, %d",
			same.Overall.Right, same.Overall.Emitted, base.Overall.Right, base.Overall.Emitted)
	}
	missed := func(r *eval.LinkReport) map[string]string {
		m := map[string]string{}
		for _, x := range r.Misses {
			m[x.Plan+" | "+x.Item] = x.Got
		}
		return m
	}
	bm := missed(base)
	var b strings.Builder
	fmt.Fprintf(&b, "\nbase: right %d of %d (p@1 %.3f), none %d/%d, precision %.3f\n", base.Overall.Right, base.Overall.Quoted,
		base.Overall.P1, base.Overall.NullNone, base.Overall.Null, base.Overall.Precision)
	for _, s := range backgroundSettings() {
		p := link.DefaultParams()
		p.RelatedWeight, p.RelatedMin, p.BackgroundIDF = s[0], s[1], s[2]
		if s[3] >= 0 {
			p.NoneShare = s[3]
		}
		r := eval1(p, bg)
		fmt.Fprintf(&b, "related %.2g (NPMI ≥ %.2g), idf^%.2g, none share %.2g: right %d (p@1 %.3f), none %d/%d, precision %.3f\n",
			s[0], s[1], s[2], p.NoneShare, r.Overall.Right, r.Overall.P1, r.Overall.NullNone, r.Overall.Null, r.Overall.Precision)
		var per []string
		for k, pr := range r.Plans {
			per = append(per, fmt.Sprintf("%s %d→%d", strings.SplitN(pr.Plan, "/", 2)[0], base.Plans[k].Right, pr.Right))
		}
		fmt.Fprintf(&b, "    per plan: %s\n", strings.Join(per, ", "))
		writeItemChanges(&b, bm, missed(r))
	}
	t.Log(b.String())
}

// openBackground opens the index of the data directory
// VANBAN_LINK_BACKGROUND names as a background for linking, closed when
// the test ends (nil when the variable is not set).
func openBackground(t *testing.T) *indexer.LinkBackground {
	t.Helper()
	dir := os.Getenv("VANBAN_LINK_BACKGROUND")
	if dir == "" {
		return nil
	}
	ix, err := indexer.Open(indexer.DirFor(dir), indexer.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	bg, err := ix.LinkBackground()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bg.Close() })
	return bg
}

// backgroundSettings are (RelatedWeight, RelatedMin, BackgroundIDF,
// NoneShare, −1: the default) of the sweep.
func backgroundSettings() [][4]float64 {
	return [][4]float64{
		{0, 0, 0, 0},
		{0.1, 0.3, 0, -1}, {0.25, 0.3, 0, -1}, {0.5, 0.3, 0, -1}, {1, 0.3, 0, -1},
		{0.25, 0.5, 0, -1}, {0.5, 0.5, 0, -1}, {1, 0.5, 0, -1},
		{0.25, 0.3, 0, 0}, {1, 0.3, 0, 0},
		{0, 0, 0.25, -1}, {0, 0, 0.5, -1}, {0, 0, 1, -1}, {0, 0, 2, -1},
		{0, 0, 0.25, 0}, {0, 0, 0.5, 0}, {0, 0, 1, 0},
	}
}

// devStore stores the documents of the development set in a store in
// t.TempDir() and returns it with the stored ID of each number key
// (eval.IngestDocs).
func devStore(t *testing.T) (*corpus.Store, map[string]string) {
	t.Helper()
	store, err := corpus.OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ids, err := eval.IngestDocs(store, shared.Path(t, "data", "plans", "docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return store, ids
}

// devLabels reads the labels of the development set.
func devLabels(t *testing.T) []eval.LinkLabel {
	t.Helper()
	f, err := os.Open(shared.Path(t, "data", "plans", "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	labels, err := eval.ReadLinkLabels(f)
	if err != nil {
		t.Fatal(err)
	}
	return labels
}

// TestLinksBackgroundBridges is why related terms do not help: for every
// quoted item whose top link is wrong it counts the item's content pairs
// that have associations in the background (VANBAN_LINK_BACKGROUND) and
// the bridges — a related term of an item pair that a passage holds and
// the item does not — into the labelled passage and into the one chosen
// instead. docs/log/i17-para.md has the figures.
func TestLinksBackgroundBridges(t *testing.T) {
	bg := openBackground(t)
	if bg == nil {
		t.Skip("VANBAN_LINK_BACKGROUND=DATA-DIR counts the bridges of that collection's associations")
	}
	store, ids := devStore(t)
	rep, err := eval.EvaluateLinks(context.Background(), store, ids, devLabels(t))
	if err != nil {
		t.Fatal(err)
	}
	pairs := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, u := range indexer.QueryTerms(s, indexer.AnalyzerBigram) {
			if assoc.Learnable(u) {
				m[u] = true
			}
		}
		return m
	}
	bridges := func(item, passage map[string]bool) []string {
		var out []string
		for u := range item {
			for _, r := range bg.Related(u) {
				if passage[r.Term] && !item[r.Term] {
					out = append(out, u+" → "+r.Term)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	var b strings.Builder
	var misses, withRelated, intoWant, intoGot int
	for _, m := range rep.Misses {
		if m.Want == "none" {
			continue
		}
		pl, err := store.Links(ids[doctype.NumberKey(m.Plan)])
		if err != nil {
			t.Fatal(err)
		}
		plan, err := store.Get(pl.ID)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(plan.Body, "\n")
		var item *link.ItemLink
		for i := range pl.Items {
			if it := &pl.Items[i]; it.Linked && strings.Contains(strings.Join(strings.Fields(lines[it.Line-1]), " "), m.Item) {
				item = it
				break
			}
		}
		if item == nil {
			continue
		}
		var want, got string
		for _, r := range pl.Resolutions {
			d, err := store.Get(r.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range outline.Parse(d.Body).Passages() {
				if strings.Contains(strings.Join(strings.Fields(p.Text), " "), m.Want) {
					want = p.Text
				}
				if m.Got == d.Number+" "+p.ID {
					got = p.Text
				}
			}
		}
		ip := pairs(item.Text)
		rel := 0
		for u := range ip {
			if len(bg.Related(u)) > 0 {
				rel++
			}
		}
		bw, bgot := bridges(ip, pairs(want)), bridges(ip, pairs(got))
		misses++
		if rel > 0 {
			withRelated++
		}
		if len(bw) > 0 {
			intoWant++
		}
		if len(bgot) > 0 {
			intoGot++
		}
		fmt.Fprintf(&b, "%s %s: %d pairs, %d with associations; into the labelled passage %v; into %s %v\n",
			m.Plan, item.ID, len(ip), rel, bw, m.Got, bgot)
	}
	fmt.Fprintf(&b, "quoted misses %d: with associations %d, a bridge into the labelled passage %d, into the chosen one %d\n",
		misses, withRelated, intoWant, intoGot)
	t.Log("\n" + b.String())
}
