package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/indexer"
)

// Env is what every command gets: the data directory and the standard
// streams. There is no other global state.
type Env struct {
	Data   string // data directory: store.db, index/, warc/, locks, control.sock
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// ServerTransport carries the read commands' requests to a running
	// server (remote.go); nil is a transport of the client's own. Tests
	// wrap a real transport in it to see each request as it leaves (its
	// context's deadline).
	ServerTransport http.RoundTripper
}

// Error classes. The CLI maps them to exit codes (sysexits.h); every other
// error is a plain failure. A classified error keeps its message.
var (
	// ErrLocked: the data directory (store, index) or the nightly lock is
	// held by another process (EX_TEMPFAIL, 75).
	ErrLocked = errors.New("data directory in use")
	// ErrBadConfig: the sites file is missing or invalid, or names no such
	// site (EX_CONFIG, 78).
	ErrBadConfig = errors.New("bad configuration")
)

// classified is err marked as one of the classes above.
type classified struct{ class, err error }

func (c *classified) Error() string   { return c.err.Error() }
func (c *classified) Unwrap() []error { return []error{c.class, c.err} }

func classify(class, err error) error { return &classified{class: class, err: err} }

// lockWait is how long a command waits for another vanban process to release
// the store or the index before giving up with ErrLocked.
const lockWait = 2 * time.Second

// openStore opens the store. A store marked damaged opens only
// read-only, with a warning on stderr; damage found while reading is an
// error saying what to do (corpus.DamageError). A read-write open's
// upgrade of an older store shows its progress (upgradeProgress) and
// stops when ctx ends: a graph rebuild's renumbering goes on from its
// last committed batch on the next read-write open, anything else leaves
// the store as it was (corpus.Open).
func openStore(ctx context.Context, e *Env, readOnly bool) (*corpus.Store, error) {
	prog := newUpgradeProgress(e.Stderr, "store upgrade")
	s, err := corpus.Open(ctx, e.Data, corpus.OpenOptions{ReadOnly: readOnly, Timeout: lockWait, Progress: prog.update})
	prog.done()
	if errors.Is(err, corpus.ErrLocked) {
		return nil, classify(ErrLocked, fmt.Errorf("%w %s", err, heldBy(e, "another vanban")))
	}
	if err == nil && s.Damage() != nil {
		fmt.Fprintf(e.Stderr, "vanban: warning: %v\n", s.Damage())
	}
	return s, err
}

// heldBy says who holds the data directory: the server that published its
// address there, and what to do (the read commands ask it themselves:
// reader.go), else a guess.
func heldBy(e *Env, guess string) string {
	if name := servingHolder(e); name != "" {
		return fmt.Sprintf("(held by `vanban serve`: %s; stop it to write to %s, or let it run the crawl and index: `vanban nightly` hands its job to it)", name, e.Data)
	}
	return fmt.Sprintf("(is %s running on %s?)", guess, e.Data)
}

// openIndex opens the index, its wait for another process's lock ended by
// ctx (indexer.OpenContext). An index that cannot be opened (a segment
// file missing, its metadata unreadable) is an error naming it and saying
// to rebuild it from the store.
func openIndex(ctx context.Context, e *Env, readOnly bool) (*indexer.Index, error) {
	dir := indexer.DirFor(e.Data)
	ix, err := indexer.OpenContext(ctx, dir, indexer.Options{ReadOnly: readOnly, Timeout: lockWait})
	switch {
	case err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()): // stopped while it waited for a lock
		return nil, err
	case errors.Is(err, indexer.ErrLocked):
		return nil, classify(ErrLocked, fmt.Errorf("%w %s", err, heldBy(e, "`vanban serve`")))
	case err != nil && !strings.Contains(err.Error(), "vanban index"):
		msg, _, _ := strings.Cut(err.Error(), "\n") // bleve appends the whole mapping
		return nil, fmt.Errorf("index %s cannot be opened, it is damaged or incomplete (%s); the store is the source of truth: rebuild the index from it with `vanban index --rebuild`", dir, msg)
	}
	return ix, err
}

// openData opens the store and then the index, both for writing unless
// readOnly; the caller closes both.
func openData(ctx context.Context, e *Env, readOnly bool) (*corpus.Store, *indexer.Index, error) {
	store, err := openStore(ctx, e, readOnly)
	if err != nil {
		return nil, nil, err
	}
	ix, err := openIndex(ctx, e, readOnly)
	if err != nil {
		store.Close()
		return nil, nil, err
	}
	return store, ix, nil
}

// warcDir is where crawls archive responses: DATA/warc.
func warcDir(e *Env) string { return filepath.Join(e.Data, "warc") }

// loadConfig reads a sites file; a bad one is ErrBadConfig.
func loadConfig(path string) (*crawler.Config, error) {
	cfg, err := crawler.LoadConfig(path)
	if err != nil {
		return nil, classify(ErrBadConfig, err)
	}
	return cfg, nil
}

// selectSites returns the configured sites, or only the one named only.
func selectSites(cfg *crawler.Config, only string) ([]*crawler.Site, error) {
	if only == "" {
		return cfg.Sites, nil
	}
	for _, s := range cfg.Sites {
		if s.Name == only {
			return []*crawler.Site{s}, nil
		}
	}
	return nil, classify(ErrBadConfig, fmt.Errorf("no site %q in the config", only))
}

// logger logs to w: text when w is a terminal, JSON otherwise.
func logger(w io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelWarn
	if verbose {
		level = slog.LevelDebug
	}
	opts := &slog.HandlerOptions{Level: level}
	if isTerminal(w) {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// writeReport writes v as indented JSON to path, when path is not empty.
func writeReport(path string, v any) error {
	if path == "" {
		return nil
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// writeJSONTo writes v as indented JSON, HTML left unescaped.
func writeJSONTo(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(indentJSON(make([]byte, 0, buf.Len()*3/2+16), buf.Bytes()))
	return err
}

// indentJSON appends src, JSON as json.Encoder writes it compact, to dst
// indented by two spaces a level, byte for byte as the encoder's SetIndent("",
// "  ") writes it (empty objects and arrays stay "{}" and "[]"). The
// encoder's own indent pass runs its full JSON scanner over every byte and
// cost `refs --parse` as much as encoding did; this is one byte loop.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			dst = append(dst, c)
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// readInput reads the named file, or stdin for "-" or "".
func readInput(stdin io.Reader, name string) ([]byte, error) {
	if name == "" || name == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(name)
}
