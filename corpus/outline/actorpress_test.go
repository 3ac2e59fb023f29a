package outline

import (
	"slices"
	"testing"
)

// TestActorsPressAndReports: the press named as a whole is the media a
// parent names by its outlets (Đài, Thông tấn xã, Báo …), and a task
// opening with "Báo cáo" reports: it is no newspaper's. Lines written for
// the test.
func TestActorsPressAndReports(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Các cơ quan báo chí, truyền thông tăng cường phổ biến kiến thức phòng cháy, chữa cháy.", []string{"media"}},
		{"Cơ quan báo chí của tỉnh mở chuyên mục về an toàn giao thông.", []string{"media"}},
		{"Các cơ quan thông tấn, báo chí Trung ương đưa tin kịp thời về đợt rét đậm.", []string{"media"}},
		{"Báo Quảng Ninh, Đài Phát thanh và Truyền hình tỉnh đưa tin thường xuyên.", []string{"media"}},
		{"Báo cáo kết quả thực hiện về Sở Y tế trước ngày 15 tháng 12.", nil},
		{"Báo cáo Ủy ban nhân dân tỉnh tình hình thu hoạch lúa hằng tuần.", nil},
		{"Các cơ quan, đơn vị chủ động rà soát thủ tục hành chính.", nil},
		{"Thông tấn xã Việt Nam phát bản tin cảnh báo sớm.", []string{"media"}},
		{"Đài PTTH tỉnh, Đài THVN, TTXVN thường trú đưa tin.", []string{"media"}},
	}
	for _, tt := range tests {
		if got := actors(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("actors(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestActorsGenericAddressees: "Bộ trưởng, Thủ trưởng cơ quan ngang bộ,
// cơ quan thuộc Chính phủ" address every ministry: no domain of their own
// (not a ministry named "Thủ trưởng"). Lines written for the test.
func TestActorsGenericAddressees(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ rà soát quy hoạch đê điều.", nil},
		{"Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ chỉ đạo cắt giảm thủ tục.", nil},
		{"Bộ Công an, Thủ trưởng các cơ quan ngang bộ bảo đảm an ninh mạng.", []string{"police"}},
		{"Bộ Tư pháp: Bộ trưởng, các Thứ trưởng và các vụ thuộc Bộ;", []string{"tu phap"}},
		{"Thủ trưởng các sở, ban, ngành tổ chức quán triệt.", nil},
		{"Bộ trưởng Bộ Công Thương chỉ đạo bảo đảm cung ứng xăng dầu.", []string{"cong thuong"}},
	}
	for _, tt := range tests {
		if got := actors(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("actors(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
