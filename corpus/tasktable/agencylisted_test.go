package tasktable

import "testing"

// TestAgencyCellTailListed: the cell reads a Cục's or Vụ's tail listed
// before another agency whole and goes on to that agency
// (outline.NameTail); "thường xuyên" is the name's only when listed.
// Lines written for the test, none from the collection.
func TestAgencyCellTailListed(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Hợp tác quốc tế, Vụ Pháp chế chủ trì rà soát các điều ước.", "Cục Hợp tác quốc tế, Vụ Pháp chế"},
		{"Cục Hợp tác quốc tế và Vụ Pháp chế chủ trì rà soát các điều ước.", "Cục Hợp tác quốc tế, Vụ Pháp chế"},
		{"Vụ Giáo dục thường xuyên, Cục Nhà giáo và Cán bộ quản lý giáo dục chủ trì biên soạn.", "Vụ Giáo dục thường xuyên, Cục Nhà giáo và Cán bộ quản lý giáo dục"},
		{"Vụ Giáo dục thường xuyên và Cục Quản lý chất lượng hướng dẫn các sở.", "Vụ Giáo dục thường xuyên, Cục Quản lý chất lượng"},
		// guards
		{"Sở Y tế thường xuyên kiểm tra các cơ sở khám bệnh.", "Sở Y tế"},
		{"Sở Y tế thường xuyên, định kỳ kiểm tra các cơ sở khám bệnh.", "Sở Y tế"},
		{"Vụ Giáo dục thường xuyên chủ trì biên soạn tài liệu.", "Vụ Giáo dục"},
		{"Sở Giao thông vận tải, Sở Tài chính phối hợp thẩm định.", "Sở Giao thông vận tải, Sở Tài chính"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
