package corpus

// Task tables of the outline parser (the format is in plan.go's comment).

import (
	"strings"
)

// tableState is the table being read.
type tableState struct {
	roles []colRole // nil: a table whose header names no task (data)
	prev  []string  // the last full row, one cell per column
	group int       // the group row heading the rows, -1 if none
	level int       // stack depth of the rows (under the group row)
}

// row reads one table row: a header, a group row, or a task row.
func (p *outlineParser) row(i int, cells []string) {
	t := p.table
	if t == nil {
		roles, ok := headerRoles(cells)
		if !ok {
			roles = nil
		}
		p.table = &tableState{roles: roles, group: -1}
		p.last = -1
		p.stack = p.stack[:0]
		return
	}
	if t.roles == nil {
		return // a data table: statistics, no tasks
	}
	if isGroupRow(cells, len(t.roles)) {
		p.groupRow(i, strings.Join(cells, " "))
		return
	}
	full := alignRow(cells, t.roles, t.prev)
	t.prev = full
	p.taskRow(i, full)
}

// isGroupRow recognizes a row that heads the rows after it: a label cell
// and a title ("A. | BỘ XÂY DỰNG", "I | NHÓM QUAN TRẮC…"), or one
// upper-case cell.
func isGroupRow(cells []string, columns int) bool {
	switch {
	case len(cells) == 1:
		return isUpperLine(cells[0])
	case len(cells) == 2 && len(cells) < columns:
		return groupLabel(cells[0]) && (isUpperLine(cells[1]) || words(cells[1]) <= 12)
	}
	return false
}

// alignRow spreads a row over the columns. A row shorter than the header
// (merged cells above it) fills the last columns; its leading columns take
// the agency, co-agencies, group and source of the previous full row.
func alignRow(cells []string, roles []colRole, prev []string) []string {
	full := make([]string, len(roles))
	if len(cells) >= len(roles) {
		copy(full, cells)
		return full
	}
	off := len(roles) - len(cells)
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
	if !textCell(it.Text) || words(it.Text) < 2 {
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
	if t.roles == nil {
		return
	}
	if _, _, kind, _ := itemLabel(line); isUpperLine(line) || kind == labelNumber && words(line) <= headingWords {
		p.groupRow(i, line)
		return
	}
	if _, _, ok := romanHeading(line); ok {
		p.groupRow(i, line)
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

// endTable closes the table being read, if any: the next line starts
// afresh (it does not continue the last row).
func (p *outlineParser) endTable() {
	if p.table != nil {
		p.table, p.last, p.lastLine = nil, -1, ""
	}
}
