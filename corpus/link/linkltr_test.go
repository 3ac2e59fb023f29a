package link

import (
	"math"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/outline"

	"github.com/vanban/vanban/corpus/viet"
)

// Lines written for the test: a provincial resolution on vocational
// training with a goal, three tasks, an organisation paragraph and an
// appendix row, and a plan whose items follow its order.
var (
	ltrParent = Doc{ID: "r", Number: "12/NQ-HĐND", Type: "Nghị quyết", Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\n" +
		"Điều 1. Mục tiêu\n" +
		"1. Đến năm 2030, tỷ lệ lao động qua đào tạo nghề của tỉnh đạt 75%, trong đó có bằng cấp, chứng chỉ đạt 40%.\n" +
		"Điều 2. Nhiệm vụ và giải pháp\n" +
		"1. Rà soát, sắp xếp lại mạng lưới cơ sở giáo dục nghề nghiệp công lập theo hướng tinh gọn, hiệu quả.\n" +
		"2. Đẩy mạnh tuyên truyền, tư vấn hướng nghiệp, phân luồng học sinh sau trung học cơ sở vào học nghề.\n" +
		"3. Đào tạo, bồi dưỡng nâng chuẩn đội ngũ nhà giáo và cán bộ quản lý giáo dục nghề nghiệp.\n" +
		"Điều 3. Tổ chức thực hiện\n" +
		"1. Giao Ủy ban nhân dân tỉnh xây dựng kế hoạch triển khai thực hiện Nghị quyết này.\n"}
	ltrPlanDoc = Doc{ID: "p", Number: "88/KH-UBND", Type: "Kế hoạch", Body: "ỦY BAN NHÂN DÂN TỈNH\nII. NHIỆM VỤ, GIẢI PHÁP\n" +
		"1. Sở Nội vụ chủ trì rà soát, sắp xếp mạng lưới cơ sở giáo dục nghề nghiệp công lập, hoàn thành trong năm 2026.\n" +
		"2. Sở Giáo dục và Đào tạo tổ chức tư vấn hướng nghiệp, phân luồng học sinh sau trung học cơ sở.\n" +
		"3. Các trường cao đẳng bồi dưỡng nâng chuẩn đội ngũ nhà giáo giáo dục nghề nghiệp.\n"}
)

// TestLTRFeatures: the features of every candidate of the plan's items
// are what they say — the top's score and rank features are 0 and the
// others' score ratios at most 0, the rank is log(1+r), the kind flags
// and words follow the passage, the shares lie in [0, 1], and the
// position and neighbour distances are those of the documents' order.
func TestLTRFeatures(t *testing.T) {
	_, l, o, rs := linkPlanRanked(ltrPlanDoc, []Doc{ltrParent}, []*outline.Outline{nil}, DefaultParams(), nil, nil)
	if len(rs) != 3 {
		t.Fatalf("%d ranked items, want 3", len(rs))
	}
	nb := neighbours(rs)
	if len(nb[0]) != 1 || len(nb[1]) != 2 || len(nb[2]) != 1 {
		t.Fatalf("neighbours %v, want one, two and one", nb)
	}
	tops := []string{}
	for k, r := range rs {
		xs := l.ltrFeatures(o, r.item, r.q, r.cand, 4, nb[k])
		if len(xs) != min(4, len(r.cand)) {
			t.Fatalf("item %d: %d feature vectors for %d candidates", k, len(xs), len(r.cand))
		}
		tops = append(tops, l.targets[r.cand[0].j].p.ID)
		for c, x := range xs {
			tg := &l.targets[r.cand[c].j]
			checks := []struct {
				name string
				ok   bool
			}{
				{"score ≤ 0", x[ltrScore] <= 1e-12},
				{"top's score 0", c > 0 || x[ltrScore] == 0},
				{"top's raw 0", c > 0 || x[ltrRaw] == 0},
				{"rank log(1+r)", math.Abs(x[ltrRank]-math.Log1p(float64(c))) < 1e-12},
				{"own ≥ 0", x[ltrOwn] >= 0},
				{"actor factor ≥ 1", x[ltrActor] >= 0},
				{"goal flag", (x[ltrGoal] == 1) == (tg.p.Kind == outline.SectionGoals)},
				{"organisation flag", (x[ltrOrg] == 1) == (tg.p.Kind == outline.SectionOrganisation)},
				{"no appendix", x[ltrAppendix] == 0},
				{"heading share", x[ltrHeading] >= 0 && x[ltrHeading] <= 1},
				{"matched share", x[ltrMatched] > 0 && x[ltrMatched] <= 1},
				{"position", x[ltrPos] >= 0 && x[ltrPos] <= 1},
				{"near", x[ltrNear] >= 0 && x[ltrNear] <= 0.5},
				{"no prior", x[ltrPrior] == 0},
				{"words", x[ltrWords] > math.Log(10)},
			}
			for _, ch := range checks {
				if !ch.ok {
					t.Errorf("item %d candidate %s: %s fails (%v)", k, tg.p.ID, ch.name, x)
				}
			}
		}
	}
	// The parent has five passages (Đ1.1, Đ2.1–3, Đ3.1) and the items
	// follow its tasks in order, so each top lies next to its neighbours'
	// tops: the middle item's top is one passage (1/4) from both, and at
	// the same place in its parent (2 of 0–4) as the item in the plan (1
	// of 0–2).
	if n := len(l.targets); n != 5 {
		t.Fatalf("%d passages, want 5", n)
	}
	want := []string{"Đ2.1", "Đ2.2", "Đ2.3"}
	for k := range want {
		if tops[k] != want[k] {
			t.Fatalf("tops %v, want %v", tops, want)
		}
	}
	x := l.ltrFeatures(o, rs[1].item, rs[1].q, rs[1].cand, 1, nb[1])[0]
	if math.Abs(x[ltrNear]-0.25) > 1e-12 {
		t.Errorf("near of the middle item's top %.3f, want 0.25", x[ltrNear])
	}
	if rs[1].item != 1 || len(o.Items) != 3 || x[ltrPos] != 0 {
		t.Errorf("item %d of %d, position %.3f; want 1 of 3 and 0", rs[1].item, len(o.Items), x[ltrPos])
	}
	x = l.ltrFeatures(o, rs[0].item, rs[0].q, rs[0].cand, 1, nb[0])[0]
	if math.Abs(x[ltrPos]-0.25) > 1e-12 { // Đ2.1 at 1/4, the first item at 0
		t.Errorf("position of the first item's top %.3f, want 0.25", x[ltrPos])
	}
}

// TestLTRRerankOrder: weights that favour the goal flag put the goal
// passage first among the candidates that hold it, and zero weights keep
// the linker's order.
func TestLTRRerankOrder(t *testing.T) {
	first := func(p Params) []string {
		_, l, _, rs := linkPlanRanked(ltrPlanDoc, []Doc{ltrParent}, []*outline.Outline{nil}, p, nil, nil)
		var out []string
		for _, r := range rs {
			out = append(out, l.targets[r.cand[0].j].p.ID)
		}
		return out
	}
	def := first(DefaultParams())
	p := DefaultParams()
	p.RerankK = 20
	if got := first(p); !equalStrings(got, def) {
		t.Errorf("zero weights: tops %v, want the linker's %v", got, def)
	}
	p.Rerank[ltrOrg] = 100
	for k, id := range first(p) {
		if id != "Đ3.1" {
			t.Errorf("item %d: top %s with the organisation flag weighed 100, want Đ3.1", k, id)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestTrainRanker: on groups where the right candidate is the one with
// the larger feature 0 (feature 1 noise), the trained scorer puts it
// first in every group, weighs feature 0 positively and more than
// feature 1, is the same on a second run, shrinks with a larger L2
// weight, and is zero without useful groups.
func TestTrainRanker(t *testing.T) {
	var gs []LTRGroup
	for i := range 40 {
		g := LTRGroup{}
		for c := range 4 {
			var x ltrVec
			x[0] = float64((i*7+c*3)%11) / 10
			x[1] = float64((i*5+c*13)%17) / 16
			x[2] = 1 // constant: no weight
			g.X = append(g.X, x)
		}
		best := 0
		for c := range g.X {
			if g.X[c][0] > g.X[best][0] {
				best = c
			}
		}
		g.Right = make([]bool, len(g.X))
		g.Right[best] = true
		gs = append(gs, g)
	}
	tr := ltrTrainer{Lambda: 0.01, Iters: 300}
	w := tr.trainRanker(gs)
	if w[0] <= 0 || math.Abs(w[1]) >= w[0] || w[2] != 0 {
		t.Fatalf("weights %v: want w0 > |w1| and w2 = 0", w)
	}
	for i, g := range gs {
		best := 0
		for c := range g.X {
			if w.score(&g.X[c]) > w.score(&g.X[best]) {
				best = c
			}
		}
		if !g.Right[best] {
			t.Errorf("group %d: candidate %d first, not the right one", i, best)
		}
	}
	if w2 := tr.trainRanker(gs); w2 != w {
		t.Errorf("second run %v, first %v", w2, w)
	}
	strong := ltrTrainer{Lambda: 10, Iters: 300}.trainRanker(gs)
	if !(strong[0] > 0 && strong[0] < w[0]) {
		t.Errorf("λ 10: w0 %.3f, want in (0, %.3f)", strong[0], w[0])
	}
	useless := []LTRGroup{{X: gs[0].X, Right: []bool{true, true, true, true}}, {X: gs[1].X, Right: make([]bool, 4)}}
	if z := tr.trainRanker(useless); z != (LTRWeights{}) {
		t.Errorf("no useful group: weights %v, want zero", z)
	}
}

// TestLTRObjectiveGradient: the gradient of the training objective is
// its derivative (central differences), with two right candidates in a
// group.
func TestLTRObjectiveGradient(t *testing.T) {
	gs := []LTRGroup{
		{X: []ltrVec{{0.3, -1}, {1.2, 0.5}, {-0.4, 2}}, Right: []bool{false, true, true}},
		{X: []ltrVec{{1, 1}, {0, -2}}, Right: []bool{true, false}},
	}
	tr := ltrTrainer{Lambda: 0.3}
	w := LTRWeights{0.7, -0.2}
	_, g := tr.objective(gs, w)
	for f := range 2 {
		const h = 1e-6
		up, down := w, w
		up[f] += h
		down[f] -= h
		lu, _ := tr.objective(gs, up)
		ld, _ := tr.objective(gs, down)
		if d := (lu - ld) / (2 * h); math.Abs(d-g[f]) > 1e-6 {
			t.Errorf("feature %d: gradient %.8f, numerical %.8f", f, g[f], d)
		}
	}
}

// TestWordCount: words (text.go, which the re-ranker counts a passage with) is len(strings.Fields).
func TestWordCount(t *testing.T) {
	for _, s := range []string{"", "  ", "Rà soát", " Rà  soát,\tsắp xếp\nlại ", "Điều 2. Nhiệm vụ và giải pháp"} {
		if got, want := viet.WordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("words(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestOwnMatched: the one-pass score is linker.own's, and the count is
// the item's own terms the passage holds.
func TestOwnMatched(t *testing.T) {
	_, l, _, rs := linkPlanRanked(ltrPlanDoc, []Doc{ltrParent}, []*outline.Outline{nil}, DefaultParams(), nil, nil)
	for _, r := range rs {
		for _, c := range r.cand {
			s, n := l.ownMatched(r.q, c.j)
			if s != l.own(r.q, c.j) {
				t.Errorf("item %d target %d: %v, own %v", r.item, c.j, s, l.own(r.q, c.j))
			}
			want := 0
			for term := range r.q.own {
				if l.targets[c.j].bag.tf[term] > 0 {
					want++
				}
			}
			if n != want {
				t.Errorf("item %d target %d: %d matched, want %d", r.item, c.j, n, want)
			}
		}
	}
}
