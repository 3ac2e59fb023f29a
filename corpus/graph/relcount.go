package graph

import (
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/vanban/vanban/corpus/cite"
	bolt "go.etcd.io/bbolt"
)

// Group counts: how many links each group of a Lược đồ has (a kind and a
// direction at an end), kept with the edges (graph.go), so that a page
// reads the counts of its groups and the few links it names instead of
// every edge at the document: a resolution thousands of plans implement
// has thousands of edges, and its page names ten a group.
//
//	bucket "rellink":  dir end "\x00" kind "\x00" other "\x00" otherKey
//	                   "\x00" part → uvarint: the edges stating the link
//	bucket "relcount": dir end "\x00" kind → uvarint: the group's links
//
// dir is 'i' for what others do to end (relto), 'o' for what it does
// (relfrom). A link is what groupLinks lists once: the other end, its key
// as written and the part concerned; several documents stating it are one
// link. putEdges counts each edge it writes or removes (Tally, written
// once a transaction); a link's first edge adds one to its group, its last
// one takes one away. A store of
// graph version 5 or older, read without being upgraded (a read-only
// open), has no counts: its groups are counted by reading their edges, as
// are those of a graph of another version (groupCount).

var (
	bucketRelLink  = []byte("rellink")
	bucketRelCount = []byte("relcount")
)

// groupKey is the relcount key of a group.
func groupKey(in bool, end string, kind cite.Relation) []byte {
	k := make([]byte, 0, 2+len(end)+len(kind))
	k = append(k, dirByte(in))
	k = append(k, end...)
	k = append(k, 0)
	return append(k, kind...)
}

// linkKey is the rellink key of edge e's link at end (its To when in,
// else its From).
func linkKey(in bool, end string, e *Edge) []byte {
	other, otherKey := e.To, e.ToKey
	if in {
		other, otherKey = e.From, e.FromKey
	}
	k := groupKey(in, end, e.Kind)
	for _, s := range []string{other, otherKey, e.Part} {
		k = append(k, 0)
		k = append(k, s...)
	}
	return k
}

func dirByte(in bool) byte {
	if in {
		return 'i'
	}
	return 'o'
}

// Tally counts, within one write transaction, the edges putEdges
// writes (1) or removes (-1) per link and the links per group, and writes
// them when flushed, in key order, once a key. Written at each edge, every
// edge of a batch put a rellink key and often a relcount key at a random
// place of a node bbolt keeps sorted in memory until the commit, moving
// the node's entries each time: an ingest of documents stating links of
// their own took half as long again as without the counts (docs/
// docs/log/i18-relrev-performance.md). Nothing reads the counts in a write
// transaction before its commit but the tally itself.
type Tally struct {
	links  map[string]*tallied // rellink key → its count
	groups map[string]int      // relcount key → links come (+) and gone (-)
}

// tallied is a link's count as stored (was) and after the edges so far.
type tallied struct{ was, now int }

// NewTally is an empty tally, for one write transaction.
func NewTally() *Tally {
	return &Tally{links: map[string]*tallied{}, groups: map[string]int{}}
}

// count adds delta (1 or -1) to the edges stating e's link at end, and
// to its group's links when the link comes or goes.
func (t *Tally) count(root parent, in bool, end string, e *Edge, delta int) {
	lk := linkKey(in, end, e)
	c := t.links[string(lk)]
	if c == nil {
		n := readCount(root.Bucket(bucketRelLink).Get(lk))
		c = &tallied{was: n, now: n}
		t.links[string(lk)] = c
	}
	if delta < 0 && c.now == 0 {
		return // never counted: nothing to take away
	}
	c.now += delta
	if c.now == 0 || c.now == 1 && delta > 0 {
		t.groups[string(groupKey(in, end, e.Kind))] += delta
	}
}

// Flush writes the counts tallied since the last flush, in key order.
func (t *Tally) Flush(tx *bolt.Tx) error { return t.flush(tx) }

// flush writes the counts into the buckets under root.
func (t *Tally) flush(root parent) error {
	links, groups := root.Bucket(bucketRelLink), root.Bucket(bucketRelCount)
	for _, k := range slices.Sorted(maps.Keys(t.links)) {
		if c := t.links[k]; c.now != c.was {
			if err := putCount(links, []byte(k), c.now); err != nil {
				return fmt.Errorf("link count: %w", err)
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(t.groups)) {
		if d := t.groups[k]; d != 0 {
			if err := putCount(groups, []byte(k), readCount(groups.Get([]byte(k)))+d); err != nil {
				return fmt.Errorf("group count: %w", err)
			}
		}
	}
	clear(t.links)
	clear(t.groups)
	return nil
}

// groupCount returns the links of a group, and false when the store keeps
// no counts of its edges: none, or counts beside a graph of another
// version. A binary of an older graph version rebuilds, on a read-write
// open, the graph buckets it knows and writes edges without counting them,
// leaving rellink and relcount as a newer one wrote them; read-only
// commands of this binary serve such a store as it is (corpus.OpenStore).
func groupCount(tx *bolt.Tx, in bool, end string, kind cite.Relation) (int, bool) {
	b := tx.Bucket(bucketRelCount)
	if b == nil || string(tx.Bucket(bucketMeta).Get([]byte("graph"))) != strconv.Itoa(Version) {
		return 0, false
	}
	return readCount(b.Get(groupKey(in, end, kind))), true
}

func readCount(v []byte) int {
	n, k := binary.Uvarint(v)
	if k <= 0 {
		return 0
	}
	return int(n)
}

// putCount writes n under k, removing k at 0.
func putCount(b *bolt.Bucket, k []byte, n int) error {
	if n <= 0 {
		return b.Delete(k)
	}
	return b.Put(k, binary.AppendUvarint(nil, uint64(n)))
}
