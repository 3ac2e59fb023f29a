package search_test

import (
	"fmt"

	"github.com/vanban/vanban/search"
)

// A query is described once, as a plain value, before any index is read:
// the free text, the document number (its own and its citations' field),
// the abbreviation expansion, the excluded phrase, the intents and the
// filter. The texts become weighted terms only when a search compiles the
// plan on its index snapshot.
func ExampleBuild() {
	q := search.ParseQuery(`KH chuyển đổi số 154/NQ-CP -"tin tức"`)
	p := search.Build(q, search.Filters{Type: "Kế hoạch"}, search.DefaultWeights)
	for _, t := range p.Texts {
		fmt.Printf("text      %q\n", t.Text)
	}
	for _, n := range p.Numbers {
		fmt.Printf("number    %s:%s ×%g\n", n.Field, n.Term, n.Boost)
	}
	fmt.Printf("expansion %q ×%g\n", p.Expansion.Text, p.Expansion.Boost)
	fmt.Printf("exclude   %q\n", p.Exclude)
	for _, in := range p.Intents {
		fmt.Printf("intent    %s: %s:%s ×%g (idf %v), text ×%g\n", in.Name, in.Field, in.Term, in.Boost, in.IDF, in.Factor)
	}
	fmt.Printf("filter    type %q\n", p.Filters.Type)
	// Output:
	// text      "KH chuyển đổi số 154/NQ-CP"
	// number    number:154/nq-cp ×30
	// number    cites:154/nq-cp ×3
	// expansion "CĐS; Kế hoạch" ×0.1
	// exclude   ["tin tức"]
	// intent    type Kế hoạch: type:Kế hoạch ×4 (idf true), text ×4
	// filter    type "Kế hoạch"
}
