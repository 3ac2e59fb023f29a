package corpus

import "math"

// The weight of an item's headings by how many of the plan's items share
// them.
//
// A heading over three items ("3. Phương án tổ chức cấp phát") says what
// those items are about; a section title over the whole plan ("PHÂN CÔNG
// NHIỆM VỤ") says what the plan is, and its words meet the parent's
// general passages for every item alike. So each heading's terms weigh
// QueryContext × ((1 − ContextIDF) + ContextIDF × log(M/m)/log(M)), M the
// plan's linkable items and m those under the heading.

// contextSpecificity returns, for each part of contextParts(i) in its
// order, log(M/m)/log(M) (1 when the plan has fewer than two linkable
// items).
func contextSpecificity(o *Outline, i int) []float64 {
	total := 0
	for j := range o.Items {
		if o.Items[j].Linkable() {
			total++
		}
	}
	spec := func(m int) float64 {
		if total < 2 || m < 1 {
			return 1
		}
		return math.Log(float64(total)/float64(m)) / math.Log(float64(total))
	}
	var out []float64
	for p := o.Items[i].Parent; p >= 0; p = o.Items[p].Parent {
		m := 0
		for j := range o.Items {
			if o.Items[j].Linkable() && o.isUnder(j, p) {
				m++
			}
		}
		out = append(out, spec(m))
	}
	if o.Sections[o.Items[i].Section].Title != "" {
		m := 0
		for j := range o.Items {
			if o.Items[j].Linkable() && o.Items[j].Section == o.Items[i].Section {
				m++
			}
		}
		out = append(out, spec(m))
	}
	return out
}
