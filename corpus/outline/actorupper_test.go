package outline

import (
	"slices"
	"testing"
)

// TestActorsUpperCase: a text written in capitals (a heading, a telegram's
// lead, a scanned cover) names the same agencies with the same keys as in
// sentence case — a word in capitals is no abbreviation there unless it
// is marked as one ("GD&ĐT", "LĐ-TB&XH"). Robustness's case-upper variant
// lost two of set 1's right links when "TÀI CHÍNH" keyed as "tai". A
// head's word inside a name in capitals ("VỤ" of "SỞ NỘI VỤ", "BỘ" of "VỤ
// TỔ CHỨC CÁN BỘ") is the name's, as its lower-case form is, and the
// name ends where its lower-case form does: at the clause's verb ("SỞ
// NỘI VỤ CHỦ TRÌ" keyed "noi", "chu tri").
func TestActorsUpperCase(t *testing.T) {
	tests := []struct{ lower, upper string }{
		{"Sở Xây dựng chủ trì rà soát quy hoạch.", "SỞ XÂY DỰNG CHỦ TRÌ RÀ SOÁT QUY HOẠCH."},
		{"Sở Tài chính bố trí kinh phí thực hiện.", "SỞ TÀI CHÍNH BỐ TRÍ KINH PHÍ THỰC HIỆN."},
		{"Sở Giao thông vận tải kiểm tra bến khách ngang sông.", "SỞ GIAO THÔNG VẬN TẢI KIỂM TRA BẾN KHÁCH NGANG SÔNG."},
		{"Sở GD&ĐT chỉ đạo các trường học.", "SỞ GD&ĐT CHỈ ĐẠO CÁC TRƯỜNG HỌC."},
		{"Sở LĐ-TB&XH, Sở Y tế rà soát đối tượng.", "SỞ LĐ-TB&XH, SỞ Y TẾ RÀ SOÁT ĐỐI TƯỢNG."},
		{"Sở Nội vụ chủ trì, phối hợp với các sở, ngành thẩm định đề án vị trí việc làm.", "SỞ NỘI VỤ CHỦ TRÌ, PHỐI HỢP VỚI CÁC SỞ, NGÀNH THẨM ĐỊNH ĐỀ ÁN VỊ TRÍ VIỆC LÀM."},
		{"Sở Giáo dục và Đào tạo chủ trì tổ chức kỳ thi tuyển sinh lớp 10.", "SỞ GIÁO DỤC VÀ ĐÀO TẠO CHỦ TRÌ TỔ CHỨC KỲ THI TUYỂN SINH LỚP 10."},
		{"Bộ Nội vụ hướng dẫn việc sắp xếp đơn vị sự nghiệp công lập.", "BỘ NỘI VỤ HƯỚNG DẪN VIỆC SẮP XẾP ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP."},
		{"Vụ Pháp chế thẩm định dự thảo thông tư trước ngày 15/10.", "VỤ PHÁP CHẾ THẨM ĐỊNH DỰ THẢO THÔNG TƯ TRƯỚC NGÀY 15/10."},
		{"Sở Nội vụ, Sở Tài chính phối hợp rà soát biên chế.", "SỞ NỘI VỤ, SỞ TÀI CHÍNH PHỐI HỢP RÀ SOÁT BIÊN CHẾ."},
		{"Sở Công Thương xây dựng kế hoạch kiểm tra thị trường dịp Tết.", "SỞ CÔNG THƯƠNG XÂY DỰNG KẾ HOẠCH KIỂM TRA THỊ TRƯỜNG DỊP TẾT."},
		{"Sở Xây dựng chủ trì rà soát nhà ở xã hội.", "SỞ XÂY DỰNG CHỦ TRÌ RÀ SOÁT NHÀ Ở XÃ HỘI."},
		{"Ủy ban nhân dân các huyện chỉ đạo các xã ra quân dọn vệ sinh.", "ỦY BAN NHÂN DÂN CÁC HUYỆN CHỈ ĐẠO CÁC XÃ RA QUÂN DỌN VỆ SINH."},
		{"Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh bố trí lực lượng ứng trực.", "CÔNG AN TỈNH, BỘ CHỈ HUY QUÂN SỰ TỈNH BỐ TRÍ LỰC LƯỢNG ỨNG TRỰC."},
	}
	for _, tt := range tests {
		lo, up := actors(tt.lower), actors(tt.upper)
		if len(lo) == 0 || !slices.Equal(lo, up) {
			t.Errorf("actors(%q) = %q, actors(%q) = %q: want the same, not empty", tt.lower, lo, tt.upper, up)
		}
	}
}

// TestAgencyWordsUpperHeadings: a heading in capitals is read whole when
// its words after "CÁC" are nouns, no verb ("… VÀ CÁC TỔ CHỨC THÀNH
// VIÊN"; the dump over govdocs found it cut at "CÁC"). Lines written for
// the test.
func TestAgencyWordsUpperHeadings(t *testing.T) {
	tests := []struct {
		text  string
		named int
	}{
		{"MẶT TRẬN TỔ QUỐC VIỆT NAM VÀ CÁC TỔ CHỨC THÀNH VIÊN", 12},
		{"BỘ XÂY DỰNG", 3},
		{"SỞ NỘI VỤ CHỦ TRÌ THẨM ĐỊNH.", 3},
	}
	for _, tt := range tests {
		if _, n := AgencyWords(tt.text); n != tt.named {
			t.Errorf("AgencyWords(%q) names %d words, want %d", tt.text, n, tt.named)
		}
	}
}
