package cite

import (
	"fmt"
	"strings"
	"testing"
)

// TestRelationRestatedHead (i31-party): a plan's trích yếu "Thực hiện
// Kế hoạch số A … thực hiện Nghị quyết số B …" with no final stop, then
// its opening line "Thực hiện Kế hoạch số A …, Ủy ban nhân dân tỉnh ban
// hành …": the second line's "Thực hiện" opens a clause of its own, so A
// there is the text's own parent, not an object of B (which made B
// implement A in the graph). The first case is the written chain's UBND
// plan (corpus/testdata/party), the second a city's plan under a Thành
// ủy's programme, written for the test; the third keeps a wrapped line
// in lower case one clause.
func TestRelationRestatedHead(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Thực hiện Kế hoạch số 45-KH/TU ngày 20/11/2030 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 83-NQ/TW ngày 15/9/2030 của Bộ Chính trị về chuyển đổi số trong các cơ quan của hệ thống chính trị\n" +
			"Thực hiện Kế hoạch số 45-KH/TU ngày 20/11/2030 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:",
			"45-KH/TU implements | 83-NQ/TW implements <45-KH/TU | 45-KH/TU implements"},
		{"Triển khai Chương trình hành động số 18-CTr/TU ngày 02/4/2031 của Ban Thường vụ Thành ủy thực hiện Kết luận số 14-KL/TW ngày 20/01/2031 của Bộ Chính trị về phát triển văn hóa đọc\n" +
			"Thực hiện Chương trình hành động số 18-CTr/TU ngày 02/4/2031 của Ban Thường vụ Thành ủy, Ủy ban nhân dân thành phố ban hành Kế hoạch triển khai như sau:",
			"18-CTr/TU implements | 14-KL/TW implements <18-CTr/TU | 18-CTr/TU implements"},
		{"Căn cứ Kế hoạch số 45-KH/TU ngày 20/11/2030 của Ban Thường vụ Tỉnh ủy\nthực hiện Nghị quyết số 83-NQ/TW ngày 15/9/2030 của Bộ Chính trị;",
			"45-KH/TU based_on | 83-NQ/TW implements <45-KH/TU"},
	} {
		var got []string
		for _, r := range ParseRefs(tt.in) {
			s := fmt.Sprintf("%s %s", r.Key, r.Relation)
			if r.Other != "" {
				s += " <" + r.Other
			}
			if r.By {
				s += " by"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("ParseRefs(%q)\n = %s\nwant %s", tt.in, g, tt.want)
		}
	}
}
