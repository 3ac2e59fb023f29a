package corpus

// A store's record dictionary (store format 5): a zstd dictionary trained
// on a sample of the store's own records, kept in the store beside them:
//
//	bucket "dicts": ID (4 bytes BE) → zstd dictionary (magic, ID, entropy
//	                tables, content; github.com/klauspost/compress/dict)
//	bucket "meta":  "dict" → the ID new records are written with (4 bytes BE)
//
// Every record's zstd frame names its dictionary, so a record stays
// readable whatever dictionary the store writes with later: a retrain
// adds a dictionary, and drops the older ones only after every record
// was rewritten with the new one (Recompress).
//
// When: a store is trained once, in the write (Put, PutBatch) that finds
// it without a trained dictionary and holding at least trainAt records:
// a bulk ingest trains after its first few batches, a crawled store on
// the night it reaches trainAt documents. That write rewrites the records
// already stored with the new dictionary when there are at most
// rewriteMax of them (a store being filled); a larger store (one of
// format 4, upgraded) keeps its records as they are until they change or
// `vanban store recompress` (Recompress) rewrites them all. Recompress is
// the retrain: a store whose collection drifted far from its first
// trainAt documents is retrained on demand, not behind the operator's
// back. The dictionary, the meta key naming it and the records written
// with it are committed in one bbolt transaction: a crash leaves the
// store before or after it, never records naming a dictionary it lacks.

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"

	"github.com/klauspost/compress/dict"
	"github.com/klauspost/compress/zstd"
	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

const (
	// trainAt is how many records a store holds when it is trained: on
	// 2,000 records the dictionary reaches what one trained on the whole
	// 20k scale corpus does (docs/log/i21-store-performance.md).
	trainAt = 2000
	// trainSample bounds the records a dictionary is trained on, and
	// trainCut the bytes of each (the start of a longer one): the
	// trainer's CPU and memory stay bounded whatever the store holds, and
	// klauspost/compress's trainer panics on some long inputs.
	trainSample = 2000
	trainCut    = 8 << 10
	// dictSize is the trained dictionary's size: 64 KB was 2 points
	// better than 16 KB and as good as 112 KB.
	dictSize = 64 << 10
	// rewriteMax (times the store's trainAt) bounds the records a
	// training write rewrites with the new dictionary.
	rewriteMax = 4
	// firstDictID is the first trained dictionary's ID; a retrain takes
	// the next. IDs stay in zstd's private range (≥ 32768, < 2³¹) and
	// never equal recordDictID.
	firstDictID = 0x76616e40
)

var (
	bucketDicts = []byte("dicts")
	metaDict    = []byte("dict")
)

// loadCodec is the codec of the store tx reads: its dictionaries (and
// those of prev, when not nil: a codec only gains dictionaries while a
// store is open, so that a reader's older snapshot never meets a record it
// cannot decode) and the one it writes with.
func loadCodec(tx *bolt.Tx, prev *recordCodec) (*recordCodec, error) {
	b := tx.Bucket(bucketDicts)
	cur := tx.Bucket(bucketMeta).Get(metaDict)
	if b == nil && cur == nil && (prev == nil || len(prev.dicts) == 0) {
		return baseCodec(), nil
	}
	current := uint32(recordDictID)
	if cur != nil {
		if len(cur) != 4 {
			return nil, fmt.Errorf("corpus: the current record dictionary is named by %d bytes, want 4", len(cur))
		}
		current = binary.BigEndian.Uint32(cur)
	}
	dicts := map[uint32][]byte{}
	if prev != nil {
		maps.Copy(dicts, prev.dicts)
	}
	if b != nil {
		err := b.ForEach(func(k, v []byte) error {
			if len(k) != 4 {
				return fmt.Errorf("corpus: record dictionary key %x is not 4 bytes", k)
			}
			dicts[binary.BigEndian.Uint32(k)] = v
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return newRecordCodec(dicts, current)
}

// trainDict trains a zstd dictionary with the given ID on samples (each
// cut to trainCut bytes). The trainer's panics are its bugs on inputs we
// cannot foresee: one is an error here, and the store keeps writing with
// the dictionary it has.
func trainDict(samples [][]byte, id uint32) (d []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("corpus: train record dictionary: trainer panicked: %v", r)
		}
	}()
	cut := make([][]byte, len(samples))
	for i, s := range samples {
		cut[i] = s[:min(len(s), trainCut)]
	}
	d, err = dict.BuildZstdDict(cut, dict.Options{MaxDictSize: dictSize, HashBytes: 6, ZstdDictID: id, ZstdLevel: recordLevel})
	if err != nil {
		return nil, fmt.Errorf("corpus: train record dictionary on %d records: %w", len(samples), err)
	}
	if got, err := zstd.InspectDictionary(d); err != nil || got.ID() != id {
		return nil, fmt.Errorf("corpus: trained record dictionary does not load: %v", err)
	}
	return d, nil
}

// addDict stores d as the dictionary new records are written with and
// returns the codec writing with it (knowing prev's dictionaries too).
func addDict(tx *bolt.Tx, prev *recordCodec, id uint32, d []byte) (*recordCodec, error) {
	b, err := tx.CreateBucketIfNotExists(bucketDicts)
	if err != nil {
		return nil, err
	}
	var k [4]byte
	binary.BigEndian.PutUint32(k[:], id)
	if err := b.Put(k[:], d); err != nil {
		return nil, err
	}
	if err := tx.Bucket(bucketMeta).Put(metaDict, k[:]); err != nil {
		return nil, err
	}
	return loadCodec(tx, prev)
}

// nextDictID is the ID of the next dictionary tx's store trains.
func nextDictID(tx *bolt.Tx) uint32 {
	id := uint32(firstDictID)
	if b := tx.Bucket(bucketDicts); b != nil {
		if k, _ := b.Cursor().Last(); len(k) == 4 {
			id = max(id, binary.BigEndian.Uint32(k)+1)
		}
	}
	return id
}

// maybeTrain trains the store's dictionary inside the write tx when the
// store has none and, with pending (the documents the write is about to
// store), holds trainAt records (see the file comment). It returns the
// codec the write encodes with. A failed training is logged and not
// retried by this Store: the records stay compressed with recordDict.
func (s *Store) maybeTrain(tx *bolt.Tx, pending []*Document) (*recordCodec, error) {
	c := s.recs()
	if c.dictID != recordDictID || s.trainFailed.Load() {
		return c, nil
	}
	// Counted first (keys only, up to the bound): a store below trainAt
	// pays a cursor walk per write, not a decompression per record.
	stored := 0
	docs := tx.Bucket(bucketDocs)
	cur := docs.Cursor()
	for k, _ := cur.First(); k != nil && stored <= rewriteMax*s.trainAt; k, _ = cur.Next() {
		stored++
	}
	if stored+len(pending) < s.trainAt {
		return c, nil
	}
	var samples [][]byte
	for k, v := cur.First(); k != nil && len(samples) < trainSample; k, v = cur.Next() {
		if recordGone(v) {
			continue
		}
		raw, err := c.json(v)
		if err != nil {
			continue // damage is check's to report; the sample does without it
		}
		samples = append(samples, bytes.Clone(raw))
	}
	for _, d := range pending {
		if len(samples) >= trainSample {
			break
		}
		if raw, err := json.Marshal(d); err == nil && !d.Gone {
			samples = append(samples, raw)
		}
	}
	id := nextDictID(tx)
	d, err := trainDict(samples, id)
	if err != nil {
		s.trainFailed.Store(true)
		slog.Warn("store records keep the built-in dictionary", "store", s.path, "err", err)
		return c, nil
	}
	nc, err := addDict(tx, c, id, d)
	if err != nil {
		return nil, fmt.Errorf("store record dictionary: %w", err)
	}
	rewritten := -1 // a large store's records are left as they are
	if stored <= rewriteMax*s.trainAt {
		if _, rewritten, _, err = rewriteFrom(tx, nc, nil, -1); err != nil {
			return nil, err
		}
	}
	s.codec.Store(nc) // knows every dictionary c knew: readers keep reading; update restores c if tx fails
	slog.Info("trained the store's record dictionary", "store", s.path, "id", fmt.Sprintf("%#x", id), "bytes", len(d), "samples", len(samples), "records_rewritten", rewritten)
	return nc, nil
}

// rewriteFrom rewrites with c up to limit records (all when limit < 0),
// from key from on (the first when nil), that do not name c's dictionary,
// leaving their content and sequence as they are; a record that does not
// decode is left as it is (check reports it) and counted in skipped. It
// returns the key to go on from (nil at the end) and how many it rewrote.
func rewriteFrom(tx *bolt.Tx, c *recordCodec, from []byte, limit int) (next []byte, n, skipped int, err error) {
	docs := tx.Bucket(bucketDocs)
	type kv struct{ k, v []byte }
	var out []kv
	cur := docs.Cursor()
	k, v := cur.First()
	if from != nil {
		k, v = cur.Seek(from)
	}
	for ; k != nil && (limit < 0 || len(out) < limit); k, v = cur.Next() {
		if recordDictOf(v) == c.dictID {
			continue
		}
		raw, err := c.json(v)
		if err != nil {
			skipped++
			continue
		}
		out = append(out, kv{bytes.Clone(k), c.encodeJSON(raw, recordGone(v))})
	}
	if k != nil {
		next = bytes.Clone(k)
	}
	for _, r := range out {
		if err := docs.Put(r.k, r.v); err != nil {
			return nil, 0, 0, err
		}
	}
	return next, len(out), skipped, nil
}

// recordDictOf is the dictionary a compressed record names (0 for none or
// a JSON record).
func recordDictOf(rec []byte) uint32 {
	if len(rec) == 0 || rec[0] == '{' {
		return 0
	}
	var h zstd.Header
	if h.Decode(rec[1:]) != nil {
		return 0
	}
	return h.DictionaryID
}

// RecompressReport says what Recompress did.
type RecompressReport struct {
	DictID    uint32 `json:"dict_id"`
	DictBytes int    `json:"dict_bytes"`
	Samples   int    `json:"samples"`
	Rewritten int    `json:"rewritten"`
	// Unreadable records were left as they are (`vanban check` lists
	// them); older dictionaries are then kept.
	Unreadable int `json:"unreadable,omitempty"`
	Dropped    int `json:"dropped_dicts"` // older dictionaries no record names any more
}

// recompressBatch is how many records Recompress rewrites per transaction.
const recompressBatch = 2000

// Recompress retrains the store's record dictionary on a sample spread
// over all its records and rewrites every record with it, in
// transactions of recompressBatch records (an interrupted run leaves
// every record readable, some with the old dictionary; running it again
// finishes). At the end the citation graph's refs values are rewritten
// with the new dictionary too (corpus/graph's refsval.go), and the dictionaries no
// record or refs value names any more are dropped. The file does not shrink (bbolt reuses the freed pages).
func (s *Store) Recompress(ctx context.Context) (*RecompressReport, error) {
	rep := &RecompressReport{}
	err := s.update(func(tx *bolt.Tx) error {
		c := s.recs()
		docs := tx.Bucket(bucketDocs)
		n := docs.Stats().KeyN
		step := max(1, n/trainSample)
		var samples [][]byte
		i := 0
		err := docs.ForEach(func(_, v []byte) error {
			i++
			if (i-1)%step != 0 || len(samples) >= trainSample || recordGone(v) {
				return nil
			}
			raw, err := c.json(v)
			if err == nil {
				samples = append(samples, bytes.Clone(raw))
			}
			return ctx.Err()
		})
		if err != nil {
			return err
		}
		rep.Samples, rep.DictID = len(samples), nextDictID(tx)
		d, err := trainDict(samples, rep.DictID)
		if err != nil {
			return err
		}
		rep.DictBytes = len(d)
		nc, err := addDict(tx, c, rep.DictID, d)
		if err != nil {
			return err
		}
		s.codec.Store(nc) // knows every dictionary c knew; update restores c if tx fails
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: recompress %s: %w", s.path, err)
	}
	var from []byte
	for first := true; first || from != nil; first = false {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		err := s.db.Update(func(tx *bolt.Tx) error {
			packPages(tx)
			next, n, skipped, err := rewriteFrom(tx, s.recs(), from, recompressBatch)
			from = next
			rep.Rewritten += n
			rep.Unreadable += skipped
			return err
		})
		if err != nil {
			return rep, fmt.Errorf("corpus: recompress %s: %w", s.path, err)
		}
		slog.Info("recompress", "store", s.path, "rewritten", rep.Rewritten)
	}
	if rep.Unreadable > 0 {
		return rep, nil
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		c := s.recs()
		if err := recodeRefs(tx, c); err != nil {
			return err
		}
		used := map[uint32]bool{}
		if err := tx.Bucket(bucketDocs).ForEach(func(_, v []byte) error {
			used[recordDictOf(v)] = true
			return nil
		}); err != nil {
			return err
		}
		// The refs values are compressed with the codec too (graph/refsval.go).
		if err := graph.RefsBucket(tx).ForEach(func(_, v []byte) error {
			used[refsDictOf(v)] = true
			return nil
		}); err != nil {
			return err
		}
		b := tx.Bucket(bucketDicts)
		var drop [][]byte
		if err := b.ForEach(func(k, _ []byte) error {
			if id := binary.BigEndian.Uint32(k); id != c.dictID && !used[id] {
				drop = append(drop, bytes.Clone(k))
			}
			return nil
		}); err != nil {
			return err
		}
		for _, k := range drop {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		// The codec keeps the dropped dictionaries: a reader's older
		// snapshot may still hold records naming them.
		rep.Dropped = len(drop)
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("corpus: recompress %s: drop old dictionaries: %w", s.path, err)
	}
	return rep, nil
}

// fileCodec is a codec reading the records of a store file opened with
// the tolerant reader (check, salvage): it knows the dictionaries of its
// "dicts" bucket that are readable; a record naming one that is not
// reads as errNoDict, named in the report.
func fileCodec(f *boltFile, bs map[string]bucketRef) (*recordCodec, error) {
	b, ok := bs[string(bucketDicts)]
	if !ok {
		return baseCodec(), nil
	}
	dicts := map[uint32][]byte{}
	w := newWalker(f, false)
	w.leaf = func(k, v []byte, bucket bool, _ uint64) {
		if !bucket && len(k) == 4 {
			dicts[binary.BigEndian.Uint32(k)] = bytes.Clone(v)
		}
	}
	w.walkBucket(b)
	return newRecordCodec(dicts, recordDictID)
}
