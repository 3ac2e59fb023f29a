package tasktable

import "testing"

// TestAgencyCellHeldVerbObject: a verb a unit's name holds as its work
// ("xây dựng", "quản lý", "giám sát") is the name's right after its
// capitalised words, with the domain it works on ("Cục Quản lý xây dựng
// công trình"), or as the tail's last words before the clause's verb
// ("Cục Kết cấu hạ tầng xây dựng tham mưu …"); after lower-case words of
// the name and before an object of its own ("… quốc tế xây dựng mạng lưới
// đối tác hỗ trợ …") the name is complete and the verb opens the clause.
// Lines written for the test in the shapes of ministry letters.
func TestAgencyCellHeldVerbObject(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Hợp tác quốc tế xây dựng mạng lưới đối tác hỗ trợ doanh nghiệp tiếp cận thị trường.", "Cục Hợp tác quốc tế"},
		{"Vụ Kế hoạch tài chính quản lý nguồn vốn sự nghiệp bảo đảm giải ngân đúng tiến độ.", "Vụ Kế hoạch tài chính"},
		{"Cục Hợp tác quốc tế xây dựng mạng lưới đối tác, Vụ Pháp chế tổng hợp ý kiến.", "Cục Hợp tác quốc tế"},
		// guards
		{"Cục Kết cấu hạ tầng xây dựng tham mưu ban hành quy chuẩn.", "Cục Kết cấu hạ tầng xây dựng"},
		{"Cục Quản lý xây dựng công trình đề xuất phương án xử lý.", "Cục Quản lý xây dựng công trình"},
		{"Cục Quản lý hoạt động xây dựng hướng dẫn các địa phương thực hiện.", "Cục Quản lý hoạt động xây dựng"},
		{"Cục Kết cấu hạ tầng xây dựng, Vụ Pháp chế chủ trì rà soát.", "Cục Kết cấu hạ tầng xây dựng, Vụ Pháp chế"},
		{"Cục Quản lý xây dựng công trình, Vụ Kế hoạch tài chính phối hợp.", "Cục Quản lý xây dựng công trình, Vụ Kế hoạch tài chính"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
