package outline

import "testing"

// TestCitedReplaced: the closing sentence on a text's cited documents
// being amended or replaced is a closing provision, in the wordings of
// circulars, decrees, decisions and plans; a task to review or replace
// cited texts, and a clause applying a named text, are not. Lines written
// for the test, none from a development set.
func TestCitedReplaced(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Trường hợp các văn bản quy phạm pháp luật được viện dẫn tại Quyết định này được sửa đổi, bổ sung hoặc thay thế thì áp dụng theo văn bản sửa đổi, bổ sung hoặc thay thế đó.", true},
		{"3. Trường hợp các văn bản dẫn chiếu tại Nghị định này được sửa đổi, bổ sung, thay thế thì thực hiện theo quy định tại văn bản mới.", true},
		{"Khi các văn bản được viện dẫn trong Kế hoạch này được sửa đổi, bổ sung hoặc thay thế thì thực hiện theo văn bản sửa đổi, bổ sung, thay thế.", true},
		{"Trường hợp văn bản được dẫn chiếu để áp dụng tại Thông tư này được thay thế bằng văn bản khác thì áp dụng theo văn bản thay thế.", true},
		{"TRƯỜNG HỢP CÁC VĂN BẢN ĐƯỢC VIỆN DẪN TẠI THÔNG TƯ NÀY ĐƯỢC SỬA ĐỔI THÌ ÁP DỤNG THEO VĂN BẢN SỬA ĐỔI.", true},
		// hard-wrapped at 80 columns, as a PDF's text is
		{"Trường hợp các văn bản quy phạm pháp luật được dẫn chiếu tại Quyết định này được\nsửa đổi, bổ sung hoặc thay thế thì áp dụng theo văn bản sửa đổi, bổ sung hoặc\nthay thế đó.", true},
		// a task about cited or amended texts
		{"Sở Tư pháp rà soát các văn bản dẫn chiếu tại Quyết định số 20/2021/QĐ-UBND, đề xuất sửa đổi, thay thế trong quý IV.", false},
		{"Bộ Tài chính chủ trì sửa đổi, bổ sung các văn bản viện dẫn Luật Ngân sách nhà nước để thực hiện thống nhất.", false},
		// a task stated after "thì" (i23-review3): the clause assigns work
		{"Trường hợp các văn bản được viện dẫn tại Kế hoạch này được sửa đổi, bổ sung hoặc thay thế thì Sở Tư pháp chủ trì rà soát, tham mưu Ủy ban nhân dân tỉnh điều chỉnh Kế hoạch và tổ chức thực hiện.", false},
		{"Khi các văn bản dẫn chiếu tại Kế hoạch này được sửa đổi, thay thế thì các sở, ngành rà soát, cập nhật nhiệm vụ và thực hiện theo văn bản mới.", false},
		{"Trường hợp các văn bản được viện dẫn được sửa đổi, bổ sung thì Sở Nội vụ chủ trì hướng dẫn các địa phương áp dụng.", false},
		// who applies the new text, no task
		{"Khi các văn bản được viện dẫn tại Quyết định này được sửa đổi, bổ sung hoặc thay thế thì các cơ quan, đơn vị áp dụng theo văn bản mới.", true},
		// a condition on something else
		{"Trường hợp các cơ quan chưa bố trí được kinh phí thì thực hiện theo dự toán được giao.", false},
		{"Trường hợp hồ sơ đã nộp trước ngày Thông tư này có hiệu lực thì áp dụng theo quy định tại văn bản được viện dẫn.", false},
		{"Các đơn vị áp dụng mức chi theo văn bản dẫn chiếu tại khoản 2 Điều này.", false},
	}
	for _, tt := range tests {
		if got := closingClause(tt.text); got != tt.want {
			t.Errorf("closingClause(%q) = %t, want %t", tt.text, got, tt.want)
		}
	}
}
