package app

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
)

// TestProgressLogsOffTerminal: off a terminal a progress with a logger logs
// structured "progress" lines (the first update, then at most one per
// interval), and one without a logger prints nothing.
func TestProgressLogsOffTerminal(t *testing.T) {
	var out, logs bytes.Buffer
	p := newProgress(&out, "index").logTo(slog.New(slog.NewJSONHandler(&logs, nil)))
	p.every = 0 // every update, so the test does not wait on the clock
	p.update(500, 2e6)
	p.update(1000, 4e6)
	p.done()
	if out.Len() != 0 {
		t.Errorf("printed %q off a terminal", out.String())
	}
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("logged %d lines, want 2:\n%s", len(lines), logs.String())
	}
	var rec struct {
		Msg   string  `json:"msg"`
		Stage string  `json:"stage"`
		Docs  int     `json:"docs"`
		MB    float64 `json:"mb"`
	}
	if err := json.Unmarshal([]byte(lines[1]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Msg != "progress" || rec.Stage != "index" || rec.Docs != 1000 || rec.MB != 4 {
		t.Errorf("logged %+v, want progress of index at 1000 docs, 4 MB", rec)
	}

	logs.Reset()
	p = newProgress(&out, "index").logTo(slog.New(slog.NewJSONHandler(&logs, nil)))
	p.update(1, 1) // the first update logs, the next within the interval does not
	p.update(2, 2)
	if n := strings.Count(logs.String(), "\n"); n != 1 {
		t.Errorf("logged %d lines within one interval, want 1", n)
	}

	logs.Reset()
	q := newProgress(&out, "index")
	q.update(1, 1)
	if out.Len() != 0 || logs.Len() != 0 {
		t.Errorf("a progress without a logger wrote %q", out.String())
	}
}
