package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// TestLinkDeterministic: linking the same plan twice gives the same scores
// to the last bit. The scores sum an item's terms; summed in map order,
// their last bits differ from run to run, and an exact tie (two passages
// of one wording, two weightings of the leave-one-pair-out with the same
// objective) then goes either way. Lines written for the test
// (actorSpecDocs and the plan of TestLinkNothingSpecificShared).
func TestLinkDeterministic(t *testing.T) {
	res, plan := actorSpecDocs()
	for _, c := range []struct{ plan, parent Doc }{{plan, res}, {nonePlan, noneParent}} {
		var first map[int]noneVec
		for run := range 40 {
			vs := map[int]noneVec{}
			linkPlanProbe(c.plan, []Doc{c.parent}, []*outline.Outline{nil}, DefaultParams(), nil, nil,
				func(i int, v noneVec) { vs[i] = v })
			if run == 0 {
				first = vs
				continue
			}
			for i, v := range vs {
				if v != first[i] {
					t.Fatalf("%s item %d, run %d: measures %v, first run %v", c.plan.Number, i, run, v, first[i])
				}
			}
		}
	}
}
