package web

// The Lược đồ of a document page, by group (a kind of relation, one
// direction): every group counted in full, a few links named in each,
// and a group's whole list a page at a time (?rel=in.implements&relpage=N;
// /api/documents/{id} the same in JSON). A resolution that thousands of
// plans implement keeps a page whose cost is what it names.

import (
	"context"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/cite"
	corpusgraph "github.com/vanban/vanban/corpus/graph"
)

const (
	maxLuocDoLinks = 10  // links named in a group on the document's page
	maxLuocDoNamed = 40  // links named in all groups (the first groups first)
	luocDoPage     = 100 // links of a group's page
)

// relationGroups gives a Lược đồ by group (corpus.Store); both stop with
// ctx's error when ctx ends.
type relationGroups interface {
	RelationGroups(ctx context.Context, key string, per int) ([]corpusgraph.RelationGroup, error)
	RelationGroupPage(ctx context.Context, key string, in bool, kind cite.Relation, offset, limit int) (corpusgraph.RelationGroup, error)
}

// luocDoGroup is one kind of relation in the Lược đồ section: what the
// document does (Out) or what is done to it.
type luocDoGroup struct {
	Label  string
	Out    bool
	Total  int // links in the group, all of them
	Links  []luocDoLink
	More   int       // Total less the links named
	AllURL string    // the group's own pages, when some are not named
	Nav    *citedNav // the group's pages, when it is the one paged
}

type luocDoLink struct {
	Key       string
	DocID     string // a stored document carrying Key, "" when none
	Title     string
	Part      string
	Effective string // dd/m/yyyy
}

// relGroup names a group in the parameter rel: "in.implements" (what
// others do to the document), "out.based_on" (what it does).
type relGroup struct {
	in   bool
	kind cite.Relation
}

func (g relGroup) String() string {
	if g.in {
		return "in." + string(g.kind)
	}
	return "out." + string(g.kind)
}

// relParams reads the parameters rel (a group, "" for none) and relpage
// (its page, from 1; 1 when absent).
func relParams(v url.Values) (*relGroup, int, bool) {
	page, ok := citedPageParam(v.Get("relpage"))
	s := v.Get("rel")
	if !ok || s == "" {
		return nil, page, ok && v.Get("relpage") == ""
	}
	dir, kind, _ := strings.Cut(s, ".")
	g := &relGroup{in: dir == "in", kind: cite.Relation(kind)}
	if dir != "in" && dir != "out" || g.kind.Rank() < 0 {
		return nil, page, false
	}
	return g, page, true
}

// luocDoPages is a group's pages.
func luocDoPages(total int) int { return max(1, (total+luocDoPage-1)/luocDoPage) }

// luocDo returns the groups of the Lược đồ of key (an effect's key) for
// doc's page, what others do to it first, each kind strongest first: sel,
// when set, is the group paged (page from 1; false when the document has
// no such group or page, known from the counts before a link is named),
// and the others name their first links, maxLuocDoNamed in all. It
// returns ctx's error, and no groups, when ctx ends.
func (h *Handler) luocDo(ctx context.Context, doc *corpus.Document, key string, sel *relGroup, page int, link func(url.Values) string) ([]luocDoGroup, bool, error) {
	rg, ok := h.docs.(relationGroups)
	if !ok {
		return nil, sel == nil, nil
	}
	groups, err := rg.RelationGroups(ctx, key, maxLuocDoLinks)
	if err != nil {
		if ctx.Err() != nil {
			return nil, false, err
		}
		h.log.Error("relations failed", "doc_id", doc.ID, "err", err)
		return nil, sel == nil, nil
	}
	if sel != nil && !slices.ContainsFunc(groups, func(g corpusgraph.RelationGroup) bool {
		return g.In == sel.in && g.Kind == sel.kind && page <= luocDoPages(g.Total)
	}) {
		return nil, false, nil // from the counts: no link named, no page read
	}
	var out []luocDoGroup
	budget := maxLuocDoNamed
	for _, g := range groups {
		this := relGroup{in: g.In, kind: g.Kind}
		lg := luocDoGroup{Label: g.Label, Out: !g.In, Total: g.Total}
		links := g.Links[:min(len(g.Links), budget)]
		if sel != nil && *sel == this {
			p, err := rg.RelationGroupPage(ctx, key, g.In, g.Kind, (page-1)*luocDoPage, luocDoPage)
			if err != nil {
				if ctx.Err() != nil {
					return nil, false, err
				}
				h.log.Error("relations failed", "doc_id", doc.ID, "err", err)
			}
			links, lg.Total = p.Links, max(p.Total, len(p.Links))
			lg.Nav = &citedNav{From: (page-1)*luocDoPage + 1, To: (page-1)*luocDoPage + len(links), Total: lg.Total}
			nav := func(n int) string {
				return link(url.Values{"rel": {this.String()}, "relpage": {strconv.Itoa(n)}}) + "#luoc-do"
			}
			lg.Nav.Pages, lg.Nav.Prev, lg.Nav.Next = pager(page, luocDoPages(lg.Total), nav)
		} else {
			budget -= len(links)
			if lg.More = g.Total - len(links); lg.More > 0 {
				lg.AllURL = link(url.Values{"rel": {this.String()}}) + "#luoc-do"
			}
		}
		for _, l := range links {
			lg.Links = append(lg.Links, h.luocDoLink(l))
		}
		out = append(out, lg)
	}
	return out, true, ctx.Err()
}

// luocDoLink names a link by the head of the first live stored document
// at its other end.
func (h *Handler) luocDoLink(l corpusgraph.Link) luocDoLink {
	x := luocDoLink{Key: l.Key, Part: l.Part}
	if l.Effective != "" {
		x.Effective = corpusgraph.ViDate(l.Effective)
	}
	for _, id := range l.Docs {
		if d, err := h.head(id); err == nil && !d.Gone {
			x.DocID, x.Title = d.ID, d.Title
			break
		}
	}
	return x
}

// relationGroupJSON is a group of the Lược đồ in /api/documents/{id}: its
// count, and the URL of its links.
type relationGroupJSON struct {
	Kind  cite.Relation `json:"kind"`
	In    bool          `json:"in"`
	Label string        `json:"label"`
	Total int           `json:"total"`
	URL   string        `json:"url"` // its links, luocDoPage at a time
}

// relationPageJSON is a page of a group's links (?rel=…&relpage=N).
type relationPageJSON struct {
	Kind  cite.Relation      `json:"kind"`
	In    bool               `json:"in"`
	Label string             `json:"label"`
	Total int                `json:"total"`
	Links []corpusgraph.Link `json:"links"`          // luocDoPage at most; none past the last page
	Next  string             `json:"next,omitempty"` // the next page's URL
}

// relationsJSON returns the groups of the Lược đồ of key, counted
// (corpus.Store.RelationsGrouped), and the page of the group sel (nil for
// none): a page past the group's last, or of a group the document lacks,
// is answered from the counts (no link, the group's total). It returns
// ctx's error when ctx ends.
func (h *Handler) relationsJSON(ctx context.Context, doc *corpus.Document, key string, groups []corpusgraph.RelationGroup, sel *relGroup, page int) ([]relationGroupJSON, *relationPageJSON, error) {
	rg, ok := h.docs.(relationGroups)
	if !ok {
		return nil, nil, nil
	}
	self := "/api/documents/" + url.PathEscape(doc.ID) + "?"
	out := []relationGroupJSON{}
	for _, g := range groups {
		u := self + url.Values{"rel": {relGroup{g.In, g.Kind}.String()}}.Encode()
		out = append(out, relationGroupJSON{Kind: g.Kind, In: g.In, Label: g.Label, Total: g.Total, URL: u})
	}
	if sel == nil {
		return out, nil, nil
	}
	offset := math.MaxInt // a page past the end is empty, whatever its number
	if page <= math.MaxInt/luocDoPage {
		offset = (page - 1) * luocDoPage
	}
	g := corpusgraph.RelationGroup{Kind: sel.kind, In: sel.in, Label: corpusgraph.RelationLabel(sel.kind, sel.in)}
	for _, c := range groups {
		if c.In == sel.in && c.Kind == sel.kind {
			g.Total = c.Total
		}
	}
	if offset < g.Total {
		var err error
		if g, err = rg.RelationGroupPage(ctx, key, sel.in, sel.kind, offset, luocDoPage); err != nil {
			if ctx.Err() != nil {
				return nil, nil, err
			}
			h.log.Error("relations failed", "doc_id", doc.ID, "err", err)
		}
	}
	p := &relationPageJSON{Kind: g.Kind, In: g.In, Label: g.Label, Total: g.Total, Links: g.Links}
	if p.Links == nil {
		p.Links = []corpusgraph.Link{}
	}
	if page < luocDoPages(p.Total) {
		p.Next = self + url.Values{"rel": {sel.String()}, "relpage": {strconv.Itoa(page + 1)}}.Encode()
	}
	return out, p, nil
}
