package link_test

import (
	"reflect"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
)

// The plans and parents of the sweep's own tests, written for them: a
// province's directive whose two points differ only in the heading above
// them (forest fires, traffic order), and a decree whose effect article
// ends another decree on the same allowance.
var (
	sweepDirective = link.Doc{ID: "ct", Number: "12/CT-UBND", Hash: "v1", Body: "I. BẢO VỆ RỪNG VÀ PHÒNG CHÁY, CHỮA CHÁY RỪNG\n" +
		"1. Tăng cường tuần tra, kiểm tra thường xuyên trong mùa khô.\n" +
		"II. BẢO ĐẢM TRẬT TỰ AN TOÀN GIAO THÔNG\n" +
		"1. Tăng cường tuần tra, kiểm tra thường xuyên, xử lý nghiêm các hành vi vi phạm.\n"}
	sweepDirectivePlan = link.Doc{ID: "kh", Number: "30/KH-UBND", Hash: "v1", Body: "1. Tăng cường tuần tra, kiểm tra phòng cháy, chữa cháy rừng, xử lý vi phạm.\n" +
		"2. Tổ chức tuyên truyền về an toàn giao thông."}
	sweepDecree = link.Doc{ID: "nd", Number: "30/2025/NĐ-CP", Hash: "v1", Body: "Điều 1. Mức trợ cấp\n" +
		"1. Người có công với cách mạng được hưởng trợ cấp hằng tháng theo mức chuẩn.\n" +
		"2. Thân nhân của người có công được hưởng trợ cấp tuất hằng tháng.\n" +
		"Điều 2. Hiệu lực thi hành\n" +
		"1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.\n" +
		"2. Nghị định số 55/2023/NĐ-CP ngày 21 tháng 7 năm 2023 của Chính phủ quy định mức trợ cấp ưu đãi hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành."}
	sweepDecreePlan = link.Doc{ID: "kh2", Number: "40/KH-UBND", Hash: "v1", Body: "1. Rà soát, chi trả trợ cấp ưu đãi cho người có công theo mức quy định tại Nghị định của Chính phủ đến hết tháng 6 năm 2025."}
)

// topLink is the passage of item's first link, "-" for none.
func topLink(pl *link.PlanLinks, item string) string {
	for _, it := range pl.Items {
		if it.ID == item {
			if len(it.Matches) == 0 {
				return "-"
			}
			return it.Matches[0].Passage
		}
	}
	return "no item " + item
}

// TestSweepTargetWeights: a sweep of a weight a parent's targets are
// built with measures that weight. Round 21's sweep of such a weight
// (HeadBoost, docs/log/i27-rank.md) gave the defaults' figures at every
// value, since the parents' cache kept the targets built at the defaults.
// For each field of link.TargetWeights (read by reflection: a new one
// without a case here fails) a plan and parent where the value swept
// flips the top link; the cache is warmed at the defaults first, as
// TestLinksSweep's store is by its defaults row, and asked again at the
// defaults after the sweep.
func TestSweepTargetWeights(t *testing.T) {
	cases := map[string]struct {
		set          string // TestLinksSweep's setting
		plan, parent link.Doc
		item         string
		def, swept   string // the item's top link at the defaults and at set
	}{
		// The heading "BẢO VỆ RỪNG VÀ PHÒNG CHÁY, CHỮA CHÁY RỪNG" counted
		// in full takes the fire patrol to its point; at 0.5 the traffic
		// point's "xử lý … vi phạm" wins.
		"PassageContext": {"PassageContext=1", sweepDirectivePlan, sweepDirective, "1", "II.1", "I.1"},
		// The decree's clause ending the old decree on the allowance is a
		// target only with the closing rule off.
		"Closing": {"Closing=0", sweepDecreePlan, sweepDecree, "1", "-", "Đ2.2"},
	}
	for _, f := range reflect.VisibleFields(reflect.TypeFor[link.TargetWeights]()) {
		c, ok := cases[f.Name]
		if !ok {
			t.Errorf("TargetWeights.%s has no case: write a plan and parent where its value flips a top link", f.Name)
			continue
		}
		p, err := sweepParams(c.set)
		if err != nil {
			t.Fatal(err)
		}
		if reflect.ValueOf(p.TargetWeights).FieldByIndex(f.Index).Float() == reflect.ValueOf(link.DefaultParams().TargetWeights).FieldByIndex(f.Index).Float() {
			t.Fatalf("%s: %q sweeps the default", f.Name, c.set)
		}
		link1 := func(p link.Params, cache *link.Cache) string {
			return topLink(link.PlanWith(c.plan, []link.Doc{c.parent}, make([]*outline.Outline, 1), p, cache, nil), c.item)
		}
		// Without the cache, so the fixture cannot go stale: the value flips the link.
		if got := link1(link.DefaultParams(), nil); got != c.def {
			t.Errorf("%s: defaults, no cache: top %s, want %s", f.Name, got, c.def)
		}
		if got := link1(p, nil); got != c.swept {
			t.Errorf("%s: %s, no cache: top %s, want %s", f.Name, c.set, got, c.swept)
		}
		cache := link.NewCache(4)
		for _, step := range []struct {
			name string
			p    link.Params
			want string
		}{{"defaults", link.DefaultParams(), c.def}, {c.set, p, c.swept}, {"defaults again", link.DefaultParams(), c.def}} {
			if got := link1(step.p, cache); got != step.want {
				t.Errorf("%s: %s through the cache: top %s, want %s", f.Name, step.name, got, step.want)
			}
		}
	}
}

// TestCacheEveryWeight: whatever weight of Params a sweep sets, the links
// through a cache warmed at the defaults are those linked without one —
// a weight read while targets are built and not declared in TargetWeights
// fails here (every float and integer weight, by reflection).
func TestCacheEveryWeight(t *testing.T) {
	pairs := []struct{ plan, parent link.Doc }{{sweepDirectivePlan, sweepDirective}, {sweepDecreePlan, sweepDecree}}
	def := link.DefaultParams()
	cache := link.NewCache(4)
	for _, pr := range pairs {
		link.PlanWith(pr.plan, []link.Doc{pr.parent}, make([]*outline.Outline, 1), def, cache, nil)
	}
	n := 0
	for _, f := range reflect.VisibleFields(reflect.TypeFor[link.Params]()) {
		for _, v := range []float64{0, 1, 2.5} {
			p := def
			fv := reflect.ValueOf(&p).Elem().FieldByIndex(f.Index)
			switch fv.Kind() {
			case reflect.Float64:
				fv.SetFloat(v)
			case reflect.Int:
				fv.SetInt(int64(v))
			default:
				continue // TargetWeights itself (its fields are visited), the re-ranker's weights
			}
			if f.Name == "NoneMeasure" && int(v) >= int(link.NoneMeasures) {
				continue
			}
			n++
			for _, pr := range pairs {
				fresh := link.PlanWith(pr.plan, []link.Doc{pr.parent}, make([]*outline.Outline, 1), p, nil, nil)
				cached := link.PlanWith(pr.plan, []link.Doc{pr.parent}, make([]*outline.Outline, 1), p, cache, nil)
				if !reflect.DeepEqual(fresh, cached) {
					t.Errorf("%s=%v: %s links differently through the cache", f.Name, v, pr.plan.Number)
				}
				// and back at the defaults, as the next row of a sweep
				link.PlanWith(pr.plan, []link.Doc{pr.parent}, make([]*outline.Outline, 1), def, cache, nil)
			}
		}
	}
	if n < 60 {
		t.Errorf("%d settings tried: the reflection missed the weights", n)
	}
}

// TestCacheWeightsConcurrent: goroutines sharing one cache and asking it
// for different TargetWeights — a sweep's setting beside the defaults of
// a page served meanwhile — each get the links of their own weights (the
// entry they replace stays whole for a reader still holding it; run with
// -race).
func TestCacheWeightsConcurrent(t *testing.T) {
	pairs := []struct{ plan, parent link.Doc }{{sweepDirectivePlan, sweepDirective}, {sweepDecreePlan, sweepDecree}}
	settings := []link.Params{link.DefaultParams(), link.DefaultParams(), link.DefaultParams()}
	settings[1].PassageContext = 1
	settings[2].Closing = 0
	want := make([][]*link.PlanLinks, len(settings))
	for i, p := range settings {
		for _, pr := range pairs {
			want[i] = append(want[i], link.PlanWith(pr.plan, []link.Doc{pr.parent}, make([]*outline.Outline, 1), p, nil, nil))
		}
	}
	if reflect.DeepEqual(want[0], want[1]) || reflect.DeepEqual(want[0], want[2]) {
		t.Fatal("the settings link alike: the test cannot tell them apart")
	}
	cache := link.NewCache(4)
	const rounds = 20
	got := make([][][]*link.PlanLinks, len(settings))
	var wg sync.WaitGroup
	for i, p := range settings {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				var r []*link.PlanLinks
				for _, pr := range pairs {
					r = append(r, link.PlanWith(pr.plan, []link.Doc{pr.parent}, make([]*outline.Outline, 1), p, cache, nil))
				}
				got[i] = append(got[i], r)
			}
		}()
	}
	wg.Wait()
	for i := range settings {
		for k, r := range got[i] {
			if !reflect.DeepEqual(r, want[i]) {
				t.Errorf("setting %d, round %d: links differ through the shared cache", i, k)
			}
		}
	}
}
