package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/search/web"
	"github.com/vanban/vanban/tasks"
)

// searchHandler is the web layer (search page, document pages, JSON API,
// exports, metrics, archived copies) over an open store and index: the one
// place `serve` and `demo` build it. Each request has timeout to answer;
// lastCrawl, when not nil, gives the time of the last nightly run for
// /metrics; the index's lag behind the store goes to /healthz and /metrics;
// table, when not nil, serves the tasks view.
func searchHandler(e *Env, store *corpus.Store, ix *indexer.Index, timeout time.Duration, lastCrawl func() time.Time, table *tasks.Table) http.Handler {
	return searchHandlerOver(search.New(ix.Bleve(), search.WithTexts(store)), e, store, ix, timeout, lastCrawl, table)
}

// searchHandlerOver is searchHandler over the searcher sr (the server
// shares it with the commands' read API: one admission of costly queries).
func searchHandlerOver(sr *search.Searcher, e *Env, store *corpus.Store, ix *indexer.Index, timeout time.Duration, lastCrawl func() time.Time, table *tasks.Table) http.Handler {
	opts := []web.Option{web.WithArchive(archiveFunc(e, store)), web.WithDeadFiles(deadFilesFunc(store)), web.WithTimeout(timeout), web.WithIndexLag(func() (uint64, error) {
		l, err := indexLag(store, ix)
		return l.Behind, err
	})}
	if table != nil {
		opts = append(opts, web.WithTasks(table))
	}
	if lastCrawl != nil {
		opts = append(opts, web.WithLastCrawl(lastCrawl))
	}
	return web.NewHandler(sr, store, accessLog(e), opts...)
}

// archiveFunc reads a document's archived response from the WARC files.
func archiveFunc(e *Env, store *corpus.Store) web.ArchiveFunc {
	return func(doc *corpus.Document) (*web.ArchivedCopy, error) {
		a, err := crawler.Archived(store, warcDir(e), doc)
		if err != nil {
			return nil, err
		}
		return &web.ArchivedCopy{URL: a.URL, Date: a.Date, ContentType: a.ContentType, Body: a.Body}, nil
	}
}

// deadFilesFunc reads the dead records of the files urls (a document's
// attachments, its own file, the files of a page of hits or tasks):
// crawler.DeadFilesOf, the crawler owning the records and their keys.
func deadFilesFunc(store *corpus.Store) corpus.DeadFilesFunc {
	return func(ctx context.Context, urls []string) (map[string]corpus.DeadMark, error) {
		recs, err := crawler.DeadFilesOf(ctx, store, urls)
		if err != nil {
			return nil, err
		}
		out := make(map[string]corpus.DeadMark, len(recs))
		for u, d := range recs {
			out[u] = corpus.DeadMark{URL: u, Status: d.Status, Since: d.Since, LastAsked: d.LastAsked}
		}
		return out, nil
	}
}

// cliDeadFiles is deadFilesFunc for the commands' pages (search hits,
// tasks; served or not), reading r's store: a store that cannot say
// marks nothing, as addEffects shows no status, and the error is logged
// on r.log naming what asked ("search hits", "tasks"), as the web's pages
// log it; an ended ctx is its error.
func cliDeadFiles(r *reader, what string) corpus.DeadFilesFunc {
	read := deadFilesFunc(r.store)
	return func(ctx context.Context, urls []string) (map[string]corpus.DeadMark, error) {
		recs, err := read(ctx, urls)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			r.log.Warn("dead attachments unreadable: listed without their marks", "for", what, "err", err)
			return nil, nil
		}
		return recs, nil
	}
}

// exportDeadFiles is deadFilesFunc for the tasks CSV (`vanban tasks
// --csv`, served or not): a file kept and read later, where a blank
// plan_dead says the plan's file answers, so a store that cannot say
// fails the export, the error wrapped; an ended ctx is its error.
func exportDeadFiles(r *reader) corpus.DeadFilesFunc {
	read := deadFilesFunc(r.store)
	return func(ctx context.Context, urls []string) (map[string]corpus.DeadMark, error) {
		recs, err := read(ctx, urls)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("the export's plan_dead column cannot be filled, the dead-file records are unreadable: %w", err)
		}
		return recs, nil
	}
}

// accessLog logs requests as JSON lines on stderr.
func accessLog(e *Env) *slog.Logger {
	return slog.New(slog.NewJSONHandler(e.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
