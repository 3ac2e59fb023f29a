package app

import (
	"context"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestStatsHistoryUnreadable: `vanban stats` over a store whose nightly
// history holds a record that does not parse says so (as `vanban status`
// does) instead of answering without a last crawl, as if none had run.
func TestStatsHistoryUnreadable(t *testing.T) {
	data := t.TempDir()
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 5)}}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	store, err := corpus.Open(context.Background(), data, corpus.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.PutKV(nsHistory, "2026-12-06T02:00:00Z", []byte(`{"started":"2026-12-06T02:00:00Z","finished":`)); err != nil {
		t.Fatal(err)
	}
	store.Close()
	for _, o := range []StatsOptions{{}, {JSON: true}} {
		out, _, err := call(t, data, RunStats, o)
		if err == nil || !strings.Contains(err.Error(), "nightly history") {
			t.Errorf("stats %+v: %v, want the history's error:\n%s", o, err, out)
		}
	}
}
