package app

// The read commands (search, refs, links, tasks) compute an answer from a
// reader and print it; the same answer comes from the data directory when
// this process can open it, or from the server that owns it (cliapi.go,
// remote.go): the printing is one code path, so the output is the same.
//
// Why not open the data directory read-only beside the server: bbolt (the
// store, and scorch's root.bolt in the index) takes flock LOCK_SH for a
// read-only open and LOCK_EX for a writer, and they exclude each other;
// bbolt does not support a reader in another process while one writes (the
// writer reuses pages it freed without knowing of that reader, and moves
// the root the meta pages point to), and scorch deletes segment files
// that only its own process knows are unused. A lock-free read could see a
// torn tree; the server already has both open.

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

// reader is what a read command reads: the store, the index (opened when
// first needed), searchers and the task table.
type reader struct {
	data  string // the data directory, for messages
	store *corpus.Store
	// index returns the index; a local reader opens it on first use.
	index func() (*indexer.Index, error)
	// searcher returns a searcher with the weights of profile.
	searcher func(profile string) (*search.Searcher, error)
	// table is the task table; a local reader computes stale tasks itself
	// (tasks.Options.Fresh), a server's follows its log.
	table func() *tasks.Table
	// maxExport is the most rows of a CSV export (tasks.MaxExport).
	maxExport int
	// log is where a failure that leaves the answer whole but unmarked
	// is said: stderr for a local reader, a server's log.
	log   *slog.Logger
	close func()
}

// openReader opens the data directory read-only; the index first when
// withIndex (a search: a directory without one is told to run `vanban
// index`), else when first needed.
func openReader(ctx context.Context, e *Env, withIndex bool) (*reader, error) {
	var once sync.Once
	var ix *indexer.Index
	var ixErr error
	if withIndex {
		if once.Do(func() { ix, ixErr = openIndex(ctx, e, true) }); ixErr != nil {
			return nil, ixErr
		}
	}
	store, err := openStore(ctx, e, true) // read-only: no upgrade; ctx ends only a wait for a writer's lock
	if err != nil {
		if ix != nil {
			ix.Close()
		}
		return nil, err
	}
	r := &reader{data: e.Data, store: store, maxExport: tasks.MaxExport, log: logger(e.Stderr, false)}
	r.index = func() (*indexer.Index, error) {
		once.Do(func() { ix, ixErr = openIndex(ctx, e, true) })
		return ix, ixErr
	}
	r.searcher = func(profile string) (*search.Searcher, error) {
		w, err := search.ProfileWeights(profile, search.DefaultWeights)
		if err != nil {
			return nil, err
		}
		ix, err := r.index()
		if err != nil {
			return nil, err
		}
		return search.New(ix.Bleve(), search.WithTexts(store), search.WithWeights(w)), nil
	}
	r.table = func() *tasks.Table { return tasks.New(store, tasks.Options{Fresh: true}) }
	r.close = func() {
		if ix != nil {
			ix.Close()
		}
		store.Close()
	}
	return r, nil
}

// askOrRead answers a read command: from the server given (--server), else
// from the server that published its address in the data directory, else
// from the data directory itself. A directory held by a process that is no
// server (or a server whose address file is stale) is ErrLocked, the error
// naming the holder and what to do.
//
// name is the command's, for the warning a local reader gives on a store
// whose citation graph another version built (warnStaleGraph).
func askOrRead(ctx context.Context, e *Env, name, server string, withIndex bool, local func(*reader) error, remote func(*cliClient) error) error {
	if server != "" {
		c, err := newCLIClient(server, e.ServerTransport)
		if err != nil {
			return err
		}
		return remote(c)
	}
	c, ferr := findServer(ctx, e)
	if ferr == nil {
		return remote(c)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	r, err := openReader(ctx, e, withIndex)
	if err == nil {
		defer r.close()
		if err = warnStaleGraph(e, name, r.store); err == nil {
			err = local(r)
		}
	}
	if errors.Is(err, ErrLocked) {
		return classify(ErrLocked, fmt.Errorf("%w; %v. Wait for the command holding it to finish; if it is a `vanban serve` on another address, ask it with --server URL", err, ferr))
	}
	return err
}

// graphOther says that the store's citation graph was built by another
// version: what `vanban check` reports (graphStale) and every read command
// warns of (graphStaleRead), worded once.
const graphOther = "the store's citation graph was built by another version of vanban"

// graphStaleRead is the warning of a read command on such a store: a
// read-only open serves the graph as it is (a number's key, a reference's
// relation or date may have been read otherwise: graph.Version), so what
// the command reads of it can disagree with this binary and with the index.
const graphStaleRead = graphOther + ": the citations, effects, parents and links read from it may be stale until `vanban index` rebuilds it"

// graphHalf says that an upgrade in batches was left half done (the
// upgrading mark in the store's meta, corpus/upgradebatch.go): the graph
// may be this binary's, swapped in before the records were all brought
// over, or the old one, so "another version" would be wrong.
const graphHalf = "the store is half-way through an upgrade (its citation graph and records not all brought to this version)"

// graphHalfRead is a read command's warning on such a store.
const graphHalfRead = graphHalf + ": the citations, effects, parents and links read from it may be stale until a read-write command such as `vanban index` finishes the upgrade"

// warnStaleGraph is the one check every read command makes of the store it
// opened read-only (search, refs, links, tasks and its CSV: askOrRead): a
// graph of another graph.Version is said on stderr, once, as "vanban NAME:
// warning: …". A server's answer needs none: `vanban serve` opens the
// store read-write, which rebuilds the graph.
func warnStaleGraph(e *Env, name string, store *corpus.Store) error {
	stale, half, err := staleGraph(store)
	if err != nil || !stale {
		return err
	}
	msg := graphStaleRead
	if half {
		msg = graphHalfRead
	}
	fmt.Fprintf(e.Stderr, "vanban %s: warning: %s\n", name, msg)
	return nil
}

// staleGraph is the one reading of whether the store's graph is stale,
// for `vanban check` and every read command: stale when GraphCurrent says
// so, and half when the store is half-way through an upgrade (graphHalf's
// case) rather than holding the graph of another version (graphOther's).
func staleGraph(store *corpus.Store) (stale, half bool, err error) {
	ok, err := store.GraphCurrent()
	if err != nil || ok {
		return false, false, err
	}
	half, err = store.HalfUpgraded()
	return err == nil, half, err
}
