package graph

import (
	"context"
	"fmt"
	"slices"

	"github.com/vanban/vanban/corpus/cite"
	bolt "go.etcd.io/bbolt"
)

// A Lược đồ by group: the relations of one kind and direction, counted,
// and a page of them. A resolution thousands of plans implement has
// thousands of "Văn bản thực hiện"; its page shows how many of each kind
// and names a few, and the rest are a page away (RelationGroupPage).

// RelationGroup is the relations of one kind and direction of a
// document's Lược đồ: how many, and some of them.
type RelationGroup struct {
	Kind  cite.Relation `json:"kind"`
	In    bool          `json:"in"`    // done to the document by others (else what it does)
	Label string        `json:"label"` // RelationLabel
	Total int           `json:"total"` // links in the group, all of them
	Links []Link        `json:"links,omitempty"`
}

// RelationGroups returns the groups of the Lược đồ of end (a lookup key,
// or "#ID": End): what others do to it, then what it does, each strongest
// kind first (cite.Relation.Rank), with the count of all of each group and
// its first per links, in the order Relations lists them. It stops with
// ctx's error when ctx ends.
func (g Graph) RelationGroups(ctx context.Context, end string, per int) ([]RelationGroup, error) {
	return g.relationGroups(ctx, end, per, -1)
}

// RelationsGrouped returns the Lược đồ of end as Relations does (MaxLinks
// of each direction, the strongest kinds first) and its groups counted
// (RelationGroups without links), reading its edges once. It stops with
// ctx's error when ctx ends.
func (g Graph) RelationsGrouped(ctx context.Context, end string) (Relations, []RelationGroup, error) {
	r := Relations{Out: []Link{}, In: []Link{}}
	gs, err := g.relationGroups(ctx, end, MaxLinks, MaxLinks)
	if err != nil {
		return r, nil, err
	}
	for i := range gs {
		if gs[i].In {
			r.In = append(r.In, gs[i].Links...)
		} else {
			r.Out = append(r.Out, gs[i].Links...)
		}
		gs[i].Links = nil
	}
	return r, gs, nil
}

// relationGroups reads the groups of the Lược đồ of end, what others do to
// it first, with the first per links of each and, when perDir ≥ 0, perDir
// of each direction at most (the strongest kinds first).
func (g Graph) relationGroups(ctx context.Context, end string, per, perDir int) ([]RelationGroup, error) {
	if end == "" {
		return nil, nil
	}
	var out []RelationGroup
	for _, in := range []bool{true, false} {
		left := perDir
		for _, kind := range kindsByRank() {
			n := per
			if perDir >= 0 {
				n = min(n, left)
			}
			links, total, err := groupLinks(ctx, g.tx, in, end, kind, 0, n)
			if err != nil {
				return out, err
			}
			left -= len(links)
			if total > 0 {
				out = append(out, RelationGroup{Kind: kind, In: in, Label: RelationLabel(kind, in), Total: total, Links: links})
			}
		}
	}
	return out, nil
}

// RelationGroupPage returns the group of kind and direction in of the Lược
// đồ of end with its links from offset, limit of them (none past the end).
// It stops with ctx's error when ctx ends.
func (g Graph) RelationGroupPage(ctx context.Context, end string, in bool, kind cite.Relation, offset, limit int) (RelationGroup, error) {
	rg := RelationGroup{Kind: kind, In: in, Label: RelationLabel(kind, in)}
	if end == "" || kind.Rank() < 0 {
		return rg, nil
	}
	var err error
	rg.Links, rg.Total, err = groupLinks(ctx, g.tx, in, end, kind, offset, limit)
	return rg, err
}

// ctxEvery is how many edges groupLinks walks between looks at its
// context: a look costs a mutex, an edge a map lookup.
const ctxEvery = 256

// kindsByRank lists the relations strongest first.
func kindsByRank() []cite.Relation {
	ks := slices.Clone(cite.Relations)
	slices.SortStableFunc(ks, func(a, b cite.Relation) int { return b.Rank() - a.Rank() })
	return ks
}

// groupLinks reads the links of one kind at an end (relto when in, else
// relfrom) in key order, one for each other end, its key as written and
// the part concerned (several documents stating the same relation are one
// link): their number, and those from offset, limit of them, with the
// stored documents at their other end. The number is the group's count
// (relcount.go), and the walk over the edges stops at the last link
// asked, or the group's last: a resolution thousands of plans implement
// has thousands of edges, and its page names ten; a decree whose trích
// yếu thousands of căn cứ lines repeat ("Nghị định số A … quy định chi
// tiết Luật X") has thousands of edges of one link. A store without counts has its edges
// read to the end. It looks at ctx before it reads and every ctxEvery
// edges, and returns ctx's error when ctx has ended.
func groupLinks(ctx context.Context, tx *bolt.Tx, in bool, end string, kind cite.Relation, offset, limit int) ([]Link, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	total, counted := groupCount(tx, in, end, kind)
	if counted && (limit <= 0 || offset >= total) {
		return nil, total, nil
	}
	b := tx.Bucket(bucketRelFrom)
	if in {
		b = tx.Bucket(bucketRelTo)
	}
	var links []Link
	hint := 0 // the links the walk names: to the page's last, or the group's
	if counted {
		hint = offset + min(limit, total-offset)
	}
	seen := newLinkSet(hint)
	var id []byte
	n := 0
	err := eachEntry(ctx, b, end, kind, func(k, v []byte) (bool, error) {
		var err error
		if id, err = edgeLink(id[:0], k, v, end, in); err != nil {
			return false, fmt.Errorf("decode edge %q: %w", k, err)
		}
		if !seen.add(id) {
			return true, nil
		}
		n++
		if n <= offset || n-offset > limit { // no overflow at any offset
			return true, nil
		}
		ed, err := decodeEdge(k, v, end, in)
		if err != nil {
			return false, fmt.Errorf("decode edge %q: %w", k, err)
		}
		other, otherKey := ed.To, ed.ToKey
		if in {
			other, otherKey = ed.From, ed.FromKey
		}
		l := Link{Kind: ed.Kind, Label: RelationLabel(ed.Kind, in), Key: otherKey, Part: ed.Part, Effective: ed.Effective, Source: ed.Doc}
		if other != "" {
			l.Docs = ownDocs(tx, other)
			if otherKey == "" && other[0] == '#' {
				l.Key = other
			}
		}
		links = append(links, l)
		return !counted || n-offset < limit && n < total, nil
	})
	if err != nil {
		return nil, 0, err
	}
	if !counted {
		total = n
	}
	return links, total, nil
}

// Link is one relation of a document in a Lược đồ: the document at the
// other end, as written, and the stored documents carrying it.
type Link struct {
	Kind      cite.Relation `json:"kind"`
	Label     string        `json:"label"` // RelationLabel
	Key       string        `json:"key"`   // the other end as written
	Docs      []string      `json:"docs,omitempty"`
	Part      string        `json:"part,omitempty"` // the part concerned (of the target)
	Effective string        `json:"effective,omitempty"`
	Source    string        `json:"source"` // the stored document whose text states it
}

// Relations is a document's Lược đồ: what it does to others (Out) and what
// others do to it (In), each in the order of Relations ranks, strongest first.
type Relations struct {
	Out []Link `json:"out"`
	In  []Link `json:"in"`
}

// MaxLinks bounds each direction of a Lược đồ (a law is the căn cứ of
// thousands): the strongest kinds first, so a repeal is never left out for
// the căn cứ.
const MaxLinks = 200
