package corpus

// Damage. A store file damaged on disk (a bad sector, a copy cut short, a
// byte overwritten) must never crash a command, and nothing must be
// written into it: bbolt would build new pages on the damaged tree.
//
//   - OpenStore checks the meta pages, the root bucket and the branch
//     pages of every bucket (with the first leaf under each) with the
//     tolerant reader of boltfile.go: about one page in a hundred.
//   - Every bbolt transaction runs under a guard (guardedDB) that turns a
//     bbolt panic ("Page expected to be…") or a fault reading its mapping
//     into a *DamageError, so a damaged leaf found later is an error too.
//   - Damage found either way is recorded next to the store, in
//     store.db.damaged (JSON: when, what). From then on the store is not
//     opened for writing, by any process, until `vanban check` finds it
//     clean (CheckStore clears the mark) or `vanban store salvage` has
//     replaced it (Salvage).

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ErrDamaged is the class of every error about a damaged store file
// (errors.Is(err, ErrDamaged)); the error itself is a *DamageError.
var ErrDamaged = errors.New("corpus: store is damaged")

// DamageError says that the store file is damaged and what to do.
type DamageError struct {
	Path   string    `json:"path"`
	Found  time.Time `json:"found"`
	Detail string    `json:"detail"` // what was found: a page and its fault
}

func (e *DamageError) Error() string {
	return fmt.Sprintf("corpus: store %s is damaged (%s, found %s); nothing more is written to it: run `vanban check` for a full report, then `vanban store salvage` to copy every readable document into a new store",
		e.Path, e.Detail, e.Found.Local().Format("2006-01-02 15:04"))
}

func (e *DamageError) Is(target error) bool { return target == ErrDamaged }

// damagePath is the mark of a damaged store file.
func damagePath(storePath string) string { return storePath + ".damaged" }

// readDamage returns the mark of the store at path, or nil.
func readDamage(path string) *DamageError {
	raw, err := os.ReadFile(damagePath(path))
	if err != nil {
		return nil
	}
	d := &DamageError{Path: path, Detail: "marked damaged"}
	json.Unmarshal(raw, d) // a mark that does not parse still marks
	d.Path = path
	return d
}

// markDamaged records the damage next to the store file, keeping the
// first mark. It is best effort: on a read-only disk the mark lives only
// in this process.
func markDamaged(d *DamageError) {
	if readDamage(d.Path) != nil {
		return
	}
	b, _ := json.MarshalIndent(d, "", "  ")
	os.WriteFile(damagePath(d.Path), append(b, '\n'), 0o644)
}

// guardedDB is a bbolt database whose transactions cannot crash the
// process: a panic or a memory fault inside one becomes a *DamageError,
// the store is marked damaged and every later Update is refused.
type guardedDB struct {
	*bolt.DB
	path    string
	damaged atomic.Pointer[DamageError]
}

// View runs a read transaction under the guard.
func (db *guardedDB) View(fn func(*bolt.Tx) error) error {
	return db.guard(func() error { return db.DB.View(fn) })
}

// Update runs a write transaction under the guard, unless the store is
// known to be damaged.
func (db *guardedDB) Update(fn func(*bolt.Tx) error) error {
	if d := db.damaged.Load(); d != nil {
		return d
	}
	return db.guard(func() error {
		return db.DB.Update(func(tx *bolt.Tx) error {
			packPages(tx)
			return fn(tx)
		})
	})
}

// guard runs f, turning a panic or a fault into a *DamageError. bbolt
// rolls the transaction back (and releases its locks) as the panic passes.
func (db *guardedDB) guard(f func() error) error {
	err := recoverDamage(db.path, f)
	var d *DamageError
	if errors.As(err, &d) {
		db.damaged.CompareAndSwap(nil, d)
	}
	return err
}

// recoverDamage runs f on this goroutine with faults turned into panics
// (bbolt reads its file through a memory mapping, and a damaged page
// pointer reads outside it) and any panic turned into a *DamageError for
// the store at path, which is marked.
func recoverDamage(path string, f func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			d := &DamageError{Path: path, Found: time.Now().UTC(), Detail: fmt.Sprintf("bbolt: %v", r)}
			markDamaged(d)
			err = d
		}
	}()
	return f()
}

// Damage returns the damage known of the store (its mark, or what this
// process found), or nil.
func (s *Store) Damage() *DamageError { return s.db.damaged.Load() }

// quickCheck checks the store file at path as OpenStore does: the meta
// pages, the freelist, the root bucket, and the branch pages of every bucket with the
// first leaf under each. It returns the number of pages read.
func quickCheck(path string) (int, error) {
	fh, size, err := openSized(path)
	if err != nil {
		return 0, err
	}
	defer fh.Close()
	f, err := openBoltFile(fh, size)
	if err != nil {
		return 0, err
	}
	if _, err := f.checkFreelist(); err != nil {
		return 0, err
	}
	bs, err := f.buckets()
	if err != nil {
		return 0, err
	}
	pages := 0
	for name, b := range bs {
		var errs []error
		w := newWalker(f, true)
		w.bad = func(err error, _, _ []byte) { errs = append(errs, fmt.Errorf("bucket %q: %w", name, err)) }
		w.walkBucket(b)
		pages += w.pages
		if len(errs) > 0 {
			return pages, errs[0]
		}
	}
	return pages, nil
}
