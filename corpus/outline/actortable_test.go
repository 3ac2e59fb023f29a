package outline

import (
	"slices"
	"strings"
	"testing"
)

// TestAgencyWordsTableHeads: the task table's heads (tableHeads) name
// agencies for AgencyWords and ActorHeadLen, only before the words of a
// name where the head also starts other clauses, and linking's
// ActorWords does not read them. Lines written for the test.
func TestAgencyWordsTableHeads(t *testing.T) {
	tests := []struct {
		text  string
		named string // the agency it starts with ("" none); the task table reads the name itself
	}{
		{"Thanh tra tỉnh chủ trì thanh tra công vụ.", "Thanh tra tỉnh"},
		{"Thanh tra Chính phủ hướng dẫn nghiệp vụ.", "Thanh tra Chính phủ"},
		{"Thanh tra, kiểm tra việc chấp hành quy định.", ""},
		{"Bảo hiểm xã hội tỉnh phối hợp rà soát.", "Bảo hiểm xã hội tỉnh"},
		{"Bảo hiểm xã hội Việt Nam chi trả đúng hạn.", "Bảo hiểm xã hội Việt Nam"},
		{"Bảo hiểm xã hội, bảo hiểm y tế được mở rộng.", ""},
		{"Kho bạc Nhà nước kiểm soát chi.", "Kho bạc Nhà nước"},
		{"Kho bạc dữ liệu được lưu trữ.", ""},
		{"Công ty Điện lực Hà Tĩnh khôi phục lưới điện.", "Công ty Điện lực Hà Tĩnh"},
		{"Liên đoàn Lao động tỉnh chăm lo Tết cho công nhân.", "Liên đoàn Lao động tỉnh"},
		{"Liên đoàn bóng đá tổ chức giải.", ""},
		{"Bí thư tỉnh ủy, thành ủy chỉ đạo.", "Bí thư tỉnh ủy, thành ủy"},
		{"Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo.", "Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh"},
		{"Tỉnh ủy lãnh đạo các cấp ủy.", "Tỉnh ủy"},
		{"Chánh Văn phòng Ủy ban nhân dân tỉnh đôn đốc.", "Chánh Văn phòng Ủy ban nhân dân tỉnh"},
		{"Các Ban của Tỉnh ủy tham mưu.", "Các Ban"},
		{"Các bản đồ được cập nhật.", ""},
		{"Sở Y tế chủ trì.", "Sở Y tế"},
		{"Cục trưởng Cục Hải quan chỉ đạo kiểm soát.", "Cục trưởng Cục Hải quan"},
		{"Giám đốc Sở Tài chính báo cáo.", "Giám đốc Sở Tài chính"},
		{"Giám đốc điều hành dự án được bổ nhiệm.", ""},
		{"Phó Thủ tướng Chính phủ Trần Văn Bình chỉ đạo.", "Phó Thủ tướng Chính phủ Trần Văn Bình"},
	}
	for _, tt := range tests {
		toks, named := AgencyWords(tt.text)
		if got := strings.Join(toks[:named], " "); (named > 0) != (tt.named != "") || !strings.HasPrefix(tt.text, got) {
			t.Errorf("AgencyWords(%q) names %q, want %q", tt.text, got, tt.named)
		}
		if n := ActorHeadLen(strings.Fields(tt.text)); (n > 0) != (tt.named != "") {
			t.Errorf("ActorHeadLen(%q) = %d, want a head: %v", tt.text, n, tt.named != "")
		}
		if tt.named == "" || strings.HasPrefix(tt.text, "Sở") || strings.HasPrefix(tt.text, "Bí thư, Chủ tịch") {
			continue
		}
		if keys, _, named := ActorWords(tt.text); named != 0 || len(keys) != 0 {
			t.Errorf("ActorWords(%q) = %q, %d: linking reads a table head", tt.text, keys, named)
		}
	}
	if keys := actors("Bí thư, Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo."); !slices.Equal(keys, nil) {
		t.Errorf("actors of a secretary's line = %q, want none (as before i20-agency)", keys)
	}
}

// FuzzAgencyWords: AgencyWords reads the words ActorWords reads and names
// at most all of them.
func FuzzAgencyWords(f *testing.F) {
	for _, s := range []string{"Bí thư tỉnh ủy, thành ủy; Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo.", "Thanh tra tỉnh",
		"Bí thư", "Các Ban của", "Bảo hiểm xã hội", "Đề nghị Kho bạc Nhà nước:", "Cục Thuế cần hướng dẫn",
		"Cục Kết cấu hạ tầng xây dựng tham mưu, đề xuất.", "Văn phòng Ban chỉ đạo tổng hợp",
		"Cục Quản lý xây dựng công trình đề xuất", "Cục Thi hành án dân sự tỉnh Quảng Ngãi đề xuất",
		"Ban Tiếp công dân tỉnh phối hợp", "Cục Đăng ký quốc gia giao dịch bảo đảm chủ trì", "Sở Y tế thành phố",
		"Sở Tài nguyên và Môi trường kiểm soát chất lượng nước đề xuất", "Cục Đường bộ quản lý vận hành đường tỉnh hướng dẫn",
		"Sở Tư pháp lưu giữ hồ sơ xây dựng", "Cục Hợp tác quốc tế xây dựng kế hoạch triển khai", "Cục Hợp tác quốc tế, Vụ Pháp chế chủ trì",
		"Vụ Giáo dục thường xuyên và Cục Quản lý chất lượng", "Ủy ban nhân dân tỉnh thành lập", "Vụ X y, Vụ", "Cục A b và"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks, named := AgencyWords(s)
		_, atoks, _ := ActorWords(s)
		if !slices.Equal(toks, atoks) || named < 0 || named > len(toks) {
			t.Errorf("AgencyWords(%q) = %q, %d; ActorWords read %q", s, toks, named, atoks)
		}
	})
}
