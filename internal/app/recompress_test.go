package app

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestRecompress: `vanban store recompress` on a store below the size at
// which a store trains its record dictionary by itself trains one and
// rewrites every record; the store checks clean and serves the same
// documents, and the index stays up to date (no document changed).
func TestRecompress(t *testing.T) {
	data := t.TempDir()
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 300)}}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	stdout, stderr, err := call(t, data, RunRecompress, RecompressOptions{})
	if err != nil || !strings.Contains(stdout, "rewrote 300 records") {
		t.Fatalf("recompress: %v, %q %s", err, stdout, stderr)
	}
	stdout, _, err = call(t, data, RunRecompress, RecompressOptions{JSON: true})
	var rep struct {
		Rewritten int `json:"rewritten"`
		Dropped   int `json:"dropped_dicts"`
	}
	if err != nil || json.Unmarshal([]byte(stdout), &rep) != nil || rep.Rewritten != 300 || rep.Dropped != 1 {
		t.Errorf("second recompress: %v, %s", err, stdout)
	}
	if stdout, _, err := call(t, data, RunCheck, CheckOptions{}); err != nil || !strings.Contains(stdout, "up to date") {
		t.Errorf("check after recompress: %v\n%s", err, stdout)
	}
	stdout, _, err = call(t, data, RunStats, StatsOptions{JSON: true})
	var st stats
	if err != nil || json.Unmarshal([]byte(stdout), &st) != nil || st.Stored != 300 || st.Documents != 300 {
		t.Errorf("stats after recompress: %v %s", err, stdout)
	}
}
