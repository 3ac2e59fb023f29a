package corpus

// Outlines of plans and resolutions.
//
// A body is read line by line (one paragraph or table row a line, as the
// extractor and the store keep it):
//
//	section   = roman "." title ("II. NHIỆM VỤ CỤ THỂ") | an upper-case line
//	            ("NHỮNG NHIỆM VỤ TRỌNG TÂM")
//	item      = number "." text ("1.", "2.1.") | letter ")" text ("a)")
//	          | "-" | "•" | "+" text (bullets)
//	          | a row of a task table "Nhiệm vụ | Cơ quan chủ trì | Thời hạn"
//	other     = a continuation of the current item, or section text
//
// A section is classified by its title: goals (mục đích, mục tiêu, yêu cầu,
// quan điểm), organisation (tổ chức thực hiện, kinh phí) or, by default,
// tasks. Only task sections take part in linking.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// SectionKind tells task sections from the others.
type SectionKind int

const (
	SectionTasks        SectionKind = iota // nhiệm vụ, giải pháp, nội dung (the default)
	SectionGoals                           // mục đích, mục tiêu, yêu cầu, quan điểm
	SectionOrganisation                    // tổ chức thực hiện, kinh phí
	SectionPreamble                        // text before the first heading
)

func (k SectionKind) String() string {
	return [...]string{"tasks", "goals", "organisation", "preamble"}[k]
}

// Section is one heading of an outline and the text directly under it.
type Section struct {
	ID    string      `json:"id"` // roman numeral, or "" when unnumbered
	Title string      `json:"title"`
	Kind  SectionKind `json:"-"`
	Text  string      `json:"-"` // lines that belong to no item
}

// Item is one numbered, lettered or bulleted point of an outline, or a row
// of a task table.
type Item struct {
	ID       string      `json:"id"`    // "II.1.a", "1.•2", "III.r3"
	Label    string      `json:"label"` // as written: "1.", "a)", "-", "" for a row
	Level    int         `json:"level"` // 1 for "1." and table rows
	Text     string      `json:"text"`  // without the label; the task cell of a row
	Agency   string      `json:"agency,omitempty"`
	Deadline string      `json:"deadline,omitempty"`
	Section  int         `json:"-"` // index in Outline.Sections
	Kind     SectionKind `json:"-"`
	Parent   int         `json:"-"` // index in Outline.Items, -1 at the top
	kind     labelKind
}

// Outline is the sections and items of a document body.
type Outline struct {
	Sections []Section
	Items    []Item
}

// ParseOutline splits a body into sections and items.
func ParseOutline(body string) *Outline {
	o := &Outline{Sections: []Section{{Title: "", Kind: SectionPreamble}}}
	var (
		stack   []int    // open items, innermost last
		cols    []string // roles of the current table's columns
		rows    int
		bullets = map[int]int{} // bullets seen under an item (-1: the section)
		ids     = map[string]bool{}
	)
	sec := func() *Section { return &o.Sections[len(o.Sections)-1] }
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "## "))
		if line == "" {
			continue
		}
		if strings.Contains(line, " | ") {
			cells := strings.Split(line, "|")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			if cols == nil {
				if roles, ok := tableHeader(cells); ok {
					cols, rows = roles, 0
					continue
				}
			} else {
				rows++
				it := Item{ID: "r" + strconv.Itoa(rows), Level: 1, kind: labelRow}
				for i, c := range cells {
					role := ""
					if i < len(cols) {
						role = cols[i]
					}
					switch role {
					case "task":
						it.Text = c
					case "agency":
						it.Agency = c
					case "deadline":
						it.Deadline = c
					}
				}
				if it.Text == "" {
					it.Text = line
				}
				stack = o.add(it, stack[:0], ids)
				continue
			}
		}
		cols = nil
		if id, title, ok := sectionHeading(line); ok {
			o.Sections = append(o.Sections, Section{ID: id, Title: title, Kind: sectionKind(title)})
			stack = stack[:0]
			clear(bullets)
			continue
		}
		label, id, kind, rest := itemLabel(line)
		if kind == labelNone {
			if len(stack) > 0 {
				it := &o.Items[stack[len(stack)-1]]
				it.Text += "\n" + line
			} else {
				s := sec()
				s.Text = strings.TrimPrefix(s.Text+"\n"+line, "\n")
			}
			continue
		}
		level := 1
		switch kind {
		case labelNumber:
			level = strings.Count(id, ".") + 1
		case labelLetter:
			level = levelAfter(o, stack, func(it *Item) bool { return it.kind == labelNumber }) + 1
		case labelDash:
			level = levelAfter(o, stack, func(it *Item) bool { return it.kind == labelNumber || it.kind == labelLetter }) + 1
		case labelPlus:
			level = levelAfter(o, stack, func(it *Item) bool { return it.kind != labelPlus }) + 1
		}
		for len(stack) > 0 && o.Items[stack[len(stack)-1]].Level >= level {
			stack = stack[:len(stack)-1]
		}
		if kind == labelDash || kind == labelPlus {
			parent := -1
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			bullets[parent]++
			id = "•" + strconv.Itoa(bullets[parent])
		}
		stack = o.add(Item{ID: id, Label: label, Level: level, Text: rest, kind: kind}, stack, ids)
	}
	return o
}

// add appends it under the innermost open item, giving it its full ID.
func (o *Outline) add(it Item, stack []int, ids map[string]bool) []int {
	it.Section = len(o.Sections) - 1
	s := o.Sections[it.Section]
	it.Kind = s.Kind
	if s.Kind == SectionPreamble {
		it.Kind = SectionTasks // a bare list of points
	}
	it.Parent = -1
	prefix := s.ID
	if len(stack) > 0 {
		it.Parent = stack[len(stack)-1]
		if it.kind != labelNumber {
			prefix = o.Items[it.Parent].ID // "1" is under its section, "a" under its item
		}
	}
	if prefix != "" {
		it.ID = prefix + "." + it.ID
	}
	for ids[it.ID] {
		it.ID = "§" + strconv.Itoa(it.Section) + "." + it.ID
	}
	ids[it.ID] = true
	o.Items = append(o.Items, it)
	return append(stack, len(o.Items)-1)
}

// levelAfter is the level of the innermost open item for which ok holds.
func levelAfter(o *Outline, stack []int, ok func(*Item) bool) int {
	for i := len(stack) - 1; i >= 0; i-- {
		if it := &o.Items[stack[i]]; ok(it) {
			return it.Level
		}
	}
	return 0
}

// Passage is one part of a resolution that a plan item can implement: a
// top-level item of a task section with everything under it, or a task
// section without items.
type Passage struct {
	ID    string `json:"id"`    // "II.3"
	Title string `json:"title"` // the first sentence
	Text  string `json:"text"`
}

// Passages returns the task passages of an outline, in order.
func (o *Outline) Passages() []Passage {
	var ps []Passage
	hasItems := map[int]bool{}
	for i := range o.Items {
		it := &o.Items[i]
		hasItems[it.Section] = true
		if it.Kind != SectionTasks || it.Parent >= 0 {
			continue
		}
		ps = append(ps, Passage{ID: it.ID, Title: firstSentence(it.Text), Text: o.subtree(i)})
	}
	for i, s := range o.Sections {
		if s.Kind == SectionTasks && !hasItems[i] && s.Text != "" && i > 0 {
			ps = append(ps, Passage{ID: s.ID, Title: s.Title, Text: s.Text})
		}
	}
	return ps
}

// subtree is the text of item i and of every item under it.
func (o *Outline) subtree(i int) string {
	parts := []string{o.Items[i].Text}
	for j := i + 1; j < len(o.Items) && o.isUnder(j, i); j++ {
		parts = append(parts, o.Items[j].Text)
	}
	return strings.Join(parts, "\n")
}

func (o *Outline) isUnder(j, i int) bool {
	for p := o.Items[j].Parent; p >= 0; p = o.Items[p].Parent {
		if p == i {
			return true
		}
	}
	return false
}

func firstSentence(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i]
	}
	return strings.TrimSuffix(s, ".")
}

type labelKind int

const (
	labelNone labelKind = iota
	labelNumber
	labelLetter
	labelDash
	labelPlus
	labelRow
)

// itemLabel recognizes "1. ", "2.1. ", "1) ", "a) ", "đ) ", "- ", "• ", "+ ".
func itemLabel(line string) (label, id string, kind labelKind, rest string) {
	switch {
	case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "– "), strings.HasPrefix(line, "• "):
		sp := strings.IndexByte(line, ' ')
		return "-", "", labelDash, strings.TrimSpace(line[sp:])
	case strings.HasPrefix(line, "+ "):
		return "+", "", labelPlus, strings.TrimSpace(line[2:])
	}
	i := 0
	for i < len(line) && (line[i] >= '0' && line[i] <= '9' || line[i] == '.' && i > 0 && line[i-1] != '.') {
		i++
	}
	if i > 0 && i+1 < len(line) && line[0] != '.' {
		num := strings.TrimSuffix(line[:i], ".")
		switch {
		case line[i-1] == '.' && line[i] == ' ' && shortParts(num):
			return line[:i], num, labelNumber, strings.TrimSpace(line[i:])
		case line[i] == ')' && line[i-1] != '.' && i+1 < len(line) && line[i+1] == ' ' && shortParts(num):
			return line[:i+1], num, labelNumber, strings.TrimSpace(line[i+1:])
		}
		return "", "", labelNone, line
	}
	r, n := utf8.DecodeRuneInString(line)
	if unicode.IsLower(r) && n < len(line)-1 && line[n] == ')' && line[n+1] == ' ' {
		return line[:n+1], line[:n], labelLetter, strings.TrimSpace(line[n+1:])
	}
	return "", "", labelNone, line
}

// shortParts reports a section number of at most 4 parts of 1–2 digits
// ("1", "2.1"), not a year ("2030.").
func shortParts(num string) bool {
	parts := strings.Split(num, ".")
	for _, p := range parts {
		if len(p) == 0 || len(p) > 2 {
			return false
		}
	}
	return len(parts) <= 4
}

// sectionHeading recognizes "II. NHIỆM VỤ…" and upper-case heading lines.
func sectionHeading(line string) (id, title string, ok bool) {
	if dot := strings.IndexByte(line, '.'); dot > 0 && dot <= 5 && dot+1 < len(line) && line[dot+1] == ' ' &&
		strings.Trim(line[:dot], "IVXL") == "" {
		return line[:dot], strings.TrimSpace(line[dot+1:]), true
	}
	if utf8.RuneCountInString(line) > 120 || strings.HasSuffix(line, ".") {
		return "", "", false
	}
	letters := 0
	for _, r := range line {
		if unicode.IsLower(r) {
			return "", "", false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return "", line, letters >= 4
}

func sectionKind(title string) SectionKind {
	f := viet.Fold(title)
	switch {
	case strings.Contains(f, "to chuc thuc hien"), strings.HasPrefix(f, "kinh phi"), strings.HasPrefix(f, "che do bao cao"):
		return SectionOrganisation
	case strings.Contains(f, "nhiem vu"), strings.Contains(f, "giai phap"), strings.Contains(f, "noi dung"):
		return SectionTasks
	case strings.Contains(f, "muc dich"), strings.Contains(f, "muc tieu"), strings.Contains(f, "yeu cau"), strings.Contains(f, "quan diem"):
		return SectionGoals
	}
	return SectionTasks
}

// tableHeader reads the header row of a task table: which column holds the
// task, the agency in charge and the deadline.
func tableHeader(cells []string) ([]string, bool) {
	roles := make([]string, len(cells))
	found := false
	for i, c := range cells {
		f := viet.Fold(c)
		switch {
		case strings.Contains(f, "chu tri"):
			roles[i] = "agency"
		case strings.Contains(f, "phoi hop"):
			roles[i] = "partner"
		case strings.Contains(f, "thoi han"), strings.Contains(f, "thoi gian"), strings.Contains(f, "tien do"):
			roles[i] = "deadline"
		case strings.Contains(f, "nhiem vu"), strings.Contains(f, "noi dung"), strings.Contains(f, "de an"), strings.Contains(f, "san pham"):
			if !found {
				roles[i], found = "task", true
			}
		}
	}
	return roles, found
}
