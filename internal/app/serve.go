package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/search/web"
	"github.com/vanban/vanban/tasks"
)

// ServeOptions are the options of `vanban serve`.
type ServeOptions struct {
	Addr string // listen address of the search page and the API
	// Schedule runs the nightly job with Config every day at NightlyAt
	// (time since local midnight).
	Schedule  bool
	NightlyAt time.Duration
	// Config is the sites file of scheduled and admin-triggered jobs.
	Config string
	// AdminToken enables the admin routes (admin.go) with this bearer
	// token; AdminTokenFile reads it from a file instead, and without
	// either it comes from $VANBAN_ADMIN_TOKEN ("": off).
	AdminToken, AdminTokenFile string
	// RequestTimeout is the time a public request has to answer
	// (DefaultRequestTimeout when 0).
	RequestTimeout time.Duration
}

// DefaultRequestTimeout is the time a public request has to answer.
const DefaultRequestTimeout = 15 * time.Second

// RunServe serves the search page and the JSON API on opts.Addr, and the
// control socket (DATA/control.sock) through which a `vanban nightly` hands
// its job over, until ctx is done. The process owns the data directory: the
// nightly job runs in it while searches go on.
func RunServe(ctx context.Context, e *Env, opts ServeOptions) error {
	if opts.Config != "" {
		if _, err := loadConfig(opts.Config); err != nil {
			return err
		}
	}
	token, err := adminToken(opts)
	if err != nil {
		return err
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = DefaultRequestTimeout
	}
	s, err := openServer(ctx, e, opts.Config, token, opts.RequestTimeout)
	if err != nil {
		return err
	}
	defer s.close()
	if err := catchUp(ctx, e, s.store, s.ix, s.log); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	return s.serveOn(ctx, ln, opts)
}

// serveOn serves s on ln, and the control socket, until ctx is done: the
// address the read commands ask is published in DATA/serve.json
// (serveaddr.go) once it listens and removed on return. `vanban serve`
// and `vanban demo` both serve through it.
func (s *server) serveOn(ctx context.Context, ln net.Listener, opts ServeOptions) error {
	e := s.e
	// Jobs end with the server: an interrupted job saves its report
	// (status shows it) and answers its caller before the store closes.
	stopping, stop := context.WithCancelCause(context.WithoutCancel(ctx))
	context.AfterFunc(ctx, func() { stop(errServerStopping) })
	s.stopping = stopping
	defer func() { stop(errServerStopping); s.jobs.Wait() }()
	ctl, err := listenControl(e.Data)
	if err != nil {
		ln.Close()
		return err
	}
	sf, unpublish, err := publishServe(e.Data, ln.Addr())
	if err != nil {
		ln.Close()
		ctl.Close()
		os.Remove(controlPath(e.Data))
		return err
	}
	defer unpublish()
	s.instance = sf.Instance
	fmt.Fprintf(e.Stdout, "serving on http://%s/\n", ln.Addr())
	var wg sync.WaitGroup // the schedule and the tasks table (admin jobs are in s.jobs)
	wg.Add(1)
	go func() { defer wg.Done(); backgroundTasks(ctx, e, s.store, s.tasks, s.log) }()
	if opts.Schedule {
		wg.Add(1)
		go func() { defer wg.Done(); s.schedule(ctx, opts.NightlyAt) }()
	}
	errc := make(chan error, 1)
	go func() { errc <- serveHTTP(ctx, ctl, s.controlHandler(), s.log) }()
	err = serveHTTP(ctx, ln, s.publicHandler(), s.log)
	if cerr := <-errc; err == nil {
		err = cerr
	}
	wg.Wait()
	os.Remove(controlPath(e.Data))
	return err
}

// server owns a data directory: the store and the index are open for
// writing in this process, so the nightly job runs here, indexing while
// searches go on (bleve serves reads during batches).
type server struct {
	// stopping ends when the server stops, with errServerStopping as its
	// cause; jobs counts the nightly jobs running.
	stopping context.Context
	jobs     sync.WaitGroup

	e      *Env
	store  *corpus.Store
	ix     *indexer.Index
	log    *slog.Logger
	config string // sites file of scheduled and admin-triggered jobs
	token  string
	search http.Handler
	tasks  *tasks.Table
	// now is the schedule's clock; nil is time.Now (a test starts it at a
	// time of day it chooses).
	now func() time.Time

	// The read API of the commands (cliapi.go): the instance published
	// in the address file, the time an answer has, and a searcher per
	// weights' profile (under mu).
	instance  string
	timeout   time.Duration
	mu        sync.Mutex
	searchers map[string]*search.Searcher
	cli       http.Handler
	linkSlots chan struct{} // links computed at once (cliapi.go)
	maxExport int           // the most rows of /api/cli/tasks.csv (tasks.MaxExport)
}

func openServer(ctx context.Context, e *Env, config, token string, timeout time.Duration) (*server, error) {
	store, ix, err := openData(ctx, e, false)
	if err != nil {
		return nil, err
	}
	s, err := newServer(e, store, ix, config, token, timeout)
	if err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// newServer is the server of the open store and index (close closes
// them).
func newServer(e *Env, store *corpus.Store, ix *indexer.Index, config, token string, timeout time.Duration) (*server, error) {
	s := &server{stopping: context.Background(), e: e, store: store, ix: ix, log: logger(e.Stderr, false), config: config, token: token, timeout: timeout}
	s.tasks = tasks.New(store, tasks.Options{})
	s.maxExport = tasks.MaxExport
	sr, err := s.searcher("")
	if err != nil {
		return s, err
	}
	s.search = searchHandlerOver(sr, e, store, ix, timeout, func() time.Time {
		if runs, err := history(store); err == nil && len(runs) > 0 {
			return runs[0].Finished
		}
		return time.Time{}
	}, s.tasks)
	s.cli = s.cliHandler()
	return s, nil
}

func (s *server) close() {
	s.ix.Close()
	s.store.Close()
}

// errJobRunning is returned when a nightly job is already running.
var errJobRunning = errors.New("a nightly job is already running")

// errServerStopping is why a job is interrupted when the server stops.
var errServerStopping = errors.New("the server is shutting down")

// runJob runs one nightly job. locked tells whether the caller already
// holds the nightly lock (a `vanban nightly` that handed its job over).
func (s *server) runJob(ctx context.Context, so SitesOptions, deadline time.Duration, locked bool) (*nightlyReport, error) {
	if !locked {
		l, err := tryLock(nightlyLockPath(s.e.Data))
		if errors.Is(err, errHeld) {
			return nil, errJobRunning
		} else if err != nil {
			return nil, err
		}
		defer l.unlock()
	}
	cfg, err := crawler.LoadConfig(so.Config)
	if err != nil {
		return nil, err
	}
	s.jobs.Add(1)
	defer s.jobs.Done()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	defer context.AfterFunc(s.stopping, func() { cancel(context.Cause(s.stopping)) })()
	s.log.Info("nightly job started", "config", so.Config, "prune", so.Prune)
	rep := nightlyJob(ctx, s.e, s.store, s.ix, cfg, cfg.Sites, so, deadline, s.log)
	s.log.Info("nightly job finished", "summary", rep.summary())
	return rep, nil
}

// schedule runs the nightly job every day at the given time of day.
func (s *server) schedule(ctx context.Context, at time.Duration) {
	clock := s.now
	if clock == nil {
		clock = time.Now
	}
	for {
		now := clock()
		day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
		next := day.Add(at)
		if !next.After(now) {
			next = day.AddDate(0, 0, 1).Add(at)
		}
		if sleep(ctx, next.Sub(now)) != nil {
			return
		}
		if _, err := s.runJob(ctx, SitesOptions{Config: s.config}, 0, false); err != nil {
			s.log.Error("scheduled nightly job", "err", err)
		}
	}
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

// controlHandler serves the control socket.
func (s *server) controlHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ping", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, r *http.Request) {
		runs, err := history(s.store)
		s.respondJSON(w, runs, err)
	})
	mux.HandleFunc("GET /stats", func(w http.ResponseWriter, r *http.Request) {
		st, err := computeStats(r.Context(), s.store, s.ix)
		s.respondJSON(w, st, err)
	})
	mux.HandleFunc("POST /nightly", func(w http.ResponseWriter, r *http.Request) {
		var job controlJob
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&job); err != nil {
			writeJSONError(w, http.StatusBadRequest, err)
			return
		}
		d, err := time.ParseDuration(job.Deadline)
		if err != nil {
			writeJSONError(w, http.StatusBadRequest, err)
			return
		}
		s.respondJob(w, r.Context(), SitesOptions{Config: job.Config, Prune: job.Prune}, d, true)
	})
	return mux
}

func (s *server) respondJob(w http.ResponseWriter, ctx context.Context, so SitesOptions, deadline time.Duration, locked bool) {
	rep, err := s.runJob(ctx, so, deadline, locked)
	var ce *crawler.ConfigError
	switch {
	case errors.Is(err, errJobRunning):
		writeJSONError(w, http.StatusConflict, err)
	case errors.As(err, &ce):
		writeJSONError(w, http.StatusUnprocessableEntity, err)
	case err != nil:
		writeJSONError(w, http.StatusInternalServerError, err)
	default:
		writeJSON(w, http.StatusOK, rep)
	}
}

func (s *server) respondJSON(w http.ResponseWriter, v any, err error) {
	if err != nil {
		writeJSONError(w, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func writeJSONError(w http.ResponseWriter, status int, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}

// publicHandler is the search service plus, only when a token is
// configured, the admin routes (admin.go).
func (s *server) publicHandler() http.Handler {
	a := &admin{s: s, token: s.token, log: accessLog(s.e)}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/api/cli" || strings.HasPrefix(r.URL.Path, "/api/cli/"):
			s.cli.ServeHTTP(w, r)
		case !strings.HasPrefix(r.URL.Path, "/admin/"):
			s.search.ServeHTTP(w, r)
		case s.token == "":
			web.SecurityHeaders(w.Header())
			http.NotFound(w, r)
		default:
			a.ServeHTTP(w, r)
		}
	})
}

// serveHTTP serves h on ln until ctx is done, then shuts down gracefully.
// Time and size limits protect it from slow or abusive clients: on TCP,
// reading a request has 10 s and writing an answer 30 s (the search
// handler gives its work DefaultRequestTimeout, web.WithTimeout, and
// streams; an http.TimeoutHandler would buffer whole answers and send a
// 503 without the security headers while the work went on). The control
// socket (long jobs) is not time-limited.
func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	limited := ln.Addr().Network() == "tcp"
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	if limited {
		srv.ReadTimeout = 10 * time.Second
		srv.WriteTimeout = 30 * time.Second
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
