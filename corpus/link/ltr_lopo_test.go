package link_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/eval"
)

// ltrMaxK is the most candidates of an item the re-ranker's check looks at.
const ltrMaxK = 20

// ltrPlan is one labelled plan of a set: its stored ID, its labels and
// its quoted items as training groups (the first ltrMaxK candidates).
type ltrPlan struct {
	set    int
	name   string // prefix + the plan's number
	id     string
	labels []eval.LinkLabel
	groups []link.LTRGroup
	// missing counts quoted items the linker does not rank (not found,
	// or no candidate at all).
	missing int
}

// ltrPlans collects the training groups of every labelled plan of sets:
// each quoted item's first ltrMaxK candidates with their features, and
// which are right by eval's own rule (each rank is scored through
// eval.EvaluateLinksWith as if it were the only link).
func ltrPlans(t *testing.T, sets []linkSet) []*ltrPlan {
	t.Helper()
	var out []*ltrPlan
	for k, s := range sets {
		byPlan := map[string]*ltrPlan{}
		var order []string
		for _, l := range s.labels {
			key := doctype.NumberKey(l.Plan)
			p := byPlan[key]
			if p == nil {
				p = &ltrPlan{set: k, name: s.prefix + l.Plan, id: s.ids[key]}
				byPlan[key] = p
				order = append(order, key)
			}
			p.labels = append(p.labels, l)
		}
		type cands struct {
			pl    *link.PlanLinks
			items map[int]link.LTRItem // by line
		}
		byID := map[string]cands{}
		for _, key := range order {
			p := byPlan[key]
			pl, items, err := linksCandidates(s.store, p.id, link.DefaultParams(), ltrMaxK)
			if err != nil {
				t.Fatal(err)
			}
			c := cands{pl, map[int]link.LTRItem{}}
			for _, it := range items {
				c.items[pl.Items[it.Item].Line] = it
			}
			byID[p.id] = c
		}
		// right[plan line] is which ranks are right.
		right := map[string][]bool{}
		var outcomes []eval.LinkOutcome
		for r := range ltrMaxK {
			rep, err := eval.EvaluateLinksWith(context.Background(), s.store, s.ids, s.labels,
				func(id string) (*link.PlanLinks, error) {
					c, ok := byID[id]
					if !ok {
						return nil, fmt.Errorf("no candidates for %s", id)
					}
					pl := *c.pl
					pl.Items = slices.Clone(pl.Items)
					for i := range pl.Items {
						pl.Items[i].Matches = []link.Match{}
						if it, ok := c.items[pl.Items[i].Line]; ok && it.Item == i && r < len(it.Cands) {
							pl.Items[i].Matches = []link.Match{it.Cands[r]}
						}
					}
					return &pl, nil
				})
			if err != nil {
				t.Fatal(err)
			}
			if r == 0 {
				outcomes = rep.Outcomes
			}
			for _, o := range rep.Outcomes {
				key := fmt.Sprintf("%s\t%d", o.Plan, o.Line)
				right[key] = append(right[key], o.Right && !o.Null)
			}
		}
		for _, o := range outcomes {
			if o.Null {
				continue
			}
			p := byPlan[doctype.NumberKey(o.Plan)]
			it, ok := byID[p.id].items[o.Line]
			if !ok || len(it.X) == 0 {
				p.missing++
				continue
			}
			rs := right[fmt.Sprintf("%s\t%d", o.Plan, o.Line)][:len(it.X)]
			p.groups = append(p.groups, link.LTRGroup{X: it.X, Right: rs})
		}
		for _, key := range order {
			out = append(out, byPlan[key])
		}
	}
	slices.SortFunc(out, func(a, b *ltrPlan) int { return strings.Compare(a.name, b.name) })
	return out
}

// ltrTruncate is gs with each group cut to its first k candidates.
func ltrTruncate(gs []link.LTRGroup, k int) []link.LTRGroup {
	out := make([]link.LTRGroup, len(gs))
	for i, g := range gs {
		n := min(k, len(g.X))
		out[i] = link.LTRGroup{X: g.X[:n], Right: g.Right[:n]}
	}
	return out
}

// ltrEval links plan p with weights w on its first k candidates (k 0:
// the linker as it is) and scores it through eval.
func ltrEval(t *testing.T, sets []linkSet, p *ltrPlan, w link.LTRWeights, k int) eval.LinkFigures {
	t.Helper()
	params := link.DefaultParams()
	params.RerankK, params.Rerank = k, w
	s := sets[p.set]
	rep, err := eval.EvaluateLinksWith(context.Background(), s.store, s.ids, p.labels,
		func(id string) (*link.PlanLinks, error) { return linksWith(s.store, id, params, nil) })
	if err != nil {
		t.Fatal(err)
	}
	return rep.Overall
}

// ltrTally sums the figures of some plans.
type ltrTally struct {
	right, quoted, none, null, emitted, emitRight, gold, goldHit int
}

func (a *ltrTally) add(f eval.LinkFigures) {
	a.right += f.Right
	a.quoted += f.Quoted
	a.none += f.NullNone
	a.null += f.Null
	a.emitted += f.Emitted
	a.emitRight += f.EmitRight
	a.gold += f.Gold
	a.goldHit += f.GoldHit
}

func (a ltrTally) String() string {
	r := func(x, y int) float64 {
		if y == 0 {
			return 0
		}
		return float64(x) / float64(y)
	}
	return fmt.Sprintf("%d/%d (%.3f), none %d/%d, prec %.3f, recall %.3f",
		a.right, a.quoted, r(a.right, a.quoted), a.none, a.null, r(a.emitRight, a.emitted), r(a.goldHit, a.gold))
}

// TestLinksRerankLOPO measures the learned re-ranker (corpus/link linkltr.go) out of
// sample: recall@K of the linker's candidates; then, for each K and L2
// weight of the grid, each pair in turn is held out, the weights are
// trained on the others' quoted items and the held-out pair is linked
// with them and scored through eval (p@1, none, precision, recall); and
// train on one set, test the others (each set in turn). The
// defaults' figures are the baseline (in sample: they were chosen on
// these sets). Only when VANBAN_LINK_LOPO=1 (VANBAN_LINK_DEV2 adds set
// 2, VANBAN_LINK_DEV3 set 3, VANBAN_LINK_DEV4 set 4, VANBAN_LINK_DEV5 set 5, VANBAN_LINK_DEV6 set 6, VANBAN_LINK_DEV7 set 7; VANBAN_LTR_ONLY restricts the features);
// docs/log/i17-ltr.md has the tables.
func TestLinksRerankLOPO(t *testing.T) {
	if os.Getenv("VANBAN_LINK_LOPO") != "1" {
		t.Skip("VANBAN_LINK_LOPO=1 runs the leave-one-pair-out check")
	}
	sets := linkSets(t)
	plans := ltrPlans(t, sets)
	var b strings.Builder
	// VANBAN_LTR_ONLY=score,near,…: train on those features only (the
	// others set to 0 in every group, so their weights are 0).
	if only := os.Getenv("VANBAN_LTR_ONLY"); only != "" {
		keep := strings.Split(only, ",")
		for _, p := range plans {
			for _, g := range p.groups {
				for r := range g.X {
					for f := range g.X[r] {
						if !slices.Contains(keep, link.LTRNames[f]) {
							g.X[r][f] = 0
						}
					}
				}
			}
		}
		fmt.Fprintf(&b, "\nfeatures: %s\n", only)
	}
	// Recall@K: the share of quoted items with a right passage among the
	// first K candidates.
	fmt.Fprintf(&b, "\n| K | 1 | 3 | 5 | 10 | 15 | 20 |\n|---|---|---|---|---|---|---|\n| recall@K |")
	quoted := 0
	for _, p := range plans {
		quoted += len(p.groups) + p.missing
	}
	for _, k := range []int{1, 3, 5, 10, 15, 20} {
		n := 0
		for _, p := range plans {
			for _, g := range p.groups {
				if slices.Contains(g.Right[:min(k, len(g.Right))], true) {
					n++
				}
			}
		}
		fmt.Fprintf(&b, " %d/%d (%.3f) |", n, quoted, float64(n)/float64(quoted))
	}
	b.WriteString("\n")
	const iters = 300
	train := func(skip func(*ltrPlan) bool, k int, lambda float64) link.LTRWeights {
		var gs []link.LTRGroup
		for _, p := range plans {
			if !skip(p) {
				gs = append(gs, ltrTruncate(p.groups, k)...)
			}
		}
		return link.TrainRanker(gs, lambda, iters)
	}
	// The baseline, per plan and per set.
	base := map[string]eval.LinkFigures{}
	var baseAll ltrTally
	baseSet := make([]ltrTally, len(sets))
	for _, p := range plans {
		f := ltrEval(t, sets, p, link.LTRWeights{}, 0)
		base[p.name] = f
		baseAll.add(f)
		baseSet[p.set].add(f)
	}
	// The re-ranker with zero weights keeps the linker's order (a stable
	// sort of equal scores), so every figure is the defaults': the path
	// the folds are measured through adds nothing of its own.
	for _, p := range plans {
		if f := ltrEval(t, sets, p, link.LTRWeights{}, 10); f != base[p.name] {
			t.Errorf("%s: zero weights %+v, defaults %+v", p.name, f, base[p.name])
		}
	}
	fmt.Fprintf(&b, "\ndefaults: %s", baseAll)
	for i, s := range baseSet {
		fmt.Fprintf(&b, "; set %d %s", i+1, s)
	}
	b.WriteString("\n\n| K | λ | held out (LOPO) |")
	for k := range sets {
		fmt.Fprintf(&b, " set %d share |", k+1)
	}
	for k := range sets {
		fmt.Fprintf(&b, " train set %d → the others |", k+1)
	}
	fmt.Fprintf(&b, " all %d, in sample |\n|---|---|---|%s\n", len(plans), strings.Repeat("---|", 2*len(sets)+1))
	perPlan := map[string]string{}
	for _, k := range []int{5, 10, 20} {
		for _, lambda := range []float64{0.01, 0.1, 1} {
			var held ltrTally
			heldSet := make([]ltrTally, len(sets))
			var cells []string
			for _, p := range plans {
				w := train(func(q *ltrPlan) bool { return q == p }, k, lambda)
				f := ltrEval(t, sets, p, w, k)
				held.add(f)
				heldSet[p.set].add(f)
				cells = append(cells, fmt.Sprintf("%d", f.Right))
			}
			perPlan[fmt.Sprintf("K %d λ %g", k, lambda)] = strings.Join(cells, " ")
			cross := make([]ltrTally, len(sets))
			if len(sets) > 1 {
				for s := range sets {
					w := train(func(q *ltrPlan) bool { return q.set == s }, k, lambda)
					for _, p := range plans {
						if p.set != s {
							cross[s].add(ltrEval(t, sets, p, w, k))
						}
					}
				}
			}
			wAll := train(func(*ltrPlan) bool { return false }, k, lambda)
			var in ltrTally
			for _, p := range plans {
				in.add(ltrEval(t, sets, p, wAll, k))
			}
			fmt.Fprintf(&b, "| %d | %g | %s |", k, lambda, held)
			for _, x := range heldSet {
				fmt.Fprintf(&b, " %s |", x)
			}
			for _, x := range cross {
				fmt.Fprintf(&b, " %s |", x)
			}
			fmt.Fprintf(&b, " %s |\n", in)
			if k == 10 && lambda == 0.1 {
				var ws []string
				for f, v := range wAll {
					ws = append(ws, fmt.Sprintf("%s %.3g", link.LTRNames[f], v))
				}
				fmt.Fprintf(&b, "\nweights (K 10, λ 0.1, all pairs): %s\n\n", strings.Join(ws, ", "))
			}
		}
	}
	// Nested: each outer fold chooses K and λ by the inner
	// leave-one-pair-out over its 12 pairs (top candidate right after
	// re-ranking, counted on the groups; ties to the earlier setting),
	// so that the grid itself is not chosen on the held-out pair.
	type setting struct {
		k      int
		lambda float64
	}
	var grid []setting
	for _, k := range []int{5, 10, 20} {
		for _, lambda := range []float64{0.01, 0.1, 1} {
			grid = append(grid, setting{k, lambda})
		}
	}
	topRight := func(w link.LTRWeights, gs []link.LTRGroup) int {
		n := 0
		for _, g := range gs {
			best := 0
			for r := range g.X {
				if ws, wb := w.Score(g.X[r]), w.Score(g.X[best]); ws > wb {
					best = r
				}
			}
			if g.Right[best] {
				n++
			}
		}
		return n
	}
	var nested ltrTally
	nestedSet := make([]ltrTally, len(sets))
	var chosen []string
	for _, p := range plans {
		bestSet, bestRight := grid[0], -1
		for _, st := range grid {
			right := 0
			for _, q := range plans {
				if q == p {
					continue
				}
				w := train(func(x *ltrPlan) bool { return x == p || x == q }, st.k, st.lambda)
				right += topRight(w, ltrTruncate(q.groups, st.k))
			}
			if right > bestRight {
				bestSet, bestRight = st, right
			}
		}
		w := train(func(q *ltrPlan) bool { return q == p }, bestSet.k, bestSet.lambda)
		f := ltrEval(t, sets, p, w, bestSet.k)
		nested.add(f)
		nestedSet[p.set].add(f)
		chosen = append(chosen, fmt.Sprintf("%s K %d λ %g: %d", p.name, bestSet.k, bestSet.lambda, f.Right))
	}
	fmt.Fprintf(&b, "\nnested (K, λ chosen by the inner leave-one-pair-out): %s", nested)
	for i, s := range nestedSet {
		fmt.Fprintf(&b, "; set %d %s", i+1, s)
	}
	fmt.Fprintf(&b, "\n%s\n", strings.Join(chosen, " | "))
	b.WriteString("\nper plan (right of quoted; defaults, then each setting held out):\n")
	var names []string
	for _, p := range plans {
		names = append(names, fmt.Sprintf("%s %d/%d", p.name, base[p.name].Right, base[p.name].Quoted))
	}
	fmt.Fprintf(&b, "%s\n", strings.Join(names, " | "))
	keys := make([]string, 0, len(perPlan))
	for k := range perPlan {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\n", k, perPlan[k])
	}
	t.Log(b.String())
}
