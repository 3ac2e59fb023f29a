package link

import (
	"math"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// Lines written for the tests of this file: a provincial resolution on
// schools in the highlands and a district plan implementing it.

// priorParent is the resolution with goal and task passages: goal is the
// passage under "Điều 1. Mục tiêu", task the first under "Điều 2. Nhiệm
// vụ và giải pháp". Swapping the two gives the same words in the same
// collection, with only the section kind of each passage changed.
func priorParent(goal, task string) Doc {
	return Doc{ID: "r", Number: "12/NQ-HĐND", Type: "Nghị quyết", Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\n" +
		"Điều 1. Mục tiêu\n" + goal + "\n" +
		"Điều 2. Nhiệm vụ và giải pháp\n" + task + "\n" +
		"2. Đầu tư xây dựng nhà bán trú cho học sinh các xã vùng cao, bảo đảm điều kiện ăn ở.\n" +
		"3. Bồi dưỡng giáo viên dạy tiếng dân tộc thiểu số tại các trường tiểu học.\n"}
}

const (
	priorOnline = "1. Phấn đấu đến năm 2030, 100% trường phổ thông được kết nối internet cáp quang, có phòng học trực tuyến."
	priorPre    = "1. Duy trì tỷ lệ huy động trẻ em trong độ tuổi đến trường mẫu giáo."
)

// priorPlan is the district's plan with one item implementing the
// "phòng học trực tuyến" passage in part.
var priorPlan = Doc{ID: "p", Number: "30/KH-UBND", Type: "Kế hoạch", Body: "ỦY BAN NHÂN DÂN HUYỆN\n" +
	"II. CÁC HOẠT ĐỘNG CỤ THỂ\n" +
	"1. Lắp đặt thiết bị cho phòng học trực tuyến tại các trường trung học cơ sở.\n"}

// TestNoneGoalPrior: the same item under the same passage, stated once as
// a goal and once as a task, with the same words in the collection. The
// goal weight (a ranking prior: a task passage is preferred to a goal one
// when both match) is in raw/self, the default measure, so the item
// implementing the goal passage needs more words in common to be linked at
// all; the evidence measure without the priors (evidence/self, not the
// default: docs/log/i17-prior.md) is the same for both.
func TestNoneGoalPrior(t *testing.T) {
	probe := func(par Doc) noneVec {
		var out noneVec
		linkPlanProbe(priorPlan, []Doc{par}, []*outline.Outline{nil}, DefaultParams(), nil, nil,
			func(_ int, v noneVec) { out = v })
		return out
	}
	goal, task := probe(priorParent(priorOnline, priorPre)), probe(priorParent(priorPre, priorOnline))
	// The passages' headings differ in length, so the scores differ a
	// little beyond the goal weight.
	if r := goal[noneEvid] / task[noneEvid]; math.Abs(r-1) > 0.05 {
		t.Errorf("%s: goal %.4f, task %.4f: ratio %.3f, want ≈ 1", noneNames[noneEvid], goal[noneEvid], task[noneEvid], r)
	}
	if r := goal[noneRaw] / task[noneRaw]; r > 0.85 {
		t.Errorf("%s: goal %.4f, task %.4f: ratio %.3f, want ≈ GoalWeight (the test no longer shows the prior)",
			noneNames[noneRaw], goal[noneRaw], task[noneRaw], r)
	}
	// decide is the item's top passage under the goal and the task
	// version at measure m, cut 0.165.
	decide := func(m NoneMeasure) (goal, task string) {
		p := DefaultParams()
		p.NoneMeasure, p.NoneShare = m, 0.165
		goal = top(linkPlan(priorPlan, []Doc{priorParent(priorOnline, priorPre)}, []*outline.Outline{nil}, p), "II.1")
		task = top(linkPlan(priorPlan, []Doc{priorParent(priorPre, priorOnline)}, []*outline.Outline{nil}, p), "II.1")
		return goal, task
	}
	// raw/self: the goal passage's item gets none, the task passage's is
	// linked.
	if g, k := decide(noneRaw); g != "-" || k != "Đ2.1" {
		t.Errorf("raw/self < 0.165: goal version → %s, task version → %s; want - and Đ2.1 (the test no longer shows the inconsistency)", g, k)
	}
	// evidence/self: one decision for the same words.
	if g, k := decide(noneEvid); g != "Đ1.1" || k != "Đ2.1" {
		t.Errorf("evidence/self < 0.165: goal version → %s, task version → %s; want Đ1.1 and Đ2.1", g, k)
	}
}

// TestActorWeightContinuous: with ActorSmooth 1 the actor weight moves
// with the number of passages naming the agency, without a jump. Lines
// written for the test: a telegram of one passage addressed to Bộ Y tế,
// the same with a second passage addressed to it, and a provincial health
// department's item. With the count as it is (ActorSmooth 0, the
// default), the one-passage telegram gives the item the whole boost and
// the two-passage one none: the agency agrees with both passages, yet the
// "implements nothing" measure (which counts the actor factor) falls by a
// third when a passage on something else is added.
func TestActorWeightContinuous(t *testing.T) {
	one := Doc{ID: "r", Number: "31/CĐ-TTg", Type: "Công điện", Body: "Để khắc phục nhanh hậu quả mưa lũ, Thủ tướng Chính phủ yêu cầu:\n" +
		"1. Bộ Y tế chỉ đạo bảo đảm đủ thuốc, hóa chất khử khuẩn, xử lý môi trường cho các địa phương vùng lũ."}
	two := one
	two.Body += "\n2. Bộ Y tế hướng dẫn người dân ăn chín, uống sôi, phòng chống dịch bệnh sau lũ."
	plan := Doc{ID: "p", Number: "77/KH-UBND", Type: "Kế hoạch", Body: "ỦY BAN NHÂN DÂN TỈNH\nII. NHIỆM VỤ\n" +
		"1. Sở Y tế:\n" +
		"- Cấp phát thuốc, hóa chất khử khuẩn cho các xã bị ngập, hoàn thành trước ngày 30/11/2026."}
	item := -1
	for i, it := range outline.Parse(plan.Body).Items {
		if it.ID == "II.1.•1" {
			item = i
		}
	}
	// factor is the actor factor in the item's raw/self on par: the measure
	// with the boost over the measure without it.
	factor := func(par Doc, smooth float64) float64 {
		meas := func(boost float64) float64 {
			p := DefaultParams()
			p.ActorBoost, p.ActorSmooth = boost, smooth
			var out float64
			linkPlanProbe(plan, []Doc{par}, []*outline.Outline{nil}, p, nil, nil, func(i int, v noneVec) {
				if i == item {
					out = v[noneRaw]
				}
			})
			return out
		}
		b, z := meas(DefaultParams().ActorBoost), meas(0)
		if z == 0 {
			t.Fatalf("%s: the item has no candidate", par.Number)
		}
		return b / z
	}
	boost := DefaultParams().ActorBoost
	// The count as it is (ActorSmooth 0, the default: docs/log/i17-prior.md): the whole boost, then none.
	if f1, f2 := factor(one, 0), factor(two, 0); math.Abs(f1-(1+boost)) > 1e-9 || math.Abs(f2-1) > 1e-9 {
		t.Errorf("ActorSmooth 0: actor factor one passage %.3f, two %.3f; want %.2f and 1 (the test no longer shows the jump)", f1, f2, 1+boost)
	}
	// Smoothed: both passages name the agency, the second says less about
	// which passage, but the item still agrees with it.
	f1, f2 := factor(one, 1), factor(two, 1)
	if f2 <= 1 || f2 >= f1 {
		t.Errorf("ActorSmooth 1: actor factor one passage %.3f, two naming the agency %.3f: want 1 < two < one", f1, f2)
	}
	if f1-f2 >= boost {
		t.Errorf("ActorSmooth 1: actor factor one passage %.3f, two %.3f: a jump of the whole boost (%.2f)", f1, f2, boost)
	}
}

// TestActorWeightSmooth: the weight of the actor boost by the N passages
// an item may link to and the n of them naming the shared agency, with
// ActorSmooth 1.
func TestActorWeightSmooth(t *testing.T) {
	weight := func(n, df float64) float64 {
		l := &linker{p: DefaultParams()}
		l.p.ActorSmooth = 1
		return l.actorWeight(actorStats{n: n, df: map[string]float64{"y te": df}}, []string{"y te"}, []string{"y te"})
	}
	tests := []struct {
		n, df, want float64
	}{
		{1, 1, 1},                             // the only passage: the whole boost
		{2, 1, 1},                             // the rarest agency keeps the whole boost
		{112, 1, 1},                           // … in a long parent too
		{2, 2, math.Log(1.5) / math.Log(3)},   // on both of two passages: a part, not none
		{3, 3, math.Log(4.0/3) / math.Log(4)}, // less on all of three
		{112, 22, math.Log(113.0/22) / math.Log(113)}, // 2530/QĐ-TTg's Bộ NN&MT: ≈ log(N/n)/log(N)
	}
	for _, tt := range tests {
		if got := weight(tt.n, tt.df); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("actorWeight(N %g, n %g) = %.4f, want %.4f", tt.n, tt.df, got, tt.want)
		}
	}
	// Never a jump of more than half the weight when one passage naming
	// the agency is added, and falling as passages naming it are added.
	prev := weight(1, 1)
	for n := 2.0; n <= 50; n++ {
		w := weight(n, n)
		if w >= prev || prev-w > 0.65 {
			t.Errorf("actorWeight(N %g, n %g) = %.4f after %.4f", n, n, w, prev)
			break
		}
		prev = w
	}
}
