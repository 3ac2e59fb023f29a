package corpus

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/graph"
)

// TestCheckUpgradeRecordNotBorneOut: `vanban check` says what the next
// read-write open does with this binary's upgrading mark and a progress
// record of this graph and format: goes on from it when the store bears
// it out (resumable), begins again when it does not — a build whose
// staging graph is gone, a renumbering whose end is past the store's last
// sequence, marks whose record to bring back is not stored. Before,
// check read only the record's graph, format and pass and told a person
// the open would go on from a record Open drops (i29-rev-upgrade).
func TestCheckUpgradeRecordNotBorneOut(t *testing.T) {
	src := t.TempDir()
	upgradeSource(t, src)
	raw, err := os.ReadFile(storeFile(src))
	if err != nil {
		t.Fatal(err)
	}
	ours := func(st upgradeState) []byte {
		st.Graph, st.Store = graph.Version, storeVersion
		raw, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	const goesOn, again = "goes on from there", "begins it again"
	for _, tc := range []struct {
		name   string
		record []byte
		want   string
	}{
		{"the build, its staging graph gone", ours(upgradeState{Pass: passGraph, Done: 500}), again},
		{"the renumbering, end past the last sequence", ours(upgradeState{Pass: passTouchSeqs, End: 1 << 40, Records: 2003}), again},
		{"the renumbering by ID, end past", ours(upgradeState{Pass: passTouchIDs, End: 1 << 40, Records: 2003}), again},
		{"the marks, a record to bring back not stored", ours(upgradeState{Pass: passTasks, After: "a", Done: 3, Back: []string{"khong-co-van-ban-nay"}}), again},
		{"the marks, borne out", ours(upgradeState{Pass: passTasks, After: "a", Done: 3}), goesOn},
		{"the renumbering ended, borne out", ours(upgradeState{Pass: passFinish, Done: 2003, Records: 2003}), goesOn},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(storeFile(dir), raw, 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := bolt.Open(storeFile(dir), 0o644, nil)
			if err != nil {
				t.Fatal(err)
			}
			var borne bool
			err = db.Update(func(tx *bolt.Tx) error {
				meta := tx.Bucket(bucketMeta)
				if err := meta.Put([]byte("version"), []byte(upgradingFormat("6"))); err != nil {
					return err
				}
				if err := meta.Put(metaUpgrade, tc.record); err != nil {
					return err
				}
				st, err := readUpgrade(tx)
				borne = err == nil && st.resumable(tx) // what Open decides
				return err
			})
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			if borne != (tc.want == goesOn) {
				t.Fatalf("premise: resumable %v, want the open to %s", borne, tc.want)
			}
			rep, err := CheckStore(t.Context(), dir)
			if err != nil || !rep.OK() || rep.Upgrade == nil {
				t.Fatalf("check: %v, %+v; want sound, an upgrade under way", err, rep)
			}
			if s := rep.Upgrade.String(); !strings.Contains(s, tc.want) {
				t.Errorf("check says %q\nwant it to say the next read-write open %s", s, tc.want)
			}
		})
	}
}
