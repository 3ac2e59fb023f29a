package link

import (
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
)

// An item asking the units to draw up their own plan for carrying out the
// tasks as a whole — "Các cơ quan, đơn vị xây dựng Kế hoạch triển khai
// thực hiện phù hợp với chức năng, nhiệm vụ …", "các trường xây dựng kế
// hoạch cụ thể, bố trí nguồn lực để tổ chức thực hiện các nhiệm vụ năm học"
// — organises the unit's own work: its object is the carrying out, none of
// the parent's passages. Offered, never ranked, as an item reporting on a
// whole document's progress (linkprogress.go). A plan with a subject of its
// own ("xây dựng kế hoạch cụ thể phân phối hàng cứu trợ", "kế hoạch ứng phó
// bệnh tật", "kế hoạch … triển khai ngay Chiến dịch …") is a task and is
// ranked. Measured in docs/log/i24-none.md.

// plansOwnExecution reports whether the item's first sentence (its act;
// a task followed by a request to plan it is the task) says "(xây
// dựng|ban hành) (kế hoạch|chương trình) …, [triển khai|tổ chức] thực hiện
// <the whole>": the plan's name with no subject of its own (ownPlanName),
// "thực hiện" at most planGap words after it with no action on the way
// (actionClasses: "kế hoạch, tổ chức tập huấn … để thực hiện" is a task)
// and followed by nothing, a
// manner ("phù hợp", "hiệu quả", "bảo đảm", "xong") or the tasks as a
// whole (wholeTasks).
func plansOwnExecution(text string) bool {
	if !strings.Contains(text, "hiện") && !strings.Contains(text, "HIỆN") {
		return false // most items, without folding them (the store's text is NFC)
	}
	var ws []string
	var comma []bool
	for _, f := range sentences(text) {
		// clauseWords splits at commas, which foldWords drops: the same
		// words, folded once.
		if ws, comma = clauseWords(f); len(ws) > 1 {
			break // the first sentence, past a bare number ("1.")
		}
	}
	for i := 0; i+3 < len(ws); i++ {
		if !(ws[i] == "xay" && ws[i+1] == "dung" || ws[i] == "ban" && ws[i+1] == "hanh") || !planName(ws[i+2:]) ||
			!ownPlanName(ws, comma, i+4) {
			continue
		}
		for j := i + 4; j+1 < len(ws) && j <= i+4+planGap; j++ {
			if ws[j] == "thuc" && ws[j+1] == "hien" {
				if actionVector(strings.Join(ws[i+4:j], " ")) != (actionVec{}) {
					break // a task on the way: "kế hoạch, tổ chức tập huấn … để thực hiện"
				}
				if k := j + 2; k == len(ws) || mannerWord(ws[k:]) || wholeTasks(ws[k:]) {
					return true
				}
				break
			}
		}
	}
	return false
}

// clauseWords is s's folded words (foldWords) and, for each, whether a
// comma stands before it. One fold of the whole sentence, its words cut
// from it: the fold keeps commas and NFC never composes across one, so
// this is the words of each comma piece folded apart
// (TestClauseWordsPieces), at four allocations instead of several a
// piece.
func clauseWords(s string) (ws []string, comma []bool) {
	f := viet.Fold(s)
	n, in := 0, false
	for _, r := range f {
		w := wordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	ws, comma = make([]string, 0, n), make([]bool, 0, n)
	start, sawComma := -1, false
	for i, r := range f {
		switch {
		case wordRune(r):
			if start < 0 {
				start = i
			}
			continue
		case start >= 0:
			ws, comma = append(ws, f[start:i]), append(comma, sawComma)
			start, sawComma = -1, false
		}
		if r == ',' {
			sawComma = true
		}
	}
	if start >= 0 {
		ws, comma = append(ws, f[start:]), append(comma, sawComma)
	}
	return ws, comma
}

// wordRune reports the runes foldWords keeps in its words.
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// ownPlanName reports whether the plan's name, whose words after "kế
// hoạch|chương trình" start at ws[k], names no subject of its own: past
// its qualifiers ("cụ thể", "chi tiết", "hành động") it ends — the text
// ends, a comma, "để", "và", "nhằm" — or the carrying out follows
// ("[triển khai|tổ chức] thực hiện"). "Kế hoạch tuyên truyền …", "Chương
// trình chuyển đổi số …", "kế hoạch tổ chức hội nghị …" have one.
func ownPlanName(ws []string, comma []bool, k int) bool {
	for k+1 < len(ws) && !comma[k] && (ws[k] == "cu" && ws[k+1] == "the" || ws[k] == "chi" && ws[k+1] == "tiet" ||
		ws[k] == "hanh" && ws[k+1] == "dong") {
		k += 2
	}
	if k == len(ws) || comma[k] || ws[k] == "de" || ws[k] == "va" || ws[k] == "nham" {
		return true
	}
	if k+1 < len(ws) && (ws[k] == "trien" && ws[k+1] == "khai" || ws[k] == "to" && ws[k+1] == "chuc") {
		k += 2
	}
	return k+1 < len(ws) && ws[k] == "thuc" && ws[k+1] == "hien"
}

// planGap is how many words may stand between a plan's name and the
// "thực hiện" it is for ("kế hoạch cụ thể, bố trí nguồn lực để tổ chức
// thực hiện": 7).
const planGap = 10

// planName reports whether folded words open with "kế hoạch" or
// "chương trình".
func planName(ws []string) bool {
	return len(ws) >= 2 && (ws[0] == "ke" && ws[1] == "hoach" || ws[0] == "chuong" && ws[1] == "trinh")
}

// mannerWord reports whether folded words open with how a thing is carried
// out, not what: "phù hợp …", "hiệu quả", "bảo đảm|đảm bảo …", "xong".
func mannerWord(ws []string) bool {
	switch {
	case len(ws) >= 2 && (ws[0] == "phu" && ws[1] == "hop" || ws[0] == "hieu" && ws[1] == "qua" ||
		ws[0] == "bao" && ws[1] == "dam" || ws[0] == "dam" && ws[1] == "bao"):
		return true
	case len(ws) >= 1 && ws[0] == "xong":
		return true
	}
	return false
}

// wholeTasks reports whether folded words name the tasks as a whole:
// "[các] nhiệm vụ" alone or followed by their period ("năm học 2025 -
// 2026", "năm 2026", "2026"), "được giao", "nêu trên", "trên" or "này";
// "nhiệm vụ <subject>" and "nhiệm vụ 3 (nêu trên)" are one task.
func wholeTasks(ws []string) bool {
	if len(ws) > 0 && ws[0] == "cac" {
		ws = ws[1:]
	}
	if len(ws) < 2 || ws[0] != "nhiem" || ws[1] != "vu" {
		return false
	}
	ws = ws[2:]
	switch {
	case len(ws) == 0:
		return true
	case ws[0] == "nam" || ws[0] == "tren" || ws[0] == "nay" || year(ws[0]):
		return true
	case len(ws) >= 2 && (ws[0] == "duoc" && ws[1] == "giao" || ws[0] == "neu" && ws[1] == "tren"):
		return true
	}
	return false
}

// year reports whether w is a year of four digits, 19xx or 20xx (a task's
// number is shorter).
func year(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9'
}
