package outline

import (
	"slices"
	"strings"
	"testing"
)

// TestAddressees: the entries of a "Kính gửi:" block, written for the
// test in the shapes letters give it.
func TestAddressees(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"SỞ TÀI CHÍNH\nKính gửi: Ủy ban nhân dân các xã.\nNội dung", []string{"Ủy ban nhân dân các xã"}},
		{"Kính gửi:\n- Các sở, ban, ngành;\n- UBND các xã, phường.\nThực hiện …", []string{"Các sở, ban, ngành", "UBND các xã, phường"}},
		{"Kính gửi:\n- Phòng Kinh tế; - Phòng Văn hóa - Xã hội.\nThực hiện …", []string{"Phòng Kinh tế", "Phòng Văn hóa - Xã hội"}},
		{"Kính gửi:\nBộ Tài chính\nThực hiện …", []string{"Bộ Tài chính"}},
		{"**Kính gửi:** Sở Nội vụ\n", []string{"Sở Nội vụ"}},
		{"Đồng kính gửi: Sở Nội vụ\n", nil},
		{"Điều 1. Kính gửi lời chúc", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Addressees(tt.body); !slices.Equal(got, tt.want) {
			t.Errorf("Addressees(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

// FuzzAddressees: any body gives entries that are non-empty pieces of
// the body, never a panic.
func FuzzAddressees(f *testing.F) {
	for _, s := range []string{"Kính gửi:\n- Các sở, ban, ngành;\n- UBND các xã.\n", "Kính gửi: Sở Y tế.", "**Kính gửi:** ;;-", "Kính gửi:\n\n\n-", "kinh gui:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, e := range Addressees(body) {
			if e == "" || !strings.Contains(body, e) {
				t.Fatalf("Addressees(%q): entry %q", body, e)
			}
		}
	})
}
