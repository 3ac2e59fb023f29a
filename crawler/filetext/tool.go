package filetext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/internal/childproc"
)

// External programs, each with the Debian package that provides it. They
// are run with the context of the read (killed when it ends), their output
// is capped, and a missing one is a *ToolMissingError naming its package.
var toolPackages = map[string]string{
	"pdfinfo":   "poppler-utils",
	"pdfimages": "poppler-utils",
	"pdftotext": "poppler-utils",
	"pdftoppm":  "poppler-utils",
	"tesseract": "tesseract-ocr",
	"antiword":  "antiword",
	"catdoc":    "catdoc",
	"xls2csv":   "catdoc",
}

// ToolMissingError reports a program (or, for Tesseract, its Vietnamese
// model) that is not installed. The file could not be read now and can be
// once the package is installed: callers warn once and keep the file
// pending.
type ToolMissingError struct {
	Tool    string // "pdftotext", "tesseract", "tesseract vie model"
	Package string // Debian package to install: "poppler-utils"
}

func (e *ToolMissingError) Error() string {
	return fmt.Sprintf("%s is not installed (Debian package %s: apt-get install %s)", e.Tool, e.Package, e.Package)
}

// Is makes errors.Is(err, ErrToolMissing) true for every ToolMissingError.
func (e *ToolMissingError) Is(target error) bool { return target == ErrToolMissing }

// tools finds programs on PATH once per Reader.
type tools struct {
	mu    sync.Mutex
	paths map[string]string
	errs  map[string]error
	langs map[string]bool // tesseract languages, nil until listed

	peakRSS int64 // largest resident set of a tool run, bytes
}

func (t *tools) path(name string) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if p, ok := t.paths[name]; ok {
		return p, nil
	}
	if err, ok := t.errs[name]; ok {
		return "", err
	}
	if t.paths == nil {
		t.paths, t.errs = map[string]string{}, map[string]error{}
	}
	p, err := exec.LookPath(name)
	if err != nil {
		err = &ToolMissingError{Tool: name, Package: toolPackages[name]}
		t.errs[name] = err
		return "", err
	}
	t.paths[name] = p
	return p, nil
}

// tesseractLang checks that Tesseract has the language's model.
func (t *tools) tesseractLang(ctx context.Context, lang string) error {
	t.mu.Lock()
	langs := t.langs
	t.mu.Unlock()
	if langs == nil {
		out, err := t.run(ctx, "tesseract", []string{"--list-langs"}, 1<<16)
		if err != nil {
			return err
		}
		langs = map[string]bool{}
		for _, l := range strings.Fields(string(out)) {
			langs[l] = true
		}
		t.mu.Lock()
		t.langs = langs
		t.mu.Unlock()
	}
	if !langs[lang] {
		return &ToolMissingError{Tool: "tesseract " + lang + " model", Package: "tesseract-ocr-" + lang}
	}
	return nil
}

// toolWaitDelay is how long a killed tool's output may stay open.
const toolWaitDelay = 2 * time.Second

// ErrOutputLimit is wrapped when a tool writes more than its cap.
var ErrOutputLimit = errors.New("output limit reached")

// run runs a tool and returns its standard output, at most limit bytes.
// A non-zero exit is an error carrying the first line of standard error.
func (t *tools) run(ctx context.Context, name string, args []string, limit int64) ([]byte, error) {
	return t.runEnv(ctx, name, args, nil, limit)
}

// runEnv is run with env added to the tool's environment.
func (t *tools) runEnv(ctx context.Context, name string, args, env []string, limit int64) ([]byte, error) {
	var out bytes.Buffer
	err := t.streamEnv(ctx, name, args, env, func(r io.Reader) error {
		n, err := io.Copy(&out, io.LimitReader(r, limit+1))
		if err == nil && n > limit {
			return fmt.Errorf("%s: %w (%d bytes)", name, ErrOutputLimit, limit)
		}
		return err
	})
	return out.Bytes(), err
}

// stream runs a tool and hands its standard output to read while it runs.
// When read returns early (an error, a limit) the tool is killed.
func (t *tools) stream(parent context.Context, name string, args []string, read func(io.Reader) error) error {
	return t.streamEnv(parent, name, args, nil, read)
}

// streamEnv is stream with env added to the tool's environment.
func (t *tools) streamEnv(parent context.Context, name string, args, env []string, read func(io.Reader) error) error {
	p, err := t.path(name)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	cmd := exec.CommandContext(ctx, p, args...)
	cmd.Env = append(append(cmd.Environ(), "OMP_THREAD_LIMIT=1", "LC_ALL=C.UTF-8"), env...)
	// When ctx ends the tool's group is killed; WaitDelay is exec's bound
	// from that kill to the tool's own.
	cmd.WaitDelay = toolWaitDelay
	// The tool runs in a process group of its own, killed whole when ctx
	// ends and once the tool has ended (a child it left), and dies with
	// this process (childproc: on Linux with the thread that starts it,
	// kept until the tool is waited for).
	childproc.Bind(cmd)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	// The output pipes are this function's (files: exec copies nothing,
	// so Wait returns when the tool ends): the tool is waited for while
	// its output is read, and what it left in its group — a child holding
	// the output — is killed then, which ends the output (before, the
	// read waited for that end, which such a child held to the time
	// limit: TestToolLeavesChild). A child that left the group (setsid)
	// has the pipes cut toolWaitDelay after the tool's end.
	outR, outW, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer outR.Close()
	errR, errW, err := os.Pipe()
	if err != nil {
		outW.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	defer errR.Close()
	cmd.Stdout, cmd.Stderr = outW, errW
	err = cmd.Start()
	outW.Close()
	errW.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var stderr limitedBuffer
	stderr.limit = 4096
	stderrDone := make(chan struct{})
	go func() {
		defer close(stderrDone)
		_, _ = io.Copy(&stderr, errR)
	}()
	var werr error
	waited := make(chan struct{})
	go func() {
		defer close(waited)
		werr = childproc.Wait(cmd) // the group's leftovers killed as the tool ends
		cut := time.Now().Add(toolWaitDelay)
		_ = outR.SetReadDeadline(cut)
		_ = errR.SetReadDeadline(cut)
	}()
	rerr := read(outR)
	if rerr != nil {
		cancel()
	}
	_, _ = io.Copy(io.Discard, outR)
	<-waited
	<-stderrDone
	if cmd.ProcessState != nil {
		if rss := maxRSS(cmd.ProcessState); rss > 0 {
			t.mu.Lock()
			t.peakRSS = max(t.peakRSS, rss)
			t.mu.Unlock()
		}
	}
	switch {
	case parent.Err() != nil:
		return fmt.Errorf("%s: %w", name, context.Cause(parent))
	case rerr != nil:
		return rerr
	case werr != nil:
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return &toolError{tool: name, err: werr, stderr: strings.TrimSpace(stderr.String()), msg: msg}
	}
	return nil
}

// toolError is a failed run; stderr is kept for classifying the failure
// (encrypted, damaged).
type toolError struct {
	tool, stderr, msg string
	err               error
}

func (e *toolError) Error() string {
	if e.msg == "" {
		return fmt.Sprintf("%s: %v", e.tool, e.err)
	}
	return fmt.Sprintf("%s: %v: %s", e.tool, e.err, e.msg)
}

func (e *toolError) Unwrap() error { return e.err }

// tempCopy writes data to a new private directory for the tools to read
// (and write page images in); the caller removes dir.
func tempCopy(data []byte, name string) (dir, path string, err error) {
	dir, err = os.MkdirTemp("", "vanban-file-")
	if err != nil {
		return "", "", err
	}
	path = filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		os.RemoveAll(dir)
		return "", "", err
	}
	return dir, path, nil
}

// failure is a kind of file error told by words of a tool's standard
// error.
type failure struct {
	kind  error
	what  string
	words []string
}

// classify wraps a failed run's error in the first failure kind whose
// words its standard error holds, else in fallback (nil: as it is).
func classify(err error, kinds []failure, fallback error) error {
	var te *toolError
	if !errors.As(err, &te) {
		return err
	}
	low := strings.ToLower(te.stderr)
	for _, k := range kinds {
		for _, w := range k.words {
			if strings.Contains(low, w) {
				if k.what != "" {
					return fmt.Errorf("%w: %s (%s)", k.kind, k.what, te.msg)
				}
				return fmt.Errorf("%w (%s)", k.kind, te.msg)
			}
		}
	}
	if fallback == nil {
		return err
	}
	return fmt.Errorf("%w (%s)", fallback, te.msg)
}

// limitedBuffer keeps the first limit bytes written to it.
type limitedBuffer struct {
	bytes.Buffer
	limit int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.limit - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
