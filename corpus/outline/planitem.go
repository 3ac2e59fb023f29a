package outline

// What an item is for the linker: offered for linking, or only the name
// of an agency.

import (
	"strings"
	"unicode"

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
	from := named
	if named >= 2 && startsLower(toks[named-1]) && viet.StartsUpper(toks[named-2]) {
		from = named - 1
	}
	// The words are substrings of the text (no copy; a line's words fit
	// the buffer on the stack), lowered only when viet.Lower changes them.
	var buf [48]string
	ws := buf[:0]
	for _, tok := range toks[from:] {
		ws = appendTaskWords(ws, tok)
	}
	for i, w := range ws {
		if startsLower(w) {
			ws[i] = viet.Lower(w)
		}
	}
	var pbuf [4]string
	pw := appendTaskWords(pbuf[:0], toks[from-1])
	prevBan := len(pw) == 1 && isBan(pw[0])
	for i := range ws {
		for _, vs := range taskVerbWords {
			if !wordsAt(ws, i, vs) {
				continue
			}
			ban := prevBan // the word before the verb
			if i > 0 {
				ban = isBan(ws[i-1])
			}
			if !ban {
				return true
			}
		}
	}
	return false
}

// taskVerbWords are taskVerbs cut into their words, once.
var taskVerbWords = func() [][]string {
	vs := make([][]string, len(taskVerbs))
	for i, v := range taskVerbs {
		vs[i] = strings.Fields(v)
	}
	return vs
}()

// appendTaskWords appends the words of s to ws, cut at white space and at
// the marks ",", ";", ".", ":" (a name's or a verb's word never holds
// them), as substrings of s.
func appendTaskWords(ws []string, s string) []string {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) || r == ',' || r == ';' || r == '.' || r == ':' {
			if start >= 0 {
				ws = append(ws, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		ws = append(ws, s[start:])
	}
	return ws
}

// wordsAt reports whether ws holds the words vs from index i on.
func wordsAt(ws []string, i int, vs []string) bool {
	if i+len(vs) > len(ws) {
		return false
	}
	for k, v := range vs {
		if ws[i+k] != v {
			return false
		}
	}
	return true
}

// isBan reports the word "Ban" (a board: "Ban chỉ đạo" is a name).
func isBan(w string) bool { return w == "Ban" || w == "ban" }
