package corpus

import (
	"strings"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// A page of news (tin tức) is not a văn bản: it reports what documents do
// and what officials ask, it does not implement, guide, amend, replace or
// repeal anything itself, and it has no legal effect of its own. The graph
// takes relations only from văn bản (docGraph): every reference of a
// report is a mention, so it is listed among the pages citing a number
// (cited_by) but never in a Lược đồ group ("Văn bản thực hiện" …), and
// nothing it says changes an effect status, nor its own.

// IsReport reports a stored page that is not a văn bản: one with no number
// of its own (Number, from the page's property table, its "Số:" header or
// a title opening with a citation — crawler.ArticleDocument), not a file
// (an attachment or a file read from disk is the document itself, even
// when its number was not read, as in a scan), and whose page does not
// call it a document. The portal's type field, when there is one, is its
// own word and decides: a type naming a document ("Công văn"), or any
// "Văn bản …" ("Văn bản khác", a section's "Văn bản chỉ đạo điều hành",
// "Văn bản QPPL", which doctype names no type of) is a văn bản; any other
// ("Tin tức") is news, even when the page links a file (a footer's guide,
// the PDF of the plan it reports: i18-newsrev). Without a type field the
// title's first words decide ("Kế hoạch thực hiện Nghị quyết …" is a
// document posted without its number), and a page with a file of its own
// posts that document (its number is in the file). Attachments are the
// page's own files: those its article or attachment block links, not its
// portal's header, footer or sidebar, nor a related list's
// (crawler/extract, i19-extract).
func IsReport(d *Document) bool {
	if d.Number != "" || d.File != nil || d.Parent != "" {
		return false
	}
	if d.Type != "" {
		return doctype.Of(d.Type, "").Name == "" && !namesVanBan(d.Type)
	}
	return len(d.Attachments) == 0 && doctype.Of("", d.Title).Name == ""
}

// namesVanBan reports a type field that calls the page a văn bản without
// naming its type: "Văn bản khác", "Văn bản chỉ đạo điều hành".
func namesVanBan(typ string) bool {
	f := viet.Fold(strings.TrimSpace(typ))
	return f == "van ban" || strings.HasPrefix(f, "van ban ")
}

// asReport makes a report's reading of its text what the graph keeps of a
// report: each reference a mention of nothing but its number and date,
// and no effect of its own.
func asReport(pd *cite.Doc) {
	pd.Signed, pd.Effective, pd.Until = "", "", ""
	for i := range pd.Refs {
		r := &pd.Refs[i]
		r.Relation, r.By, r.Other, r.Part, r.Partial, r.Effective, r.Until = cite.Mentions, false, "", "", false, "", ""
	}
}
