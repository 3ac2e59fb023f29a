package filetext

import (
	"bytes"
	"context"
	"errors"
	"image"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// fakeTesseract puts a tesseract script first on PATH: --version prints
// the contents of DIR/version, --list-langs names DIR as the model
// directory (DIR/vie.traineddata is the model), and a read prints the
// TSV in DIR/page.tsv. The real poppler tools stay on PATH. It returns DIR.
func fakeTesseract(t *testing.T) string {
	t.Helper()
	requireTools(t, "pdftotext", "pdfinfo", "pdftoppm", "pdfimages")
	dir := t.TempDir()
	script := `#!/bin/sh
d='` + dir + `'
case "$1" in
--version) cat "$d/version" ;;
--list-langs) echo "List of available languages in \"$d/\" (1):"; echo vie ;;
*) cat "$d/page.tsv" ;;
esac
`
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"5\t1\t1\t1\t1\t1\t200\t300\t180\t40\t95.1\tQUYẾT\n" +
		"5\t1\t1\t1\t1\t2\t400\t300\t120\t40\t94.7\tĐỊNH\n" +
		"5\t1\t1\t1\t2\t1\t200\t380\t220\t40\t91.0\tPhê\n" +
		"5\t1\t1\t1\t2\t2\t440\t380\t160\t40\t90.2\tduyệt\n" +
		"5\t1\t1\t1\t2\t3\t620\t380\t160\t40\t92.4\tkế\n" +
		"5\t1\t1\t1\t2\t4\t800\t380\t160\t40\t93.3\thoạch\n"
	for name, body := range map[string]string{
		"tesseract":       script,
		"version":         "tesseract 5.3.0\n leptonica-1.82.0\n",
		"vie.traineddata": "mô hình tiếng Việt, bản 1",
		"page.tsv":        tsv,
	} {
		mode := os.FileMode(0o644)
		if name == "tesseract" {
			mode = 0o755
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), mode); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return dir
}

// scanOf is an image-only PDF of n grey pages, each with a dark band at a
// different height.
func scanOf(n int) []byte {
	var pages []*image.Gray
	for p := range n {
		img := image.NewGray(image.Rect(0, 0, 500, 700))
		for i := range img.Pix {
			img.Pix[i] = 240
		}
		for y := 100 + 60*p; y < 130+60*p; y++ {
			for x := 50; x < 450; x++ {
				img.Pix[y*img.Stride+x] = 20
			}
		}
		pages = append(pages, img)
	}
	return filetexttest.ScanPDF(pages, 300)
}

// TestOCRCache: a scan read a second time with the same cache runs no
// Tesseract and gives the same Result; a change of anything the output
// depends on (the page mode, Tesseract's version, the model, the page's
// image) is read again; without a cache every read runs Tesseract; a
// cache that cannot be written only costs the saving.
func TestOCRCache(t *testing.T) {
	fake := fakeTesseract(t)
	file := filepath.Join(t.TempDir(), "scan.pdf")
	if err := os.WriteFile(file, scanOf(1), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	read := func(opt Options) (*Result, int64, int64) {
		t.Helper()
		r := NewReader(opt)
		res, err := r.ReadFile(context.Background(), file)
		if err != nil {
			t.Fatalf("%+v: %v", opt, err)
		}
		if len(res.OCRPages) != 1 {
			t.Fatalf("%+v: OCR pages %v, want [1]", opt, res.OCRPages)
		}
		res.headTook = 0 // the header re-read's time, not its result
		return res, r.ocrRuns.Load(), r.ocrHits.Load()
	}

	first, runs, hits := read(Options{OCRCache: cache})
	if runs < 1 || hits != 0 {
		t.Fatalf("first read: %d runs, %d hits; want every page run, no hit", runs, hits)
	}
	if !strings.Contains(first.PageText[0].Text, "Phê duyệt kế hoạch") {
		t.Fatalf("first read's page 1: %q", first.PageText[0].Text)
	}
	again, runs2, hits2 := read(Options{OCRCache: cache})
	if runs2 != 0 || hits2 != runs {
		t.Errorf("second read: %d runs, %d hits; want 0 runs, %d hits", runs2, hits2, runs)
	}
	if !reflect.DeepEqual(again, first) {
		t.Errorf("second read differs:\n%+v\nwant\n%+v", again, first)
	}
	plain, runs3, hits3 := read(Options{})
	if runs3 != runs || hits3 != 0 || !reflect.DeepEqual(plain.PageText, first.PageText) {
		t.Errorf("without a cache: %d runs, %d hits (want %d, 0), same text %v", runs3, hits3, runs, reflect.DeepEqual(plain.PageText, first.PageText))
	}

	// Each change below is a different key: every page runs again, once.
	// (The page mode and the resolution are the pages' reads only: the
	// header re-read's crops have their own mode and resolutions.)
	for _, tt := range []struct {
		name     string
		opt      Options
		change   func()
		minRuns  int64
		zeroHits bool
	}{
		{"page mode", Options{OCRCache: cache, PSM: 4}, nil, 1, false},
		{"resolution (another render)", Options{OCRCache: cache, DPI: 200}, nil, 1, false},
		{"tesseract's version", Options{OCRCache: cache}, func() {
			os.WriteFile(filepath.Join(fake, "version"), []byte("tesseract 5.4.1\n leptonica-1.84.1\n"), 0o644)
		}, runs, true},
		{"the model", Options{OCRCache: cache}, func() {
			os.WriteFile(filepath.Join(fake, "vie.traineddata"), []byte("mô hình tiếng Việt, bản 2"), 0o644)
		}, runs, true},
	} {
		if tt.change != nil {
			tt.change()
		}
		if _, runs, hits := read(tt.opt); runs < tt.minRuns || tt.zeroHits && hits != 0 {
			t.Errorf("%s changed: %d runs, %d hits; want ≥ %d runs (zero hits: %v)", tt.name, runs, hits, tt.minRuns, tt.zeroHits)
		}
		if _, runs, _ := read(tt.opt); runs != 0 {
			t.Errorf("%s changed, read twice: %d runs the second time, want 0", tt.name, runs)
		}
	}

	// A model that cannot be found: no key could follow it, so no cache.
	os.Remove(filepath.Join(fake, "vie.traineddata"))
	os.WriteFile(filepath.Join(fake, "vie.traineddata.moved"), nil, 0o644)
	if _, runs2, hits := read(Options{OCRCache: cache}); runs2 != runs || hits != 0 {
		t.Errorf("model not found: %d runs, %d hits; want no cache", runs2, hits)
	}
	os.WriteFile(filepath.Join(fake, "vie.traineddata"), []byte("mô hình tiếng Việt, bản 1"), 0o644)
	os.WriteFile(filepath.Join(fake, "version"), []byte("tesseract 5.3.0\n leptonica-1.82.0\n"), 0o644)
	if _, runs2, hits := read(Options{OCRCache: cache}); runs2 != 0 || hits != runs {
		t.Errorf("back to the first tesseract and model: %d runs, %d hits; want the first entries", runs2, hits)
	}

	// A cache directory that cannot be made: the read still succeeds.
	blocked := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocked, nil, 0o644)
	if res, runs2, _ := read(Options{OCRCache: filepath.Join(blocked, "cache")}); runs2 != runs || !reflect.DeepEqual(res.PageText, first.PageText) {
		t.Errorf("unwritable cache: %d runs, text equal %v", runs2, reflect.DeepEqual(res.PageText, first.PageText))
	}
	// Entries only, no temporary files left.
	filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".tsv") {
			t.Errorf("left in the cache: %s", p)
		}
		return nil
	})
}

// TestOCRKey: the key follows every input it names and nothing else.
func TestOCRKey(t *testing.T) {
	img := []byte("P5\n2 1\n255\n\x10\xf0")
	args := []string{"-l", "vie", "--psm", "3", "tsv"}
	base, err := ocrKey("stamp", args, bytes.NewReader(img))
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := ocrKey("stamp", slices.Clone(args), bytes.NewReader(bytes.Clone(img))); again != base {
		t.Errorf("the same inputs: %s, want %s", again, base)
	}
	for _, tt := range []struct {
		name  string
		stamp string
		args  []string
		img   []byte
	}{
		{"stamp", "stamp2", args, img},
		{"an argument", "stamp", []string{"-l", "vie", "--psm", "6", "tsv"}, img},
		{"arguments joined differently", "stamp", []string{"-l", "vie", "--psm", "3tsv"}, img},
		{"an argument moved into the image", "stamp", args[:4], append([]byte("tsv"), img...)},
		{"one pixel", "stamp", args, []byte("P5\n2 1\n255\n\x10\xf1")},
		{"no image", "stamp", args, nil},
	} {
		k, _ := ocrKey(tt.stamp, tt.args, bytes.NewReader(tt.img))
		if k == base {
			t.Errorf("%s changed, the key did not", tt.name)
		}
	}
}

// TestOCRCacheDamaged: an entry that is not whole — cut short (a crash
// after the rename, before the data reached the disk), emptied, or with
// bytes changed — is detected and read again with Tesseract, never given
// back as the page's text; the read again rewrites it whole. An entry
// larger than the reader's output limit is not returned past the limit.
func TestOCRCacheDamaged(t *testing.T) {
	fakeTesseract(t)
	file := filepath.Join(t.TempDir(), "scan.pdf")
	if err := os.WriteFile(file, scanOf(1), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	read := func(opt Options) (*Result, int64, int64, error) {
		t.Helper()
		r := NewReader(opt)
		res, err := r.ReadFile(context.Background(), file)
		if res != nil {
			res.headTook = 0
		}
		return res, r.ocrRuns.Load(), r.ocrHits.Load(), err
	}
	first, runs, _, err := read(Options{OCRCache: cache})
	if err != nil || runs < 1 {
		t.Fatalf("first read: %d runs, %v", runs, err)
	}
	var entries []string
	filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			entries = append(entries, p)
		}
		return nil
	})
	if int64(len(entries)) != runs {
		t.Fatalf("%d entries for %d runs", len(entries), runs)
	}
	whole := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(e)
		if err != nil {
			t.Fatal(err)
		}
		whole[e] = b
	}
	for _, tt := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"cut short", func(b []byte) []byte { return b[:len(b)*2/3] }},
		{"emptied", func([]byte) []byte { return nil }},
		{"a word changed", func(b []byte) []byte {
			return bytes.Replace(b, []byte("duyệt"), []byte("duyet"), 1)
		}},
		{"a byte more", func(b []byte) []byte { return append(bytes.Clone(b), '\n') }},
	} {
		for _, e := range entries {
			if err := os.WriteFile(e, tt.damage(whole[e]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res, runs2, hits, err := read(Options{OCRCache: cache})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if runs2 != runs || hits != 0 {
			t.Errorf("%s: %d runs, %d hits; want %d runs (every damaged entry read again), 0 hits", tt.name, runs2, hits, runs)
		}
		if !reflect.DeepEqual(res.PageText, first.PageText) {
			t.Errorf("%s: page text %+v, want %+v", tt.name, res.PageText, first.PageText)
		}
		for _, e := range entries {
			if b, _ := os.ReadFile(e); !bytes.Equal(b, whole[e]) {
				t.Errorf("%s: %s not rewritten whole", tt.name, e)
			}
		}
	}

	// A reader whose output limit the cached output passes gets the limit's
	// error, as it would from Tesseract.
	lim := DefaultLimits
	lim.MaxText = 100
	if _, _, _, err := read(Options{OCRCache: cache, Limits: lim}); !errors.Is(err, ErrOutputLimit) {
		t.Errorf("output limit 100 with a cached entry past it: err %v, want ErrOutputLimit", err)
	}
}

// TestOCRStampLanguages: a language list ("vie+eng") keys every model it
// names — a change of either is a new stamp — and one model not found turns
// the cache off.
func TestOCRStampLanguages(t *testing.T) {
	fake := fakeTesseract(t)
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(fake, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("eng.traineddata", "English model, version 1")
	stamp := func(lang string) string {
		t.Helper()
		r := NewReader(Options{OCRCache: t.TempDir()})
		s, err := r.ocrStamp(context.Background(), lang)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	vie, both := stamp("vie"), stamp("vie+eng")
	if vie == "" || both == "" || vie == both {
		t.Fatalf("vie %q, vie+eng %q: want two different stamps", vie, both)
	}
	write("eng.traineddata", "English model, version 2")
	if s := stamp("vie+eng"); s == both || s == "" {
		t.Errorf("eng's model changed, vie+eng's stamp %q did not (or the cache is off)", s)
	}
	if s := stamp("vie"); s != vie {
		t.Errorf("eng's model changed, vie's stamp moved")
	}
	if s := stamp("vie+fra"); s != "" {
		t.Errorf("vie+fra with no fra model: stamp %q, want the cache off", s)
	}
}

// TestOCRCacheConcurrentWriters: writers of one key at once (two readers,
// two processes: the same rename) leave one whole entry, and a reader
// meanwhile sees the entry whole or not at all.
func TestOCRCacheConcurrentWriters(t *testing.T) {
	entry := filepath.Join(t.TempDir(), "ab", "abcd.tsv")
	out := bytes.Repeat([]byte("5\t1\t1\t1\t1\t1\t200\t300\t180\t40\t95.1\tNghị quyết\n"), 4000)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(2)
		go func() { defer wg.Done(); putCache(entry, out) }()
		go func() {
			defer wg.Done()
			for range 50 {
				if b, ok := getCache(entry); ok && !bytes.Equal(b, out) {
					t.Error("a reader saw a torn entry")
					return
				}
			}
		}()
	}
	wg.Wait()
	if b, ok := getCache(entry); !ok || !bytes.Equal(b, out) {
		t.Fatalf("after the writers: whole %v", ok)
	}
	names, _ := os.ReadDir(filepath.Dir(entry))
	if len(names) != 1 {
		t.Errorf("%d files beside the entry, want 1 (no temporary files left)", len(names))
	}
}
