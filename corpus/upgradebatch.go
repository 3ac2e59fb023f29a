package corpus

// The upgrade of a store whose graph another graph.Version built, in
// committed batches (docs/log/i27-upgrade.md, i28-upgrade.md):
//
//  1. the first transaction writes the progress record, creates an empty
//     staging graph (graph.BeginStage) and sets the format to the
//     upgrading mark (upgradingFormat), which every binary but one of
//     this graph.Version and format refuses to read or write;
//  2. a transaction per batch of records builds the new graph into the
//     staging bucket, while the root keeps the old one;
//  3. the batch that finds no record left swaps the staged graph in
//     (graph.Swap: a bucket moved each, no page copied) and stamps it;
//  4. a transaction per batch renumbers the live records (touchLive),
//     after the swap: an index sync between two batches reads a record
//     it has not read since the swap again later, since every live
//     record is touched after the new graph is in place;
//  5. a transaction per batch of records marks the task table's
//     documents stale (remarkStep, by ID; the first drops the table and
//     its stamp, so that a reader between two batches is told the table
//     is stale rather than reading a part of it);
//  6. the last batch of marks stamps the table; a store of formats 2–5
//     then moves the records of tracking URLs a batch a transaction
//     (urlStep, urlids.go: a walk listing them, their moves, a walk for
//     the files of moved articles);
//  7. the last batch (of the marks, or of the URL moves) is the last
//     transaction: it stamps the graph, brings back a format 6 store's
//     retired imports, writes the format's version and deletes the record.
//
// Every walk by ID goes on after the last key its record names
// (seekAfter).
//
// A read-only open of this binary between two stages reads the format
// the mark names (served as before) and the graph at the root, the old
// one before the swap and the new one after; Store.GraphCurrent says
// stale until the end. The next read-write open goes on from the record
// (a half-built staging graph with it), or, when the record is not this
// binary's or the store does not bear it out, begins again: the staging
// graph dropped, the graph built again, every live record touched.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/vanban/vanban/corpus/graph"
	"github.com/vanban/vanban/corpus/tasktable"
	bolt "go.etcd.io/bbolt"
)

// metaUpgrade is the meta key of the progress record (upgradeState, JSON)
// of an upgrade in batches; no key: no upgrade under way. Not the key
// round 21's binaries wrote (metaUpgradeR21): they resumed a record of
// their graph.Version and format by its passes, which would finish this
// binary's upgrade without its format's passes (the mark is no format
// they know).
var metaUpgrade = []byte("upgrading")

// metaUpgradeR21 is the progress record of a round 21 binary's upgrade
// (the graph rebuilt in place, then the renumbering): never resumed, its
// records to bring back carried, dropped.
var metaUpgradeR21 = []byte("upgrade")

// The passes of an upgrade in batches (upgradeState.Pass).
const (
	passGraph     = "build graph"       // the new graph into the staging bucket, by ID
	passTouchSeqs = "touch by sequence" // touchLive's walk over the sequences
	passTouchIDs  = "touch by ID"       // its walk over the records the sequences miss
	passFinish    = "finish"            // the renumbering done: the task marks begin next
	passTasks     = "mark tasks"        // the task table's marks, by ID; the last batch finishes
	// formats 2–5 (urlids.go), after the marks: the walk finding the
	// records of tracking URLs, their moves, the walk pointing the files
	// of moved articles at them; the last batch of the last finishes
	passURLScan     = "find URL moves"
	passURLMove     = "move URLs"
	passURLChildren = "repoint files"
)

// upgradeState is the progress record of an upgrade in batches, written
// in each batch's transaction. The graph's stamp and the format's version
// are written only in the last transaction, which deletes the record: a
// read-only open of a half-upgraded store reads the old stamp (the graph
// stale) and format.
type upgradeState struct {
	Graph   int    `json:"graph"`   // the graph.Version the upgrade builds
	Store   int    `json:"store"`   // the storeVersion it upgrades to
	Pass    string `json:"pass"`    // passGraph … passURLChildren
	End     uint64 `json:"end"`     // the last sequence before the renumbering
	Next    uint64 `json:"next"`    // the sequence passTouchSeqs reads next
	After   string `json:"after"`   // the last ID a walk by ID read (seekAfter)
	Records int    `json:"records"` // records in the store when the renumbering began
	Done    int    `json:"done"`    // entries read (progress)
	Found   int    `json:"found"`   // records touched, or found gone at their own sequence; the URL moves: moved or retired
	// Back: the IDs of the imported records a format 6 store retired and
	// its upgrade brings back (retiredImports, read before the renumbering
	// moves the sequences it compares).
	Back []string `json:"back,omitempty"`
	// The URL moves (formats 2–5, urlStep): the IDs of the records under
	// tracking URLs' IDs (newestFirst's order once the walk is done), how
	// many of them are done, and each moved one's new ID by its old.
	Moves  []string          `json:"moves,omitempty"`
	Moving int               `json:"moving,omitempty"`
	Moved  map[string]string `json:"moved,omitempty"`
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
	switch st.Pass {
	case passGraph:
		return graph.HasStage(tx) // the staged graph the batches wrote
	case passTouchSeqs, passTouchIDs, passFinish, passTasks, passURLScan, passURLMove, passURLChildren:
	default:
		return false
	}
	if st.End > lastSeq(tx) || st.Next > st.End+1 || st.Moving > len(st.Moves) {
		return false
	}
	return storedAll(tx, st.Back) && storedAll(tx, st.Moves) && storedAll(tx, slices.Collect(maps.Values(st.Moved)))
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

// seekAfter positions cur at the first key after after (the first key
// of all when after is ""), whether or not after is still a key, and
// returns that key and its value (nil, nil: none left). A pass over a
// bucket in committed batches resumes with it from the last key its
// progress record names (upgradeState.After): the key itself, done
// already, is skipped; a key deleted since is no matter. As with the
// cursor's Next, a nested bucket's key comes with a nil value.
func seekAfter(cur *bolt.Cursor, after string) (k, v []byte) {
	if after == "" {
		return cur.First()
	}
	a := []byte(after)
	if k, v = cur.Seek(a); bytes.Equal(k, a) {
		return cur.Next()
	}
	return k, v
}

// walkAfter reads the records after st.After in ID order, up to batch
// of them (batch 0: every one), for the walks that resume by ID (urlStep's
// scan and children passes, remarkStep): each is counted in st.Done
// (progress of step, and ctx's end, reported before it) and decoded, and
// st.After moves past it before visit sees it. It reports whether no
// record is left (the walk's last batch).
func walkAfter(tx *bolt.Tx, c *recordCodec, st *upgradeState, batch int, p *pass, step string, visit func(*Document) error) (bool, error) {
	total := p.records(tx)
	cur := tx.Bucket(bucketDocs).Cursor()
	id, raw := seekAfter(cur, st.After)
	for n := 0; id != nil && (batch <= 0 || n < batch); id, raw = cur.Next() {
		if err := p.at(step, st.Done, total); err != nil {
			return false, err
		}
		st.Done++
		n++
		var d Document
		if err := c.decode(raw, &d); err != nil {
			return false, fmt.Errorf("decode %s: %w", id, err)
		}
		st.After = string(id)
		if err := visit(&d); err != nil {
			return false, err
		}
	}
	return id == nil, nil
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
		for k, _ := seekAfter(cur, st.After); k != nil && len(ids) < batch; k, _ = cur.Next() {
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
	meta := tx.Bucket(bucketMeta)
	// The upgrading mark: a newer binary's (a later format or
	// graph.Version) is refused before anything is written (rolled back),
	// as an older binary refuses this one's; this binary's goes on from
	// its record; an older one's (a binary this one replaced, stopped in
	// its upgrade) is begun again, its record not this binary's.
	marked := false
	if m, ok := parseUpgrading(was); ok {
		if m.newer() {
			return nil, m.refusal(s.path)
		}
		was, marked = m.was, true
	}
	// A progress record not resumed (another binary's, one without this
	// binary's mark, one the store does not bear out, one that is not
	// JSON) is dropped and the upgrade begun again: the graph built again
	// and every live record touched after the swap. A format 6 store's
	// records to bring back are read again and joined by the tombstones a
	// record of this format names: read before its renumbering moved the
	// live records' sequences, which retiredImports compares (the
	// renumbering only raises them: read after, it finds a part of what it
	// found before).
	var carried []string
	if raw := meta.Get(metaUpgradeR21); raw != nil {
		var old upgradeState
		if json.Unmarshal(raw, &old) == nil && old.Store == storeVersion {
			carried = old.Back
		}
		if err := meta.Delete(metaUpgradeR21); err != nil {
			return nil, err
		}
	}
	if raw := meta.Get(metaUpgrade); raw != nil {
		st, err := readUpgrade(tx)
		if err == nil && marked && st.resumable(tx) {
			return st, nil
		}
		if err == nil && st.Store == storeVersion {
			carried = append(carried, st.Back...)
		}
		if err := meta.Delete(metaUpgrade); err != nil {
			return nil, err
		}
	}
	switch was {
	case "2", "3", "4", "5", "6", strconv.Itoa(storeVersion):
	default: // format 1 (no graph, nothing to renumber) or one checkVersion refuses
		return nil, s.upgradeOnce(tx, c, was, p)
	}
	// Marked: an upgrade was under way, perhaps past the swap (the graph
	// stamped current, its records not all touched): begun again whatever
	// the stamp says.
	if !marked && graph.Current(tx) {
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
	if err := graph.BeginStage(tx); err != nil {
		return nil, fmt.Errorf("build citation graph: %w", err)
	}
	if err := meta.Put([]byte("version"), []byte(upgradingFormat(was))); err != nil {
		return nil, err
	}
	st := &upgradeState{Graph: graph.Version, Store: storeVersion, Pass: passGraph, Back: back}
	return st, st.put(tx)
}

// graphStep is one batch of the graph's build into the staging bucket:
// the batch records after st.After in ID order (a gone one has no
// entries). The batch that finds no record left swaps the staged graph
// in, stamps it, and begins the renumbering (st's pass passTouchSeqs, its
// end the last sequence now).
func graphStep(tx *bolt.Tx, c *recordCodec, st *upgradeState, batch int, p *pass) error {
	g, err := graph.Staged(tx, c)
	if err != nil {
		return err
	}
	total := p.records(tx)
	t := graph.NewTally()
	cur := tx.Bucket(bucketDocs).Cursor()
	k, raw := seekAfter(cur, st.After)
	n := 0
	for ; k != nil && n < batch; k, raw = cur.Next() {
		if err := p.at(StepGraph, st.Done, total); err != nil {
			return err
		}
		var d Document
		if err := c.decode(raw, &d); err != nil {
			return fmt.Errorf("decode %s: %w", k, err)
		}
		if err := putGraph(g, c, &d, nil, t, nil); err != nil {
			return err
		}
		st.After = string(k)
		n++
		if st.Done++; st.Done%rebuildFlush == 0 {
			if err := g.Flush(t); err != nil {
				return err
			}
		}
	}
	if n > 0 {
		// The swap is the next transaction's, which writes nothing into
		// the staged graph: bbolt's MoveBucket moves a bucket as its
		// parent last stored it, so this transaction's writes into it
		// would be lost (graph.Swap).
		return g.Flush(t)
	}
	p.end(StepGraph, st.Done, total)
	if err := graph.Swap(tx); err != nil {
		return err
	}
	if err := graph.Stamp(tx); err != nil {
		return err
	}
	next := newTouchState(tx)
	next.Back = st.Back
	*st = *next
	return nil
}

// upgradeBatch is one transaction of an upgrade in batches after the
// first: a batch of the graph's build (the last one swaps it in), of the
// renumbering, of the task table's marks (the first drops the table, the
// last stamps it) or of a format 2–5 store's URL moves, st written back;
// the last batch is the last transaction (finishUpgrade). It reports
// whether the upgrade is done.
func (s *Store) upgradeBatch(tx *bolt.Tx, c *recordCodec, st *upgradeState, batch int, p *pass) (bool, error) {
	switch st.Pass {
	case passGraph:
		if err := graphStep(tx, c, st, batch, p); err != nil {
			return false, fmt.Errorf("build citation graph: %w", err)
		}
		return false, st.put(tx)
	case passTouchSeqs, passTouchIDs:
		if err := touchStep(tx, c, st, batch, p); err != nil {
			return false, fmt.Errorf("citation graph rebuilt: %w", err)
		}
		return false, st.put(tx)
	}
	if st.Pass == passFinish { // the renumbering done: the marks begin
		if err := beginRemark(tx); err != nil {
			return false, fmt.Errorf("mark tasks stale: %w", err)
		}
		st.Pass, st.After, st.Done = passTasks, "", 0
	}
	meta := tx.Bucket(bucketMeta)
	was := plainFormat(string(meta.Get([]byte("version"))))
	if st.Pass == passTasks {
		last, err := remarkStep(tx, c, st, batch, p)
		if err != nil {
			return false, fmt.Errorf("mark tasks stale: %w", err)
		}
		if !last {
			return false, st.put(tx)
		}
		if err := tasktable.Stamp(tx); err != nil {
			return false, err
		}
		if !urlMoves(was) {
			return true, s.finishUpgrade(tx, c, st, was)
		}
		// formats 2–5 → 6: the URL moves next (their writes mark the
		// tasks they change in the table, stamped and whole)
		st.Pass, st.After, st.Done, st.Found = passURLScan, "", 0, 0
		return false, st.put(tx)
	}
	switch st.Pass {
	case passURLScan, passURLMove, passURLChildren:
		last, err := s.urlStep(tx, c, st, batch, p)
		if err != nil {
			return false, fmt.Errorf("move documents to their canonical URLs' IDs: %w", err)
		}
		if !last {
			return false, st.put(tx)
		}
		return true, s.finishUpgrade(tx, c, st, was)
	}
	return false, fmt.Errorf("upgrade: no pass %q", st.Pass)
}

// finishUpgrade is the last transaction's end of an upgrade in batches
// from format was, after the task marks (and a format 2–5 store's URL
// moves): the graph's stamp, the format's version, format 6's retired
// imports brought back, the progress record deleted.
func (s *Store) finishUpgrade(tx *bolt.Tx, c *recordCodec, st *upgradeState, was string) error {
	meta := tx.Bucket(bucketMeta)
	if err := graph.Stamp(tx); err != nil {
		return err
	}
	if err := meta.Put([]byte("version"), []byte(strconv.Itoa(storeVersion))); err != nil {
		return err
	}
	if was == "6" { // → 7: the imported records 6 retired beside another text (urlids.go)
		back := make([]*Document, 0, len(st.Back))
		for _, id := range st.Back {
			d, err := decodeStored(tx.Bucket(bucketDocs), c, id)
			if err != nil {
				return fmt.Errorf("restore retired imported records: %w", err)
			}
			back = append(back, d)
		}
		if _, err := s.restoreImports(tx, c, back); err != nil {
			return fmt.Errorf("restore retired imported records: %w", err)
		}
	}
	return meta.Delete(metaUpgrade)
}

// upgradingPrefix joins the format an upgrade in batches began from to the
// rest of the upgrading mark.
const upgradingPrefix = " upgrading to format "

// upgradingFormat is the meta "version" of a store of format was while an
// upgrade in batches to this binary's format and graph.Version is under
// way. It is no format number: an older binary refuses the store
// (checkVersion: "has store format %q, this binary reads N") before it
// reads a record or the half-built graph, and says why in its message.
func upgradingFormat(was string) string {
	return fmt.Sprintf("%s%s%d, graph %d (half done: open it read-write with the vanban that began it)", was, upgradingPrefix, storeVersion, graph.Version)
}

// upgrading is an upgrading mark read back: the format the upgrade began
// from and the format and graph.Version it upgrades to.
type upgrading struct {
	was          string
	store, graph int
}

// parseUpgrading reads an upgrading mark from a meta "version" (false:
// none, a plain format).
func parseUpgrading(v string) (upgrading, bool) {
	was, rest, ok := strings.Cut(v, upgradingPrefix)
	if !ok {
		return upgrading{}, false
	}
	var m upgrading
	if _, err := fmt.Sscanf(rest, "%d, graph %d", &m.store, &m.graph); err != nil {
		return upgrading{}, false
	}
	m.was = was
	return m, true
}

// ours reports whether the mark is of an upgrade this binary makes.
func (m upgrading) ours() bool { return m.store == storeVersion && m.graph == graph.Version }

// newer reports whether the mark is of an upgrade to a format or graph
// this binary does not know: it neither reads nor writes the store.
func (m upgrading) newer() bool { return m.store > storeVersion || m.graph > graph.Version }

// refusal is the error of an open of a store a newer binary is upgrading
// (this binary reads neither its half-built graph nor its records).
func (m upgrading) refusal(path string) error {
	return fmt.Errorf("corpus: %s is half-way through an upgrade to store format %d, graph %d, that a newer vanban began (this one reads format %d, graph %d): open it read-write with a vanban of that format and graph to finish it", path, m.store, m.graph, storeVersion, graph.Version)
}

// plainFormat is the format a meta "version" names: an upgrading mark's
// format before the upgrade, or v itself.
func plainFormat(v string) string {
	if m, ok := parseUpgrading(v); ok {
		return m.was
	}
	return v
}
