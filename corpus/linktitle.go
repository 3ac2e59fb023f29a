package corpus

// A heading that only names its section's kind. A plan's section title
// "PHÂN CÔNG NHIỆM VỤ" or "NHIỆM VỤ, GIẢI PHÁP" says what kind of section
// it is (sectionKind reads the same words), not what its items are about;
// as query context it adds "nhiệm vụ" to every item under it, which meets
// the "theo chức năng, nhiệm vụ" of a parent's general paragraphs (a hub)
// and not the task the item implements. With KindContext < QueryContext,
// such a heading weighs KindContext in an item's query, as an agency
// heading weighs AgencyContext; a title with a topic ("PHẠM VI, ĐỐI
// TƯỢNG, NHU CẦU, PHƯƠNG ÁN HỖ TRỢ", "VỀ HOÀN THIỆN THỂ CHẾ") stays.

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// kindWords are the folded words of section-kind titles (sectionKind's
// phrases) and the words that go with them in such titles.
var kindWords = map[string]bool{}

func init() {
	for _, p := range []string{
		"to chuc thuc hien", "trach nhiem thuc hien", "che do bao cao", "kinh phi", "nguon luc", "nguon von",
		"nhiem vu", "giai phap", "noi dung", "phuong an", "phan cong", "hoat dong", "muc dich", "muc tieu",
		"yeu cau", "quan diem", "pham vi", "dinh huong", "chi tieu",
		"cac", "va", "trong tam", "chu yeu", "cu the", "thuc hien",
	} {
		for _, w := range strings.Fields(p) {
			kindWords[w] = true
		}
	}
}

// kindTitle reports a heading whose every word is a kind word: it names
// its section's kind and no topic.
func kindTitle(s string) bool {
	n := 0
	for _, w := range strings.FieldsFunc(viet.Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if !kindWords[w] {
			return false
		}
		n++
	}
	return n > 0
}
