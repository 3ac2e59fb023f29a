package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler"
	"github.com/vanban/vanban/indexer"
)

// SalvageOptions are the options of `vanban store salvage`.
type SalvageOptions struct {
	// Config, when set, is the sites file: documents lost with the
	// damaged pages are then re-extracted from the WARC archive.
	Config string
	JSON   bool // print the report as JSON
}

// salvageReport is the output of `vanban store salvage`.
type salvageReport struct {
	*corpus.SalvageReport
	LostURLs  []crawler.LostURL `json:"lost_urls,omitempty"`
	Reextract []crawler.Report  `json:"reextract,omitempty"`
	Indexed   int               `json:"indexed"`
	// Error is why the command stopped after the store was salvaged (the
	// re-extraction or the index rebuild failed or was cancelled).
	Error string `json:"error,omitempty"`
}

// RunSalvage replaces a damaged store by a new one holding every readable
// document and state value (corpus.Salvage; the damaged file is kept
// beside it), prepares the crawl to fetch the lost documents again
// (crawler.ForgetLost), re-extracts them from the archive when a sites
// file is given, and rebuilds the index from the new store. No other
// process may have the store open.
func RunSalvage(ctx context.Context, e *Env, opts SalvageOptions) error {
	path := filepath.Join(e.Data, "store.db")
	var cfg *crawler.Config
	if opts.Config != "" {
		var err error
		if cfg, err = loadConfig(opts.Config); err != nil {
			return err
		}
	}
	sp := newUpgradeProgress(e.Stderr, "salvage")
	sr, err := salvageStore(ctx, path, e.Data, sp.update)
	sp.done()
	if err != nil {
		return withReport(err, sr)
	}
	rep := salvageReport{SalvageReport: sr}
	// not stopped by ctx: the salvaged store (of the damaged one's format,
	// upgraded here) must forget the lost documents' validators, or the
	// next crawl is answered 304 for them and never fetches them again
	store, err := openStore(context.WithoutCancel(ctx), e, false)
	if err != nil {
		return withReport(err, sr)
	}
	defer store.Close()
	if rep.LostURLs, err = crawler.ForgetLost(store, sr.LostIDs); err != nil {
		return withReport(err, sr)
	}
	reextract := cfg != nil && len(sr.LostIDs) > 0
	if !opts.JSON { // before the steps a Ctrl-C may stop: the lost IDs are on the screen
		printSalvage(e.Stdout, rep, reextract)
	}
	if reextract {
		c := crawler.New(store, crawler.Options{UserAgent: cfg.UserAgent, Logger: logger(e.Stderr, false), WARCDir: warcDir(e)})
		for _, s := range cfg.Sites {
			r, err := c.Reextract(ctx, s)
			if err != nil {
				return salvageFailed(e, opts, rep, fmt.Errorf("salvage: the store is salvaged (report %s), re-extracting %s failed (run `vanban index --reextract --config FILE`, then `vanban index --rebuild`): %w", sr.Report, s.Name, err))
			}
			if !opts.JSON {
				printReextract(e.Stdout, r)
			}
			rep.Reextract = append(rep.Reextract, r)
		}
	}
	prog := newProgress(e.Stderr, "index")
	st, err := indexer.Rebuild(ctx, indexer.DirFor(e.Data), store, func(st indexer.SyncStats) { prog.update(st.Indexed+st.Removed, st.Bytes) }, false)
	prog.done()
	if err != nil {
		return salvageFailed(e, opts, rep, fmt.Errorf("salvage: the store is salvaged (report %s), rebuilding the index failed (run `vanban index --rebuild`): %w", sr.Report, err))
	}
	rep.Indexed = st.Indexed
	if opts.JSON {
		return writeJSONTo(e.Stdout, rep)
	}
	fmt.Fprintf(e.Stdout, "index rebuilt: %d documents\n", rep.Indexed)
	return nil
}

// withReport is err of a salvage that failed once its report was kept
// beside the store, naming the report (what was lost, by ID).
func withReport(err error, sr *corpus.SalvageReport) error {
	if sr == nil || sr.Report == "" {
		return err
	}
	if _, serr := os.Stat(sr.Report); serr != nil {
		return err
	}
	return fmt.Errorf("%w (the salvage's report, naming what was lost by ID: %s)", err, sr.Report)
}

// salvageFailed is err of a salvage stopped after the store is salvaged:
// with --json the report is printed first, its error set (the text
// report was printed before the step that failed).
func salvageFailed(e *Env, opts SalvageOptions, rep salvageReport, err error) error {
	if opts.JSON {
		rep.Error = err.Error()
		if werr := writeJSONTo(e.Stdout, rep); werr != nil {
			return errors.Join(err, werr)
		}
	}
	return err
}

// salvageStore salvages the store at path (of data directory data) under
// its lock, and removes the index: the salvaged records have new
// sequences (from 1, in their old order), which an index built from the
// damaged store cannot be compared with. Left in place, an index whose
// sequence is below the new last one reads as only "behind", and a
// catch-up after an interrupted salvage (killed before the rebuild)
// would skip the records renumbered below it, serving their old text.
// Without an index the next writable open builds one from the store.
// progress is told how far the salvage has come (corpus.Salvage).
func salvageStore(ctx context.Context, path, data string, progress func(corpus.Progress)) (*corpus.SalvageReport, error) {
	l, err := lockFile(path, true)
	if errors.Is(err, errHeld) {
		return nil, classify(ErrLocked, fmt.Errorf("%w: stop the vanban process using this data directory first", err))
	} else if err != nil {
		if w := corpus.SalvageWaiting(data); w != nil { // no store.db: a salvage stopped between its renames
			return nil, w
		}
		return nil, fmt.Errorf("salvage: %w", err)
	}
	defer l.unlock()
	sr, err := corpus.Salvage(ctx, data, progress)
	if err != nil {
		return sr, err
	}
	if err := os.RemoveAll(indexer.DirFor(data)); err != nil {
		return sr, fmt.Errorf("salvage: the store is salvaged, removing the old index failed (run `vanban index --rebuild`): %w", err)
	}
	return sr, nil
}

// printSalvage prints what the salvage kept and lost (the re-extraction's
// and the index's lines follow).
func printSalvage(w io.Writer, r salvageReport, reextracting bool) {
	fmt.Fprintf(w, "salvaged %d documents (%d gone) and %d state values into a new %s\nthe damaged file is kept as %s\nthis report is kept as %s\n",
		r.Documents, r.Gone, r.KV, r.To, r.Kept, r.Report)
	if len(r.Lost) == 0 && len(r.LostIDs) == 0 {
		fmt.Fprintln(w, "nothing was lost")
	}
	for _, l := range r.Lost {
		fmt.Fprintf(w, "lost: %s\n", l)
	}
	if r.Unnamed {
		fmt.Fprintln(w, "some lost documents are named by no ID (the sequence index was damaged too): only the damaged file knows them; `vanban check` keeps this report until you remove it")
	}
	if n := len(r.LostIDs); n > 0 && len(r.LostURLs) == 0 {
		fmt.Fprintf(w, "%d documents lost (IDs below); none has a crawl state: they were ingested, ingest their JSON Lines again\n", n)
	} else if n > 0 {
		archived := 0
		for _, u := range r.LostURLs {
			if u.Archived {
				archived++
			}
		}
		fmt.Fprintf(w, "%d documents lost (IDs below); %d of them were crawled (their pages are fetched in full by the next crawl), %d have an archived copy", n, len(r.LostURLs), archived)
		if reextracting {
			fmt.Fprintln(w, ", re-extracted now (below)")
		} else {
			fmt.Fprintln(w, ": `vanban index --reextract --config FILE` restores them without fetching")
		}
	}
	for _, id := range r.LostIDs {
		fmt.Fprintf(w, "  %s\n", id)
	}
}

// salvageNote is what status and check say of the newest salvage report
// beside the store (corpus.SalvageReports), until it is removed.
type salvageNote struct {
	Report string `json:"report"`
	Kept   string `json:"kept"`
	Lost   int    `json:"lost"`   // documents lost, by ID in the report
	Damage int    `json:"damage"` // damaged pages and records the report lists
	Older  int    `json:"older,omitempty"`
	// Unnamed: the salvage lost documents no ID names (its sequence index
	// was damaged too, corpus.SalvageReport.Unnamed): Lost counts only
	// the named ones.
	Unnamed bool `json:"lost_unnamed,omitempty"`
	// Error is why the report does not read (cut short, edited): a note
	// beside the store, it never fails the command that shows it.
	Error string `json:"error,omitempty"`
}

// lastSalvage is the note of the newest salvage report in data, nil for
// none.
func lastSalvage(data string) (*salvageNote, error) {
	names, err := corpus.SalvageReports(data)
	if err != nil || len(names) == 0 {
		return nil, err
	}
	n := &salvageNote{Report: names[0], Older: len(names) - 1}
	r, err := corpus.ReadSalvageReport(names[0])
	if err != nil {
		n.Error = err.Error()
		return n, nil
	}
	n.Kept, n.Lost, n.Damage, n.Unnamed = r.Kept, len(r.LostIDs), len(r.Lost), r.Unnamed
	return n, nil
}

func (n *salvageNote) String() string {
	if n.Error != "" {
		s := n.Error + " (the report does not read: the IDs a salvage lost are in it, or in the damaged file it kept, store.db.bad-*)"
		if n.Older > 0 {
			s += fmt.Sprintf("; %d older reports beside it", n.Older)
		}
		return s
	}
	s := fmt.Sprintf("salvage report %s: %d documents lost (their IDs are in it), %d damaged pages or records; the damaged file is kept as %s (remove both once dealt with)", n.Report, n.Lost, n.Damage, n.Kept)
	if n.Unnamed {
		s += "; more documents were lost that are named by no ID (the sequence index was damaged too): only the damaged file knows them"
	}
	if n.Older > 0 {
		s += fmt.Sprintf("; %d older reports beside it", n.Older)
	}
	return s
}
