package crawler

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestFilesOptions: the [files] table's keys reach the file reader's
// options, the absent ones their defaults; ocr_cache (i31-tests) names
// the directory the reader keeps scanned pages' OCR in.
func TestFilesOptions(t *testing.T) {
	site := "\n[[site]]\nname = \"sotnmt\"\nstart = [\"https://sotnmt.example.gov.vn/\"]\nallow = ['sotnmt']\n"
	tests := []struct {
		name, files string
		want        FileOptions
	}{
		{"none", "", FileOptions{MaxBytes: 50 << 20, Workers: 1}},
		{"OCR off", "[files]\nocr = false\n", FileOptions{MaxBytes: 50 << 20, Workers: 1, NoOCR: true}},
		{"OCR cache", "[files]\nocr_cache = \"bo-nho-dem/ocr\"\nmax_mb = 20\nworkers = 2\n", FileOptions{MaxBytes: 20 << 20, Workers: 2, OCRCache: "bo-nho-dem/ocr"}},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		p := filepath.Join(dir, "sites.toml")
		if tt.want.OCRCache != "" {
			// relative to the sites file, and there (TestOCRCacheConfig)
			tt.want.OCRCache = filepath.Join(dir, tt.want.OCRCache)
			if err := os.MkdirAll(tt.want.OCRCache, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(p, []byte(tt.files+site), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := LoadConfig(p)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := cfg.Files.Options()
		if got.MaxBytes != tt.want.MaxBytes || got.Workers != tt.want.Workers || got.NoOCR != tt.want.NoOCR || got.OCRCache != tt.want.OCRCache ||
			got.Limits.MaxBytes != tt.want.MaxBytes || got.Limits.Timeout != 10*time.Minute {
			t.Errorf("%s: %+v; want %+v (limits' size the download's, timeout 10m)", tt.name, got, tt.want)
		}
	}
}
