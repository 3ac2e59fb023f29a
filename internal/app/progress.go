package app

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"
)

// progress prints a one-line, self-overwriting progress report when w is a
// terminal; otherwise, when given a logger (logTo), it logs a structured
// "progress" line at most every logEvery, so a long ingest or build off a
// terminal still says how far it is.
type progress struct {
	w     io.Writer
	label string
	tty   bool
	start time.Time
	last  time.Time
	log   *slog.Logger
	every time.Duration
}

// logEvery is how often a progress line is logged off a terminal.
const logEvery = 30 * time.Second

// logTo makes p log its progress to l when w is no terminal.
func (p *progress) logTo(l *slog.Logger) *progress {
	p.log, p.every = l, logEvery
	return p
}

func newProgress(w io.Writer, label string) *progress {
	return &progress{w: w, label: label, tty: isTerminal(w), start: time.Now()}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func (p *progress) update(n int, bytes int64) {
	if !p.tty {
		if p.log != nil && (p.last.IsZero() || time.Since(p.last) >= p.every) {
			p.last = time.Now()
			secs := time.Since(p.start).Seconds()
			p.log.Info("progress", "stage", p.label, "docs", n, "mb", float64(bytes)/1e6,
				"docs_per_s", int(float64(n)/max(secs, 1e-9)))
		}
		return
	}
	if time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	secs := time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "\r%s: %d docs, %.1f MB, %.0f docs/s   ", p.label, n, float64(bytes)/1e6, float64(n)/max(secs, 1e-9))
}

func (p *progress) done() {
	if p.tty {
		fmt.Fprintln(p.w)
	}
}

// siteProgress shows one self-overwriting line per site on a terminal:
// pages done, pages per second, new and changed documents, errors and
// bytes. Elsewhere it prints nothing; the JSON logs and the run summary
// carry the outcome.
type siteProgress struct {
	w     io.Writer
	tty   bool
	start time.Time
	last  time.Time
	lines int // lines printed by the last update
}

func newSiteProgress(w io.Writer) *siteProgress {
	return &siteProgress{w: w, tty: isTerminal(w), start: time.Now()}
}

// siteFigures are the figures of one site's line.
type siteFigures struct {
	name                  string
	pages, fresh, changed int
	errors                int
	bytes                 int64
}

func (p *siteProgress) update(sites []siteFigures, force bool) {
	if !p.tty || !force && time.Since(p.last) < 250*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprint(p.w, progressLines(sites, time.Since(p.start), p.lines))
	p.lines = len(sites)
}

// progressLines renders the lines, first moving the cursor up over the
// previous ones.
func progressLines(sites []siteFigures, el time.Duration, prev int) string {
	var b strings.Builder
	if prev > 0 {
		fmt.Fprintf(&b, "\x1b[%dA", prev)
	}
	secs := max(el.Seconds(), 1e-9)
	for _, s := range sites {
		fmt.Fprintf(&b, "\r\x1b[K%-16s %6d pages %6.1f/s %5d new %5d changed %4d errors %7.1f MB  %s\n",
			s.name, s.pages, float64(s.pages)/secs, s.fresh, s.changed, s.errors, float64(s.bytes)/1e6, el.Round(time.Second))
	}
	return b.String()
}

func (p *siteProgress) done(sites []siteFigures) {
	if p.tty {
		p.update(sites, true)
	}
}
