package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/storetest"
)

// writeCorpus writes n JSON Lines documents of about 1.5 KB and returns
// the file.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	var b bytes.Buffer
	for i := range n {
		line, _ := json.Marshal(map[string]string{"_id": fmt.Sprintf("vb%04d", i),
			"title":  fmt.Sprintf("Quyết định số %d/QĐ-UBND về kế hoạch chuyển đổi số năm 2024", 100+i),
			"text":   strings.Repeat(fmt.Sprintf("Giao Sở Thông tin và Truyền thông chủ trì triển khai nhiệm vụ số %d của kế hoạch. ", i), 16),
			"number": fmt.Sprintf("%d/QĐ-UBND", 100+i), "published": "2024-05-20"})
		b.Write(append(line, '\n'))
	}
	file := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestDamagedStoreCommands: with a documents page of store.db overwritten,
// stats, refs and index --rebuild panicked in bbolt ("Page expected to
// be…") and ingest went on writing. Now each fails naming the file and
// what to do, ingest writes nothing, check lists the page, and salvage
// gives a working data directory back, listing the lost documents.
func TestDamagedStoreCommands(t *testing.T) {
	data := t.TempDir()
	file := writeCorpus(t, 300)
	// One batch, so that no freed page holds an old copy of a document.
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}, BatchBytes: 1 << 30}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	path := filepath.Join(data, "store.db")
	leaves := storetest.DocLeaves(t, path)
	damaged := leaves[len(leaves)/2]
	storetest.MisnamePage(t, path, damaged.ID)
	lostID := damaged.Keys()[0]

	isDamage := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, corpus.ErrDamaged) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "vanban store salvage") {
			t.Errorf("%s on a damaged store: %v, want an error naming %s and saying `vanban store salvage`", what, err, path)
		}
	}
	_, _, err := call(t, data, RunStats, StatsOptions{})
	isDamage("stats", err)
	_, _, err = call(t, data, RunRefs, RefsOptions{Arg: lostID})
	isDamage("refs "+lostID, err)
	_, _, err = call(t, data, RunIndex, IndexOptions{Rebuild: true})
	isDamage("index --rebuild", err)

	before, _ := os.ReadFile(path)
	_, _, err = call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 3)}, BatchBytes: 1 << 30})
	isDamage("ingest", err)
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("ingest wrote into the damaged store")
	}

	stdout, _, err := call(t, data, RunCheck, CheckOptions{})
	isDamage("check", err)
	if want := fmt.Sprintf("page %d: page identifies as %d", damaged.ID, damaged.ID+1000); !strings.Contains(stdout, want) || !strings.Contains(stdout, "DAMAGED") {
		t.Errorf("check printed %q, want the page (%q)", stdout, want)
	}

	stdout, stderr, err := call(t, data, RunSalvage, SalvageOptions{})
	if err != nil {
		t.Fatalf("salvage: %v: %s", err, stderr)
	}
	if !strings.Contains(stdout, "documents lost") || !strings.Contains(stdout, "  "+lostID+"\n") || !strings.Contains(stdout, "index rebuilt") {
		t.Errorf("salvage printed %q, want the lost documents (%s among them)", stdout, lostID)
	}
	if _, _, err := call(t, data, RunCheck, CheckOptions{}); err != nil {
		t.Errorf("check after salvage: %v", err)
	}
	stdout, _, err = call(t, data, RunStats, StatsOptions{JSON: true})
	var st stats
	if err != nil || json.Unmarshal([]byte(stdout), &st) != nil || st.Stored != 300-damaged.Count || st.Documents != uint64(st.Stored) {
		t.Errorf("stats after salvage: %v %s; want %d stored and indexed", err, stdout, 300-damaged.Count)
	}
	if _, _, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}, BatchBytes: 1 << 30}); err != nil {
		t.Errorf("ingest after salvage: %v", err)
	}
}

// TestSalvageReextracts: documents of a crawled store lost with a damaged
// page come back from the WARC archive when salvage is given the sites
// file.
func TestSalvageReextracts(t *testing.T) {
	data, cfg := demoPortal(t)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v: %s", err, stderr)
	}
	store, err := corpus.OpenStore(data, true, 0)
	if err != nil {
		t.Fatal(err)
	}
	live, _, _ := store.Count()
	var id string
	store.Changes(t.Context(), 0, func(d *corpus.Document) error {
		if id == "" && !d.Gone {
			id = d.ID
		}
		return nil
	})
	store.Close()
	path := filepath.Join(data, "store.db")
	for _, p := range storetest.DocLeavesOf(t, path, id) {
		storetest.MisnamePage(t, path, p.ID)
	}
	stdout, stderr, err := call(t, data, RunSalvage, SalvageOptions{Config: cfg})
	if err != nil {
		t.Fatalf("salvage: %v: %s", err, stderr)
	}
	if !strings.Contains(stdout, "  "+id+"\n") || !strings.Contains(stdout, "re-extracted now") {
		t.Errorf("salvage printed %q, want %s lost and re-extracted", stdout, id)
	}
	stdout, _, err = call(t, data, RunStats, StatsOptions{JSON: true})
	var st stats
	if err != nil || json.Unmarshal([]byte(stdout), &st) != nil || st.Stored != live || st.Documents != uint64(live) {
		t.Errorf("after salvage: %v %s; want all %d documents back, stored and indexed", err, stdout, live)
	}
}
