package outline

// Lists of names: an appendix's or a letter's list of the units it
// addresses ("DANH SÁCH CÁC ĐƠN VỊ …: 1. Công ty …, 2. Công ty …") names
// units, it assigns nothing. An entry of it is a name (nameOnly) when it
// is short; a long one ("Công ty CP Xử lý chất thải xây dựng và Đầu tư
// phát triển môi trường Hà Nội", 16 words, past AgencyName's heading
// length) is a name too when the list around it is names.

import (
	"strings"

	"github.com/vanban/vanban/corpus/viet"
)

// minNameList is the fewest entries a list of names holds, and
// nameListShare the share of them (in quarters) that must be names.
const (
	minNameList   = 3
	nameListShare = 3
)

// maxNameWords bounds a listed name's words: a company's name runs long,
// a paragraph does not pass for one.
const maxNameWords = 30

// markNameLists sets NameEntry on the items of a list of names (siblings
// under one parent in one section, at least minNameList of them and three
// quarters names: nameOnly) that open with an organisation word, state no
// task verb in lower case and are not over maxNameWords.
func (o *Outline) markNameLists() {
	type group struct{ names, n int }
	groups := map[[2]int]*group{}
	name := make([]bool, len(o.Items))
	for i := range o.Items {
		it := &o.Items[i]
		k := [2]int{it.Section, it.Parent}
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
		}
		g.n++
		if name[i] = it.nameOnly(); name[i] {
			g.names++
		}
	}
	for i := range o.Items {
		it := &o.Items[i]
		g := groups[[2]int{it.Section, it.Parent}]
		if g.n < minNameList || 4*g.names < nameListShare*g.n || it.Heading || name[i] {
			continue
		}
		it.NameEntry = listedName(it.Text)
	}
}

// listedName reports text that may be a long name of a list: one line,
// at most maxNameWords words, opening with an organisation word (orgWords)
// and holding no task verb in lower case ("Công ty Điện lực … khẩn trương
// khắc phục …" is a task; "Công ty CP Xử lý chất thải …" capitalises its
// name's words).
func listedName(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), ":.;")
	if t == "" || strings.Contains(t, "\n") || strings.Count(t, " ")+1 > maxNameWords {
		return false
	}
	opens := false
	f := viet.Lower(t) + " "
	for _, w := range orgWords {
		if strings.HasPrefix(f, w) {
			opens = true
			break
		}
	}
	if !opens {
		return false
	}
	padded := " " + strings.NewReplacer(",", " ", ";", " ", ".", " ", ":", " ").Replace(t) + " "
	for _, v := range taskVerbs {
		if strings.Contains(padded, " "+v+" ") {
			return false
		}
	}
	return true
}
