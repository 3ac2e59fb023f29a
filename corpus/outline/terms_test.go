package outline

import (
	"slices"
	"testing"
)

// TestScanTermsTitled: the terms of a cited document's title are flagged,
// the others not; a pair across the title's edge counts as in it; the
// terms are those of ScanTerms (line written for this test).
func TestScanTermsTitled(t *testing.T) {
	const s = "Phổ biến Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương về nông thôn mới; lập danh sách"
	var in, out, all []string
	ScanTermsTitled(s, func(term string, inTitle bool) {
		all = append(all, term)
		if inTitle {
			in = append(in, term)
		} else {
			out = append(out, term)
		}
	})
	if want := []string{"ve", "nong", "ve nong", "thon", "nong thon", "moi", "thon moi"}; !slices.Equal(in, want) {
		t.Errorf("in the title %q, want %q", in, want)
	}
	if want := []string{"pho", "bien", "pho bien", "lap", "danh", "lap danh", "sach", "danh sach"}; !slices.Equal(out, want) {
		t.Errorf("outside %q, want %q", out, want)
	}
	if want := Terms(s); !slices.Equal(all, want) {
		t.Errorf("terms %q, want ScanTerms' %q", all, want)
	}
}
