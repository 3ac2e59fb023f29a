package web

import (
	"context"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
)

// docView is what the document page template sees.
type docView struct {
	*corpus.Document
	Query   string
	Paras   []para           // the body, escaped, with the query's words marked and the file's page breaks
	Files   []fileLink       // the article's attachments, with the documents read from them
	Of      *corpus.Document // for a file: the article that links it
	Rel     docRelations     // citations, cited-by, plan links, coverage (refs.go)
	Archive string           // our archived copy of the source page, when the crawler kept one
	Stored  string           // the stored document as JSON
	BackURL string           // the search this page was opened from
}

func (h *Handler) docPage(w http.ResponseWriter, r *http.Request) {
	doc, err := h.docs.Get(r.PathValue("id"))
	if err != nil || doc.Gone {
		w.WriteHeader(http.StatusNotFound)
		h.render(w, "notfound.html", r.PathValue("id"))
		return
	}
	q := r.URL.Query().Get("q")
	v := &docView{Document: doc, Query: q, Stored: "/api/documents/" + url.PathEscape(doc.ID)}
	if h.archive != nil {
		v.Archive = "/archive/" + url.PathEscape(doc.ID)
	}
	if q != "" {
		v.BackURL = "/?" + url.Values{"q": {q}}.Encode()
	}
	v.Paras = markParas(doc.Body, doc.File, search.HighlightTerms(search.ParseQuery(q)))
	v.Files, v.Of = h.fileLinks(doc)
	v.Rel = h.relations(doc)
	if _, ok := h.docs.(graph); !ok {
		v.Rel.Refs, v.Rel.CitedBy = h.indexRelations(r.Context(), doc)
	}
	h.render(w, "doc.html", v)
}

// para is one paragraph of the document page; Page, when set, is the
// page of the file that begins with it.
type para struct {
	Page int
	Text template.HTML
}

// markParas splits body into paragraphs and marks the words of terms in
// each, with Snippet's marking over the whole paragraph; a file's page
// starts (file may be nil) mark the paragraphs that begin a page.
func markParas(body string, file *corpus.FileInfo, terms map[string]bool) []para {
	var out []para
	var starts []corpus.PageStart
	if file != nil {
		starts = file.PageStarts
	}
	off := 0
	for _, p := range strings.Split(body, "\n") {
		off += len(p) + 1
		page := 0
		for len(starts) > 0 && starts[0].Offset < off {
			page, starts = starts[0].Page, starts[1:]
		}
		if strings.TrimSpace(p) == "" {
			continue
		}
		if len(terms) == 0 {
			out = append(out, para{page, template.HTML(html.EscapeString(p))})
			continue
		}
		// A width of 4×len makes Snippet's window the whole paragraph.
		out = append(out, para{page, template.HTML(search.Snippet(p, terms, 4*len(p)+8))})
	}
	return out
}

// fileLink is an attachment of an article on its page.
type fileLink struct {
	URL, Name string
	Doc       *corpus.Document // read from the file; nil when not (yet)
}

// fileLinks lists doc's attachments with the documents read from them,
// and, for a file, the article that links it.
func (h *Handler) fileLinks(doc *corpus.Document) ([]fileLink, *corpus.Document) {
	var out []fileLink
	for _, u := range doc.Attachments {
		l := fileLink{URL: u, Name: u}
		if f, err := h.docs.Get(corpus.IDForURL(u)); err == nil && !f.Gone && f.File != nil {
			l.Doc, l.Name = f, f.File.Name
		}
		out = append(out, l)
	}
	var of *corpus.Document
	if doc.Parent != "" {
		if p, err := h.docs.Get(doc.Parent); err == nil && !p.Gone {
			of = p
		}
	}
	return out, of
}

// indexRelations resolves references with the index, for a Docs without a
// citation graph: a cited number is looked up in the number field, citing
// documents in the cites field.
func (h *Handler) indexRelations(ctx context.Context, doc *corpus.Document) ([]relRef, []DocLink) {
	var refs []relRef
	var terms []query.Query
	for _, r := range corpus.DocRefs(doc) {
		refs = append(refs, relRef{Ref: r})
		terms = append(terms, termQuery(indexer.FieldNumber, r.LookupKey()))
	}
	if len(terms) > 0 {
		req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(terms...), 4*len(terms), 0, false)
		req.Fields = []string{indexer.FieldNumber, indexer.FieldTitle}
		res, err := h.s.Index().SearchInContext(ctx, req)
		if err != nil {
			h.log.Error("cited documents failed", "doc_id", doc.ID, "err", err)
			res = &bleve.SearchResult{}
		}
		for _, hit := range res.Hits {
			k := viet.NumberKey(indexer.Stored(hit.Fields, indexer.FieldNumber))
			for i := range refs {
				if refs[i].DocID == "" && refs[i].LookupKey() == k {
					refs[i].DocID, refs[i].Title = hit.ID, indexer.Stored(hit.Fields, indexer.FieldTitle)
				}
			}
		}
	}
	var ids []string
	if own := viet.NumberKey(doc.Number); own != "" {
		req := bleve.NewSearchRequestOptions(termQuery(indexer.FieldCites, own), 50, 0, false)
		req.SortBy([]string{"-" + indexer.FieldPublished, "_id"})
		res, err := h.s.Index().SearchInContext(ctx, req)
		if err != nil {
			h.log.Error("citing documents failed", "doc_id", doc.ID, "err", err)
			res = &bleve.SearchResult{}
		}
		for _, hit := range res.Hits {
			if hit.ID != doc.ID {
				ids = append(ids, hit.ID)
			}
		}
	}
	return refs, h.docLinks(ids)
}

func termQuery(field, term string) query.Query {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	return q
}

// archivedPage serves the archived response of a document as the portal
// sent it, under a sandbox Content-Security-Policy: its scripts never run
// and it gets an opaque origin, so crawled HTML cannot act on this site.
func (h *Handler) archivedPage(w http.ResponseWriter, r *http.Request) {
	doc, err := h.docs.Get(r.PathValue("id"))
	if err != nil || h.archive == nil {
		w.WriteHeader(http.StatusNotFound)
		h.render(w, "notfound.html", r.PathValue("id"))
		return
	}
	a, err := h.archive(doc)
	if err != nil {
		h.log.Info("no archived copy", "doc_id", doc.ID, "err", err)
		w.WriteHeader(http.StatusNotFound)
		h.render(w, "notfound.html", r.PathValue("id"))
		return
	}
	ct := a.ContentType
	if ct == "" {
		ct = "text/html"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	w.Header().Set("X-Archived-URL", a.URL)
	if !a.Date.IsZero() {
		w.Header().Set("Last-Modified", a.Date.UTC().Format(http.TimeFormat))
	}
	w.Write(a.Body)
}
