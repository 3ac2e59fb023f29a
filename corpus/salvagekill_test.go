package corpus

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/storetest"
)

// salvaged is a data directory whose store lost a damaged leaf's
// documents to a salvage, with that salvage's report.
func salvaged(t *testing.T) (string, *SalvageReport) {
	t.Helper()
	dir := t.TempDir()
	fillStore(t, dir, 300)
	storetest.MisnamePage(t, storeFile(dir), laterLeaf(t, dir))
	rep, err := Salvage(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.LostIDs) == 0 {
		t.Fatal("the salvage lost nothing")
	}
	return dir, rep
}

// TestSalvageKilledBeforeReportMove: a salvage killed after it moved its
// copy in place and before it moved its report out of salvage.tmp leaves
// store.db sound and the report in salvage.tmp/report.json (made here by
// undoing that last rename of a real salvage). Before, status and check
// named no report (SalvageReports looked beside the store only) and the
// next salvage removed salvage.tmp with the report in it: the lost IDs of
// the first salvage were named nowhere but in its kept damaged file.
func TestSalvageKilledBeforeReportMove(t *testing.T) {
	dir, first := salvaged(t)
	pending := filepath.Join(dir, "salvage.tmp", pendingReport)
	if err := os.MkdirAll(filepath.Dir(pending), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(first.Report, pending); err != nil {
		t.Fatal(err)
	}
	if err := SalvageWaiting(dir); err != nil {
		t.Fatalf("the store is in place, yet: %v", err)
	}
	names, err := SalvageReports(dir)
	if err != nil || len(names) != 1 {
		t.Fatalf("reports after the kill: %q, %v; want the one left in salvage.tmp", names, err)
	}
	if got, err := ReadSalvageReport(names[0]); err != nil || !slices.Equal(got.LostIDs, first.LostIDs) {
		t.Fatalf("the report named: %v (lost %v), want lost %v", err, got, first.LostIDs)
	}

	// a second salvage (of the same second: its stamp must not take the
	// first one's names) keeps the first report and the first kept file
	second, err := Salvage(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if second.Kept == first.Kept || second.Report == first.Report {
		t.Errorf("the second salvage reused the first's names: %s, %s", second.Kept, second.Report)
	}
	if _, err := os.Stat(first.Kept); err != nil {
		t.Errorf("the first damaged file is gone: %v", err)
	}
	names, err = SalvageReports(dir)
	if err != nil || len(names) != 2 || names[0] != second.Report {
		t.Fatalf("reports after a second salvage: %q, %v; want the second's, then the first's", names, err)
	}
	got, err := ReadSalvageReport(names[1])
	if err != nil || !slices.Equal(got.LostIDs, first.LostIDs) || !strings.HasPrefix(filepath.Base(names[1]), "salvage-") {
		t.Errorf("the first report after a second salvage: %q %v (lost %v), want lost %v", names[1], err, got, first.LostIDs)
	}
}

// TestSalvageStamp: a salvage's stamp never names a kept file or a report
// already in the directory (a rename onto it would replace it), and the
// stamps sort as the times they stand for.
func TestSalvageStamp(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 30, 23, 59, 59, 999_400_000, time.UTC)
	first := salvageStamp(dir, now)
	if first != "20261130T235959.999Z" {
		t.Fatalf("stamp of an empty directory: %s", first)
	}
	if err := os.WriteFile(filepath.Join(dir, "store.db.bad-"+first), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(salvageReportPath(dir, "20261201T000000.000Z"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := salvageStamp(dir, now); got != "20261201T000000.001Z" {
		t.Errorf("stamp past a kept file and a report: %s, want 20261201T000000.001Z", got)
	}
	stamps := []string{first, "20261201T000000.001Z", salvageStamp(dir, now.Add(time.Second)), salvageStamp(dir, now.Add(11*time.Hour))}
	if !slices.IsSorted(stamps) {
		t.Errorf("stamps do not sort as times: %q", stamps)
	}
}
