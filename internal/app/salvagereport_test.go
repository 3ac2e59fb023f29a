package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/storetest"
)

// TestSalvageReportSurvivesCancel: `vanban store salvage` stopped (its ctx
// ended) after the store is salvaged, while the index is rebuilt, printed
// no report: the IDs of the documents lost with the damaged page were
// named nowhere but in the kept damaged file — and an ingested document
// has no crawl to bring it back. Now the report is a file beside the store,
// written before the renames move the salvaged store in place, printed
// before the index step, and named by `vanban status` and `vanban check`
// until it is removed.
func TestSalvageReportSurvivesCancel(t *testing.T) {
	data := t.TempDir()
	file := writeCorpus(t, 300)
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}, BatchBytes: 1 << 30}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	path := filepath.Join(data, "store.db")
	leaves := storetest.DocLeaves(t, path)
	damaged := leaves[len(leaves)/2]
	storetest.MisnamePage(t, path, damaged.ID)
	lost := damaged.Keys()

	// ends once the damaged file is kept: the salvage's renames do not look
	// at ctx, the index rebuild after them does
	ctx := &endsWhenKept{Context: t.Context(), glob: path + ".bad-*"}
	stdout, stderr, err := callCtx(ctx, data, RunSalvage, SalvageOptions{})
	if err == nil || !strings.Contains(err.Error(), "vanban index --rebuild") {
		t.Fatalf("salvage stopped in its index step: %v, want an error saying to rebuild the index", err)
	}
	out := stdout + stderr
	for _, id := range lost {
		if !strings.Contains(out, "  "+id+"\n") {
			t.Errorf("the stopped salvage's output does not name the lost document %s:\n%s", id, out)
		}
	}
	reports, _ := filepath.Glob(filepath.Join(data, "salvage-*.json"))
	if len(reports) != 1 {
		t.Fatalf("salvage reports beside the store: %v, want one", reports)
	}
	report := reports[0]
	if !strings.Contains(out, report) {
		t.Errorf("the output does not name the report %s:\n%s", report, out)
	}
	raw, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Kept    string   `json:"kept"`
		LostIDs []string `json:"lost_ids"`
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatalf("report %s: %v", report, err)
	}
	if _, err := os.Stat(rep.Kept); err != nil || !strings.HasPrefix(rep.Kept, path+".bad-") {
		t.Errorf("the report names %q as the kept damaged file: %v", rep.Kept, err)
	}
	if strings.Join(rep.LostIDs, " ") != strings.Join(lost, " ") {
		t.Errorf("the report's lost IDs: %v, want %v", rep.LostIDs, lost)
	}

	stdout, stderr, err = call(t, data, RunStatus, StatusOptions{N: 5})
	if err != nil {
		t.Fatalf("status: %v: %s", err, stderr)
	}
	if !strings.Contains(stdout, report) {
		t.Errorf("status does not name the salvage report %s:\n%s", report, stdout)
	}
	stdout, _, _ = call(t, data, RunCheck, CheckOptions{}) // the index is missing: check fails
	if !strings.Contains(stdout, report) {
		t.Errorf("check does not name the salvage report %s:\n%s", report, stdout)
	}
	stdout, _, _ = call(t, data, RunCheck, CheckOptions{JSON: true})
	var cr struct {
		Salvage *struct {
			Report string `json:"report"`
			Lost   int    `json:"lost"`
		} `json:"salvage"`
	}
	if err := json.Unmarshal([]byte(stdout), &cr); err != nil || cr.Salvage == nil || cr.Salvage.Report != report || cr.Salvage.Lost != len(lost) {
		t.Errorf("check --json: %v %s, want salvage.report %s with %d lost", err, stdout, report, len(lost))
	}
}

// TestSalvageReportUnreadable: a report beside the store that no longer
// reads as one (cut short by a copy, edited by hand) made `vanban check`
// and `vanban status` fail with the report's JSON error after the whole
// store was checked, printing nothing of the check. A report is a note
// beside the store: check and status do their work and name the file
// that does not read.
func TestSalvageReportUnreadable(t *testing.T) {
	data := t.TempDir()
	file := writeCorpus(t, 20)
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}, BatchBytes: 1 << 30}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v: %s", err, stderr)
	}
	report := filepath.Join(data, "salvage-20261101T080000Z.json")
	if err := os.WriteFile(report, []byte("{\n  \"from\": \"/srv/vanban/store.db\",\n  \"lost_ids\": [\n    \"qd-1234-ubnd\",\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := call(t, data, RunCheck, CheckOptions{})
	if err != nil {
		t.Errorf("check of a sound store with an unreadable report beside it: %v: %s", err, stderr)
	}
	if !strings.Contains(stdout, "20 documents (0 gone)") {
		t.Errorf("check printed nothing of the store:\n%s", stdout)
	}
	if !strings.Contains(stdout, report) {
		t.Errorf("check does not name the unreadable report %s:\n%s", report, stdout)
	}
	stdout, stderr, err = call(t, data, RunStatus, StatusOptions{N: 5})
	if err != nil {
		t.Errorf("status with an unreadable report beside the store: %v: %s", err, stderr)
	}
	if !strings.Contains(stdout, report) {
		t.Errorf("status does not name the unreadable report %s:\n%s", report, stdout)
	}
}

// TestCheckPrunesSalvageReports: `vanban check` of a sound store removes
// the older salvage reports whose lost documents are all in the store
// again (corpus.PruneSalvageReports' rule) and says so, keeps one still
// naming a missing document and the newest, and never a damaged file.
func TestCheckPrunesSalvageReports(t *testing.T) {
	data := t.TempDir()
	file := writeCorpus(t, 20)
	if _, stderr, err := call(t, data, RunIngest, IngestOptions{Files: []string{file}, BatchBytes: 1 << 30}); err != nil {
		t.Fatalf("ingest: %v: %s", err, stderr)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v: %s", err, stderr)
	}
	report := func(stamp string, lost ...string) string {
		path := filepath.Join(data, "salvage-"+stamp+".json")
		kept := filepath.Join(data, "store.db.bad-"+stamp)
		if err := os.WriteFile(kept, []byte("damaged"), 0o644); err != nil {
			t.Fatal(err)
		}
		raw, _ := json.Marshal(corpus.SalvageReport{Kept: kept, Report: path, LostIDs: lost})
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	back := report("20261101T080000.000Z", "vb0003", "vb0017")          // re-ingested since
	missing := report("20261102T080000.000Z", "vb0004", "qd-1234-ubnd") // qd-1234-ubnd not back
	newest := report("20261103T080000.000Z", "vb0005")
	stdout, stderr, err := call(t, data, RunCheck, CheckOptions{JSON: true})
	if err != nil {
		t.Fatalf("check: %v: %s", err, stderr)
	}
	var rep struct {
		Removed []string `json:"salvage_removed"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("check --json: %v:\n%s", err, stdout)
	}
	if len(rep.Removed) != 1 || rep.Removed[0] != back {
		t.Errorf("check --json salvage_removed %q; want [%s]", rep.Removed, back)
	}
	for path, want := range map[string]bool{back: false, missing: true, newest: true, filepath.Join(data, "store.db.bad-20261101T080000.000Z"): true} {
		if _, err := os.Stat(path); (err == nil) != want {
			t.Errorf("%s present %v after check, want %v", path, err == nil, want)
		}
	}
	// the text output names what went; nothing left to remove the next time
	missingBack := report("20261101T090000.000Z", "vb0006")
	stdout, stderr, err = call(t, data, RunCheck, CheckOptions{})
	if err != nil {
		t.Fatalf("check: %v: %s", err, stderr)
	}
	if !strings.Contains(stdout, "removed salvage report "+missingBack) {
		t.Errorf("check does not say it removed %s:\n%s", missingBack, stdout)
	}
	if !strings.Contains(stdout, newest) {
		t.Errorf("check does not name the newest report %s:\n%s", newest, stdout)
	}
}

// TestPrintSalvageUnnamed: a salvage whose damaged sequence index left lost
// documents named by no ID says so (corpus.SalvageReport.Unnamed), and
// that the report is kept; one that named them all does not.
func TestPrintSalvageUnnamed(t *testing.T) {
	for _, unnamed := range []bool{false, true} {
		var b strings.Builder
		printSalvage(&b, salvageReport{SalvageReport: &corpus.SalvageReport{
			Lost:    []string{`documents from "kh-45-ubnd" to before "qd-2201-btc": page 22: page identifies as 1022`},
			LostIDs: []string{"kh-45-ubnd"}, Unnamed: unnamed}}, false)
		if got := strings.Contains(b.String(), "named by no ID"); got != unnamed {
			t.Errorf("unnamed %v: output says so %v:\n%s", unnamed, got, b.String())
		}
	}
}

// TestSalvageNoteUnnamed: the note status and check give of the newest
// salvage report says when it lost documents named by no ID
// (corpus.SalvageReport.Unnamed, `lost_unnamed` in its JSON): its LostIDs
// are then not the whole loss, and check keeps the report until a person
// removes it.
func TestSalvageNoteUnnamed(t *testing.T) {
	for _, tc := range []struct {
		name    string
		unnamed bool
	}{{"every loss named", false}, {"sequence index damaged too", true}} {
		t.Run(tc.name, func(t *testing.T) {
			data := t.TempDir()
			path := filepath.Join(data, "salvage-20261103T080000.000Z.json")
			raw, _ := json.Marshal(corpus.SalvageReport{Kept: filepath.Join(data, "store.db.bad-20261103T080000.000Z"), Report: path,
				Lost:    []string{`documents from "kh-45-ubnd" to before "qd-2201-btc": page 22: page identifies as 1022`, "sequence index 1..40: page 9: page identifies as 1009"},
				LostIDs: []string{"kh-45-ubnd"}, Unnamed: tc.unnamed})
			if err := os.WriteFile(path, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			n, err := lastSalvage(data)
			if err != nil || n == nil {
				t.Fatalf("lastSalvage: %v, %v", n, err)
			}
			out, _ := json.Marshal(n)
			if got := strings.Contains(string(out), `"lost_unnamed":true`); got != tc.unnamed {
				t.Errorf("note JSON says lost_unnamed %v, want %v: %s", got, tc.unnamed, out)
			}
			if got := strings.Contains(n.String(), "named by no ID"); got != tc.unnamed {
				t.Errorf("note says unnamed %v, want %v: %s", got, tc.unnamed, n)
			}
		})
	}
}
