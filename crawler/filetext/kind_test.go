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
