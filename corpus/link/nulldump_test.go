package link_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/eval"
)

// TestLinksNullItemsDump writes, for every labelled item of the sets the
// linker ranks, whether it is null, whether its top link is right with
// every top link given (NoneShare 0), whether the defaults withhold it,
// and the figures a decision on it could read (link.NullFigures): the
// table docs/log/i31-null.md classes the linked null items from and
// measures each candidate cut on. One line per item, a header first.
// Only when VANBAN_LINK_NULL_ITEMS names the output file.
func TestLinksNullItemsDump(t *testing.T) {
	out := os.Getenv("VANBAN_LINK_NULL_ITEMS")
	if out == "" {
		t.Skip("VANBAN_LINK_NULL_ITEMS=FILE writes the sets' labelled items with the none decision's figures")
	}
	off := link.DefaultParams()
	off.NoneShare = 0
	var b strings.Builder
	b.WriteString("set\tplan\titem\tnull\tright0\twithheld\traw/self\tmargin\trival\thub\trarest\ttop\tsecond\ttext\n")
	for _, s := range linkSets(t) {
		set := strings.TrimSpace(s.prefix) // "dev7"; set 1 has none
		if set == "" {
			set = "dev1"
		}
		type probed struct {
			pl  *link.PlanLinks
			fig map[int]link.NullFigures // by index in pl.Items
		}
		plans := map[string]probed{}
		for _, id := range s.ids {
			in, err := s.store.LinkInput(id)
			if err != nil {
				continue // a parent, not a plan
			}
			pl, figs := link.NullProbe(in.Plan, in.Parents, in.Outlines, link.DefaultParams(), in.Cache)
			p := probed{pl, map[int]link.NullFigures{}}
			for _, f := range figs {
				p.fig[f.Item] = f
			}
			plans[pl.Number] = p
		}
		rep, err := eval.EvaluateLinksWith(context.Background(), s.store, s.ids, s.labels,
			func(id string) (*link.PlanLinks, error) {
				pl, _, err := linksNone(s.store, id, off)
				return pl, err
			})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range rep.Outcomes {
			p, ok := plans[o.Plan]
			if !ok {
				t.Fatalf("%s: no links for plan %s", set, o.Plan)
			}
			for i, il := range p.pl.Items {
				f, ok := p.fig[i]
				if il.Line != o.Line || !il.Linked || !ok {
					continue
				}
				text := []rune(strings.Join(strings.Fields(il.Text), " "))
				text = text[:min(len(text), 100)]
				fmt.Fprintf(&b, "%s\t%s\t%s\t%t\t%t\t%t\t%.4f\t%.4f\t%.4f\t%d\t%.4f\t%s\t%s\t%s\n", set, o.Plan, il.ID,
					o.Null, o.Right, f.Withheld, f.RawSelf, f.Margin, f.Rival, f.Hub, f.Rarest, f.Top, f.Second, string(text))
			}
		}
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
