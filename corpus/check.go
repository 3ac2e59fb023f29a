package corpus

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// CheckReport is what CheckStore found.
type CheckReport struct {
	Path      string   `json:"path"`
	Pages     int      `json:"pages"`     // pages read
	Documents int      `json:"documents"` // documents read and decoded
	Gone      int      `json:"gone"`      // of which tombstones
	KV        int      `json:"kv"`        // state values
	Problems  []string `json:"problems,omitempty"`
	// Cleared is set when an earlier damage mark was removed because the
	// store now checks clean.
	Cleared bool `json:"cleared,omitempty"`
	// Upgrade is set when an upgrade in batches was left half done: no
	// damage (read commands serve the store), but not finished
	// (upgradebatch.go).
	Upgrade *UpgradeUnderWay `json:"upgrade,omitempty"`
}

// OK reports whether the store checked clean.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// Err is a *DamageError summing up the problems, or nil.
func (r *CheckReport) Err() error {
	if r.OK() {
		return nil
	}
	detail := r.Problems[0]
	if n := len(r.Problems) - 1; n > 0 {
		detail += fmt.Sprintf(" and %d more problems", n)
	}
	return &DamageError{Path: r.Path, Found: time.Now().UTC(), Detail: detail}
}

// maxProblems bounds the problems a report lists (a file of garbage has
// one per page).
const maxProblems = 200

// CheckStore checks the store file in dir completely: every page of every
// bucket with the tolerant reader (none is trusted, so damage cannot crash
// the check), every document decoded and found under its own ID, every
// sequence entry pointing at a document of that sequence, and then, when
// that found nothing, bbolt's own check (freelist, pages neither reachable
// nor free). Damage found marks the store (see damage.go); a clean check
// removes an earlier mark. The caller keeps writers out (a lock on the
// file): the check reads the file as it is; a writer's lock found by
// bbolt's check is no damage but ErrLocked (after a second) or ctx's error
// (boltCheck).
func CheckStore(ctx context.Context, dir string) (*CheckReport, error) {
	path := filepath.Join(dir, "store.db")
	rep := &CheckReport{Path: path}
	fh, size, err := openSized(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: check %s: %w", path, err)
	}
	defer fh.Close()
	problem := func(format string, a ...any) {
		if len(rep.Problems) < maxProblems {
			rep.Problems = append(rep.Problems, fmt.Sprintf(format, a...))
		}
	}
	f, err := openBoltFile(fh, size)
	if err != nil {
		problem("%v", err)
		return rep, rep.finish()
	}
	for i, err := range f.metaErrs {
		if err != nil {
			problem("meta page %d: %v (the other one is used: the last commit may be lost)", i, err)
		}
	}
	if _, err := f.checkFreelist(); err != nil {
		problem("freelist: %v", err)
	}
	bs, err := f.buckets()
	if err != nil {
		problem("%v", err)
	}
	for _, name := range []string{"meta", "docs", "seq", "kv"} {
		if _, ok := bs[name]; !ok {
			problem("bucket %q is missing", name)
		}
	}
	codec, err := fileCodec(f, bs)
	if err != nil {
		return nil, fmt.Errorf("corpus: check %s: %w", path, err)
	}
	for id, why := range codec.bad {
		problem("record dictionary %#x: %s", id, why)
	}
	seqOf := map[string]uint64{} // document ID → its seq
	var version, record []byte   // meta "version" and the upgrade's progress record
	for name, b := range bs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		w := newWalker(f, false)
		w.bad = func(err error, from, until []byte) {
			problem("bucket %q: %v; keys lost: %s", name, err, keyRange(from, until))
		}
		var staged []bucketRef // the staging graph's buckets, walked after it
		w.leaf = func(k, v []byte, bucket bool, page uint64) {
			if bucket && name == graph.StagingBucket && slices.Contains(graph.BucketNames(), string(k)) {
				// an upgrade in batches building the graph (upgradebatch.go)
				root, inline, err := bucketRoot(page, bytes.Clone(v))
				if err != nil {
					problem("bucket %q/%q: %v", name, k, err)
					return
				}
				staged = append(staged, bucketRef{root: root, inline: inline})
				return
			}
			if bucket {
				problem("bucket %q, page %d: unexpected nested bucket %q", name, page, k)
				return
			}
			switch name {
			case "docs":
				var d Document
				if err := codec.decode(v, &d); err != nil {
					problem("document %s (page %d) does not decode: %v", k, page, err)
					return
				}
				if d.ID != string(k) {
					problem("document under %s (page %d) has ID %q", k, page, d.ID)
				}
				seqOf[string(k)] = d.Seq
				rep.Documents++
				if d.Gone {
					rep.Gone++
				}
			case "kv":
				rep.KV++
			case "meta":
				switch string(k) {
				case "version":
					version = bytes.Clone(v)
				case string(metaUpgrade):
					record = bytes.Clone(v)
				}
			}
		}
		w.walkBucket(b)
		rep.Pages += w.pages
		for _, sb := range staged {
			sw := newWalker(f, false)
			sw.bad = w.bad
			sw.leaf = func(k, _ []byte, bucket bool, page uint64) {
				if bucket {
					problem("bucket %q, page %d: unexpected nested bucket %q", name, page, k)
				}
			}
			sw.walkBucket(sb)
			rep.Pages += sw.pages
		}
	}
	if b, ok := bs["seq"]; ok {
		w := newWalker(f, false)
		w.leaf = func(k, v []byte, _ bool, page uint64) {
			if len(k) != 8 {
				problem("sequence key %x (page %d) is not 8 bytes", k, page)
			} else if seq, ok := seqOf[string(v)]; ok && seq != binary.BigEndian.Uint64(k) {
				problem("sequence %d (page %d) names %s, whose sequence is %d", binary.BigEndian.Uint64(k), page, v, seq)
			}
		}
		w.walkBucket(b) // damage was reported above
	}
	borne := true // Open's own reading of the record (resumable), when bbolt reads the file
	if rep.OK() {
		err := boltCheck(ctx, path, problem, func(tx *bolt.Tx) {
			st, err := readUpgrade(tx)
			borne = err == nil && st != nil && st.resumable(tx)
		})
		if err != nil {
			return nil, err
		}
	}
	rep.Upgrade = upgradeUnderWay(string(version), record, rep.Documents, borne)
	return rep, rep.finish()
}

// boltCheck runs bbolt's tx.Check on a file the tolerant reader found
// sound, so that no page it reads is out of range. Its read-only open
// waits up to a second for a writer's lock, and no longer than ctx: that
// wait is no damage (the caller was to keep writers out), it is the
// returned error — ErrLocked, or ctx's. read, when set, reads the store
// in the same transaction after a clean check.
func boltCheck(ctx context.Context, path string, problem func(string, ...any), read func(*bolt.Tx)) error {
	var waited error
	err := recoverDamage(path, func() error {
		db, _, err := openWaiting(ctx, path, time.Second, true)
		if cerr := ctx.Err(); cerr != nil && errors.Is(err, cerr) {
			waited = fmt.Errorf("corpus: check %s: %w", path, err)
			return nil
		} else if errors.Is(err, bolterrors.ErrTimeout) {
			waited = fmt.Errorf("%w: %s (a writer has it open: the check reads the file as it is, without writers)", ErrLocked, path)
			return nil
		} else if err != nil {
			return err
		}
		defer db.Close()
		return db.View(func(tx *bolt.Tx) error {
			clean := true
			for err := range tx.Check() {
				problem("bbolt check: %v", err)
				clean = false
			}
			if clean && read != nil {
				read(tx)
			}
			return nil
		})
	})
	if err != nil {
		problem("bbolt check: %v", err)
	}
	return waited
}

// finish marks the store damaged, or clears an earlier mark when the
// check is clean.
func (r *CheckReport) finish() error {
	if !r.OK() {
		markDamaged(r.Err().(*DamageError))
		return nil
	}
	if readDamage(r.Path) != nil {
		if err := os.Remove(damagePath(r.Path)); err != nil {
			return fmt.Errorf("corpus: clear damage mark: %w", err)
		}
		r.Cleared = true
	}
	return nil
}

// keyRange describes the keys of a lost subtree.
func keyRange(from, until []byte) string {
	switch {
	case from == nil && until == nil:
		return "all"
	case until == nil:
		return fmt.Sprintf("from %q to the end", from)
	case from == nil:
		return fmt.Sprintf("before %q", until)
	}
	return fmt.Sprintf("from %q to before %q", from, until)
}
