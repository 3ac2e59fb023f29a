package tasktable

import (
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/corpus/viet"
)

// TestAgencyCellModalSyllable: a modal (nameNever: "cần", "phải", "sẽ")
// opens a verb phrase and is never followed by an agency's head; "cần"
// before one is a name's syllable ("Cục Hậu cần Bộ đội Biên phòng", the
// logistics department of the Border Guard). Lines written for the test
// in the shape of a border province's plan; every form (forms).
func TestAgencyCellModalSyllable(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Hậu cần Bộ đội Biên phòng bảo đảm xăng dầu cho các đồn biên phòng.", "Cục Hậu cần Bộ đội Biên phòng"},
		{"Cục Hậu cần Bộ Quốc phòng chủ trì bảo đảm vật chất hậu cần.", "Cục Hậu cần Bộ Quốc phòng"},
		// guards: the modal before a verb ends the name
		{"Cục Thuế cần hướng dẫn người nộp thuế quyết toán đúng hạn.", "Cục Thuế"},
		{"Sở Y tế phải bảo đảm đủ thuốc, vật tư y tế.", "Sở Y tế"},
	}
	for _, tt := range tests {
		checkForms(t, tt.text, tt.agency)
	}
}

// TestAgencyCellPrefixSyllable: a word of one syllable written
// capitalised before a word of two ("Tổng Thư ký": the general
// secretary) is no word written whole when a verb of one word ("gửi",
// "trình", "lập") or a modal follows the lower-case syllable: the
// syllable is the word's second, the verb opens the clause. Sentence
// case (NFC, NFD, the other tone placement): in capitals no letter shows
// a word written whole.
func TestAgencyCellPrefixSyllable(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Văn phòng Tổng Thư ký gửi báo cáo tổng hợp về Ban Thường vụ.", "Văn phòng Tổng Thư ký"},
		{"Ban Tổng Thư ký lập danh sách đại biểu dự hội nghị.", "Ban Tổng Thư ký"},
		{"Văn phòng Tổng Thư ký cần hoàn thành trước ngày 15/12.", "Văn phòng Tổng Thư ký"},
		// guards: a word written whole, its verb unknown to the tables
		{"Sở Công Thương bình ổn giá các mặt hàng thiết yếu.", "Sở Công Thương"},
		{"Cục Hàng không Việt Nam rút ngắn thời gian cấp phép bay.", "Cục Hàng không Việt Nam"},
		// the lower-case word is itself a verb or a modal: no syllable, the verb after it is its object's
		{"Sở Công Thương gửi trình Ủy ban nhân dân tỉnh dự thảo kế hoạch.", "Sở Công Thương"},
		{"Cục Hàng không Việt Nam trình lập đề án mở đường bay mới.", "Cục Hàng không Việt Nam"},
		{"Sở Công Thương cần lập kế hoạch bình ổn giá.", "Sở Công Thương"},
	}
	for _, tt := range tests {
		for _, s := range []string{tt.text, norm.NFD.String(tt.text), oldTones.Replace(tt.text)} {
			if got := agencyText(s); viet.Lower(got) != viet.Lower(tt.agency) {
				t.Errorf("agencyText(%q) = %q, want %q", s, got, tt.agency)
			}
		}
	}
}

// TestAgencyCellSubjectNeedsVerb: the agency a task opens with is its
// clause's subject, and a sentence has its verb: a name read in capitals
// up to the sentence's full stop ran over the clause, whose verb no table
// holds. Past a level of government ("TỈNH") capitals cannot tell a
// place's name from the verb, so the name ends at the level. Not in
// sentence case (the lower-case verb ends it already), not for the
// partners named after "phối hợp với" (an object, no verb after it),
// nor a heading without a full stop.
func TestAgencyCellSubjectNeedsVerb(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH TUẦN TRA BIÊN GIỚI.", "BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH"},
		{"BỘ CHỈ HUY QUÂN SỰ TỈNH HUẤN LUYỆN LỰC LƯỢNG DỰ BỊ ĐỘNG VIÊN.", "BỘ CHỈ HUY QUÂN SỰ TỈNH"},
		{"BAN DÂN TỘC TỈNH THĂM HỎI NGƯỜI CÓ UY TÍN.", "BAN DÂN TỘC TỈNH"},
		// guards
		{"Bộ Chỉ huy Bộ đội Biên phòng tỉnh tuần tra biên giới.", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"},
		{"CÔNG AN TỈNH QUẢNG NAM CHỦ TRÌ.", "CÔNG AN TỈNH QUẢNG NAM"},
		{"Công an tỉnh Quảng Nam.", "Công an tỉnh Quảng Nam"}, // sentence case: the place is capitalised
		{"SỞ Y TẾ TỈNH QUẢNG NAM", "SỞ Y TẾ TỈNH QUẢNG NAM"},
		{"CỤC QUẢN LÝ XÂY DỰNG CÔNG TRÌNH", "CỤC QUẢN LÝ XÂY DỰNG CÔNG TRÌNH"},
		// a list whose names end with the same place: the last name's
		// words after its level are the place the list named already
		{"SỞ Y TẾ TỈNH QUẢNG NAM, SỞ TÀI CHÍNH TỈNH QUẢNG NAM.", "SỞ Y TẾ TỈNH QUẢNG NAM, SỞ TÀI CHÍNH TỈNH QUẢNG NAM"},
		{"CÔNG AN TỈNH LẠNG SƠN, BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH LẠNG SƠN.", "CÔNG AN TỈNH LẠNG SƠN, BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH LẠNG SƠN"},
		// guards: the list's last name runs over its clause
		{"SỞ Y TẾ, BAN DÂN TỘC TỈNH THĂM HỎI NGƯỜI CÓ UY TÍN.", "SỞ Y TẾ, BAN DÂN TỘC TỈNH"},
		{"CÔNG AN TỈNH LẠNG SƠN, BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH TUẦN TRA BIÊN GIỚI.", "CÔNG AN TỈNH LẠNG SƠN, BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH"},
	}
	for _, tt := range tests {
		for _, s := range []string{tt.text, norm.NFD.String(tt.text)} {
			if got := agencyText(s); viet.Lower(got) != viet.Lower(tt.agency) {
				t.Errorf("agencyText(%q) = %q, want %q", s, got, tt.agency)
			}
		}
	}
	for _, tt := range []struct{ text, partners string }{
		{"CHỦ TRÌ, PHỐI HỢP VỚI CÔNG AN TỈNH QUẢNG NAM.", "CÔNG AN TỈNH QUẢNG NAM"},
		{"PHỐI HỢP VỚI BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH QUẢNG TRỊ.", "BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH QUẢNG TRỊ"},
	} {
		if got := partnersIn(tt.text); got != tt.partners {
			t.Errorf("partnersIn(%q) = %q, want %q", tt.text, got, tt.partners)
		}
	}
}

// TestAgencyCellPowerVerb: "có quyền", "có thẩm quyền" (a sanctions
// decree's "… có quyền: a) Phạt cảnh cáo") open the clause after a
// unit's lower-case tail, as "có trách nhiệm" does: the tail before them
// is the name's ("Cục Tần số vô tuyến điện"). Lines written for the test
// in a decree's shape.
func TestAgencyCellPowerVerb(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục trưởng Cục Viễn thông, Cục trưởng Cục Tần số vô tuyến điện có quyền:", "Cục trưởng Cục Viễn thông, Cục trưởng Cục Tần số vô tuyến điện"},
		{"Cục trưởng Cục Quản lý thị trường có thẩm quyền xử phạt vi phạm hành chính.", "Cục trưởng Cục Quản lý thị trường"},
		{"Cục Tần số vô tuyến điện có quyền thu hồi giấy phép.", "Cục Tần số vô tuyến điện"},
	}
	for _, tt := range tests {
		checkForms(t, tt.text, tt.agency)
	}
}
