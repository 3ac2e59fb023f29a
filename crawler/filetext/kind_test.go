package filetext

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/crawler/filetext/filekind"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// TestFileKindReadable holds filekind's table to what Read reads: every
// extension filekind calls Readable is a kind Sniff recognises in a file
// of that kind, and the document files filekind lists but calls Other are
// refused by Sniff (the crawler lists them, never fetches them).
func TestFileKindReadable(t *testing.T) {
	docx := filetexttest.ImageOnlyDOCX()
	readable := map[string][]byte{
		".pdf":  filetexttest.ManyPagesPDF(1),
		".docx": docx,
		".doc":  filetexttest.CFB(filetexttest.Stream{Name: "WordDocument", Data: make([]byte, 600)}, filetexttest.Stream{Name: "1Table", Data: make([]byte, 100)}),
		".xlsx": filetexttest.XLSX(filetexttest.Sheet{Name: "Phụ lục", Rows: [][]string{{"STT", "Nhiệm vụ"}, {"1", "Rà soát"}}}),
		".xls":  filetexttest.XLS(filetexttest.Sheet{Name: "Phụ lục", Rows: [][]string{{"STT", "Nhiệm vụ"}, {"1", "Rà soát"}}}),
		".odt":  filetexttest.ODT(`<text:p>Kế hoạch</text:p>`),
		".ods":  filetexttest.ODS(filetexttest.Sheet{Name: "Phụ lục", Rows: [][]string{{"STT", "Nhiệm vụ"}, {"1", "Rà soát"}}}),
	}
	if got, want := filekind.Exts(filekind.Readable), slices.Sorted(maps.Keys(readable)); !slices.Equal(got, want) {
		t.Fatalf("filekind's readable extensions %v, Read reads %v", got, want)
	}
	for ext, data := range readable {
		k, err := Sniff(data)
		if err != nil || string(k) != strings.TrimPrefix(ext, ".") {
			t.Errorf("Sniff(a %s file) = %q, %v; want %q", ext, k, err, strings.TrimPrefix(ext, "."))
		}
	}
	zip, err := filetexttest.Zip(map[string]string{"a.txt": "x"})
	if err != nil {
		t.Fatal(err)
	}
	for ext, data := range map[string][]byte{
		".zip": zip,
		".rar": []byte("Rar!\x1A\x07\x00 …"),
		".7z":  []byte("7z\xBC\xAF\x27\x1C …"),
		".rtf": []byte(`{\rtf1\ansi Quyết định}`),
	} {
		if c := filekind.OfName("a" + ext); c != filekind.Other {
			t.Errorf("filekind.OfName(a%s) = %v, want other", ext, c)
		}
		if k, err := Sniff(data); !errors.Is(err, ErrUnsupported) {
			t.Errorf("Sniff(a %s file) = %q, %v; want ErrUnsupported", ext, k, err)
		}
	}
}

// TestHeadReadable: the first 4 KB of each kind Read reads pass (ODS and
// ODT open with their stored "mimetype"), of other files — a ZIP of text
// files, a video, a program, an image, an HTML page — do not.
func TestHeadReadable(t *testing.T) {
	zip, err := filetexttest.Zip(map[string]string{"du-thao/to-trinh.txt": "Tờ trình"})
	if err != nil {
		t.Fatal(err)
	}
	sheet := filetexttest.Sheet{Name: "Phụ lục", Rows: [][]string{{"STT", "Nhiệm vụ"}}}
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"pdf", filetexttest.ManyPagesPDF(1), true},
		{"docx", filetexttest.ImageOnlyDOCX(), true},
		{"xlsx", filetexttest.XLSX(sheet), true},
		{"xls", filetexttest.XLS(sheet), true},
		{"ods", filetexttest.ODS(sheet), true},
		{"odt", filetexttest.ODT(`<text:p>Kế hoạch</text:p>`), true},
		{"zip of text files", zip, false},
		{"mp4", []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00"), false},
		{"exe", []byte("MZ\x90\x00\x03\x00\x00\x00"), false},
		{"png", []byte("\x89PNG\r\n\x1a\n"), false},
		{"html", []byte("<!DOCTYPE html><html><body>Tải về</body></html>"), false},
		{"a ZIP header cut short", []byte("PK\x03\x04\x14\x00"), false},
		{"a name running past the bytes held", append([]byte("PK\x03\x04"+strings.Repeat("\x00", 22)+"\xFF\xFF\x00\x00"), "word/"...), false},
	} {
		if got := HeadReadable(c.data[:min(len(c.data), 4096)]); got != c.want {
			t.Errorf("%s: %v; want %v", c.name, got, c.want)
		}
	}
}
