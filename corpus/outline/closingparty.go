package outline

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// disseminatedSelf reports the Party's closing line on its own text's
// dissemination: "Nghị quyết này phổ biến đến chi bộ.", "Kế hoạch này
// được phổ biến đến chi bộ và đảng viên.", "* Ghi chú: Chỉ thị này phổ
// biến tới tận chi bộ." — the text itself (a type of one to four words
// and "này"), "(được) phổ biến đến/tới (tận) (các) chi bộ", and nothing after
// but the party members. It says to whom the text is read, no task: an
// implementing plan's carries out nothing of its parent and the parent's
// is nothing to carry out (closingClause, letterClosing).
func disseminatedSelf(s string) bool {
	if !strings.Contains(s, "hi b") && !strings.Contains(s, "HI B") && !strings.Contains(s, "hi B") {
		return false // most sentences, without folding them ("chi" carries no mark)
	}
	f := strings.TrimSpace(viet.Fold(s))
	f = strings.TrimLeft(f, " -+*•")
	f = strings.TrimSpace(strings.TrimPrefix(f, "ghi chu:"))
	ws := strings.Fields(strings.NewReplacer(".", " ", ",", " ", ";", " ", "/", " ").Replace(f))
	self := -1
	for k := 1; k <= 4 && k < len(ws); k++ {
		if digits(ws[k-1]) > 0 {
			return false // "Nghị quyết số 12-NQ/TU …" is another text
		}
		if ws[k] == "nay" {
			self = k
			break
		}
	}
	if self < 0 {
		return false
	}
	rest := strings.Join(ws[self+1:], " ")
	rest = strings.TrimPrefix(rest, "duoc ")
	for _, p := range []string{"pho bien den ", "pho bien toi "} {
		if after, ok := strings.CutPrefix(rest, p); ok {
			after = strings.TrimPrefix(after, "tan ")
			after = strings.TrimPrefix(after, "cac ") // "đến các chi bộ" (i31-rev-party)
			switch after {
			case "chi bo", "chi bo va dang vien", "chi bo dang vien":
				return true
			}
		}
	}
	return false
}
