package corpus

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

func keysOf(refs []graph.ResolvedRef) map[string][]string {
	m := map[string][]string{}
	for _, r := range refs {
		m[r.LookupKey] = r.DocIDs
	}
	return m
}

func checkGraph(t *testing.T, s *Store, refs map[string]map[string][]string, citedBy, byNumber map[string][]string) {
	t.Helper()
	for id, want := range refs {
		got, err := s.Refs(id)
		if err != nil {
			t.Fatal(err)
		}
		if g := keysOf(got); !reflect.DeepEqual(g, want) {
			t.Errorf("Refs(%s) = %v, want %v", id, g, want)
		}
	}
	for key, want := range citedBy {
		if got, _ := s.CitedBy(key); !reflect.DeepEqual(got, want) {
			t.Errorf("CitedBy(%s) = %v, want %v", key, got, want)
		}
	}
	for key, want := range byNumber {
		if got, _ := s.ByNumber(key); !reflect.DeepEqual(got, want) {
			t.Errorf("ByNumber(%s) = %v, want %v", key, got, want)
		}
	}
}

func TestGraphKeptCurrent(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	// The plan arrives before the resolution it cites.
	for _, i := range []int{1, 2, 0} {
		if _, err := s.Put(graphDocs[i]); err != nil {
			t.Fatal(err)
		}
	}
	checkGraph(t, s,
		map[string]map[string][]string{
			"r1": {"24-nq/tw": nil},
			"p1": {"154/nq-cp": {"r1"}, "24-nq/tw": nil}, // own number left out
			"n1": {"236/kh-ubnd": {"p1"}},
			"zz": {},
		},
		map[string][]string{"154/NQ-CP": {"p1"}, "24-NQ/TW": {"p1", "r1"}, "236/kh-ubnd": {"n1"}, "nonsense": nil},
		map[string][]string{"Số 154/NQ–CP": {"r1"}, "236/KH-UBND": {"p1"}, "24-NQ/TW": nil},
	)

	// A new version of the plan no longer cites 24-NQ/TW.
	p := *graphDocs[1]
	p.Body = "Cụ thể hóa Nghị quyết số 154/NQ-CP."
	if c, err := s.Put(&p); err != nil || c != Changed {
		t.Fatalf("Put = %v, %v", c, err)
	}
	checkGraph(t, s, map[string]map[string][]string{"p1": {"154/nq-cp": {"r1"}}},
		map[string][]string{"24-NQ/TW": {"r1"}}, nil)

	// A gone resolution no longer resolves nor cites.
	if _, err := s.MarkGone("r1"); err != nil {
		t.Fatal(err)
	}
	checkGraph(t, s, map[string]map[string][]string{"p1": {"154/nq-cp": nil}, "r1": {}},
		map[string][]string{"24-NQ/TW": nil}, map[string][]string{"154/NQ-CP": nil})

	// It comes back.
	if c, err := s.Put(graphDocs[0]); err != nil || c != New {
		t.Fatalf("Put = %v, %v", c, err)
	}
	checkGraph(t, s, map[string]map[string][]string{"p1": {"154/nq-cp": {"r1"}}}, nil,
		map[string][]string{"154/NQ-CP": {"r1"}})
}

func TestDocRefsMergesMentions(t *testing.T) {
	d := &Document{Number: "45/KH-UBND", Title: "Kế hoạch số 45/KH-UBND triển khai Nghị quyết số 57-NQ/TW",
		Body: "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Kế hoạch số 45/KH-UBND."}
	refs := DocRefs(d)
	if len(refs) != 1 || refs[0].Key != "57-NQ/TW" || refs[0].Date != "2024-12-22" || refs[0].Year != 2024 {
		t.Errorf("DocRefs = %+v, want one 57-NQ/TW dated 2024-12-22", refs)
	}
}

// writeV1Store builds a version 1 store (no graph buckets) the way the
// version 1 binary wrote it: meta, docs, seq and kv only.
func writeV1Store(t *testing.T, dir string, docs []*Document) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, "store.db"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		bs := map[string]*bolt.Bucket{}
		for _, name := range []string{"meta", "docs", "seq", "kv"} {
			b, err := tx.CreateBucket([]byte(name))
			if err != nil {
				return err
			}
			bs[name] = b
		}
		for i, d := range docs {
			d := *d
			d.Seq = uint64(i + 1)
			d.Hash = d.contentHash()
			raw, _ := json.Marshal(&d)
			bs["docs"].Put([]byte(d.ID), raw)
			bs["seq"].Put(seqKey(d.Seq), []byte(d.ID))
		}
		bs["meta"].Put([]byte("seq"), seqKey(uint64(len(docs))))
		return bs["meta"].Put([]byte("version"), []byte("1"))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStoreUpgradeV1(t *testing.T) {
	dir := t.TempDir()
	writeV1Store(t, dir, graphDocs)
	if _, err := OpenStore(dir, true, time.Second); err == nil {
		t.Error("read-only open of a version 1 store succeeded; it cannot serve a graph")
	}
	s := openTestStore(t, dir)
	checkGraph(t, s, map[string]map[string][]string{"p1": {"154/nq-cp": {"r1"}, "24-nq/tw": nil}},
		map[string][]string{"154/NQ-CP": {"p1"}}, map[string][]string{"236/KH-UBND": {"p1"}})
	if seq, _ := s.LastSeq(); seq != uint64(len(graphDocs)) {
		t.Errorf("LastSeq after upgrade = %d, want %d (an upgrade is not a change)", seq, len(graphDocs))
	}
	s.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v, g := string(meta.Get([]byte("version"))), string(meta.Get([]byte("graph"))); v != strconv.Itoa(storeVersion) || g != strconv.Itoa(graph.Version) {
			t.Errorf("after upgrade version %q graph %q, want %d %d", v, g, storeVersion, graph.Version)
		}
		return nil
	})
}

func TestGraphRebuiltOnVersionChange(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	for _, d := range graphDocs {
		s.Put(d)
	}
	// An older graph: stale entries and another graph version.
	s.db.Update(func(tx *bolt.Tx) error {
		tx.Bucket(graphByKey).Put([]byte("999/qd-ttg\x00p1"), nil)
		return tx.Bucket(bucketMeta).Put([]byte("graph"), []byte("0"))
	})
	s.Close()
	s = openTestStore(t, dir)
	checkGraph(t, s, nil, map[string][]string{"999/QĐ-TTg": nil, "154/NQ-CP": {"p1"}}, nil)
}

// TestGraphRebuildTouchesLive: a rebuild on open moves every live document
// to a new sequence, so that an index reads its effect span again (the old
// graph's spans were computed by another binary's rules), in the order
// they were written (the upgrades read it); a gone one stays, and an open
// that rebuilds nothing moves nothing.
func TestGraphRebuildTouchesLive(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	for _, d := range graphDocs {
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	gone := graphDocs[0].ID
	if _, err := s.MarkGone(gone); err != nil {
		t.Fatal(err)
	}
	before, _ := s.LastSeq()
	s.Close()
	s = openTestStore(t, dir)
	if seq, _ := s.LastSeq(); seq != before {
		t.Errorf("an open of a current graph moved the sequence %d → %d", before, seq)
	}
	s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte("graph"), []byte(strconv.Itoa(graph.Version-1)))
	})
	s.Close()
	s = openTestStore(t, dir)
	ids, err := s.SeqIDs(before, before+uint64(len(graphDocs)))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, d := range graphDocs[1:] {
		want = append(want, d.ID)
	}
	if slices.IsSorted(want) {
		t.Fatalf("test premise: the documents are written in another order than their IDs': %v", want)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("after the rebuild changed: %v, want every live document in the order written %v", ids, want)
	}
	if seq, _ := s.LastSeq(); seq != before+uint64(len(want)) {
		t.Errorf("LastSeq after the rebuild %d, want %d", seq, before+uint64(len(want)))
	}
}
