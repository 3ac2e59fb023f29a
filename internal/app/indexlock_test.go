package app

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/indexer"
)

// TestIndexOpenCancelled: a command waiting for the index another
// process holds (`vanban stats` beside a writer) stops when its ctx ends
// (Ctrl-C), with ctx's error — not after the whole lock wait, and not
// with the advice for a damaged index ("rebuild the index from the
// store"), which a cancel is not.
func TestIndexOpenCancelled(t *testing.T) {
	data := t.TempDir()
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{writeCorpus(t, 20)}}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	held, err := indexer.Open(indexer.DirFor(data), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	time.AfterFunc(150*time.Millisecond, cancel) // within the 2 s lock wait
	_, _, err = callCtx(ctx, data, RunStats, StatsOptions{})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrLocked) || strings.Contains(err.Error(), "damaged") {
		t.Errorf("stats cancelled while it waits for the index: %v; want context.Canceled, without the damage advice", err)
	}
}
