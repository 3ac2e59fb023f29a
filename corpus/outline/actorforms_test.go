package outline

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestActorsForms: the keys linking reads (actors) of a line written in
// capitals, NFD or with the other tone placement are its sentence-case
// form's: a head whose word carries a comma takes no name after it ("CÁC
// SỞ, BAN, NGÀNH" keyed "ban", "nganh" in capitals; none in sentence
// case), and a Bộ after a Cục's or Vụ's name in capitals is the ministry
// it belongs to, keyed as in sentence case ("CỤC THUẾ BỘ TÀI CHÍNH" keyed
// "thue", "tai chinh"; the base keyed "thue bo"). Lines written for the test.
func TestActorsForms(t *testing.T) {
	tests := []struct {
		line string
		keys []string
	}{
		{"Các sở, ban, ngành chủ trì triển khai kế hoạch.", nil},
		{"Các bộ, ngành hướng dẫn thực hiện thống nhất.", nil},
		{"Các sở, ban, ngành, Ủy ban nhân dân các huyện rà soát thủ tục hành chính.", nil},
		{"Cục Thuế Bộ Tài chính hướng dẫn kê khai thuế điện tử.", []string{"thue", "tai chinh"}},
		{"Vụ Pháp chế Bộ Tư pháp thẩm định dự thảo.", []string{"phap che", "tu phap"}},
		{"Các cơ quan báo chí tuyên truyền sâu rộng kết quả Đại hội.", []string{"media"}},
		// guards: the Vụ's own word and the ministry after a title
		{"Vụ Tổ chức cán bộ chủ trì thẩm định.", []string{"to chuc"}},
		{"Sở Nội vụ, Sở Tài chính phối hợp rà soát biên chế.", []string{"noi vu", "tai chinh"}},
		{"Sở Nội vụ tỉnh bố trí biên chế.", []string{"noi vu"}},
	}
	for _, tt := range tests {
		up := strings.ToUpper(tt.line)
		for _, s := range []string{tt.line, up, norm.NFD.String(up), norm.NFD.String(tt.line)} {
			if got := actors(s); !slices.Equal(got, tt.keys) && !(len(got) == 0 && len(tt.keys) == 0) {
				t.Errorf("actors(%q) = %q, want %q", s, got, tt.keys)
			}
		}
	}
}

// TestUpperEndsGroup: a plural head keyed by itself names a group, no
// proper name after it; a head taking a name, a singular one or a word
// in sentence case is not one.
func TestUpperEndsGroup(t *testing.T) {
	tests := []struct {
		head, rest string
		want       bool
	}{
		{"CÁC CƠ QUAN BÁO CHÍ", "ĐƯA TIN VỀ HOẠT ĐỘNG", true},
		{"CÁC CƠ QUAN BÁO CHÍ", "TUYÊN TRUYỀN SÂU RỘNG", true},
		{"CÁC DOANH NGHIỆP", "ĐĂNG KÝ THAM GIA", true},
		{"Các cơ quan báo chí", "đưa tin", false},
		{"BÁO", "NHÂN DÂN ĐƯA TIN", false},
		{"CÁC SỞ", "Y TẾ, TÀI CHÍNH", false},
		{"CÁC CƠ QUAN BÁO CHÍ,", "ĐÀI PHÁT THANH", false},
	}
	for _, tt := range tests {
		if got := UpperEndsGroup(strings.Fields(tt.head), strings.Fields(tt.rest)); got != tt.want {
			t.Errorf("UpperEndsGroup(%q, %q) = %v, want %v", tt.head, tt.rest, got, tt.want)
		}
	}
	if !HeadAlone(strings.Fields("CÁC CƠ QUAN BÁO CHÍ")) {
		t.Errorf("HeadAlone(CÁC CƠ QUAN BÁO CHÍ) = false: a head of five words keyed by itself")
	}
}
