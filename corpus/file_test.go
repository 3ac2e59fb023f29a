package corpus

import (
	"slices"
	"testing"
)

func TestPageAt(t *testing.T) {
	f := &FileInfo{PageStarts: []PageStart{{1, 0}, {2, 100}, {4, 250}}}
	for _, tt := range []struct{ off, page int }{
		{0, 1}, {99, 1}, {100, 2}, {249, 2}, {250, 4}, {10_000, 4}, {-5, 1},
	} {
		if got := f.PageAt(tt.off); got != tt.page {
			t.Errorf("PageAt(%d) = %d, want %d", tt.off, got, tt.page)
		}
	}
	var none *FileInfo
	if none.PageAt(3) != 0 || (&FileInfo{}).PageAt(3) != 0 {
		t.Error("no file or no page starts: want page 0")
	}
	if got := f.Shifted(7); got[0].Offset != 7 || got[2].Offset != 257 || f.PageStarts[0].Offset != 0 {
		t.Errorf("Shifted(7) = %v (original %v)", got, f.PageStarts)
	}
}

func TestPageStartsText(t *testing.T) {
	ps := []PageStart{{1, 0}, {2, 1834}, {12, 40211}}
	s := FormatPageStarts(ps)
	if s != "1:0 2:1834 12:40211" {
		t.Errorf("FormatPageStarts = %q", s)
	}
	if got := ParsePageStarts(s); !slices.Equal(got, ps) {
		t.Errorf("ParsePageStarts(%q) = %v", s, got)
	}
	// Malformed pairs are skipped, the rest kept.
	if got := ParsePageStarts("1:0 x 0:5 3:-1 2:9 4:"); !slices.Equal(got, []PageStart{{1, 0}, {2, 9}}) {
		t.Errorf("malformed: %v", got)
	}
}

func FuzzParsePageStarts(f *testing.F) {
	f.Add("1:0 2:1834")
	f.Add("")
	f.Add("1:0 1:0 :: 9999999999999999999:1")
	f.Fuzz(func(t *testing.T, s string) {
		ps := ParsePageStarts(s)
		for _, p := range ps {
			if p.Page <= 0 || p.Offset < 0 {
				t.Fatalf("%q: kept %v", s, p)
			}
		}
		if again := ParsePageStarts(FormatPageStarts(ps)); !slices.Equal(again, ps) {
			t.Fatalf("%q: round trip %v → %v", s, ps, again)
		}
	})
}

// TestFileHash: a document without a file keeps the hash it had before
// files were documents; the file's pages change it, its size and digest
// (the source's, not the text's) do not.
func TestFileHash(t *testing.T) {
	d := &Document{URL: "http://x/a", Title: "Kế hoạch", Body: "Nội dung."}
	// The hash main computed for this page before files were documents
	// (SHA-256 of the fields, each followed by a NUL; first 16 bytes).
	plain := d.contentHash()
	if plain != "54b3de03039abaef3e1d8fec57965c59" {
		t.Errorf("hash of a page without file: %s, want the one it had before", plain)
	}
	withFile := *d
	withFile.File = &FileInfo{Kind: "pdf", Name: "a.pdf", Pages: 2, PageStarts: []PageStart{{1, 0}}}
	h1 := withFile.contentHash()
	if h1 == plain {
		t.Error("a file's description does not change the hash")
	}
	f2 := *withFile.File
	f2.Size, f2.SHA256 = 123, "abc"
	withFile.File = &f2
	if withFile.contentHash() != h1 {
		t.Error("the file's size or digest changed the hash")
	}
	f3 := f2
	f3.PageStarts = []PageStart{{1, 0}, {2, 5}}
	withFile.File = &f3
	if withFile.contentHash() == h1 {
		t.Error("new page starts did not change the hash")
	}
	withParent := *d
	withParent.Parent = "abc"
	if withParent.contentHash() == plain {
		t.Error("the parent does not change the hash")
	}
}

// TestFileHashKept: a file's record without transmitted documents keeps
// the hash main gave it before FileInfo.Transmitted (3fd6565c…, computed
// at 99ecf07), so a store upgrade or a re-crawl rewrites no unchanged
// file; one with a transmitted document hashes otherwise, and by its
// fields.
func TestFileHashKept(t *testing.T) {
	d := &Document{URL: "http://x/qd-71.pdf", Title: "Quyết định số 71/QĐ-UBND", Body: "Điều 1. Ban hành.", Type: "Quyết định",
		Number: "71/QĐ-UBND", Issuer: "Ủy ban nhân dân tỉnh Phú An", Published: "2026-02-03",
		File: &FileInfo{Kind: "pdf", Name: "qd-71.pdf", Pages: 3, PageStarts: []PageStart{{1, 0}, {2, 120}}, OCRPages: []int{2},
			Place: "Phú An", Signer: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn An"}}
	if got, want := d.contentHash(), "3fd6565c9c0d19e0e6640d1d6d09caec"; got != want {
		t.Errorf("hash of a file without transmitted documents = %s, want main's %s", got, want)
	}
	d.File.Transmitted = []Transmitted{{Number: "72/QĐ-UBND", Type: "Quyết định"}}
	h1 := d.contentHash()
	d.File.Transmitted[0].Number = "73/QĐ-UBND"
	if h1 == "3fd6565c9c0d19e0e6640d1d6d09caec" || h1 == d.contentHash() {
		t.Errorf("a transmitted document's number does not change the hash")
	}
}
