package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A salvage's report (SalvageReport as JSON: what was copied, where the
// damaged file is kept, what was lost, by ID) is a file beside the store,
// dir/salvage-TIME.json, TIME the kept file's stamp: the lost IDs of an
// ingested document are named nowhere else but in the kept damaged file,
// and a command stopped after the salvage (its index rebuild cancelled)
// prints nothing. Salvage writes it into salvage.tmp before its renames
// and moves it beside the store after them; `vanban status` and `vanban
// check` name the newest one until it is removed. Retention
// (PruneSalvageReports, run by `vanban check` of a sound store): a report
// is kept while a document it lost is not in the store again, the newest
// always, one whose lost documents are not all named (Unnamed) until a
// person removes it.

// reportFiles are the salvage reports' paths in data directory dir,
// oldest first (the stamps sort as times): the directory read and its
// names matched, never globbed — a data directory's name may hold Glob's
// metacharacters ("d[ab]" globbed lists the reports of "da" and "db").
func reportFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("corpus: salvage reports in %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, "salvage-") && strings.HasSuffix(n, ".json") {
			names = append(names, filepath.Join(dir, n))
		}
	}
	return names, nil // ReadDir sorts by name
}

// salvageTmp is the directory of data directory dir a salvage writes its
// copy and its report into before it moves them beside the store.
func salvageTmp(dir string) string { return filepath.Join(dir, "salvage.tmp") }

// pendingReport is the report's name inside salvage.tmp, until the
// salvaged store is in place.
const pendingReport = "report.json"

// salvageReportPath is the report of the salvage stamped stamp.
func salvageReportPath(dir, stamp string) string {
	return filepath.Join(dir, "salvage-"+stamp+".json")
}

// stampLayout is a salvage's stamp (its kept file's and its report's
// names): fixed width, so that the names sort as the times.
const stampLayout = "20060102T150405.000Z"

// salvageStamp is the stamp of a salvage at now in dir: the first from
// now on, a millisecond apart, that names neither a kept file nor a
// report already there (a rename onto one would replace it).
func salvageStamp(dir string, now time.Time) string {
	for t := now.UTC(); ; t = t.Add(time.Millisecond) {
		stamp := t.Format(stampLayout)
		_, kerr := os.Lstat(filepath.Join(dir, "store.db.bad-"+stamp))
		_, rerr := os.Lstat(salvageReportPath(dir, stamp))
		if errors.Is(kerr, fs.ErrNotExist) && errors.Is(rerr, fs.ErrNotExist) {
			return stamp
		}
	}
}

// pendingSalvageReport is the report a salvage left in salvage.tmp when
// it was stopped after moving its copy in place and before moving the
// report beside it (store.db there, no store.db in salvage.tmp), "" for
// none. A report there while salvage.tmp still holds the copy belongs to
// a salvage stopped before it changed the store, and is no report.
func pendingSalvageReport(dir string) string {
	tmp := salvageTmp(dir)
	pending := filepath.Join(tmp, pendingReport)
	if _, err := os.Stat(pending); err != nil {
		return ""
	}
	if _, err := os.Stat(filepath.Join(tmp, "store.db")); !errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	if _, err := os.Stat(filepath.Join(dir, "store.db")); err != nil {
		return ""
	}
	return pending
}

// keepPendingReport moves a pending report (pendingSalvageReport) to
// the name it gives itself beside the store, or to a new stamp's when
// that is taken or it names none.
func keepPendingReport(dir string) error {
	pending := pendingSalvageReport(dir)
	if pending == "" {
		return nil
	}
	to := ""
	if rep, err := ReadSalvageReport(pending); err == nil && filepath.Dir(rep.Report) == filepath.Clean(dir) &&
		strings.HasPrefix(filepath.Base(rep.Report), "salvage-") && strings.HasSuffix(rep.Report, ".json") {
		if _, err := os.Lstat(rep.Report); errors.Is(err, fs.ErrNotExist) {
			to = rep.Report
		}
	}
	if to == "" {
		to = salvageReportPath(dir, salvageStamp(dir, time.Now()))
	}
	if err := os.Rename(pending, to); err != nil {
		return fmt.Errorf("corpus: salvage: keep an earlier salvage's report %s beside the store: %w", pending, err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("corpus: salvage: keep an earlier salvage's report %s: %w", to, err)
	}
	return nil
}

// writeSalvageReport writes rep to path, synced to the disk.
func writeSalvageReport(path string, rep *SalvageReport) error {
	raw, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(append(raw, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// SalvageReports lists the salvage reports beside the store in dir, the
// newest first: a report a stopped salvage left in salvage.tmp
// (pendingSalvageReport; the next salvage moves it beside the store)
// before the others.
func SalvageReports(dir string) ([]string, error) {
	names, err := reportFiles(dir)
	if err != nil {
		return nil, err
	}
	slices.Reverse(names) // the newest first
	if p := pendingSalvageReport(dir); p != "" {
		names = append([]string{p}, names...)
	}
	return names, nil
}

// ReadSalvageReport reads the salvage report at path (SalvageReports).
func ReadSalvageReport(path string) (*SalvageReport, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: salvage report: %w", err)
	}
	var rep SalvageReport
	if err := json.Unmarshal(raw, &rep); err != nil {
		return nil, fmt.Errorf("corpus: salvage report %s: %w", path, err)
	}
	return &rep, nil
}

// PruneSalvageReports removes the salvage reports beside store s in dir
// that have nothing left to tell (the retention rule): a report is kept
// while any document it lost by ID is not in the store again (nobody has
// re-ingested or re-crawled it: the report is the only place naming it),
// and the newest report is kept whatever it names (the last salvage's
// account, shown by status and check). A report that does not read, one
// that lost documents it cannot name by ID (Unnamed: the sequence index
// was damaged too), and one a stopped salvage left in salvage.tmp, are
// kept. The damaged files
// the reports name (store.db.bad-*) are never removed: what else they
// hold is a person's to judge. It returns the reports removed; a report
// it cannot remove is kept, named in the error, and the others are still
// judged.
func PruneSalvageReports(dir string, s *Store) ([]string, error) {
	names, err := reportFiles(dir) // the newest last, kept
	if err != nil {
		return nil, err
	}
	var removed []string
	var errs []error
	for _, name := range names[:max(len(names)-1, 0)] {
		rep, err := ReadSalvageReport(name)
		if err != nil || rep.Unnamed {
			continue // unreadable, or it lost documents it cannot name: a person's to read
		}
		back, err := s.hasAll(rep.LostIDs)
		if err != nil {
			return removed, errors.Join(append(errs, fmt.Errorf("corpus: salvage report %s: %w", name, err))...)
		}
		if !back {
			continue
		}
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			// kept, and the others still judged; err (a *PathError) names it
			errs = append(errs, fmt.Errorf("corpus: salvage report kept: %w", err))
			continue
		}
		removed = append(removed, name)
	}
	return removed, errors.Join(errs...)
}

// hasAll says whether the store holds a record (a tombstone too) of every
// ID in ids.
func (s *Store) hasAll(ids []string) (bool, error) {
	all := true
	err := s.db.View(func(tx *bolt.Tx) error {
		docs := tx.Bucket(bucketDocs)
		for _, id := range ids {
			if docs.Get([]byte(id)) == nil {
				all = false
				return nil
			}
		}
		return nil
	})
	return all, err
}
