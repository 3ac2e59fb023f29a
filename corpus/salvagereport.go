package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// A salvage's report (SalvageReport as JSON: what was copied, where the
// damaged file is kept, what was lost, by ID) is a file beside the store,
// dir/salvage-TIME.json, TIME the kept file's stamp: the lost IDs of an
// ingested document are named nowhere else but in the kept damaged file,
// and a command stopped after the salvage (its index rebuild cancelled)
// prints nothing. Salvage writes it into salvage.tmp before its renames
// and moves it beside the store after them; `vanban status` and `vanban
// check` name the newest one until it is removed.

// salvageReportPattern matches the reports' names in the data directory.
const salvageReportPattern = "salvage-*.json"

// pendingReport is the report's name inside salvage.tmp, until the
// salvaged store is in place.
const pendingReport = "report.json"

// salvageReportPath is the report of the salvage stamped stamp.
func salvageReportPath(dir, stamp string) string {
	return filepath.Join(dir, "salvage-"+stamp+".json")
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
// newest first.
func SalvageReports(dir string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, salvageReportPattern))
	if err != nil {
		return nil, fmt.Errorf("corpus: salvage reports in %s: %w", dir, err)
	}
	slices.Sort(names) // the stamps sort as times
	slices.Reverse(names)
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
