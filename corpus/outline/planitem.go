package outline

// What an item is for the linker: offered for linking, or only the name
// of an agency.

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// Linkable reports whether the item is offered for linking: it is in a
// task or organisation section (or a letter's points), is more than the
// name of an agency or company with nothing under it, and is no letter's
// closing or contact line (letterClosing, roles.go).
func (it *Item) Linkable() bool {
	if it.Kind != SectionTasks && it.Kind != SectionOrganisation {
		return false
	}
	return !it.nameOnly() && !letterClosing(it.Text)
}

// nameOnly reports an item that is the name of an agency or company and
// nothing else, with nothing under it. A short line that goes on from the
// name to what the agency does ("Bộ Y tế cấp phát thuốc sát khuẩn cho vùng
// ngập.") is a task, not a name (statesTask).
func (it *Item) nameOnly() bool {
	return !it.Heading && AgencyName(it.Text) && !statesTask(it.Text)
}

// taskVerbs are verbs that open what an agency is asked to do. Written in
// lower case they are a predicate: an agency's name capitalises its words
// ("Ủy ban Kiểm tra", "Ban Quản lý"), and the one lower-case name that
// holds one ("Ban chỉ đạo …") is excepted by the word before it.
var taskVerbs = []string{"chủ trì", "phối hợp", "tham mưu", "hướng dẫn", "triển khai", "thực hiện",
	"bố trí", "cấp phát", "bảo đảm", "đảm bảo", "khẩn trương", "tăng cường", "theo dõi", "rà soát",
	"kiểm tra", "chịu trách nhiệm", "có trách nhiệm", "chủ động", "tiếp tục", "khôi phục", "hỗ trợ",
	"ban hành", "báo cáo", "đôn đốc", "chỉ đạo", "tổ chức", "xử lý"}

// statesTask reports text in which a task verb follows the name of an
// agency the actor scanner reads (ActorWords: a head such as "Bộ",
// "Sở", "Công an" and its name), in lower case and not after "Ban"
// ("Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia" is a name). A verb
// inside a name the scanner does not read ("Trung tâm hỗ trợ doanh nghiệp
// nhỏ và vừa", "Đoàn kiểm tra liên ngành") describes the body's work and
// leaves the line a name. The verb may open on the name's last word when
// that is a lower-case syllable after a capitalised one: the scanner reads
// a name written whole on into it ("Bộ Công Thương chỉ đạo …" names "Bộ
// Công Thương chỉ"). Words are compared in their canonical spelling
// (viet.Lower: NFC, NFD, a tone decomposed on a precomposed vowel alike),
// lower case kept apart: a capitalised verb is a name's word.
func statesTask(text string) bool {
	_, toks, named := ActorWords(text)
	if named == 0 || named >= len(toks) {
		return false
	}
	clean := strings.NewReplacer(",", " ", ";", " ", ".", " ", ":", " ")
	from := named
	if named >= 2 && startsLower(toks[named-1]) && viet.StartsUpper(toks[named-2]) {
		from = named - 1
	}
	ws := strings.Fields(clean.Replace(strings.Join(toks[from:], " ")))
	for i, w := range ws {
		if startsLower(w) {
			ws[i] = viet.Lower(w)
		}
	}
	prev := strings.TrimSpace(clean.Replace(toks[from-1]))
	for i := range ws {
		for _, v := range taskVerbs {
			vs := strings.Fields(v)
			if i+len(vs) > len(ws) || strings.Join(ws[i:i+len(vs)], " ") != v {
				continue
			}
			before := prev
			if i > 0 {
				before = ws[i-1]
			}
			if before != "Ban" && before != "ban" {
				return true
			}
		}
	}
	return false
}
