package corpus

// The upgrade of a store whose graph another graph.Version built, in
// committed batches: the graph's rebuild in the first transaction, the
// live records' renumbering (touchLive) touchBatch records a transaction,
// and the graph's stamp, the format's version and the passes after the
// renumbering in the last one. A progress record in the meta bucket says
// where the renumbering is, so that the next read-write open of a store
// whose upgrade was cancelled or killed between two batches resumes it
// (docs/log/i27-upgrade.md).

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// metaUpgrade is the meta key of the progress record (upgradeState, JSON)
// of an upgrade in batches; no key: no upgrade under way.
var metaUpgrade = []byte("upgrade")

// The passes of an upgrade in batches (upgradeState.Pass).
const (
	passTouchSeqs = "touch by sequence" // touchLive's walk over the sequences
	passTouchIDs  = "touch by ID"       // its walk over the records the sequences miss
	passFinish    = "finish"            // the renumbering done: the last transaction's passes
)

// upgradeState is the progress record of an upgrade in batches, written
// in each batch's transaction. The graph's stamp and the format's version
// are written only in the last transaction, which deletes the record: a
// read-only open of a half-upgraded store reads the old stamp (the graph
// stale) and format.
type upgradeState struct {
	Graph   int    `json:"graph"`   // the graph.Version the upgrade builds
	Store   int    `json:"store"`   // the storeVersion it upgrades to
	Pass    string `json:"pass"`    // passTouchSeqs, passTouchIDs or passFinish
	End     uint64 `json:"end"`     // the last sequence before the renumbering
	Next    uint64 `json:"next"`    // the sequence passTouchSeqs reads next
	After   string `json:"after"`   // the last ID passTouchIDs read
	Records int    `json:"records"` // records in the store when the renumbering began
	Done    int    `json:"done"`    // entries read (progress)
	Found   int    `json:"found"`   // records touched, or found gone at their own sequence
	// Back: the IDs of the imported records a format 6 store retired and
	// its upgrade brings back (retiredImports, read before the renumbering
	// moves the sequences it compares).
	Back []string `json:"back,omitempty"`
}

// readUpgrade is the store's progress record (nil: none).
func readUpgrade(tx *bolt.Tx) (*upgradeState, error) {
	raw := tx.Bucket(bucketMeta).Get(metaUpgrade)
	if raw == nil {
		return nil, nil
	}
	var st upgradeState
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, fmt.Errorf("read upgrade progress record: %w", err)
	}
	return &st, nil
}

// put writes st as the store's progress record.
func (st *upgradeState) put(tx *bolt.Tx) error {
	raw, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(metaUpgrade, raw)
}

// resumable reports whether st is an upgrade to this binary's graph and
// format (another binary's is begun again) that the store bears out: its
// end not past the store's last sequence (resumed, each touch would move
// a record to a sequence below end, which the walk reaches again: it
// would never end), its next not past end, every record it names to
// bring back stored.
func (st *upgradeState) resumable(tx *bolt.Tx) bool {
	if st.Graph != graph.Version || st.Store != storeVersion {
		return false
	}
	if st.Pass != passTouchSeqs && st.Pass != passTouchIDs && st.Pass != passFinish {
		return false
	}
	if st.End > lastSeq(tx) || st.Next > st.End+1 {
		return false
	}
	return storedAll(tx, st.Back)
}

// storedAll reports whether every one of ids is a stored record.
func storedAll(tx *bolt.Tx, ids []string) bool {
	docs := tx.Bucket(bucketDocs)
	for _, id := range ids {
		if docs.Get([]byte(id)) == nil {
			return false
		}
	}
	return true
}

// lastSeq is the store's last sequence: the meta bucket's counter or the
// sequence index's last entry, the greater (damage may leave either
// behind).
func lastSeq(tx *bolt.Tx) uint64 {
	end := uint64(0)
	if m := tx.Bucket(bucketMeta).Get([]byte("seq")); len(m) == 8 {
		end = binary.BigEndian.Uint64(m)
	}
	if k, _ := tx.Bucket(bucketSeq).Cursor().Last(); len(k) == 8 {
		end = max(end, binary.BigEndian.Uint64(k))
	}
	return end
}

// newTouchState is the start of touchLive's renumbering in tx: the last
// sequence before it and the records it must find.
func newTouchState(tx *bolt.Tx) *upgradeState {
	end := lastSeq(tx)
	records := 0 // counted by a cursor: Stats reads the pages as they were before this transaction's writes
	cur := tx.Bucket(bucketDocs).Cursor()
	for k, _ := cur.First(); k != nil; k, _ = cur.Next() {
		records++
	}
	return &upgradeState{Graph: graph.Version, Store: storeVersion, Pass: passTouchSeqs, End: end, Records: records}
}

// touchStep is one batch of touchLive's renumbering: up to batch entries
// of the sequences from st.Next, or when those are done, up to batch
// records after st.After; st records how far it came, and its pass
// becomes passFinish when every record is done.
func touchStep(tx *bolt.Tx, c *recordCodec, st *upgradeState, batch int, p *pass) error {
	total := p.records(tx)
	ids := make([][]byte, 0, batch)
	switch st.Pass {
	case passTouchSeqs:
		cur := tx.Bucket(bucketSeq).Cursor()
		for k, id := cur.Seek(seqKey(st.Next)); k != nil && len(ids) < batch; k, id = cur.Next() {
			if len(k) != 8 {
				continue // damage: check names it
			}
			seq := binary.BigEndian.Uint64(k)
			if seq > st.End {
				break
			}
			ids, st.Next = append(ids, append(seqKey(seq), id...)), seq+1
		}
		if len(ids) == 0 {
			if st.Found < st.Records { // records the sequences miss (or name only wrongly)
				st.Pass = passTouchIDs
			} else {
				st.Pass = passFinish
				p.end(StepTouch, st.Done, total)
			}
			return nil
		}
		for _, e := range ids {
			if err := p.at(StepTouch, st.Done, total); err != nil {
				return err
			}
			st.Done++
			counted, err := touchOnce(tx, c, e[8:], st.End, binary.BigEndian.Uint64(e[:8]))
			if err != nil {
				return err
			}
			if counted {
				st.Found++
			}
		}
	case passTouchIDs:
		cur := tx.Bucket(bucketDocs).Cursor()
		k, _ := cur.First()
		if st.After != "" {
			after := []byte(st.After)
			if k, _ = cur.Seek(after); bytes.Equal(k, after) {
				k, _ = cur.Next()
			}
		}
		for ; k != nil && len(ids) < batch; k, _ = cur.Next() {
			ids = append(ids, bytes.Clone(k))
		}
		if len(ids) == 0 {
			st.Pass = passFinish
			p.end(StepTouch, st.Done, total)
			return nil
		}
		st.After = string(ids[len(ids)-1])
		for _, id := range ids {
			if err := p.at(StepTouch, st.Done, total); err != nil {
				return err
			}
			touched, err := touchOnce(tx, c, id, st.End, 0)
			if err != nil {
				return err
			}
			if touched {
				st.Done++
			}
		}
	default:
		return fmt.Errorf("touch: no renumbering pass %q", st.Pass)
	}
	return nil
}

// beginUpgrade starts the upgrade in batches in Open's first transaction
// of a store of format was whose graph another graph.Version built, or
// resumes one: the progress record the batches go on from. nil: this
// store's upgrade is one transaction (migrate), run in tx.
func (s *Store) beginUpgrade(tx *bolt.Tx, c *recordCodec, was string, p *pass) (*upgradeState, error) {
	// A progress record not resumed (another binary's, one the store
	// does not bear out, one that is not JSON) is dropped and the upgrade
	// begun again: every live record is touched again after the rebuild.
	// A format 6 store's records to bring back are read again and joined
	// by the tombstones a record of this format names: read before its
	// renumbering moved the live records' sequences, which retiredImports
	// compares (the renumbering only raises them: read after, it finds a
	// part of what it found before).
	var carried []string
	if raw := tx.Bucket(bucketMeta).Get(metaUpgrade); raw != nil {
		st, err := readUpgrade(tx)
		if err == nil && st.resumable(tx) {
			return st, nil
		}
		if err == nil && st.Store == storeVersion {
			carried = st.Back
		}
		if err := tx.Bucket(bucketMeta).Delete(metaUpgrade); err != nil {
			return nil, err
		}
	}
	switch was {
	case "2", "3", "4", "5", "6", strconv.Itoa(storeVersion):
	default: // format 1 (no graph, nothing to renumber) or one checkVersion refuses
		return nil, s.upgradeOnce(tx, c, was, p)
	}
	if graph.Current(tx) {
		return nil, s.upgradeOnce(tx, c, was, p)
	}
	var back []string
	if was == "6" { // read before the renumbering moves the live records' sequences
		docs, err := retiredImports(tx, c, p)
		if err != nil {
			return nil, fmt.Errorf("restore retired imported records: %w", err)
		}
		for _, d := range docs {
			back = append(back, d.ID)
		}
		for _, id := range carried {
			if raw := tx.Bucket(bucketDocs).Get([]byte(id)); raw != nil && recordGone(raw) && !slices.Contains(back, id) {
				back = append(back, id)
			}
		}
	}
	if err := rebuildGraph(tx, c, p); err != nil {
		return nil, fmt.Errorf("build citation graph: %w", err)
	}
	st := newTouchState(tx)
	st.Back = back
	return st, st.put(tx)
}

// upgradeBatch is one transaction of an upgrade in batches after the
// first: a batch of the renumbering, st written back, or the last one
// (passFinish): the graph's stamp, the format's version, the task table's
// marks, the format upgrade's moves of records, and the record deleted.
// It reports whether the upgrade is done.
func (s *Store) upgradeBatch(tx *bolt.Tx, c *recordCodec, st *upgradeState, batch int, p *pass) (bool, error) {
	if st.Pass != passFinish {
		if err := touchStep(tx, c, st, batch, p); err != nil {
			return false, fmt.Errorf("citation graph rebuilt: %w", err)
		}
		return false, st.put(tx)
	}
	meta := tx.Bucket(bucketMeta)
	was := string(meta.Get([]byte("version")))
	if err := graph.Stamp(tx); err != nil {
		return false, err
	}
	if err := meta.Put([]byte("version"), []byte(strconv.Itoa(storeVersion))); err != nil {
		return false, err
	}
	if err := migrateTasks(tx, c, p); err != nil {
		return false, err
	}
	switch was {
	case "2", "3", "4", "5": // → 6: IDs of canonical URLs (urlids.go)
		if _, err := s.migrateURLIDs(tx, c, p); err != nil {
			return false, fmt.Errorf("move documents to their canonical URLs' IDs: %w", err)
		}
	case "6": // → 7: the imported records 6 retired beside another text (urlids.go)
		back := make([]*Document, 0, len(st.Back))
		for _, id := range st.Back {
			raw := tx.Bucket(bucketDocs).Get([]byte(id))
			if raw == nil {
				return false, fmt.Errorf("restore retired imported records: %s is gone from the store", id)
			}
			var d Document
			if err := c.decode(raw, &d); err != nil {
				return false, fmt.Errorf("restore retired imported records: decode %s: %w", id, err)
			}
			back = append(back, &d)
		}
		if _, err := s.restoreImports(tx, c, back); err != nil {
			return false, fmt.Errorf("restore retired imported records: %w", err)
		}
	}
	return true, meta.Delete(metaUpgrade)
}
