package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/vanban/vanban/corpus"
)

// statusError is an HTTP answer the crawler could not use.
type statusError struct {
	Code       int
	RetryAfter time.Duration
}

func (e *statusError) Error() string { return fmt.Sprintf("HTTP %d", e.Code) }

// transient reports whether a retry may succeed.
func (e *statusError) transient() bool { return e.Code == 429 || e.Code >= 500 }

// Fetch limits and retry policy.
type Policy struct {
	Timeout       time.Duration // per request; default 30s
	MaxBytes      int64         // body cap; longer bodies are truncated; default 5 MB
	Retries       int           // after the first attempt; default 3
	BackoffBase   time.Duration // first backoff; default 1s, doubled each retry, ±50% jitter
	MaxRetryAfter time.Duration // cap on a server's Retry-After; default 2m
}

func (p Policy) withDefaults() Policy {
	if p.Timeout <= 0 {
		p.Timeout = 30 * time.Second
	}
	if p.MaxBytes <= 0 {
		p.MaxBytes = 5 << 20
	}
	if p.Retries < 0 {
		p.Retries = 0
	} else if p.Retries == 0 {
		p.Retries = 3
	}
	if p.BackoffBase <= 0 {
		p.BackoffBase = time.Second
	}
	if p.MaxRetryAfter <= 0 {
		p.MaxRetryAfter = 2 * time.Minute
	}
	return p
}

// gate spaces the starts of requests to one host by at least delay.
type gate struct {
	mu      sync.Mutex
	next    map[string]time.Time
	onClaim func(host string, at time.Time) // test hook, called under mu
}

func newGate() *gate { return &gate{next: map[string]time.Time{}} }

// wait blocks until a request to host may start: at least delay after the
// previous start. The start is claimed at the moment the caller proceeds,
// not when it queued, so a late-scheduled caller cannot crowd the next one.
func (g *gate) wait(ctx context.Context, host string, delay time.Duration) error {
	for {
		g.mu.Lock()
		now := time.Now()
		at := g.next[host]
		if !now.Before(at) {
			g.next[host] = now.Add(delay)
			if g.onClaim != nil {
				g.onClaim(host, now)
			}
			g.mu.Unlock()
			return nil
		}
		g.mu.Unlock()
		if err := sleep(ctx, at.Sub(now)); err != nil {
			return err
		}
	}
}

// hold keeps every request to host waiting until at least until: a 429 or
// 503 with Retry-After speaks for the server, not for the one page that
// drew it, so the other workers of the site wait too.
func (g *gate) hold(host string, until time.Time) {
	g.mu.Lock()
	if until.After(g.next[host]) {
		g.next[host] = until
	}
	g.mu.Unlock()
}

// gateTransport makes each request wait for its host's slot inside
// RoundTrip, at the moment it is sent, so the spacing holds between the
// real request starts, not between the crawler's intentions. The request
// timeout starts after the wait and ends when the body is closed.
type gateTransport struct {
	gate    *gate
	timeout time.Duration
	next    http.RoundTripper
}

// delayKey carries a request's host delay in its context.
type delayKey struct{}

func (t *gateTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	d, _ := r.Context().Value(delayKey{}).(time.Duration)
	if err := t.gate.wait(r.Context(), r.URL.Host, d); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(r.Context(), t.timeout)
	res, err := t.next.RoundTrip(r.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	res.Body = &cancelBody{ReadCloser: res.Body, cancel: cancel}
	return res, nil
}

// cancelBody releases a request's timeout when its body is closed.
type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// response is one fetched page.
type response struct {
	Status    int
	Header    http.Header
	Body      []byte
	URL       string // after redirects
	Location  string // a redirect's target, before it is followed
	Truncated bool
	Skipped   string    // a file not read whole: why its headers and first bytes say it is none we read (attach.go)
	Proto     string    // "HTTP/1.1"
	Date      time.Time // when the request started
	WARC      warcRef   // where the response was archived (zero: not archived)
	Request   []byte    // the request line and headers sent (archived beside the response)
}

// conditional carries the validators of a previous fetch. From is the URL
// whose answer they came with when it is not the URL asked: the target a
// known URL redirected to (urlState.Redirect).
type conditional struct {
	ETag, LastModified string
	From               string
}

// fetch GETs rawURL with retries on timeouts, 5xx and 429, honouring
// Retry-After (capped), with exponential backoff and jitter. 200, 304, 404
// and 410 are answers; other statuses become *statusError. Every answer,
// redirect hops included, is written to arch when it is not nil.
func (c *Crawler) fetch(ctx context.Context, delay time.Duration, rawURL string, cond conditional, arch *archive) (*response, error) {
	p := c.policy
	var lastErr error
	for attempt := 0; attempt <= p.Retries; attempt++ {
		if attempt > 0 {
			wait := backoff(p.BackoffBase, attempt)
			var se *statusError
			if errors.As(lastErr, &se) && se.RetryAfter > 0 {
				wait = min(se.RetryAfter, p.MaxRetryAfter)
			}
			c.log.Debug("retry", "url", rawURL, "attempt", attempt, "wait", wait, "err", lastErr)
			if err := sleep(ctx, wait); err != nil {
				return nil, err
			}
		}
		resp, err := c.follow(ctx, delay, rawURL, cond, arch)
		if err == nil {
			return resp, nil
		}
		lastErr = err
		if !retryable(err) || ctx.Err() != nil {
			break
		}
		var se *statusError
		if errors.As(err, &se) && se.RetryAfter > 0 {
			// The whole host waits; a wait past the cap is not made
			// in this run: the page fails, and the next run retries it.
			if u, perr := url.Parse(rawURL); perr == nil {
				c.gate.hold(u.Host, time.Now().Add(min(se.RetryAfter, p.MaxRetryAfter)))
			}
			if se.RetryAfter > p.MaxRetryAfter {
				c.log.Warn("Retry-After past the cap; page left for the next run", "url", rawURL, "retry_after", se.RetryAfter, "cap", p.MaxRetryAfter)
				break
			}
		}
	}
	return nil, lastErr
}

// maxRedirects bounds a redirect chain.
const maxRedirects = 10

// follow GETs rawURL and follows redirects itself, each hop through the
// host gate, so that a redirect is as polite as any other request. The
// response's URL is the final one.
func (c *Crawler) follow(ctx context.Context, delay time.Duration, rawURL string, cond conditional, arch *archive) (*response, error) {
	cur := rawURL
	for hop := 0; ; hop++ {
		u, err := url.Parse(cur)
		if err != nil {
			return nil, err
		}
		if hop > 0 && cond != (conditional{}) {
			// A known URL redirecting: its target is asked with the
			// validators held for the target, or, for a target known
			// only through this URL, those its last answer came with
			// (a new URL's first hop is fetched in full, for its own
			// archived copy).
			held := cond
			cond = c.validators(cur)
			if cond == (conditional{}) && held.From == cur {
				cond = held
			}
		}
		resp, err := c.get(context.WithValue(ctx, delayKey{}, delay), cur, cond)
		var se *statusError
		if resp != nil && errors.As(err, &se) { // a 5xx or 429: archived, then retried or failed
			if arch != nil {
				if _, aerr := arch.record(resp); aerr != nil {
					return nil, aerr
				}
			}
			return nil, err
		}
		if err == nil && arch != nil {
			resp.WARC, err = arch.record(resp)
		}
		if err != nil || resp.Location == "" {
			return resp, err
		}
		if hop == maxRedirects {
			return nil, fmt.Errorf("more than %d redirects", maxRedirects)
		}
		next, err := u.Parse(resp.Location)
		if err != nil {
			return nil, fmt.Errorf("bad redirect location %q: %w", resp.Location, err)
		}
		next.Fragment = ""
		cur = next.String()
		c.log.Debug("redirect", "url", rawURL, "to", cur, "status", resp.Status)
	}
}

// validators returns the validators the crawler holds for u, a redirect's
// target: a portal whose old URLs all redirect (a move to https, a new
// CMS) is then asked for each page conditionally, not downloaded in full
// every night. None for a file waiting for a tool (it is read again) or
// when the state cannot be read.
func (c *Crawler) validators(u string) conditional {
	v, err := c.store.GetKV(nsURL, corpus.CanonicalURL(u))
	if err != nil || v == nil {
		return conditional{}
	}
	s, err := decodeState(u, v)
	if err != nil || s.Pending != "" || s.DocID == "" {
		return conditional{}
	}
	return conditional{ETag: s.ETag, LastModified: s.LastModified}
}

func (c *Crawler) get(ctx context.Context, rawURL string, cond conditional) (*response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	req.Header.Set("Accept-Language", "vi,en;q=0.5")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	start := time.Now().UTC()
	res, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	out := &response{Status: res.StatusCode, Header: res.Header, URL: rawURL, Proto: res.Proto, Date: start, Request: requestHead(req)}
	switch {
	case res.StatusCode >= 300 && res.StatusCode < 400 && res.StatusCode != http.StatusNotModified && res.Header.Get("Location") != "":
		io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
		out.Location = res.Header.Get("Location")
		return out, nil
	case res.StatusCode == http.StatusOK:
		limit := c.policy.MaxBytes
		if n, ok := ctx.Value(bodyCapKey{}).(int64); ok && n > 0 {
			limit = n
		}
		var rd io.Reader = res.Body
		if judge, ok := ctx.Value(headJudgeKey{}).(func(http.Header, []byte) string); ok {
			// A file: judged on its headers and first bytes before
			// the rest is read (attach.go).
			head, err := io.ReadAll(io.LimitReader(res.Body, min(limit, headBytes)))
			if err != nil {
				return nil, fmt.Errorf("read body: %w", err)
			}
			if out.Skipped = judge(res.Header, head); out.Skipped != "" {
				out.Body, out.Truncated = head, true
				return out, nil
			}
			rd = io.MultiReader(bytes.NewReader(head), res.Body)
		}
		body, err := io.ReadAll(io.LimitReader(rd, limit+1))
		if err != nil {
			return nil, fmt.Errorf("read body: %w", err)
		}
		if int64(len(body)) > limit {
			body, out.Truncated = body[:limit], true
		}
		out.Body = body
		return out, nil
	case res.StatusCode == http.StatusNotModified, res.StatusCode == http.StatusNotFound, res.StatusCode == http.StatusGone:
		io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
		return out, nil
	default: // the answer is returned with the error, for the archive
		out.Body, _ = io.ReadAll(io.LimitReader(res.Body, 64<<10+1))
		if len(out.Body) > 64<<10 {
			out.Body, out.Truncated = out.Body[:64<<10], true
		}
		return out, &statusError{Code: res.StatusCode, RetryAfter: retryAfter(res.Header.Get("Retry-After"))}
	}
}

// requestHead renders the request line and the headers the crawler set,
// with Host, as the WARC request record keeps them. (The transport adds
// Accept-Encoding: gzip when it may decompress the answer itself.)
func requestHead(req *http.Request) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", req.Method, req.URL.RequestURI(), req.URL.Host)
	req.Header.Write(&b)
	b.WriteString("\r\n")
	return b.Bytes()
}

func retryable(err error) bool {
	var se *statusError
	if errors.As(err, &se) {
		return se.transient()
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED)
}

// retryAfter parses a Retry-After header: seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(0, time.Until(t))
	}
	return 0
}

func backoff(base time.Duration, attempt int) time.Duration {
	d := base << (attempt - 1)
	return d/2 + time.Duration(rand.Int64N(int64(d)))
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
