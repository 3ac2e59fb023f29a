package app

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestStatusHistoryUnreadable: one nightly history record that does not
// parse (a value no checksum guards, which salvage copies as it is and
// the history keeps for historyKeep more runs) made `vanban status` fail
// with a bare JSON error naming no record, hiding every readable run and
// what status says besides, and `vanban stats` likewise. Now status lists
// the readable runs and the unreadable record by its key; stats answers
// when a readable run is the newest, and names the record when the
// unreadable one is (the last crawl is not known).
func TestStatusHistoryUnreadable(t *testing.T) {
	data := t.TempDir()
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 3)}}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	put := func(key string, v []byte) {
		t.Helper()
		store, err := corpus.Open(context.Background(), data, corpus.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		if err := store.PutKV(nsHistory, key, v); err != nil {
			t.Fatal(err)
		}
	}
	run := func(started time.Time) []byte {
		r := nightlyReport{crawlReport: crawlReport{Started: started, Finished: started.Add(40 * time.Minute)}, Indexed: 7}
		b, err := json.Marshal(&r)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	older := time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC)
	put(older.Format(time.RFC3339Nano), run(older))
	bad := "2026-12-06T02:00:00Z"
	put(bad, []byte(`{"started":"2026-12-06T02:00:00Z","finished":`))

	out, stderr, err := call(t, data, RunStatus, StatusOptions{N: 10})
	if err != nil {
		t.Fatalf("status: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "indexed 7") || !strings.Contains(out, bad) || !strings.Contains(out, "unreadable") {
		t.Errorf("status lists neither the readable run nor the unreadable record %s:\n%s", bad, out)
	}
	if _, _, err := call(t, data, RunStats, StatsOptions{}); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("stats, the newest record unreadable: %v, want an error naming %s", err, bad)
	}
	newer := time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC)
	put(newer.Format(time.RFC3339Nano), run(newer))
	out, stderr, err = call(t, data, RunStats, StatsOptions{JSON: true})
	var st stats
	if jerr := json.Unmarshal([]byte(out), &st); err != nil || jerr != nil || st.LastCrawl == nil || !st.LastCrawl.Equal(newer.Add(40*time.Minute)) {
		t.Errorf("stats, a readable run the newest: %v, %v, last crawl %v\n%s%s", err, jerr, st.LastCrawl, out, stderr)
	}
}
