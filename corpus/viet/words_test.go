package viet

import "testing"

func TestWordCount(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"   ", 0},
		{"Sở Giáo dục và Đào tạo", 6},
		{"  Điều 5.\tTổ chức  thực hiện ", 6},
		{"UBND\u00a0tỉnh", 2},
	}
	for _, tt := range tests {
		if got := WordCount(tt.s); got != tt.want {
			t.Errorf("WordCount(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestStartsUpper(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"Sở", true}, {"Điều", true}, {"UBND", true}, {"Ủy", true},
		{"các", false}, {"đ)", false}, {"1.", false}, {"", false}, {"“Điều", false},
	}
	for _, tt := range tests {
		if got := StartsUpper(tt.w); got != tt.want {
			t.Errorf("StartsUpper(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}
