package corpus

import "testing"

// TestClosingClause: statements of a text's own effect and of the end of
// another's are closing provisions; operative clauses that speak of
// effect, amend a text or cite one are not. Lines written for the test.
func TestClosingClause(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2025.", true},
		{"Quyết định này có hiệu lực kể từ ngày ký.", true},
		{"Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.", true},
		{"Thông tư này thay thế Thông tư số 11/2021/TT-BYT ngày 19 tháng 8 năm 2021 của Bộ trưởng Bộ Y tế.", true},
		{"Nghị định số 38/2019/NĐ-CP ngày 09 tháng 5 năm 2019 của Chính phủ hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.", true},
		{"Bãi bỏ Quyết định số 1520/QĐ-UBND ngày 02 tháng 6 năm 2022 của Ủy ban nhân dân tỉnh.", true},
		{"Sửa đổi, bổ sung khoản 2 Điều 4 Thông tư số 11/2021/TT-BYT như sau:", false},
		{"Các cơ sở khám bệnh, chữa bệnh thực hiện mức giá theo quy định tại Nghị định số 38/2019/NĐ-CP.", false},
		{"Giấy phép còn hiệu lực được tiếp tục sử dụng đến hết thời hạn ghi trong giấy phép.", false},
		{"Sở Y tế kiểm tra việc thực hiện và báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12.", false},
		// a task to repeal or replace is a task, not a closing provision
		{"Bộ Tư pháp chủ trì rà soát, đề xuất bãi bỏ Thông tư số 12/2020/TT-BTP trong quý IV năm 2025.", false},
		{"Sở Tài chính tham mưu thay thế Quyết định số 20/2021/QĐ-UBND.", false},
		// i17-set3rev: a task verb before the repeal makes it a task; a
		// passage that repeals and assigns a task is a task; a quoted
		// amendment of another text's closing article is an amendment
		{"Sở Tư pháp rà soát, bãi bỏ Quyết định số 20/2021/QĐ-UBND trước quý IV năm 2026.", false},
		{"Bãi bỏ Quyết định số 15/2020/QĐ-UBND; giao Sở Tư pháp chủ trì công bố danh mục văn bản hết hiệu lực.", false},
		{"Sửa đổi, bổ sung Điều 12 như sau: “Điều 12. Hiệu lực thi hành. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025 và thay thế Thông tư số 11/2021/TT-BYT.”", false},
		{"Bảo đảm các quy định có hiệu lực thi hành kịp thời, đồng bộ trên địa bàn tỉnh.", false},
		// still closing: the execution formula beside the effect, a repeal
		// of a text whose title holds task words
		{"Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.", true},
		{"Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025. Bãi bỏ Thông tư số 11/2021/TT-BYT ngày 19 tháng 8 năm 2021 của Bộ Y tế hướng dẫn thực hiện chế độ trợ cấp.", true},
		{"Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa X, kỳ họp thứ 12 thông qua ngày 10 tháng 12 năm 2026 và có hiệu lực từ ngày 20 tháng 12 năm 2026.", true},
		{"Quyết định này thay thế Quyết định số 1520/QĐ-UBND ngày 02 tháng 6 năm 2022 của Ủy ban nhân dân tỉnh về việc ban hành “Quy chế phối hợp tổ chức thực hiện”.", true},
	}
	for _, tt := range tests {
		if got := closingClause(tt.text); got != tt.want {
			t.Errorf("closingClause(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestLinkClosing: a circular's effective-date clause links to nothing
// (without the rule it takes the decree's repeal clause); its operative
// clause keeps its link.
func TestLinkClosing(t *testing.T) {
	nd := &Document{ID: "nd", Number: "30/2025/NĐ-CP", Body: "Điều 1. Mức trợ cấp\n" +
		"1. Người có công với cách mạng được hưởng trợ cấp hằng tháng theo mức chuẩn.\n" +
		"2. Thân nhân của người có công được hưởng trợ cấp tuất hằng tháng.\n" +
		"Điều 2. Hiệu lực thi hành\n" +
		"1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.\n" +
		"2. Nghị định số 55/2023/NĐ-CP ngày 21 tháng 7 năm 2023 của Chính phủ hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành."}
	plan := &Document{ID: "tt", Number: "8/2025/TT-BLĐTBXH", Body: "Điều 1. Mức trợ cấp tuất\n" +
		"1. Thân nhân của người có công được hưởng trợ cấp tuất hằng tháng từ ngày 01 tháng 7 năm 2025 theo mức mới.\n" +
		"Điều 2. Hiệu lực thi hành\n" +
		"1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025."}
	for _, closing := range []float64{0, 1} {
		p := defaultLinkParams()
		p.Closing = closing
		pl := linkPlan(plan, []*Document{nd}, make([]*Outline, 1), p)
		got := top(pl, "Đ1.1") + " " + top(pl, "Đ2.1")
		want := map[float64]string{0: "Đ1.2 Đ2.2", 1: "Đ1.2 -"}[closing] // without the rule: the decree's repeal clause
		if got != want {
			t.Errorf("Closing %v: tops %q, want %q", closing, got, want)
		}
	}
}
