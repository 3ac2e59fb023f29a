package corpus

// The Store's reads of the graph (corpus/graph): each opens a read
// transaction and asks the graph in it. They take a number in any
// spelling ("154/NQ-CP", "154/nq-cp") or "#ID", where the graph takes
// lookup keys and ends, and their errors name corpus as before the graph
// was a package of its own.

import (
	"context"
	"fmt"
	"time"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// Refs returns the outgoing references of document id, each with the live
// documents carrying its number. An unknown or gone document has none.
func (s *Store) Refs(id string) ([]graph.ResolvedRef, error) {
	var out []graph.ResolvedRef
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = graph.Of(tx, s.recs()).Refs(id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: refs of %s: %w", id, err)
	}
	return out, nil
}

// CitedBy returns the IDs of the live documents citing key (a number in any
// spelling: "154/NQ-CP", "154/nq-cp"), sorted.
func (s *Store) CitedBy(key string) ([]string, error) {
	return s.pairs("bykey", key, graph.Graph.CitedBy)
}

// ByNumber returns the IDs of the live documents whose number is key (in any
// spelling), sorted.
func (s *Store) ByNumber(key string) ([]string, error) {
	return s.pairs("numbers", key, graph.Graph.ByNumber)
}

func (s *Store) pairs(bucket, key string, list func(graph.Graph, string) []string) ([]string, error) {
	k := doctype.NumberKey(key)
	if k == "" {
		return nil, nil
	}
	var ids []string
	err := s.db.View(func(tx *bolt.Tx) error {
		ids = list(graph.Of(tx, s.recs()), k)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: %s %s: %w", bucket, key, err)
	}
	return ids, nil
}

// CitedByPage returns the IDs of the live documents citing key (in any
// spelling) from the offset-th (from 0), at most limit of them, in the
// order of CitedBy, and how many cite it (graph.Graph.CitedByPage: only
// the page's IDs are copied). It looks at ctx every 256 keys and returns
// its error when ctx ends.
func (s *Store) CitedByPage(ctx context.Context, key string, offset, limit int) ([]string, int, error) {
	k := doctype.NumberKey(key)
	if k == "" {
		return nil, 0, nil
	}
	var ids []string
	total := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ids, total, err = graph.Of(tx, s.recs()).CitedByPage(ctx, k, offset, limit)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: cited by %s: %w", key, err)
	}
	return ids, total, nil
}

// Effect returns the status at now of the document number key (any
// spelling; "#ID" for a stored document without number). It stops with
// ctx's error when ctx ends.
func (s *Store) Effect(ctx context.Context, key string, now time.Time) (graph.Effect, error) {
	end := graph.End(key)
	if end == "" {
		return graph.Effect{}, fmt.Errorf("corpus: effect of %q: not a document number", key)
	}
	var e graph.Effect
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		e, err = graph.Of(tx, s.recs()).Effect(ctx, end, now)
		return err
	})
	if err != nil {
		return graph.Effect{}, fmt.Errorf("corpus: effect of %s: %w", key, err)
	}
	return e, nil
}

// DocEffect returns the status at now of a stored document: its number's,
// or for a document without number what is said of it alone. It stops
// with ctx's error when ctx ends.
func (s *Store) DocEffect(ctx context.Context, id string, now time.Time) (graph.Effect, error) {
	var e graph.Effect
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		e, err = graph.Of(tx, s.recs()).DocEffect(ctx, id, now)
		return err
	})
	if err != nil {
		return graph.Effect{}, fmt.Errorf("corpus: effect of %s: %w", id, err)
	}
	return e, nil
}

// EffectSpan returns the span of a stored document (its number's, or its own
// for a document without number).
func (s *Store) EffectSpan(id string) (graph.Span, error) {
	var sp graph.Span
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		sp, err = graph.Of(tx, s.recs()).Span(id)
		return err
	})
	if err != nil {
		return graph.Span{}, fmt.Errorf("corpus: effect span of %s: %w", id, err)
	}
	return sp, nil
}

// Relations returns the Lược đồ of the document number key ("#ID" for a
// stored document without number): up to graph.MaxLinks in each direction
// (RelationGroups counts them all).
func (s *Store) Relations(key string) (graph.Relations, error) {
	r, _, err := s.RelationsGrouped(context.Background(), key)
	return r, err
}

// RelationGroups returns the groups of the Lược đồ of key (a number, or
// "#ID"): what others do to it, then what it does, each strongest kind
// first (cite.Relation.Rank), with the count of all of each group and its
// first per links, in the order Relations lists them. It stops with
// ctx's error when ctx ends.
func (s *Store) RelationGroups(ctx context.Context, key string, per int) ([]graph.RelationGroup, error) {
	var gs []graph.RelationGroup
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		gs, err = graph.Of(tx, s.recs()).RelationGroups(ctx, graph.End(key), per)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: relations of %s: %w", key, err)
	}
	return gs, nil
}

// RelationsGrouped returns the Lược đồ of key as Relations does
// (graph.MaxLinks of each direction, the strongest kinds first) and its
// groups counted (RelationGroups without links), reading its edges once.
// It stops with ctx's error when ctx ends.
func (s *Store) RelationsGrouped(ctx context.Context, key string) (graph.Relations, []graph.RelationGroup, error) {
	var r graph.Relations
	var gs []graph.RelationGroup
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		r, gs, err = graph.Of(tx, s.recs()).RelationsGrouped(ctx, graph.End(key))
		return err
	})
	if err != nil {
		return graph.Relations{Out: []graph.Link{}, In: []graph.Link{}}, nil, fmt.Errorf("corpus: relations of %s: %w", key, err)
	}
	return r, gs, nil
}

// RelationGroupPage returns the group of kind and direction in of the Lược
// đồ of key with its links from offset, limit of them (none past the end).
// It stops with ctx's error when ctx ends.
func (s *Store) RelationGroupPage(ctx context.Context, key string, in bool, kind cite.Relation, offset, limit int) (graph.RelationGroup, error) {
	var g graph.RelationGroup
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		g, err = graph.Of(tx, s.recs()).RelationGroupPage(ctx, graph.End(key), in, kind, offset, limit)
		return err
	})
	if err != nil {
		return g, fmt.Errorf("corpus: relations of %s: %w", key, err)
	}
	return g, nil
}

// GraphCurrent reports whether the store's citation graph was built with
// this binary's graph.Version (graph.Current). A read-only open serves an
// older graph as it is; a read-write open rebuilds it and moves every live
// document to a new sequence, so that the index re-reads its effect span
// (graphdoc.go, migrate).
func (s *Store) GraphCurrent() (bool, error) {
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		// An upgrade in batches stamps the graph when it swaps it in,
		// before the renumbering: the graph is current when no upgrade
		// is under way (upgradebatch.go).
		meta := tx.Bucket(bucketMeta)
		_, upgrading := parseUpgrading(string(meta.Get([]byte("version"))))
		ok = graph.Current(tx) && !upgrading && meta.Get(metaUpgrade) == nil
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("corpus: graph version: %w", err)
	}
	return ok, nil
}

// stated returns the relation document id states to each live stored
// document it cites, by ID (graph.Entry.Stated: its own references and
// the edges it states from itself), and whether the only changes it states
// to any document, stored or not, remove it (repeals, expires, suspends:
// a text that only repeals others writes no rule of its own).
func (s *Store) stated(id string) (map[string]cite.Relation, map[string]bool, bool, error) {
	out := map[string]cite.Relation{}
	var through map[string]bool
	removes, writes := false, false
	err := s.db.View(func(tx *bolt.Tx) error {
		g := graph.Of(tx, s.recs())
		e, ok, err := g.Entry(id)
		if !ok || err != nil {
			return err
		}
		for k := range e.Through(id) {
			for _, x := range g.ByNumber(k) {
				if through == nil {
					through = map[string]bool{}
				}
				through[x] = true
			}
		}
		for k, rel := range e.Stated(id) {
			switch rel {
			case cite.Repeals, cite.Expires, cite.Suspends:
				removes = true
			case cite.Amends, cite.Replaces:
				writes = true
			}
			for _, x := range g.ByNumber(k) {
				if o, ok := out[x]; !ok || rel.Rank() > o.Rank() {
					out[x] = rel
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, false, fmt.Errorf("corpus: relations of %s: %w", id, err)
	}
	return out, through, removes && !writes, nil
}
