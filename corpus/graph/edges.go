package graph

import (
	"bytes"
	"context"
	"fmt"
	"strconv"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	bolt "go.etcd.io/bbolt"
)

// Relation edges: what a document's text says one document does to another
// (the relations cite.ParseDoc reads), stored with the document (graph.go).

// Edge is one relation a document's text states: From does Kind to To.
type Edge struct {
	Kind      cite.Relation `json:"kind"`
	From      string        `json:"from,omitempty"`     // end: a lookup key, "#"+ID of a stored document without number, "" for a document named without number
	To        string        `json:"to,omitempty"`       // end, as From
	FromKey   string        `json:"from_key,omitempty"` // the actor as written: "1234/QĐ-UBND", or its name ("Luật PPP")
	ToKey     string        `json:"to_key,omitempty"`
	Part      string        `json:"part,omitempty"` // the part of To concerned
	Partial   bool          `json:"partial,omitempty"`
	Effective string        `json:"effective,omitempty"` // YYYY-MM-DD, when known
	Approx    bool          `json:"approx,omitempty"`    // Effective is the stating document's publication date
	Doc       string        `json:"doc"`                 // the document whose text states it
}

// selfEnd is the end naming a stored document: its number's lookup key, or
// "#" and its ID.
func selfEnd(id, own string) string {
	if own != "" {
		return own
	}
	return "#" + id
}

// docEdges returns the relation edges a document's text states, one per
// kind, ends and part. A passive stated from both ends ("A … được sửa đổi
// bởi B") gives one edge: the part from A's side, the date from B's. An
// actor the text also cites as a ground (cite.Ref.Ground: "Căn cứ Luật A
// được sửa đổi bởi Luật số B") gives the text's based_on edge to it too.
func docEdges(d Doc, own string, pd cite.Doc) []Edge {
	self, selfKey := selfEnd(d.ID, own), d.Number
	var out []Edge
	at := map[string]int{}
	for _, r := range pd.Refs {
		k := r.LookupKey()
		if r.Relation == cite.Mentions || k == "" {
			continue
		}
		if r.By && r.Ground && k != self {
			id := string(cite.BasedOn) + "\x00" + self + "\x00" + selfKey + "\x00" + k + "\x00" + r.Key
			if _, ok := at[id]; !ok {
				at[id] = len(out)
				out = append(out, Edge{Kind: cite.BasedOn, From: self, FromKey: selfKey, To: k, ToKey: r.Key, Doc: d.ID})
			}
		}
		other, otherKey := self, selfKey
		if r.Other != "" {
			other, otherKey = doctype.NumberKey(r.Other), r.Other
		}
		e := Edge{Kind: r.Relation, Partial: r.Partial, Doc: d.ID}
		if r.By {
			e.From, e.FromKey, e.To, e.ToKey = k, r.Key, other, otherKey
			e.Effective = r.Effective // when the actor's change takes effect
		} else {
			e.From, e.FromKey, e.To, e.ToKey = other, otherKey, k, r.Key
			e.Part = r.Part
			if r.Other == "" {
				e.Effective = r.Effective // a change this document makes
			}
		}
		if e.From == e.To && e.FromKey == e.ToKey {
			continue
		}
		if e.From == self && e.Effective == "" && e.Kind.Changes() {
			switch {
			case pd.Effective != "":
				e.Effective = pd.Effective
			case pd.Signed != "":
				e.Effective = pd.Signed
			case d.Published != "":
				e.Effective, e.Approx = d.Published, true
			}
		}
		id := string(e.Kind) + "\x00" + e.From + "\x00" + e.FromKey + "\x00" + e.To + "\x00" + e.ToKey
		if i, ok := at[id]; ok {
			o := &out[i]
			switch {
			case o.Part == "" && e.Part != "":
				e.Effective, e.Approx = cmpOr(e.Effective, o.Effective, e.Approx, o.Approx)
				e.Partial = e.Partial || o.Partial
				*o = e
				continue
			case e.Part == "" || e.Part == o.Part:
				o.Effective, o.Approx = cmpOr(o.Effective, e.Effective, o.Approx, e.Approx)
				o.Partial = o.Partial || e.Partial
				continue
			}
			id += "\x00" + e.Part
			if _, dup := at[id]; dup {
				continue
			}
		}
		at[id] = len(out)
		out = append(out, e)
	}
	return out
}

// cmpOr keeps a date and its approx flag, else takes the other.
func cmpOr(a, b string, aApprox, bApprox bool) (string, bool) {
	if a != "" {
		return a, aApprox
	}
	return b, bApprox
}

// edgeKey is the key of edge n of document doc in relto (end To) or
// relfrom (end From).
func edgeKey(end string, kind cite.Relation, doc string, n int) []byte {
	return []byte(end + "\x00" + string(kind) + "\x00" + doc + "\x00" + strconv.Itoa(n))
}

// putEdges writes (or, with del, removes) the index entries of a document's
// edges, and counts them in t.
func putEdges(root parent, doc string, edges []Edge, del bool, t *Tally) error {
	to, from := root.Bucket(bucketRelTo), root.Bucket(bucketRelFrom)
	for n, e := range edges {
		for _, x := range []struct {
			b   *bolt.Bucket
			end string
			to  bool
		}{{to, e.To, true}, {from, e.From, false}} {
			if x.end == "" {
				continue
			}
			k := edgeKey(x.end, e.Kind, doc, n)
			var err error
			if del {
				err = x.b.Delete(k)
			} else {
				err = x.b.Put(k, edgeValue(&e, doc, x.to))
			}
			t.count(root, x.to, x.end, &e, flagDelta(del))
			if err != nil {
				return fmt.Errorf("edge %d of %s: %w", n, doc, err)
			}
		}
	}
	return nil
}

// flagDelta is what an edge written (1) or removed (-1) adds to its
// link's count.
func flagDelta(del bool) int {
	if del {
		return -1
	}
	return 1
}

// eachEdge calls f with the edges of the relto (to) or relfrom bucket at an
// end, of one kind ("" for all), in key order, until f returns false. It
// looks at ctx every ctxEvery edges and returns its error when it has
// ended.
func eachEdge(ctx context.Context, b *bolt.Bucket, to bool, end string, kind cite.Relation, f func(*Edge) bool) error {
	return eachEntry(ctx, b, end, kind, func(k, v []byte) (bool, error) {
		e, err := decodeEdge(k, v, end, to)
		if err != nil {
			return false, fmt.Errorf("decode edge %q: %w", k, err)
		}
		return f(&e), nil
	})
}

// eachEntry calls f with the entries (key, value) of an edge bucket at an
// end, of one kind ("" for all), in key order, until f returns false or an
// error. It looks at ctx every ctxEvery entries.
func eachEntry(ctx context.Context, b *bolt.Bucket, end string, kind cite.Relation, f func(k, v []byte) (bool, error)) error {
	prefix := []byte(end + "\x00")
	if kind != "" {
		prefix = append(prefix, kind...)
		prefix = append(prefix, 0)
	}
	c := b.Cursor()
	i := 0
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if i++; i%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if more, err := f(k, v); !more || err != nil {
			return err
		}
	}
	return nil
}

// appendTargets adds the ends whose effect the edges change.
func appendTargets(targets []string, edges []Edge) []string {
	for _, e := range edges {
		if e.Kind.Changes() && e.To != "" {
			targets = append(targets, e.To)
		}
	}
	return targets
}

// touchTargets gives the stored documents at the ends targets (other than
// doc itself) a new sequence, so that an index keeping their effect status
// reads them again.
func touchTargets(tx *bolt.Tx, t Toucher, doc string, targets []string) error {
	done := map[string]bool{doc: true}
	for _, e := range targets {
		var ids []string
		if e[0] == '#' {
			ids = []string{e[1:]}
		} else {
			ids = scanPairs(tx.Bucket(bucketNumbers), e)
		}
		for _, id := range ids {
			if done[id] {
				continue
			}
			done[id] = true
			if err := t.Touch(tx, id); err != nil {
				return fmt.Errorf("touch %s: %w", id, err)
			}
		}
	}
	return nil
}
