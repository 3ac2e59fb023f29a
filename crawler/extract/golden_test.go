package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json from the extractor's output")

// TestGolden extracts every testdata/golden/*.html page — portal styles
// written for these tests — and compares the Article with NAME.json. Pages
// named *.utf8.html are encoded to windows-1258 first, *.tcvn3.html to
// TCVN3, *.vni.html to VNI-Windows, *.viscii.html to VISCII and *.vps.html
// to VPS (viet's encoders). Run
// `go test -run Golden -update` after an intended change and review the diff.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "golden", "*.html"))
	if err != nil || len(pages) < 6 {
		t.Fatalf("golden pages: %v, %v", pages, err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case strings.HasSuffix(name, ".utf8"):
				body = []byte(encode1258(t, string(body)))
			case strings.HasSuffix(name, ".tcvn3"):
				body, err = viet.EncodeTCVN3(string(body))
			case strings.HasSuffix(name, ".vni"):
				body, err = viet.EncodeVNI(string(body))
			case strings.HasSuffix(name, ".viscii"):
				body, err = viet.EncodeVISCII(string(body))
			case strings.HasSuffix(name, ".vps"):
				body, err = viet.EncodeVPS(string(body))
			}
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse("https://www.songbe.gov.vn/tin-tuc/2024/11/" + name + ".aspx")
			a, err := Extract(body, "", u, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkClean(t, a)
			got, err := json.MarshalIndent(a, "", "\t")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Extract(%s) differs from %s:\ngot:\n%s\nwant:\n%s", page, golden, got, want)
			}
		})
	}
}

// checkClean is the idempotence check: every field is valid UTF-8 and
// already what viet.Clean makes of it.
func checkClean(t *testing.T, a *Article) {
	t.Helper()
	for _, s := range append([]string{a.Title, a.Published, a.Summary, a.Body, a.Category, a.Number, a.Type, a.Issuer}, a.Attachments...) {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8: %q", s)
		}
		if viet.Clean(s) != s {
			t.Errorf("not clean: %+q", s)
		}
	}
}
