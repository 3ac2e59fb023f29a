package app

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

// TestDemoPublishesAddress: `vanban demo` holds its data directory as
// `vanban serve` does, but published no address, so the read commands
// beside it reported the directory held. It publishes DATA/serve.json as
// serve does, the commands ask it, and the file goes on shutdown.
func TestDemoPublishesAddress(t *testing.T) {
	data := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- RunDemo(ctx, &Env{Data: data, Stdout: &out, Stderr: &errb}, DemoOptions{Addr: "127.0.0.1:0", NoOCR: true})
	}()
	waitFor(t, "the demo to serve", func() bool {
		select {
		case err := <-done:
			t.Fatalf("demo stopped: %v: %s", err, errb.String())
		default:
		}
		return strings.Contains(out.String(), "serving on http://") // printed once the address is published
	})
	if _, err := os.Stat(serveFilePath(data)); err != nil {
		t.Errorf("the demo serves without publishing its address: %v", err)
	}
	stdout, stderr, err := call(t, data, RunSearch, SearchOptions{Query: "nghị quyết", Limit: 3})
	if err != nil || !strings.Contains(stdout, "1. ") {
		t.Errorf("search beside the demo: %v %s; printed %q", err, stderr, stdout)
	}
	if _, _, err := call(t, data, RunTasks, TasksOptions{}); err != nil {
		t.Errorf("tasks beside the demo: %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("demo: %v", err)
	}
	if _, err := os.Stat(serveFilePath(data)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the address file outlives the demo: %v", err)
	}
}
