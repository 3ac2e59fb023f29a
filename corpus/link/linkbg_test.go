package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// tableBackground is a background given as tables: the associations and
// document frequencies a collection would have.
type tableBackground struct {
	related map[string][]RelatedTerm
	df      map[string]float64
	n       float64
}

func (b tableBackground) Related(pair string) []RelatedTerm { return b.related[pair] }
func (b tableBackground) DocFreq(term string) (float64, float64) {
	return b.df[term], b.n
}

// Lines written for the tests: a telegram with a passage on food supply
// and one on housing, and a plan item on relief goods that shares words
// ("hộ dân") only with the housing one.
var (
	bgParent = Doc{ID: "r", Number: "31/CĐ-TTg", Body: "1. Cung ứng kịp thời lương thực, thực phẩm cho người dân vùng lũ.\n" +
		"2. Hỗ trợ sửa chữa nhà ở cho các hộ dân bị sập, tốc mái."}
	bgPlan = Doc{ID: "p", Number: "12/KH-UBND", Body: "1. Cấp phát nhu yếu phẩm đến từng hộ dân."}
)

// TestLinkRelatedTerms: an item's syllable pairs bring the terms the
// background associates with them ("yeu pham" → "thuc pham", "luong
// thuc"), so the item meets the passage that says the same in other
// words; without a background, or at the default weights, it does not.
func TestLinkRelatedTerms(t *testing.T) {
	bg := tableBackground{related: map[string][]RelatedTerm{
		"yeu pham": {{"thuc pham", 0.8}, {"luong thuc", 0.6}, {"nuoc uong", 0.2}},
	}}
	link := func(p Params, b Background) string {
		return top(PlanWith(bgPlan, []Doc{bgParent}, []*outline.Outline{nil}, p, nil, b), "1")
	}
	p := DefaultParams()
	p.NoneShare = 0 // the ranking alone
	if got := link(p, nil); got != "2" {
		t.Fatalf("without a background 1 → %s; the test no longer shows the mechanism", got)
	}
	if got := link(p, bg); got != "2" {
		t.Errorf("with a background at the default weights 1 → %s, want 2 (the default is off)", got)
	}
	p.RelatedWeight = 1
	if got := link(p, bg); got != "1" {
		t.Errorf("with related terms 1 → %s, want 1", got)
	}
	p.RelatedMin = 0.9 // weaker than every association
	if got := link(p, bg); got != "2" {
		t.Errorf("with no association strong enough 1 → %s, want 2", got)
	}
	// The related terms count as the item's words for the "nothing
	// specific" decision: they raise its measure by more than half (the
	// undecayed score over the self score: 0.10 → 0.16 on these lines),
	// so at a share between the two the item gets no link without them
	// and the food passage with them. At the default share (0.165) it
	// gets none either way.
	measure := func(p Params) float64 {
		var x float64
		linkPlanProbe(bgPlan, []Doc{bgParent}, []*outline.Outline{nil}, p, nil, bg, func(_ int, v noneVec) { x = v[p.NoneMeasure] })
		return x
	}
	p = DefaultParams()
	without := measure(p)
	p.RelatedWeight = 1
	with := measure(p)
	if with < 1.5*without {
		t.Errorf("the related terms raise the item's measure %.3f → %.3f, want at least half again", without, with)
	}
	p.NoneShare = (without + with) / 2
	if got := link(p, bg); got != "1" {
		t.Errorf("with related terms at none share %.3f 1 → %s, want 1", p.NoneShare, got)
	}
	p.RelatedWeight = 0
	if got := link(p, bg); got != "-" {
		t.Errorf("without related terms at none share %.3f 1 → %s, want none", p.NoneShare, got)
	}
	if got := link(DefaultParams(), bg); got != "-" {
		t.Errorf("at the default weights 1 → %s, want none", got)
	}
}

// TestLinkBackgroundIDF: a word every document of the background has
// ("các hộ dân") weighs less than the two documents' own statistics say,
// so the item meets the passage sharing its rarer word ("nhu yếu phẩm").
func TestLinkBackgroundIDF(t *testing.T) {
	parent := Doc{ID: "r", Number: "31/CĐ-TTg", Body: "1. Bảo đảm nhu yếu phẩm thiết yếu cho người dân vùng lũ.\n" +
		"2. Hỗ trợ sửa chữa nhà ở cho các hộ dân, các hộ dân tái định cư."}
	bg := tableBackground{n: 1000, df: map[string]float64{"cac": 990, "ho": 900, "dan": 950, "cac ho": 800, "ho dan": 850,
		"cho": 990, "cho cac": 700, "nhu": 20, "yeu": 30, "pham": 40, "nhu yeu": 5, "yeu pham": 5}}
	plan := Doc{ID: "p", Number: "12/KH-UBND", Body: "1. Cấp phát nhu yếu phẩm cho các hộ dân."}
	link := func(p Params, b Background) string {
		return top(PlanWith(plan, []Doc{parent}, []*outline.Outline{nil}, p, nil, b), "1")
	}
	p := DefaultParams()
	p.NoneShare = 0
	if got := link(p, bg); got != "2" {
		t.Fatalf("without background idf 1 → %s; the test no longer shows the mechanism", got)
	}
	p.BackgroundIDF = 1
	if got := link(p, bg); got != "1" {
		t.Errorf("with background idf 1 → %s, want 1", got)
	}
	if got := link(p, nil); got != "2" {
		t.Errorf("background idf without a background: 1 → %s, want 2", got)
	}
}
