package web

// Citations, effect and links over HTTP:
//
//	GET /api/refs?key=154/NQ-CP → {"key","lookup_key","effect","documents":[DocLink],"cited_by":[DocLink],"relations"}
//	GET /api/documents/{id}     → the document plus "effect", "refs" ([relRef]), "cited_by" ([DocLink]) and "relations"
//
// The document page (templates, page handlers) gets the same data from
// Handler.relations; its implementation chain, tasks and coverage come
// from chain.go.

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	corpusgraph "github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/search"
)

// graph is the citation graph of the stored documents (corpus.Store).
type graph interface {
	Refs(id string) ([]corpusgraph.ResolvedRef, error)
	CitedBy(key string) ([]string, error)
	CitedByPage(ctx context.Context, key string, offset, limit int) ([]string, int, error)
	ByNumber(key string) ([]string, error)
}

// effects is the legal effect of stored documents and their Lược đồ
// (corpus.Store).
type effects interface {
	DocEffect(ctx context.Context, id string, now time.Time) (corpusgraph.Effect, error)
	Effect(ctx context.Context, key string, now time.Time) (corpusgraph.Effect, error)
	RelationsGrouped(ctx context.Context, key string) (corpusgraph.Relations, []corpusgraph.RelationGroup, error)
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

// maxCitedBy is how many of the documents citing it a document's page and
// /api/documents/{id} list at a time: a resolution thousands of plans
// cite keeps a page of bounded size and cost (the heads of the documents
// listed are read, the others are counted), and the rest are a page away
// (?cited=N).
const maxCitedBy = 100

// docRelations is what a document page shows about a document's place in the
// citation graph.
type docRelations struct {
	Refs       []relRef  `json:"refs"`
	CitedBy    []DocLink `json:"cited_by"` // a page of them (maxCitedBy)
	CitedTotal int       `json:"-"`        // how many cite it
	CitedNav   *citedNav `json:"-"`        // the pages of the list, when it has several
}

// citedNav pages the documents citing a document on its page.
type citedNav struct {
	From, To, Total int // the documents listed, from 1
	Prev, Next      string
	Pages           []pageLink
}

// citedPage is the page-th (from 1) of the documents citing a document,
// in the order the graph gives them (corpus.Store.CitedByPage): Total
// counts them all, Links names those of the page.
type citedPage struct {
	Links       []DocLink
	Total       int
	Page, Pages int
}

// relations returns the references and a page of the cited-by list of
// doc, for the document page (call it from the page handler and range
// over the fields in the template). Documents it cannot read are left
// out; with a Docs that is no graph (a test double) it returns empty
// lists.
func (h *Handler) relations(doc *corpus.Document, page int) docRelations {
	refs, cited, _ := h.citations(context.Background(), doc, page) // only a cancelled ctx fails
	return docRelations{Refs: refs, CitedBy: cited.Links, CitedTotal: cited.Total}
}

// citations returns the outgoing references of doc, resolved, and the
// page-th page of the documents citing its number; ctx's error when ctx
// ends (stores' failures are logged, their documents left out).
func (h *Handler) citations(ctx context.Context, doc *corpus.Document, page int) ([]relRef, citedPage, error) {
	refs, cited := []relRef{}, citedPage{Links: []DocLink{}, Page: page, Pages: 1}
	g, ok := h.docs.(graph)
	if !ok {
		return refs, cited, nil
	}
	resolved, err := g.Refs(doc.ID)
	if err != nil {
		h.log.Error("refs failed", "doc_id", doc.ID, "err", err)
	}
	for i, r := range resolved {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, cited, err
			}
		}
		rr := relRef{Ref: r.Ref}
		for _, id := range r.DocIDs {
			if d, err := h.head(id); err == nil && !d.Gone {
				rr.DocID, rr.Title = d.ID, d.Title
				break
			}
		}
		refs = append(refs, rr)
	}
	if doc.Number != "" {
		// The page's IDs only, the others counted (a number 10,000 plans
		// cite has its total without 10,000 IDs read).
		from := math.MaxInt // a page beyond the end, whose offset may not fit an int
		if page <= math.MaxInt/maxCitedBy {
			from = (page - 1) * maxCitedBy
		}
		ids, total, err := g.CitedByPage(ctx, doc.Number, from, maxCitedBy)
		if err != nil {
			if ctx.Err() != nil {
				return nil, cited, err
			}
			h.log.Error("cited-by failed", "doc_id", doc.ID, "err", err)
		}
		cited.Total, cited.Pages = total, max(1, (total+maxCitedBy-1)/maxCitedBy)
		if cited.Links, err = h.docLinks(ctx, ids); err != nil {
			return nil, cited, err
		}
	}
	return refs, cited, nil
}

// citedPageParam reads the parameter cited (the page of the cited-by
// list, from 1; 1 when absent).
func citedPageParam(v string) (int, bool) {
	if v == "" {
		return 1, true
	}
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= 1
}

// ctxEvery is how many documents a handler's loop reads between looks at
// the request's context: a look costs a mutex, a document a store read.
const ctxEvery = 64

// docLinks names the live documents among ids; ctx's error when ctx ends
// (a number 10,000 plans cite has 10,000 to read).
func (h *Handler) docLinks(ctx context.Context, ids []string) ([]DocLink, error) {
	out := []DocLink{}
	for i, id := range ids {
		if i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		d, err := h.head(id)
		if err != nil || d.Gone {
			continue
		}
		out = append(out, DocLink{ID: d.ID, Title: d.Title, URL: d.URL, Number: d.Number, Type: d.Type})
	}
	return out, nil
}

// documentJSON is a stored document with its effect, references, a page
// of its cited-by list (maxCitedBy; cited_by_total counts them all and
// cited_by_next, when there are more, is the next page's URL) and Lược đồ
// (relations: maxLinks of each direction, the strongest kinds first;
// relation_groups: every group counted; relation_page: a group's page,
// with ?rel=in.implements&relpage=N).
type documentJSON struct {
	*corpus.Document
	Effect         *corpusgraph.Effect    `json:"effect,omitempty"`
	Refs           []relRef               `json:"refs"`
	CitedBy        []DocLink              `json:"cited_by"`
	CitedByTotal   int                    `json:"cited_by_total"`
	CitedByNext    string                 `json:"cited_by_next,omitempty"`
	Relations      *corpusgraph.Relations `json:"relations,omitempty"`
	RelationGroups []relationGroupJSON    `json:"relation_groups,omitempty"`
	RelationPage   *relationPageJSON      `json:"relation_page,omitempty"`
	// DeadAttachments are its attachments answering 404/410 (WithDeadFiles)
	DeadAttachments []DeadAttachment `json:"dead_attachments,omitempty"`
	// Dead is, for a document read from a file, the file's own record
	// when it answers 404/410 now (WithDeadFiles)
	Dead *DeadAttachment `json:"dead,omitempty"`
}

// documentJSON is doc with its citations and Lược đồ for
// /api/documents/{id}; ctx's error when ctx ends.
func (h *Handler) documentJSON(ctx context.Context, doc *corpus.Document, page int, sel *relGroup, relpage int) (documentJSON, error) {
	refs, cited, err := h.citations(ctx, doc, page)
	if err != nil {
		return documentJSON{}, err
	}
	eff, rel, groups, err := h.docEffect(ctx, doc)
	if err != nil {
		return documentJSON{}, err
	}
	out := documentJSON{Document: doc, Effect: eff, Refs: refs, CitedBy: cited.Links, CitedByTotal: cited.Total, Relations: rel}
	if out.DeadAttachments, err = h.deadAttachments(ctx, doc); err != nil {
		return documentJSON{}, err
	}
	if out.Dead, err = h.deadSelf(ctx, doc); err != nil {
		return documentJSON{}, err
	}
	if page < cited.Pages {
		out.CitedByNext = "/api/documents/" + url.PathEscape(doc.ID) + "?cited=" + strconv.Itoa(page+1)
	}
	if rel != nil {
		if out.RelationGroups, out.RelationPage, err = h.relationsJSON(ctx, doc, eff.Key, groups, sel, relpage); err != nil {
			return documentJSON{}, err
		}
	}
	return out, nil
}

// docEffect returns the effect and Lược đồ of doc (maxLinks of each
// direction) with its groups counted, nil without a store; ctx's error
// when ctx ends.
func (h *Handler) docEffect(ctx context.Context, doc *corpus.Document) (*corpusgraph.Effect, *corpusgraph.Relations, []corpusgraph.RelationGroup, error) {
	eff, err := h.effect(ctx, doc)
	if eff == nil || err != nil {
		return nil, nil, nil, err
	}
	rel, groups, err := h.docs.(effects).RelationsGrouped(ctx, eff.Key)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, nil, err
		}
		h.log.Error("relations failed", "doc_id", doc.ID, "err", err)
		return eff, nil, nil, nil
	}
	return eff, &rel, groups, nil
}

// effect returns the effect of doc today, nil without a store (or when it
// cannot be read: logged); ctx's error when ctx ends.
func (h *Handler) effect(ctx context.Context, doc *corpus.Document) (*corpusgraph.Effect, error) {
	ef, ok := h.docs.(effects)
	if !ok {
		return nil, nil
	}
	eff, err := ef.DocEffect(ctx, doc.ID, time.Now())
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		h.log.Error("effect failed", "doc_id", doc.ID, "err", err)
		return nil, nil
	}
	return &eff, nil
}

// effectHits gives search hits their effect status; ctx's error when ctx
// ends.
func (h *Handler) effectHits(ctx context.Context, hits []search.Hit) error {
	ef, ok := h.docs.(effects)
	if !ok {
		return nil
	}
	now := time.Now()
	for i := range hits {
		eff, err := ef.DocEffect(ctx, hits[i].ID, now)
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			h.log.Error("effect failed", "doc_id", hits[i].ID, "err", err)
			continue
		}
		hits[i].Effect = &eff
	}
	return nil
}

// refsJSON answers /api/refs.
type refsJSON struct {
	Key       string                 `json:"key"`
	LookupKey string                 `json:"lookup_key"`
	Effect    *corpusgraph.Effect    `json:"effect,omitempty"` // the number's status today
	Documents []DocLink              `json:"documents"`        // documents carrying the number
	CitedBy   []DocLink              `json:"cited_by"`         // documents citing it
	Relations *corpusgraph.Relations `json:"relations,omitempty"`
}

func (h *Handler) apiRefs(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	lk := doctype.NumberKey(key)
	if key != "" && lk == "" && len(key) <= 200 {
		// "nq 380", "380": the one stored number it names
		nums, err := h.numbersNamed(r.Context(), key)
		if err != nil {
			h.jsonFailure(w, r, "refs", err)
			return
		}
		if len(nums) > 1 {
			jsonError(w, http.StatusBadRequest, fmt.Sprintf("parameter key: %q names several documents: %s; give the whole number", key, strings.Join(nums, ", ")))
			return
		}
		if len(nums) == 1 {
			key, lk = nums[0], doctype.NumberKey(nums[0])
		}
	}
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
	ctx := r.Context()
	own, err := g.ByNumber(key)
	if err == nil {
		out.Documents, err = h.docLinks(ctx, own)
	}
	if err == nil {
		var citing []string
		if citing, err = g.CitedBy(key); err == nil {
			out.CitedBy, err = h.docLinks(ctx, citing)
		}
	}
	if ef, ok := h.docs.(effects); ok && err == nil {
		var eff corpusgraph.Effect
		var rel corpusgraph.Relations
		if eff, err = ef.Effect(ctx, key, time.Now()); err == nil {
			rel, _, err = ef.RelationsGrouped(ctx, key)
		}
		out.Effect, out.Relations = &eff, &rel
	}
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		h.jsonFailure(w, r, "refs", err)
		return
	}
	if err != nil {
		h.log.Error("refs failed", "key", key, "err", err)
		jsonError(w, http.StatusInternalServerError, "citation lookup failed")
		return
	}
	writeJSON(w, http.StatusOK, out)
}
