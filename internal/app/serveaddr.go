package app

// The address file, DATA/serve.json, says where the `vanban serve` that
// owns a data directory answers, so that the read commands (search, refs,
// links, tasks) run beside it by asking its API (cliapi.go) instead of
// refusing on its locks. RunServe writes it once it listens (a temporary
// file renamed over it: a reader never sees half of it) and removes it on a
// clean shutdown. A killed server leaves it behind: a reader tells it stale
// when its process is gone or its address does not answer as that server
// (the instance, a random word the server answers at GET /api/cli).

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// serveFile is the content of DATA/serve.json.
type serveFile struct {
	PID      int       `json:"pid"`
	URL      string    `json:"url"`      // http://127.0.0.1:8080/ (a wildcard listen address is published as loopback)
	Instance string    `json:"instance"` // random; GET /api/cli answers it
	Started  time.Time `json:"started"`
}

func serveFilePath(data string) string { return filepath.Join(data, "serve.json") }

// pingWait bounds the check that a published server answers.
const pingWait = 2 * time.Second

// publishServe writes the address file of a server listening on addr; the
// returned function removes it.
func publishServe(data string, addr net.Addr) (*serveFile, func(), error) {
	nonce := make([]byte, 8)
	rand.Read(nonce)
	sf := &serveFile{PID: os.Getpid(), URL: publishedURL(addr), Instance: hex.EncodeToString(nonce), Started: time.Now().UTC()}
	b, err := json.MarshalIndent(sf, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	path := serveFilePath(data)
	tmp, err := os.CreateTemp(data, ".serve-*.json")
	if err != nil {
		return nil, nil, fmt.Errorf("address file: %w", err)
	}
	_, err = tmp.Write(append(b, '\n'))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return nil, nil, fmt.Errorf("address file %s: %w", path, err)
	}
	return sf, func() { os.Remove(path) }, nil
}

// publishedURL is the base URL a local client reaches addr at: a wildcard
// address (":8080", "0.0.0.0:8080", "[::]:8080") is reached on loopback.
func publishedURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
		if ip.To4() == nil {
			host = "::1"
		}
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// errNoServeFile: no server published its address in the data directory.
var errNoServeFile = errors.New("no `vanban serve` has published its address there")

// staleServeError is an address file whose server is gone.
type staleServeError struct {
	Path, URL string
	PID       int
	Why       string
}

func (e *staleServeError) Error() string {
	return fmt.Sprintf("%s is stale: it names %s (pid %d), %s (remove it if no `vanban serve` runs on this directory)", e.Path, e.URL, e.PID, e.Why)
}

// findServer returns a client of the server that published its address in
// e.Data, errNoServeFile when none did, or a *staleServeError. Its check
// that the server answers is given pingWait at most.
func findServer(ctx context.Context, e *Env) (*cliClient, error) {
	path := serveFilePath(e.Data)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, errNoServeFile
	} else if err != nil {
		return nil, fmt.Errorf("address file: %w", err)
	}
	var sf serveFile
	if err := json.Unmarshal(b, &sf); err != nil || sf.URL == "" {
		return nil, &staleServeError{Path: path, URL: "no address", Why: "unreadable"}
	}
	stale := func(why string) error { return &staleServeError{Path: path, URL: sf.URL, PID: sf.PID, Why: why} }
	if processGone(sf.PID) {
		return nil, stale("which is not running")
	}
	c, err := newCLIClient(sf.URL, e.ServerTransport)
	if err != nil {
		return nil, stale(err.Error())
	}
	c.name = fmt.Sprintf("the server at %s (pid %d, %s)", c.base, sf.PID, path)
	pctx, cancel := context.WithTimeout(ctx, pingWait)
	defer cancel()
	var who struct{ Instance string }
	if err := c.getJSON(pctx, "", nil, &who); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, stale("which does not answer: " + err.Error())
	}
	if who.Instance != sf.Instance {
		return nil, stale("where another server answers")
	}
	return c, nil
}

// servingHolder names the live server holding data, for the refusal of a
// command that writes ("" when none is published or it is stale).
func servingHolder(e *Env) string {
	ctx, cancel := context.WithTimeout(context.Background(), pingWait)
	defer cancel()
	c, err := findServer(ctx, e)
	if err != nil {
		return ""
	}
	return c.name
}

// cliClient asks a server's read API (cliapi.go) for a command's answer.
type cliClient struct {
	base string // http://host:port/ (with the trailing slash)
	name string // for messages: "the server at …"
	hc   *http.Client
}
