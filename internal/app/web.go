package app

import (
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/search/web"
)

// searchHandler is the web layer (search page, document pages, JSON API,
// exports, metrics, archived copies) over an open store and index: the one
// place `serve` and `demo` build it. Each request has timeout to answer;
// lastCrawl, when not nil, gives the time of the last nightly run for
// /metrics.
func searchHandler(e *Env, store *corpus.Store, ix *indexer.Index, timeout time.Duration, lastCrawl func() time.Time) http.Handler {
	opts := []web.Option{web.WithArchive(archiveFunc(e, store)), web.WithTimeout(timeout),
		web.WithIndexLag(func() (uint64, error) { return indexBehind(store, ix) })}
	if lastCrawl != nil {
		opts = append(opts, web.WithLastCrawl(lastCrawl))
	}
	return web.NewHandler(search.New(ix.Bleve()), store, accessLog(e), opts...)
}

// indexBehind is how many store changes ix has not applied: the store's
// last sequence less the one the index applied.
func indexBehind(store *corpus.Store, ix *indexer.Index) (uint64, error) {
	last, err := store.LastSeq()
	if err != nil {
		return 0, err
	}
	applied, err := ix.AppliedSeq()
	if err != nil {
		return 0, err
	}
	if applied > last {
		return 0, fmt.Errorf("index %s is at sequence %d, ahead of the store's %d: rebuild it (vanban index --rebuild)", ix.Path(), applied, last)
	}
	return last - applied, nil
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

// accessLog logs requests as JSON lines on stderr.
func accessLog(e *Env) *slog.Logger {
	return slog.New(slog.NewJSONHandler(e.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
