package srcwalk

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestFiles walks a small tree: the module's own .go files are visited, in
// order; dot, vendor and testdata directories are not, at any depth; the
// root is walked whatever its name.
func TestFiles(t *testing.T) {
	tests := []struct {
		name string
		root string // under the temporary directory
		want []string
	}{
		{"module root", "vanban", []string{"crawler/crawler.go", "crawler/crawler_test.go", "internal/app/app.go", "main.go"}},
		{"a root named like a skipped directory", "testdata", []string{"crawler/crawler.go", "crawler/crawler_test.go", "internal/app/app.go", "main.go"}},
	}
	files := []string{
		"main.go", "README.md",
		"crawler/crawler.go", "crawler/crawler_test.go", "crawler/testdata/trang.go",
		"internal/app/app.go", "internal/app/.cache/x.go",
		"vendor/github.com/PuerkitoBio/goquery/goquery.go",
		".git/hooks/pre-commit.go",
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), tc.root)
			for _, f := range files {
				p := filepath.Join(root, filepath.FromSlash(f))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte("package p\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			err := Files(root, ".go", func(p string) error {
				rel, err := filepath.Rel(root, p)
				got = append(got, filepath.ToSlash(rel))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("visited\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestFilesError: fn's error ends the walk and is returned as it is.
func TestFilesError(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"a.go", "b.go"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("package p\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stop := errors.New("dừng lại")
	n := 0
	err := Files(root, ".go", func(string) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("walk after an error: %v, %d calls; want the error after one call", err, n)
	}
}
