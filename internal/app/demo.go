package app

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"regexp"

	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/demo"
)

// DemoOptions are the options of `vanban demo`.
type DemoOptions struct {
	Addr string // listen address of the search page (a free port if busy)
	// Portal, when set, only serves the embedded portal on this address.
	Portal string
	// TempData crawls into a temporary data directory, removed at the end,
	// instead of e.Data.
	TempData bool
	// NoOCR stores the portal's scanned attachment without OCR.
	NoOCR bool
}

// RunDemo runs the whole pipeline on the embedded sample portal: serve it on
// a free loopback port, crawl it into the store (its articles and their
// attached files: a text PDF, a scanned PDF read by OCR, a DOCX and a TCVN3
// DOC), index it and serve search, until ctx is done.
func RunDemo(ctx context.Context, e *Env, opts DemoOptions) error {
	if opts.Portal != "" {
		ln, err := net.Listen("tcp", opts.Portal)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "demo portal: http://%s/\n", ln.Addr())
		return serveHTTP(ctx, ln, demo.Handler(), logger(e.Stderr, false))
	}
	if opts.TempData {
		tmp, err := os.MkdirTemp("", "vanban-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		de := *e
		de.Data = tmp
		e = &de
	}
	// 1. The embedded portal on a free loopback port.
	portalLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	portal := &http.Server{Handler: demo.Handler()}
	go portal.Serve(portalLn)
	defer portal.Close()
	base := "http://" + portalLn.Addr().String()
	fmt.Fprintf(e.Stdout, "demo portal: %s/\ndata:        %s\n", base, e.Data)

	// 2. Crawl it into the store.
	site := demoSite(base)
	cfg := &crawler.Config{Path: "vanban demo", Sites: []*crawler.Site{site}}
	if opts.NoOCR {
		cfg.Files.OCR = new(bool)
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	store, err := openStore(ctx, e, false)
	if err != nil {
		return err
	}
	defer store.Close()
	log := logger(e.Stderr, false)
	// a guest in a directory given with --data: never its configuration
	rep := runCrawl(ctx, e, store, cfg, cfg.Sites, crawler.Limits{}, crawler.PruneOptions{Config: cfg.Path, Guest: true}, log)
	fmt.Fprintln(e.Stdout, rep.summary())

	// 3. Index.
	ix, err := openIndex(ctx, e, false)
	if err != nil {
		return err
	}
	defer ix.Close()
	st, err := ix.Sync(ctx, store, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "index: %d documents indexed in %s\n", st.Indexed, st.Duration.Round(1e6))
	if err := syncTasks(ctx, e, store, e.Stdout); err != nil {
		return err
	}

	// 4. Serve, as `vanban serve` does: the read commands beside it ask it
	// (its address published in the data directory, serveaddr.go).
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			return err
		}
	}
	s, err := newServer(e, store, ix, "", "", DefaultRequestTimeout)
	if err != nil {
		ln.Close()
		return err
	}
	fmt.Fprintf(e.Stdout, "\nOpen http://%s/?q=nghi+quyet  (Ctrl-C to stop)\n", ln.Addr())
	return s.serveOn(ctx, ln, ServeOptions{})
}

// demoSite is the crawl profile of the embedded portal.
func demoSite(base string) *crawler.Site {
	var start []string
	for _, p := range demo.StartPaths() {
		start = append(start, base+p)
	}
	return &crawler.Site{
		Name:        "demo",
		Start:       start,
		Allow:       []string{"^" + regexp.QuoteMeta(base) + "/"},
		Article:     []string{`/tin-tuc/[a-z0-9-]+/\d{4}/\d{2}/\d+-[a-z0-9-]+\.html$`},
		Concurrency: 4,
	}
}
