package corpus

// Citation graph format (store version 2, graph version graphVersion). Three
// buckets of store.db, written in the same bbolt transaction as the document
// they describe (Put, MarkGone), so the graph is never behind the store:
//
//	bucket "refs":    document ID → JSON docRefs{Number, Refs}: the lookup key
//	                  of the document's own number and its outgoing references
//	                  (ParseRefs over title, summary and body; one per lookup
//	                  key, first occurrence, self-references left out)
//	bucket "bykey":   lookupKey "\x00" citing ID → "" (the cited-by sets)
//	bucket "numbers": lookupKey "\x00" document ID → "" (who carries a number)
//
// Gone documents have no entries. A lookup key is cite.Ref.LookupKey
// ("154/nq-cp"), which has no NUL byte. References are resolved when read
// (Refs), so a citation stored before the cited document arrives resolves
// once it does.
//
// meta "graph" holds the graphVersion the buckets were built with. Opening a
// store read-write upgrades a version 1 store (no graph) and rebuilds the
// graph when graphVersion changed (a better parser), in one transaction.
//
// Graph history: 1 — first graph (store version 2). 2 — one grammar of
// numbers for the parser, the index and lookups (viet.ScanNumber,
// viet.NumberKey): a key without "/" is read only in compact capitals
// (73-CP), lookup keys of "_"-joined numbers use "-", type words and codes
// from corpus/doctype.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
	bolt "go.etcd.io/bbolt"
)

// graphVersion is the version of the citation graph buckets; bump it when
// cite.ParseRefs or the bucket layout changes so that stores rebuild on open.
const graphVersion = 2

var (
	bucketRefs    = []byte("refs")
	bucketByKey   = []byte("bykey")
	bucketNumbers = []byte("numbers")
)

// docRefs is the value of the refs bucket.
type docRefs struct {
	Number string     `json:"number,omitempty"` // lookup key of Document.Number
	Refs   []cite.Ref `json:"refs"`
}

// ResolvedRef is an outgoing reference with the stored documents that carry
// its number (none when the cited document is not in the corpus).
type ResolvedRef struct {
	cite.Ref
	LookupKey string   `json:"lookup_key"`
	DocIDs    []string `json:"doc_ids,omitempty"`
}

// DocRefs returns the outgoing references of a document: one per lookup key
// in order of first appearance, leaving out its own number. Later mentions
// fill in a date or issuer the first one lacks.
func DocRefs(d *Document) []cite.Ref {
	own := viet.NumberKey(d.Number)
	text := d.Title + "\n" + d.Summary + "\n" + d.Body
	var out []cite.Ref
	at := map[string]int{}
	for _, r := range cite.ParseRefs(text) {
		k := r.LookupKey()
		if k == "" || k == own {
			continue
		}
		if i, ok := at[k]; ok {
			if out[i].Date == "" {
				out[i].Date, out[i].Year = r.Date, max(out[i].Year, r.Year)
			}
			if out[i].Type == "" {
				out[i].Type = r.Type
			}
			continue
		}
		at[k] = len(out)
		out = append(out, r)
	}
	return out
}

// graphBuckets creates the graph buckets.
func graphBuckets(tx *bolt.Tx) error {
	for _, b := range [][]byte{bucketRefs, bucketByKey, bucketNumbers} {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return nil
}

// indexRefs replaces the graph entries of doc (called by Store.write).
func indexRefs(tx *bolt.Tx, doc *Document) error {
	refs, bykey, numbers := tx.Bucket(bucketRefs), tx.Bucket(bucketByKey), tx.Bucket(bucketNumbers)
	id := []byte(doc.ID)
	if raw := refs.Get(id); raw != nil {
		var old docRefs
		if err := json.Unmarshal(raw, &old); err != nil {
			return fmt.Errorf("decode refs of %s: %w", doc.ID, err)
		}
		for _, r := range old.Refs {
			if err := bykey.Delete(pairKey(r.LookupKey(), doc.ID)); err != nil {
				return err
			}
		}
		if old.Number != "" {
			if err := numbers.Delete(pairKey(old.Number, doc.ID)); err != nil {
				return err
			}
		}
		if err := refs.Delete(id); err != nil {
			return err
		}
	}
	if doc.Gone {
		return nil
	}
	v := docRefs{Number: viet.NumberKey(doc.Number), Refs: DocRefs(doc)}
	if v.Refs == nil {
		v.Refs = []cite.Ref{}
	}
	for _, r := range v.Refs {
		if err := bykey.Put(pairKey(r.LookupKey(), doc.ID), nil); err != nil {
			return err
		}
	}
	if v.Number != "" {
		if err := numbers.Put(pairKey(v.Number, doc.ID), nil); err != nil {
			return err
		}
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return refs.Put(id, raw)
}

func pairKey(key, id string) []byte { return []byte(key + "\x00" + id) }

// migrate upgrades a version 1 store and rebuilds a graph of another
// graphVersion, inside OpenStore's transaction.
func migrate(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	v := string(meta.Get([]byte("version")))
	if v != "1" && v != "2" && v != strconv.Itoa(storeVersion) {
		return nil // checkVersion reports it
	}
	if v != "1" && string(meta.Get([]byte("graph"))) == strconv.Itoa(graphVersion) {
		// Format 2 → 3: the records stay as they are (decodeDoc reads
		// both forms) and are compressed when next written.
		return meta.Put([]byte("version"), []byte(strconv.Itoa(storeVersion)))
	}
	if err := rebuildGraph(tx); err != nil {
		return fmt.Errorf("build citation graph: %w", err)
	}
	if err := meta.Put([]byte("graph"), []byte(strconv.Itoa(graphVersion))); err != nil {
		return err
	}
	return meta.Put([]byte("version"), []byte(strconv.Itoa(storeVersion)))
}

// rebuildGraph drops the graph buckets and indexes every live document.
func rebuildGraph(tx *bolt.Tx) error {
	for _, b := range [][]byte{bucketRefs, bucketByKey, bucketNumbers} {
		if tx.Bucket(b) != nil {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
	}
	if err := graphBuckets(tx); err != nil {
		return err
	}
	return tx.Bucket(bucketDocs).ForEach(func(k, raw []byte) error {
		var d Document
		if err := decodeDoc(raw, &d); err != nil {
			return fmt.Errorf("decode %s: %w", k, err)
		}
		return indexRefs(tx, &d)
	})
}

// Refs returns the outgoing references of document id, each with the live
// documents carrying its number. An unknown or gone document has none.
func (s *Store) Refs(id string) ([]ResolvedRef, error) {
	var out []ResolvedRef
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketRefs).Get([]byte(id))
		if raw == nil {
			return nil
		}
		var v docRefs
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		out = make([]ResolvedRef, 0, len(v.Refs))
		for _, r := range v.Refs {
			k := r.LookupKey()
			out = append(out, ResolvedRef{Ref: r, LookupKey: k, DocIDs: scanPairs(tx.Bucket(bucketNumbers), k)})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: refs of %s: %w", id, err)
	}
	return out, nil
}

// CitedBy returns the IDs of the live documents citing key (a number in any
// spelling: "154/NQ-CP", "154/nq-cp"), sorted.
func (s *Store) CitedBy(key string) ([]string, error) {
	return s.pairs(bucketByKey, key)
}

// ByNumber returns the IDs of the live documents whose number is key (in any
// spelling), sorted.
func (s *Store) ByNumber(key string) ([]string, error) {
	return s.pairs(bucketNumbers, key)
}

func (s *Store) pairs(bucket []byte, key string) ([]string, error) {
	k := viet.NumberKey(key)
	if k == "" {
		return nil, nil
	}
	var ids []string
	err := s.db.View(func(tx *bolt.Tx) error {
		ids = scanPairs(tx.Bucket(bucket), k)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: %s %s: %w", bucket, key, err)
	}
	return ids, nil
}

// scanPairs lists the IDs stored under key in a pair bucket, in byte order.
func scanPairs(b *bolt.Bucket, key string) []string {
	prefix := []byte(key + "\x00")
	var ids []string
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		ids = append(ids, string(k[len(prefix):]))
	}
	return ids
}
