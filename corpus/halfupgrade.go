package corpus

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// HalfUpgraded reports whether an upgrade in batches was left half done:
// the store's meta "version" holds an upgrading mark (upgradebatch.go), so
// GraphCurrent calls its graph stale whoever built it (this binary may
// have swapped it in before the records were all touched), and a
// read-write open finishes the upgrade. Read commands and `vanban check`
// say so rather than that another version built the graph.
func (s *Store) HalfUpgraded() (bool, error) {
	var half bool
	err := s.db.View(func(tx *bolt.Tx) error {
		_, half = parseUpgrading(string(tx.Bucket(bucketMeta).Get([]byte("version"))))
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("corpus: upgrade mark: %w", err)
	}
	return half, nil
}

// UpgradeUnderWay is what `vanban check` says of an upgrade in batches
// left half done (CheckReport.Upgrade): from and to which format and
// graph, which step it had reached and how far, and what to run.
type UpgradeUnderWay struct {
	From   string `json:"from"`   // the store format it began from
	Format int    `json:"format"` // the store format it upgrades to
	Graph  int    `json:"graph"`  // the graph.Version it builds
	// Step is the step reached (StepGraph, StepTouch, StepTasks), empty
	// when the store holds no progress record this binary goes on from;
	// StepNo is its place among the Steps.
	Step   string `json:"step,omitempty"`
	StepNo int    `json:"step_no,omitempty"`
	Steps  int    `json:"steps"`
	Done   int    `json:"done"`            // records the step has read
	Of     int    `json:"of,omitempty"`    // of how many
	Run    string `json:"run"`             // what finishes it
	Newer  bool   `json:"newer,omitempty"` // a newer binary's: this one neither reads nor writes it
}

// upgradeSteps are the steps of an upgrade in batches a progress record
// names, in order (upgradebatch.go); the last transaction, which ends the
// task marks (or the URL moves), is no step of its own. The URL moves
// are a step of an upgrade from formats 2–5 only (urlMoves).
var upgradeSteps = []string{StepGraph, StepTouch, StepTasks, StepURLIDs}

// upgradeUnderWay reads meta "version" and the progress record (nil: none)
// of a store of records records: nil when no upgrade in batches is under
// way. The one reading of a half-upgraded store's progress for a person.
// borne is whether the store bears the record out (resumable: the one
// rule Open goes on by; false, Open drops the record and begins again).
func upgradeUnderWay(version string, record []byte, records int, borne bool) *UpgradeUnderWay {
	m, ok := parseUpgrading(version)
	if !ok {
		return nil
	}
	u := &UpgradeUnderWay{From: m.was, Format: m.store, Graph: m.graph, Steps: len(upgradeSteps) - 1}
	if urlMoves(m.was) {
		u.Steps++
	}
	switch {
	case m.newer():
		u.Newer = true
		u.Run = fmt.Sprintf("a newer vanban (store format %d, graph %d) began it: this one neither reads nor writes the store; finish it with a vanban of that format and graph (a read-write command such as `vanban index`)", m.store, m.graph)
		return u
	case !m.ours():
		u.Run = "an older vanban began it: a read-write command of this one (such as `vanban index`) begins it again"
		return u
	}
	var st upgradeState
	if record == nil || json.Unmarshal(record, &st) != nil || st.Graph != graph.Version || st.Store != storeVersion {
		u.Run = "no progress record this vanban goes on from: a read-write command (such as `vanban index`) begins it again"
		return u
	}
	u.Done, u.Of = st.Done, records
	switch st.Pass {
	case passGraph:
		u.Step = StepGraph
	case passTouchSeqs, passTouchIDs:
		u.Step, u.Of = StepTouch, st.Records
	case passFinish:
		u.Step, u.Done = StepTasks, 0
	case passTasks:
		u.Step = StepTasks
	case passURLScan, passURLChildren: // a walk over the records, each
		u.Step = StepURLIDs
	case passURLMove:
		u.Step, u.Done, u.Of = StepURLIDs, st.Moving, len(st.Moves)
	default:
		u.Run = fmt.Sprintf("its progress record names a pass this vanban does not know (%q): a read-write command (such as `vanban index`) begins it again", st.Pass)
		return u
	}
	if !borne {
		u.Step, u.Done, u.Of = "", 0, 0
		u.Run = fmt.Sprintf("its progress record (%s) does not match the store (a staging graph, sequence or record it names is not there): a read-write command (such as `vanban index`) begins it again", st.Pass)
		return u
	}
	for i, s := range upgradeSteps {
		if s == u.Step {
			u.StepNo = i + 1
		}
	}
	u.Run = "a read-write command of this vanban (such as `vanban index`) goes on from there and finishes it"
	return u
}

// String is the upgrade as `vanban check` prints it.
func (u *UpgradeUnderWay) String() string {
	s := fmt.Sprintf("an upgrade from store format %s to format %d, graph %d, is under way", u.From, u.Format, u.Graph)
	if u.From == strconv.Itoa(u.Format) {
		s = fmt.Sprintf("an upgrade of store format %s to graph %d is under way", u.From, u.Graph)
	}
	if u.Step != "" {
		s += fmt.Sprintf(": step %d of %d, %s, %d of %d records done", u.StepNo, u.Steps, u.Step, u.Done, u.Of)
	}
	return s + "; " + u.Run
}
