package link_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/eval"
)

// lopoEntry is a weight of linking and the values it may take.
type lopoEntry struct {
	name   string
	field  func(*link.Params) *float64
	values []float64
}

// lopoGrid is the values each tuned weight of linking may take in the
// leave-one-pair-out check: the defaults and values on both sides.
var lopoGrid = []lopoEntry{
	{"QueryContext", func(p *link.Params) *float64 { return &p.QueryContext }, []float64{0.5, 1, 1.5, 2}},
	{"AgencyContext", func(p *link.Params) *float64 { return &p.AgencyContext }, []float64{0, 0.5, 1}},
	{"PassageContext", func(p *link.Params) *float64 { return &p.PassageContext }, []float64{0, 0.5, 1}},
	{"ActorBoost", func(p *link.Params) *float64 { return &p.ActorBoost }, []float64{0, 0.25, 0.5, 1}},
	{"ActionBoost", func(p *link.Params) *float64 { return &p.ActionBoost }, []float64{0, 0.15, 0.3, 0.6}},
	{"GoalWeight", func(p *link.Params) *float64 { return &p.GoalWeight }, []float64{0.6, 0.8, 1}},
	{"NoneShare", func(p *link.Params) *float64 { return &p.NoneShare }, []float64{0, 0.14, 0.165, 0.19}},
	{"MatchDecay", func(p *link.Params) *float64 { return &p.MatchDecay }, []float64{0, 0.99, 0.98, 0.97}},
	{"ActorIDF", func(p *link.Params) *float64 { return &p.ActorIDF }, []float64{0, 0.5, 1}},
	{"AlignBoost", func(p *link.Params) *float64 { return &p.AlignBoost }, []float64{0, 0.25, 0.5, 1}},
}

// backgroundGrid is the grid entry of the weight of related terms, tuned
// too when a background is given (VANBAN_LINK_BACKGROUND).
var backgroundGrid = lopoEntry{"RelatedWeight", func(p *link.Params) *float64 { return &p.RelatedWeight }, []float64{0, 0.1, 0.25, 0.5}}

// TestLinksLOPO tunes the weights of linking on eight pairs of the
// development set and measures the ninth, for each pair in turn (with
// VANBAN_LINK_DEV2=DIR, VANBAN_LINK_DEV3=DIR, VANBAN_LINK_DEV4=DIR,
// VANBAN_LINK_DEV5=DIR, VANBAN_LINK_DEV6=DIR and VANBAN_LINK_DEV7=DIR, the pairs of the second to seventh sets too: each pair is left out of
// the tuning on all the others), so that
// fitting the weights to the set shows: a held-out figure well under the
// tuned one is a weight that does not carry over. Tuning is coordinate
// descent over lopoGrid, two sweeps from the defaults, maximising the
// top links right (ties: more items without a quote given none). It runs
// some seventy evaluations (20 s of CPU), so only when
// VANBAN_LINK_LOPO=1; docs/log/design-citation-graph.md has the table. With
// VANBAN_LINK_BACKGROUND=DATA-DIR the links use that index as background
// and the weight of related terms is tuned too.
func TestLinksLOPO(t *testing.T) {
	if os.Getenv("VANBAN_LINK_LOPO") != "1" {
		t.Skip("VANBAN_LINK_LOPO=1 runs the leave-one-pair-out check")
	}
	sets := linkSets(t)
	grid := lopoGrid
	var bg link.Background
	if b := openBackground(t); b != nil {
		bg = b
		grid = append(slices.Clone(grid), backgroundGrid)
	}
	// Each setting is evaluated once on every plan; a fold's objective
	// sums the plans it trains on.
	memo := map[string]map[string]eval.LinkFigures{}
	run := func(p link.Params) map[string]eval.LinkFigures {
		key := fmt.Sprintf("%+v", p)
		if r, ok := memo[key]; ok {
			return r
		}
		r := map[string]eval.LinkFigures{}
		for _, s := range sets {
			rep, err := eval.EvaluateLinksWith(context.Background(), s.store, s.ids, s.labels,
				func(id string) (*link.PlanLinks, error) { return linksWith(s.store, id, p, bg) })
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range rep.Plans {
				r[s.prefix+pr.Plan] = pr.LinkFigures
			}
		}
		memo[key] = r
		return r
	}
	// The objective counts in whole numbers (a top link right is worth
	// more than every null item given none), so the same setting scores
	// the same whatever order the map gives its plans: a sum of
	// Right + 0.01·NullNone in floating point depends on that order in
	// its last bit, which decided ties between settings and moved the
	// held-out figure by an item from run to run.
	objective := func(r map[string]eval.LinkFigures, skip string) int {
		o := 0
		for plan, f := range r {
			if plan != skip {
				o += lopoNullScale*f.Right + f.NullNone
			}
		}
		return o
	}
	tune := func(skip string) link.Params {
		best := link.DefaultParams()
		bestObj := objective(run(best), skip)
		for sweep := 0; sweep < 2; sweep++ {
			for _, g := range grid {
				for _, v := range g.values {
					p := best
					*g.field(&p) = v
					if o := objective(run(p), skip); o > bestObj {
						best, bestObj = p, o
					}
				}
			}
		}
		return best
	}
	def := run(link.DefaultParams())
	plans := make([]string, 0, len(def))
	for plan := range def {
		plans = append(plans, plan)
	}
	sort.Strings(plans)
	var b strings.Builder
	fmt.Fprintf(&b, "\n| held-out pair | quoted | p@1 defaults | p@1 tuned on the other %d | weights that moved |\n|---|---|---|---|---|\n", len(plans)-1)
	// Per set (prefix) and over all: right and quoted at the defaults and held out.
	type tally struct{ heldRight, defRight, quoted int }
	tallies := map[string]*tally{}
	for _, s := range sets {
		tallies[s.prefix] = &tally{}
	}
	var heldRight, defRight, quoted int
	var heldNone, defNone, nulls int // null items given none (the tie-break)
	for _, plan := range plans {
		p := tune(plan)
		held := run(p)[plan]
		d := def[plan]
		heldRight += held.Right
		defRight += d.Right
		quoted += d.Quoted
		heldNone += held.NullNone
		defNone += d.NullNone
		nulls += d.Null
		tl := tallies[setPrefix(sets, plan)]
		tl.heldRight += held.Right
		tl.defRight += d.Right
		tl.quoted += d.Quoted
		fmt.Fprintf(&b, "| %s | %d | %.3f | %.3f | %s |\n", plan, d.Quoted, d.P1, held.P1, moved(p))
	}
	for _, s := range sets {
		if tl := tallies[s.prefix]; len(sets) > 1 && tl.quoted > 0 {
			name := "set 1 (../shared/data/plans)"
			switch s.prefix {
			case dev2Prefix:
				name = "set 2 (" + os.Getenv("VANBAN_LINK_DEV2") + ")"
			case dev3Prefix:
				name = "set 3 (" + os.Getenv("VANBAN_LINK_DEV3") + ")"
			case dev4Prefix:
				name = "set 4 (" + os.Getenv("VANBAN_LINK_DEV4") + ")"
			case dev5Prefix:
				name = "set 5 (" + os.Getenv("VANBAN_LINK_DEV5") + ")"
			case dev6Prefix:
				name = "set 6 (" + os.Getenv("VANBAN_LINK_DEV6") + ")"
			case dev7Prefix:
				name = "set 7 (" + os.Getenv("VANBAN_LINK_DEV7") + ")"
			}
			fmt.Fprintf(&b, "| %s (micro) | %d | %.3f | %.3f | |\n", name, tl.quoted,
				float64(tl.defRight)/float64(tl.quoted), float64(tl.heldRight)/float64(tl.quoted))
		}
	}
	fmt.Fprintf(&b, "| **all (micro)** | %d | %.3f | %.3f | |\n", quoted,
		float64(defRight)/float64(quoted), float64(heldRight)/float64(quoted))
	fmt.Fprintf(&b, "\nnull items given none: %d of %d at the defaults, %d held out\n", defNone, nulls, heldNone)
	all := tune("")
	r := run(all)
	right := 0
	for _, f := range r {
		right += f.Right
	}
	fmt.Fprintf(&b, "\ntuned on all %d pairs: p@1 %.3f (%s); %d settings evaluated\n", len(plans), float64(right)/float64(quoted), moved(all), len(memo))
	t.Log(b.String())
	// The defaults were chosen on the nine pairs of set 1, so their figure
	// is an in-sample one; the held-out figure is what tuning carries over
	// to a pair it has not seen. Set 1's must stay over the floor measured
	// when the check was written (0.685, docs/log/design-citation-graph.md); set 2 has no
	// floor of its own yet (docs/log/i17-dev2.md).
	if tl := tallies[""]; tl.quoted > 0 {
		if held := float64(tl.heldRight) / float64(tl.quoted); held < lopoFloor {
			t.Errorf("held-out p@1 of set 1 %.3f < %.2f", held, lopoFloor)
		}
	}
}

// linkSet is a labelled set of plans and parents in a store of its own;
// prefix tells its plans apart from the other set's in the check's maps.
type linkSet struct {
	prefix string
	store  *corpus.Store
	ids    map[string]string
	labels []eval.LinkLabel
}

// setPrefix is the prefix of the set plan (a key of the checks' maps)
// belongs to: the longest of the sets' prefixes it starts with (set 1's
// is "").
func setPrefix(sets []linkSet, plan string) string {
	best := ""
	for _, s := range sets {
		if len(s.prefix) > len(best) && strings.HasPrefix(plan, s.prefix) {
			best = s.prefix
		}
	}
	return best
}

// linkSets is set 1 and, when VANBAN_LINK_DEV2, VANBAN_LINK_DEV3,
// VANBAN_LINK_DEV4, VANBAN_LINK_DEV5, VANBAN_LINK_DEV6 and VANBAN_LINK_DEV7
// name them, sets 2 to 7.
func linkSets(t *testing.T) []linkSet {
	t.Helper()
	sets := []linkSet{{"", nil, nil, nil}}
	sets[0].store, sets[0].ids = devStore(t)
	sets[0].labels = devLabels(t)
	if s, ok := dev2Set(t); ok {
		sets = append(sets, s)
	}
	if s, ok := dev3Set(t); ok {
		sets = append(sets, s)
	}
	if s, ok := dev4Set(t); ok {
		sets = append(sets, s)
	}
	if s, ok := dev5Set(t); ok {
		sets = append(sets, s)
	}
	if s, ok := dev6Set(t); ok {
		sets = append(sets, s)
	}
	if s, ok := dev7Set(t); ok {
		sets = append(sets, s)
	}
	return sets
}

// dev2Prefix marks the plans of the second development set.
const dev2Prefix = "dev2 "

// dev2Set opens the second development set of plan linking when
// VANBAN_LINK_DEV2 names its folder (devsets/plans2/README.md), so that
// TestLinksLOPO leaves out each pair of both sets in turn.
func dev2Set(t *testing.T) (linkSet, bool) {
	t.Helper()
	return envLinkSet(t, "VANBAN_LINK_DEV2", dev2Prefix)
}

// dev3Prefix marks the plans of the third development set.
const dev3Prefix = "dev3 "

// dev3Set opens the third development set (Thông tư implementing a Nghị
// định; devsets/plans3/README.md) when VANBAN_LINK_DEV3 names its folder.
// linkSets adds it, so every check over the sets reads it.
func dev3Set(t *testing.T) (linkSet, bool) {
	t.Helper()
	return envLinkSet(t, "VANBAN_LINK_DEV3", dev3Prefix)
}

// dev4Prefix marks the plans of the fourth development set.
const dev4Prefix = "dev4 "

// dev4Set opens the fourth development set (a provincial Kế hoạch and two
// Government conclusions implementing a Party resolution and a Government
// resolution; devsets/plans4/README.md) when VANBAN_LINK_DEV4 names its
// folder. linkSets adds it, so every check over the sets reads it.
func dev4Set(t *testing.T) (linkSet, bool) {
	t.Helper()
	return envLinkSet(t, "VANBAN_LINK_DEV4", dev4Prefix)
}

// dev5Prefix marks the plans of the fifth development set.
const dev5Prefix = "dev5 "

// dev5Set opens the fifth development set (a ministry's letter to its
// schools implementing a Politburo resolution cited in a footnote; built
// blind to measure how linking carries over, devsets/plans5/README.md) when
// VANBAN_LINK_DEV5 names its folder. linkSets adds it, so every check over
// the sets reads it.
func dev5Set(t *testing.T) (linkSet, bool) {
	t.Helper()
	return envLinkSet(t, "VANBAN_LINK_DEV5", dev5Prefix)
}

// dev6Prefix marks the plans of the sixth development set.
const dev6Prefix = "dev6 "

// dev6Set opens the sixth development set (two ministry circulars, one
// detailing an amending decree and one applying another circular's rates,
// from ../shared/data/govdocs; built blind, devsets/plans6/README.md) when
// VANBAN_LINK_DEV6 names its folder. linkSets adds it, so every check over
// the sets reads it.
func dev6Set(t *testing.T) (linkSet, bool) {
	t.Helper()
	return envLinkSet(t, "VANBAN_LINK_DEV6", dev6Prefix)
}

// dev7Prefix marks the plans of the seventh development set.
const dev7Prefix = "dev7 "

// dev7Set opens the seventh development set (a ministry circular that
// states its own rules and cites a Government decree for one point, from
// ../shared/data/govdocs; built blind, devsets/plans7/README.md) when
// VANBAN_LINK_DEV7 names its folder. linkSets adds it, so every check over
// the sets reads it.
func dev7Set(t *testing.T) (linkSet, bool) {
	t.Helper()
	return envLinkSet(t, "VANBAN_LINK_DEV7", dev7Prefix)
}

// envLinkSet opens the labelled set in the folder the environment variable
// env names (docs.jsonl and labels.jsonl, the formats of
// ../shared/data/plans) in a store of its own; false when env is unset.
func envLinkSet(t *testing.T, env, prefix string) (linkSet, bool) {
	t.Helper()
	dir := os.Getenv(env)
	if dir == "" {
		return linkSet{}, false
	}
	store, err := corpus.OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ids, err := eval.IngestDocs(store, filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		t.Fatalf("%s: %v", env, err)
	}
	f, err := os.Open(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		t.Fatalf("%s: %v", env, err)
	}
	defer f.Close()
	labels, err := eval.ReadLinkLabels(f)
	if err != nil {
		t.Fatalf("%s: %v", env, err)
	}
	return linkSet{prefix, store, ids, labels}, true
}

// lopoNullScale is what a top link right weighs in the objective of the
// leave-one-pair-out tuning against a null item given none (1): more than
// all the null items of both sets together.
const lopoNullScale = 1000

// lopoFloor is the least held-out p@1 of the leave-one-pair-out check.
const lopoFloor = 0.65

// moved lists the weights that differ from the defaults.
func moved(p link.Params) string {
	d := link.DefaultParams()
	var out []string
	for _, g := range append(slices.Clone(lopoGrid), backgroundGrid) {
		if v := *g.field(&p); v != *g.field(&d) {
			out = append(out, fmt.Sprintf("%s %.2g", g.name, v))
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}
