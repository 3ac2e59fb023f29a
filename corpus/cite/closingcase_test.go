package cite

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestStatesOwnEffectCase: a statement of effect reads the same in
// capitals, in Title Case and decomposed (NFD). The NFD lines are real
// lines of 35/2026/TT-BXD and 15/2026/TT-BYT (../shared/data/govdocs, NFD
// in their source, outside the linking dev sets); the capitals and Title
// Case are those lines as older and scanned texts set a clause (no such
// closing clause is in our stores).
func TestStatesOwnEffectCase(t *testing.T) {
	titleCase := func(s string) string {
		ws := strings.Fields(s)
		for i, w := range ws {
			r := []rune(w)
			ws[i] = strings.ToUpper(string(r[0])) + string(r[1:])
		}
		return strings.Join(ws, " ")
	}
	for _, line := range []string{
		"1. Thông tư này có hiệu lực từ ngày 15 tháng 8 năm 2026.",
		"1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.",
		"Quyết định này có hiệu lực kể từ ngày ký.",
	} {
		for _, s := range []string{line, strings.ToUpper(line), titleCase(line), norm.NFD.String(line), norm.NFD.String(strings.ToUpper(line))} {
			if !StatesOwnEffect(s) {
				t.Errorf("StatesOwnEffect(%q) = false, want true", s)
			}
		}
	}
	for _, s := range []string{
		"GIẤY PHÉP CÒN HIỆU LỰC ĐƯỢC TIẾP TỤC SỬ DỤNG.",
		"NGHỊ ĐỊNH SỐ 38/2019/NĐ-CP CÓ HIỆU LỰC TỪ NGÀY 01 THÁNG 7 NĂM 2019.", // another document's
		norm.NFD.String("d) Bị kết tội bằng bản án đã có hiệu lực pháp luật của Tòa án kể từ ngày"),
		"Phiếu Hiệu Lực Cao", // no statement
	} {
		if StatesOwnEffect(s) {
			t.Errorf("StatesOwnEffect(%q) = true, want false", s)
		}
	}
}
