package link

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// TestLinkCitedInsertedArticle: an item citing a clause of an inserted
// article ("khoản 1 Điều 63a", whichever case the letter is written in)
// links to that clause (Đ63a.1) by the reference boost, although clause 1
// of article 63 shares more of its words; without the boost it does not.
// The parent is 102/2024/NĐ-CP as 49/2026/NĐ-CP amends it: "Điều 63a. Các
// trường hợp bất khả kháng khi gia hạn sử dụng đất …" and its clause 1 are
// real lines; article 63 and the items are written for the test.
func TestLinkCitedInsertedArticle(t *testing.T) {
	nd := Doc{ID: "nd", Number: "102/2024/NĐ-CP", Body: "Điều 63. Gia hạn sử dụng đất\n" +
		"1. Người sử dụng đất nộp hồ sơ xin gia hạn sử dụng đất tại cơ quan tiếp nhận hồ sơ trước khi hết thời hạn sử dụng đất.\n" +
		"2. Cơ quan có thẩm quyền quyết định gia hạn sử dụng đất theo quy định tại Điều 172 của Luật Đất đai.\n" +
		"Điều 63a. Các trường hợp bất khả kháng khi gia hạn sử dụng đất quy định tại khoản 3 Điều 172 của Luật Đất đai\n" +
		"1. Trường hợp bất khả kháng quy định tại các điểm a, b, c, d, đ, e và g khoản 1 Điều 31 của Nghị định số 102/2024/NĐ-CP.\n" +
		"2. Trường hợp người sử dụng đất đã nộp hồ sơ xin gia hạn theo quy định tại khoản 1 Điều 64 của Nghị định này."}
	const rest = " của Nghị định số 102/2024/NĐ-CP: người sử dụng đất nộp hồ sơ xin gia hạn sử dụng đất tại cơ quan tiếp nhận hồ sơ."
	tests := []struct {
		name, item string
		boost      float64
		want       string
	}{
		{"the inserted article's clause", "1. Hướng dẫn trường hợp quy định tại khoản 1 Điều 63a" + rest, 3, "Đ63a.1"},
		{"its letter in capitals", "1. Hướng dẫn trường hợp quy định tại khoản 1 Điều 63A" + rest, 3, "Đ63a.1"},
		{"without the rule", "1. Hướng dẫn trường hợp quy định tại khoản 1 Điều 63a" + rest, 0, "Đ63.1"},
		{"article 63's clause", "1. Hướng dẫn trường hợp quy định tại khoản 1 Điều 63" + rest, 3, "Đ63.1"},
	}
	for _, tt := range tests {
		plan := Doc{ID: "tt", Number: "5/2026/TT-BTNMT", Body: "Điều 1. Gia hạn sử dụng đất\n" + tt.item}
		p := DefaultParams()
		p.RefBoost = tt.boost
		pl := linkPlan(plan, []Doc{nd}, make([]*outline.Outline, 1), p)
		if got := top(pl, "Đ1.1"); got != tt.want {
			t.Errorf("%s: Đ1.1 → %s, want %s", tt.name, got, tt.want)
		}
	}
}
