package graph

// What the graph keeps of a document — its Entry, the value of the refs
// bucket, read from its text by EntryOf — and the reads of it: Entry,
// Refs (each reference with the documents carrying its number).

import (
	"cmp"
	"fmt"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
)

// Entry is the value of the refs bucket: what the graph keeps of a
// document.
type Entry struct {
	Number    string     `json:"number,omitempty"` // lookup key of the document's number
	Refs      []cite.Ref `json:"refs"`
	Signed    string     `json:"signed,omitempty"`    // date of signing the text gives
	Effective string     `json:"effective,omitempty"` // when the document takes effect, as its text states
	Until     string     `json:"until,omitempty"`     // when its effect ends, as its text states
	Edges     []Edge     `json:"edges,omitempty"`
}

// ResolvedRef is an outgoing reference with the stored documents that carry
// its number (none when the cited document is not in the corpus).
type ResolvedRef struct {
	cite.Ref
	LookupKey string   `json:"lookup_key"`
	DocIDs    []string `json:"doc_ids,omitempty"`
}

// Doc is what the graph reads of a document beside its parsed text: its
// ID, the number it carries and its publication date (the date of a change
// it states without one).
type Doc struct {
	ID, Number, Published string
}

// EntryOf is the entry of document d, whose text cite.ParseDoc read as pd:
// its outgoing references one per lookup key in order of first
// appearance, leaving out its own number, its relation edges and what it
// says of its own effect. Of several mentions of one key the one with the
// strongest relation the document itself states wins; later mentions fill
// in a date or type the first lacks.
func EntryOf(d Doc, pd cite.Doc) Entry {
	own := doctype.NumberKey(d.Number)
	v := Entry{Number: own, Signed: pd.Signed, Effective: pd.Effective, Until: pd.Until}
	at := map[string]int{}
	for _, r := range pd.Refs {
		k := r.LookupKey()
		if k == "" || k == own {
			continue
		}
		i, ok := at[k]
		if !ok {
			at[k] = len(v.Refs)
			v.Refs = append(v.Refs, r)
			continue
		}
		o := &v.Refs[i]
		if strongerOwn(r, *o) {
			r.Date, r.Type, r.Year = cmp.Or(r.Date, o.Date), cmp.Or(r.Type, o.Type), max(r.Year, o.Year)
			r.Text, r.Start, r.End = o.Text, o.Start, o.End
			*o = r
			continue
		}
		if o.Date == "" {
			o.Date, o.Year = r.Date, max(o.Year, r.Year)
		}
		if o.Type == "" {
			o.Type = r.Type
		}
	}
	v.Edges = docEdges(d, own, pd)
	return v
}

// strongerOwn reports whether r says more of what the document itself does
// than o: a relation the document states as actor beats any other, then the
// relation's rank.
func strongerOwn(r, o cite.Ref) bool {
	rs, os := !r.By && r.Other == "", !o.By && o.Other == ""
	if rs != os {
		return rs
	}
	return r.Relation.Rank() > o.Relation.Rank()
}

// Entry reads the refs entry of document id: false when it has none
// (unknown or gone).
func (g Graph) Entry(id string) (Entry, bool, error) {
	raw := g.tx.Bucket(bucketRefs).Get([]byte(id))
	if raw == nil {
		return Entry{}, false, nil
	}
	v, err := Decode(g.c, raw, id)
	if err != nil {
		return v, false, fmt.Errorf("decode refs of %s: %w", id, err)
	}
	return v, true, nil
}

// Refs returns the outgoing references of document id, each with the live
// documents carrying its number. An unknown or gone document has none.
func (g Graph) Refs(id string) ([]ResolvedRef, error) {
	v, ok, err := g.Entry(id)
	if !ok || err != nil {
		return nil, err
	}
	out := make([]ResolvedRef, 0, len(v.Refs))
	for _, r := range v.Refs {
		k := r.LookupKey()
		out = append(out, ResolvedRef{Ref: r, LookupKey: k, DocIDs: scanPairs(g.tx.Bucket(bucketNumbers), k)})
	}
	return out, nil
}
