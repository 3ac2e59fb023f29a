package tasktable

// Task table format (tasks version tasksVersion), five buckets of
// store.db:
//
//	bucket "tasks":     document ID → JSON TaskHead and the TaskKey of each of
//	                    its tasks ("keys"): documents with tasks, and those
//	                    without that implement a stored document (TaskHead's
//	                    Implements: a circular detailing a decree)
//	bucket "taskrows":  document ID "\x00" index (4 bytes BE) → JSON Task: a
//	                    reader of a page of tasks decodes those tasks only
//	bucket "taskdirty": document ID → log sequence (8 bytes BE) at which its
//	                    tasks went stale: they are recomputed by Sync
//	bucket "tasklog":   log sequence (8 bytes BE) → document ID, one entry per
//	                    document at its latest change (marked stale, or
//	                    recomputed): readers apply the entries after the last
//	                    sequence they saw
//	bucket "taskpos":   document ID → its sequence in tasklog
//	meta "taskseq":     the last log sequence; meta "tasks": "V/G", the
//	                    tasksVersion and graph.Version the table was built with
//
// Marking is part of every write (corpus's Store.write calls MarkStale in
// the document's transaction, like the citation graph's Put): a written
// document is marked stale when it cites a stored document, is a plan by
// type or had tasks (a bulk import of documents that cite nothing stored
// costs a lookup of their references), and so is every document citing
// its number (old and new): a parent arriving, changing or going changes
// the links of the documents citing it. Linking is not done there — it
// takes 5–50 ms a plan and a parent may have thousands of implementers —
// but by Sync (corpus's Store.SyncTasks), after the index sync
// (`vanban index`, ingest, the nightly job, serve's start), in batches of
// transactions of its own: it computes a stale document's tasks outside
// any write transaction and stores them only if the document was not
// marked again meanwhile (the mark's sequence is unchanged), so a
// concurrent write is never overwritten by an older computation.
//
// Readers (package tasks, the document page) read the stored tasks and
// know which are stale; a one-shot reader computes those itself
// (corpus's ComputeTasks). Opening a store read-write whose table was
// built by another tasksVersion or graph.Version (or has none: a store
// made before it) drops the table (Current, Reset) and corpus marks stale
// every live document that is a plan or cites a stored one, then Stamp.
//
// Tasks history: 1 — first table; 2 — a passage naming its own agency no
// longer takes the agencies of the appendix rows restating part of it;
// 3 — linking ranks with MatchDecay (a task's passage may change), and a
// short line going on from an agency's name to a task is a task; 4 — a
// parent another of the plan's parents carries on weighs less; 5 — "implements
// nothing" by the undecayed ranking score; 6 — the actor boost counts as much
// as the shared agency tells the parent's passages apart (a task's passage
// may change); 7 — … counting only the passages the item may link to (a
// plan whose title names one of its parents); 8 — scores summed in a fixed
// order; 9 — a cited document's date inside a deadline clause is not the
// deadline; 10 — the outline parser on real layouts (item IDs of documents
// with runs of short paragraphs, lettered points after a paragraph, part
// headings, "b.1)" or "1-" points, quoted amendments or a distribution list
// without "Nơi nhận" change); 11 — i17-structrev's corrections of 10 (a
// "- Như trên." or "- Ban Bí thư…;" bullet followed by more of the plan
// closes nothing, a quote closed on its line opens no amendment and an
// unclosed one ends at "Nơi nhận" or the next amendment announced, a
// short line under a paragraph ending with a colon or naming an agency
// stays under it, a task table goes on over a wrapped cell
// starting "Điều 5 …"); 16 — i17-parse3: OCR-misread and damaged labels
// read by their place in the list, data rows are no task-table header,
// wrapped cells go to the columns left open, a wrapped reference opens no
// article (item IDs of such documents change); 21 — i17-parse3rev: a
// letter kept when the next point follows it, wrapped rests that are new
// rows or headings, numbered short rows filled from the left (item IDs
// and task rows of such documents change).

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/link"
)

var (
	bucketMeta      = []byte("meta") // the store's: the table keeps its stamp and log sequence there
	bucketTasks     = []byte("tasks")
	bucketTaskRows  = []byte("taskrows")
	bucketTaskDirty = []byte("taskdirty")
	bucketTaskLog   = []byte("tasklog")
	bucketTaskPos   = []byte("taskpos")
	taskBuckets     = [][]byte{bucketTasks, bucketTaskRows, bucketTaskDirty, bucketTaskLog, bucketTaskPos}
	metaTasks       = []byte("tasks")
	metaTaskSeq     = []byte("taskseq")
)

// ErrStale is returned by a read-only store whose task table was built
// by another version (corpus.ErrStale).
var ErrStale = errors.New("corpus: the task table was built by another version of vanban (run `vanban index` to rebuild it)")

func tasksStamp() string { return strconv.Itoa(tasksVersion) + "/" + strconv.Itoa(graph.Version) }

// Current reports a table built by this version (tasksVersion and
// graph.Version).
func Current(tx *bolt.Tx) bool {
	return string(tx.Bucket(bucketMeta).Get(metaTasks)) == tasksStamp() && tx.Bucket(bucketTasks) != nil
}

// Reset drops the table's buckets and makes them empty (a store opened
// read-write whose table is not Current: corpus then marks its documents
// stale and calls Stamp).
func Reset(tx *bolt.Tx) error {
	for _, b := range taskBuckets {
		if tx.Bucket(b) != nil {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(b); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketMeta).Put(metaTaskSeq, seqKey(0))
}

// Stamp records that the table was built by this version.
func Stamp(tx *bolt.Tx) error {
	return tx.Bucket(bucketMeta).Put(metaTasks, []byte(tasksStamp()))
}

// Unstamp removes the table's stamp: until Stamp, a read-only reader is
// told the table is stale (a store's upgrade marking it in batches).
func Unstamp(tx *bolt.Tx) error {
	return tx.Bucket(bucketMeta).Delete(metaTasks)
}

// Exists reports a table in the store (false while a store made before it
// is being upgraded: Reset makes it).
func Exists(tx *bolt.Tx) bool { return tx.Bucket(bucketTasks) != nil }

// Has reports a document with tasks stored.
func Has(tx *bolt.Tx, id string) bool { return tx.Bucket(bucketTasks).Get([]byte(id)) != nil }

func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// MarkStale marks the tasks of document id stale at a new log sequence.
func MarkStale(tx *bolt.Tx, id string) error {
	seq, err := relog(tx, id)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketTaskDirty).Put([]byte(id), seqKey(seq))
}

// relog moves document id to a new sequence of the task log and returns it.
func relog(tx *bolt.Tx, id string) (uint64, error) {
	meta, log, pos := tx.Bucket(bucketMeta), tx.Bucket(bucketTaskLog), tx.Bucket(bucketTaskPos)
	if old := pos.Get([]byte(id)); len(old) == 8 {
		if err := log.Delete(old); err != nil {
			return 0, err
		}
	}
	seq := uint64(1)
	if raw := meta.Get(metaTaskSeq); len(raw) == 8 {
		seq = binary.BigEndian.Uint64(raw) + 1
	}
	k := seqKey(seq)
	if err := log.Put(k, []byte(id)); err != nil {
		return 0, err
	}
	if err := pos.Put([]byte(id), k); err != nil {
		return 0, err
	}
	return seq, meta.Put(metaTaskSeq, k)
}

// TaskHead is an implementing document and its parents: PlanTasks
// without the tasks.
type TaskHead struct {
	Plan       TaskDoc       `json:"plan"`
	Parents    []link.DocRef `json:"parents"`
	Implements []string      `json:"implements,omitempty"` // PlanTasks.Implements
}

// Header is the value of the tasks bucket: the document and its parents,
// and the keys of its tasks.
type Header struct {
	TaskHead
	Keys []TaskKey `json:"keys"`
}

func rowKey(id string, i int) []byte {
	k := make([]byte, len(id)+5)
	copy(k, id)
	binary.BigEndian.PutUint32(k[len(id)+1:], uint32(i))
	return k
}

// put replaces the stored tasks of document id with pt (none, and no
// parent implemented: nil).
func put(tx *bolt.Tx, id string, pt *PlanTasks) error {
	tasks, rows := tx.Bucket(bucketTasks), tx.Bucket(bucketTaskRows)
	prefix := []byte(id + "\x00")
	c := rows.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	if pt == nil {
		return tasks.Delete([]byte(id))
	}
	raw, err := json.Marshal(Header{TaskHead: TaskHead{Plan: pt.Plan, Parents: pt.Parents, Implements: pt.Implements}, Keys: pt.Keys()})
	if err != nil {
		return err
	}
	if err := tasks.Put([]byte(id), raw); err != nil {
		return err
	}
	for i := range pt.Tasks {
		raw, err := json.Marshal(&pt.Tasks[i])
		if err != nil {
			return err
		}
		if err := rows.Put(rowKey(id, i), raw); err != nil {
			return err
		}
	}
	return nil
}

// getHeader reads the stored header of document id's tasks (nil: none).
func getHeader(tx *bolt.Tx, id []byte) (*Header, error) {
	raw := tx.Bucket(bucketTasks).Get(id)
	if raw == nil {
		return nil, nil
	}
	h := new(Header)
	if err := json.Unmarshal(raw, h); err != nil {
		return nil, fmt.Errorf("decode tasks of %s: %w", id, err)
	}
	return h, nil
}

// getTasks reads the stored tasks of document id (nil: none).
func getTasks(tx *bolt.Tx, id []byte) (*PlanTasks, error) {
	h, err := getHeader(tx, id)
	if h == nil || err != nil {
		return nil, err
	}
	pt := &PlanTasks{Plan: h.Plan, Parents: h.Parents, Implements: h.Implements, Tasks: make([]Task, 0, len(h.Keys))}
	prefix := append(bytes.Clone(id), 0)
	c := tx.Bucket(bucketTaskRows).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var t Task
		if err := json.Unmarshal(v, &t); err != nil {
			return nil, fmt.Errorf("decode task %d of %s: %w", len(pt.Tasks), id, err)
		}
		pt.Tasks = append(pt.Tasks, t)
	}
	return pt, nil
}

// TaskRef names the i-th task of a document.
type TaskRef struct {
	ID    string
	Index int
}

// At returns the stored tasks refs name; a task no longer stored is
// nil.
func At(tx *bolt.Tx, refs []TaskRef) ([]*Task, error) {
	if err := tasksReady(tx); err != nil {
		return nil, err
	}
	out := make([]*Task, len(refs))
	rows := tx.Bucket(bucketTaskRows)
	for i, r := range refs {
		raw := rows.Get(rowKey(r.ID, r.Index))
		if raw == nil {
			continue
		}
		out[i] = new(Task)
		if err := json.Unmarshal(raw, out[i]); err != nil {
			return nil, fmt.Errorf("decode task %d of %s: %w", r.Index, r.ID, err)
		}
	}
	return out, nil
}

// State is what the task table says of a document: Current says its
// tasks are computed and not stale (false also when the table is not
// ready); Header is nil when it has no tasks and implements nothing.
type State struct {
	Current bool
	Header  *Header
}

// States fills out with the task state of documents ids (out has their
// length).
func States(tx *bolt.Tx, ids []string, out []State) {
	if tasksReady(tx) != nil {
		return
	}
	dirty := tx.Bucket(bucketTaskDirty)
	for i, id := range ids {
		if dirty.Get([]byte(id)) != nil {
			continue
		}
		out[i].Current = true
		h, err := getHeader(tx, []byte(id))
		if err != nil {
			out[i].Current = false
			continue
		}
		out[i].Header = h
	}
}
