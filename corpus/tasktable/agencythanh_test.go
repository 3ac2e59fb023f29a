package tasktable

import "testing"

// TestAgencyCellThanh: the cell reads "thành" as a level ("thành phố")
// only alone after a listed level ("các tỉnh, thành"), not where it
// opens a word of its own ("thành viên", "thành lập"); "tỉnh ủy, thành
// ủy" stays. Lines written for the test, none from the collection.
func TestAgencyCellThanh(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Các bộ, ngành thành viên Ban Chỉ đạo chủ trì triển khai.", "Các bộ, ngành"},
		{"Ủy ban nhân dân các tỉnh thành viên Hội đồng điều phối vùng có trách nhiệm cử đại diện.", "Ủy ban nhân dân các tỉnh"},
		{"Cục Hàng không Việt Nam thành lập tổ công tác điều phối giờ cất hạ cánh.", "Cục Hàng không Việt Nam"},
		// guards
		{"Ban Thường vụ các tỉnh ủy, thành ủy chỉ đạo triển khai.", "Ban Thường vụ các tỉnh ủy, thành ủy"},
		{"Ủy ban nhân dân các tỉnh, thành, Sở Y tế chủ động rà soát.", "Ủy ban nhân dân các tỉnh, thành, Sở Y tế"},
		{"Ủy ban nhân dân các tỉnh, thành công bố danh mục thủ tục hành chính.", "Ủy ban nhân dân các tỉnh, thành"}, // "công bố": a verb after the level
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
