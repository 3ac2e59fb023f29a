package tasktable

import "testing"

// TestAgencyCellMinistries: guards of the listed-tail reading (outline
// listedTail) on names of several ministries and provinces: a Cục with
// its ministry after a comma, a name holding commas of its own, a
// province's Ban and Sở listed, a locality; and a comma list of tasks,
// not of agencies, whose verbs the tables hold ("Cục A tổng hợp, Bộ B
// bố trí …": only the first agency is the subject). Lines written for
// the review, none from the collection.
func TestAgencyCellMinistries(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Quản lý xuất nhập cảnh, Bộ Công an chủ trì thực hiện.", "Cục Quản lý xuất nhập cảnh, Bộ Công an"},
		{"Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ, Bộ Công an chủ trì.", "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ, Bộ Công an"},
		{"Cục Quân y, Bộ Quốc phòng chủ trì tổ chức diễn tập.", "Cục Quân y, Bộ Quốc phòng"},
		{"Sở Kế hoạch và Đầu tư, Ban Quản lý các khu công nghiệp tỉnh chủ trì.", "Sở Kế hoạch và Đầu tư, Ban Quản lý các khu công nghiệp tỉnh"},
		{"Ban Quản lý dự án đầu tư xây dựng tỉnh, Sở Xây dựng phối hợp kiểm tra.", "Ban Quản lý dự án đầu tư xây dựng tỉnh, Sở Xây dựng"},
		{"Cục Hải quan tỉnh Lạng Sơn, Bộ đội Biên phòng tỉnh phối hợp tuần tra.", "Cục Hải quan tỉnh Lạng Sơn, Bộ đội Biên phòng tỉnh"},
		{"Cục Hợp tác quốc tế tổng hợp, Bộ Tài chính bố trí kinh phí.", "Cục Hợp tác quốc tế"},
		{"Cục Hợp tác quốc tế kiểm tra, Vụ Pháp chế tổng hợp kết quả.", "Cục Hợp tác quốc tế"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
