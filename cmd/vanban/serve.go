package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/vanban/vanban/search"
)

func cmdServe() *command {
	c := &command{name: "serve", usage: "[--addr 127.0.0.1:8080]", short: "serve the search page and the JSON API"}
	c.run = func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, c)
		addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS`")
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		ix, err := openIndex(e, true)
		if err != nil {
			return err
		}
		defer ix.Close()
		store, err := openStore(e, true)
		if err != nil {
			return err
		}
		defer store.Close()
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return err
		}
		log := logger(e.stderr, false)
		h := search.NewHandler(search.New(ix.Bleve()), store, accessLog(e))
		fmt.Fprintf(e.stdout, "serving on http://%s/\n", ln.Addr())
		return serveHTTP(ctx, ln, h, log)
	}
	return c
}

// accessLog logs requests as JSON lines on stderr.
func accessLog(e *env) *slog.Logger {
	return slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// serveHTTP serves h on ln until ctx is done, then shuts down gracefully.
// Time and size limits protect it from slow or abusive clients.
func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{
		Handler:           http.TimeoutHandler(h, 15*time.Second, `{"error":"timeout"}`),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      20 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := srv.Shutdown(sctx)
		if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
			err = e
		}
		return err
	}
}
