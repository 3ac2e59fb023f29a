package link

// Group alignment (GroupBoost). A plan very often takes its task groups
// from its parent's: "2. Tăng cường bồi dưỡng, phát triển … đội ngũ
// giảng viên" and its bullets carry out what one group of the parent
// ("7. Hiện đại hóa, nâng tầm giáo dục đại học …") asks, bullet by
// bullet. Each bullet alone may be pulled to another group by a few
// shared words; the bullets of a group together say which group of the
// parent they follow. So the items under one item of the plan vote for
// the parent's groups — each item for each group, the share of its best
// score that the group's best passage holds — and the passages of the
// group with most votes rank as if they scored 1+GroupBoost times more
// for those items. It ranks only, as AlignBoost does: the "implements
// nothing" decision and the further links read the candidates without
// it (scored.pre). A group of one item votes alone, so it is left as
// its own words rank it.

import (
	"slices"

	"github.com/vanban/vanban/corpus/outline"
)

// groupOf is the index of the item above item i of o (-1: none).
func groupOf(o *outline.Outline, i int) int {
	if i < 0 {
		return -1
	}
	if p := o.Items[i].Parent; p >= 0 && o.Items[p].Heading {
		return p
	}
	return -1
}

// groupAlign applies the group alignment to the ranked items rs of plan
// outline o.
func (l *linker) groupAlign(o *outline.Outline, rs []ranked) {
	if l.p.GroupBoost == 0 {
		return
	}
	type gkey struct {
		key   string
		group int
	}
	members := map[int][]int{} // the plan's group item → indices in rs
	var groups []int
	for k, r := range rs {
		if g := groupOf(o, r.item); g >= 0 && len(r.cand) > 0 {
			if members[g] == nil {
				groups = append(groups, g)
			}
			members[g] = append(members[g], k)
		}
	}
	for _, g := range groups {
		ks := members[g]
		if len(ks) < 2 {
			continue
		}
		votes := map[gkey]float64{}
		var order []gkey
		for _, k := range ks {
			cand := rs[k].cand
			top := cand[rs[k].ref].pre
			if top <= 0 {
				continue
			}
			best := map[gkey]float64{}
			for _, c := range cand {
				t := &l.targets[c.j]
				if t.group < 0 {
					continue
				}
				gk := gkey{t.key, t.group}
				if c.pre > best[gk] {
					best[gk] = c.pre
				}
			}
			for _, c := range cand { // in rank order: order is the same on every run
				t := &l.targets[c.j]
				gk := gkey{t.key, t.group}
				if v, ok := best[gk]; ok {
					if _, seen := votes[gk]; !seen {
						order = append(order, gk)
					}
					votes[gk] += v / top
					delete(best, gk)
				}
			}
		}
		var win gkey
		most := 0.0
		for _, gk := range order {
			if votes[gk] > most {
				win, most = gk, votes[gk]
			}
		}
		if most == 0 {
			continue
		}
		for _, k := range ks {
			cand := rs[k].cand
			for ci := range cand {
				if t := &l.targets[cand[ci].j]; t.key == win.key && t.group == win.group {
					cand[ci].s *= 1 + l.p.GroupBoost
				}
			}
			slices.SortStableFunc(cand, func(a, b scored) int {
				switch {
				case a.s > b.s:
					return -1
				case b.s > a.s:
					return 1
				}
				return 0
			})
			rs[k].ref = unalignedTop(cand)
		}
	}
}
