package cite

import "testing"

func TestStatesOwnEffect(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2025.", true},
		{"Quyết định này có hiệu lực kể từ ngày ký.", true},
		{"Giấy phép còn hiệu lực được tiếp tục sử dụng.", false},
		{"Nghị định số 38/2019/NĐ-CP có hiệu lực từ ngày 01 tháng 7 năm 2019.", false}, // another document's
	}
	for _, tt := range tests {
		if got := StatesOwnEffect(tt.text); got != tt.want {
			t.Errorf("StatesOwnEffect(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
