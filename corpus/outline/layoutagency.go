package outline

// Agency names: text that only names an agency or organisation, and an
// agency named before a colon at the start of an item.

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// orgWords start the name of an agency or organisation (viet.Lower: "sở"
// is an agency, "số" a number): an item whose own text is such a name and
// nothing else heads the tasks under it ("1. Sở Y tế:") or is a list entry
// ("1. Công ty Cổ phần…"), not a task.
var orgWords = []string{"bộ ", "sở ", "cục ", "vụ ", "ban ", "ủy ban", "ubnd", "hđnd", "công an", "công ty",
	"tổng công ty", "tập đoàn", "ngân hàng", "văn phòng", "thanh tra", "báo ", "đài ", "trường ", "viện ", "hội ",
	"đoàn ", "mặt trận", "liên minh", "hợp tác xã", "trung tâm", "tổng cục", "các sở", "các bộ", "các cơ quan",
	"các đơn vị", "các địa phương", "các doanh nghiệp", "đảng ủy", "tỉnh ủy", "thành ủy", "huyện ủy", "chủ tịch",
	"giám đốc", "thủ trưởng", "bộ trưởng", "kho bạc", "công đoàn", "phòng ", "quân đội", "lực lượng"}

// AgencyName reports text that is only the name of an agency (with a
// trailing colon or period): at most 15 words, starting with an
// organisation word, and no clause after a colon.
func AgencyName(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), ":.;")
	if t == "" || viet.WordCount(t) > headingWords || strings.Contains(t, ": ") {
		return false
	}
	f := viet.Lower(t) + " "
	f = strings.TrimPrefix(f, "đề nghị ")
	for _, w := range orgWords {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	return false
}

// inlineAgency splits "Đề nghị Công ty Điện lực Đắk Lắk: Khẩn trương kiểm
// tra…" into the agency and the task after the colon.
func inlineAgency(text string) (agency string, ok bool) {
	head, _, found := strings.Cut(text, ": ")
	if !found || !AgencyName(head) {
		return "", false
	}
	head = strings.TrimSpace(head)
	if h, ok := strings.CutPrefix(head, "Đề nghị "); ok {
		head = h
	}
	return head, true
}
