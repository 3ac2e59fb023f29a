package corpus

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/storetest"
)

// TestPruneKeepsUnnamedLoss: a salvage names its lost documents by ID from
// the sequence index (LostIDs). When a page of the sequence index is
// damaged as well as a page of documents, the documents of both pages are
// lost and named nowhere by ID: the report's LostIDs is not the whole
// loss, only its Lost list says that documents went. Before, the
// retention rule (PruneSalvageReports) read LostIDs alone and removed such
// a report, though no lost document was back, as soon as a newer one was
// there: the only account of the loss went.
func TestPruneKeepsUnnamedLoss(t *testing.T) {
	for _, tc := range []struct {
		name     string
		seqToo   bool // the sequence index's root page damaged as well
		wantKept bool
	}{
		{"the sequence index sound, the lost documents back", false, false},
		{"the sequence index damaged too", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			docs := fillStore(t, dir, 300)
			path := storeFile(dir)
			leaf := laterLeaf(t, dir)
			lost := pageKeys(t, path, leaf)
			storetest.MisnamePage(t, path, leaf)
			if tc.seqToo {
				bs, err := testBoltFile(t, path).buckets()
				if err != nil {
					t.Fatal(err)
				}
				if bs["seq"].inline != nil {
					t.Fatal("the sequence index is inline: no page to damage")
				}
				storetest.MisnamePage(t, path, bs["seq"].root)
			}
			rep, err := Salvage(context.Background(), dir, nil)
			if err != nil {
				t.Fatal(err)
			}
			named := 0
			for _, id := range lost {
				if slices.Contains(rep.LostIDs, id) {
					named++
				}
			}
			if tc.seqToo && named == len(lost) {
				t.Fatalf("every lost document named by ID (%d): the sequence index was not damaged", named)
			}
			if saysSeq := slices.ContainsFunc(rep.Lost, func(l string) bool { return strings.HasPrefix(l, "sequence index ") }); saysSeq != tc.seqToo || rep.Unnamed != tc.seqToo {
				t.Errorf("report: lost %q, unnamed %v; want the sequence index's damage said and unnamed %v", rep.Lost, rep.Unnamed, tc.seqToo)
			}
			s, err := Open(t.Context(), dir, OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			// every document the report names by ID put back
			for _, d := range docs {
				if slices.Contains(rep.LostIDs, d.ID) {
					if _, err := s.Put(d); err != nil {
						t.Fatal(err)
					}
				}
			}
			newer := salvageReportPath(dir, "99991231T235959.999Z")
			if err := writeSalvageReport(newer, &SalvageReport{}); err != nil {
				t.Fatal(err)
			}
			if _, err := PruneSalvageReports(dir, s); err != nil {
				t.Fatal(err)
			}
			_, err = os.Stat(rep.Report)
			if kept := err == nil; kept != tc.wantKept {
				t.Errorf("report %s (lost %q, lost IDs %d of the damaged page's %d): kept %v, want %v",
					rep.Report, rep.Lost, named, len(lost), kept, tc.wantKept)
			}
		})
	}
}
