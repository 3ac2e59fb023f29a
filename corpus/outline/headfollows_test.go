package outline

import (
	"strings"
	"testing"
)

// TestHeadFollows: the one rule of another agency after a name's tail
// (listedTail here, the task table's names after a tail): a head written
// capitalised, in capitals too; not a lower-case group ("các sở"), a
// name's capitalised word that is no head ("Thể thao"), nothing.
func TestHeadFollows(t *testing.T) {
	tests := []struct {
		toks string
		want bool
	}{
		{"Vụ Pháp chế chủ trì", true},
		{"Ủy ban nhân dân tỉnh Hà Giang", true},
		{"Cục Quản lý chất lượng hướng dẫn", true},
		{"VỤ PHÁP CHẾ CHỦ TRÌ", true},
		{"Bộ Công an phối hợp", true},
		{"các sở, ngành phối hợp", false},
		{"Thể thao và Du lịch", false},
		{"định kỳ kiểm tra", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := HeadFollows(strings.Fields(tt.toks)); got != tt.want {
			t.Errorf("HeadFollows(%q) = %v, want %v", tt.toks, got, tt.want)
		}
	}
}
