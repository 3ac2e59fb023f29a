package tasktable

import "testing"

// TestAgencyCellTailMakesDocument: the cell ends a Cục's or Vụ's name
// before a verb of its work whose object is a document ("… xây dựng kế
// hoạch …": the task's), by the actor table's rule (outline.NameTail).
// Lines written for the test, none from the collection.
func TestAgencyCellTailMakesDocument(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Hợp tác quốc tế xây dựng kế hoạch triển khai thỏa thuận hợp tác với các nước.", "Cục Hợp tác quốc tế"},
		{"Vụ Tổ chức cán bộ xây dựng phương án sắp xếp đơn vị sự nghiệp.", "Vụ Tổ chức cán bộ"},
		{"Cục Quản lý xây dựng công trình xây dựng kế hoạch kiểm tra chất lượng.", "Cục Quản lý xây dựng công trình"},
		{"Cục Trồng trọt xây dựng hướng dẫn kỹ thuật canh tác.", "Cục Trồng trọt"},
		{"Vụ Kế hoạch tài chính xây dựng báo cáo tổng hợp nhu cầu vốn.", "Vụ Kế hoạch tài chính"},
		{"Cục Hợp tác quốc tế quản lý chương trình hợp tác chủ trì đàm phán.", "Cục Hợp tác quốc tế"},
		// guards
		{"Cục Quản lý xây dựng công trình đề xuất sửa đổi quy chuẩn.", "Cục Quản lý xây dựng công trình"},
		{"Cục Kết cấu hạ tầng xây dựng tham mưu việc chỉ đạo.", "Cục Kết cấu hạ tầng xây dựng"},
		{"Cục Đăng ký quốc gia giao dịch bảo đảm chủ trì hướng dẫn.", "Cục Đăng ký quốc gia giao dịch bảo đảm"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
