package crawler

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOCRCacheConfig: [files] ocr_cache names a directory the crawl can
// write, checked when the sites file is read, before any page is fetched
// (a crawl that found out at its first scan would have OCR'd it for
// nothing, and every scan after it); a relative path is the sites file's
// directory's, not the working directory of whichever command reads the
// file (serve runs from anywhere) (i31-rev-tests).
func TestOCRCacheConfig(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "ocr"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "tep-tin"), []byte("không phải thư mục"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, value string
		want        string // the resolved directory; "" when an error is wanted
		errHas      string
	}{
		{"absolute", filepath.Join(root, "ocr"), filepath.Join(root, "ocr"), ""},
		{"relative to the sites file", "ocr", filepath.Join(root, "ocr"), ""},
		{"relative with dots", "./con/../ocr", filepath.Join(root, "ocr"), ""},
		{"Vietnamese name missing", "bộ-nhớ-đệm-OCR", "", "does not exist"},
		{"missing", filepath.Join(root, "khong-co"), "", "does not exist"},
		{"a file", filepath.Join(root, "tep-tin"), "", "not a directory"},
		{"under a file", filepath.Join(root, "tep-tin", "ocr"), "", "ocr_cache"},
	}
	if fi, err := os.Stat("/proc/self"); err == nil && fi.IsDir() {
		// a directory no one can write in, root included (tests run as root here)
		tests = append(tests, struct{ name, value, want, errHas string }{"not writable", "/proc/self", "", "not writable"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "relative with dots" {
				if err := os.MkdirAll(filepath.Join(root, "con"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			p := filepath.Join(root, "sites.toml")
			cfg := "user_agent = \"vanban-test/1\"\n\n[files]\nocr_cache = " + quoteTOML(tt.value) + "\n\n[[site]]\nname = \"sotnmt\"\nstart = [\"https://sotnmt.example.gov.vn/\"]\nallow = ['sotnmt']\n"
			if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadDir(root)
			c, err := LoadConfig(p)
			if tt.want != "" {
				if err != nil {
					t.Fatalf("ocr_cache = %q: %v", tt.value, err)
				}
				if got := c.Files.Options().OCRCache; got != tt.want {
					t.Errorf("ocr_cache = %q: the reader's cache %q, want %q", tt.value, got, tt.want)
				}
				return
			}
			var ce *ConfigError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.errHas) || !strings.Contains(err.Error(), "ocr_cache") || ce.Line != 4 {
				t.Fatalf("ocr_cache = %q: %v, want a ConfigError at line 4 naming ocr_cache and %q", tt.value, err, tt.errHas)
			}
			if after, _ := os.ReadDir(root); len(after) != len(before) {
				t.Errorf("ocr_cache = %q: reading the sites file left %d entries in its directory, had %d", tt.value, len(after), len(before))
			}
		})
	}
	// the probe leaves nothing in the cache
	if ents, _ := os.ReadDir(filepath.Join(root, "ocr")); len(ents) != 0 {
		t.Errorf("the cache holds %d entries after the checks, want none", len(ents))
	}
}

func quoteTOML(s string) string { return "'" + s + "'" }
