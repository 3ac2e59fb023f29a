package crawler

import (
	"errors"
	"fmt"
	"strings"

	"github.com/vanban/vanban/corpus"
)

// A site's run in progress (nsRun) belongs to the configuration that
// began it. Sites are keyed by name, so a test file with a site of the
// nightly's name would otherwise resume the nightly's run with its own
// patterns — its frontier read, its evidence decided, its end's
// tombstones and forgetting taken on pages the nightly's patterns never
// asked for. The record names the configuration (Options.Config) beside
// the run's ID, and a crawl of another configuration:
//
//   - refuses the site (ErrOtherRun), the run left untouched for the
//     configuration that began it, unless
//   - it is the data directory's own (crawl/config, PruneDropped): it
//     takes the run over — discards the other's frontier and starts a
//     run of its own — so that a test file's stopped run never keeps the
//     nightly off a site, and `--prune` (which makes a file the
//     directory's own) is the one way to hand a site over.
//
// Configurations are compared as PruneDropped compares them (sameConfig:
// a file by another path is the same). A run recorded before runs named
// their configuration (the ID alone) is the directory's own
// configuration's (the nightly began it: a test file meeting it is
// refused), any configuration's in a directory of none (or a crawl
// naming none); it is named by the one that resumes it.

// ErrOtherRun is returned by Crawl (as an *OtherRunError) for a site
// whose run in progress another configuration began.
var ErrOtherRun = errors.New("crawler: a run in progress of another configuration")

// runValue is the nsRun record of the run id begun by the configuration
// config: the ID, then the configuration on a line of its own.
func runValue(id, config string) []byte {
	if config == "" {
		return []byte(id)
	}
	return []byte(id + "\n" + config)
}

// parseRun reads an nsRun record (runValue).
func parseRun(v []byte) (id, config string) {
	id, config, _ = strings.Cut(string(v), "\n")
	return id, config
}

// runOwner decides what the crawl does with a run in progress that the
// configuration config began (parseRun): resume it (own), take it over
// (the directory's own configuration: the run discarded), or refuse
// (ErrOtherRun, saying which configuration and how many pages wait).
func (r *run) runOwner(config string, pending int) (own bool, err error) {
	if sameConfig(config, r.c.config) {
		return true, nil
	}
	home, err := r.c.store.GetKV(nsConfig, configKey)
	if err != nil {
		return false, err
	}
	if config == "" {
		// a run recorded before runs named their configuration: the
		// directory's own file's (the nightly began it), any file's in a
		// directory of none
		if home == nil || r.c.config == "" {
			return true, nil
		}
		config = string(home)
		if sameConfig(config, r.c.config) {
			return true, nil
		}
	}
	if home != nil && r.c.config != "" && sameConfig(string(home), r.c.config) {
		return false, nil
	}
	return false, &OtherRunError{Site: r.site.Name, Config: config, This: r.c.config, Pending: pending}
}

// OtherRunError is ErrOtherRun for one site: the configuration that
// began its run, the one refused, the run's queued pages.
type OtherRunError struct {
	Site    string
	Config  string // the configuration that began the run
	This    string // the configuration refused ("": a crawl naming none)
	Pending int
}

func (e *OtherRunError) Error() string {
	this := e.This
	if this == "" {
		this = "a crawl naming no configuration"
	}
	return fmt.Sprintf("%v: site %q: the run was begun by %s, not by %s (queued pages: %d): not resumed with this file's patterns; crawl it with %s, or with the data directory's own sites file, which takes the run over (--prune makes a file the directory's own)",
		ErrOtherRun, e.Site, e.Config, this, e.Pending, e.Config)
}

// Is makes errors.Is(err, ErrOtherRun) true.
func (e *OtherRunError) Is(target error) bool { return target == ErrOtherRun }

// discardRun deletes the frontier of the run another configuration began
// (runOwner), the directory's own configuration taking the site over;
// its evidence is cleared with the new run's start.
func (r *run) discardRun(pending []string) error {
	ops := make([]corpus.KVOp, 0, len(pending))
	for _, u := range pending {
		ops = append(ops, corpus.KVOp{NS: nsFrontier, Key: frontierKey(r.site.Name, u)})
	}
	return r.c.store.ApplyKV(ops)
}
