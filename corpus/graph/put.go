package graph

// The graph's write: Put replaces a document's entries — its refs value,
// its cited-by and number pairs, its edges and their counts — in the
// store's write transaction, and touches the documents whose effect the
// change touches.

import "fmt"

// Put replaces the graph entries of document id (called by the store's
// write, after the store's sequence is updated) with v, whose refs value
// is val when already encoded (nil: encoded here); a nil v (a gone
// document) only removes them. When touch is not nil, it gives the
// documents whose effect the change touches a new sequence. t counts the
// edges (flushed by the caller before the commit).
func (g Graph) Put(id string, v *Entry, val []byte, t *Tally, touch Toucher) error {
	root, c := g.root, g.c
	refs, bykey, numbers := root.Bucket(bucketRefs), root.Bucket(bucketByKey), root.Bucket(bucketNumbers)
	key := []byte(id)
	var targets []string // ends of effect edges removed or added
	if raw := refs.Get(key); raw != nil {
		old, err := Decode(c, raw, id)
		if err != nil {
			return fmt.Errorf("decode refs of %s: %w", id, err)
		}
		for _, r := range old.Refs {
			if err := bykey.Delete(pairKey(r.LookupKey(), id)); err != nil {
				return err
			}
		}
		if old.Number != "" {
			if err := numbers.Delete(pairKey(old.Number, id)); err != nil {
				return err
			}
		}
		if err := putEdges(root, id, old.Edges, true, t); err != nil {
			return err
		}
		targets = appendTargets(targets, old.Edges)
		if err := refs.Delete(key); err != nil {
			return err
		}
	}
	if v != nil {
		for _, r := range v.Refs {
			if err := bykey.Put(pairKey(r.LookupKey(), id), nil); err != nil {
				return err
			}
		}
		if v.Number != "" {
			if err := numbers.Put(pairKey(v.Number, id), nil); err != nil {
				return err
			}
		}
		if err := putEdges(root, id, v.Edges, false, t); err != nil {
			return err
		}
		targets = appendTargets(targets, v.Edges)
		if val == nil {
			val = Encode(c, v, id)
		}
		if err := refs.Put(key, val); err != nil {
			return err
		}
	}
	if touch == nil {
		return nil
	}
	return touchTargets(g.tx, touch, id, targets)
}

func pairKey(key, id string) []byte { return []byte(key + "\x00" + id) }
