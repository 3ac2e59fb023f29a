package tasktable

import "testing"

// TestAgencyCellSectorListed: a Sở or a Ban is named by its sector or its
// work in the words the cell's own tables hold ("Sở Giao thông vận tải",
// "Sở Nông nghiệp và Phát triển nông thôn", "Ban Quản lý dự án đầu tư xây
// dựng"), so lower-case words after its capitalised ones before a comma
// and another agency are its task, whatever the verb ("Sở Y tế điều tra
// dịch tễ, Sở Tài chính bố trí kinh phí": the clause is no part of the
// name; no verb table needs "điều tra"). A Cục's or Vụ's, named by its
// work, stays listed ("Cục Hợp tác quốc tế, Vụ Pháp chế"). Lines written
// for the test in the shapes of provincial plans.
func TestAgencyCellSectorListed(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Sở Y tế điều tra dịch tễ, Sở Tài chính bố trí kinh phí.", "Sở Y tế"},
		{"Sở Nội vụ thẩm tra hồ sơ, Sở Tư pháp góp ý dự thảo quy chế.", "Sở Nội vụ"},
		{"Sở Tư pháp tập hợp ý kiến, Sở Nội vụ thẩm tra hồ sơ.", "Sở Tư pháp"},
		{"Ban Dân tộc thống kê hộ nghèo, Sở Nông nghiệp và Môi trường hướng dẫn mô hình sinh kế.", "Ban Dân tộc"},
		{"Sở Văn hóa, Thể thao và Du lịch quảng bá điểm đến, Sở Công Thương kết nối doanh nghiệp.", "Sở Văn hóa, Thể thao và Du lịch"},
		// guards
		{"Sở Giao thông vận tải, Sở Tài chính phối hợp thẩm định.", "Sở Giao thông vận tải, Sở Tài chính"},
		{"Sở Nông nghiệp và Phát triển nông thôn, Sở Tài chính chủ trì thẩm định.", "Sở Nông nghiệp và Phát triển nông thôn, Sở Tài chính"},
		{"Ban Quản lý dự án đầu tư xây dựng tỉnh, Sở Xây dựng phối hợp kiểm tra.", "Ban Quản lý dự án đầu tư xây dựng tỉnh, Sở Xây dựng"},
		{"Cục Hợp tác quốc tế, Vụ Pháp chế chủ trì rà soát các điều ước.", "Cục Hợp tác quốc tế, Vụ Pháp chế"},
		{"Sở Y tế, Sở Tài chính phối hợp kiểm tra.", "Sở Y tế, Sở Tài chính"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
