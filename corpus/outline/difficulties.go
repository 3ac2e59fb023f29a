package outline

import (
	"slices"
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
)

// The request that difficulties met in carrying out a text be reported:
// "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan, đơn vị kịp thời phản ánh về Bộ … để nghiên cứu,
// giải quyết", "Trường hợp phát sinh khó khăn, vướng mắc, các sở, ngành
// báo cáo Ủy ban nhân dân tỉnh (qua Sở …) để xem xét, chỉ đạo". Every
// legal text and most plans close with it. It closes an article whatever
// clause it follows (plantext.go), and in linking it asks for nothing of
// the parent's, whatever the parent says of its own difficulties
// (corpus/link); a text that also states a task ("tập trung tháo gỡ khó
// khăn, vướng mắc cho doanh nghiệp") is none.

// difficultyOpenings open the condition, folded: "trong quá trình [tổ
// chức] [triển khai] thực hiện", "quá trình …", "nếu …", "trường hợp …",
// "khi …".
var difficultyOpenings = [][]string{{"trong", "qua", "trinh"}, {"qua", "trinh"}, {"neu"}, {"truong", "hop"}, {"khi"}}

// difficultyReports are the verbs that send the difficulties up, folded.
// "Liên hệ" asks the same of the office named ("đề nghị liên hệ Phòng …
// để được hướng dẫn", i31-party).
var difficultyReports = [][]string{{"phan", "anh"}, {"bao", "cao"}, {"de", "xuat"}, {"kien", "nghi"}, {"gui", "ve"}, {"trao", "doi"}, {"lien", "he"}}

// ReportsDifficulties reports whether text, one sentence after its
// number, opens with a condition (difficultyOpenings; "nếu", "trường
// hợp", "phát sinh" or "khi" before them) on "[khó khăn,] vướng mắc" met
// and then sends them up (difficultyReports).
func ReportsDifficulties(text string) bool {
	if !strings.Contains(text, "vướng") && !strings.Contains(text, "VƯỚNG") {
		return false // most items, without folding them (the store's text is NFC)
	}
	if rest, ok := NumberLabel(text); ok {
		text = rest // "4. Trong …": its full stop ends no sentence
	}
	text = unwrapped(text) // a hard-wrapped item's lines
	if len(Sentences(strings.TrimRight(text, "./ "))) != 1 {
		return false
	}
	ws := strings.FieldsFunc(viet.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(ws) > 0 && labelWord(ws[0]) {
		ws = ws[1:] // "4.", "c)", "(2)": the item's label, when its text keeps it
	}
	opens := false
	for _, o := range difficultyOpenings {
		if hasWordsAt(ws, 0, o) {
			opens = true
		}
	}
	if !opens {
		return false
	}
	at := -1 // "[khó khăn,] vướng mắc" within the condition's first words
	for i := 0; i+1 < len(ws) && i < 16; i++ {
		if hasWordsAt(ws, i, []string{"vuong", "mac"}) {
			at = i + 2
			break
		}
	}
	if at < 0 || !slices.Contains(ws[:at], "neu") && !hasWords(ws[:at], []string{"truong", "hop"}) &&
		!hasWords(ws[:at], []string{"phat", "sinh"}) && ws[0] != "khi" {
		return false
	}
	for i := at; i < len(ws); i++ {
		for _, r := range difficultyReports {
			if hasWordsAt(ws, i, r) {
				return !statesOwnTask(ws[at:i]) && !statesOwnTask(untilPurpose(ws[i+len(r):]))
			}
		}
	}
	return false
}

// A request sends the difficulties up and does nothing of its own: an
// agency that handles them ("Sở … chủ trì rà soát, đề xuất sửa đổi quy
// định", "Sở … hướng dẫn, hỗ trợ các cơ quan và báo cáo …") or does more
// beside the report ("… báo cáo … và chủ động phối hợp … bố trí kinh
// phí") states a task. The condition's own words ("trong quá trình tổ
// chức thực hiện", "khi triển khai"), a manner ("chủ động", "kịp thời")
// and the purpose after "để" ("để được hướng dẫn", "để xem xét, chỉ
// đạo") are no task of the sender's.

// ownTaskVerbs are taskVerbs that make a task beside the request, folded:
// all but the report itself, the condition's and the manner's words.
var ownTaskVerbs = func() [][]string {
	var vs [][]string
	for _, v := range taskVerbs {
		switch v {
		case "báo cáo", "thực hiện", "triển khai", "tổ chức", "chủ động", "khẩn trương", "tiếp tục":
			continue
		}
		vs = append(vs, strings.Fields(viet.Fold(v)))
	}
	return vs // not "giao": folded, it is "Giáo dục" too
}()

// statesOwnTask reports whether folded words ws hold an ownTaskVerb, not
// after "ban" (the recipient "Ban Chỉ đạo tỉnh" is a name).
func statesOwnTask(ws []string) bool {
	for i := range ws {
		if i > 0 && ws[i-1] == "ban" {
			continue
		}
		for _, v := range ownTaskVerbs {
			if hasWordsAt(ws, i, v) {
				return true
			}
		}
	}
	return false
}

// untilPurpose is ws up to its purpose clause ("để …") or the
// recipient's action ("… xem xét, chỉ đạo").
func untilPurpose(ws []string) []string {
	for i, w := range ws {
		if w == "de" || hasWordsAt(ws, i, []string{"xem", "xet"}) {
			return ws[:i]
		}
	}
	return ws
}

// hasWordsAt reports whether ws holds want from index i on.
func hasWordsAt(ws []string, i int, want []string) bool {
	if i+len(want) > len(ws) {
		return false
	}
	return slices.Equal(ws[i:i+len(want)], want)
}

// hasWords reports whether ws holds want anywhere.
func hasWords(ws []string, want []string) bool {
	for i := range ws {
		if hasWordsAt(ws, i, want) {
			return true
		}
	}
	return false
}

// labelWord reports a folded word that is an item's label: a number, or
// one letter ("a", "đ" folds to "d").
func labelWord(w string) bool {
	if len(w) == 1 {
		return true
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(w) <= 3
}
