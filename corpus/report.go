package corpus

import (
	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
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
// a title opening with a citation — crawler.ArticleDocument), no type that
// names a document (Type "Tin tức" names none; an empty Type defers to the
// title: "Kế hoạch thực hiện Nghị quyết …" is a document posted without its
// number), not a file (an attachment or a file read from disk is the
// document itself, even when its number was not read, as in a scan), and
// no attachment (a page carrying a file posts that document: its number
// is in the file).
func IsReport(d *Document) bool {
	if d.Number != "" || d.File != nil || d.Parent != "" || len(d.Attachments) > 0 {
		return false
	}
	return doctype.Of(d.Type, d.Title).Name == ""
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
