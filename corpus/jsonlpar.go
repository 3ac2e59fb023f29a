package corpus

// JSON Lines decoded on several goroutines (JSONLOptions.Workers): one
// goroutine reads the lines and cuts them into groups, the workers decode
// the groups (JSON, viet.Clean, the limits), and the caller's goroutine
// takes the groups in the file's order and hands their documents and
// warnings to fn and Warn exactly as the serial reader does: the same
// documents, warnings and errors in the same order, so that the store
// gives the documents the same sequences.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sync"
)

// jsonlGroup bounds a group of lines: whichever comes first.
const (
	jsonlGroupLines = 256
	jsonlGroupBytes = 1 << 20
)

// jsonlLine is one line of a group and what became of it.
type jsonlLine struct {
	n     int    // line number
	line  []byte // its own copy; nil for a refused line
	size  int
	doc   *Document
	warns []JSONLWarning
	err   error
}

// jsonlGroup is consecutive lines, decoded when done is closed; err is a
// read error after its last line.
type jsonlGroup struct {
	lines []jsonlLine
	err   error
	done  chan struct{}
}

// readJSONLParallel is ReadJSONLOptions on opt.Workers goroutines.
func readJSONLParallel(r io.Reader, opt *JSONLOptions, fn func(d *Document, size int) error) error {
	quit := make(chan struct{})
	order := make(chan *jsonlGroup, 2*opt.Workers) // the groups in the file's order
	work := make(chan *jsonlGroup, 2*opt.Workers)
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Go(func() {
			for g := range work {
				decodeGroup(g, opt)
				close(g.done)
			}
		})
	}
	go func() {
		defer close(work)
		defer close(order)
		readGroups(r, opt.MaxLine, quit, order, work)
	}()
	err := deliverGroups(order, opt, fn)
	close(quit)
	for range order { // let the reader see quit and stop
	}
	wg.Wait()
	return err
}

// readGroups reads r's lines into groups, each sent to order and then to
// work, until the input ends, a read fails (the group's err) or quit is
// closed.
func readGroups(r io.Reader, maxLine int, quit <-chan struct{}, order, work chan<- *jsonlGroup) {
	br := bufio.NewReaderSize(r, 1<<20)
	g := &jsonlGroup{done: make(chan struct{})}
	bytesIn := 0
	send := func() bool {
		select {
		case order <- g:
		case <-quit:
			return false
		}
		select {
		case work <- g:
		case <-quit:
			return false
		}
		g, bytesIn = &jsonlGroup{done: make(chan struct{})}, 0
		return true
	}
	for n := 1; ; n++ {
		line, size, err := readLine(br, maxLine)
		if err != nil && err != io.EOF {
			g.err = fmt.Errorf("corpus: read line %d: %w", n, err)
			send()
			return
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
		}
		switch {
		case line == nil && size > 0:
			g.lines = append(g.lines, jsonlLine{n: n, size: size})
		case len(bytes.TrimSpace(line)) > 0:
			g.lines = append(g.lines, jsonlLine{n: n, line: bytes.Clone(line), size: size})
			bytesIn += size
		}
		if err == io.EOF {
			send()
			return
		}
		if len(g.lines) >= jsonlGroupLines || bytesIn >= jsonlGroupBytes {
			if !send() {
				return
			}
		}
	}
}

// decodeGroup decodes g's lines as the serial reader does, keeping each
// line's warnings with it.
func decodeGroup(g *jsonlGroup, opt *JSONLOptions) {
	for i := range g.lines {
		l := &g.lines[i]
		warn := func(line int, id, kind, format string, a ...any) {
			if opt.Warn != nil {
				l.warns = append(l.warns, JSONLWarning{Line: line, ID: id, Kind: kind, Msg: fmt.Sprintf(format, a...)})
			}
		}
		if l.line == nil {
			warn(l.n, "", WarnRefused, "line of %s is over the limit of %s a line may hold: skipped", byteSize(l.size), byteSize(opt.MaxLine))
			continue
		}
		l.doc, l.err = decodeRecord(l.line, l.n, opt, warn)
		l.line = nil
		if l.err != nil {
			g.lines = g.lines[:i+1] // nothing after the first error is delivered
			return
		}
	}
}

// deliverGroups hands the groups' warnings and documents to opt.Warn and
// fn in order, up to the first error.
func deliverGroups(order <-chan *jsonlGroup, opt *JSONLOptions, fn func(d *Document, size int) error) error {
	for g := range order {
		<-g.done
		for i := range g.lines {
			l := &g.lines[i]
			for _, w := range l.warns {
				opt.Warn(w)
			}
			if l.err != nil {
				return l.err
			}
			if l.doc != nil {
				if err := fn(l.doc, l.size); err != nil {
					return err
				}
			}
			g.lines[i] = jsonlLine{} // the document is the caller's now
		}
		if g.err != nil {
			return g.err
		}
	}
	return nil
}
