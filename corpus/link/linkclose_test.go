package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// TestLinkClosing: a circular's effective-date clause links to nothing
// (without the rule it takes the decree's repeal clause); its operative
// clause keeps its link.
func TestLinkClosing(t *testing.T) {
	nd := Doc{ID: "nd", Number: "30/2025/NĐ-CP", Body: "Điều 1. Mức trợ cấp\n" +
		"1. Người có công với cách mạng được hưởng trợ cấp hằng tháng theo mức chuẩn.\n" +
		"2. Thân nhân của người có công được hưởng trợ cấp tuất hằng tháng.\n" +
		"Điều 2. Hiệu lực thi hành\n" +
		"1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.\n" +
		"2. Nghị định số 55/2023/NĐ-CP ngày 21 tháng 7 năm 2023 của Chính phủ hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành."}
	plan := Doc{ID: "tt", Number: "8/2025/TT-BLĐTBXH", Body: "Điều 1. Mức trợ cấp tuất\n" +
		"1. Thân nhân của người có công được hưởng trợ cấp tuất hằng tháng từ ngày 01 tháng 7 năm 2025 theo mức mới.\n" +
		"Điều 2. Hiệu lực thi hành\n" +
		"1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025."}
	for _, closing := range []float64{0, 1} {
		p := DefaultParams()
		p.Closing = closing
		pl := linkPlan(plan, []Doc{nd}, make([]*outline.Outline, 1), p)
		got := top(pl, "Đ1.1") + " " + top(pl, "Đ2.1")
		want := map[float64]string{0: "Đ1.2 Đ2.2", 1: "Đ1.2 -"}[closing] // without the rule: the decree's repeal clause
		if got != want {
			t.Errorf("Closing %v: tops %q, want %q", closing, got, want)
		}
	}
}
