package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestPruneSalvageReports: salvage reports (salvage-TIME.json) were never
// removed. A report is kept while a document it lost by ID is not in the
// store again, and the newest is always kept; one that has nothing left
// to name goes, its damaged file stays. A real store on disk, reports
// written as Salvage writes them.
func TestPruneSalvageReports(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(t.Context(), dir, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, d := range []*Document{
		{ID: "nq-19-2026", Title: "Nghị quyết số 19/NQ-CP về nhiệm vụ, giải pháp cải thiện môi trường kinh doanh", Body: "Chính phủ quyết nghị các nhiệm vụ, giải pháp chủ yếu năm 2026."},
		{ID: "kh-45-ubnd", Title: "Kế hoạch số 45/KH-UBND triển khai Nghị quyết số 19/NQ-CP", Body: "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện Nghị quyết số 19/NQ-CP."},
		{ID: "cv-1203-sgd", Title: "Công văn số 1203/SGDĐT-VP về việc báo cáo kết quả", Body: "Sở Giáo dục và Đào tạo đề nghị các đơn vị báo cáo."},
	} {
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.MarkGone("cv-1203-sgd"); err != nil { // a tombstone: the store knows it again
		t.Fatal(err)
	}
	reports := []struct {
		stamp   string
		lostIDs []string
		raw     string // written as is instead of a report: one cut short
		kept    bool
	}{
		{stamp: "20260301T010203.000Z", lostIDs: []string{"nq-19-2026", "kh-45-ubnd"}, kept: false},  // all back
		{stamp: "20260302T010203.000Z", lostIDs: []string{"kh-45-ubnd", "qd-2201-btc"}, kept: true},  // qd-2201-btc still missing
		{stamp: "20260303T010203.000Z", kept: false},                                                 // lost no document
		{stamp: "20260304T010203.000Z", raw: `{"from": "store.db", "lost_ids": ["nq-19`, kept: true}, // does not read
		{stamp: "20260305T010203.000Z", lostIDs: []string{"cv-1203-sgd"}, kept: false},               // a tombstone is back
		{stamp: "20260306T010203.000Z", lostIDs: []string{"nq-19-2026"}, kept: true},                 // the newest
	}
	var wantRemoved []string
	for _, r := range reports {
		path := salvageReportPath(dir, r.stamp)
		kept := filepath.Join(dir, "store.db.bad-"+r.stamp)
		if err := os.WriteFile(kept, []byte("damaged"), 0o644); err != nil {
			t.Fatal(err)
		}
		if r.raw != "" {
			err = os.WriteFile(path, []byte(r.raw), 0o644)
		} else {
			err = writeSalvageReport(path, &SalvageReport{From: filepath.Join(dir, "store.db"), Kept: kept, Report: path, LostIDs: r.lostIDs})
		}
		if err != nil {
			t.Fatal(err)
		}
		if !r.kept {
			wantRemoved = append(wantRemoved, path)
		}
	}
	// a report a stopped salvage left in salvage.tmp stays where it is
	if err := os.MkdirAll(salvageTmp(dir), 0o755); err != nil {
		t.Fatal(err)
	}
	pending := filepath.Join(salvageTmp(dir), pendingReport)
	if err := writeSalvageReport(pending, &SalvageReport{}); err != nil {
		t.Fatal(err)
	}
	removed, err := PruneSalvageReports(dir, s)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(removed)
	if !slices.Equal(removed, wantRemoved) {
		t.Errorf("removed %q; want %q", removed, wantRemoved)
	}
	for _, r := range reports {
		_, err := os.Stat(salvageReportPath(dir, r.stamp))
		if (err == nil) != r.kept {
			t.Errorf("report %s: present %v, want %v", r.stamp, err == nil, r.kept)
		}
		if _, err := os.Stat(filepath.Join(dir, "store.db.bad-"+r.stamp)); err != nil {
			t.Errorf("damaged file of %s: %v; want it kept", r.stamp, err)
		}
	}
	if _, err := os.Stat(pending); err != nil {
		t.Errorf("pending report: %v; want it kept", err)
	}
	// a second pass has nothing to remove
	if removed, err := PruneSalvageReports(dir, s); err != nil || len(removed) != 0 {
		t.Errorf("second pass removed %q, %v; want nothing", removed, err)
	}
}

// TestSalvageReportsGlobMeta: a data directory whose name holds Glob's
// metacharacters lists and prunes its own reports, never a sibling's: the
// directory is read, not globbed ("d[ab]" globbed reads "da" and "db";
// "data[1" is a bad pattern, an error for status and check).
func TestSalvageReportsGlobMeta(t *testing.T) {
	for _, name := range []string{"d[ab]", "data[1", "d*", `d\a`} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, name)
			s, err := Open(t.Context(), dir, OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.Put(&Document{ID: "kh-45-ubnd", Title: "Kế hoạch số 45/KH-UBND triển khai Nghị quyết số 19/NQ-CP", Body: "Ủy ban nhân dân tỉnh ban hành kế hoạch."}); err != nil {
				t.Fatal(err)
			}
			write := func(dir, stamp string) string {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				path := salvageReportPath(dir, stamp)
				if err := writeSalvageReport(path, &SalvageReport{Report: path, LostIDs: []string{"kh-45-ubnd"}}); err != nil {
					t.Fatal(err)
				}
				return path
			}
			// a sibling's reports, whose lost document is in this store too
			var sibling []string
			for _, sib := range []string{"da", "db", "data1", "dx"} {
				sibling = append(sibling, write(filepath.Join(root, sib), "20260301T010203.000Z"), write(filepath.Join(root, sib), "20260302T010203.000Z"))
			}
			own := []string{write(dir, "20260303T010203.000Z"), write(dir, "20260304T010203.000Z")}
			names, err := SalvageReports(dir)
			if err != nil || !slices.Equal(names, []string{own[1], own[0]}) {
				t.Errorf("SalvageReports(%s) = %q, %v; want %q", dir, names, err, []string{own[1], own[0]})
			}
			removed, err := PruneSalvageReports(dir, s)
			if err != nil || !slices.Equal(removed, own[:1]) {
				t.Errorf("PruneSalvageReports(%s) removed %q, %v; want %q", dir, removed, err, own[:1])
			}
			for _, p := range sibling {
				if _, err := os.Stat(p); err != nil {
					t.Errorf("a sibling's report %s: %v", p, err)
				}
			}
		})
	}
}
