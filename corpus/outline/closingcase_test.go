package outline

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestClosingCase: the closing checks read a clause and an article's
// title in capitals, in Title Case and decomposed (NFD) as they read them
// in sentence case. Real lines outside the linking dev sets: the
// statements of effect of 35/2026/TT-BXD and 15/2026/TT-BYT (NFD in their
// source), the execution formula of a circular of the Bộ Khoa học và Công
// nghệ and the transitional title
// of 244/2026/NĐ-CP ("## ĐIỀU KHOẢN CHUYỂN TIẾP"); their capitals and
// Title Case are written from them. A task set in capitals beside a
// statement of effect still makes the text one to carry out.
func TestClosingCase(t *testing.T) {
	forms := func(s string) []string {
		ws := strings.Fields(s)
		for i, w := range ws {
			r := []rune(w)
			ws[i] = strings.ToUpper(string(r[0])) + string(r[1:])
		}
		return []string{s, strings.ToUpper(s), strings.Join(ws, " "), norm.NFD.String(s), norm.NFD.String(strings.ToUpper(s))}
	}
	for _, line := range []string{
		"1. Thông tư này có hiệu lực từ ngày 15 tháng 8 năm 2026.",
		"1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.",
		"Thông tư này có hiệu lực kể từ ngày ký.\nChánh Văn phòng, Chủ tịch Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia, Thủ trưởng các cơ quan, đơn vị thuộc Bộ Khoa học và Công nghệ và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này./.",
	} {
		for _, s := range forms(line) {
			if !closingClause(s) {
				t.Errorf("closingClause(%q) = false, want true", s)
			}
		}
	}
	for _, s := range forms("Quyết định này có hiệu lực kể từ ngày ký; giao Sở Tư pháp chủ trì theo dõi việc thi hành.") {
		if closingClause(s) {
			t.Errorf("closingClause(%q) = true, want false (it assigns a task)", s)
		}
	}
	for _, s := range forms("Chánh Văn phòng, Chủ tịch Ủy ban Tiêu chuẩn Đo lường Chất lượng Quốc gia, Thủ trưởng các cơ quan, đơn vị thuộc Bộ Khoa học và Công nghệ và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này./.") {
		if !executionClause(s) {
			t.Errorf("executionClause(%q) = false, want true", s)
		}
	}
	for _, title := range []string{"Điều khoản chuyển tiếp", "Quy định chuyển tiếp", "Xử lý chuyển tiếp"} {
		for _, s := range forms(title) {
			if !transitionalArticle(&Section{ID: "Đ6", Title: s}) {
				t.Errorf("transitionalArticle(Đ6. %q) = false, want true", s)
			}
		}
	}
	for _, s := range forms("Chuyển tiếp dữ liệu giữa các hệ thống") {
		if transitionalArticle(&Section{ID: "Đ5", Title: s}) {
			t.Errorf("transitionalArticle(Đ5. %q) = true, want false", s)
		}
	}
}
