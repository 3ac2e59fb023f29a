package corpus

import (
	"context"
	"fmt"
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
	Documents int    `json:"documents"` // copied, tombstones included
	Gone      int    `json:"gone"`      // of which tombstones
	KV        int    `json:"kv"`        // state values copied (crawl state, history)
	// Lost lists the damage: each damaged page with the keys it held, and
	// each document that could not be decoded.
	Lost []string `json:"lost,omitempty"`
	// LostIDs are the IDs of documents known to the sequence index whose
	// document was not recovered.
	LostIDs []string `json:"lost_ids,omitempty"`
}

// salvageBatch is how many documents Salvage writes per transaction.
const salvageBatch = 500

// Salvage replaces the store file in dir by a new one holding every
// readable document and state value of it: the old file is read with the
// tolerant reader (damaged pages are skipped and reported with the keys
// they held, never trusted), the new store is written beside it
// (dir/salvage.tmp) and moved in its place, and the old file is kept as
// store.db.bad-TIME (SalvageReport.Kept) with its damage mark removed.
// Documents are written again through PutBatch (new sequence numbers, the
// citation graph rebuilt from them), so the index must be rebuilt after;
// a store of an older format stays that format (keepAsStored), upgraded
// by the next read-write open.
// The caller keeps every other process away from the store.
func Salvage(ctx context.Context, dir string) (*SalvageReport, error) {
	path := filepath.Join(dir, "store.db")
	tmp := filepath.Join(dir, "salvage.tmp")
	if err := os.RemoveAll(tmp); err != nil {
		return nil, fmt.Errorf("corpus: salvage: %w", err)
	}
	rep, err := salvageInto(ctx, path, tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return rep, err
	}
	rep.Kept = path + ".bad-" + time.Now().UTC().Format("20060102T150405Z")
	if err := os.Rename(path, rep.Kept); err != nil {
		os.RemoveAll(tmp)
		return rep, fmt.Errorf("corpus: salvage: keep the damaged file: %w", err)
	}
	if err := os.Rename(rep.To, path); err != nil {
		return rep, fmt.Errorf("corpus: salvage: the salvaged store is %s, the damaged one %s; moving the salvaged one in place failed: %w", rep.To, rep.Kept, err)
	}
	rep.To = path
	os.Remove(damagePath(path))
	os.RemoveAll(tmp)
	return rep, nil
}

// salvageInto copies what is readable of the store file src into a new
// store in the directory dst, which must not hold one.
func salvageInto(ctx context.Context, src, dst string) (*SalvageReport, error) {
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
	out, err := OpenStore(dst, false, time.Second)
	if err != nil {
		return nil, err
	}
	defer out.Close()
	urls := map[string]string{}
	if err := rep.copyDocs(ctx, f, bs, out, urls); err != nil {
		return rep, err
	}
	if err := rep.copyKV(ctx, f, bs, out); err != nil {
		return rep, err
	}
	if err := out.keepAsStored(fileVersion(f, bs), urls); err != nil {
		return rep, fmt.Errorf("corpus: salvage: %w", err)
	}
	rep.findLost(f, bs, out)
	return rep, nil
}

// copyDocs copies the documents bucket in batches. urls gets the URL of
// each document whose stored URL PutBatch writes in its canonical form (a
// tracking URL's: keepAsStored writes it back).
func (rep *SalvageReport) copyDocs(ctx context.Context, f *boltFile, bs map[string]bucketRef, out *Store, urls map[string]string) error {
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
	flush := func() {
		if err == nil && len(batch) > 0 {
			if err = ctx.Err(); err == nil {
				_, err = out.PutBatch(batch)
			}
			batch = batch[:0]
		}
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
		if d.URL != "" && CanonicalURL(d.URL) != d.URL {
			urls[d.ID] = d.URL
		}
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
// recovered.
func (rep *SalvageReport) findLost(f *boltFile, bs map[string]bucketRef, out *Store) {
	b, ok := bs["seq"]
	if !ok {
		return
	}
	var ids []string
	w := newWalker(f, false)
	w.leaf = func(_, v []byte, _ bool, _ uint64) { ids = append(ids, string(v)) }
	w.walkBucket(b)
	for _, id := range ids {
		if _, err := out.Get(id); err != nil {
			rep.LostIDs = append(rep.LostIDs, id)
		}
	}
	slices.Sort(rep.LostIDs)
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

// keepAsStored makes the salvaged store hold its records as the damaged
// one did: each URL PutBatch canonicalized written back as stored (the
// record and its sequence otherwise unchanged), and a source of an older
// format marked as that format, so that the next read-write open upgrades
// it as any store of that format (OpenStore: the tracking URLs' documents
// of format 5 moved, the imports format 6 retired brought back). Written
// at the current format with canonical URLs, those upgrades never ran on
// the salvaged documents. The upgrade of 6 reads "older than the
// tombstone" from the sequences, which salvage assigns in the order of the
// IDs (docs/log/i22-review2.md).
func (s *Store) keepAsStored(version string, urls map[string]string) error {
	n, err := strconv.Atoi(version)
	older := err == nil && n >= 1 && n < storeVersion
	if !older && len(urls) == 0 {
		return nil
	}
	return s.update(func(tx *bolt.Tx) error {
		docs, c := tx.Bucket(bucketDocs), s.recs()
		for id, u := range urls {
			raw := docs.Get([]byte(id))
			if raw == nil {
				continue
			}
			var d Document
			if err := c.decode(raw, &d); err != nil {
				return fmt.Errorf("decode %s: %w", id, err)
			}
			d.URL = u
			enc, err := c.encode(&d)
			if err != nil {
				return err
			}
			if err := docs.Put([]byte(id), enc); err != nil {
				return err
			}
		}
		if older {
			return tx.Bucket(bucketMeta).Put([]byte("version"), []byte(version))
		}
		return nil
	})
}
