package corpus

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/graph"
)

// TestUpgradeUnderWay: what `vanban check` says of each upgrading mark
// and progress record a half-upgraded store may hold — this binary's at
// each pass (the step, how far, that a read-write command goes on), this
// binary's mark without a record it goes on from (begun again), an older
// binary's (begun again), a newer one's (neither read nor written) — and
// nothing of a store without a mark.
func TestUpgradeUnderWay(t *testing.T) {
	rec := func(st upgradeState) []byte {
		raw, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	ours := upgradingFormat("6")
	mark := func(store, g int) string {
		return fmt.Sprintf("6%s%d, graph %d (half done: open it read-write with the vanban that began it)", upgradingPrefix, store, g)
	}
	cur := upgradeState{Graph: graph.Version, Store: storeVersion}
	at := func(pass string, done, records int) upgradeState {
		st := cur
		st.Pass, st.Done, st.Records = pass, done, records
		return st
	}
	for _, tc := range []struct {
		name     string
		version  string
		record   []byte
		want     string // in String(); "" with nil: no upgrade
		nilWant  bool
		notBorne bool // the store does not bear the record out (resumable false)
	}{
		{"no mark", "7", nil, "", true, false},
		{"no mark, a record", "7", rec(at(passTouchSeqs, 10, 100)), "", true, false},
		{"the build", ours, rec(at(passGraph, 1024, 0)), "step 1 of 3, rebuild citation graph, 1024 of 3000 records done; a read-write command of this vanban (such as `vanban index`) goes on", false, false},
		{"the renumbering by sequence", ours, rec(at(passTouchSeqs, 2048, 2990)), "step 2 of 3, renumber live documents, 2048 of 2990 records done", false, false},
		{"the renumbering by ID", ours, rec(at(passTouchIDs, 2990, 2990)), "step 2 of 3, renumber live documents, 2990 of 2990 records done", false, false},
		{"the renumbering ended", ours, rec(at(passFinish, 2990, 2990)), "step 3 of 3, mark tasks stale, 0 of 3000 records done", false, false},
		{"the task marks", ours, rec(at(passTasks, 1000, 2990)), "step 3 of 3, mark tasks stale, 1000 of 3000 records done", false, false},
		{"from format 6, no URL moves", ours, rec(at(passTasks, 1000, 2990)), "step 3 of 3,", false, false},
		{"from format 5: the marks", upgradingFormat("5"), rec(at(passTasks, 1000, 2990)), "step 3 of 4, mark tasks stale, 1000 of 3000 records done", false, false},
		{"from format 5: the walk for URL moves", upgradingFormat("5"), rec(at(passURLScan, 1500, 2990)), "step 4 of 4, move tracking-URL documents, 1500 of 3000 records done; a read-write command of this vanban (such as `vanban index`) goes on", false, false},
		{"from format 3: the moves", upgradingFormat("3"), rec(upgradeState{Graph: graph.Version, Store: storeVersion, Pass: passURLMove, Moves: []string{"a", "b", "c"}, Moving: 2}), "step 4 of 4, move tracking-URL documents, 2 of 3 records done", false, false},
		{"from format 5: the files' walk", upgradingFormat("5"), rec(at(passURLChildren, 200, 2990)), "step 4 of 4, move tracking-URL documents, 200 of 3000 records done", false, false},
		{"from format 5: the moves, not borne out", upgradingFormat("5"), rec(at(passURLMove, 0, 2990)), "its progress record (move URLs) does not match the store", false, true},
		{"no record", ours, nil, "no progress record this vanban goes on from: a read-write command (such as `vanban index`) begins it again", false, false},
		{"a record not JSON", ours, []byte("{"), "no progress record this vanban goes on from", false, false},
		{"another graph's record", ours, rec(upgradeState{Graph: graph.Version - 1, Store: storeVersion, Pass: passTasks}), "no progress record this vanban goes on from", false, false},
		{"an unknown pass", ours, rec(at("compact", 5, 5)), `names a pass this vanban does not know ("compact")`, false, true},
		{"the marks, not borne out", ours, rec(at(passTasks, 1000, 2990)), "its progress record (mark tasks) does not match the store (a staging graph, sequence or record it names is not there): a read-write command (such as `vanban index`) begins it again", false, true},
		{"the build, not borne out", ours, rec(at(passGraph, 1024, 0)), "is under way; its progress record (build graph) does not match the store", false, true},
		{"an older binary's mark", mark(storeVersion, graph.Version-1), rec(at(passTasks, 5, 5)), "an older vanban began it: a read-write command of this one", false, false},
		{"a newer graph's mark", mark(storeVersion, graph.Version+1), nil, fmt.Sprintf("a newer vanban (store format %d, graph %d) began it: this one neither reads nor writes the store", storeVersion, graph.Version+1), false, false},
		{"a newer format's mark", mark(storeVersion+1, graph.Version), nil, "a newer vanban", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := upgradeUnderWay(tc.version, tc.record, 3000, !tc.notBorne)
			if tc.nilWant {
				if u != nil {
					t.Errorf("%+v, want no upgrade", u)
				}
				return
			}
			if u == nil {
				t.Fatal("no upgrade, want one")
			}
			if s := u.String(); !strings.Contains(s, tc.want) || !strings.HasPrefix(s, "an upgrade from store format "+plainFormat(tc.version)+" to format ") {
				t.Errorf("%q\nwant it to begin with the formats and hold %q", s, tc.want)
			}
		})
	}
}
