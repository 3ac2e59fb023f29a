package tasktable

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/viet"
)

// TestAgencyCellUpperTail: a name whose sentence-case form goes on in
// lower case (the cell's nameTails: "Ban Quản lý dự án đầu tư xây dựng";
// a Cục's work: "Cục Quản lý xây dựng công trình") is read whole in
// capitals too: a verb inside its tail ("XÂY DỰNG") is the name's there,
// as it is in sentence case, not the clause's (UpperEndsName cut both at
// "XÂY DỰNG"). Guards: a Sở's verb still ends its name in capitals. Lines
// written for the test in the shapes of provincial plans and ministry
// letters.
func TestAgencyCellUpperTail(t *testing.T) {
	tests := []string{
		"Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì lập hồ sơ mời thầu.",
		"Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh chủ trì bàn giao mặt bằng.",
		"Cục Quản lý xây dựng công trình đề xuất phương án xử lý.",
		"Cục Quản lý xây dựng công trình, Vụ Kế hoạch tài chính phối hợp.",
		// guards
		"Sở Tài chính bố trí kinh phí thực hiện kế hoạch.",
		"Sở Công Thương xây dựng kế hoạch kiểm tra thị trường dịp Tết.",
		"Sở Xây dựng chủ trì rà soát nhà ở xã hội.",
		"Ban Quản lý các khu công nghiệp tỉnh chủ trì kiểm tra.",
	}
	for _, lo := range tests {
		up := strings.ToUpper(lo)
		want := agencyText(lo)
		if want == "" {
			t.Fatalf("agencyText(%q) names none", lo)
		}
		if got := agencyText(up); viet.Lower(got) != viet.Lower(want) {
			t.Errorf("agencyText(%q) = %q, want %q as written", up, got, strings.ToUpper(want))
		}
	}
	// A heading alone: the name whole, as before the capitals rule.
	for _, h := range []string{"BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG TỈNH", "CỤC QUẢN LÝ XÂY DỰNG CÔNG TRÌNH"} {
		if got := agencyText(h); got != h {
			t.Errorf("agencyText(%q) = %q, want it whole", h, got)
		}
	}
}

// TestAgencyCellUpperHeadAlone: a head that names its agency by itself
// ("Tỉnh đoàn", "Hội Nông dân") takes no name word, so in capitals
// the word right after it ends the name as its lower-case form would
// ("TỈNH ĐOÀN CHỦ TRÌ …" named "TỈNH ĐOÀN CHỦ TRÌ"); a head that takes a
// name keeps its first word ("BỘ XÂY DỰNG", "BỘ CHỈ HUY QUÂN SỰ TỈNH",
// "BAN CHỈ ĐẠO TỈNH"). Lines written for the test.
func TestAgencyCellUpperHeadAlone(t *testing.T) {
	tests := []string{
		"Tỉnh đoàn chủ trì tổ chức ra quân hưởng ứng Tháng Thanh niên.",
		"Tỉnh đoàn phối hợp với Sở Giáo dục và Đào tạo tổ chức trại hè.",
		"Hội Nông dân tỉnh phối hợp với Sở Nông nghiệp và Môi trường tập huấn.",
		// guards
		"Bộ Xây dựng chủ trì thẩm định thiết kế cơ sở.",
		"Bộ Chỉ huy Quân sự tỉnh chủ trì diễn tập khu vực phòng thủ.",
		"Ban Chỉ đạo tỉnh chủ trì kiểm tra.",
		"Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh bảo đảm an ninh.",
	}
	for _, lo := range tests {
		up := strings.ToUpper(lo)
		want := agencyText(lo)
		if want == "" {
			t.Fatalf("agencyText(%q) names none", lo)
		}
		if got := agencyText(up); viet.Lower(got) != viet.Lower(want) {
			t.Errorf("agencyText(%q) = %q, want %q as written", up, got, strings.ToUpper(want))
		}
	}
}
