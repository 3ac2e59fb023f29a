package outline

// Task-table cells wrapped by PDF text layout: which column each piece of
// a wrapped row continues (the format is in plan.go's comment).

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
)

// danglingWords end a cell that cannot end there: the name or the phrase
// goes on in the cell's next line ("Sở Khoa học và" / "Công nghệ",
// "Giai đoạn 2026 -" / "2027").
var danglingWords = map[string]bool{"và": true, "của": true, "các": true, "với": true, "về": true, "cho": true,
	"tại": true, "thuộc": true, "trên": true, "đến": true, "từ": true, "hoặc": true, "theo": true, "trong": true}

// maxNameRest is the most words the rest of an agency's name wrapped onto
// the next line has ("Công nghệ", "Phát triển nông thôn").
const maxNameRest = 4

// dangles reports a cell whose text stops in the middle of a phrase: it
// ends with a connecting word or with ",", "-", "–", "/" or "(".
func dangles(s string) bool {
	s = strings.TrimSpace(s)
	if strings.Trim(s, "-–—/,(. ") == "" {
		return false // "-": the mark of an empty cell
	}
	if strings.HasSuffix(s, ",") || strings.HasSuffix(s, "-") || strings.HasSuffix(s, "–") ||
		strings.HasSuffix(s, "/") || strings.HasSuffix(s, "(") {
		return true
	}
	last := s[strings.LastIndexByte(s, ' ')+1:]
	return danglingWords[last]
}

// deadlineStart reports a cell that starts like a deadline or the rest of
// one: a digit ("2027.", "30/6/2026"), "Quý", "Năm", "tháng".
func deadlineStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsDigit(r) {
		return true
	}
	f := viet.Fold(s)
	return strings.HasPrefix(f, "quy ") || strings.HasPrefix(f, "nam ") || strings.HasPrefix(f, "thang ")
}

// cellText is the text the last row holds in column c so far: its task
// is the item's text (lines may have joined it), the rest its full row.
func (p *outlineParser) cellText(c int) string {
	t := p.table
	if t.roles[c] == colTask {
		return p.o.Items[t.lastRow].Text
	}
	if c < len(t.prev) {
		return t.prev[c]
	}
	return ""
}

// wrapRow reads cells (a shorter row, or a line without cells as one
// cell) as the wrapped rest of the last task row, and returns the column
// each continues. The columns it may continue are those whose cell in
// the last row is open (does not end a sentence), in order, left to
// right as the cells are; of those placings it takes the one that gives
// a cell to each column that dangles ("Sở Khoa học và"), a deadline's
// rest ("2027.", "Quý II") to the deadline column and a piece in lower
// case to the task. It is a wrap when its first cell starts in lower case
// or when it gives a cell to every dangling column; a row whose deadline
// cell is a deadline of its own under a row with one is the next row of
// merged cells, not a wrap.
func (p *outlineParser) wrapRow(cells []string) ([]int, bool) {
	t := p.table
	if t.lastRow < 0 || p.last != t.lastRow || t.pendingNum || len(cells) == 0 || len(cells) >= len(t.roles) {
		return nil, false
	}
	var open []int
	dangling := 0
	for c, r := range t.roles {
		if r == colNum {
			continue
		}
		if v := p.cellText(c); v != "" && !endsSentence(v) {
			open = append(open, c)
			if dangles(v) {
				dangling++
			}
		}
	}
	if len(cells) > len(open) || dangling == 0 && !startsLower(cells[0]) || opensRow(cells[0]) {
		return nil, false
	}
	best := p.placeCells(cells, open)
	covered := 0
	for k, c := range best {
		v := p.cellText(c)
		if dangles(v) {
			covered++
			if r := t.roles[c]; (r == colAgency || r == colPartner) && !startsLower(cells[k]) && viet.WordCount(cells[k]) > maxNameRest {
				// A line of several words in capitals after "Sở Khoa học
				// và" is more likely the task's next line ("Nghị quyết
				// số 57-NQ/TW trên địa") than the rest of the name.
				return nil, false
			}
		}
		if t.roles[c] == colDeadline && fullDeadline(cells[k]) && fullDeadline(v) && !dangles(v) {
			return nil, false
		}
	}
	return best, startsLower(cells[0]) || covered == dangling
}

// opensRow reports a first cell that starts a row or a part of its own,
// never the wrapped rest of a cell: a row number ("2", "2.", "12)") or a
// line that opens a section ("III. KINH PHÍ", "Điều 5. …").
func opensRow(cell string) bool {
	first, _, _ := strings.Cut(cell, " ")
	if n := strings.TrimRight(first, ".)"); n != "" && len(n) <= 3 && isAllDigits(n) {
		return true
	}
	if _, _, ok := romanHeading(cell); ok {
		return true
	}
	_, _, ok := articleHeading(cell)
	return ok
}

// placeScore is what placing cell in column c adds to a placing: a
// dangling column taking a piece, a deadline's rest in the deadline
// column, a piece in lower case in the task.
func (p *outlineParser) placeScore(cell string, c int) int {
	t := p.table
	s := 0
	switch {
	case deadlineStart(cell) && t.roles[c] == colDeadline:
		s += 2
	case deadlineStart(cell):
		s--
	}
	if startsLower(cell) && t.roles[c] == colTask {
		s++
	}
	if dangles(p.cellText(c)) || p.finishesName(cell, c) {
		s += 6 // a dangling column left without a piece costs 3, with one gains 3
	}
	return s
}

// finishesName reports a piece that is all the rest of the agency's name
// the agency or partner column c breaks off ("Sở Giáo dục" / "và Đào
// tạo", cite.NameRest): it goes to that column, not to the task, though
// the name does not dangle.
func (p *outlineParser) finishesName(cell string, c int) bool {
	if r := p.table.roles[c]; r != colAgency && r != colPartner {
		return false
	}
	n := cite.NameRest(p.cellText(c), cell)
	return n > 0 && n == len(strings.Fields(cell))
}

// placeCells places the cells in the open columns, left to right, with
// the highest sum of placeScore; of equal placings, the one using the
// leftmost columns. Dynamic programming over cells and columns:
// len(cells) × len(open) steps whatever the table's width.
func (p *outlineParser) placeCells(cells []string, open []int) []int {
	n, m := len(cells), len(open)
	const none = -1 << 30
	// best[k*(m+1)+j]: the highest sum placing cells[k:] in open[j:].
	best := make([]int, (n+1)*(m+1))
	at := func(k, j int) *int { return &best[k*(m+1)+j] }
	for k := n - 1; k >= 0; k-- {
		*at(k, m) = none
		for j := m - 1; j >= 0; j-- {
			v := none
			if next := *at(k+1, j+1); next != none {
				v = p.placeScore(cells[k], open[j]) + next
			}
			*at(k, j) = max(v, *at(k, j+1))
		}
	}
	cols := make([]int, 0, n)
	for k, j := 0, 0; k < n; k++ {
		for ; j < m; j++ {
			if next := *at(k+1, j+1); next != none && p.placeScore(cells[k], open[j])+next == *at(k, j) {
				break
			}
		}
		cols = append(cols, open[j])
		j++
	}
	return cols
}

// appendWrap adds each cell to the field of the column it continues, and
// to the last row's cell, so that the rows of merged cells after it take
// the whole name.
func (p *outlineParser) appendWrap(cells []string, cols []int) {
	t := p.table
	it := &p.o.Items[t.lastRow]
	for k, c := range cols {
		v := cells[k]
		it.appendCell(t.roles[c], v)
		if c < len(t.prev) && t.roles[c] != colTask {
			t.prev[c] = joinWrapped(t.prev[c], v)
		}
	}
}
