package crawler

// The records of a site removed from the configuration. A mature crawler
// neither keeps them for ever nor drops them the first night a site is
// missing from sites.toml (a mistake, a site renamed back, a section
// moved to a site of its own and back):
//
//   - all of them — its run in progress (its run ID, frontier and
//     evidence, evidence.go), its URL states (validators, suspects,
//     misses, archive references), its learned state (nsSite, nsMarks,
//     nsPending) and its dead files — are kept for missForget, a month,
//     so that a site re-added within it resumes where it was: its run
//     where it stopped, with its evidence, its pages with their 304s,
//     its suspects' nights counted, its marks learned; then they are
//     deleted. A site only another configuration crawls (below) is aged
//     by the directory's own configuration's crawls like any removed
//     site: after a month its records go, and its next crawl begins
//     them again (its documents stay). A URL state is
//     the site's while some configured site admits it (its allow
//     patterns, its start and feed URLs): a page shared by two sites
//     stays while either is configured.
//
// Its documents stay in the store and the index: they are the corpus,
// not crawl bookkeeping (a document taken down is a tombstone only when
// its site says so).
//
// PruneDropped runs before a crawl (vanban crawl), with every configured
// site whatever --site selects, and its counts are the crawl summary's.
//
// Only the data directory's own configuration prunes (nsConfig): the
// configuration file the first crawl of the directory read, or the one
// a crawl with --prune made its own. A crawl with another file (`vanban
// crawl --config test.toml`, a test crawl of one site) ages nothing: a
// month of it would otherwise delete the records of every site the
// directory's nightly crawls and the test file leaves out. It says so
// (Dropped.Other), and --prune is how a user who moved or renamed the
// file makes the new one the directory's.
//
// A cancelled prune stops where it is: nothing is written if it stops in
// its reads; stopped between its write transactions, it leaves records
// a later prune finishes (each site's run ID before its frontier, a
// state's case-fold records before the state, a site's first night
// last), so the next prune ends where an uninterrupted one does.

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
)

// nsDropped holds, for a site no longer configured, when its records
// were first found so: site → RFC 3339 time.
const nsDropped = "crawl/dropped"

// nsConfig holds the data directory's configuration: key configKey, the
// identity (PruneOptions.Config) of the configuration whose crawls prune.
const nsConfig = "crawl/config"

const configKey = "file"

// Dropped counts what PruneDropped did with the records of sites no
// longer configured.
type Dropped struct {
	Sites    []string `json:"sites,omitempty"`     // sites with records, not configured
	RunsKept int      `json:"runs_kept,omitempty"` // runs in progress kept (missForget from when the site was first found)
	Runs     int      `json:"runs,omitempty"`      // runs in progress deleted after missForget (their ID)
	Frontier int      `json:"frontier,omitempty"`  // their frontier entries deleted
	Evidence int      `json:"evidence,omitempty"`  // their evidence records deleted
	Kept     int      `json:"kept,omitempty"`      // URL states kept (missForget from when first found)
	Deleted  int      `json:"deleted,omitempty"`   // URL states deleted after missForget
	Restored int      `json:"restored,omitempty"`  // URL states a configured site owns again
	// Other is the data directory's configuration when the crawl's is
	// another: nothing was aged or deleted (PruneOptions.Adopt to prune).
	Other string `json:"other_config,omitempty"`
}

// PruneOptions says which configuration a prune is given.
type PruneOptions struct {
	// Config is the configuration's identity: its file's absolute path
	// (Config.Path), or a name of the caller's ("vanban demo").
	Config string
	// Adopt makes Config the data directory's configuration (--prune)
	// when another one is.
	Adopt bool
	// Guest never makes Config the directory's, Adopt or not, not even
	// on its first crawl (vanban demo, given a directory with --data):
	// it prunes only a directory already its own.
	Guest bool
}

// sameConfig reports whether the configurations named home (the data
// directory's) and cfg are one: the same name, or two absolute paths of
// one file (a symlinked directory — os.Getwd answers $PWD, so a relative
// --config's absolute path is the link's —, a symlink or a hard link to
// the file). The recorded name is not resolved when it is written: a
// "current" symlink that a deployment moves keeps naming the file in use.
func sameConfig(home, cfg string) bool {
	if home == cfg {
		return true
	}
	if !filepath.IsAbs(home) || !filepath.IsAbs(cfg) {
		return false // a caller's name ("vanban demo")
	}
	a, err := os.Stat(home)
	if err != nil {
		return false // moved away: --prune adopts the new name
	}
	b, err := os.Stat(cfg)
	return err == nil && os.SameFile(a, b)
}

// pruneCheck is how many records PruneDropped reads between two looks at
// its context.
const pruneCheck = 1024

// PruneDropped deletes and ages the records of the sites that are not in
// sites (the rules above), at the time now, when opt.Config is the data
// directory's configuration (or becomes it). A cancelled ctx stops it
// (the error wraps ctx.Err() and says how far it got).
func PruneDropped(ctx context.Context, store *corpus.Store, sites []*Site, now time.Time, opt PruneOptions) (Dropped, error) {
	return pruneDropped(ctx, store, sites, now, opt, pruneBatch)
}

// pruneDropped is PruneDropped writing batch records a transaction.
func pruneDropped(ctx context.Context, store *corpus.Store, sites []*Site, now time.Time, opt PruneOptions, batch int) (Dropped, error) {
	var d Dropped
	home, err := store.GetKV(nsConfig, configKey)
	if err != nil {
		return d, fmt.Errorf("pruning dropped sites: %w", err)
	}
	var ops []corpus.KVOp
	switch {
	case opt.Guest && (home == nil || !sameConfig(string(home), opt.Config)):
		d.Other = string(home) // "" when the directory has none yet
		return d, nil
	case home == nil || opt.Adopt && string(home) != opt.Config:
		// written with the first batch: a prune stopped in its reads writes nothing
		ops = append(ops, corpus.KVOp{NS: nsConfig, Key: configKey, Value: []byte(opt.Config)})
	case !sameConfig(string(home), opt.Config):
		d.Other = string(home)
		return d, nil
	}
	read := 0
	stopped := func() error {
		read++
		if read%pruneCheck != 1 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("stopped before writing: %w", err)
		}
		return nil
	}
	conf := map[string]bool{}
	for _, s := range sites {
		conf[s.Name] = true
	}
	found := map[string]bool{}
	// the writes in the order a prune stopped between its transactions
	// leaves records the next one finishes: an expired site's dead files
	// before the records that make it found (else the next prune finds
	// nothing of it and never deletes them), its run ID before its
	// frontier and evidence, the case-fold records before the states
	// they name (else nothing names them any more), its first night last
	var dead, held, fold, states, last []corpus.KVOp
	del := func(ns, k string) { ops = append(ops, corpus.KVOp{NS: ns, Key: k}) }
	siteOf := func(k string) string { s, _, _ := strings.Cut(k, "\x00"); return s }
	// the run in progress and the learned state, each site's aged from
	// the night it was first found not configured; a run's ID before its
	// frontier and evidence, so that a prune stopped between its batches
	// leaves no run whose empty frontier reads as finished (endLate)
	type records struct {
		ops                      []corpus.KVOp
		runs, frontier, evidence int
	}
	bySite := map[string]*records{}
	for _, ns := range []string{nsRun, nsFrontier, nsEvidence, nsSite, nsMarks, nsPending} {
		err := store.ForEachKV(ns, func(k string, _ []byte) error {
			if err := stopped(); err != nil {
				return err
			}
			s := siteOf(k)
			if conf[s] {
				return nil
			}
			found[s] = true
			h := bySite[s]
			if h == nil {
				h = &records{}
				bySite[s] = h
			}
			h.ops = append(h.ops, corpus.KVOp{NS: ns, Key: k})
			switch ns {
			case nsRun:
				h.runs++
			case nsFrontier:
				h.frontier++
			case nsEvidence:
				h.evidence++
			}
			return nil
		})
		if err != nil {
			return d, fmt.Errorf("pruning dropped sites: %w", err)
		}
	}
	since := map[string]time.Time{}
	err = store.ForEachKV(nsDropped, func(s string, v []byte) error {
		if err := stopped(); err != nil {
			return err
		}
		if conf[s] {
			del(nsDropped, s) // re-added
			return nil
		}
		t, _ := time.Parse(time.RFC3339Nano, string(v))
		since[s] = t
		return nil
	})
	if err != nil {
		return d, fmt.Errorf("pruning dropped sites: %w", err)
	}
	expired := map[string]bool{}
	for _, s := range slices.Sorted(maps.Keys(found)) {
		t, ok := since[s]
		h := bySite[s]
		switch {
		case !ok:
			ops = append(ops, corpus.KVOp{NS: nsDropped, Key: s, Value: []byte(now.UTC().Format(time.RFC3339Nano))})
			d.RunsKept += h.runs
		case now.Sub(t) >= missForget:
			expired[s] = true
			held = append(held, h.ops...)
			d.Runs += h.runs
			d.Frontier += h.frontier
			d.Evidence += h.evidence
			last = append(last, corpus.KVOp{NS: nsDropped, Key: s})
		default:
			d.RunsKept += h.runs
		}
	}
	for s := range since {
		if !found[s] && !conf[s] {
			del(nsDropped, s) // nothing of it left
		}
	}
	if len(expired) > 0 {
		files, err := DeadFiles(store)
		if err != nil {
			return d, fmt.Errorf("pruning dropped sites: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return d, fmt.Errorf("pruning dropped sites: stopped before writing: %w", err)
		}
		for _, f := range files {
			if expired[f.Site] {
				dead = append(dead, corpus.KVOp{NS: nsDeadFile, Key: f.URL})
			}
		}
	}
	// URL states: each aged from the night no configured site owned it
	gone := map[string]bool{}
	err = store.ForEachKV(nsURL, func(u string, v []byte) error {
		if err := stopped(); err != nil {
			return err
		}
		// the two fields the rule reads, not the whole state: most
		// states are a configured site's and nothing is written
		var head struct {
			Parent  string    `json:"parent"`
			Dropped time.Time `json:"dropped"`
		}
		if json.Unmarshal(v, &head) != nil {
			return nil // unreadable: its site repairs it (repairState)
		}
		hs := urlState{Parent: head.Parent}
		owned := slices.ContainsFunc(sites, func(site *Site) bool { return siteOwns(site, u, hs) })
		switch {
		case owned && head.Dropped.IsZero():
			return nil
		case !owned && !head.Dropped.IsZero():
			if now.Sub(head.Dropped) >= missForget {
				states = append(states, corpus.KVOp{NS: nsURL, Key: u})
				gone[u] = true
				d.Deleted++
			} else {
				d.Kept++
			}
			return nil
		}
		s, err := decodeState(u, v)
		if err != nil {
			return nil // unreadable: its site repairs it (repairState)
		}
		if owned {
			s.Dropped = time.Time{}
			d.Restored++
		} else {
			s.Dropped = now.UTC()
			d.Kept++
		}
		b, err := json.Marshal(s)
		if err != nil {
			return fmt.Errorf("%s: %w", u, err)
		}
		states = append(states, corpus.KVOp{NS: nsURL, Key: u, Value: b})
		return nil
	})
	if err != nil {
		return d, fmt.Errorf("pruning dropped sites: %w", err)
	}
	if len(gone) > 0 {
		err = store.ForEachKV(nsFold, func(k string, v []byte) error {
			if err := stopped(); err != nil {
				return err
			}
			if gone[string(v)] {
				fold = append(fold, corpus.KVOp{NS: nsFold, Key: k}) // the spelling's holder deleted (casedup.go)
			}
			return nil
		})
		if err != nil {
			return d, fmt.Errorf("pruning dropped sites: %w", err)
		}
	}
	d.Sites = slices.Sorted(maps.Keys(found))
	ops = slices.Concat(ops, dead, held, fold, states, last)
	for done := 0; done < len(ops); {
		if err := ctx.Err(); err != nil {
			return d, fmt.Errorf("pruning dropped sites: stopped after %d of %d writes (a later prune finishes them): %w", done, len(ops), err)
		}
		n := min(len(ops)-done, batch)
		if err := store.ApplyKV(ops[done : done+n]); err != nil {
			return d, fmt.Errorf("pruning dropped sites: %w", err)
		}
		done += n
	}
	return d, nil
}

// pruneBatch bounds the writes of one PruneDropped transaction.
const pruneBatch = 10000

// siteOwns reports whether the state of u belongs to site: a page it
// admits (its allow patterns, its start and feed URLs), or a file of a
// page it admits (Site.admits, the one rule: a file linked from a home
// page outside allow is the site's as its parent is).
func siteOwns(site *Site, u string, s urlState) bool {
	if s.Parent != "" {
		return site.admits(s.Parent) && site.fileAllowed(u)
	}
	return site.admits(u)
}
