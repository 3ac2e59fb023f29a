package corpus

// Which cited documents a document implements (the one owner of the rule;
// coverage.go's Role, Parents and implementers ask it). A candidate parent
// is a live stored document the text cites that has passages (parents).
// The text implements it, by structure and citations, not by type, when
//
//   - the text states it: the relation it states itself to the parent is guides
//     or implements (cite: "Thông tư này quy định chi tiết khoản 3 Điều 7
//     của Nghị định số …", "hướng dẫn thi hành …", a heading "Thực hiện
//     Nghị quyết số …", "triển khai thực hiện …");
//   - the text assigns tasks (outline Item.Task) and the parent is no
//     statute it names only as a ground or in passing: a Kế hoạch under
//     "Căn cứ Nghị quyết số …" carries the resolution out, a circular's
//     "Căn cứ Luật Tổ chức Chính phủ …" or "Căn cứ Luật Ban hành văn bản
//     quy phạm pháp luật …" is a general legal ground, no parent;
//   - the parent leaves the work to the text's issuer, a ministry, and the
//     text does more than repeal others: "Bộ trưởng Bộ Xây dựng ban hành định
//     mức …", "Bộ Tài chính hướng dẫn …" in a decree, and a circular of the
//     Bộ Xây dựng (its number's code) citing it (a circular that only
//     repeals another cites the decree as a ground and implements
//     nothing);
//   - an item of a numbered section of the text (an article, a part, an
//     appendix: not its grounds) names the parent and the text does not
//     change it: a
//     circular writing the rule a decree leaves to the ministry ("Các đối
//     tượng quy định tại khoản 1 Điều 38 Nghị định số … được bồi dưỡng
//     …"), a circular of rates taking another circular's rates for some
//     points ("Mức thu … thực hiện theo quy định tại Thông tư số …"). A
//     statute is a parent of such a text only when the text states it.
//
// A text whose relation to a cited document changes it implements it
// only when it amends it and also assigns tasks: one replacing, repealing,
// ending or suspending it leaves nothing of it to carry out, tasks or not
// ("Kế hoạch này thay thế Kế hoạch số …"). Nor does a text implement a
// document it names only to leave its cases out or to set its rule
// beside its own, whatever else it does (setAside: a decree's "doanh
// nghiệp … ngoài được hưởng các chính sách … quy định tại Nghị định số …
// còn được hưởng …", the one place it names that decree, with tasks of
// its own for another law).

import (
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/text/unicode/norm"
)

// citedAs is what a text's citations and structure say of one candidate
// parent.
type citedAs struct {
	Rel       cite.Relation // the relation the text itself states to it (Store.stated, graph Entry.Stated)
	Statute   bool          // the parent is a statute: Hiến pháp, Luật, Bộ luật, Pháp lệnh, a Quốc hội act
	Tasks     bool          // the text assigns tasks (Item.Task)
	ItemCites bool          // an item of the text names the parent
	Assigned  bool          // the parent leaves work to the text's issuer (assigns), and the text does more than repeal others
	SetAside  bool          // every reference of the text to the parent leaves its cases out or sets its rule beside the text's own (setAside)
	Through   bool          // the text names the parent only as what another text it cites carries out (graph Entry.Through)
}

// implementsCited decides whether a text implements a candidate parent.
func implementsCited(c citedAs) bool {
	switch {
	case c.Rel == cite.Guides || c.Rel == cite.Implements:
		return true
	case c.Through:
		return false // "Thực hiện Kế hoạch số A … thực hiện Nghị quyết số B": the text carries out A, B through A
	case c.Statute:
		return false // a general ground, or cited in passing
	case c.Rel.Changes() && c.Rel != cite.Amends:
		return false // replaced, repealed, ended, suspended: nothing left to carry out
	case c.SetAside:
		return false // named only beside the text's own rule ("ngoài … quy định tại …")
	case c.Tasks:
		return true
	case c.Rel.Changes():
		return false
	}
	return c.ItemCites || c.Assigned
}

// ministryOf is the ministry whose code a document number carries
// ("38/2030/TT-BXD": "Bộ Xây dựng"), "" for any other issuer (a province's
// UBND, the Government …).
func ministryOf(number string) string {
	if number == "" {
		return ""
	}
	for _, r := range cite.ParseRefs("số " + number) {
		if r.Key == number || doctype.NumberKey(r.Key) == doctype.NumberKey(number) {
			if strings.HasPrefix(r.Issuer, "Bộ ") && !strings.Contains(r.Issuer, ",") {
				return r.Issuer
			}
		}
	}
	return ""
}

// assignVerbs are what a text leaves to a ministry to write, after its
// name: "Bộ trưởng Bộ Tài chính quy định mức thu …", "Bộ Xây dựng hướng
// dẫn …", "… ban hành định mức …".
var assignVerbs = []string{"quy dinh", "huong dan", "ban hanh"}

// assigns reports whether body (a cited document's) leaves work to
// ministry: one of its sentences names the ministry and, after the name,
// a verb of assignVerbs within a few words ("Bộ trưởng Bộ Tài chính quy
// định …"; not "theo quy định của Bộ trưởng Bộ Tài chính.", nor an older
// text's issuer "Thông tư số … của Bộ trưởng Bộ Tài chính quy định …",
// nor "gửi báo cáo về Bộ Tài chính theo quy định tại …", nor "phản ánh về
// Bộ Tài chính để được hướng dẫn").
func assigns(body, ministry string) bool {
	if ministry == "" {
		return false
	}
	name := strings.Fields(viet.Fold(ministry))
	// a name and its verb may be wrapped over two lines
	ws := strings.Fields(viet.Fold(strings.NewReplacer(",", " , ", ".", " . ", ";", " ; ", ":", " : ").Replace(body)))
	{
		for i := 0; i+len(name) <= len(ws); i++ {
			if !slices.Equal(ws[i:i+len(name)], name) || notLeftWork(ws[:i]) {
				continue
			}
			rest := ws[i+len(name):]
			for j := 0; j < len(rest) && j < 4; j++ {
				if rest[j] == "." || rest[j] == ";" {
					break
				}
				if j > 0 && rest[j-1] == "theo" {
					continue // "… theo quy định tại …": what another rule says
				}
				for _, v := range assignVerbs {
					vs := strings.Fields(v)
					if j+len(vs) <= len(rest) && slices.Equal(rest[j:j+len(vs)], vs) {
						return true
					}
				}
			}
		}
	}
	return false
}

// notLeftWork reports folded words before a ministry's name (its
// minister's title "Bộ trưởng" looked through) that make it the issuer of
// a text named there ("… của Bộ trưởng Bộ Tài chính", "… của Bộ Tài
// chính") or the one something is sent to ("phản ánh về Bộ Tài chính để
// được hướng dẫn", "gửi về Bộ trưởng Bộ Xây dựng …"): no work is left to
// it.
func notLeftWork(before []string) bool {
	n := len(before)
	if n >= 2 && before[n-2] == "bo" && before[n-1] == "truong" {
		n -= 2
	}
	return n >= 1 && (before[n-1] == "cua" || before[n-1] == "ve")
}

// readCited is what a text read from its body (SyncTasks, or a text
// whose table entry is stale) says of a candidate parent: whether it has
// tasks, whether the only changes it states repeal texts (Store.stated),
// the relation rel it states to the parent, and, asked only when nothing
// else decides, whether its references to the parent all set it aside
// (setAside), whether an item of its numbered sections names the parent
// (itemCites) and whether the parent leaves work to the text's issuer
// (assigned).
func readCited(tasks, repealsOnly bool, rel cite.Relation, statute, through bool, setAside, itemCites, assigned func() bool) citedAs {
	c := citedAs{Rel: rel, Statute: statute, Tasks: tasks, Through: through}
	if c.Statute || c.Through || rel.Changes() || rel == cite.Guides || rel == cite.Implements {
		return c // decided without reading further
	}
	if c.Tasks {
		c.SetAside = setAside()
		return c
	}
	// an item naming the parent names it not set aside (itemsCite)
	if c.ItemCites = itemCites(); !c.ItemCites && !repealsOnly {
		if c.Assigned = assigned(); c.Assigned {
			c.SetAside = setAside()
		}
	}
	return c
}

// implemented returns the IDs of parents (doc's candidate parents:
// Store.parents) doc implements (implementsCited), tasks telling whether
// it assigns tasks: what SyncTasks stores (tasktable.PlanTasks's
// Implements, for a text without tasks too) and what Parents, Role and
// the tasks view read while the table is current. o is doc's outline
// (outline.Parse of its body), read only when an item may name a parent
// (groundOnly) and parsed then when nil.
func (s *Store) implemented(doc *Document, o *outline.Outline, parents []link.Doc, tasks bool) ([]string, error) {
	if len(parents) == 0 {
		return nil, nil
	}
	rels, through, repealsOnly, err := s.stated(doc.ID)
	if err != nil {
		return nil, err
	}
	ministry := ministryOf(doc.Number)
	var out []string
	for k := range parents {
		p := &parents[k]
		items := func() bool {
			if groundOnly(doc.Body, p.Number) {
				return false
			}
			if o == nil {
				o = outline.Parse(doc.Body)
			}
			return itemsCite(o, p.Number)
		}
		aside := func() bool {
			if o == nil {
				o = outline.Parse(doc.Body)
			}
			return setAside(doc.Body, o, p.Number)
		}
		c := readCited(tasks, repealsOnly, relOf(rels, p.ID), statuteRef(doctype.Of(p.Type, p.Title).Name, p.Number), through[p.ID],
			aside, items, func() bool { return assigns(p.Body, ministry) })
		if implementsCited(c) {
			out = append(out, p.ID)
		}
	}
	return out, nil
}

// groundOnly reports a body whose only mention of number is on a line
// opening "Căn cứ" (a ground, which itemsCite never counts): no item
// names it, known without outlining the body — a parent's thousands of
// citing texts without tasks cost a search each, not a parse
// (BenchmarkRoleCitedByMany).
func groundOnly(body, number string) bool {
	// the number up to its second slash: "45/2030/" of "45/2030/NĐ-CP",
	// whatever the spelling of its code
	stem := number
	if i := strings.IndexByte(number, '/'); i > 0 {
		if j := strings.IndexByte(number[i+1:], '/'); j > 0 {
			stem = number[:i+1+j+1]
		}
	}
	if stem == "" || strings.Count(body, stem) != 1 {
		return false
	}
	at := strings.Index(body, stem)
	line := body[strings.LastIndexByte(body[:at], '\n')+1 : at]
	return strings.HasPrefix(viet.Fold(strings.TrimLeft(line, "*_- ")), "can cu")
}

// statuteRef reports a reference to a statute: its type, or a Quốc hội or
// Standing Committee number ("63/2025/QH15", "…/UBTVQH15").
func statuteRef(typ, key string) bool {
	switch typ {
	case "Hiến pháp", "Luật", "Bộ luật", "Pháp lệnh":
		return true
	}
	k := strings.ToUpper(key)
	if i := strings.LastIndexByte(k, '/'); i >= 0 {
		code := k[i+1:]
		return strings.HasPrefix(code, "QH") || strings.HasPrefix(code, "UBTVQH")
	}
	return false
}

// statuteDoc reports a stored document that is a statute, by its type or
// title, or its number.
func statuteDoc(d *Document) bool {
	t := doctype.Of(d.Type, d.Title)
	return statuteRef(t.Name, d.Number)
}

// relOf is the relation a text states to the stored document id
// (Store.stated), mentions when it states none.
func relOf(rels map[string]cite.Relation, id string) cite.Relation {
	if r, ok := rels[id]; ok {
		return r
	}
	return cite.Mentions
}

// itemsCite reports whether an item of o in a numbered section (an
// article, a roman or numbered part, an appendix: not a preamble's list
// of grounds under "Căn cứ:", which the outline may read as items) names
// the document numbered number.
func itemsCite(o *outline.Outline, number string) bool {
	key := doctype.NumberKey(number)
	if key == "" {
		return false
	}
	// the number's digits first: most items name no document
	digits := number
	if i := strings.IndexByte(number, '/'); i > 0 {
		digits = number[:i+1]
	}
	for i := range o.Items {
		it := &o.Items[i]
		t := it.Text
		if !strings.Contains(t, digits) || !cite.MayCite(t) || !numbered(o, it) {
			continue
		}
		for _, r := range cite.ParseRefs(t) {
			if r.LookupKey() == key && !excepted(t[:r.Start]) {
				return true
			}
		}
	}
	return false
}

// setAside reports a body (outline o) whose every reference to the
// document numbered number is in a clause that leaves its cases out or
// sets its rule beside the text's own (excepted: "ngoài được hưởng các
// chính sách … quy định tại Nghị định số …", "trừ trường hợp quy định tại
// …"), in an item (the clause read in the item's text) or in a paragraph
// of no item (a section's text: a decree's sentence before its first
// article, a plan's paragraph before its first heading; the clause read
// in its paragraph) or in a section's heading (an article of one
// sentence is all heading: "Điều 1. … ngoài được hưởng các chính sách quy
// định tại Nghị định số … còn được …"; the clause read in the title). A
// reference anywhere else — the front matter the outline drops — or in a
// clause carrying the document out, a ground, and a body naming it
// nowhere give false.
func setAside(body string, o *outline.Outline, number string) bool {
	key := doctype.NumberKey(number)
	digits := number
	if i := strings.IndexByte(number, '/'); i > 0 {
		digits = number[:i+1]
	}
	if key == "" || !strings.Contains(body, digits) {
		return false
	}
	all := 0
	for _, r := range cite.ParseRefs(body) {
		if r.LookupKey() == key {
			all++
		}
	}
	aside := 0
	// read counts t's references to the document, each excepted in the
	// clause before it (from the last paragraph break when para); false
	// at the first that is not
	read := func(t string, para bool) bool {
		if !strings.Contains(t, digits) || !cite.MayCite(t) {
			return true
		}
		for _, r := range cite.ParseRefs(t) {
			if r.LookupKey() != key {
				continue
			}
			before := t[:r.Start]
			if para {
				before = before[strings.LastIndexByte(before, '\n')+1:]
			}
			if !excepted(before) {
				return false
			}
			aside++
		}
		return true
	}
	for i := range o.Items {
		if !read(o.Items[i].Text, false) {
			return false
		}
	}
	for i := range o.Sections {
		// a heading too: an article of one sentence is all heading
		// ("Điều 1. Hợp tác xã ngoài được hưởng các chính sách quy định tại
		// Nghị định số … còn được …"), its clause the title
		if !read(o.Sections[i].Title, false) || !read(o.Sections[i].Text, true) {
			return false
		}
	}
	return all > 0 && aside == all
}

// numbered reports an item of a numbered section, and no ground.
func numbered(o *outline.Outline, it *outline.Item) bool {
	if it.Section < 0 || it.Section >= len(o.Sections) || o.Sections[it.Section].ID == "" {
		return false
	}
	return !strings.HasPrefix(viet.Fold(strings.TrimLeft(it.Text, "*_- ")), "can cu")
}

// exceptWords, in the clause before a reference, name the document to
// leave its cases out or set its rule beside the text's own ("Thông tư
// này không áp dụng đối với … quy định tại Nghị định số …", "… trừ trường
// hợp quy định tại …", "ngoài được hưởng các chính sách quy định tại …",
// "so với …"): no rule of the text carries it out. Words, lower case, not
// folded: "trừ" is no "trụ sở", "dự trữ".
var exceptWords = [][]string{{"không", "áp", "dụng"}, {"trừ"}, {"ngoài"}, {"so", "với"}, {"khác", "với"}}

// compoundTru, before "trừ", make it a word of their own: "khấu trừ" (a
// deduction), "bù trừ" (an offset), "phòng trừ" (pest control).
var compoundTru = []string{"khấu", "bù", "phòng"}

// besideWords open what "ngoài" sets beside the text's own rule, the word
// after it: "ngoài các chính sách …", "ngoài được hưởng …", "ngoài phạm vi
// …", "ngoài trường hợp …", "ngoài chế độ …". Any other word makes it no
// exception: "ngoài ra" joins a sentence on, "ngoài công lập", "ngoài
// giờ", "ngoài trời", "ngoài ngân sách" say what a noun is.
var besideWords = []string{"các", "những", "được", "việc", "phạm", "trường", "quy", "chế", "chính", "mức", "số", "khoản", "đối", "nội"}

// workWords, after "ngoài các" or "ngoài những", name work the document
// gives, which stands beside what the text adds: "Ngoài các nhiệm vụ quy
// định tại Nghị quyết số …, các sở còn …" carries the resolution out.
var workWords = [][]string{{"nhiệm", "vụ"}, {"công", "việc"}, {"giải", "pháp"}}

// listWords, after a comma, go on with a list of the texts or provisions
// an exception names ("trừ các trường hợp quy định tại Nghị định số …,
// khoản 2 Điều 5 …"), as a document type does (doctype.Leading).
var listWords = []string{"khoản", "điều", "điểm", "và", "hoặc"}

// excepted reports a reference whose clause, before (the item's text up
// to it), excludes or compares with the document it names; "nước ngoài",
// "bên ngoài" are places, "khấu trừ", "bù trừ" and "phòng trừ" words of
// their own (compoundTru), and "ngoài" needs what it sets beside after it
// (besideWords) that is no work of the document (workWords). An exception
// opening the sentence ends at a comma once it has named what it leaves
// out (a place, a number: "Trừ trường hợp quy định tại khoản 2 Điều này,
// doanh nghiệp nộp hồ sơ theo …", "giảm 30% so với năm 2025, hoàn thành
// …"), unless a further reference follows it (listWords, a type).
// An exception further back than exceptSpan bytes is not read: each of an
// item's references costs a bounded read, not its whole clause (an item of
// thousands of references in one clause: TestExceptedLong).
func excepted(before string) bool {
	if len(before) > exceptSpan {
		before = before[len(before)-exceptSpan:]
		if i := strings.IndexByte(before, ' '); i >= 0 {
			before = before[i+1:] // from a whole word
		}
	}
	if i := strings.LastIndexAny(before, ".;:"); i >= 0 {
		before = before[i+1:]
	}
	ws := strings.Fields(strings.ToLower(strings.NewReplacer(",", " , ", "(", " ", ")", " ").Replace(norm.NFC.String(before))))
	for i := range ws {
		for _, w := range exceptWords {
			if i+len(w) > len(ws) || !slices.Equal(ws[i:i+len(w)], w) {
				continue
			}
			if w[0] == "ngoài" && !besides(ws[:i], ws[i+1:]) {
				continue
			}
			if w[0] == "trừ" && i > 0 && slices.Contains(compoundTru, ws[i-1]) {
				continue
			}
			if closed(ws[i+len(w):]) {
				continue
			}
			return true
		}
	}
	return false
}

// exceptSpan is how far before a reference excepted reads: a clause of
// a hundred words ("… ngoài được hưởng các chính sách ưu đãi, hỗ trợ đối
// với doanh nghiệp khởi nghiệp sáng tạo quy định tại …" is 20).
const exceptSpan = 600

// besides reports "ngoài" between the words before and after it setting
// something beside the text's rule (excepted).
func besides(before, after []string) bool {
	if n := len(before); n > 0 && (before[n-1] == "nước" || before[n-1] == "bên" || before[n-1] == "và") {
		return false
	}
	if len(after) == 0 || !slices.Contains(besideWords, after[0]) {
		return false
	}
	if after[0] == "các" || after[0] == "những" {
		for _, w := range workWords {
			if len(after) > len(w) && slices.Equal(after[1:1+len(w)], w) {
				return false
			}
		}
	}
	return true
}

// closed reports an exception, its words after being rest, ended by a
// comma after an anchor — "tại", "theo", "này" (Điều này) or a number —
// and followed by no further reference (listWords, a document type).
func closed(rest []string) bool {
	anchor := false
	for j, w := range rest {
		switch {
		case w == ",":
			if anchor && j+1 < len(rest) && !slices.Contains(listWords, rest[j+1]) {
				if _, ok := doctype.Leading(strings.Join(rest[j+1:min(len(rest), j+1+doctype.MaxWords)], " ")); !ok {
					return true
				}
			}
		case w == "tại" || w == "theo" || w == "này" || strings.ContainsAny(w, "0123456789"):
			anchor = true
		}
	}
	return false
}
