package outline

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// adoptedSelf reports a text's sentence on its own adoption, the closing
// line of a HĐND resolution or a law: "Nghị quyết này đã được Hội đồng
// nhân dân tỉnh … khóa …, kỳ họp thứ … thông qua ngày …", "Luật này đã
// được Quốc hội … thông qua …". The sentence opens (after its number) on
// the text itself — a type of one to three words and "này" — which "(đã)
// được … thông qua"; nothing after the adoption is a task ("…; giao Ủy
// ban nhân dân tỉnh …" is a sentence of its own, closingClause's). It
// says how the text came to be: no task, nothing a plan carries out.
func adoptedSelf(s string) bool {
	if !strings.Contains(s, "qua") && !strings.Contains(s, "QUA") {
		return false // most sentences, without folding them (the store's text is NFC)
	}
	ws := strings.Fields(taskPunct.Replace(viet.Fold(s)))
	i := 0
	if i < len(ws) && digits(ws[i]) == len(ws[i]) {
		i++ // "2." of a numbered clause
	}
	self := -1
	for k := i + 1; k <= i+3 && k < len(ws); k++ {
		if digits(ws[k-1]) > 0 {
			return false // "Nghị quyết số 12/NQ-HĐND …" is another text
		}
		if ws[k] == "nay" {
			self = k
			break
		}
	}
	if self < 0 {
		return false
	}
	j := self + 1
	if j < len(ws) && ws[j] == "da" {
		j++
	}
	if j >= len(ws) || ws[j] != "duoc" {
		return false
	}
	for k := j + 1; k+1 < len(ws); k++ {
		if ws[k] == "thong" && ws[k+1] == "qua" {
			return !adoptionTask(ws[k+2:])
		}
	}
	return false
}

// adoptionTask reports a task in the words after an adoption ("… thông
// qua ngày … và giao Ủy ban nhân dân tỉnh triển khai"): a task verb of the
// request rule (statesOwnTask), "giao" but in "giáo dục", or carrying out
// ("triển khai", "thực hiện", "tổ chức") — the statement of effect ("có
// hiệu lực thi hành") is none.
func adoptionTask(ws []string) bool {
	if statesOwnTask(ws) {
		return true
	}
	for i, w := range ws {
		switch {
		case w == "giao" && (i+1 == len(ws) || ws[i+1] != "duc"),
			hasWordsAt(ws, i, []string{"trien", "khai"}),
			hasWordsAt(ws, i, []string{"thuc", "hien"}),
			hasWordsAt(ws, i, []string{"to", "chuc"}):
			return true
		}
	}
	return false
}
