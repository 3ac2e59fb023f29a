package web

// Citations and links over HTTP:
//
//	GET /api/refs?key=154/NQ-CP → {"key","lookup_key","documents":[DocLink],"cited_by":[DocLink]}
//	GET /api/documents/{id}     → the document plus "refs" ([relRef]) and "cited_by" ([DocLink])
//
// The document page (templates, page handlers) gets the same data from
// Handler.relations; its implementation chain, tasks and coverage come
// from chain.go.

import (
	"net/http"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
)

// graph is the citation graph of the stored documents (corpus.Store).
type graph interface {
	Refs(id string) ([]corpus.ResolvedRef, error)
	CitedBy(key string) ([]string, error)
	ByNumber(key string) ([]string, error)
}

// DocLink names a stored document for a list of links.
type DocLink struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	URL    string `json:"url"`              // the source page
	Number string `json:"number,omitempty"` // số ký hiệu
	Type   string `json:"type,omitempty"`
}

// relRef is an outgoing reference, with the stored document it resolves to.
type relRef struct {
	cite.Ref
	DocID string `json:"doc_id,omitempty"` // "" when the cited document is not stored
	Title string `json:"title,omitempty"`  // the cited document's title
}

// docRelations is what a document page shows about a document's place in the
// citation graph.
type docRelations struct {
	Refs    []relRef  `json:"refs"`
	CitedBy []DocLink `json:"cited_by"`
}

// relations returns the references and cited-by list of doc, for the
// document page (call it from the page handler and range over the fields
// in the template). Documents it cannot read are left out; with a Docs
// that is no graph (a test double) it returns empty lists.
func (h *Handler) relations(doc *corpus.Document) docRelations {
	var rel docRelations
	rel.Refs, rel.CitedBy = h.citations(doc)
	return rel
}

// citations returns the outgoing references of doc, resolved, and the
// documents citing its number.
func (h *Handler) citations(doc *corpus.Document) ([]relRef, []DocLink) {
	refs, citedBy := []relRef{}, []DocLink{}
	g, ok := h.docs.(graph)
	if !ok {
		return refs, citedBy
	}
	resolved, err := g.Refs(doc.ID)
	if err != nil {
		h.log.Error("refs failed", "doc_id", doc.ID, "err", err)
	}
	for _, r := range resolved {
		rr := relRef{Ref: r.Ref}
		for _, id := range r.DocIDs {
			if d, err := h.docs.Get(id); err == nil && !d.Gone {
				rr.DocID, rr.Title = d.ID, d.Title
				break
			}
		}
		refs = append(refs, rr)
	}
	if doc.Number != "" {
		ids, err := g.CitedBy(doc.Number)
		if err != nil {
			h.log.Error("cited-by failed", "doc_id", doc.ID, "err", err)
		}
		citedBy = h.docLinks(ids)
	}
	return refs, citedBy
}

// docLinks names the live documents among ids.
func (h *Handler) docLinks(ids []string) []DocLink {
	out := []DocLink{}
	for _, id := range ids {
		d, err := h.docs.Get(id)
		if err != nil || d.Gone {
			continue
		}
		out = append(out, DocLink{ID: d.ID, Title: d.Title, URL: d.URL, Number: d.Number, Type: d.Type})
	}
	return out
}

// documentJSON is a stored document with its references and cited-by list.
type documentJSON struct {
	*corpus.Document
	Refs    []relRef  `json:"refs"`
	CitedBy []DocLink `json:"cited_by"`
}

func (h *Handler) documentJSON(doc *corpus.Document) documentJSON {
	refs, citedBy := h.citations(doc)
	return documentJSON{Document: doc, Refs: refs, CitedBy: citedBy}
}

// refsJSON answers /api/refs.
type refsJSON struct {
	Key       string    `json:"key"`
	LookupKey string    `json:"lookup_key"`
	Documents []DocLink `json:"documents"` // documents carrying the number
	CitedBy   []DocLink `json:"cited_by"`  // documents citing it
}

func (h *Handler) apiRefs(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	lk := viet.NumberKey(key)
	switch {
	case key == "":
		jsonError(w, http.StatusBadRequest, "parameter key: want a document number such as 154/NQ-CP")
		return
	case lk == "" || len(key) > 200:
		jsonError(w, http.StatusBadRequest, "parameter key: not a document number: "+key)
		return
	}
	g, ok := h.docs.(graph)
	if !ok {
		jsonError(w, http.StatusNotImplemented, "no citation graph")
		return
	}
	out := refsJSON{Key: key, LookupKey: lk}
	own, err := g.ByNumber(key)
	if err == nil {
		var citing []string
		citing, err = g.CitedBy(key)
		out.Documents, out.CitedBy = h.docLinks(own), h.docLinks(citing)
	}
	if err != nil {
		h.log.Error("refs failed", "key", key, "err", err)
		jsonError(w, http.StatusInternalServerError, "citation lookup failed")
		return
	}
	writeJSON(w, http.StatusOK, out)
}
