package tasktable

import "testing"

// TestAgencyTextEnds: the task table's agency cell ends where the actor
// table's rule ends a name (outline.EndsName: before a modal or a verb
// the name cannot hold) and takes a Cục's, Vụ's or Sở's lower-case tail
// (outline.NameTail) up to the task verb. Lines written for the test.
func TestAgencyTextEnds(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Thuế cần hướng dẫn người nộp thuế kê khai đúng hạn.", "Cục Thuế"},
		{"Cục Đường bộ Việt Nam cần khẩn trương khắc phục sạt lở.", "Cục Đường bộ Việt Nam"},
		{"Cục Thuế được giao tổng hợp số thu.", "Cục Thuế"},
		{"Sở Công Thương xây dựng phương án cung ứng điện mùa khô.", "Sở Công Thương"},
		{"Cục Kết cấu hạ tầng xây dựng tham mưu, đề xuất phương án.", "Cục Kết cấu hạ tầng xây dựng"},
		{"Cục Xúc tiến thương mại phối hợp tổ chức hội chợ.", "Cục Xúc tiến thương mại"},
		{"Vụ Kế hoạch tài chính chủ trì bố trí kinh phí.", "Vụ Kế hoạch tài chính"},
		{"Sở Kế hoạch và Đầu tư tổng hợp, báo cáo kết quả.", "Sở Kế hoạch và Đầu tư"},
		{"Sở Xây dựng chủ trì thẩm định thiết kế.", "Sở Xây dựng"},
		{"Sở Xây dựng hạ tầng giao thông nông thôn.", "Sở Xây dựng"},
		{"Cục Viễn thông báo cáo Bộ kết quả triển khai.", "Cục Viễn thông"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
