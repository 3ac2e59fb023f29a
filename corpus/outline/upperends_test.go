package outline

import (
	"strings"
	"testing"
)

// TestUpperEndsName: in capitals a word ends a name where its lower-case
// form would; a word carrying a comma is no verb whose object follows
// ("CÔNG TRÌNH, VỤ …": not "trình Vụ"), and a verb a Cục's or Vụ's name
// holds as its work is the name's (UpperHoldsVerb), a Sở's not. Lines
// written for the test.
func TestUpperEndsName(t *testing.T) {
	tests := []struct {
		name, rest  string
		ends, holds bool
	}{
		{"SỞ TÀI CHÍNH", "BỐ TRÍ KINH PHÍ", true, false},
		{"CỤC QUẢN LÝ XÂY DỰNG CÔNG", "TRÌNH, VỤ KẾ HOẠCH TÀI CHÍNH PHỐI HỢP", false, false},
		{"SỞ CÔNG THƯƠNG", "TRÌNH ỦY BAN NHÂN DÂN TỈNH", true, false},
		{"CỤC QUẢN LÝ", "XÂY DỰNG CÔNG TRÌNH ĐỀ XUẤT", true, true},
		{"CỤC QUẢN LÝ", "XÂY DỰNG CÔNG TRÌNH", true, true},
		{"VỤ KẾ HOẠCH", "GIÁM SÁT ĐẦU TƯ CHỦ TRÌ", true, true},
		{"CỤC HỢP TÁC QUỐC TẾ", "XÂY DỰNG KẾ HOẠCH HỢP TÁC", true, false},
		{"SỞ CÔNG THƯƠNG", "XÂY DỰNG MẠNG LƯỚI BÁN LẺ", true, false},
		{"SỞ TÀI CHÍNH", "QUẢN LÝ NGUỒN VỐN", true, false},
		{"Cục Quản lý", "xây dựng công trình", false, false},
		{"CỤC THUẾ", "QUẢN LÝ THU THUẾ ĐỐI VỚI HỘ KINH DOANH.", true, false},
		{"CỤC HẢI QUAN", "QUẢN LÝ CHẶT CHẼ HÀNG HÓA NHẬP KHẨU QUA CỬA KHẨU.", true, false},
		{"CỤC HỢP TÁC", "XÂY DỰNG MẠNG LƯỚI ĐỐI TÁC QUỐC TẾ.", true, false},
		{"CỤC QUẢN LÝ", "XÂY DỰNG CÔNG TRÌNH, VỤ KẾ HOẠCH TÀI CHÍNH PHỐI HỢP", true, true},
	}
	for _, tt := range tests {
		name, rest := strings.Fields(tt.name), strings.Fields(tt.rest)
		if got := UpperEndsName(name[len(name)-1], rest); got != tt.ends {
			t.Errorf("UpperEndsName(%q, %q) = %v, want %v", name[len(name)-1], tt.rest, got, tt.ends)
		}
		if got := UpperHoldsVerb(name, rest); got != tt.holds {
			t.Errorf("UpperHoldsVerb(%q, %q) = %v, want %v", tt.name, tt.rest, got, tt.holds)
		}
	}
}

// TestHeadAlone: heads that name their agency by themselves, as
// actorWords keys them, and heads that take a name.
func TestHeadAlone(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{"TỈNH ĐOÀN", true},
		{"Tỉnh đoàn", true},
		{"UBND", true},
		{"CÔNG AN", true},
		{"HỘI NÔNG DÂN", true},
		{"BỘ", false},
		{"SỞ", false},
		{"BỘ CHỈ HUY", false},
		{"BAN", false},
		{"TỈNH ĐOÀN CHỦ", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := HeadAlone(strings.Fields(tt.head)); got != tt.want {
			t.Errorf("HeadAlone(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}
