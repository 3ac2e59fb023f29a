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
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/eval"
)

// TestLinksMissDump writes, for every quoted item of the sets whose top
// link is wrong, the item, its labelled passage, the top passage, the
// rank of the first right candidate among the first ltrMaxK and its
// score's share of the top's: the table a class-by-cause reading of the
// misses starts from (docs/log/i26-rank.md). Only when
// VANBAN_LINK_MISS_DUMP names the output file.
func TestLinksMissDump(t *testing.T) {
	out := os.Getenv("VANBAN_LINK_MISS_DUMP")
	if out == "" {
		t.Skip("VANBAN_LINK_MISS_DUMP=FILE writes the sets' quoted misses with the right passage's rank")
	}
	var b strings.Builder
	for _, s := range linkSets(t) {
		type cand struct {
			pl    *link.PlanLinks
			items map[int]link.LTRItem // by line
		}
		byID := map[string]cand{}
		for _, l := range s.labels {
			id := s.ids[doctype.NumberKey(l.Plan)]
			if _, ok := byID[id]; ok {
				continue
			}
			pl, items, err := linksCandidates(s.store, id, link.DefaultParams(), ltrMaxK)
			if err != nil {
				t.Fatal(err)
			}
			c := cand{pl, map[int]link.LTRItem{}}
			for _, it := range items {
				c.items[pl.Items[it.Item].Line] = it
			}
			byID[id] = c
		}
		right := map[string][]bool{}
		var outcomes []eval.LinkOutcome
		var base *eval.LinkReport
		for r := range ltrMaxK {
			rep, err := eval.EvaluateLinksWith(context.Background(), s.store, s.ids, s.labels,
				func(id string) (*link.PlanLinks, error) {
					c := byID[id]
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
		base, err := eval.EvaluateLinksWith(context.Background(), s.store, s.ids, s.labels,
			func(id string) (*link.PlanLinks, error) { return linksWith(s.store, id, link.DefaultParams(), nil) })
		if err != nil {
			t.Fatal(err)
		}
		_ = outcomes
		texts := map[string]map[string]string{}
		ptext := func(doc, id string) string {
			m, ok := texts[doc]
			if !ok {
				d, err := s.store.Get(doc)
				if err != nil {
					t.Fatal(err)
				}
				m = map[string]string{}
				for _, p := range outline.Parse(d.Body).Passages() {
					m[p.ID] = p.Text
				}
				texts[doc] = m
			}
			return m[id]
		}
		n := 0
		for i, o := range base.Outcomes {
			if o.Null || o.Right {
				continue
			}
			l := s.labels[i]
			if doctype.NumberKey(l.Plan) != doctype.NumberKey(o.Plan) {
				t.Fatalf("outcome %d is %s, label %s", i, o.Plan, l.Plan)
			}
			n++
			c := byID[s.ids[doctype.NumberKey(o.Plan)]]
			it := c.items[o.Line]
			var text, sec string
			for _, x := range c.pl.Items {
				if x.Line == o.Line {
					text, sec = x.Text, x.Section
				}
			}
			fmt.Fprintf(&b, "\n### %s%d %s line %d (doubtful %v)\nITEM [%s] %s\nWANT %s\n", s.prefix, n, o.Plan, o.Line, l.Doubtful, sec, clip(text, 400), clip(*l.Quote, 200))
			for _, a := range l.Also {
				fmt.Fprintf(&b, "ALSO %s\n", clip(a.Quote, 200))
			}
			if l.Note != "" {
				fmt.Fprintf(&b, "NOTE %s\n", l.Note)
			}
			rs := right[fmt.Sprintf("%s\t%d", o.Plan, o.Line)]
			for r, m := range it.Cands {
				mark := " "
				if r < len(rs) && rs[r] {
					mark = "*"
				}
				if r < 3 || mark == "*" {
					fmt.Fprintf(&b, "%s r%d %s %s %.1f (%.2f) %s\n", mark, r, m.Number, m.Passage, m.Score, m.Score/it.Cands[0].Score, clip(m.Title+" | "+ptext(m.DocID, m.Passage), 220))
				}
				if mark == "*" {
					break
				}
			}
		}
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func clip(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return string(r)
}
