package tasks

import "testing"

func TestMatchName(t *testing.T) {
	tests := []struct {
		query, name string
		want        bool
	}{
		{"Sở Y tế", "Sở Y tế", true},
		{"so y te", "Sở Y tế tỉnh Phú An", true},
		{"SỞ Y TẾ", "Sở Y tế", true},
		{"y te", "Bộ Y tế", true},
		{"Sở Y tế", "Bộ Y tế", false},
		{"UBND", "Ủy ban nhân dân huyện Tân Phú", true},
		{"ubnd huyện", "UBND các huyện, thành phố", true},
		{"Ủy ban nhân dân các huyện", "UBND các huyện", true},
		{"Sở TN&MT", "Sở Tài nguyên và Môi trường", true},
		{"so tnmt", "Sở Tài nguyên và Môi trường", true},
		{"Sở Tài nguyên và Môi trường", "Sở TN-MT", true},
		{"GD&ĐT", "Sở Giáo dục và Đào tạo", true},
		{"Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch", true},
		{"NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn", true},
		{"Sở Nông nghiệp", "Sở Nông nghiệp và Môi trường", true},
		{"so thong tin va truyen thong", "Sở Thông tin và Truyền thông", true},
		{"uy ban nhan dan huyen", "UBND huyện Tân Phú", true},
		{"HĐND", "Thường trực Hội đồng nhân dân tỉnh", true},
		{"Sở Tài chính", "Sở Tài nguyên và Môi trường", false},
		{"TNMT", "Sở Tài chính", false},
		{"công an", "Công an tỉnh", true},
		{"Công an tỉnh", "Bộ Công an", false},
		{"", "Sở Y tế", true},
		{"Sở Y tế", "", false},
	}
	for _, tt := range tests {
		if got := matchName(nameUnits(tt.query), nameUnits(tt.name)); got != tt.want {
			t.Errorf("match(%q, %q) = %v, want %v", tt.query, tt.name, got, tt.want)
		}
	}
}
