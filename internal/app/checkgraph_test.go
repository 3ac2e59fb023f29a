package app

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/graph"
	bolt "go.etcd.io/bbolt"
)

// TestCheckStaleGraph: `vanban check` says when the index's effect spans
// may be stale — a store whose graph another version built (served as it
// is by read-only commands), then, once a read-write open rebuilt it, the
// documents it moved to new sequences as changes the index lacks — and is
// quiet after `vanban index`.
func TestCheckStaleGraph(t *testing.T) {
	data := t.TempDir()
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 20)}}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	db, err := bolt.Open(filepath.Join(data, "store.db"), 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("graph"), []byte(strconv.Itoa(graph.Version-1)))
	})
	if cerr := db.Close(); err != nil || cerr != nil {
		t.Fatal(err, cerr)
	}
	stdout, _, err := call(t, data, RunCheck, CheckOptions{})
	if err != nil || !strings.Contains(stdout, graphStale) || !strings.Contains(stdout, "up to date") {
		t.Errorf("check of an older graph: %v\n%s", err, stdout)
	}
	s, err := corpus.OpenStore(data, false, time.Second) // rebuilds the graph
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	stdout, _, err = call(t, data, RunCheck, CheckOptions{})
	if err != nil || strings.Contains(stdout, graphStale) || !strings.Contains(stdout, "20 changes behind the store") {
		t.Errorf("check after the rebuild: %v\n%s", err, stdout)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v: %s", err, stderr)
	}
	stdout, _, err = call(t, data, RunCheck, CheckOptions{})
	if err != nil || strings.Contains(stdout, graphStale) || !strings.Contains(stdout, "up to date") {
		t.Errorf("check after index: %v\n%s", err, stdout)
	}
}

// TestCheckHalfUpgraded: `vanban check` on a store a real upgrade in
// batches left half done (a read-write open of a store whose graph an
// older version built, cancelled after the swap, then after the
// renumbering) is sound but not "ok" alone: it names the upgrade under
// way — from and to which format, the step reached, how far, what to run
// — in text and JSON; after `vanban index` finishes it, check says plain
// "ok" again (i29-upgrade).
func TestCheckHalfUpgraded(t *testing.T) {
	data := t.TempDir()
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 20)}}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	setGraphVersion(t, data, graph.Version-1)
	format := ""
	for _, tc := range []struct {
		name, stop string // stop: the step whose end cancels the upgrade
		want       string
		json       corpus.UpgradeUnderWay
	}{
		{"after the swap", corpus.StepGraph, "step 2 of 3, " + corpus.StepTouch + ", 0 of 20 records done",
			corpus.UpgradeUnderWay{Step: corpus.StepTouch, StepNo: 2, Steps: 3, Of: 20}},
		{"after the renumbering", corpus.StepTouch, "step 3 of 3, " + corpus.StepTasks + ", 0 of 20 records done",
			corpus.UpgradeUnderWay{Step: corpus.StepTasks, StepNo: 3, Steps: 3, Of: 20}},
	} {
		ctx, cancel := context.WithCancel(t.Context())
		_, err := corpus.Open(ctx, data, corpus.OpenOptions{Progress: func(p corpus.Progress) {
			if p.Step == tc.stop && p.Done == p.Total { // its end: the transaction commits, the next is not begun
				cancel()
			}
		}})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("%s: the upgrade was not stopped: %v", tc.name, err)
		}
		stdout, _, err := call(t, data, RunCheck, CheckOptions{})
		if err != nil || !strings.Contains(stdout, ": ok, but half-way through an upgrade\n") ||
			!strings.Contains(stdout, "graph "+strconv.Itoa(graph.Version)+" is under way") || !strings.Contains(stdout, tc.want) ||
			!strings.Contains(stdout, "`vanban index`") || !strings.Contains(stdout, graphHalf) {
			t.Errorf("check %s: %v\n%s\nwant the store sound, half-way through an upgrade, %q, what to run", tc.name, err, stdout, tc.want)
		}
		stdout, _, err = call(t, data, RunCheck, CheckOptions{JSON: true})
		var rep struct {
			Store corpus.CheckReport `json:"store"`
		}
		if err != nil || json.Unmarshal([]byte(stdout), &rep) != nil || rep.Store.Upgrade == nil {
			t.Fatalf("check --json %s: %v\n%s", tc.name, err, stdout)
		}
		u := *rep.Store.Upgrade
		if format == "" {
			format = u.From
		}
		if u.From != format || u.Format == 0 || u.Graph != graph.Version || u.Run == "" {
			t.Errorf("check --json %s: %+v, want from format %s to this binary's format and graph, what to run", tc.name, u, format)
		}
		u.From, u.Format, u.Graph, u.Run = "", 0, 0, ""
		if u != tc.json {
			t.Errorf("check --json %s: %+v, want %+v", tc.name, u, tc.json)
		}
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v: %s", err, stderr)
	}
	stdout, _, err := call(t, data, RunCheck, CheckOptions{})
	if err != nil || !strings.Contains(stdout, ": ok\n") || strings.Contains(stdout, "upgrade") {
		t.Errorf("check after index finished the upgrade: %v\n%s", err, stdout)
	}
}
