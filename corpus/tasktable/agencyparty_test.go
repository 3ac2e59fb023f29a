package tasktable

import "testing"

// TestAgencyParty: the Party's agencies in charge (i31-party). The first
// rows are the written chain's Tỉnh ủy plan (corpus/testdata/party), the
// others a Thành ủy's programme of action and a Huyện ủy's plan, written
// for the test.
func TestAgencyParty(t *testing.T) {
	tests := []struct{ text, agency, partners string }{
		// 45-KH/TU
		{"Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn việc học tập.", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "các cơ quan liên quan"},
		{"Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh xây dựng kế hoạch.", "Đảng ủy Ủy ban nhân dân tỉnh", ""},
		{"Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch cụ thể.", "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", ""},
		{"Ủy ban Kiểm tra Tỉnh ủy đưa nội dung thực hiện Nghị quyết vào chương trình kiểm tra.", "Ủy ban Kiểm tra Tỉnh ủy", ""},
		{"Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp tình hình thực hiện.", "Văn phòng Tỉnh ủy", ""},
		// a Thành ủy's programme, a Huyện ủy's plan
		{"Các quận ủy, huyện ủy, đảng ủy trực thuộc Thành ủy lãnh đạo quán triệt Chương trình.", "Các quận ủy, huyện ủy, đảng ủy trực thuộc Thành ủy", ""},
		{"Các đảng ủy trực thuộc Huyện ủy tổ chức học tập Nghị quyết.", "Các đảng ủy trực thuộc Huyện ủy", ""},
		{"Văn phòng Thành ủy chủ trì, phối hợp với Ban Tổ chức Thành ủy theo dõi.", "Văn phòng Thành ủy", "Ban Tổ chức Thành ủy"},
		{"Đảng ủy Ủy ban nhân dân thành phố lãnh đạo xây dựng kế hoạch.", "Đảng ủy Ủy ban nhân dân thành phố", ""},
		{"Ban Thường vụ Huyện ủy chỉ đạo sơ kết.", "Ban Thường vụ Huyện ủy", ""},
		// i31-rev-party: a Party committee's agency as the partner that
		// ends the sentence (its "ủy." kept the stop), a State plan's rows
		{"Sở Nội vụ chủ trì, phối hợp với Văn phòng Tỉnh ủy.", "Sở Nội vụ", "Văn phòng Tỉnh ủy"},
		{"Sở Thông tin và Truyền thông chủ trì, phối hợp với Văn phòng Huyện uỷ.", "Sở Thông tin và Truyền thông", "Văn phòng Huyện uỷ"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
		if got := partnersIn(tt.text); got != tt.partners {
			t.Errorf("partnersIn(%q) = %q, want %q", tt.text, got, tt.partners)
		}
	}
}
