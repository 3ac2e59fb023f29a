package corpus

// Store format (version storeVersion), one bbolt file DATA/store.db:
//
//	bucket "meta": "version" → decimal storeVersion; "seq" → last sequence (8 bytes BE)
//	bucket "docs": document ID → document record: the JSON Document,
//	               zstd-compressed, behind a tag byte (record.go; gone
//	               documents stay as tombstones)
//	bucket "seq":  sequence (8 bytes BE) → document ID, one entry per document,
//	               at the sequence of its last change; an index applies the
//	               changes after the last sequence it saw
//	bucket "kv":   namespaced state of other packages (crawler frontier…)
//	bucket "dicts", meta "dict": the record dictionaries, see dicttrain.go
//	buckets "refs", "bykey", "numbers", "relto", "relfrom", "rellink",
//	         "relcount", meta "graph": the citation graph, see corpus/graph
//	buckets "tasks", "taskrows", "taskdirty", "tasklog", "taskpos", meta "tasks",
//	         "taskseq": the task table, see corpus/tasktable
//
// History: 1 — first format. 2 — citation graph buckets (a version 1
// store is upgraded when opened read-write). 3 — compressed document
// records (record.go); the JSON records of formats 1 and 2 are still
// read, so a read-only open serves a format 2 store as it is, opening it
// read-write only raises its version (an older binary then refuses it
// instead of misreading the new records), and each record is compressed
// when it is next written. 4 — records compressed with a dictionary
// (recorddict.go); upgraded as 2 to 3 was: format 3 stores are served
// read-only as they are and marked 4 by a read-write open, their records
// rewritten as they change. 5 — records compressed with a dictionary
// trained on the store's own records and kept in it (dicttrain.go), long
// ones at a higher zstd level; format 4 stores are served read-only as they are
// and marked 5 by a read-write open, and a write trains their dictionary
// (rewriting their records when there are few; `vanban store
// recompress` rewrites the rest). Within format 5, the graph's refs
// values became binary, the long ones compressed with the record codec
// (corpus/graph/refsval.go); the JSON values written before still read.
// 6 — document IDs derived from URLs without tracking parameters
// (CanonicalURL, the crawler's rule too): a read-write open moves the
// documents of an older store stored from tracking URLs to their
// canonical IDs (urlids.go); read-only opens serve format 5 as it is.
// 7 — the upgrade to 6 keeps a tracking URL's document whose canonical ID
// holds another text (it retired it); a read-write open of a format 6
// store brings back the imported records it retired so, from their
// tombstones (urlids.go, retiredImports); read-only opens serve
// format 6 as it is.

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/corpus/link"
)

// storeVersion is the on-disk format version of the store.
const storeVersion = 7

// storeAllocSize is how far ahead of its data the store's file grows once
// it is past that size: bbolt's default, 16 MB, leaves up to 16 MB of
// unused file after a bulk ingest (9.6 MB of a 100k store's 84.5 MB,
// docs/log/lead-r05-100k-lucene.md); 1 MB costs one more
// truncate and fsync of the file per MB written, beside the fsync every
// committed batch already makes.
const storeAllocSize = 1 << 20

// ErrNotFound is returned for an unknown document ID.
var ErrNotFound = errors.New("corpus: document not found")

// maxReopens is how many times OpenStore opens the store again when the
// file it locked was replaced meanwhile (a compaction in another process)
// before it gives up with ErrLocked.
const maxReopens = 16

// ErrLocked is returned when another process holds the store.
var ErrLocked = errors.New("corpus: store is in use by another process")

var (
	bucketMeta = []byte("meta")
	bucketDocs = []byte("docs")
	bucketSeq  = []byte("seq")
	bucketKV   = []byte("kv")
)

// Store is the durable document store under a data directory.
type Store struct {
	db    *guardedDB
	path  string
	cache *link.Cache // parents' outlines and linking targets (ComputeTasks, Links)
	// codec compresses and decompresses the records (record.go): it
	// knows every dictionary of the store, and only grows while the
	// store is open.
	codec       atomic.Pointer[recordCodec]
	trainFailed atomic.Bool // the dictionary's training failed: not retried
	trainAt     int         // records the store holds when it is trained (trainAt; tests lower it)
	bodyBufs    sync.Pool   // *[]byte: Bodies' decompression buffers, up to maxBodyBuf
}

// maxBodyBuf is the largest decompression buffer Bodies keeps for its
// next call (a government document's record is ~100 KB; a rare larger one
// is not kept alive).
const maxBodyBuf = 1 << 20

// recs is the store's record codec.
func (s *Store) recs() *recordCodec { return s.codec.Load() }

// update runs fn in a write transaction; when it fails, the codec is the
// one before it (fn may have trained a dictionary the rollback dropped).
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	old := s.recs()
	err := s.db.Update(fn)
	if err != nil {
		s.codec.Store(old)
	}
	return err
}

// Change tells what a Put did.
type Change int

const (
	Unchanged Change = iota
	New
	Changed
	Removed
)

func (c Change) String() string {
	return [...]string{"unchanged", "new", "changed", "removed"}[c]
}

// OpenOptions are Open's.
type OpenOptions struct {
	ReadOnly bool
	// Timeout is how long Open waits for another process's lock before
	// returning ErrLocked (0: a second); Open's ctx ending stops the wait
	// sooner, with ctx's error (lockwait.go).
	Timeout time.Duration
	// Progress, when set, is told how far an upgrade of a read-write
	// open has come (a graph rebuild, a task table marked stale, a
	// format upgrade: a pass over every record).
	Progress func(Progress)

	// batch, when above 0, is how many records an upgrade's renumbering
	// touches in a transaction (touchBatch); afterBatch, when set, is
	// called after each committed transaction of an upgrade in batches,
	// counted from 1 (the graph's rebuild). Tests' seams.
	batch      int
	afterBatch func(n int)
}

// OpenStore opens (creating when needed) the store in dir. It waits up to
// timeout for another process's lock before returning ErrLocked. Its
// upgrades cannot be cancelled: Open with a ctx can.
func OpenStore(dir string, readOnly bool, timeout time.Duration) (*Store, error) {
	return Open(context.Background(), dir, OpenOptions{ReadOnly: readOnly, Timeout: timeout})
}

// Open opens (creating when needed) the store in dir, waiting for
// another process's lock until o.Timeout (ErrLocked) or ctx ends (ctx's
// error, wrapped). A read-write open
// upgrades an older store, checking ctx at every record. A graph of
// another graph.Version is rebuilt in one transaction and the live
// records renumbered touchBatch a transaction, the graph's stamp and the
// format's version written in the last one (upgradebatch.go): cancelled
// (or killed) after the rebuild, Open returns ctx's error wrapped, the
// batches done stay, a read-only open reads the store as it was stamped
// (the graph stale) and the next read-write open goes on from the
// progress record. Cancelled in the rebuild, or in an upgrade without
// one (one transaction), the store is as it was (rolled back).
func Open(ctx context.Context, dir string, o OpenOptions) (*Store, error) {
	readOnly, timeout := o.ReadOnly, o.Timeout
	if err := SalvageWaiting(dir); err != nil {
		return nil, err
	}
	if !readOnly {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("corpus: create data dir: %w", err)
		}
	}
	path := filepath.Join(dir, "store.db")
	if readOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("corpus: open store %s: %w", path, err)
		}
	}
	if timeout <= 0 {
		timeout = time.Second
	}
	mark := readDamage(path)
	if mark != nil && !readOnly {
		return nil, mark
	}
	var db *bolt.DB
	var err error
	for try := 0; ; try++ {
		var was os.FileInfo
		err = recoverDamage(path, func() (err error) {
			db, was, err = openWaiting(ctx, path, timeout, readOnly)
			if err == nil {
				db.AllocSize = storeAllocSize
			}
			return err
		})
		// A compaction (Store.Compact) renames its copy over the file
		// while it holds the lock this open waited for: the lock taken
		// may be the replaced file's. Open the file the path names now.
		// The file opened is never kept when it was replaced: a store
		// read or written there would be one no later open sees.
		if now, serr := os.Stat(path); err == nil && was != nil && serr == nil && !os.SameFile(was, now) {
			db.Close()
			if try < maxReopens {
				continue
			}
			err = fmt.Errorf("%w: %s (replaced %d times while this open waited)", ErrLocked, path, try+1)
		}
		break
	}
	if err != nil {
		var d *DamageError
		switch {
		case errors.As(err, &d):
			return nil, d
		case errors.Is(err, bolterrors.ErrTimeout):
			return nil, fmt.Errorf("%w: %s", ErrLocked, path)
		case ctx.Err() != nil && errors.Is(err, ctx.Err()):
			return nil, err
		case errors.Is(err, ErrLocked):
			return nil, err
		case errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS):
			return nil, fmt.Errorf("corpus: open store %s: %w (is the data directory writable by this user?)", path, err)
		case errors.Is(err, bolterrors.ErrChecksum):
			d := &DamageError{Path: path, Found: time.Now().UTC(), Detail: "both meta pages fail their checksum"}
			markDamaged(d)
			return nil, d
		}
		return nil, fmt.Errorf("corpus: open store %s (not a vanban store, or damaged): %w", path, err)
	}
	// The lock is held: no writer changes the file while it is checked.
	if _, err := quickCheck(path); err != nil {
		db.Close()
		d := &DamageError{Path: path, Found: time.Now().UTC(), Detail: err.Error()}
		markDamaged(d)
		return nil, d
	}
	s := &Store{db: &guardedDB{DB: db, path: path}, path: path, cache: link.NewCache(storeCacheParents), trainAt: trainAt}
	if mark != nil {
		s.db.damaged.Store(mark)
	}
	if readOnly {
		err := s.checkVersion(true)
		if err == nil {
			err = s.db.View(func(tx *bolt.Tx) error {
				c, err := loadCodec(tx, nil)
				s.codec.Store(c)
				return err
			})
		}
		if err != nil {
			db.Close()
			return nil, err
		}
		return s, nil
	}
	var st *upgradeState // an upgrade in batches under way
	p := newPass(ctx, o.Progress)
	err = s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketDocs, bucketSeq, bucketKV} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if meta.Get([]byte("version")) == nil {
			if err := meta.Put([]byte("version"), []byte(strconv.Itoa(storeVersion))); err != nil {
				return err
			}
		}
		was := string(meta.Get([]byte("version")))
		c, err := loadCodec(tx, nil)
		if err != nil {
			return err
		}
		s.codec.Store(c)
		st, err = s.beginUpgrade(tx, c, was, p)
		return err
	})
	// An upgrade in batches: each its own transaction, so that bbolt
	// holds one batch's dirty pages, not the store's (upgradebatch.go).
	batch := cmp.Or(max(o.batch, 0), touchBatch)
	for n := 1; err == nil && st != nil; n++ {
		if o.afterBatch != nil {
			o.afterBatch(n)
		}
		if err = ctx.Err(); err != nil {
			break
		}
		var done bool
		err = s.db.Update(func(tx *bolt.Tx) (err error) {
			done, err = s.upgradeBatch(tx, s.codec.Load(), st, batch, p)
			return err
		})
		if done {
			st = nil
		}
	}
	if err == nil {
		err = s.checkVersion(false)
	}
	if err != nil {
		db.Close()
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return nil, fmt.Errorf("corpus: upgrade of store %s stopped (the next read-write open goes on with it): %w", path, err)
		}
		return nil, fmt.Errorf("corpus: init store %s: %w", path, err)
	}
	return s, nil
}

// upgradeOnce brings a store of format was, its graph and its task table to
// this binary's, inside Open's transaction, when there is no graph to
// rebuild (or no record to renumber: format 1); p's ctx ends it. A graph
// to rebuild is an upgrade in batches (beginUpgrade).
func (s *Store) upgradeOnce(tx *bolt.Tx, c *recordCodec, was string, p *pass) error {
	var back []*Document
	var err error
	if was == "6" { // read before migrate may move the live records' sequences
		if back, err = retiredImports(tx, c, p); err != nil {
			return fmt.Errorf("restore retired imported records: %w", err)
		}
	}
	if err := migrate(tx, c, p); err != nil {
		return err
	}
	if err := migrateTasks(tx, c, p); err != nil {
		return err
	}
	switch was {
	case "1", "2", "3", "4", "5": // → 6: IDs of canonical URLs (urlids.go)
		if _, err := s.migrateURLIDs(tx, c, p); err != nil {
			return fmt.Errorf("move documents to their canonical URLs' IDs: %w", err)
		}
	case "6": // → 7: the imported records 6 retired beside another text (urlids.go)
		if _, err := s.restoreImports(tx, c, back); err != nil {
			return fmt.Errorf("restore retired imported records: %w", err)
		}
	}
	return nil
}

func (s *Store) checkVersion(readOnly bool) error {
	return s.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return fmt.Errorf("corpus: %s is not a vanban store (no meta bucket)", s.path)
		}
		v := string(meta.Get([]byte("version")))
		// A store an upgrade in batches left half done (upgradebatch.go):
		// served read-only as its format before the upgrade (the graph
		// stale, GraphCurrent), unless a newer binary began it.
		if m, ok := parseUpgrading(v); ok {
			if m.newer() {
				return m.refusal(s.path)
			}
			v = m.was
		}
		// Format 2, 3 and 4 stores differ only in their records (plain
		// JSON, compressed without a dictionary or with the built-in
		// one), which the codec reads, format 5 in the IDs of pages
		// stored from tracking URLs and format 6 in the imported records
		// its upgrade retired (urlids.go): read-only commands serve them
		// as they are.
		if v != strconv.Itoa(storeVersion) && (!readOnly || (v != "2" && v != "3" && v != "4" && v != "5" && v != "6")) {
			return fmt.Errorf("corpus: %s has store format %q, this binary reads %d (a read-write command such as `vanban index` upgrades formats 1 to 6)", s.path, v, storeVersion)
		}
		return nil
	})
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Path is the store file.
func (s *Store) Path() string { return s.path }

// Put stores doc (its ID, Hash and Seq are filled in; an import's document
// of a tracking URL whose record an upgrade kept beside its canonical one
// takes that record's ID, keptRecords) and reports whether it was new,
// changed or unchanged. An unchanged document is not rewritten. Put
// returns only after the change is on disk.
func (s *Store) Put(doc *Document) (Change, error) {
	kept, err := s.keptRecords([]*Document{doc})
	if err != nil {
		return Unchanged, fmt.Errorf("corpus: put %s: %w", doc.URL, err)
	}
	doc.prepare()
	if u, ok := kept[doc]; ok {
		doc.URL = u
	}
	var change Change
	err = s.update(func(tx *bolt.Tx) error {
		c, err := s.maybeTrain(tx, []*Document{doc})
		if err != nil {
			return err
		}
		t := graph.NewTally()
		if change, err = s.put(tx, c, doc, nil, t); err != nil {
			return err
		}
		return t.Flush(tx)
	})
	if err != nil {
		return Unchanged, fmt.Errorf("corpus: put %s: %w", doc.ID, err)
	}
	return change, nil
}

// prepare canonicalizes the URL and fills in the ID and content hash.
func (doc *Document) prepare() {
	if doc.URL != "" {
		doc.URL = CanonicalURL(doc.URL)
	}
	if doc.ID == "" {
		doc.ID = IDForURL(doc.URL)
	}
	doc.Hash = doc.contentHash()
}

// sameVersion reports whether doc is the version stored as old: the same
// text and URL of a document that is not gone. Such a write changes
// nothing (put), and PutBatch prepares nothing for it.
func sameVersion(old, doc *Document) bool {
	return old.Hash == doc.Hash && !old.Gone && old.URL == doc.URL
}

// put stores a prepared doc inside tx unless an identical version is
// already there; it is the one write path of Put and PutBatch. p is what
// PutBatch prepared of doc beside the transaction (nil: nothing).
func (s *Store) put(tx *bolt.Tx, c *recordCodec, doc *Document, p *docPrep, t *graph.Tally) (Change, error) {
	var old Document
	if raw := tx.Bucket(bucketDocs).Get([]byte(doc.ID)); raw != nil {
		var ok bool
		if old, ok = p.storedVersion(raw); !ok {
			if err := c.decode(raw, &old); err != nil {
				return Unchanged, fmt.Errorf("decode %s: %w", doc.ID, err)
			}
		}
		if sameVersion(&old, doc) {
			doc.Seq = old.Seq
			return Unchanged, nil
		}
	}
	change := Changed
	if old.ID == "" || old.Gone {
		change = New
	}
	return change, s.write(tx, c, doc, old.Seq, p, t)
}

// write assigns a new sequence to doc and stores it, dropping oldSeq,
// with what p prepared of it where it still holds (nil: nothing); t
// counts its edges, flushed by the caller before the commit.
func (s *Store) write(tx *bolt.Tx, c *recordCodec, doc *Document, oldSeq uint64, p *docPrep, t *graph.Tally) error {
	meta, seqs := tx.Bucket(bucketMeta), tx.Bucket(bucketSeq)
	seq := uint64(1)
	if raw := meta.Get([]byte("seq")); len(raw) == 8 {
		seq = binary.BigEndian.Uint64(raw) + 1
	}
	if oldSeq != 0 {
		if err := seqs.Delete(seqKey(oldSeq)); err != nil {
			return err
		}
	}
	doc.Seq = seq
	raw := p.record(c, doc)
	if raw == nil {
		var err error
		if raw, err = c.encode(doc); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketDocs).Put([]byte(doc.ID), raw); err != nil {
		return err
	}
	if err := seqs.Put(seqKey(seq), []byte(doc.ID)); err != nil {
		return err
	}
	if err := meta.Put([]byte("seq"), seqKey(seq)); err != nil {
		return err
	}
	oldKey := storedNumberKey(tx, c, doc.ID)
	// indexRefs may move documents whose effect doc changes to later
	// sequences (touch), so the sequence above is recorded first.
	if err := indexRefs(tx, c, doc, p, t); err != nil {
		return err
	}
	return markTasks(tx, c, doc, oldKey)
}

// packPages has the large buckets of a write transaction fill the pages
// they split to the brim instead of bbolt's half: the seq bucket only
// appends, and docs and refs take uniformly random keys (hashed IDs) in
// batches, where half-full pages left the documents bucket 43 % used. At
// 20k scale-corpus documents it halves the documents' pages
// (docs/log/perf-disk-issue21.md). Not bykey and numbers: their keys
// cluster (every citation of one number lands at one place), and full
// pages split there into a full one and a near-empty one, again and
// again (13 % used instead of 71 %).
func packPages(tx *bolt.Tx) {
	for _, b := range []*bolt.Bucket{tx.Bucket(bucketDocs), tx.Bucket(bucketSeq), graph.RefsBucket(tx)} {
		if b != nil {
			b.FillPercent = 1
		}
	}
}

func seqKey(seq uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], seq)
	return b[:]
}

// MarkGone turns the document into a tombstone (its source answers 404 or
// 410) so that the next index run removes it. It reports Removed, or
// Unchanged when the document was unknown or already gone.
func (s *Store) MarkGone(id string) (Change, error) {
	change := Unchanged
	err := s.db.Update(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketDocs).Get([]byte(id))
		if raw == nil {
			return nil
		}
		var doc Document
		if err := s.recs().decode(raw, &doc); err != nil {
			return err
		}
		if doc.Gone {
			return nil
		}
		doc.Gone = true
		change = Removed
		t := graph.NewTally()
		if err := s.write(tx, s.recs(), &doc, doc.Seq, nil, t); err != nil {
			return err
		}
		return t.Flush(tx)
	})
	if err != nil {
		return Unchanged, fmt.Errorf("corpus: mark gone %s: %w", id, err)
	}
	return change, nil
}

// Get returns the document with the given ID (tombstones included).
func (s *Store) Get(id string) (*Document, error) {
	var doc *Document
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketDocs).Get([]byte(id))
		if raw == nil {
			return ErrNotFound
		}
		doc = new(Document)
		return s.recs().decode(raw, doc)
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: get %s: %w", id, err)
	}
	return doc, nil
}

// Bodies returns the full bodies (Document.FullBody) of the documents
// with the given IDs, in one read transaction: the text snippets are cut
// from (the index stores no body). An unknown ID has no entry; a
// tombstone its last body.
func (s *Store) Bodies(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	c := s.recs()
	buf, _ := s.bodyBufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	defer s.bodyBufs.Put(buf)
	err := s.db.View(func(tx *bolt.Tx) error {
		docs := tx.Bucket(bucketDocs)
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return err
			}
			rec := docs.Get([]byte(id))
			if rec == nil {
				continue
			}
			raw, err := c.jsonInto(rec, *buf)
			if err != nil {
				return fmt.Errorf("decode %s: %w", id, err)
			}
			if len(rec) > 0 && rec[0] != '{' && cap(raw) <= maxBodyBuf {
				*buf = raw[:0] // the body is copied out of it: kept for the next
			}
			if body, ok := jsonBody(raw); ok {
				out[id] = body
				continue
			}
			var d Document
			if err := json.Unmarshal(raw, &d); err != nil {
				return fmt.Errorf("decode %s: %w", id, err)
			}
			out[id] = d.FullBody()
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: bodies of %d documents: %w", len(ids), err)
	}
	return out, nil
}

// LastSeq is the sequence of the latest change.
func (s *Store) LastSeq() (uint64, error) {
	var seq uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		if raw := tx.Bucket(bucketMeta).Get([]byte("seq")); len(raw) == 8 {
			seq = binary.BigEndian.Uint64(raw)
		}
		return nil
	})
	return seq, err
}

// Changes calls fn for every document changed after sequence since, in
// sequence order, including tombstones. It stops at the first error fn
// returns or when ctx is done. Documents are read in pages so that fn may
// take its time without holding a long read transaction.
func (s *Store) Changes(ctx context.Context, since uint64, fn func(*Document) error) error {
	const page = 512
	next := since + 1
	for {
		var batch []*Document
		err := s.db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketSeq).Cursor()
			docs := tx.Bucket(bucketDocs)
			for k, id := c.Seek(seqKey(next)); k != nil && len(batch) < page; k, id = c.Next() {
				raw := docs.Get(id)
				if raw == nil {
					continue
				}
				doc := new(Document)
				if err := s.recs().decode(raw, doc); err != nil {
					return fmt.Errorf("decode %s: %w", id, err)
				}
				batch = append(batch, doc)
				next = binary.BigEndian.Uint64(k) + 1
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("corpus: changes since %d: %w", since, err)
		}
		for _, d := range batch {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(batch) < page {
			return nil
		}
	}
}

// Count returns the number of live (not gone) documents and tombstones.
func (s *Store) Count() (live, gone int, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDocs).ForEach(func(_, v []byte) error {
			if recordGone(v) {
				gone++
			} else {
				live++
			}
			return nil
		})
	})
	return live, gone, err
}

// GetKV reads a value of another package's state (namespace ns).
func (s *Store) GetKV(ns, key string) ([]byte, error) {
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketKV).Get([]byte(ns + "\x00" + key)); v != nil {
			out = bytes.Clone(v)
		}
		return nil
	})
	return out, err
}

// PutKV writes (or, with a nil value, deletes) a state value durably.
func (s *Store) PutKV(ns, key string, value []byte) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		k := []byte(ns + "\x00" + key)
		if value == nil {
			return tx.Bucket(bucketKV).Delete(k)
		}
		return tx.Bucket(bucketKV).Put(k, value)
	})
}

// ForEachKV calls fn for every key of namespace ns, in key order.
func (s *Store) ForEachKV(ns string, fn func(key string, value []byte) error) error {
	prefix := []byte(ns + "\x00")
	return s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketKV).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if err := fn(string(k[len(prefix):]), v); err != nil {
				return err
			}
		}
		return nil
	})
}

// KVOp is one write of ApplyKV: a put, or a delete when Value is nil.
type KVOp struct {
	NS, Key string
	Value   []byte
}

// ApplyKV applies ops in one durable transaction.
func (s *Store) ApplyKV(ops []KVOp) error {
	if len(ops) == 0 {
		return nil
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketKV)
		for _, op := range ops {
			k := []byte(op.NS + "\x00" + op.Key)
			var err error
			if op.Value == nil {
				err = b.Delete(k)
			} else {
				err = b.Put(k, op.Value)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("corpus: write state: %w", err)
	}
	return nil
}
