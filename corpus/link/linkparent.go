package link

// Which parent. A plan may cite several parents without saying in its
// title which it implements: a telegram "tiếp theo" earlier ones, a
// footnote listing six. Real plans follow one parent's tasks and name the
// others in passing; in a chain, the parent they follow is the one that
// carries the others on. So when one of a plan's parents cites another of
// them, the cited one's passages weigh 1−ParentPrior: 226/CĐ-TTg cites
// 217, 219 and 225 in a footnote, 225 cites 217 and 219, and 226's tasks
// follow 225. A plan whose title names one parent, and an item citing a
// parent itself, link to that one as before (primaryParents,
// itemQuery.only). Measured in docs/log/i17-parent.md (with the
// alternative tried and not kept: the parent the plan's items match best
// as a whole, which on 226 is 219).

import (
	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
)

// chainPrior returns the factor of each parent's passages (by number key)
// when one of the plan's parents carries on others it cites ("Tiếp theo
// các Công điện số 217/CĐ-TTg …"): the passages of a parent another parent
// cites weigh 1−ParentPrior, since the later one restates what is still
// to do. nil when no parent cites another, or the title names one.
func chainPrior(parents []Doc, keys, primary map[string]bool, prior float64) map[string]float64 {
	if prior <= 0 || len(keys) < 2 || len(primary) == 1 {
		return nil
	}
	cited := map[string]bool{}
	for k := range parents {
		d := &parents[k]
		own := doctype.NumberKey(d.Number)
		if !cite.MayCite(d.Body) {
			continue
		}
		for _, r := range cite.ParseRefs(d.Body) {
			if k := r.LookupKey(); keys[k] && k != own {
				cited[k] = true
			}
		}
	}
	if len(cited) == 0 || len(cited) == len(keys) {
		return nil
	}
	w := map[string]float64{}
	for k := range cited {
		w[k] = 1 - prior
	}
	return w
}
