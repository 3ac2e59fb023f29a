package link_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/eval"
)

// TestLinksSweep measures settings of the weights of linking on the
// development sets against the defaults: VANBAN_LINK_SWEEP lists them, one
// setting per ";", each a "," list of name=value over lopoGrid's names and
// sweepOnly's ("MatchDecay=0.97;MatchDecay=0.99,ActorIDF=0.5;NoneMeasure=7").
// It prints, for each set (set 1, set 2 when VANBAN_LINK_DEV2 names it,
// set 3 when VANBAN_LINK_DEV3 does, set 4 when VANBAN_LINK_DEV4 does, set 5 when VANBAN_LINK_DEV5 does, set 6 when VANBAN_LINK_DEV6 does, set 7 when VANBAN_LINK_DEV7 does) and setting, the top links right, strict, none, precision and
// recall, the plans whose count moved and, with VANBAN_LINK_SWEEP_ITEMS=1,
// the items won and lost. The store's parents' cache is warmed by the
// defaults row; it builds a parent's targets again for any other value of
// link.TargetWeights, the weights they are built with
// (TestSweepTargetWeights), so every weight swept is measured.
func TestLinksSweep(t *testing.T) {
	spec := os.Getenv("VANBAN_LINK_SWEEP")
	if spec == "" {
		t.Skip(`VANBAN_LINK_SWEEP="Name=value,…;…" measures those settings of the linking weights`)
	}
	var b strings.Builder
	sets := linkSets(t)
	for _, s := range sets {
		ev := func(p link.Params) *eval.LinkReport {
			rep, err := eval.EvaluateLinksWith(context.Background(), s.store, s.ids, s.labels,
				func(id string) (*link.PlanLinks, error) { return linksWith(s.store, id, p, nil) })
			if err != nil {
				t.Fatal(err)
			}
			return rep
		}
		base := ev(link.DefaultParams())
		bm := quotedMisses(base)
		line := func(name string, r *eval.LinkReport) {
			o := r.Overall
			fmt.Fprintf(&b, "%s%s: right %d of %d (p@1 %.3f), strict %d, none %d/%d, precision %.3f, recall %.3f", s.prefix, name,
				o.Right, o.Quoted, o.P1, o.RightStrict, o.NullNone, o.Null, o.Precision, o.Recall)
		}
		line("\ndefaults", base)
		b.WriteString("\n")
		for _, set := range strings.Split(spec, ";") {
			p, err := sweepParams(set)
			if err != nil {
				t.Fatal(err)
			}
			r := ev(p)
			line(set, r)
			var per []string
			for k, pr := range r.Plans {
				if d := base.Plans[k].Right; pr.Right != d {
					per = append(per, fmt.Sprintf("%s %d→%d", strings.SplitN(pr.Plan, "/", 2)[0], d, pr.Right))
				}
			}
			fmt.Fprintf(&b, " | %s\n", strings.Join(per, ", "))
			if os.Getenv("VANBAN_LINK_SWEEP_ITEMS") == "" {
				continue
			}
			writeItemChanges(&b, bm, quotedMisses(r))
		}
	}
	t.Log(b.String())
}

// sweepOnly are weights TestLinksSweep may set that the leave-one-pair-out
// does not tune.
var sweepOnly = []lopoEntry{
	{"ActorSmooth", func(p *link.Params) *float64 { return &p.ActorSmooth }, nil},
	{"OwnText", func(p *link.Params) *float64 { return &p.OwnText }, nil},
	{"RefBoost", func(p *link.Params) *float64 { return &p.RefBoost }, nil},
	{"Closing", func(p *link.Params) *float64 { return &p.Closing }, nil},
	{"Scope", func(p *link.Params) *float64 { return &p.Scope }, nil},
	{"Difficulties", func(p *link.Params) *float64 { return &p.Difficulties }, nil},
	{"OwnPlan", func(p *link.Params) *float64 { return &p.OwnPlan }, nil},
	{"OwnAgency", func(p *link.Params) *float64 { return &p.OwnAgency }, nil},
	{"OwnArticle", func(p *link.Params) *float64 { return &p.OwnArticle }, nil},
	{"OwnExec", func(p *link.Params) *float64 { return &p.OwnExec }, nil},
}

// sweepParams is the defaults with the name=value list set applied;
// NoneMeasure=m picks measure m of the "implements nothing" decision.
func sweepParams(set string) (link.Params, error) {
	p := link.DefaultParams()
	for _, kv := range strings.Split(set, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return p, fmt.Errorf("sweep %q: %w", kv, err)
		}
		if k == "NoneMeasure" {
			if m := int(f); float64(m) != f || m < 0 || m >= int(link.NoneMeasures) {
				return p, fmt.Errorf("sweep %q: no such measure", kv)
			}
			p.NoneMeasure = link.NoneMeasure(int(f))
			continue
		}
		found := false
		for _, g := range append(slices.Clone(lopoGrid), sweepOnly...) {
			if g.name == k {
				*g.field(&p) = f
				found = true
			}
		}
		if !found {
			return p, fmt.Errorf("sweep: no weight %q in lopoGrid", k)
		}
	}
	return p, nil
}

// quotedMisses is the quoted items whose top link is wrong, by plan and
// item, with the passage they got.
// writeItemChanges writes the items missed before and not after (won, +)
// and those missed after and not before (lost, −), each with the link it
// had or has.
func writeItemChanges(w io.Writer, before, after map[string]string) {
	for k, got := range before {
		if _, ok := after[k]; !ok {
			fmt.Fprintf(w, "    + %s (was %s)\n", k, got)
		}
	}
	for k, got := range after {
		if _, ok := before[k]; !ok {
			fmt.Fprintf(w, "    − %s (now %s)\n", k, got)
		}
	}
}

func quotedMisses(r *eval.LinkReport) map[string]string {
	m := map[string]string{}
	for _, x := range r.Misses {
		if x.Want != "none" {
			m[x.Plan+" | "+x.Item] = x.Got
		}
	}
	return m
}

func TestSweepParams(t *testing.T) {
	p, err := sweepParams("MatchDecay=0.97, ActorIDF=0.5")
	if err != nil || p.MatchDecay != 0.97 || p.ActorIDF != 0.5 {
		t.Errorf("sweepParams: %+v, %v", p, err)
	}
	if p, err := sweepParams("ActorSmooth=1,NoneMeasure=7"); err != nil || p.ActorSmooth != 1 || p.NoneMeasure == link.DefaultParams().NoneMeasure {
		t.Errorf("sweepParams: %+v, %v", p, err)
	}
	if _, err := sweepParams("NoneMeasure=99"); err == nil {
		t.Error("sweepParams accepted a measure that does not exist")
	}
	if _, err := sweepParams("NoSuchWeight=1"); err == nil {
		t.Error("sweepParams accepted an unknown weight")
	}
	if _, err := sweepParams("MatchDecay=x"); err == nil {
		t.Error("sweepParams accepted a value that is no number")
	}
	// Each name sets the weight of that name and no other (a copied
	// entry pointing at its neighbour's field sweeps the wrong rule):
	// "OwnAgency=0" turns linkfurther.go's rule off.
	def := reflect.ValueOf(link.DefaultParams())
	for _, g := range append(slices.Clone(lopoGrid), sweepOnly...) {
		p, err := sweepParams(g.name + "=12.5")
		if err != nil {
			t.Errorf("sweepParams(%s): %v", g.name, err)
			continue
		}
		v := reflect.ValueOf(p)
		for _, sf := range reflect.VisibleFields(v.Type()) { // TargetWeights' fields too
			name, f := sf.Name, v.FieldByIndex(sf.Index)
			if f.Kind() != reflect.Float64 {
				continue
			}
			if want := def.FieldByIndex(sf.Index).Float(); name == g.name {
				want = 12.5
				if f.Float() != want {
					t.Errorf("sweep %s=12.5 left Params.%s %v", g.name, name, f.Float())
				}
			} else if f.Float() != want {
				t.Errorf("sweep %s=12.5 set Params.%s to %v", g.name, name, f.Float())
			}
		}
	}
}
