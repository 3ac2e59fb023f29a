package app

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestUpgradeProgress: a pass over the store's records shows nothing
// while it is short; past the quiet time, off a terminal, a JSON log line
// per step's start and end (and at most every `every` between), and on a
// terminal one self-overwriting line per step, ended by a new line.
func TestUpgradeProgress(t *testing.T) {
	steps := []corpus.Progress{
		{Step: corpus.StepGraph, Done: 512, Total: 2000}, {Step: corpus.StepGraph, Done: 1024, Total: 2000},
		{Step: corpus.StepGraph, Done: 2000, Total: 2000}, {Step: corpus.StepTouch, Done: 512, Total: 1500},
		{Step: corpus.StepTouch, Done: 1500, Total: 1500},
	}
	run := func(tty bool, quiet, every time.Duration) string {
		var b strings.Builder
		p := newUpgradeProgress(&b, "store upgrade")
		p.quiet, p.every = quiet, every
		if tty {
			p.tty, p.log = true, nil
		}
		for _, s := range steps {
			p.update(s)
		}
		p.done()
		return b.String()
	}
	if out := run(false, time.Hour, 0) + run(true, time.Hour, 0); out != "" {
		t.Errorf("a short pass showed %q", out)
	}
	// off a terminal: each step's start and end, nothing between
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(run(false, 0, time.Hour)), "\n") {
		var rec struct {
			Msg, Step   string
			Done, Total int
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("not a JSON log line: %q: %v", l, err)
		}
		if rec.Msg != "store upgrade" {
			t.Errorf("msg %q", rec.Msg)
		}
		got = append(got, rec.Step+" "+strconv.Itoa(rec.Done)+"/"+strconv.Itoa(rec.Total))
	}
	want := []string{"rebuild citation graph 512/2000", "rebuild citation graph 2000/2000", "renumber live documents 512/1500", "renumber live documents 1500/1500"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("logged %q, want %q", got, want)
	}
	// every report past `every` (0) is logged
	if n := strings.Count(run(false, 0, 0), "\n"); n != len(steps) {
		t.Errorf("%d lines with every=0, want %d", n, len(steps))
	}
	tty := run(true, 0, 0)
	wantTTY := "\rstore upgrade: rebuild citation graph 512/2000 (25%)   \rstore upgrade: rebuild citation graph 1024/2000 (51%)   " +
		"\rstore upgrade: rebuild citation graph 2000/2000 (100%)   \n\rstore upgrade: renumber live documents 512/1500 (34%)   " +
		"\rstore upgrade: renumber live documents 1500/1500 (100%)   \n"
	if tty != wantTTY {
		t.Errorf("terminal:\n%q\nwant\n%q", tty, wantTTY)
	}
}
