package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// CheckOptions are the options of `vanban check`.
type CheckOptions struct {
	JSON bool // print the report as JSON
}

// checkReport is the output of `vanban check`.
type checkReport struct {
	Store *corpus.CheckReport `json:"store"`
	Index *indexCheck         `json:"index,omitempty"`
	// Salvage is the newest salvage report beside the store, until it is
	// removed.
	Salvage *salvageNote `json:"salvage,omitempty"`
	// SalvageRemoved are the older salvage reports this check removed:
	// every document they lost is in the store again
	// (corpus.PruneSalvageReports).
	SalvageRemoved []string `json:"salvage_removed,omitempty"`
	// SalvagePruneError is why older salvage reports could not be looked
	// up or removed (a read-only mount, a file nobody may remove): a note
	// beside a sound store, never the command's error.
	SalvagePruneError string `json:"salvage_prune_error,omitempty"`
}

// indexCheck is the index's part of `vanban check`.
type indexCheck struct {
	Path      string `json:"path"`
	Documents uint64 `json:"documents"`
	Lag       *lag   `json:"lag,omitempty"`
	// Graph is set when the store's citation graph is of another
	// graph.Version than this binary's: the effect spans the index keeps
	// may be stale until a read-write command rebuilds the graph (which
	// moves every document to a new sequence) and the index applies it.
	Graph string `json:"graph,omitempty"`
	Error string `json:"error,omitempty"`
}

// graphStale is indexCheck.Graph's text.
const graphStale = graphOther + ": effects and the in-force filter may be stale until `vanban index` rebuilds it and re-indexes every document"

// graphStaleHalf is indexCheck.Graph's text on a store an upgrade in
// batches left half done (staleGraph).
const graphStaleHalf = graphHalf + ": effects and the in-force filter may be stale until a read-write command such as `vanban index` finishes the upgrade"

// RunCheck checks the data directory completely: every page and document
// of the store (corpus.CheckStore: damage found marks the store, so that
// nothing writes into it; a clean check clears an earlier mark), then
// whether the index opens and how far it is behind the store. It fails
// when either is damaged, saying what to do.
func RunCheck(ctx context.Context, e *Env, opts CheckOptions) error {
	path := filepath.Join(e.Data, "store.db")
	l, err := lockFile(path, false) // no writer while the file is read
	if errors.Is(err, errHeld) {
		return classify(ErrLocked, fmt.Errorf("%w: a vanban process has the store open for writing (stop `vanban serve`, or wait for the running job)", err))
	} else if err != nil {
		if w := corpus.SalvageWaiting(e.Data); w != nil { // no store.db: a salvage stopped between its renames
			return w
		}
		return fmt.Errorf("check: %w", err)
	}
	defer l.unlock()
	rep := checkReport{}
	if rep.Store, err = corpus.CheckStore(ctx, e.Data); err != nil {
		return err
	}
	if rep.Store.OK() {
		rep.Index = checkIndex(ctx, e)
		if rep.SalvageRemoved, err = pruneSalvageReports(ctx, e); err != nil {
			rep.SalvagePruneError = err.Error()
		}
	}
	if rep.Salvage, err = lastSalvage(e.Data); err != nil {
		return err
	}
	if opts.JSON {
		if err := writeJSONTo(e.Stdout, rep); err != nil {
			return err
		}
	} else {
		printCheck(e.Stdout, rep)
	}
	if err := rep.Store.Err(); err != nil {
		return err
	}
	if rep.Index != nil && rep.Index.Error != "" {
		return errors.New(rep.Index.Error)
	}
	return nil
}

// pruneSalvageReports removes the older salvage reports beside a sound
// store whose lost documents are all in it again; the caller holds the
// store's lock file, so no salvage runs meanwhile. It returns the reports
// removed even when it fails: its error is a note (checkReport), the
// reports it could not remove are kept for the next check.
func pruneSalvageReports(ctx context.Context, e *Env) ([]string, error) {
	if names, err := corpus.SalvageReports(e.Data); err != nil || len(names) < 2 {
		return nil, err // the newest is always kept: nothing to look up
	}
	store, err := openStore(ctx, e, true)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	return corpus.PruneSalvageReports(e.Data, store)
}

// checkIndex opens the index read-only and measures its lag.
func checkIndex(ctx context.Context, e *Env) *indexCheck {
	ic := &indexCheck{Path: indexer.DirFor(e.Data)}
	if _, err := os.Stat(ic.Path); err != nil {
		ic.Error = fmt.Sprintf("no index at %s: build it with `vanban index`", ic.Path)
		return ic
	}
	store, ix, err := openData(ctx, e, true) // read-only: no upgrade; ctx ends only a wait for a lock
	if err != nil {
		ic.Error = err.Error()
		return ic
	}
	defer store.Close()
	defer ix.Close()
	if ic.Documents, err = ix.DocCount(); err != nil {
		ic.Error = fmt.Sprintf("index %s cannot count its documents: %v", ic.Path, err)
		return ic
	}
	l, err := indexLag(store, ix)
	if err != nil {
		ic.Error = err.Error()
		return ic
	}
	ic.Lag = &l
	if stale, half, err := staleGraph(store); err != nil {
		ic.Error = err.Error()
	} else if half {
		ic.Graph = graphStaleHalf
	} else if stale {
		ic.Graph = graphStale
	}
	return ic
}

func printCheck(w io.Writer, r checkReport) {
	s := r.Store
	state := "ok"
	if !s.OK() {
		state = "DAMAGED"
	} else if s.Upgrade != nil {
		state = "ok, but half-way through an upgrade"
	}
	fmt.Fprintf(w, "store  %s: %d pages, %d documents (%d gone), %d state values: %s\n", s.Path, s.Pages, s.Documents, s.Gone, s.KV, state)
	for _, p := range s.Problems {
		fmt.Fprintf(w, "  %s\n", p)
	}
	if s.Upgrade != nil {
		fmt.Fprintf(w, "  %s\n", s.Upgrade)
	}
	for _, name := range r.SalvageRemoved {
		fmt.Fprintf(w, "  removed salvage report %s: every document it lost is in the store again (the damaged file it names is kept)\n", name)
	}
	if r.SalvagePruneError != "" {
		// one line: errors.Join put each report's error on a line of its own
		fmt.Fprintf(w, "  older salvage reports could not all be judged or removed; those are kept for the next check (the store is not affected): %s\n",
			strings.ReplaceAll(r.SalvagePruneError, "\n", "; "))
	}
	if s.Cleared {
		fmt.Fprintln(w, "  the store checks clean: its damage mark was removed, writing is allowed again")
	}
	if ix := r.Index; ix != nil {
		switch {
		case ix.Error != "":
			fmt.Fprintf(w, "index  %s: %s\n", ix.Path, ix.Error)
		default:
			fmt.Fprintf(w, "index  %s: %d documents, %s\n", ix.Path, ix.Documents, ix.Lag)
		}
		if ix.Graph != "" {
			fmt.Fprintf(w, "  %s\n", ix.Graph)
		}
	}
	if r.Salvage != nil {
		fmt.Fprintln(w, r.Salvage)
	}
}
