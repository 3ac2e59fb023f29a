package outline

import (
	"strings"
	"testing"
)

// TestAgencyWordsThanh: "thành" opens a word of its own after a name
// ("thành lập": to found; "thành viên": member) and is no level there,
// nor a capitalised word's second syllable ("Cục Hàng không Việt Nam
// thành lập …"); alone after a listed level it is "thành phố" ("các
// tỉnh, thành"). Lines written for the test (aviation, regional
// co-ordination, justice shapes), none from the collection.
func TestAgencyWordsThanh(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Hàng không Việt Nam thành lập tổ công tác điều phối giờ cất hạ cánh.", "Cục Hàng không Việt Nam"},
		{"Tổng cục Thống kê Việt Nam thành lập đoàn điều tra.", "Tổng cục Thống kê Việt Nam"},
		{"Ủy ban nhân dân các tỉnh thành viên Hội đồng điều phối vùng có trách nhiệm cử đại diện.", "Ủy ban nhân dân các tỉnh"},
		// guards
		{"Bộ Tư pháp thành lập Hội đồng thẩm định.", "Bộ Tư pháp"},
		{"Ủy ban nhân dân các tỉnh, thành chủ động rà soát.", "Ủy ban nhân dân các tỉnh, thành"},
	}
	for _, tt := range tests {
		atoks, an := AgencyWords(tt.text)
		if got := strings.TrimRight(strings.Join(atoks[:an], " "), ",:;."); got != tt.agency {
			t.Errorf("AgencyWords(%q) names %q, want %q", tt.text, got, tt.agency)
		}
	}
}
