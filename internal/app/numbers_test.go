package app

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/tasks"
)

// numberData is the demo's store plus a decision numbered 236 as the
// demo's plan 236/KH-UBND is (lines written for the test), indexed.
func numberData(t *testing.T) string {
	t.Helper()
	data := demoData(t)
	s, err := corpus.OpenStore(data, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	d := &corpus.Document{URL: "http://demo.test/qd-236", Type: "Quyết định", Number: "236/QĐ-UBND", Issuer: "UBND tỉnh",
		Published: "2025-04-02", Title: "Quyết định số 236/QĐ-UBND về danh mục đường giao thông nông thôn",
		Body: "Ủy ban nhân dân tỉnh phê duyệt danh mục các tuyến đường giao thông nông thôn năm 2025."}
	if _, err := s.Put(d); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v (%s)", err, stderr)
	}
	return data
}

// TestCommandsReadNumbers: `vanban refs`, `links` and `tasks` read a
// number as staff type it ("nq 154", a bare "154") as the one stored
// number it names, as /api/refs and the tasks view do (search.NumbersNamed);
// a number naming several is an error listing them; one naming none says
// what it said before. `refs "nq 380"` said "neither a stored document ID
// nor a document number" and `tasks --parent 2530` "0 tasks".
func TestCommandsReadNumbers(t *testing.T) {
	data := numberData(t)
	tests := []struct {
		opts    any // RefsOptions or LinksOptions
		wantErr bool
		want    []string // substrings of stdout (or of the error)
	}{
		{RefsOptions{Arg: "nq 154"}, false, []string{"documents with this number (1)", "236/KH-UBND"}},
		{RefsOptions{Arg: "154"}, false, []string{"documents with this number (1)", "236/KH-UBND"}},
		{RefsOptions{Arg: "qđ 236"}, false, []string{"documents with this number (1)", "236/QĐ-UBND"}},
		{RefsOptions{Arg: "236"}, true, []string{`"236" names several documents: 236/KH-UBND, 236/QĐ-UBND`}},
		{RefsOptions{Arg: "tt 154"}, true, []string{"neither a stored document ID nor a document number"}},
		{RefsOptions{Arg: "nghị quyết"}, true, []string{"neither a stored document ID nor a document number"}},
		{LinksOptions{Arg: "kh 45"}, false, []string{"implements 57-NQ/TW", "II.1.a    → 57-NQ/TW II.1"}},
		{LinksOptions{Arg: "57"}, false, []string{"plans citing it: ", "21-CTr/TU", "uncovered: II.7"}},
		{LinksOptions{Arg: "236"}, true, []string{`"236" names several documents: 236/KH-UBND, 236/QĐ-UBND`}},
		{LinksOptions{Arg: "9999"}, true, []string{`no document with ID or number "9999"`}},
	}
	for _, tt := range tests {
		out, stderr, err := refsOrLinks(t, data, tt.opts)
		text := out
		if tt.wantErr {
			if !plain(err) {
				t.Errorf("%+v: error %v, want a plain error", tt.opts, err)
				continue
			}
			text = err.Error()
		} else if err != nil {
			t.Errorf("%+v: %v (%s)", tt.opts, err, stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%+v: output lacks %q:\n%s", tt.opts, w, text)
			}
		}
	}

	total := func(f tasks.Filter) (int, string, error) {
		t.Helper()
		f.Limit = 500
		out, stderr, err := call(t, data, RunTasks, TasksOptions{Filter: f, JSON: true})
		if err != nil {
			return 0, stderr, err
		}
		var res tasks.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		return res.Total, stderr, nil
	}
	for _, tt := range []struct {
		typed, whole string
		plan         bool
	}{{"154", "154/NQ-CP", false}, {"57", "57-NQ/TW", false}, {"45", "45/KH-UBND", true}} {
		f, g := tasks.Filter{Parent: tt.whole}, tasks.Filter{Parent: tt.typed}
		if tt.plan {
			f, g = tasks.Filter{Plan: tt.whole}, tasks.Filter{Plan: tt.typed}
		}
		want, _, err := total(f)
		if err != nil || want == 0 {
			t.Fatalf("tasks %+v: %d tasks, %v; want some", f, want, err)
		}
		got, stderr, err := total(g)
		if err != nil || got != want {
			t.Errorf("tasks %+v: %d tasks, %v; want %d as for %s", g, got, err, want, tt.whole)
		}
		if !strings.Contains(stderr, "“"+tt.typed+"” là "+tt.whole) {
			t.Errorf("tasks %+v: stderr %q does not say it read %s", g, stderr, tt.whole)
		}
	}
	if _, _, err := total(tasks.Filter{Plan: "236"}); err == nil || !strings.Contains(err.Error(), "236/KH-UBND, 236/QĐ-UBND") {
		t.Errorf("tasks --plan 236: %v; want an error naming both", err)
	}
	if n, _, err := total(tasks.Filter{Parent: "9999"}); err != nil || n != 0 {
		t.Errorf("tasks --parent 9999: %d, %v; want 0 tasks", n, err)
	}
}
