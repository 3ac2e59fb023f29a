package web

import (
	"context"
	"errors"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/doctype"
	corpusgraph "github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
)

// docView is what the document page template sees.
type docView struct {
	*corpus.Document
	Query    string
	Paras    []para           // the part of the body shown, escaped, with the query's words marked and the file's page breaks
	Files    []fileLink       // the article's attachments, with the documents read from them
	Of       *corpus.Document // for a file: the article that links it
	Part     int              // the part shown, from 1 (docpart.go)
	Parts    []pageLink       // links to the nearby parts, when the body has several
	Count    int              // how many parts
	Prev     string
	Next     string
	Rel      docRelations        // citations, cited-by, plan links, coverage (refs.go)
	Unlinked bool                // a plan or resolution too long to be linked item by item
	Archive  string              // our archived copy of the source page, when the crawler kept one
	Stored   string              // the stored document as JSON
	BackURL  string              // the search this page was opened from
	Effect   *corpusgraph.Effect // the document's legal effect today; nil without a store
	LuocDo   []luocDoGroup       // its relations by kind, both directions
	Impl     *implementation     // the implementation chain, tasks and coverage (chain.go)
	Dead     string              // for a file that answers 404/410 now: deadNote
}

// maxLinkedBody is the longest body whose plan items or resolution tasks
// the page links (corpus.MaxLinkedBody, the bound of every linking on
// request): a body of megabytes is something else, and outlining it would
// cost the page its memory bound.
const maxLinkedBody = corpus.MaxLinkedBody

// crawled reports whether doc came from the web, where the crawler keeps
// the response it read: an imported document (JSON Lines, a folder's file)
// has no archived copy to link.
func crawled(doc *corpus.Document) bool {
	return strings.HasPrefix(doc.URL, "http://") || strings.HasPrefix(doc.URL, "https://")
}

func (h *Handler) docPage(w http.ResponseWriter, r *http.Request) {
	doc, release, err := h.loadDoc(r.Context(), r.PathValue("id"))
	if err != nil {
		h.docFailure(w, r, err)
		return
	}
	defer release()
	if doc.Gone {
		w.WriteHeader(http.StatusNotFound)
		h.render(w, "notfound.html", r.PathValue("id"))
		return
	}
	// A malformed parameter is the request's fault (400, naming it), not a
	// missing document: the document exists, checked above.
	pp, bad, ok := readDocParams(r.URL.Query())
	if !ok {
		w.WriteHeader(http.StatusBadRequest)
		h.render(w, "badparam.html", struct{ ID, Msg string }{doc.ID, bad.page(r.URL.Query())})
		return
	}
	q := r.URL.Query().Get("q")
	v := &docView{Document: doc, Query: q, Stored: "/api/documents/" + url.PathEscape(doc.ID)}
	if h.archive != nil && crawled(doc) {
		v.Archive = "/archive/" + url.PathEscape(doc.ID)
	}
	if q != "" {
		v.BackURL = "/?" + url.Values{"q": {q}}.Encode()
	}
	cuts := bodyParts(doc.Body, partBytes)
	v.Count = len(cuts) - 1
	v.Part = pp.part
	if v.Part > v.Count {
		w.WriteHeader(http.StatusNotFound)
		h.render(w, "notfound.html", r.PathValue("id")+" (phần "+strconv.Itoa(v.Part)+")")
		return
	}
	cited, sel, relpage := pp.cited, pp.rel, pp.relpage
	// The Lược đồ first: a group or page the document lacks is a 404 known
	// from the groups' counts, before the rest of the page is built.
	ctx := r.Context()
	if v.Effect, err = h.effect(ctx, doc); err != nil {
		h.docFailure(w, r, err)
		return
	}
	if v.Effect != nil {
		if v.LuocDo, ok, err = h.luocDo(ctx, doc, v.Effect.Key, sel, relpage, v.link); err != nil {
			h.docFailure(w, r, err)
			return
		}
	}
	if !ok || sel != nil && v.Effect == nil {
		w.WriteHeader(http.StatusNotFound)
		h.render(w, "notfound.html", r.PathValue("id")+" (lược đồ "+r.URL.Query().Get("rel")+" trang "+strconv.Itoa(relpage)+")")
		return
	}
	var cp citedPage
	if v.Rel.Refs, cp, err = h.citations(ctx, doc, cited); err != nil {
		h.docFailure(w, r, err)
		return
	}
	if cited > cp.Pages {
		w.WriteHeader(http.StatusNotFound)
		h.render(w, "notfound.html", r.PathValue("id")+" (trang "+strconv.Itoa(cited)+")")
		return
	}
	v.Paras = markParas(doc.Body[cuts[v.Part-1]:cuts[v.Part]], cuts[v.Part-1], doc.File, search.HighlightTerms(search.ParseQuery(q)))
	v.Files, v.Of = h.fileLinks(doc)
	dead, err := h.deadAttachments(ctx, doc)
	if err != nil {
		h.docFailure(w, r, err)
		return
	}
	markDead(v.Files, dead)
	if self, err := h.deadSelf(ctx, doc); err != nil {
		h.docFailure(w, r, err)
		return
	} else if self != nil {
		v.Dead = deadNote(*self)
	}
	v.partLinks(q)
	v.Rel.CitedBy, v.Rel.CitedTotal = cp.Links, cp.Total
	v.citedLinks(cp, q)
	if len(doc.Body) <= maxLinkedBody {
		if v.Impl, err = h.implementation(ctx, doc); err != nil {
			h.docFailure(w, r, err)
			return
		}
	} else {
		v.Unlinked = corpus.IsPlan(doc) || corpus.IsResolution(doc)
	}
	if _, ok := h.docs.(graph); !ok {
		v.Rel.Refs, v.Rel.CitedBy = h.indexRelations(ctx, doc)
	}
	if err := ctx.Err(); err != nil {
		h.docFailure(w, r, err)
		return
	}
	doc.Body = "" // the part is marked; the page needs no more of the text
	h.render(w, "doc.html", v)
}

// para is one paragraph of the document page; Page, when set, is the
// page of the file that begins with it.
type para struct {
	Page int
	Text template.HTML
}

// partLinks sets the links to the parts around the one shown.
func (v *docView) partLinks(q string) {
	if v.Count <= 1 {
		return
	}
	link := func(n int) string {
		u := url.Values{"part": {strconv.Itoa(n)}}
		if q != "" {
			u.Set("q", q)
		}
		return "/doc/" + url.PathEscape(v.ID) + "?" + u.Encode()
	}
	v.Parts, v.Prev, v.Next = pager(v.Part, v.Count, link)
}

// link is the URL of this page with the parameters set, its body's part
// and query kept.
func (v *docView) link(set url.Values) string {
	if v.Query != "" {
		set.Set("q", v.Query)
	}
	if v.Part > 1 {
		set.Set("part", strconv.Itoa(v.Part))
	}
	return "/doc/" + url.PathEscape(v.ID) + "?" + set.Encode()
}

// citedLinks sets the links to the pages of the cited-by list around the
// one shown, when it has several (the body's part and the query kept).
func (v *docView) citedLinks(cp citedPage, q string) {
	if cp.Pages <= 1 {
		return
	}
	link := func(n int) string {
		u := url.Values{"cited": {strconv.Itoa(n)}}
		if q != "" {
			u.Set("q", q)
		}
		if v.Part > 1 {
			u.Set("part", strconv.Itoa(v.Part))
		}
		return "/doc/" + url.PathEscape(v.ID) + "?" + u.Encode() + "#duoc-dan"
	}
	nav := &citedNav{From: (cp.Page-1)*maxCitedBy + 1, To: (cp.Page-1)*maxCitedBy + len(cp.Links), Total: cp.Total}
	nav.Pages, nav.Prev, nav.Next = pager(cp.Page, cp.Pages, link)
	v.Rel.CitedNav = nav
}

// docFailure answers a document route that could not read its document:
// 404 for an unknown one, else a failure (timeout, client gone, error).
func (h *Handler) docFailure(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, corpus.ErrNotFound) {
		w.WriteHeader(http.StatusNotFound)
		h.render(w, "notfound.html", r.PathValue("id"))
		return
	}
	status, msg := h.failure(r, "document", err)
	if status == StatusClientClosed {
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}

// markParas splits body into paragraphs and marks the words of terms in
// each, with Snippet's marking over the whole paragraph; a file's page
// starts (file may be nil) mark the paragraphs that begin a page. body
// is the part of the document's body that begins at byte base (the first
// paragraph of a part carries the page it is on).
func markParas(body string, base int, file *corpus.FileInfo, terms map[string]bool) []para {
	var out []para
	var starts []corpus.PageStart
	if file != nil {
		starts = file.PageStarts
	}
	off := base
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
	Dead      string           // deadNote when the file answers 404/410, else ""
}

// markDead sets the note of each of files that dead lists (both in the
// document's order of attachments).
func markDead(files []fileLink, dead []DeadAttachment) {
	for _, d := range dead {
		for i := range files {
			if files[i].URL == d.URL {
				files[i].Dead = deadNote(d)
			}
		}
	}
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
// documents in the cites field, both on one snapshot of the index.
func (h *Handler) indexRelations(ctx context.Context, doc *corpus.Document) ([]relRef, []DocLink) {
	var refs []relRef
	sn, err := h.s.Snapshot()
	if err != nil {
		h.log.Error("index snapshot failed", "doc_id", doc.ID, "err", err)
		for _, r := range corpus.DocRefs(doc) {
			refs = append(refs, relRef{Ref: r})
		}
		return refs, []DocLink{}
	}
	defer sn.Close()
	var terms []query.Query
	for _, r := range corpus.DocRefs(doc) {
		refs = append(refs, relRef{Ref: r})
		terms = append(terms, termQuery(indexer.FieldNumber, r.LookupKey()))
	}
	if len(terms) > 0 {
		req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(terms...), 4*len(terms), 0, false)
		res, err := sn.Search(ctx, req)
		if err != nil {
			h.log.Error("cited documents failed", "doc_id", doc.ID, "err", err)
			res = &bleve.SearchResult{}
		}
		// the index stores no number or title: each cited document's are
		// read from the store
		for _, hit := range res.Hits {
			if ctx.Err() != nil {
				break
			}
			cited, err := h.docs.Get(hit.ID)
			if err != nil {
				h.log.Error("cited document unreadable", "doc_id", doc.ID, "cited_id", hit.ID, "err", err)
				continue
			}
			k := doctype.NumberKey(cited.Number)
			for i := range refs {
				if refs[i].DocID == "" && refs[i].LookupKey() == k {
					refs[i].DocID, refs[i].Title = hit.ID, cited.Title
				}
			}
		}
	}
	var ids []string
	if own := doctype.NumberKey(doc.Number); own != "" {
		req := bleve.NewSearchRequestOptions(termQuery(indexer.FieldCites, own), 50, 0, false)
		req.SortBy([]string{"-" + indexer.FieldPublished, "_id"})
		res, err := sn.Search(ctx, req)
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
	links, err := h.docLinks(ctx, ids)
	if err != nil {
		return refs, []DocLink{} // ctx ended: the page answers its failure
	}
	return refs, links
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
	doc, err := h.head(r.PathValue("id"))
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
