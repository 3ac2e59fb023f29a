package app

// The client side of the read API (cliapi.go): a read command's answer
// asked of a running server, given by --server or found through the
// address file (serveaddr.go). Every failure says which server and what
// to do; an answer cut short (the server died, or ran out of time while
// streaming) is an error, never a short output taken for a whole one.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxAnswer bounds a JSON answer read from a server.
const maxAnswer = 256 << 20

// trailerDone is the trailer a streamed answer ends with when it is whole;
// trailerError carries the error that cut it short.
const (
	trailerDone  = "Vanban-Complete"
	trailerError = "Vanban-Error"
	trailerCut   = "Vanban-Cut"   // the rows of an export stopped at its bound (exportCutError)
	headerNotes  = "Vanban-Notes" // notes for stderr, each query-escaped, joined by "&"
)

// newCLIClient is a client of the server at base (http or https URL),
// its requests carried by rt (nil: a transport of its own).
func newCLIClient(base string, rt http.RoundTripper) (*cliClient, error) {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("--server %q: want the server's URL, such as http://127.0.0.1:8080/", base)
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/"
	u.RawQuery, u.Fragment = "", ""
	b := u.String()
	if rt == nil {
		rt = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			ResponseHeaderTimeout: 2 * time.Minute,
			IdleConnTimeout:       10 * time.Second,
		}
	}
	return &cliClient{base: b, name: "the server at " + b, hc: &http.Client{Transport: rt}}, nil
}

// request sends GET api/cli/path?v and returns a 200 answer; any other
// answer is an error: the command's own (its message, as the command run
// on the data directory says it) or the server's.
func (c *cliClient) request(ctx context.Context, path string, v url.Values) (*http.Response, error) {
	u := c.base + "api/cli"
	if path != "" {
		u += "/" + path
	}
	if len(v) > 0 {
		u += "?" + v.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	res, err := c.hc.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%s does not answer (%v); is it running? Start `vanban serve`, or give --server the address it listens on", c.name, unwrapURLError(err))
	}
	if res.StatusCode == http.StatusOK {
		return res, nil
	}
	defer res.Body.Close()
	var e struct {
		Error string `json:"error"`
	}
	json.NewDecoder(io.LimitReader(res.Body, 64<<10)).Decode(&e)
	switch {
	case res.StatusCode == http.StatusUnprocessableEntity && e.Error != "":
		return nil, errors.New(e.Error) // the command's own error, worded as it is locally
	case res.StatusCode == http.StatusNotFound && e.Error == "":
		return nil, fmt.Errorf("%s has no read API for the commands (%s): is it a `vanban serve` of this version?", c.name, res.Status)
	case e.Error != "":
		return nil, fmt.Errorf("%s: %s", c.name, e.Error)
	}
	return nil, fmt.Errorf("%s answered %s", c.name, res.Status)
}

// getJSON decodes the server's answer to path into dst.
func (c *cliClient) getJSON(ctx context.Context, path string, v url.Values, dst any) error {
	res, err := c.request(ctx, path, v)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if err := json.NewDecoder(io.LimitReader(res.Body, maxAnswer)).Decode(dst); err != nil {
		return c.cut(ctx, err)
	}
	return nil
}

// stream copies the server's answer to path to w, and returns its notes.
// An answer without its closing trailer was cut short: an error.
func (c *cliClient) stream(ctx context.Context, path string, v url.Values, w io.Writer) (notes []string, err error) {
	res, err := c.request(ctx, path, v)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	notes = readNotes(res.Header.Get(headerNotes))
	if _, err := io.Copy(w, res.Body); err != nil {
		return notes, c.cut(ctx, err)
	}
	if n, err := strconv.Atoi(res.Trailer.Get(trailerCut)); err == nil {
		return notes, &exportCutError{rows: n} // as the command says it reading the directory
	}
	if msg := res.Trailer.Get(trailerError); msg != "" {
		return notes, fmt.Errorf("%s: the answer ended short: %s", c.name, msg)
	}
	if res.Trailer.Get(trailerDone) == "" {
		return notes, fmt.Errorf("%s: the answer ended short; run the command again", c.name)
	}
	return notes, nil
}

// cut is the error of an answer whose reading failed.
func (c *cliClient) cut(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fmt.Errorf("%s stopped in the middle of its answer (%v); run the command again once it is back", c.name, err)
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// joinNotes and readNotes carry stderr notes in one header.
func joinNotes(notes []string) string {
	esc := make([]string, len(notes))
	for i, n := range notes {
		esc[i] = url.QueryEscape(n)
	}
	return strings.Join(esc, "&")
}

func readNotes(h string) []string {
	if h == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(h, "&") {
		if n, err := url.QueryUnescape(p); err == nil {
			out = append(out, n)
		}
	}
	return out
}
