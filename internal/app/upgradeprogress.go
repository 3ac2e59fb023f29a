package app

import (
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/vanban/vanban/corpus"
)

// upgradeProgress shows how far a long pass over the store's records has
// come (corpus.Progress: an upgrade on a read-write open, a salvage).
// A pass done within quiet (most opens) shows nothing. Past it, on a
// terminal, one self-overwriting line ("store upgrade: rebuild citation
// graph 51200/120000 (42%)") every 200 ms, a new line for each step;
// elsewhere a structured log line (JSON, level info: label, step, done,
// total, elapsed_s) when a step starts or ends and at most every logEvery
// between.
type upgradeProgress struct {
	w      io.Writer
	label  string
	tty    bool
	log    *slog.Logger
	start  time.Time
	last   time.Time
	quiet  time.Duration // nothing shown before
	every  time.Duration // between two lines of one step
	step   string        // the step shown last
	onLine bool          // a terminal line is open
}

// upgradeQuiet is how long a pass runs before its progress is shown.
const upgradeQuiet = time.Second

func newUpgradeProgress(w io.Writer, label string) *upgradeProgress {
	p := &upgradeProgress{w: w, label: label, tty: isTerminal(w), start: time.Now(), quiet: upgradeQuiet, every: 200 * time.Millisecond}
	if !p.tty {
		p.log, p.every = slog.New(slog.NewJSONHandler(w, nil)), logEvery
	}
	return p
}

func (p *upgradeProgress) update(pr corpus.Progress) {
	now := time.Now()
	if p.w == nil || now.Sub(p.start) < p.quiet {
		return
	}
	changed, end := pr.Step != p.step, pr.Total > 0 && pr.Done >= pr.Total
	if !changed && !end && now.Sub(p.last) < p.every {
		return
	}
	p.step, p.last = pr.Step, now
	if !p.tty {
		p.log.Info(p.label, "step", pr.Step, "done", pr.Done, "total", pr.Total, "elapsed_s", int(now.Sub(p.start).Seconds()))
		return
	}
	if changed && p.onLine {
		fmt.Fprintln(p.w)
	}
	if pr.Total > 0 {
		fmt.Fprintf(p.w, "\r%s: %s %d/%d (%d%%)   ", p.label, pr.Step, pr.Done, pr.Total, pr.Done*100/pr.Total)
	} else {
		fmt.Fprintf(p.w, "\r%s: %s %d   ", p.label, pr.Step, pr.Done)
	}
	p.onLine = true
}

// done ends the terminal's line.
func (p *upgradeProgress) done() {
	if p.onLine {
		fmt.Fprintln(p.w)
		p.onLine = false
	}
}
