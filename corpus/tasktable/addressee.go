package tasktable

// A letter's points: a Công văn asks its addressees ("Kính gửi: …") to
// act in a paragraph that leads its points in ("Sở … đề nghị UBND các
// xã, phường; các đơn vị trực thuộc thực hiện … Cụ thể:"), and the points
// ("- Thường xuyên cập nhật …") name no agency: they are the addressees'.

import (
	"strings"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"
)

// letter is what letterAgency reads of a letter: the entries of its
// "Kính gửi:" block and its body's lines.
type letter struct {
	addr  []string
	lines []string
}

// readLetter is doc's addressees and lines when doc is a letter
// (doctype.Letter) with a "Kính gửi:" block, else the zero letter.
func readLetter(doc link.Doc) letter {
	if doctype.Of(doc.Type, doc.Title).Class != doctype.Letter {
		return letter{}
	}
	addr := outline.Addressees(doc.Body)
	if len(addr) == 0 {
		return letter{}
	}
	return letter{addr: addr, lines: strings.Split(doc.Body, "\n")}
}

// maxAddresseeWords bounds an addressee taken as written.
const maxAddresseeWords = 12

// agency is the agency of item i of the letter when its text and
// headings name none: its points' lead-in (the line before the run of
// tasks it ends, ending with ":") asks with "đề nghị" / "yêu cầu" an
// agency that is an addressee — that one; or asks without naming anyone
// ("… yêu cầu khẩn trương thực hiện các nội dung sau:") and the letter has
// one addressee — that one, as written. Else "".
func (l letter) agency(items []link.ItemLink, i int) string {
	if len(l.addr) == 0 {
		return ""
	}
	k := i
	for k > 0 && items[k-1].Task() && items[k-1].Parent == items[i].Parent {
		k--
	}
	lead := ""
	for n := items[k].Line - 2; n >= 0 && n < len(l.lines); n-- {
		if lead = strings.TrimSpace(l.lines[n]); lead != "" {
			break
		}
	}
	if !strings.HasSuffix(lead, ":") {
		return ""
	}
	for _, a := range askers {
		at := strings.LastIndex(" "+lead, a)
		if at < 0 {
			continue
		}
		rest := lead[at-1+len(a):]
		for _, ad := range addresses {
			rest = strings.TrimPrefix(rest, ad)
		}
		name := agencyObject(rest)
		switch {
		case name != "" && addressed(name, l.addr) && allAsked(rest, l.addr):
			return strings.Join(l.addr, ", ") // as the block writes them: "Các đơn vị, cơ sở giáo dục trực thuộc"
		case name != "" && addressed(name, l.addr):
			return name
		case name == "" && len(l.addr) == 1:
			if one := agencyObject(l.addr[0]); one != "" {
				return one
			}
			if viet.WordCount(l.addr[0]) <= maxAddresseeWords {
				return l.addr[0]
			}
		}
	}
	return ""
}

// allAsked reports every addressee named in the request: the first
// addressedWords words of each, folded, in the text after the verb.
func allAsked(rest string, addr []string) bool {
	f := " " + foldWords(rest, -1) + " "
	for _, a := range addr {
		if !strings.Contains(f, " "+foldWords(a, addressedWords)+" ") {
			return false
		}
	}
	return true
}

// foldWords is s's first n words (all: n < 0), folded, lower case,
// without their punctuation.
func foldWords(s string, n int) string {
	ws := strings.Fields(viet.Fold(strings.ToLower(s)))
	for k := range ws {
		ws[k] = strings.Trim(ws[k], ",;:.")
	}
	if n >= 0 {
		ws = ws[:min(len(ws), n)]
	}
	return strings.Join(ws, " ")
}

// addressedWords is how many words of a name and an addressee must agree.
const addressedWords = 3

// addressed reports whether name starts as one of the addressees does
// (its first addressedWords words, folded).
func addressed(name string, addr []string) bool {
	h := foldWords(name, addressedWords)
	for _, a := range addr {
		if foldWords(a, addressedWords) == h {
			return true
		}
	}
	return false
}
