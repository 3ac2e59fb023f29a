package crawler

import (
	"context"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robots caches one parsed robots.txt per host (scheme://host).
type robots struct {
	mu    sync.Mutex
	hosts map[string]*robotsEntry
}

type robotsEntry struct {
	once sync.Once
	data *robotstxt.RobotsData
	err  error // robots.txt unreachable or answered 5xx: the host is off for this run
}

func newRobots() *robots { return &robots{hosts: map[string]*robotsEntry{}} }

// get returns the rules of u's host, fetching robots.txt once. A missing
// robots.txt (4xx) allows everything; a server error disallows everything
// for this run (RFC 9309 §2.3.1.4), as does an unreachable host.
func (c *Crawler) robotsFor(ctx context.Context, u *url.URL, delay time.Duration, arch *archive) *robotstxt.RobotsData {
	return c.robotsEntry(ctx, u, delay, arch).data
}

// The answer is archived in arch (the run that asks first) when it is not nil.
func (c *Crawler) robotsEntry(ctx context.Context, u *url.URL, delay time.Duration, arch *archive) *robotsEntry {
	origin := u.Scheme + "://" + u.Host
	c.robots.mu.Lock()
	e := c.robots.hosts[origin]
	if e == nil {
		e = &robotsEntry{}
		c.robots.hosts[origin] = e
	}
	c.robots.mu.Unlock()
	e.once.Do(func() {
		resp, err := c.fetch(ctx, delay, origin+"/robots.txt", conditional{}, arch)
		switch {
		case err != nil:
			c.log.Warn("robots.txt unavailable; host disallowed for this run", "url", origin+"/robots.txt", "err", err)
			e.data, _ = robotstxt.FromStatusAndBytes(500, nil)
			e.err = fmt.Errorf("robots.txt: %w", err)
		case resp.Status >= 500:
			e.data, _ = robotstxt.FromStatusAndBytes(resp.Status, resp.Body)
			e.err = fmt.Errorf("robots.txt: HTTP %d", resp.Status)
		default:
			e.data, err = robotstxt.FromStatusAndBytes(resp.Status, resp.Body)
			if err != nil {
				c.log.Warn("robots.txt unparsable; allowing all", "url", origin+"/robots.txt", "err", err)
				e.data, _ = robotstxt.FromStatusAndBytes(404, nil)
			}
			// robots.txt went through the gate at the site's delay: its
			// Crawl-delay holds from it, for the sitemap and first page.
			if g := e.data.FindGroup(c.userAgent); g != nil && g.CrawlDelay > delay {
				c.gate.hold(u.Host, resp.Date.Add(g.CrawlDelay))
			}
		}
	})
	return e
}

// robotsAllowed reports whether the crawler's agent may fetch u. It returns
// an error, and false, when the host's robots.txt could not be read (the
// page then counts as failed, not as denied, so that an unreachable portal
// makes the run partial instead of silently empty).
func (c *Crawler) robotsAllowed(ctx context.Context, u *url.URL, delay time.Duration, arch *archive) (bool, error) {
	e := c.robotsEntry(ctx, u, delay, arch)
	if e.err != nil {
		return false, e.err
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.data.TestAgent(path, c.userAgent), nil
}

// hostDelay is the site delay, or the host's Crawl-delay when larger.
func (c *Crawler) hostDelay(ctx context.Context, u *url.URL, delay time.Duration, arch *archive) time.Duration {
	if g := c.robotsFor(ctx, u, delay, arch).FindGroup(c.userAgent); g != nil && g.CrawlDelay > delay {
		return g.CrawlDelay
	}
	return delay
}
