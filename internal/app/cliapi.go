package app

// The read API of the commands: while `vanban serve` holds a data
// directory (its store and index locked, reader.go says why), `vanban
// search`, `refs`, `links` and `tasks` ask the server for the answer they
// would compute themselves and print it as they print their own (remote.go):
//
//	GET /api/cli                {"instance"}: the address file's check (serveaddr.go)
//	GET /api/cli/search         q, limit, type, issuer, site, from, to (RFC 3339), in_force=1, profile → search.Result
//	GET /api/cli/refs           arg → refsAnswer
//	GET /api/cli/links          arg → linksAnswer
//	GET /api/cli/tasks          the filter (taskValues: offset and limit, not page) → tasksAnswer
//	GET /api/cli/tasks.csv      the filter and rows → CSV without BOM, at most tasks.MaxExport rows; notes in
//	                            Vanban-Notes; trailer Vanban-Complete, Vanban-Cut (rows: more matched) or Vanban-Error
//
// The public API (/api/search, /api/refs, /api/tasks…) answers the web's
// questions in the web's shapes (an exact total and facets, cited-by in
// pages of 100, a CSV with a BOM, pages rather than offsets); these answer
// the commands' in theirs, so that a command prints the same bytes whether
// it read the directory or asked the server. A command's own error (an
// unknown number, a bad filter: isOwnError) is 422 {"error"}, worded as
// the command words it; a malformed parameter is 400; a failure of the
// server (its store, its index) is logged and answered 500 with a short
// message, as the public routes answer theirs.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/search/web"
	"github.com/vanban/vanban/tasks"
)

// linkSlots is how many links computations /api/cli/links runs at once:
// a plan's links are computed on request, not read from the task table
// (a plan under corpus.MaxLinkedBody costs up to some 130 MB and a second).
const linkSlots = 2

// cliHandler serves the read API over the server's open store and index.
func (s *server) cliHandler() http.Handler {
	r := s.reader()
	s.linkSlots = make(chan struct{}, linkSlots)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/cli", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"instance": s.instance})
	})
	mux.HandleFunc("GET /api/cli/search", func(w http.ResponseWriter, req *http.Request) {
		o, err := searchOptions(req.URL.Query())
		if err != nil {
			writeJSONError(w, http.StatusBadRequest, err)
			return
		}
		res, err := answerSearch(req.Context(), r, o)
		s.answer(w, req, res, err)
	})
	mux.HandleFunc("GET /api/cli/refs", func(w http.ResponseWriter, req *http.Request) {
		a, err := answerRefs(req.Context(), r, req.URL.Query().Get("arg"))
		s.answer(w, req, a, err)
	})
	mux.HandleFunc("GET /api/cli/links", func(w http.ResponseWriter, req *http.Request) {
		select { // a slot, within the request's time (503 past it)
		case s.linkSlots <- struct{}{}:
			defer func() { <-s.linkSlots }()
		case <-req.Context().Done():
			s.answer(w, req, nil, req.Context().Err())
			return
		}
		a, err := answerLinks(req.Context(), r, req.URL.Query().Get("arg"))
		s.answer(w, req, a, err)
	})
	mux.HandleFunc("GET /api/cli/tasks", func(w http.ResponseWriter, req *http.Request) {
		f, _, err := taskFilter(req.URL.Query())
		if err != nil {
			writeJSONError(w, http.StatusBadRequest, err)
			return
		}
		a, err := answerTasks(req.Context(), r, f)
		s.answer(w, req, a, err)
	})
	mux.HandleFunc("GET /api/cli/tasks.csv", func(w http.ResponseWriter, req *http.Request) {
		f, rows, err := taskFilter(req.URL.Query())
		if err != nil {
			writeJSONError(w, http.StatusBadRequest, err)
			return
		}
		s.tasksCSV(w, req, r, f, rows)
	})
	access := accessLog(s.e)
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		start := time.Now()
		web.SecurityHeaders(w.Header())
		ctx, cancel := context.WithTimeout(req.Context(), s.timeout)
		defer cancel()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		mux.ServeHTTP(sw, req.WithContext(ctx))
		access.Info("http", "method", req.Method, "path", req.URL.Path, "route", req.URL.Path, "status", sw.status, "dur", time.Since(start))
	})
}

// statusWriter records the status of an answer for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// reader is the server's store and index as the read commands read them.
func (s *server) reader() *reader {
	return &reader{
		data:      s.e.Data,
		store:     s.store,
		index:     func() (*indexer.Index, error) { return s.ix, nil },
		searcher:  s.searcher,
		table:     func() *tasks.Table { return s.tasks },
		maxExport: s.maxExport,
		log:       s.log,
		close:     func() {},
	}
}

// searcher is the server's searcher of a profile, made once: its caches
// and its admission of costly queries are shared by the requests.
func (s *server) searcher(profile string) (*search.Searcher, error) {
	w, err := search.ProfileWeights(profile, search.DefaultWeights)
	if err != nil {
		return nil, ownError(err) // an unknown profile
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if sr := s.searchers[profile]; sr != nil {
		return sr, nil
	}
	if s.searchers == nil {
		s.searchers = map[string]*search.Searcher{}
	}
	sr := search.New(s.ix.Bleve(), search.WithTexts(s.store), search.WithWeights(w))
	s.searchers[profile] = sr
	return sr, nil
}

// commandError is a command's own error: its words are the answer (a
// number naming nothing, a document too long to link), read the same
// whether the command read the directory or asked the server.
type commandError struct{ err error }

func (e *commandError) Error() string { return e.err.Error() }
func (e *commandError) Unwrap() error { return e.err }

// ownError marks err as the command's own.
func ownError(err error) error { return &commandError{err} }

// isOwnError reports whether err is the command's own, to be answered in
// its words: marked by ownError, a filter the table cannot read, a query
// refused for its cost or its dates, an empty query. Any other error is a
// failure of the server, whose text (paths, store errors) stays in its log.
func isOwnError(err error) bool {
	var (
		ce *commandError
		fe *tasks.FilterError
		qe *search.CostError
		de *search.DateRangeError
	)
	return errors.As(err, &ce) || errors.As(err, &fe) || errors.As(err, &qe) || errors.As(err, &de) || errors.Is(err, search.ErrEmptyQuery)
}

// errOutOfTime is the answer of a request whose time ran out.
var errOutOfTime = errors.New("the server ran out of time for this answer; narrow the question or try again")

// answer writes a command's answer, or its error: 422 with the command's
// message, 503 when the time ran out or costly searches are queued,
// nothing when the client left, else 500 (logged).
func (s *server) answer(w http.ResponseWriter, req *http.Request, v any, err error) {
	ctx := req.Context()
	switch {
	case err == nil:
		writeJSON(w, http.StatusOK, v)
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			writeJSONError(w, http.StatusServiceUnavailable, errOutOfTime)
		}
	case isOwnError(err):
		writeJSONError(w, http.StatusUnprocessableEntity, err)
	case errors.Is(err, search.ErrBusy):
		writeJSONError(w, http.StatusServiceUnavailable, err)
	default:
		writeJSONError(w, http.StatusInternalServerError, s.failed(req, err))
	}
}

// failed logs a failure of the server answering req and returns the
// short message the client gets: "refs failed; the server's log says why".
func (s *server) failed(req *http.Request, err error) error {
	what := strings.TrimPrefix(req.URL.Path, "/api/cli/")
	s.log.Error("cli "+what+" failed", "path", req.URL.Path, "err", err)
	return fmt.Errorf("%s failed; the server's log says why", what)
}

// tasksCSV streams the CSV of `vanban tasks --csv`; the trailer says
// whether it is whole.
func (s *server) tasksCSV(w http.ResponseWriter, req *http.Request, r *reader, f tasks.Filter, rows int) {
	ctx := req.Context()
	table, notes, err := taskTable(ctx, r, &f)
	if err != nil {
		s.answer(w, req, nil, err)
		return
	}
	w.Header().Set("Trailer", trailerDone+", "+trailerCut+", "+trailerError)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	if len(notes) > 0 {
		w.Header().Set(headerNotes, joinNotes(notes))
	}
	err = writeTasksCSV(ctx, w, table, exportDeadFiles(r), f, rows, s.maxExport)
	if cut := (*exportCutError)(nil); errors.As(err, &cut) {
		w.Header().Set(trailerCut, strconv.Itoa(cut.rows))
		return
	}
	if err != nil {
		msg := errOutOfTime
		switch {
		case ctx.Err() != nil && errors.Is(err, ctx.Err()):
			s.log.Warn("tasks CSV for the command line ended short", "err", err)
		case isOwnError(err):
			msg = err
		default:
			msg = s.failed(req, err)
		}
		w.Header().Set(trailerError, strings.Join(strings.Fields(msg.Error()), " "))
		return
	}
	w.Header().Set(trailerDone, "1")
}
