package deadline

// Deadlines of headings: a heading above several items may state when
// they are all due ("Các nhiệm vụ hoàn thành trong Quý III/2025:", "Năm
// 2026", "II. QUÝ I/2026"); the tasks under it that state none take it
// (corpus/tasktable reads it for them).

import (
	"strings"
	"time"
)

// periodWords are the words, folded, a heading made of a period alone may
// hold beside numbers, roman numerals and punctuation: "Năm 2026", "Quý
// I/2026", "6 tháng đầu năm 2026", "Giai đoạn 2026 - 2027", "Trong năm
// 2026", "Từ nay đến hết năm 2025", "Thường xuyên".
var periodWords = map[string]bool{"nam": true, "quy": true, "thang": true, "giai": true, "doan": true,
	"dau": true, "cuoi": true, "trong": true, "den": true, "het": true, "tu": true, "nay": true, "truoc": true,
	"va": true, "hang": true, "thuong": true, "xuyen": true, "dinh": true, "ky": true, "ngay": true, "tuan": true,
	"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true, "x": true}

// Heading returns the deadline a heading states for the items under it,
// and whether it states one: a deadline phrase in it (Find), or the
// heading is a period and nothing else ("Năm 2026:", "QUÝ IV/2025") not
// over at the plan's date (ref). A
// heading naming a period among other words ("Nhiệm vụ năm 2026", "Mục
// tiêu đến năm 2030") names its subject, not a time the items are due by.
func Heading(text string, ref time.Time) (Deadline, bool) {
	if d, ok := Find(text, ref); ok {
		return d, true
	}
	s := strings.TrimSpace(validUTF8(text))
	toks := tokenize(s)
	if len(toks) == 0 {
		return Deadline{}, false
	}
	hasNumber := false
	for _, t := range toks {
		switch t.kind {
		case word:
			if !periodWords[t.text] {
				return Deadline{}, false
			}
		case number:
			hasNumber = true
		}
	}
	if !hasNumber && !strings.Contains(foldedWords(toks), "thuong xuyen") {
		return Deadline{}, false // "Quý I" alone: no year, no recurrence
	}
	d := Parse(strings.TrimRight(s, ":. "), ref)
	if d.Kind != Date && d.Kind != Recurring || d.Date != "" && !ref.IsZero() && d.Date < ref.Format(layout) {
		return Deadline{}, false // "Năm 2024:" in a plan of 2025 reports, it sets nothing due
	}
	return d, true
}

// foldedWords is the folded words of toks, space-separated.
func foldedWords(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.kind == word {
			b.WriteString(t.text)
			b.WriteByte(' ')
		}
	}
	return b.String()
}
