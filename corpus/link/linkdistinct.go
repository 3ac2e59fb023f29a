package link

// Distinct matches (DistinctBoost). A telegram's general paragraph
// ("Chịu trách nhiệm toàn diện … chủ động chỉ đạo công tác ứng phó …",
// "huy động tối đa các lực lượng, phương tiện …") shares its words with
// many of its sibling passages: lực lượng, phương tiện, chỉ đạo, kịp
// thời, người dân. An item matching it matches it on those; the passage
// the item implements ("Cung ứng, tiếp tế kịp thời lương thực, thực
// phẩm …") is matched on words no other passage of the parent holds.
// The collection's idf does not see this, since it counts the plan's
// items too, and the plan repeats its own topic's words. d is the share
// of a passage's score that lies on terms distinct in its parent, each
// term weighing u = ln(N/df)/ln(N), df of the parent's N passages
// holding it (1 when only this passage holds it, 0 when all do); the
// passage ranks as if it scored 1 + DistinctBoost·d times more. It ranks
// only, as the section alignment (linkalign.go): the "implements
// nothing" decision and the further links' bar read the score without it.

import "math"

// distinctIn is u of term among the passages of pt (1 for a parent of
// one passage: no other passage holds it).
func distinctIn(pt *parentTargets, term string) float64 {
	n := float64(len(pt.targets))
	df := pt.df[term]
	if n <= 1 || df <= 0 {
		return 1
	}
	return math.Log(n/df) / math.Log(n)
}
