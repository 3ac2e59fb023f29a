package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// TestLinkCitedProvision: an item naming a clause of its parent by number
// (the clause leaving the amounts to the Minister, which the circular
// implements) links to that clause although another passage shares more
// of its words; the same words citing another document's clause do not
// move the link.
// Lines written for the test, in the style of a Thông tư restating a
// Nghị định.
func TestLinkCitedProvision(t *testing.T) {
	nd := Doc{ID: "nd", Number: "20/2025/NĐ-CP", Body: "Điều 3. Người làm nhiệm vụ tiếp nhận hồ sơ\n" +
		"1. Công chức của bộ phận một cửa cấp tỉnh.\n" +
		"2. Công chức văn phòng - thống kê cấp xã được phân công tiếp nhận hồ sơ.\n" +
		"Điều 4. Mức hỗ trợ\n" +
		"1. Người làm nhiệm vụ tiếp nhận hồ sơ tại bộ phận một cửa được hỗ trợ mức chi theo ngày làm việc thực tế.\n" +
		"2. Bộ trưởng Bộ Tài chính quy định mức chi cụ thể cho từng nhóm đối tượng, phù hợp với khả năng cân đối của ngân sách nhà nước."}
	tests := []struct {
		name, item string
		boost      float64
		want       string
	}{
		{"the cited clause", "1. Mức chi quy định tại khoản 2 Điều 4 Nghị định số 20/2025/NĐ-CP như sau: người làm nhiệm vụ tiếp nhận hồ sơ tại bộ phận một cửa được hỗ trợ 100.000 đồng/ngày làm việc.", 3, "Đ4.2"},
		{"without the rule", "1. Mức chi quy định tại khoản 2 Điều 4 Nghị định số 20/2025/NĐ-CP như sau: người làm nhiệm vụ tiếp nhận hồ sơ tại bộ phận một cửa được hỗ trợ 100.000 đồng/ngày làm việc.", 0, "Đ4.1"},
		// i17-set3rev: the clause of a law named without number before the
		// parent, and an article the parent does not have, weigh nothing
		{"a law's clause before the parent", "1. Mức chi theo khoản 2 Điều 4 Luật Ngân sách nhà nước và Nghị định số 20/2025/NĐ-CP như sau: người làm nhiệm vụ tiếp nhận hồ sơ tại bộ phận một cửa được hỗ trợ 100.000 đồng/ngày làm việc.", 3, "Đ4.1"},
		{"a numbered law's clause before the parent", "1. Mức chi theo khoản 2 Điều 4 Luật Ngân sách nhà nước số 83/2015/QH13 và Nghị định số 20/2025/NĐ-CP như sau: người làm nhiệm vụ tiếp nhận hồ sơ tại bộ phận một cửa được hỗ trợ 100.000 đồng/ngày làm việc.", 3, "Đ4.1"},
		{"an article the parent lacks", "1. Mức chi quy định tại khoản 2 Điều 38 Nghị định số 20/2025/NĐ-CP như sau: người làm nhiệm vụ tiếp nhận hồ sơ tại bộ phận một cửa được hỗ trợ 100.000 đồng/ngày làm việc.", 3, "Đ4.1"},
		{"another document's clause", "1. Mức chi quy định tại khoản 2 Điều 4 Nghị định số 61/2018/NĐ-CP như sau: người làm nhiệm vụ tiếp nhận hồ sơ tại bộ phận một cửa được hỗ trợ 100.000 đồng/ngày làm việc.", 3, "Đ4.1"},
	}
	for _, tt := range tests {
		plan := Doc{ID: "tt", Number: "5/2025/TT-BTC", Body: "Điều 1. Mức chi\n" + tt.item}
		p := DefaultParams()
		p.RefBoost = tt.boost
		pl := linkPlan(plan, []Doc{nd}, make([]*outline.Outline, 1), p)
		if got := top(pl, "Đ1.1"); got != tt.want {
			t.Errorf("%s: Đ1.1 → %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestLinkTypedProvision: an item naming a clause of "the Nghị định"
// without its number (cite.TypedParts) links to that clause when the plan
// has one Nghị định among its parents; with two, or when "Thông tư này" is
// the circular's own, nothing moves. Lines written for the test.
func TestLinkTypedProvision(t *testing.T) {
	body := "Điều 3. Người làm nhiệm vụ tiếp nhận hồ sơ\n" +
		"1. Công chức của bộ phận một cửa cấp tỉnh.\n" +
		"2. Công chức văn phòng - thống kê cấp xã được phân công tiếp nhận hồ sơ.\n" +
		"Điều 4. Mức hỗ trợ\n" +
		"1. Người làm nhiệm vụ tiếp nhận hồ sơ tại bộ phận một cửa được hỗ trợ mức chi theo ngày làm việc thực tế.\n" +
		"2. Bộ trưởng Bộ Tài chính quy định mức chi cụ thể cho từng nhóm đối tượng, phù hợp với khả năng cân đối của ngân sách nhà nước."
	nd := Doc{ID: "nd", Type: "Nghị định", Number: "20/2025/NĐ-CP", Body: body}
	nd2 := Doc{ID: "nd2", Type: "Nghị định", Number: "21/2025/NĐ-CP", Body: "Điều 1. Phạm vi\n1. Nghị định này quy định chế độ báo cáo thống kê."}
	qd := Doc{ID: "qd", Type: "Quyết định", Number: "30/2025/QĐ-TTg", Body: "Điều 1. Phạm vi\n1. Quyết định này quy định chế độ báo cáo thống kê."}
	law := Doc{ID: "law", Type: "Luật", Title: "Luật Tiếp nhận hồ sơ số 5/2025/QH15", Number: "5/2025/QH15", Body: body}
	const rest = " như sau: người làm nhiệm vụ tiếp nhận hồ sơ tại bộ phận một cửa được hỗ trợ 100.000 đồng/ngày làm việc."
	tests := []struct {
		name, item string
		parents    []Doc
		boost      float64
		want       string
	}{
		{"the only Nghị định", "1. Mức chi quy định tại khoản 2 Điều 4 của Nghị định" + rest, []Doc{nd, qd}, 3, "Đ4.2"},
		{"'Nghị định này' quoted from the parent", "1. Mức chi quy định tại khoản 2 Điều 4 của Nghị định này" + rest, []Doc{nd}, 3, "Đ4.2"},
		{"without the rule", "1. Mức chi quy định tại khoản 2 Điều 4 của Nghị định" + rest, []Doc{nd}, 0, "Đ4.1"},
		{"two Nghị định", "1. Mức chi quy định tại khoản 2 Điều 4 của Nghị định" + rest, []Doc{nd, nd2}, 3, "Đ4.1"},
		{"another law named after its type", "1. Mức chi quy định tại khoản 2 Điều 4 Luật Ngân sách nhà nước" + rest, []Doc{law}, 3, "Đ4.1"},
		{"the parent law named after its type", "1. Mức chi quy định tại khoản 2 Điều 4 Luật Tiếp nhận hồ sơ" + rest, []Doc{law}, 3, "Đ4.2"},
		{"the circular's own article", "1. Mức chi quy định tại khoản 2 Điều 4 của Thông tư này" + rest, []Doc{nd}, 3, "Đ4.1"},
	}
	for _, tt := range tests {
		plan := Doc{ID: "tt", Type: "Thông tư", Number: "5/2025/TT-BTC", Body: "Điều 1. Mức chi\n" + tt.item}
		p := DefaultParams()
		p.RefBoost = tt.boost
		pl := linkPlan(plan, tt.parents, make([]*outline.Outline, len(tt.parents)), p)
		if got := top(pl, "Đ1.1"); got != tt.want {
			t.Errorf("%s: Đ1.1 → %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestUnderID(t *testing.T) {
	tests := []struct {
		id, p string
		want  bool
	}{
		{"Đ38.1", "Đ38.1", true},
		{"Đ38.1.a", "Đ38.1", true},
		{"Đ38.10", "Đ38.1", false},
		{"Đ38", "Đ38.1", false},
		{"Đ3.2", "Đ38", false},
	}
	for _, tt := range tests {
		if got := underID(tt.id, tt.p); got != tt.want {
			t.Errorf("underID(%q, %q) = %v", tt.id, tt.p, got)
		}
	}
}
