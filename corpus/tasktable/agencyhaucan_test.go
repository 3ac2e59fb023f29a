package tasktable

import (
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// TestAgencyCellModalCompound: "Hậu cần" (logistics) is one word whose
// second syllable is the modal "cần": before any word, not only an
// agency's head (i28-rev-tasks' Left), the cell keeps it, and a modal
// after it still ends the name. Each row in every form (sentence case,
// capitals, NFD, the other tone placement); lines written for the test in
// the shapes of military-region and provincial plans.
func TestAgencyCellModalCompound(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"Cục Hậu cần Quân khu 5 chủ trì bảo đảm vật chất cho diễn tập.", "Cục Hậu cần Quân khu 5"},
		{"Cục Hậu cần chủ trì bảo đảm vật chất cho diễn tập.", "Cục Hậu cần"},
		{"Tổng cục Hậu cần cần bảo đảm đủ lương thực cho đơn vị.", "Tổng cục Hậu cần"},
		{"Cục Hậu cần - Kỹ thuật chủ trì kiểm tra kho tàng.", "Cục Hậu cần - Kỹ thuật"},
		// guards: the modal after any other word ends the name
		{"Cục Thuế cần hướng dẫn người nộp thuế quyết toán.", "Cục Thuế"},
		{"Sở Y tế cần chủ động phòng chống dịch.", "Sở Y tế"},
	}
	for _, tt := range tests {
		checkForms(t, tt.text, tt.agency)
	}
	for _, s := range forms("CỤC HẬU CẦN CHỦ TRÌ BẢO ĐẢM VẬT CHẤT CHO DIỄN TẬP.") {
		if keys, _, _ := outline.ActorWords(s); len(keys) != 1 || keys[0] != "hau can" {
			t.Errorf("ActorWords(%q) keys = %q, want [hau can]", s, keys)
		}
	}
}

// TestAgencyCellCapitalsNameOnly: a sentence in capitals that is only an
// agency's name and its place ("CÔNG AN TỈNH QUẢNG NAM.", an item naming
// who acts) keeps the place: subjectCut cuts a verb no table holds after
// the level, which runs longer than a place's two words ("BAN DÂN TỘC
// TỈNH THĂM HỎI GIA ĐÌNH CHÍNH SÁCH."). Lines written for the test.
func TestAgencyCellCapitalsNameOnly(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"CÔNG AN TỈNH QUẢNG NAM.", "CÔNG AN TỈNH QUẢNG NAM"},
		{"UBND TỈNH LẠNG SƠN.", "UBND TỈNH LẠNG SƠN"},
		{"SỞ Y TẾ TỈNH KON TUM.", "SỞ Y TẾ TỈNH KON TUM"},
		// guards: a verb and its object after the level are cut as before
		{"BAN DÂN TỘC TỈNH THĂM HỎI GIA ĐÌNH CHÍNH SÁCH.", "BAN DÂN TỘC TỈNH"},
		{"BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH TUẦN TRA BIÊN GIỚI.", "BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG TỈNH"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}

// TestAgencyCellModalPlace: a place whose first syllable is the modal
// "cần" (Cần Thơ, Cần Giờ, Cần Giuộc, Cần Đước) stays the name's in
// capitals, where every word reads as capitalised and "CẦN" was read as
// the modal ending the name ("CÔNG AN THÀNH PHỐ CẦN THƠ CHỦ TRÌ …" gave
// "CÔNG AN THÀNH PHỐ"; i29-rev-outline). Sentence case rows are guards
// (the place's capital kept them whole). The modal after the place still
// ends the name. Lines written for the test.
func TestAgencyCellModalPlace(t *testing.T) {
	tests := []struct{ text, agency string }{
		{"CÔNG AN THÀNH PHỐ CẦN THƠ CHỦ TRÌ BẢO ĐẢM AN NINH.", "CÔNG AN THÀNH PHỐ CẦN THƠ"},
		{"UBND HUYỆN CẦN GIỜ CHỦ TRÌ TRIỂN KHAI TRỒNG RỪNG NGẬP MẶN.", "UBND HUYỆN CẦN GIỜ"},
		{"SỞ Y TẾ CẦN THƠ CHỦ TRÌ PHÒNG CHỐNG DỊCH.", "SỞ Y TẾ CẦN THƠ"},
		{"UBND HUYỆN CẦN GIUỘC PHỐI HỢP THỰC HIỆN.", "UBND HUYỆN CẦN GIUỘC"},
		{"Công an thành phố Cần Thơ chủ trì bảo đảm an ninh.", "Công an thành phố Cần Thơ"},
		{"Ủy ban nhân dân huyện Cần Giờ chủ trì triển khai.", "Ủy ban nhân dân huyện Cần Giờ"},
		// guards: the modal before another word ends the name
		{"SỞ Y TẾ CẦN CHỦ ĐỘNG PHÒNG CHỐNG DỊCH.", "SỞ Y TẾ"},
		{"CÔNG AN THÀNH PHỐ CẦN THƠ CẦN TĂNG CƯỜNG TUẦN TRA.", "CÔNG AN THÀNH PHỐ CẦN THƠ"},
	}
	for _, tt := range tests {
		if got := agencyText(tt.text); got != tt.agency {
			t.Errorf("agencyText(%q) = %q, want %q", tt.text, got, tt.agency)
		}
	}
}
