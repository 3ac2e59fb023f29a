package outline

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

// TestTransitionalArticle: the articles of transitional provisions, by
// their titles as real decrees and circulars write them ("Điều khoản
// chuyển tiếp", "Quy định chuyển tiếp về giá đất" of 49/2026/NĐ-CP, "Xử lý
// chuyển tiếp", an OCR "Điều khoán"), are closing; an article about
// forwarding data, a plan's roman section and an article's clause are
// not.
func TestTransitionalArticle(t *testing.T) {
	tests := []struct {
		s    Section
		want bool
	}{
		{Section{ID: "Đ6", Title: "Điều khoản chuyển tiếp"}, true},
		{Section{ID: "Đ17", Title: "Quy định chuyển tiếp về giá đất"}, true},
		{Section{ID: "Đ12", Title: "Xử lý chuyển tiếp"}, true},
		{Section{ID: "Đ9~2", Title: "Điều khoán chuyển tiếp"}, true},
		{Section{ID: "PLI.Đ3", Title: "Điều khoản chuyển tiếp và áp dụng"}, true},
		{Section{ID: "Đ5", Title: "Chuyển tiếp dữ liệu giữa các hệ thống"}, false},
		{Section{ID: "IV", Title: "QUY ĐỊNH CHUYỂN TIẾP"}, false},
		{Section{ID: "Đ8", Title: "Hiệu lực thi hành"}, false},
	}
	for _, tt := range tests {
		if got := transitionalArticle(&tt.s); got != tt.want {
			t.Errorf("transitionalArticle(%s. %s) = %v, want %v", tt.s.ID, tt.s.Title, got, tt.want)
		}
	}
}
