package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress prints a one-line, self-overwriting progress report when w is a
// terminal and nothing otherwise (logs carry the outcome then).
type progress struct {
	w     io.Writer
	label string
	tty   bool
	start time.Time
	last  time.Time
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
	if !p.tty || time.Since(p.last) < 200*time.Millisecond {
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
