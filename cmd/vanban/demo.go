package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"regexp"

	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/demo"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/search/web"
)

func cmdDemo() *command {
	c := &command{name: "demo", usage: "[--addr 127.0.0.1:8080]",
		short: "crawl the embedded sample portal, index it and serve search (the whole pipeline)"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS` for the search page (a free port if busy)")
		portalOnly := fs.String("portal", "", "only serve the embedded portal on `ADDRESS` (to try crawl and nightly against it)")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		if *portalOnly != "" {
			ln, err := net.Listen("tcp", *portalOnly)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "demo portal: http://%s/\n", ln.Addr())
			return serveHTTP(ctx, ln, demo.Handler(), logger(e.stderr, false))
		}
		if !e.dataSet {
			tmp, err := os.MkdirTemp("", "vanban-demo-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			e.data = tmp
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
		fmt.Fprintf(e.stdout, "demo portal: %s/\ndata:        %s\n", base, e.data)

		// 2. Crawl it into the store.
		site := demoSite(base)
		cfg := &crawler.Config{Sites: []*crawler.Site{site}}
		if err := cfg.Validate(); err != nil {
			return err
		}
		store, err := openStore(e, false)
		if err != nil {
			return err
		}
		defer store.Close()
		log := logger(e.stderr, false)
		rep := runCrawl(ctx, e, store, cfg.UserAgent, cfg.Sites, crawler.Limits{}, log)
		fmt.Fprintln(e.stdout, rep.summary())

		// 3. Index.
		ix, err := openIndex(e, false)
		if err != nil {
			return err
		}
		defer ix.Close()
		st, err := ix.Sync(ctx, store, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "index: %d documents indexed in %s\n", st.Indexed, st.Duration.Round(1e6))

		// 4. Serve.
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
				return err
			}
		}
		h := web.NewHandler(search.New(ix.Bleve()), store, accessLog(e), web.WithArchive(archiveFunc(e, store)))
		fmt.Fprintf(e.stdout, "\nOpen http://%s/?q=nghi+quyet  (Ctrl-C to stop)\n", ln.Addr())
		return serveHTTP(ctx, ln, h, log)
	}
	return c
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
