package outline

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestActorsFormsUnitNoun: i27-rev-tasks' review of ministryFollows. A
// "BỘ" inside a unit's name in capitals opens its ministry only when the
// word after it is no word "bộ" makes a noun with ("BỘ ĐỘI": the army,
// "Cục Chính trị Bộ đội Biên phòng" is a unit of the Border Guard, no
// ministry named "Đội Biên phòng"); keyed as in sentence case. Lines
// written for the test in the shapes of ministry letters.
func TestActorsFormsUnitNoun(t *testing.T) {
	tests := []struct {
		line string
		keys []string
	}{
		{"Cục Chính trị Bộ đội Biên phòng hướng dẫn các đơn vị.", []string{"chinh tri"}},
		{"Cục Trinh sát Bộ đội Biên phòng triển khai lực lượng.", []string{"trinh sat"}},
		{"Vụ Tổ chức Bộ máy hướng dẫn sắp xếp đơn vị.", []string{"to chuc"}},
		// guards: a ministry's name after "BỘ"
		{"Cục Quân y Bộ Quốc phòng chủ trì khám tuyển.", []string{"quan y", "defence"}},
		{"Cục Thuế Bộ Tài chính hướng dẫn kê khai thuế điện tử.", []string{"thue", "tai chinh"}},
	}
	for _, tt := range tests {
		up := strings.ToUpper(tt.line)
		for _, s := range []string{tt.line, up, norm.NFD.String(up), norm.NFD.String(tt.line)} {
			if got := actors(s); !slices.Equal(got, tt.keys) {
				t.Errorf("actors(%q) = %q, want %q", s, got, tt.keys)
			}
		}
	}
}
