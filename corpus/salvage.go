package corpus

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// SalvageReport says what Salvage copied and what it could not.
type SalvageReport struct {
	From      string `json:"from"`
	To        string `json:"to"`        // the new store
	Kept      string `json:"kept"`      // where the damaged file was kept
	Report    string `json:"report"`    // this report's file beside the store (salvagereport.go)
	Documents int    `json:"documents"` // copied, tombstones included
	Gone      int    `json:"gone"`      // of which tombstones
	KV        int    `json:"kv"`        // state values copied (crawl state, history)
	// Lost lists the damage: each damaged page with the keys it held, and
	// each document that could not be decoded.
	Lost []string `json:"lost,omitempty"`
	// LostIDs are the IDs of documents known to the sequence index whose
	// document was not recovered.
	LostIDs []string `json:"lost_ids,omitempty"`
	// Unnamed says that documents were lost that LostIDs does not name:
	// the sequence index was damaged (or missing) as well as the documents
	// (Lost says which pages), so LostIDs is not the whole loss. Such a
	// report is never removed by PruneSalvageReports.
	Unnamed bool `json:"lost_unnamed,omitempty"`
}

// salvageBatch is how many documents Salvage writes per transaction.
const salvageBatch = 500

// Salvage replaces the store file in dir by a new one holding every
// readable document and state value of it: the old file is read with the
// tolerant reader (damaged pages are skipped and reported with the keys
// they held, never trusted), the new store is written beside it
// (dir/salvage.tmp) and moved in its place, and the old file is kept as
// store.db.bad-TIME (SalvageReport.Kept) with its damage mark removed;
// the report is kept beside it, dir/salvage-TIME.json (Report).
// Documents are written again through PutBatch (the citation graph
// rebuilt from them) and given new sequence numbers in the order of their
// old ones, so the index must be rebuilt after; a store of an older format
// stays that format (keepAsStored), upgraded by the next read-write open.
// The caller keeps every other process away from the store.
//
// progress, when set, is told how far the copy and the renumbering have
// come; ctx ends the salvage, the store left as it was.
func Salvage(ctx context.Context, dir string, progress func(Progress)) (*SalvageReport, error) {
	path := filepath.Join(dir, "store.db")
	tmp := salvageTmp(dir)
	if err := SalvageWaiting(dir); err != nil {
		return nil, err
	}
	// an earlier salvage killed before its report left salvage.tmp: the
	// report is moved beside the store before salvage.tmp is removed
	if err := keepPendingReport(dir); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(tmp); err != nil {
		return nil, fmt.Errorf("corpus: salvage: %w", err)
	}
	rep, err := salvageInto(ctx, path, tmp, newPass(ctx, progress))
	if err != nil {
		os.RemoveAll(tmp)
		return rep, err
	}
	stamp := salvageStamp(dir, time.Now())
	copied, pending := rep.To, filepath.Join(tmp, pendingReport)
	rep.To, rep.Kept, rep.Report = path, path+".bad-"+stamp, salvageReportPath(dir, stamp)
	// the report is on disk before the store changes: whatever stops the
	// command after (a kill between the renames, a cancelled index
	// rebuild), the lost IDs are named somewhere besides the damaged file
	if err := writeSalvageReport(pending, rep); err != nil {
		os.RemoveAll(tmp)
		return rep, fmt.Errorf("corpus: salvage: write its report (the store is as it was): %w", err)
	}
	if err := syncDir(tmp); err != nil {
		os.RemoveAll(tmp)
		return rep, fmt.Errorf("corpus: salvage: sync its report (the store is as it was): %w", err)
	}
	if err := os.Rename(path, rep.Kept); err != nil {
		os.RemoveAll(tmp)
		return rep, fmt.Errorf("corpus: salvage: keep the damaged file: %w", err)
	}
	if err := os.Rename(copied, path); err != nil {
		return rep, fmt.Errorf("corpus: salvage: the salvaged store is %s, the damaged one %s, the report %s; moving the salvaged one in place failed: %w", copied, rep.Kept, pending, err)
	}
	if err := os.Rename(pending, rep.Report); err != nil {
		return rep, fmt.Errorf("corpus: salvage: the salvaged store is in place, its report %s could not be moved beside it (%s): %w", pending, rep.Report, err)
	}
	// the renames last through a power loss: a report beside the store
	// is complete, and the store it describes is in place
	if err := syncDir(dir); err != nil {
		return rep, fmt.Errorf("corpus: salvage: the salvaged store and its report %s are in place, syncing %s failed: %w", rep.Report, dir, err)
	}
	// the mark was the damaged file's: left, it refuses the salvaged one
	if err := os.Remove(damagePath(path)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return rep, fmt.Errorf("corpus: salvage: the salvaged store is in place, its damage mark %s (the damaged file's) could not be removed: remove it: %w", damagePath(path), err)
	}
	os.RemoveAll(tmp)
	return rep, nil
}

// SalvageWaiting is the error for the data directory dir a salvage left
// between its two renames (killed after it kept the damaged file, before
// it moved its copy in place): no store.db, the whole salvaged store in
// salvage.tmp. Salvage would remove that copy and a read-write Open
// create an empty store in its place; both refuse, saying what to do.
func SalvageWaiting(dir string) error {
	path := filepath.Join(dir, "store.db")
	copied := filepath.Join(salvageTmp(dir), "store.db")
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if _, err := os.Stat(copied); err != nil {
		return nil
	}
	report := ""
	if _, err := os.Stat(filepath.Join(salvageTmp(dir), pendingReport)); err == nil {
		report = fmt.Sprintf("; the salvage's report, naming what it lost by ID, is %s (keep it)", filepath.Join(salvageTmp(dir), pendingReport))
	}
	return fmt.Errorf("corpus: %s is missing and a salvaged store waits in %s: a salvage stopped between keeping the damaged file (store.db.bad-TIME) and moving its copy in place; move it there (mv %s %s), then rebuild the index (`vanban index --rebuild`)%s", path, copied, copied, path, report)
}

// salvageInto copies what is readable of the store file src into a new
// store in the directory dst, which must not hold one.
func salvageInto(ctx context.Context, src, dst string, p *pass) (*SalvageReport, error) {
	rep := &SalvageReport{From: src, To: filepath.Join(dst, "store.db")}
	if _, err := os.Stat(rep.To); err == nil {
		return nil, fmt.Errorf("corpus: salvage into %s: a store is already there", rep.To)
	}
	fh, size, err := openSized(src)
	if err != nil {
		return nil, fmt.Errorf("corpus: salvage %s: %w", src, err)
	}
	defer fh.Close()
	f, err := openBoltFile(fh, size)
	if err != nil {
		return nil, fmt.Errorf("corpus: salvage %s: nothing is readable: %w", src, err)
	}
	bs, err := f.buckets()
	if err != nil {
		rep.Lost = append(rep.Lost, err.Error())
	}
	out, err := Open(ctx, dst, OpenOptions{})
	if err != nil {
		return nil, err
	}
	defer out.Close()
	order, err := openSalvageOrder(dst)
	if err != nil {
		return nil, fmt.Errorf("corpus: salvage: %w", err)
	}
	defer order.close()
	lostBefore := len(rep.Lost)
	if err := rep.copyDocs(ctx, f, bs, out, order, p); err != nil {
		return rep, err
	}
	docsDamaged := len(rep.Lost) > lostBefore
	if err := rep.copyKV(ctx, f, bs, out); err != nil {
		return rep, err
	}
	if err := out.keepAsStored(plainFormat(fileVersion(f, bs)), order, rep.Documents, p); err != nil {
		return rep, fmt.Errorf("corpus: salvage: %w", err)
	}
	if err := rep.findLost(ctx, f, bs, out, docsDamaged); err != nil {
		return rep, fmt.Errorf("corpus: salvage: %w", err)
	}
	return rep, nil
}

// copyDocs copies the documents bucket in batches. order gets each
// document copied as the source held it (keepAsStored restores its URL
// and the order of its change).
func (rep *SalvageReport) copyDocs(ctx context.Context, f *boltFile, bs map[string]bucketRef, out *Store, order *salvageOrder, p *pass) error {
	b, ok := bs["docs"]
	if !ok {
		rep.Lost = append(rep.Lost, "the documents bucket")
		return nil
	}
	codec, err := fileCodec(f, bs)
	if err != nil {
		return err
	}
	var batch []*Document
	var stored []storedAs
	flush := func() {
		if err == nil && len(batch) > 0 {
			if err = ctx.Err(); err == nil {
				_, err = out.PutBatch(batch)
			}
			if err == nil {
				err = order.add(stored)
			}
			if err == nil {
				err = p.at(StepSalvageCopy, rep.Documents, 0)
			}
		}
		batch, stored = batch[:0], stored[:0]
	}
	w := newWalker(f, false)
	w.bad = func(e error, from, until []byte) {
		rep.Lost = append(rep.Lost, fmt.Sprintf("documents %s: %v", keyRange(from, until), e))
	}
	w.leaf = func(k, v []byte, bucket bool, page uint64) {
		d := new(Document)
		if bucket || codec.decode(v, d) != nil || d.ID != string(k) {
			why := "unreadable"
			if e := codec.decode(v, new(Document)); e != nil && !bucket {
				why += ": " + e.Error()
			}
			rep.Lost = append(rep.Lost, fmt.Sprintf("document %s (page %d): %s", k, page, why))
			return
		}
		rep.Documents++
		as := storedAs{id: d.ID, seq: d.Seq}
		if d.URL != "" && CanonicalURL(d.URL) != d.URL {
			as.url = d.URL
		}
		stored = append(stored, as)
		if d.Gone {
			rep.Gone++
		}
		batch = append(batch, d)
		if len(batch) == salvageBatch {
			flush()
		}
	}
	w.walkBucket(b)
	flush()
	p.end(StepSalvageCopy, rep.Documents, rep.Documents)
	return err
}

// copyKV copies the state values in one transaction per batch.
func (rep *SalvageReport) copyKV(ctx context.Context, f *boltFile, bs map[string]bucketRef, out *Store) error {
	b, ok := bs["kv"]
	if !ok {
		rep.Lost = append(rep.Lost, "the state bucket (crawl state, nightly history)")
		return nil
	}
	var ops []KVOp
	var err error
	flush := func() {
		if err == nil {
			if err = ctx.Err(); err == nil {
				err = out.ApplyKV(ops)
			}
		}
		ops = ops[:0]
	}
	w := newWalker(f, false)
	w.bad = func(e error, from, until []byte) {
		rep.Lost = append(rep.Lost, fmt.Sprintf("state values %s: %v", keyRange(from, until), e))
	}
	w.leaf = func(k, v []byte, bucket bool, _ uint64) {
		if bucket {
			return
		}
		ns, key, ok := strings.Cut(string(k), "\x00")
		if !ok {
			rep.Lost = append(rep.Lost, fmt.Sprintf("state value %q: no namespace", k))
			return
		}
		ops = append(ops, KVOp{NS: ns, Key: key, Value: slices.Clone(v)})
		rep.KV++
		if len(ops) == salvageBatch {
			flush()
		}
	}
	w.walkBucket(b)
	flush()
	return err
}

// findLost lists the documents the sequence index knows that were not
// recovered: not in the copy, or unreadable there. A copy that cannot be
// read at all is the error. Damage to the sequence index is reported in
// Lost; when the documents were damaged too (docsDamaged), the lost
// documents its damaged pages knew are named nowhere by ID: Unnamed.
func (rep *SalvageReport) findLost(ctx context.Context, f *boltFile, bs map[string]bucketRef, out *Store, docsDamaged bool) error {
	b, ok := bs["seq"]
	if !ok {
		rep.Lost = append(rep.Lost, "the sequence index (lost documents cannot be named by ID)")
		rep.Unnamed = docsDamaged
		return nil
	}
	var err error
	w := newWalker(f, false)
	w.bad = func(e error, from, until []byte) {
		rep.Lost = append(rep.Lost, fmt.Sprintf("sequence index %s: %v", keyRange(from, until), e))
		rep.Unnamed = rep.Unnamed || docsDamaged
	}
	w.leaf = func(_, v []byte, _ bool, _ uint64) {
		if err != nil {
			return
		}
		if err = ctx.Err(); err != nil {
			return
		}
		var e error
		if _, e = out.Get(string(v)); e != nil {
			if d := (*DamageError)(nil); errors.As(e, &d) {
				err = e
				return
			}
			rep.LostIDs = append(rep.LostIDs, string(v))
		}
	}
	w.walkBucket(b)
	slices.Sort(rep.LostIDs)
	return err
}

// fileVersion is the store format the file's meta bucket names ("" when
// it cannot be read).
func fileVersion(f *boltFile, bs map[string]bucketRef) string {
	b, ok := bs[string(bucketMeta)]
	if !ok {
		return ""
	}
	var v string
	w := newWalker(f, false)
	w.leaf = func(k, val []byte, bucket bool, _ uint64) {
		if !bucket && string(k) == "version" {
			v = string(val)
		}
	}
	w.walkBucket(b)
	return v
}

// storedAs is what salvage keeps of a document as the damaged store held
// it: its ID, the sequence of its last change there, and its URL when
// PutBatch writes it in its canonical form (a tracking URL's).
type storedAs struct {
	id  string
	seq uint64
	url string
}

// keepAsStored makes the salvaged store hold its records as the damaged
// one did: each URL PutBatch canonicalized written back as stored, the
// records' changes in the source's order (each given a new sequence, in
// the order of the sequences it had there: PutBatch wrote them in the
// IDs' order, and its touches moved some again), and a source of an older
// format marked as that format, so that the next read-write open upgrades
// it as any store of that format (OpenStore: the tracking URLs' documents
// of format 5 moved, the imports format 6 retired brought back, which
// reads from the sequences whether a record changed since another).
// Written at the current format with canonical URLs, those upgrades never
// ran on the salvaged documents; in the IDs' order, an import's canonical
// twin edited after the upgrade to 6 could read as older than the
// tombstone beside it, which then came back live, a stale copy of the
// document (docs/log/i23-store.md). The order is order's, on disk (of
// total records), read a batch at a time; p's ctx ends it.
func (s *Store) keepAsStored(version string, order *salvageOrder, total int, p *pass) error {
	// numbered again from 1: a salvaged store's last sequence is no
	// higher than its record count, below an old index's as before
	// (indexLag: "built from another store"). The copy is discarded on
	// any error, so the sequences need not hold between the batches.
	if total > 0 {
		err := s.update(func(tx *bolt.Tx) error {
			if err := tx.DeleteBucket(bucketSeq); err != nil {
				return err
			}
			if _, err := tx.CreateBucket(bucketSeq); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put([]byte("seq"), seqKey(0))
		})
		if err != nil {
			return err
		}
	}
	done := 0
	err := order.each(salvageBatch, func(docs []storedAs) error {
		if err := p.at(StepSalvageOrder, done, total); err != nil {
			return err
		}
		done += len(docs)
		return s.update(func(tx *bolt.Tx) error { return resequence(tx, s.recs(), docs) })
	})
	if err != nil {
		return err
	}
	p.end(StepSalvageOrder, done, total)
	n, err := strconv.Atoi(version)
	if err != nil || n < 1 || n >= storeVersion {
		return nil
	}
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte("version"), []byte(version))
	})
}

// resequence gives the records of docs, in their order, the next
// sequences (the sequence bucket holds none of them), each with its stored
// URL when it has one: decoded and encoded on every core, written by the
// transaction's one writer.
func resequence(tx *bolt.Tx, c *recordCodec, docs []storedAs) error {
	packPages(tx)
	b, seqs, meta := tx.Bucket(bucketDocs), tx.Bucket(bucketSeq), tx.Bucket(bucketMeta)
	last := uint64(0)
	if raw := meta.Get([]byte("seq")); len(raw) == 8 {
		last = binary.BigEndian.Uint64(raw)
	}
	raws := make([][]byte, len(docs))
	batch := make(map[string]bool, len(docs))
	for i, e := range docs {
		if !batch[e.id] { // a key a damaged tree held twice: renumbered once
			batch[e.id] = true
			raws[i] = b.Get([]byte(e.id)) // valid until the transaction ends; not written before the encodings below
		}
	}
	recs := make([][]byte, len(docs))
	olds := make([]uint64, len(docs))
	errs := make([]error, len(docs))
	spread(len(docs), func(_, i int) {
		if raws[i] == nil {
			return
		}
		var d Document
		if errs[i] = c.decode(raws[i], &d); errs[i] != nil {
			return
		}
		if docs[i].url != "" {
			d.URL = docs[i].url
		}
		olds[i], d.Seq = d.Seq, last+uint64(i)+1
		recs[i], errs[i] = c.encode(&d)
	})()
	for i, e := range docs {
		if errs[i] != nil {
			return fmt.Errorf("rewrite %s: %w", e.id, errs[i])
		}
		// renumbered by an earlier batch already (the key held twice): the
		// sequence bucket, emptied before the first, names it at its number
		if recs[i] == nil || olds[i] != 0 && olds[i] <= last && string(seqs.Get(seqKey(olds[i]))) == e.id {
			continue
		}
		if err := errors.Join(b.Put([]byte(e.id), recs[i]), seqs.Put(seqKey(last+uint64(i)+1), []byte(e.id))); err != nil {
			return err
		}
	}
	return meta.Put([]byte("seq"), seqKey(last+uint64(len(docs))))
}

// salvageOrder keeps on disk what keepAsStored needs of every copied
// record (storedAs), sorted by its old sequence and then its ID: a bbolt
// file beside the copy (dst/order.db, removed with the copy's directory),
// written without fsync (nothing survives a failed salvage). Held in
// memory and sorted there, it cost about a hundred bytes a record; read
// back a batch at a time, Salvage's memory does not grow with the store
// (docs/log/i24-store.md).
type salvageOrder struct{ db *bolt.DB }

var bucketOrder = []byte("order")

func openSalvageOrder(dir string) (*salvageOrder, error) {
	db, err := bolt.Open(filepath.Join(dir, "order.db"), 0o600, &bolt.Options{Timeout: time.Second, NoSync: true, NoFreelistSync: true})
	if err != nil {
		return nil, fmt.Errorf("order file: %w", err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketOrder)
		return err
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("order file: %w", err)
	}
	return &salvageOrder{db}, nil
}

func (o *salvageOrder) close() { o.db.Close() }

// add keeps docs (a batch: one transaction); a key seen again at the same
// sequence is one entry.
func (o *salvageOrder) add(docs []storedAs) error {
	return o.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOrder)
		for _, e := range docs {
			if err := b.Put(append(seqKey(e.seq), e.id...), []byte(e.url)); err != nil {
				return fmt.Errorf("order file: %w", err)
			}
		}
		return nil
	})
}

// each calls fn with the records in order, n at a time (the slice is
// reused: fn keeps none of it).
func (o *salvageOrder) each(n int, fn func([]storedAs) error) error {
	return o.db.View(func(tx *bolt.Tx) error {
		batch := make([]storedAs, 0, n)
		c := tx.Bucket(bucketOrder).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			batch = append(batch, storedAs{seq: binary.BigEndian.Uint64(k[:8]), id: string(k[8:]), url: string(v)})
			if len(batch) == n {
				if err := fn(batch); err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
		if len(batch) > 0 {
			return fn(batch)
		}
		return nil
	})
}
