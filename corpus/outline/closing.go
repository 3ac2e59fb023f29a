package outline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
)

// Closing provisions: every legal text ends by saying when it takes
// effect and what it replaces ("Thông tư này có hiệu lực thi hành kể từ
// ngày …", "Thông tư này thay thế Thông tư số …", "Nghị định số … hết
// hiệu lực kể từ ngày Nghị định này có hiệu lực"). An implementing text's
// closing clause implements nothing of its parent, and the parent's
// closing clause is nothing a plan carries out; the two share their
// boilerplate words, so unchecked they link to each other. With Closing
// set, such an item links to nothing (it is an item still, offered for
// linking: the decision is "implements nothing") and such a passage is no
// target.

// closingClause reports whether text is a closing provision: one of its
// sentences states its own document's effect (cite.StatesOwnEffect) or
// ends another document's (a reference it replaces, repeals or lets
// expire), and none assigns a task. Quoted text is another document's (an
// amendment restating the amended text's closing article) and is left
// out. A task verb before the reference makes the repeal a task ("Sở Tư
// pháp rà soát, bãi bỏ Quyết định số …"), and a sentence that assigns a
// task beside a repeal ("Bãi bỏ Quyết định số …; giao Sở Tư pháp chủ trì
// …") makes the passage one to carry out. The execution formula
// ("… chịu trách nhiệm thi hành Quyết định này") assigns nothing.
func closingClause(text string) bool {
	text = unwrapped(unquoted(text))
	ss := Sentences(text)
	// Most texts close nothing: look for a closing sentence first.
	kind := make([]int8, len(ss)) // 1 own effect, 2 ends another's effect
	at := make([]int, len(ss))
	closing := false
	for i, s := range ss {
		if cite.StatesOwnEffect(s) || citedReplaced(s) || adoptedSelf(s) || disseminatedSelf(s) {
			kind[i], closing = 1, true
		} else if a, ok := endsEffectAt(s); ok {
			kind[i], at[i], closing = 2, a, true
		}
	}
	if !closing {
		return false
	}
	for i, s := range ss {
		switch kind[i] {
		case 2:
			if assignsTask(s[:at[i]]) {
				return false
			}
		case 0:
			if assignsTask(s) && !executionFormula(s) {
				return false
			}
		}
	}
	return true
}

// citedReplaced reports the closing sentence on the texts a document
// cites: "Trường hợp các văn bản quy phạm pháp luật được viện dẫn tại
// Thông tư này được sửa đổi, bổ sung hoặc thay thế … thì thực hiện theo
// …", "Khi các văn bản dẫn chiếu tại Quyết định này được sửa đổi, bổ
// sung, thay thế thì áp dụng theo văn bản mới": a condition ("trường
// hợp", "khi", "nếu") on "văn bản" cited ("viện dẫn", "dẫn chiếu") being
// amended or replaced ("sửa đổi", "thay thế"), then what applies ("áp
// dụng", "thực hiện"). It states how the text reads, no task; a task
// verb after "thì" makes it one.
func citedReplaced(s string) bool {
	if !strings.Contains(s, "dẫn") && !strings.Contains(s, "DẪN") {
		return false // most sentences, without folding them (the store's text is NFC)
	}
	f := " " + strings.Join(strings.Fields(taskPunct.Replace(viet.Fold(s))), " ") + " "
	if !strings.Contains(f, " vien dan ") && !strings.Contains(f, " dan chieu ") {
		return false // most sentences
	}
	cond := -1
	for _, c := range []string{" truong hop ", " khi ", " neu "} {
		if i := strings.Index(f, c); i >= 0 && (cond < 0 || i < cond) {
			cond = i
		}
	}
	if cond < 0 || cond > 8 { // the condition opens the sentence (after its number)
		return false
	}
	then := strings.Index(f, " thi ")
	if then < 0 {
		return false
	}
	cited := f[:then+1] // its last word's space kept
	if !strings.Contains(cited, " van ban") || !strings.Contains(cited, " sua doi ") && !strings.Contains(cited, " thay the ") {
		return false
	}
	rest := f[then:]
	// What applies, and no task beside it: "thì Sở Tư pháp chủ trì rà
	// soát, tham mưu điều chỉnh Kế hoạch" assigns work (statesOwnTask, the
	// request's rule).
	return (strings.Contains(rest, " ap dung ") || strings.Contains(rest, " thuc hien ")) && !statesOwnTask(strings.Fields(rest))
}

// endsEffectAt returns the offset in s of the first reference whose
// effect s ends.
func endsEffectAt(s string) (int, bool) {
	if !cite.MayCite(s) {
		return 0, false
	}
	for _, r := range cite.ParseRefs(s) {
		if r.EndsEffect() {
			return r.Start, true
		}
	}
	return 0, false
}

// unquoted is text without its quoted spans (“…”, "…"); an unclosed quote
// runs to the end.
func unquoted(text string) string {
	if !strings.ContainsAny(text, "“\"") {
		return text
	}
	var b strings.Builder
	var close rune
	for _, r := range text {
		switch {
		case close != 0:
			if r == close {
				close = 0
			}
		case r == '“':
			close = '”'
		case r == '"':
			close = '"'
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unwrapped is text with each line break that ends no sentence (the line
// before it ends in no ".", ";", ":", "!" or "?") read as a space: an
// item of a hard-wrapped body ("3. Trường hợp các văn bản … được viện dẫn
// tại Thông tư này được" / "sửa đổi, bổ sung hoặc thay thế …") keeps its
// sentences whole for Sentences, which ends one at every line break.
func unwrapped(text string) string {
	wrapped := false
	for i := 1; i < len(text) && !wrapped; i++ {
		wrapped = text[i] == '\n' && !strings.ContainsRune(".;:!?\n", rune(text[i-1]))
	}
	if !wrapped {
		return text // most texts: no line break, or each ends a sentence
	}
	lines := strings.Split(text, "\n")
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		b.WriteString(l)
		if i == len(lines)-1 {
			break
		}
		if l == "" || strings.ContainsAny(l[len(l)-1:], ".;:!?") {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Sentences splits text after ";", a line end and a full stop before a
// space, each sentence keeping its mark.
func Sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == ';' || text[i] == '\n' || (text[i] == '.' && i+1 < len(text) && text[i+1] == ' ') {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// assignsTask reports a lower-case task verb (taskVerbs, or "giao") in s,
// as whole words. A sentence without a lower-case word (in capitals, or
// in Title Case) is read lower-cased: its names are no longer told from
// its verbs, and a name holding a verb ("SỞ XÂY DỰNG") reads as a task,
// which keeps the text one to carry out.
func assignsTask(s string) bool {
	s = caseView(s)
	w := " " + strings.Join(strings.Fields(taskPunct.Replace(s)), " ") + " "
	if strings.Contains(w, " giao ") {
		return true
	}
	for _, v := range taskVerbs {
		if strings.Contains(w, " "+v+" ") {
			return true
		}
	}
	return false
}

var taskPunct = strings.NewReplacer(",", " ", ":", " ", ".", " ", ";", " ")

// caseView is s in NFC with its canonical tone placement (viet.Lower's
// form, case kept), lower-cased when no word of it starts with a
// lower-case letter ("QUYẾT ĐỊNH NÀY …", "Quyết Định Này …").
func caseView(s string) string {
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return viet.Canon(s)
		}
	}
	return viet.Lower(s)
}

// executionFormula reports the closing line naming who executes the text:
// "Chánh Văn phòng …, Giám đốc các sở … chịu trách nhiệm thi hành Quyết
// định này".
func executionFormula(s string) bool {
	s = viet.Lower(s)
	return strings.Contains(s, "thi hành") && strings.Contains(s, " này")
}

// executionClause reports a text whose every sentence is the execution
// formula ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở …
// chịu trách nhiệm thi hành Quyết định này."): it names who executes the
// text and assigns nothing of its own.
func executionClause(text string) bool {
	ss := Sentences(unquoted(text))
	for _, s := range ss {
		if !executionFormula(s) {
			return false
		}
	}
	return len(ss) > 0
}

// transitionalTitles open the titles of the articles that hold a legal
// text's transitional provisions ("Điều 6. Điều khoản chuyển tiếp",
// "Điều 42. Quy định chuyển tiếp", "Điều 15. Xử lý chuyển tiếp"), folded.
var transitionalTitles = []string{"dieu khoan chuyen tiep", "quy dinh chuyen tiep", "xu ly chuyen tiep"}

// transitionalArticle reports an article of transitional provisions: what
// was begun under the rules before the text took effect carries on under
// them ("Các hồ sơ đã nộp trước ngày Nghị định này có hiệu lực thi hành
// thì tiếp tục …"). Like a statement of effect it is a closing provision
// of the text's own, whatever its words: an implementing text's carries
// out nothing of its parent, a parent's is nothing to carry out.
func transitionalArticle(s *Section) bool {
	if !articleID(s.ID) {
		return false
	}
	f := strings.TrimLeft(viet.Fold(s.Title), " *#") // any case, NFC or NFD
	for _, t := range transitionalTitles {
		if strings.HasPrefix(f, t) {
			return true
		}
	}
	return false
}

// ClosingItem reports a closing provision among an outline's items: its
// text is one (closingClause) or its article is transitional.
func (o *Outline) ClosingItem(i int) bool {
	it := &o.Items[i]
	return transitionalArticle(&o.Sections[it.Section]) || closingClause(it.Text)
}

// ClosingPassage is ClosingItem for a passage of o.
func (o *Outline) ClosingPassage(ps *Passage) bool {
	return transitionalArticle(&o.Sections[ps.Section]) || closingClause(ps.Text)
}
