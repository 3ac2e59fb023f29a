package outline

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// decomposedTones writes the tone of a vowel that carries a hat or a horn
// as a combining mark after the precomposed vowel ("ộ" as "ô" + U+0323,
// "ế" as "ê" + U+0301): neither NFC nor NFD, as some PDF tools write it.
var decomposedTones = strings.NewReplacer(
	"ộ", "ô\u0323", "ế", "ê\u0301", "ỉ", "i\u0309", "ủ", "u\u0309", "ạ", "a\u0323",
	"ổ", "ô\u0309", "ả", "a\u0309", "ờ", "ơ\u0300", "ị", "i\u0323", "ệ", "ê\u0323",
)

// statesForms are the spellings of a line statesTask reads alike: NFC,
// NFD and the tones decomposed on precomposed vowels.
func statesForms(line string) []string {
	return []string{line, norm.NFD.String(line), decomposedTones.Replace(line)}
}

// TestStatesTaskForms: a task verb after an agency's name makes the line
// a task in every spelling (i28-part found "2. Bộ Công Thương chỉ đạo
// …" in NFD with no passage: the verbs were compared as NFC), including
// after a name whose last word is written whole ("Công Thương", which the
// actor scanner reads on into "chỉ"). Lines written for the test.
func TestStatesTaskForms(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Bộ Y tế chỉ đạo các bệnh viện bảo đảm thuốc, vật tư y tế.", true},
		{"Bộ Công Thương chỉ đạo các doanh nghiệp bình ổn giá mặt hàng thiết yếu.", true},
		{"Sở Công Thương chủ trì kiểm tra thị trường dịp Tết.", true},
		{"Sở Nông nghiệp và Môi trường hướng dẫn nông dân gieo cấy vụ Đông Xuân.", true},
		{"Ủy ban nhân dân các huyện tổ chức diễn tập phòng chống thiên tai.", true},
		// After a request's words, which the actor scanner drops in every
		// spelling (i30-rev-outline: "Yêu cầu " and "Đối với " were cut
		// only in NFC, so the NFD line named no agency).
		{"Yêu cầu Sở Y tế chủ trì kiểm tra an toàn thực phẩm dịp Tết.", true},
		{"Đề nghị Bộ Công an chỉ đạo lực lượng cảnh sát giao thông bảo đảm trật tự.", true},
		{"Đối với Ủy ban nhân dân các huyện tổ chức tuyên truyền phòng chống dịch.", true},
		// names, not tasks
		{"Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia.", false},
		{"Bộ Công Thương.", false},
		{"Sở Y tế", false},
	}
	for _, tt := range tests {
		for _, s := range statesForms(tt.line) {
			if got := statesTask(s); got != tt.want {
				t.Errorf("statesTask(%+q) = %v, want %v", s, got, tt.want)
			}
		}
	}
}

// TestPassagesNFD: a plan's item naming an agency and its task is a
// passage whatever the body's normalisation.
func TestPassagesNFD(t *testing.T) {
	body := "II. NHIỆM VỤ\n1. Bộ Y tế chỉ đạo cấp phát thuốc sát khuẩn cho vùng ngập.\n2. Bộ Công Thương chỉ đạo các doanh nghiệp bình ổn giá.\n3. Sở Y tế"
	for _, b := range statesForms(body) {
		var ids []string
		for _, p := range Parse(b).Passages() {
			ids = append(ids, p.ID)
		}
		if got := strings.Join(ids, " "); got != "II.1 II.2" {
			t.Errorf("passages of %+q = %q, want %q", b, got, "II.1 II.2")
		}
	}
}
