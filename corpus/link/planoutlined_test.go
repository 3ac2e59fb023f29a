package link

import (
	"reflect"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// TestPlanOutlinedLeavesOutline: the plan's outline given to PlanOutlined
// (corpus's SyncTasks parses a text once for its tasks and its roles)
// links as PlanWith's own parse does and is left as parsed — the roles
// read it after the linker.
func TestPlanOutlinedLeavesOutline(t *testing.T) {
	resolution := Doc{ID: "r", Number: "27/NQ-HĐND", Type: "Nghị quyết", Body: "Điều 1. Chính sách hỗ trợ\n" +
		"1. Hỗ trợ 50% kinh phí mua giống lúa chất lượng cao cho hộ sản xuất tại vùng chuyên canh.\n" +
		"2. Hỗ trợ lãi suất vốn vay đầu tư hệ thống tưới tiết kiệm nước cho hợp tác xã nông nghiệp.\n" +
		"Điều 2. Tổ chức thực hiện\n" +
		"Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này.\n"}
	cases := []struct {
		name string
		plan Doc
	}{
		{"a province's plan with tasks", Doc{ID: "kh", Number: "88/KH-UBND", Type: "Kế hoạch", Body: "ỦY BAN NHÂN DÂN TỈNH\n" +
			"Căn cứ Nghị quyết số 27/NQ-HĐND của Hội đồng nhân dân tỉnh;\n" +
			"I. MỤC ĐÍCH, YÊU CẦU\n" +
			"Triển khai kịp thời chính sách hỗ trợ sản xuất nông nghiệp.\n" +
			"II. NHIỆM VỤ CỤ THỂ\n" +
			"1. Sở Nông nghiệp và Môi trường hướng dẫn hộ sản xuất lập hồ sơ đề nghị hỗ trợ giống lúa chất lượng cao, hoàn thành trước ngày 30/6/2031.\n" +
			"2. Sở Tài chính bố trí kinh phí hỗ trợ lãi suất vốn vay đầu tư hệ thống tưới tiết kiệm nước.\n" +
			"a) Ngân hàng Chính sách xã hội chi nhánh tỉnh phối hợp thẩm định hồ sơ vay.\n" +
			"III. TỔ CHỨC THỰC HIỆN\n" +
			"Các sở, ngành báo cáo kết quả về Sở Nông nghiệp và Môi trường trước ngày 15/12 hằng năm.\n"}},
		{"a decision without tasks", Doc{ID: "qd", Number: "12/2031/QĐ-UBND", Type: "Quyết định", Body: "Căn cứ Nghị quyết số 27/NQ-HĐND;\n" +
			"Điều 1. Mức hỗ trợ\n" +
			"1. Mức hỗ trợ giống lúa quy định tại khoản 1 Điều 1 Nghị quyết số 27/NQ-HĐND là 1.200.000 đồng/ha.\n" +
			"2. Mức hỗ trợ lãi suất bằng 50% lãi suất vốn vay thương mại.\n" +
			"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"}},
	}
	// SyncTasks links with a cache (the parents' targets built once):
	// newLinkerFrom reads the plan's outline as newLinker does
	for _, cached := range []bool{false, true} {
		for _, c := range cases {
			name := c.name
			var cache *Cache
			if cached {
				name, cache = c.name+", cached parents", NewCache(8)
			}
			t.Run(name, func(t *testing.T) {
				planOutlinedLeaves(t, c.plan, resolution, cache)
			})
		}
	}
}

// planOutlinedLeaves links plan with the outline given and checks its
// links are PlanWith's and the outline is left as parsed.
func planOutlinedLeaves(t *testing.T, plan, resolution Doc, cache *Cache) {
	t.Helper()
	o := outline.Parse(plan.Body)
	got := PlanOutlined(plan, o, []Doc{resolution}, []*outline.Outline{nil}, DefaultParams(), cache, nil)
	want := PlanWith(plan, []Doc{resolution}, []*outline.Outline{nil}, DefaultParams(), cache, nil)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PlanOutlined links\n%+v\nPlanWith\n%+v", got, want)
	}
	fresh := outline.Parse(plan.Body)
	if !reflect.DeepEqual(o.Items, fresh.Items) || !reflect.DeepEqual(o.Sections, fresh.Sections) {
		t.Errorf("the outline changed under the linker:\n%+v\nparsed:\n%+v", o.Items, fresh.Items)
	}
	if len(o.Items) == 0 {
		t.Fatal("no items: the case reads nothing")
	}
}
