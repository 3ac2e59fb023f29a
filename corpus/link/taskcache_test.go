package link

import (
	"maps"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// TestLinkerCachedSame: a linker built from cached parent targets has the
// statistics and postings of one built afresh, to the bit, whatever plan
// used the targets before. (Moved from corpus's task_test.go with the
// cache; the resolution is assignedBody, the plans written for the test.)
func TestLinkerCachedSame(t *testing.T) {
	res := Doc{ID: "r", Number: "120/QĐ-UBND", Body: assignedBody, Hash: "v1"}
	plan := Doc{ID: "p", Number: "15/KH-SKHCN", Body: "1. Sở Khoa học và Công nghệ:\n- Công khai kết quả đánh giá chuyển đổi số các xã.\n" +
		"2. Sở Nội vụ:\n- Tổng hợp kết quả cải cách hành chính của các xã, báo cáo trước ngày 15/12."}
	other := Doc{Body: "II. NHIỆM VỤ\n1. Tuyên truyền, phổ biến Nghị quyết tới cán bộ, đảng viên và nhân dân.\n2. Đầu tư bến thuyền."}
	cache := NewCache(8)
	p := DefaultParams()
	newLinkerFrom(outline.Parse(other.Body), []*parentTargets{cache.targets(&res, nil, p.TargetWeights)}, p, nil) // warm the cache
	fresh := newLinker(outline.Parse(plan.Body), []Doc{res}, []*outline.Outline{nil}, p, nil)
	cached := newLinkerFrom(outline.Parse(plan.Body), []*parentTargets{cache.targets(&res, nil, p.TargetWeights)}, p, nil)
	if len(fresh.targets) == 0 {
		t.Fatal("no targets: the test links nothing")
	}
	if fresh.n != cached.n || fresh.avg != cached.avg || !maps.Equal(fresh.df, cached.df) || len(fresh.post) != len(cached.post) {
		t.Fatalf("statistics differ: n %v/%v avg %v/%v df %d/%d terms", fresh.n, cached.n, fresh.avg, cached.avg, len(fresh.df), len(cached.df))
	}
	for term, ps := range fresh.post {
		if !slices.Equal(ps, cached.post[term]) {
			t.Errorf("postings of %q differ: %v, %v", term, ps, cached.post[term])
		}
	}
}
