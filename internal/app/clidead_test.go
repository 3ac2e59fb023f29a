package app

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestCLIDeadFilesUnreadable: the commands' dead-file lookups (search
// hits, a page of tasks, the tasks CSV) over a store that cannot answer
// (here closed under them: bbolt's "database not open") never drop the
// error. A page of hits or tasks is answered without the marks and the
// error is logged naming what asked (as the web's pages do); a CSV
// export — a file kept and read later, where a blank plan_dead says the
// plan's file answers — fails with the error wrapped. An ended ctx is
// ctx's error in both.
func TestCLIDeadFilesUnreadable(t *testing.T) {
	store, err := corpus.OpenStore(t.TempDir(), false, 0)
	if err != nil {
		t.Fatal(err)
	}
	store.Close()
	urls := []string{"https://snn.example.gov.vn/files/ke-hoach-45.pdf"}

	var logs bytes.Buffer
	r := &reader{store: store, log: logger(&logs, false)}
	recs, err := cliDeadFiles(r, "search hits")(t.Context(), urls)
	if err != nil || len(recs) != 0 {
		t.Fatalf("page: %v, %v; want no marks and no error", recs, err)
	}
	var line struct{ Level, Msg, For, Err string }
	if err := json.Unmarshal(logs.Bytes(), &line); err != nil {
		t.Fatalf("no log line of the unreadable records (%q): %v", logs.String(), err)
	}
	if line.Level != "WARN" || line.For != "search hits" || !strings.Contains(line.Err, "ke-hoach-45.pdf") || !strings.Contains(line.Err, "not open") {
		t.Errorf("log line %+v", line)
	}

	_, err = exportDeadFiles(r)(t.Context(), urls)
	if err == nil || !strings.Contains(err.Error(), "plan_dead") || !strings.Contains(err.Error(), "not open") {
		t.Errorf("export: %v, want the error wrapped, naming the column", err)
	}

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	for _, f := range []corpus.DeadFilesFunc{cliDeadFiles(r, "tasks"), exportDeadFiles(r)} {
		if _, err := f(ctx, urls); err != context.Canceled {
			t.Errorf("ended ctx: %v, want context.Canceled", err)
		}
	}
}
