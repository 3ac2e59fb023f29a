package app

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestTasksCSVBounded: /api/tasks.csv stops at tasks.MaxExport rows;
// `vanban tasks --csv` and its read API (/api/cli/tasks.csv) exported
// every matching row. They stop at the same bound (lowered here to 3 of
// the collection's tasks), and the command says the export was cut, with
// an error, whether it read the directory or asked the server: never a
// short file taken for a whole one. A --limit within the bound is no cut.
func TestTasksCSVBounded(t *testing.T) {
	data := cliData(t)
	const most = 3
	run := func(opts TasksOptions, server bool) (string, error) {
		var out strings.Builder
		e := &Env{Data: data, Stdout: &out, Stderr: io.Discard}
		if server {
			s, err := openServer(context.Background(), &Env{Data: data, Stdout: io.Discard, Stderr: io.Discard}, "", "", 10*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer s.close()
			s.maxExport = most
			hs := httptest.NewServer(s.publicHandler())
			defer hs.Close()
			opts.Server = hs.URL
			err = RunTasks(context.Background(), e, opts)
			return out.String(), err
		}
		r, err := openReader(t.Context(), e, false)
		if err != nil {
			t.Fatal(err)
		}
		defer r.close()
		r.maxExport = most
		err = localTasksCSV(context.Background(), e, r, opts)
		return out.String(), err
	}
	all, err := run(TasksOptions{CSV: true}, false)
	if err == nil {
		t.Fatalf("an export past the bound ended without an error:\n%s", all)
	}
	var cut *exportCutError
	if !errors.As(err, &cut) || !strings.Contains(err.Error(), "stopped at 3 rows") {
		t.Errorf("the cut export's error: %v; want it to say it stopped at 3 rows", err)
	}
	if n := records(all); n != most+1 {
		t.Errorf("cut export: %d lines; want the header and %d rows:\n%s", n, most, all)
	}
	served, serr := run(TasksOptions{CSV: true}, true)
	if served != all || serr == nil || serr.Error() != err.Error() {
		t.Errorf("asking the server: %v\n%s\nreading the directory: %v\n%s", serr, served, err, all)
	}
	for _, limit := range []int{most - 1, most} {
		for _, server := range []bool{false, true} {
			out, err := run(TasksOptions{CSV: true, Limit: limit}, server)
			if err != nil || records(out) != limit+1 {
				t.Errorf("--limit %d (server %v): %v, %d lines; want %d rows, no error", limit, server, err, records(out), limit)
			}
		}
	}
}

// records is the number of CSV records in s (the header among them).
func records(s string) int {
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		return -1
	}
	return len(recs)
}
