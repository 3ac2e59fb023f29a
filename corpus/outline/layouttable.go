package outline

// Line classes of task tables: a header row's column roles, a row's
// cells, and the cells a data row or a group row holds (table.go reads the
// rows).

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// roleKeywords are a task table's column roles by header words, checked in
// this order (a "Cơ quan phối hợp" column is a partner, not the agency).
var roleKeywords = []struct {
	role  colRole
	words []string
}{
	{colNum, []string{"stt", "tt", "so tt", "so thu tu"}},
	{colPartner, []string{"phoi hop"}},
	{colDeadline, []string{"thoi han", "thoi gian", "tien do", "hoan thanh"}},
	{colFunding, []string{"kinh phi", "nguon"}},
	{colNote, []string{"ghi chu", "tinh trang"}},
	{colAgency, []string{"chu tri", "phu trach", "thuc hien", "co quan", "don vi", "bo, nganh"}},
	{colOutput, []string{"chi tieu", "san pham", "ket qua", "du kien"}},
	{colGroup, []string{"nhom", "linh vuc", "thuoc"}},
	{colSource, []string{"tinh", "dia phuong", "noi kien nghi"}},
	{colTask, []string{"noi dung", "nhiem vu", "de an", "du an", "ten", "hoat dong", "giai phap", "cong viec", "de xuat", "kien nghi"}},
}

// colRole is what a task table's column holds.
type colRole int

const (
	colOther colRole = iota
	colNum
	colTask
	colAgency
	colPartner
	colDeadline
	colOutput
	colGroup
	colFunding
	colNote
	colSource
)

// headerRoles reads a table's header row. It is a header when no cell is
// long text or a piece of a sentence, and at least two cells name a role,
// one of them a task column.
func headerRoles(cells []string) ([]colRole, bool) {
	if len(cells) == 0 || !labelCells(cells) {
		return nil, false
	}
	roles := make([]colRole, len(cells))
	known, task := 0, false
	for i, c := range cells {
		if viet.WordCount(c) > 12 {
			return nil, false
		}
		f := strings.TrimSpace(viet.Fold(stripFootnote(c)))
		for _, rk := range roleKeywords {
			if matchRole(f, rk.words) {
				roles[i] = rk.role
				break
			}
		}
		if roles[i] != colOther {
			known++
		}
		task = task || roles[i] == colTask
	}
	return roles, known >= 2 && task
}

// labelCells reports cells that can be a header's labels: the first does
// not start with a digit or a lower-case letter (a data row's number, "3.5
// | Cam kết kiểm | Bắt buộc, | …", "12.8.1| Tên người mua hàng | …", or a
// cell's wrapped line, "nghiệp vụ; phôi hợp | báo cáo, đề xuất | …"), and
// no cell ends a clause (",", ";") or is a sentence ending with a stop
// ("Nhập tên người mua hàng miễn thuế.").
func labelCells(cells []string) bool {
	r, _ := utf8.DecodeRuneInString(cells[0])
	if unicode.IsDigit(r) || unicode.IsLower(r) {
		return false
	}
	for _, c := range cells {
		if strings.HasSuffix(c, ",") || strings.HasSuffix(c, ";") || strings.HasSuffix(c, ".") && viet.WordCount(c) >= 4 {
			return false
		}
	}
	return true
}

func matchRole(f string, ws []string) bool {
	for _, w := range ws {
		if f == w || strings.HasPrefix(f, w+" ") || strings.Contains(f, " "+w+" ") || strings.HasSuffix(f, " "+w) ||
			len(w) > 3 && strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// stripFootnote drops a footnote marker "[1]" from a cell.
func stripFootnote(s string) string {
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 || !isAllDigits(s[i+1:i+j]) || j == 1 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}

// tableCells splits a table row ("a | b | c", "| a | b |") into trimmed
// cells, or returns nil for a line that is no row.
func tableCells(line string) []string {
	if !strings.Contains(line, " | ") && !(strings.HasPrefix(line, "|") && strings.Count(line, "|") >= 2) {
		return nil
	}
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	cells := strings.Split(line, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// textCell reports a cell that holds text rather than a number, a dash or
// a percentage: a data table's rows have none besides a name.
func textCell(c string) bool {
	letters := 0
	for _, r := range c {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// groupLabel recognizes the label cell of a table's group row: "A.", "I",
// "II.", "1." over an upper-case or short title.
func groupLabel(c string) bool {
	c = strings.TrimSuffix(c, ".")
	if isRoman(c) {
		return true
	}
	return len(c) == 1 && c[0] >= 'A' && c[0] <= 'Z'
}
