package indexer

import (
	"strings"
	"testing"
)

// Lines written for the test, none from a collection the rule was tuned on.
func TestUnmarkedLine(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp thực hiện.", false},
		{"Uy ban nhan dan tinh giao So Tai chinh chu tri, phoi hop thuc hien.", true},
		{"| **Loai van ban** | Thong tu lien tich |", true},
		{"The Ministry of Finance shall guide the implementation of this Circular.", true},
		// a mark-free name in an accented line keeps the line
		{"KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Nguyen Van Binh ký thay", false},
		// decomposed marks (NFD) count
		{"U\u0309y ban nha\u0302n da\u0302n ti\u0309nh giao So\u031b\u0309 Ta\u0300i chi\u0301nh", false},
		// short lines are kept: a number, a code, a heading
		{"QCVN 01:2021/BXD", false},
		{"Dieu 5. Hieu luc", false},
		{"12/2026/TT-BTC", false},
		{"", false},
	} {
		if got := unmarkedLine(tt.line); got != tt.want {
			t.Errorf("unmarkedLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestExactText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Điều 1. Phạm vi điều chỉnh\nNghị định này quy định mức lương cơ sở.", "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định mức lương cơ sở."},
		{"Quy dinh muc luong co so doi voi can bo\nNghị định này quy định mức lương cơ sở.", "\nNghị định này quy định mức lương cơ sở."},
		{"Nghị định này quy định mức lương.\nQuy dinh muc luong co so doi voi can bo\nĐiều 2", "Nghị định này quy định mức lương.\n\nĐiều 2"},
		{"Nghị định này quy định mức lương.\nQuy dinh muc luong co so doi voi can bo", "Nghị định này quy định mức lương.\n"},
		{"Quy dinh muc luong co so doi voi can bo", ""},
		{"", ""},
	} {
		if got := exactText(tt.in); got != tt.want {
			t.Errorf("exactText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzExactText: the exact text is the text with some lines emptied.
func FuzzExactText(f *testing.F) {
	f.Add("Nghị định này quy định mức lương.\nQuy dinh muc luong co so doi voi can bo\nĐiều 2")
	f.Add("a\n\n\nb")
	f.Fuzz(func(t *testing.T, s string) {
		in, out := strings.Split(s, "\n"), strings.Split(exactText(s), "\n")
		if len(in) != len(out) {
			t.Fatalf("%d lines became %d", len(in), len(out))
		}
		for i := range in {
			if out[i] != in[i] && (out[i] != "" || !unmarkedLine(in[i])) {
				t.Fatalf("line %d %q became %q", i, in[i], out[i])
			}
		}
	})
}
