package viet

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestHasTone: the five tones, precomposed or combining, in either case;
// shape marks (â ă ê ô ơ ư) and đ are no tone.
func TestHasTone(t *testing.T) {
	for in, want := range map[string]bool{
		"ĐIỀU": true, "Ngày": true, "CỦA": true, "tỉnh": true, "QUYẾT": true,
		"NGÃ": true, "nặng": true, "má": true,
		norm.NFD.String("ĐIỀU"): true, norm.NFD.String("tỉnh"): true,
		"UBND": false, "TƯ": false, norm.NFD.String("TƯ"): false, "Đ": false,
		"VĂN": false, "THEO": false, "BCĐ": false, "": false, "ơ â ê ô ă": false,
	} {
		if got := HasTone(in); got != want {
			t.Errorf("HasTone(%q) = %v, want %v", in, got, want)
		}
	}
}
