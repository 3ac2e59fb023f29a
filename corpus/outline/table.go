package outline

// Task tables of the outline parser (the format is in plan.go's comment).

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/deadline"

	"github.com/vanban/vanban/corpus/viet"
)

// tableState is the table being read.
type tableState struct {
	roles []colRole // nil: a table whose header names no task (data)
	prev  []string  // the last full row, one cell per column
	group int       // the group row heading the rows, -1 if none
	level int       // stack depth of the rows (under the group row)
	rows  int       // rows read, header included
	gap   bool      // a line without cells came after the last row

	// Rows that PDF text layout splits over lines (filetext writes a
	// line of a table as "cell | cell", a line with one cell as text).
	lastRow     int      // the item of the last task row, -1 if none
	pending     []string // lines above a numbered row that start its task (cells centred vertically)
	pendingNum  bool     // a row's number stood alone on the line before
	pendingLine int      // the line of the first pending one
}

// row reads one table row: a header, a group row, or a task row.
func (p *outlineParser) row(i int, cells []string) {
	t := p.table
	if t != nil && t.roles == nil && (t.rows <= 3 || t.gap) {
		// A task table's header under a data table's first lines (a
		// header the PDF layout split over lines: "CĂN CỨ PHÁP | CHÚ"
		// then "STT | NỘI DUNG NHIỆM VỤ ỦY QUYỀN"), or after a line
		// between two tables ("12 Dự án quan trọng quốc gia:" then
		// "STT | Dự án | Ghi chú"), starts the task table.
		if _, ok := headerRoles(cells); ok {
			t = nil
		}
	}
	if t == nil {
		roles, ok := headerRoles(cells)
		if !ok {
			roles = nil
		}
		p.table = &tableState{roles: roles, group: -1, rows: 1, lastRow: -1}
		p.last = -1
		p.stack = p.stack[:0]
		return
	}
	t.rows++
	t.gap = false
	if t.roles == nil {
		return // a data table: statistics, no tasks
	}
	if isGroupRow(cells, len(t.roles)) {
		p.groupRow(i, strings.Join(cells, " "))
		t.lastRow, t.pending, t.pendingNum = -1, nil, false
		return
	}
	if cols, ok := p.wrapRow(cells); ok {
		p.appendWrap(cells, cols)
		return
	}
	if p.fragmentRow(cells) {
		p.appendFragment(cells)
		return
	}
	full := alignRow(cells, t.roles, t.prev)
	t.prev = full
	if len(t.pending) > 0 {
		for c, r := range t.roles {
			if r == colTask {
				full[c] = strings.TrimSpace(strings.Join(t.pending, " ") + " " + full[c])
				break
			}
		}
	}
	t.pending, t.pendingNum = nil, false
	p.taskRow(i, full)
	if p.last >= 0 && p.o.Items[p.last].Line == i+1 {
		t.lastRow = p.last
	}
}

// fragmentRow reports a row that is the rest of the row before it, wrapped
// by PDF text layout onto the next line: fewer cells than the header,
// the first starting in lower case ("bàn tỉnh | Công nghệ" under "1 | Xây
// dựng kế hoạch triển khai trên địa | Sở Khoa học và | Quý I/2025"). A
// shorter row starting with a capital or a bullet is the next task of
// merged cells ("- Rà soát … | - Bộ công cụ …"), as before.
//
// A row whose deadline cell is a deadline of its own while the row before
// has one ("văn bản hướng dẫn thi hành | Sở Tư pháp | Quý II/2026" under
// "… | Sở Xây dựng | Quý I/2026") is a row of merged cells: the halves of
// one wrapped cell are not both deadlines.
func (p *outlineParser) fragmentRow(cells []string) bool {
	t := p.table
	if t.lastRow < 0 || p.last != t.lastRow || t.pendingNum || len(cells) >= len(t.roles) || !startsLower(cells[0]) {
		return false
	}
	for k, r := range p.openColumns() {
		if r.role == colDeadline && k+1 < len(cells) && fullDeadline(cells[k+1]) && fullDeadline(t.prev[r.col]) {
			return false
		}
	}
	return true
}

// fullDeadline reports a cell that states a deadline by itself: a date or
// a recurrence ("Quý II/2026", "Năm 2026", "Thường xuyên"), not the first
// half of one ("Quý I năm").
func fullDeadline(s string) bool {
	k := deadline.Parse(s, time.Time{}).Kind
	return k == deadline.Date || k == deadline.Recurring
}

// openColumn is a column after the task that the last row left open.
type openColumn struct {
	col  int
	role colRole
}

// openColumns lists the columns after the task whose cell in the last
// full row does not end a sentence, in order: where the cells of a
// wrapped row go.
func (p *outlineParser) openColumns() []openColumn {
	t := p.table
	var open []openColumn
	task := false
	for c, r := range t.roles {
		if r == colTask {
			task = true
			continue
		}
		if task && c < len(t.prev) && t.prev[c] != "" && !endsSentence(t.prev[c]) {
			open = append(open, openColumn{c, r})
		}
	}
	return open
}

// appendFragment adds the cells of a wrapped row to the row before: the
// first to its task, the others to the columns after it that the row
// left open (not ending a sentence), in order.
func (p *outlineParser) appendFragment(cells []string) {
	t := p.table
	it := &p.o.Items[t.lastRow]
	it.Text = joinWrapped(it.Text, cells[0])
	open := p.openColumns()
	for k, c := range cells[1:] {
		if k >= len(open) {
			it.Text = joinWrapped(it.Text, c)
			continue
		}
		it.appendCell(open[k].role, c)
	}
}

// appendCell adds a wrapped piece of a cell to the field its column's role
// fills; pieces of columns without a field are dropped. It is the one
// owner of which role fills which field for the rows a wrap continues.
func (it *Item) appendCell(role colRole, v string) {
	switch role {
	case colTask:
		it.Text = joinWrapped(it.Text, v)
	case colAgency:
		it.Agency = joinWrapped(it.Agency, v)
	case colPartner:
		it.Partners = joinWrapped(it.Partners, v)
	case colDeadline:
		it.Deadline = joinWrapped(it.Deadline, v)
	case colOutput:
		it.Output = joinWrapped(it.Output, v)
	}
}

// joinWrapped joins a line wrapped inside a cell to what came before it.
func joinWrapped(s, more string) string {
	return strings.TrimSpace(s + " " + more)
}

// startsLower reports text starting with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// rowNumber reports a line that is only a row's number ("1", "12.").
func rowNumber(line string) bool {
	n := strings.TrimSuffix(line, ".")
	return n != "" && len(n) <= 3 && isAllDigits(n)
}

// numberedRowFollows reports whether a row starting with its number
// ("2 | …") comes within the two lines after line i.
func (p *outlineParser) numberedRowFollows(i int) bool {
	for j := i + 1; j < len(p.lines) && j <= i+2; j++ {
		line, _ := clean(p.lines[j])
		if cells := tableCells(line); cells != nil {
			return rowNumber(cells[0])
		}
		if rowNumber(line) {
			return true
		}
	}
	return false
}

// isGroupRow recognizes a row that heads the rows after it: a label cell
// and a title ("A. | BỘ XÂY DỰNG", "I | NHÓM QUAN TRẮC…"), or one
// upper-case cell.
func isGroupRow(cells []string, columns int) bool {
	switch {
	case len(cells) == 1:
		return isUpperLine(cells[0])
	case len(cells) == 2 && len(cells) < columns:
		return groupLabel(cells[0]) && (isUpperLine(cells[1]) || viet.WordCount(cells[1]) <= 12)
	}
	return false
}

// alignRow spreads a row over the columns. A row shorter than the header
// (merged cells above it) fills the last columns; its leading columns take
// the agency, co-agencies, group and source of the previous full row. A
// short row starting with its number (opensRow) under a header numbering
// its rows fills the first columns: its last cells are the empty ones.
func alignRow(cells []string, roles []colRole, prev []string) []string {
	full := make([]string, len(roles))
	if len(cells) >= len(roles) {
		copy(full, cells)
		return full
	}
	off := len(roles) - len(cells)
	if len(cells) > 0 && roles[0] == colNum && opensRow(cells[0]) {
		off = 0 // "2 | Số hóa hồ sơ đất đai | Sở Tư pháp": its number first, the cells after it empty
	}
	copy(full[off:], cells)
	for c := 0; c < off && c < len(prev); c++ {
		switch roles[c] {
		case colAgency, colPartner, colGroup, colSource:
			full[c] = prev[c]
		}
	}
	return full
}

// taskRow adds a row as an item when its task cells hold text.
func (p *outlineParser) taskRow(i int, cells []string) {
	t := p.table
	var it Item
	var task []string
	for c, v := range cells {
		switch t.roles[c] {
		case colTask:
			if v = strings.TrimPrefix(v, "- "); v != "" {
				task = append(task, v)
			}
		case colAgency:
			it.Agency = v
		case colPartner:
			it.Partners = v
		case colDeadline:
			it.Deadline = v
		case colOutput:
			it.Output = v
		}
	}
	it.Text = strings.Join(task, "\n")
	if !textCell(it.Text) || viet.WordCount(it.Text) < 2 {
		return // a numbering row ("1 | 2 | 3") or an empty task
	}
	it.kind = labelRow
	p.stack = p.stack[:min(len(p.stack), t.level)]
	p.rows++
	p.push(i, it, "r"+itoa(p.rows))
	p.stack = p.stack[:len(p.stack)-1] // rows are not parents
	p.last = len(p.o.Items) - 1
}

// groupRow adds a group row as a heading item over the rows after it.
func (p *outlineParser) groupRow(i int, title string) {
	t := p.table
	p.stack = p.stack[:0]
	label, id, kind, rest := itemLabel(title)
	if kind != labelNumber {
		label, id, rest = "", "", title
		if f := strings.Fields(title); len(f) > 1 && groupLabel(f[0]) {
			label, id, rest = f[0], strings.TrimSuffix(f[0], "."), strings.TrimSpace(strings.TrimPrefix(title, f[0]))
		}
	}
	if id == "" {
		id = "g" + itoa(p.count(-1, "g"))
	}
	it := Item{Label: label, Text: rest, kind: labelNumber, depth: 1}
	p.push(i, it, id)
	p.o.Items[len(p.o.Items)-1].kind = labelRow
	t.group, t.level = len(p.o.Items)-1, 1
	t.prev = nil
}

// rowFollows reports whether a table row comes within the two lines after
// line i: a line between rows is a group row or a one-cell continuation.
func (p *outlineParser) rowFollows(i int) bool {
	for j := i + 1; j < len(p.lines) && j <= i+2; j++ {
		line, _ := clean(p.lines[j])
		if tableCells(line) != nil {
			return true
		}
		if isClosing(line) || isSignature(line) {
			return false
		}
	}
	return false
}

// tableLine reads a line without cells between two rows: a group heading
// when it is a title, otherwise a one-cell row continuing the task column.
func (p *outlineParser) tableLine(i int, line string) {
	t := p.table
	t.gap = true
	if t.roles == nil {
		return
	}
	if rowNumber(line) {
		// The row's number alone on its line: the cells follow.
		t.pendingNum = true
		return
	}
	if _, _, kind, _ := itemLabel(line); isUpperLine(line) || kind == labelNumber && viet.WordCount(line) <= headingWords {
		p.groupRow(i, line)
		t.lastRow, t.pending, t.pendingNum = -1, nil, false
		return
	}
	if _, _, ok := romanHeading(line); ok {
		p.groupRow(i, line)
		t.lastRow, t.pending, t.pendingNum = -1, nil, false
		return
	}
	if p.wrappedLine(i, line) {
		return
	}
	full := alignRow(nil, t.roles, t.prev)
	for c, r := range t.roles {
		if r == colTask {
			full[c] = line
			break
		}
	}
	p.taskRow(i, full)
}

// wrappedLine places a line without cells that PDF text layout split
// from a task row: a line starting in lower case, or one after a row
// whose task ends without a stop, continues that row's task ("1 | Xây
// dựng kế hoạch triển khai | Sở Nội vụ | Quý I/2025" then "Nghị quyết số
// 57-NQ/TW"); a line right above a numbered row, after a row that ended
// its sentence (or none), starts that row's task (cells centred
// vertically put the number on the row's middle line). It reports
// whether it placed the line.
func (p *outlineParser) wrappedLine(i int, line string) bool {
	t := p.table
	if t.pendingNum || len(t.pending) > 0 {
		if p.numberedRowFollows(i) || t.pendingNum {
			if len(t.pending) == 0 {
				t.pendingLine = i
			}
			t.pending = append(t.pending, line)
			return true
		}
	}
	if cols, ok := p.wrapRow([]string{line}); ok {
		// A cell's wrapped line: "Công nghệ" under "Sở Khoa học và".
		p.appendWrap([]string{line}, cols)
		p.lastLine = line
		return true
	}
	if t.lastRow >= 0 && p.last == t.lastRow {
		it := &p.o.Items[t.lastRow]
		if startsLower(line) || !endsSentence(it.Text) {
			it.Text = joinWrapped(it.Text, line)
			p.lastLine = line
			return true
		}
	}
	if p.numberedRowFollows(i) {
		if len(t.pending) == 0 {
			t.pendingLine = i
		}
		t.pending = append(t.pending, line)
		return true
	}
	return false
}

// endTable closes the table being read, if any: the next line starts
// afresh (it does not continue the last row).
func (p *outlineParser) endTable() {
	if t := p.table; t != nil && t.roles != nil && len(t.pending) > 0 {
		// Lines kept for a row that never came are a row of their own.
		full := alignRow(nil, t.roles, t.prev)
		for c, r := range t.roles {
			if r == colTask {
				full[c] = strings.Join(t.pending, " ")
				break
			}
		}
		t.pending = nil
		p.taskRow(t.pendingLine, full)
	}
	if p.table != nil {
		p.table, p.last, p.lastLine = nil, -1, ""
	}
}
