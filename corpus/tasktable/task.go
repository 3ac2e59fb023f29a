package tasktable

// Task items: what the tasks view lists for every implementing document.
//
// A document's tasks are its linkable items (Item.Linkable) that head no
// others, with their links (link.PlanWith). corpus asks for them (Compute)
// when the document implements a stored document (Role: it cites one with
// passages) or is a plan by type (Kế hoạch, Chương trình) — a plan whose
// resolution is not stored still has tasks, with no links. For each task:
//
//   - Agency is the agency in charge (chủ trì): the row's or heading's
//     (Item.Agency), else the agency the text starts with ("Bộ trưởng Bộ
//     Tài chính chủ trì …"), else the one the nearest heading starts with
//     ("Các cơ sở sản xuất, kinh doanh …:");
//   - Partners are the co-agencies (phối hợp): the row's column, else the
//     agencies after "phối hợp với" in the text;
//   - Deadline is the row's column read by deadline.Parse, else what the
//     text states (deadline.Find), dates without a year taking the
//     document's own;
//   - Context is the headings above it, outermost first.
//
// They are materialised in the store (store.go), not computed when
// asked.

import (
	"cmp"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus/deadline"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"

	"github.com/vanban/vanban/corpus/link"
)

// Task is one task item of an implementing document.
type Task struct {
	ID       string            `json:"id"` // Item.ID, unique in its document
	Label    string            `json:"label,omitempty"`
	Text     string            `json:"text"`
	Context  string            `json:"context,omitempty"` // section title and headings above it, " › "-joined
	Agency   string            `json:"agency,omitempty"`  // chủ trì
	Partners string            `json:"partners,omitempty"`
	Output   string            `json:"output,omitempty"`
	Deadline deadline.Deadline `json:"deadline"`
	Line     int               `json:"line"`
	Links    []link.Match      `json:"links"` // the parent passages it implements, best first
}

// TaskDoc is the implementing document of a list of tasks.
type TaskDoc struct {
	link.DocRef
	Site      string `json:"site,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
}

// PlanTasks is the tasks of one implementing document.
type PlanTasks struct {
	Plan    TaskDoc       `json:"plan"`
	Parents []link.DocRef `json:"parents"` // the stored documents it implements
	Tasks   []Task        `json:"tasks"`
}

// TaskKey is what the tasks view filters and orders a task by; the store
// keeps the keys of a document's tasks beside its header, so that a table
// of every task is built without decoding the tasks themselves.
type TaskKey struct {
	ID       string        `json:"i"`
	Agency   string        `json:"a,omitempty"`
	Partners string        `json:"p,omitempty"`
	Kind     deadline.Kind `json:"k,omitempty"`
	Date     string        `json:"d,omitempty"` // Deadline.Date
	Links    []LinkKey     `json:"l,omitempty"`
}

// LinkKey names a linked passage.
type LinkKey struct {
	DocID   string `json:"d"`
	Passage string `json:"p"`
}

// Keys returns the keys of pt's tasks.
func (pt *PlanTasks) Keys() []TaskKey {
	keys := make([]TaskKey, len(pt.Tasks))
	for i, t := range pt.Tasks {
		k := TaskKey{ID: t.ID, Agency: t.Agency, Partners: t.Partners, Kind: t.Deadline.Kind, Date: t.Deadline.Date}
		for _, m := range t.Links {
			k.Links = append(k.Links, LinkKey{DocID: m.DocID, Passage: m.Passage})
		}
		keys[i] = k
	}
	return keys
}

// CompareImplementers orders the documents implementing a parent as its
// page, corpus's Role and the tasks view list them: oldest first, then by
// number, an article before the file it wraps (so the order does not
// depend on IDs).
func CompareImplementers(a, b TaskDoc) int {
	if c := cmp.Compare(a.Published, b.Published); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Number, b.Number); c != 0 {
		return c
	}
	switch {
	case a.File == "" && b.File != "":
		return -1
	case a.File != "" && b.File == "":
		return 1
	}
	return 0
}

// Plan is what Compute reads of an implementing document: the document
// as the linker reads it, and where and when it was published.
type Plan struct {
	link.Doc
	Site      string
	Published string // YYYY-MM-DD: a deadline without a year takes its year
	URL       string
}

// Compute computes the tasks of doc, whose parents and their outlines
// are given (their linking targets from cache, when not nil); nil when it
// has none.
func Compute(doc Plan, parents []link.Doc, outlines []*outline.Outline, cache *link.Cache) *PlanTasks {
	pl := link.PlanWith(doc.Doc, parents, outlines, link.DefaultParams(), cache, nil)
	ref, _ := time.Parse("2006-01-02", doc.Published)
	out := &PlanTasks{Plan: TaskDoc{DocRef: pl.DocRef, Site: doc.Site, Published: doc.Published, URL: doc.URL},
		Parents: pl.Resolutions, Tasks: []Task{}}
	for i := range pl.Items {
		it := &pl.Items[i]
		if !it.Linked || it.Heading {
			continue
		}
		t := Task{ID: it.ID, Label: it.Label, Text: it.Text, Context: itemContext(pl.Items, i),
			Agency: it.Agency, Partners: it.Partners, Output: it.Output, Line: it.Line, Links: it.Matches}
		if t.Agency == "" {
			t.Agency = headAgency(pl.Items, i)
		}
		if t.Partners == "" {
			t.Partners = partnersIn(it.Text)
		}
		if it.Deadline != "" {
			t.Deadline = deadline.Parse(it.Deadline, ref)
		} else if d, ok := deadline.Find(it.Text, ref); ok {
			t.Deadline = d
		}
		if t.Links == nil {
			t.Links = []link.Match{}
		}
		out.Tasks = append(out.Tasks, t)
	}
	if len(out.Tasks) == 0 {
		return nil
	}
	return out
}

// itemContext is the section title and the text of the items above item
// i, outermost first.
func itemContext(items []link.ItemLink, i int) string {
	var parts []string
	for p := items[i].Parent; p >= 0; p = items[p].Parent {
		parts = append(parts, strings.TrimRight(firstLine(items[p].Text), ":"))
	}
	if s := items[i].Section; s != "" {
		parts = append(parts, s)
	}
	for l, r := 0, len(parts)-1; l < r; l, r = l+1, r-1 {
		parts[l], parts[r] = parts[r], parts[l]
	}
	return strings.Join(parts, " › ")
}

// headAgency is the agency item i's text starts with, else the one the
// nearest heading above it starts with.
func headAgency(items []link.ItemLink, i int) string {
	if name := agencyText(items[i].Text); name != "" {
		return name
	}
	for p := items[i].Parent; p >= 0; p = items[p].Parent {
		if name := agencyText(items[p].Text); name != "" {
			return name
		}
	}
	return ""
}

// agencyText is the agencies text starts with, as written: each name
// runs from its head (outline.ActorHeadLen: "Sở", "Ủy ban nhân dân", "Bộ
// Chỉ huy") to the clause's verb or role word (nameStops: "chủ trì",
// "phối hợp", "thực hiện", "có trách nhiệm"…) or a colon, semicolon or
// full stop, with the lower-case words official names are written with
// ("Sở Giao thông vận tải", "Ban Quản lý dự án đầu tư xây dựng tỉnh").
// A comma goes on when another head follows ("Sở Giao thông vận tải, Sở
// Tài chính": two agencies), a capitalised word inside a name ("Văn hóa,
// Thể thao và Du lịch") or a locality ("các huyện, thị xã, thành phố");
// "và" before a head joins two agencies. The agencies are kept as
// written, ", "-joined. A lower-case run longer than maxLowerRun is a
// task the name swallowed (a verb not in nameStops): the name ends before
// it. Text that does not start with a head (outline.ActorWords: without
// "Đề nghị", "Giao") names none.
func agencyText(text string) string {
	_, toks, named := outline.ActorWords(text)
	if named == 0 {
		return ""
	}
	return strings.Join(agencyNames(toks), ", ")
}

// maxLowerRun bounds the lower-case words after a name's last capitalised
// or locality word ("dự án đầu tư xây dựng" is 5).
const maxLowerRun = 6

// agencyNames reads the agencies toks start with (agencyText).
func agencyNames(toks []string) []string {
	var names []string
	for i := 0; i < len(toks); {
		n := outline.ActorHeadLen(toks[i:])
		if n == 0 {
			break
		}
		name, next, more := agencyName(toks, i, n)
		if name != "" {
			names = append(names, name)
		}
		if !more {
			break
		}
		i = next
	}
	return names
}

// agencyName reads the name whose head takes toks[i:i+n] and returns it,
// where the next name starts and whether one does.
func agencyName(toks []string, i, n int) (string, int, bool) {
	ws := make([]string, 0, 8)
	end, lowerRun := 0, 0 // the words sure to be the name's; the lower-case ones after them
	k := i
	for ; k < len(toks); k++ {
		w := toks[k]
		bare := strings.TrimRight(w, ",:;.")
		if bare == "-" {
			ws = append(ws, bare) // "Sở Lao động - Thương binh và Xã hội"
			continue
		}
		if bare == "" {
			break
		}
		lower := viet.Lower(bare)
		upper := viet.StartsUpper(bare)
		head := k < i+n
		if !head && lower == "và" && k+1 < len(toks) && !viet.StartsUpper(toks[k+1]) {
			break // "Sở Y tế và các đơn vị …"
		}
		if !head && !upper && lower != "và" && nameStops[lower] && !nameTail(ws, lower) {
			break
		}
		ws = append(ws, bare)
		if head || upper || levelWords[lower] || afterCapital(ws) {
			lowerRun, end = 0, len(ws)
		} else if lowerRun++; lowerRun > maxLowerRun {
			return finishName(ws, end), k, false
		}
		switch punct := w[len(bare):]; {
		case punct == "":
			continue
		case punct != ",":
			return finishName(ws, end), k + 1, false // ":", ";", ".": "Sở Công Thương xúc tiến đầu tư."
		}
		if k+1 >= len(toks) {
			return finishName(ws, end), k + 1, false
		}
		if outline.ActorHeadLen(toks[k+1:]) > 0 {
			return finishName(ws, len(ws)), k + 1, true // "Sở Giao thông vận tải, Sở Tài chính"
		}
		nb := strings.TrimRight(toks[k+1], ",:;.")
		if !viet.StartsUpper(nb) && !levelWords[viet.Lower(nb)] {
			return finishName(ws, end), k + 1, false // "Sở Y tế, tổ chức …", "Sở Nội vụ đánh giá, xếp loại …"
		}
		ws[len(ws)-1] += "," // "Văn hóa, Thể thao", "các huyện, thị xã"
		end = len(ws)
	}
	if k < len(toks) {
		end = len(ws) // the lower-case words up to the verb are the name's ("vận tải")
	}
	return finishName(ws, end), k, false
}

// afterCapital reports whether the last of ws, in lower case, follows a
// capitalised word of the name: the second syllable of a word ("Y tế",
// "Quản lý").
func afterCapital(ws []string) bool {
	return len(ws) > 1 && viet.StartsUpper(ws[len(ws)-2])
}

// nameTail reports whether lower, a stop's first syllable, goes on a
// name's lower-case tail here: "xây dựng" after "đầu tư" ("Ban Quản lý
// dự án đầu tư xây dựng"), "ban" after "Ủy" ("Văn phòng Ủy ban nhân
// dân tỉnh"), "triển" after "Phát" ("Phát triển nông thôn").
func nameTail(ws []string, lower string) bool {
	if len(ws) == 0 {
		return false
	}
	prev := viet.Lower(ws[len(ws)-1])
	return lower == "xây" && prev == "tư" || lower == "ban" && (prev == "ủy" || prev == "uỷ") || lower == "triển" && prev == "phát"
}

// finishName is ws[:end] without the words a name never ends with.
func finishName(ws []string, end int) string {
	ws = ws[:end]
	for len(ws) > 1 {
		last := strings.TrimRight(ws[len(ws)-1], ",")
		if last != "-" && (viet.StartsUpper(last) || !nameStops[viet.Lower(last)]) {
			break
		}
		ws = ws[:len(ws)-1]
	}
	return strings.TrimRight(strings.Join(ws, " "), ",")
}

// levelWords name a level of government after an agency ("Công an
// tỉnh", "UBND các xã"); a comma before one goes on with the name ("các
// huyện, thị xã, thành phố").
var levelWords = map[string]bool{"tỉnh": true, "thành": true, "phố": true, "xã": true, "phường": true, "huyện": true,
	"quận": true, "thị": true, "trấn": true, "các": true, "cấp": true}

// nameStops are the first syllables of the verbs, role words and
// prepositions that follow an agency's name, written in lower case: a
// name ends before one and never ends with one.
var nameStops = map[string]bool{"tiếp": true, "trong": true, "chủ": true, "phối": true, "chỉ": true, "hướng": true,
	"tổ": true, "thực": true, "theo": true, "xây": true, "rà": true, "kiểm": true, "bố": true,
	"đảm": true, "bảo": true, "có": true, "khẩn": true, "tập": true, "nghiên": true, "cập": true,
	"tham": true, "làm": true, "là": true, "được": true, "để": true, "về": true, "tại": true, "với": true,
	"cùng": true, "sớm": true, "chịu": true, "tăng": true, "thường": true, "đẩy": true, "và": true, "quản": true,
	"căn": true, "khi": true, "đôn": true, "tổng": true, "báo": true, "giám": true, "xử": true,
	"triển": true, "thẩm": true, "tiến": true, "hỗ": true, "nâng": true, "tuyên": true, "đề": true, "chuẩn": true,
	"hoàn": true, "duy": true, "nắm": true, "trình": true, "lập": true, "phân": true, "ban": true, "cung": true, "xúc": true, "phổ": true}

// partnersIn is the agencies a text names after "phối hợp với" ("Chủ trì,
// phối hợp với Sở Y tế, UBND các xã, phường triển khai …" → "Sở Y tế,
// UBND các xã, phường"), or "".
func partnersIn(text string) string {
	text = firstLine(text)
	at := strings.Index(text, "phối hợp")
	if up := strings.Index(text, "Phối hợp"); up >= 0 && (at < 0 || up < at) {
		at = up
	}
	if at < 0 {
		return ""
	}
	rest := text[at+len("phối hợp"):]
	rest = strings.TrimLeft(rest, " ,")
	for _, p := range []string{"với ", "cùng "} {
		rest = strings.TrimPrefix(rest, p)
	}
	return agencyText(rest)
}
