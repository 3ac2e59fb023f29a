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
//     text states (deadline.Find), else what the nearest heading above it
//     that states one does (deadline.Heading: "Các nhiệm vụ hoàn thành
//     trong Quý III/2025:", "Năm 2026:"), dates without a year taking
//     the document's own;
//   - Context is the headings above it, outermost first.
//
// They are materialised in the store (store.go), not computed when
// asked.

import (
	"cmp"
	"strings"
	"time"
	"unicode"

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
	// Parent is the article that links the file the document was read
	// from (corpus.Document.Parent): a file and its article may be one
	// document (copies.go).
	Parent string `json:"parent,omitempty"`
	Issuer string `json:"issuer,omitempty"` // tells apart plans of one number (copies.go)
}

// PlanTasks is the tasks of one implementing document.
type PlanTasks struct {
	Plan    TaskDoc       `json:"plan"`
	Parents []link.DocRef `json:"parents"` // the stored documents it cites that have passages, as the linker reads them
	// Implements are the IDs of the Parents it implements, by the one
	// rule (corpus/roles.go's implementsCited: not a statute it names
	// only as a ground, nor a text it replaces), set by corpus, which
	// stores it for a document without tasks too (Tasks empty): the
	// chain, a parent's implementers and its coverage read them.
	Implements []string `json:"implements,omitempty"`
	Tasks      []Task   `json:"tasks"`
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
	Sum      uint32        `json:"s,omitempty"` // TextSum of its text: the copy rule reads it (copies.go)
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
		k := TaskKey{ID: t.ID, Agency: t.Agency, Partners: t.Partners, Kind: t.Deadline.Kind, Date: t.Deadline.Date,
			Sum: TextSum(t.Text)}
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
	Parent    string // the article linking the file it was read from
	Issuer    string
	// Outline is outline.Parse of Doc.Body when the caller parsed it (its
	// roles read it too: corpus's SyncTasks), nil: Compute parses it.
	// Compute reads it and leaves it as it is.
	Outline *outline.Outline
}

// Compute computes the tasks of doc, whose parents and their outlines
// are given (their linking targets from cache, when not nil); nil when it
// has none.
func Compute(doc Plan, parents []link.Doc, outlines []*outline.Outline, cache *link.Cache) *PlanTasks {
	pl := link.PlanOutlined(doc.Doc, doc.Outline, parents, outlines, link.DefaultParams(), cache, nil)
	ref, _ := time.Parse("2006-01-02", doc.Published)
	out := &PlanTasks{Plan: TaskDoc{DocRef: pl.DocRef, Site: doc.Site, Published: doc.Published, URL: doc.URL, Parent: doc.Parent, Issuer: doc.Issuer},
		Parents: pl.Resolutions, Tasks: []Task{}}
	heads := headDues{items: map[int]headDue{}, sections: map[string]headDue{}} // read once for all their items
	lt := readLetter(doc.Doc)
	rows := restatingRows(pl.Items)
	for i := range pl.Items {
		it := &pl.Items[i]
		if !it.Task() { // a heading, a legal text's provision, no item to link (outline roles.go)
			continue
		}
		t := Task{ID: it.ID, Label: it.Label, Text: it.Text, Context: itemContext(pl.Items, i),
			Agency: it.Agency, Partners: it.Partners, Output: it.Output, Line: it.Line, Links: it.Matches}
		if t.Agency == "" {
			t.Agency = headAgency(pl.Items, i)
			if t.Agency == "" && rows[it.ID] != nil && rows[it.ID].Agency != "" {
				t.Agency = wholeAgency(rows[it.ID].Agency, pl.Items, i)
			}
			if t.Agency == "" {
				t.Agency = lt.agency(pl.Items, i)
			}
		} else {
			t.Agency = wholeAgency(t.Agency, pl.Items, i)
		}
		if t.Partners == "" {
			t.Partners = partnersIn(it.Text)
		} else {
			t.Partners = expandAgency(t.Partners)
		}
		if r := rows[it.ID]; r != nil {
			if t.Partners == "" && r.Partners != "" {
				t.Partners = expandAgency(r.Partners)
			}
			if t.Output == "" {
				t.Output = r.Output
			}
		}
		if it.Deadline != "" {
			t.Deadline = deadline.Parse(it.Deadline, ref)
		} else if d, ok := deadline.Find(it.Text, ref); ok {
			t.Deadline = d
		} else if r := rows[it.ID]; r != nil && r.Deadline != "" {
			t.Deadline = deadline.Parse(r.Deadline, ref)
		} else if d, ok := headDeadline(pl.Items, i, ref, heads); ok {
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

// restatingRows maps a body task's ID to the first appendix row
// restating it (outline Item.Repeats: a plan's Phụ lục assigning its own
// tasks). The row is no task; its columns — agency, co-agencies,
// deadline, output — fill those its body task states none of: the body
// task's own text and attributes, then its headings, come first (as the
// linker lets a body passage that names its agency keep it), so the row
// only fills what would be lost with it.
func restatingRows(items []link.ItemLink) map[string]*outline.Item {
	rows := map[string]*outline.Item{}
	for i := range items {
		if id := items[i].Repeats; id != "" && rows[id] == nil {
			rows[id] = &items[i].Item
		}
	}
	return rows
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

// headDeadline is the deadline the nearest heading above item i states
// (its deadline column, or its text read by deadline.Heading), else the
// section's title ("II. NĂM 2026").
func headDeadline(items []link.ItemLink, i int, ref time.Time, heads headDues) (deadline.Deadline, bool) {
	for p := items[i].Parent; p >= 0; p = items[p].Parent {
		h, seen := heads.items[p]
		if !seen {
			if items[p].Deadline != "" {
				if d := deadline.Parse(items[p].Deadline, ref); d.Kind == deadline.Date || d.Kind == deadline.Recurring {
					h = headDue{d, true}
				}
			}
			if !h.ok {
				h.d, h.ok = deadline.Heading(firstLine(items[p].Text), ref)
			}
			heads.items[p] = h
		}
		if h.ok {
			return h.d, true
		}
	}
	h, seen := heads.sections[items[i].Section]
	if !seen {
		h.d, h.ok = deadline.Heading(items[i].Section, ref)
		heads.sections[items[i].Section] = h
	}
	return h.d, h.ok
}

// headDues are the deadlines the headings (by item index) and the
// sections (by title) of a plan state, read once for all their items.
type headDues struct {
	items    map[int]headDue
	sections map[string]headDue
}

// headDue is what a heading states of when its items are due.
type headDue struct {
	d  deadline.Deadline
	ok bool
}

// wholeAgency is the agency the outline gave item i (a table's column,
// its heading's name before a colon), read on where the item's text or
// the nearest heading above it writes the same name longer ("Chủ tịch Ủy
// ban nhân dân các tỉnh" of a heading "Chủ tịch Ủy ban nhân dân các tỉnh:
// Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng chỉ đạo …:"; "Bộ trưởng các
// Bộ" of "Bộ trưởng các Bộ: Quốc phòng, Công an …"), its lists of members
// one agency each (expandAgency).
func wholeAgency(agency string, items []link.ItemLink, i int) string {
	for p := i; p >= 0; p = items[p].Parent {
		toks, _ := outline.AgencyWords(items[p].Text)
		if n := outline.ActorHeadLen(toks); n > 0 && strings.HasPrefix(strings.Join(toks, " "), agency) {
			names := agencyNames(toks)
			if len(names) > 0 && len(names[0]) > len(agency) && strings.HasPrefix(names[0], agency) &&
				(names[0][len(agency)] == ':' || names[0][len(agency)] == ' ') {
				return expandAgencies(names)
			}
		}
		if p != i {
			break // the nearest heading only
		}
	}
	return expandAgency(agency)
}

// headAgency is the agency item i's text starts with (or the one that
// agency asks to act: askedAgency), or names after its lead clause
// (leadAgency), else the one the nearest heading above it starts with.
func headAgency(items []link.ItemLink, i int) string {
	if name := askedAgency(items[i].Text); name != "" {
		return name
	}
	if name := leadAgency(items[i].Text); name != "" {
		return name
	}
	for p := items[i].Parent; p >= 0; p = items[p].Parent {
		if name := agencyText(items[p].Text); name != "" {
			return name
		}
	}
	return sectionAgency(items[i].Section)
}

// wordsOnly reports s made of letters, digits and spaces.
func wordsOnly(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsSpace(r) }) < 0
}

// maxTitleAgency is how many words after "Trách nhiệm của" are taken
// whole as the name (longer: what follows the name says more, "… trong
// việc quản lý …").
const maxTitleAgency = 6

// sectionAgency is the agency a legal text's assigning article names in
// its title, "Trách nhiệm của Ủy ban nhân dân cấp tỉnh" (its clauses name
// only the work: "1. Chỉ đạo các sở, ngành kiểm tra …"), else "".
func sectionAgency(title string) string {
	words := strings.Fields(title)
	for k := 2; k < len(words); k++ {
		if viet.Fold(words[k-2]) == "trach" && viet.Fold(words[k-1]) == "nhiem" && viet.Fold(words[k]) == "cua" {
			rest := strings.TrimRight(strings.Join(words[k+1:], " "), ".:*")
			if generalHead(words[k+1:]) {
				return "" // "Trách nhiệm của các cơ quan, đơn vị": its clauses name each
			}
			name := agencyText(rest)
			if name != "" && len(words)-k-1 <= maxTitleAgency && strings.HasPrefix(rest, name) && wordsOnly(rest[len(name):]) {
				return rest // the title ends with the name: "Cục Đăng kiểm Việt Nam", "cơ sở giáo dục"
			}
			return name
		}
	}
	return ""
}
