package extract

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// A legal database's document page often heads its property table with a
// status box repeating two of the table's rows in its own words
// ("Hiệu lực: Còn hiệu lực", "Ngày có hiệu lực: 01/01/2018" above a table
// holding "Tình trạng hiệu lực: Còn hiệu lực" and "Ngày có hiệu lực |
// 01/01/2018"). Those lines say nothing the body does not say below, and
// they push the document's name off the body's first line.

// maxPropLine bounds the lines read as a "label: value" pair (runes).
const maxPropLine = 80

// dropRepeatedProps removes the run of "label: value" lines opening text
// whose value the body gives again further down beside the same label, or
// one ending in it ("Hiệu lực" ~ "Tình trạng hiệu lực"): as a table's
// "label | value" cells or another "label: value" line. A line whose
// value is said only once stays.
func dropRepeatedProps(text string) string {
	lines := strings.Split(text, "\n")
	n := 0
	for n < len(lines) && n < edgeLines {
		label, value, ok := propLine(lines[n])
		if !ok || !restated(lines[n+1:], label, value) {
			break
		}
		n++
	}
	if n == 0 {
		return text
	}
	return strings.Join(lines[n:], "\n")
}

// propLine splits a short "label: value" line, folded.
func propLine(l string) (label, value string, ok bool) {
	if runeCount(l) > maxPropLine {
		return "", "", false
	}
	label, value, ok = strings.Cut(l, ":")
	label, value = propKey(label), propKey(value)
	return label, value, ok && label != "" && value != "" && len(strings.Fields(label)) <= 6
}

func propKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(viet.Fold(strings.TrimSpace(s)))), " ")
}

// restated reports whether lines give value beside label (or a label
// ending with it), as table cells or as a "label: value" line.
func restated(lines []string, label, value string) bool {
	same := func(l string) bool { return l == label || strings.HasSuffix(l, " "+label) }
	for _, l := range lines {
		if cells := strings.Split(l, " | "); len(cells) > 1 {
			for i := 0; i+1 < len(cells); i++ {
				if same(propKey(cells[i])) && propKey(cells[i+1]) == value {
					return true
				}
			}
			continue
		}
		if lab, val, ok := propLine(l); ok && same(lab) && val == value {
			return true
		}
	}
	return false
}
