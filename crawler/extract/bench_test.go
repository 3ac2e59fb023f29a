package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// typicalPage builds a ~150 KB portal page: SharePoint-like chrome (menus,
// sidebars, scripts, footer) around a long article, the size of the Zyte
// pages (174 KB on average).
func typicalPage(tb testing.TB) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", "golden", "portal_sharepoint.html"))
	if err != nil {
		tb.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "<h2>")
	j := strings.Index(s, "<div class=\"share-tools\">")
	k := strings.Index(s, "<div class=\"col-right\">")
	article, chrome := s[i:j], s[j:k]
	page := s[:i] + strings.Repeat(article, 70) + strings.Repeat(chrome, 110) + s[j:]
	return []byte(page)
}

// BenchmarkExtract measures Parse + Article on one core.
//
//	go test -run '^$' -bench Extract -benchmem -count 6 -cpu 1 ./crawler/extract > new.txt
//	benchstat old.txt new.txt
func BenchmarkExtract(b *testing.B) {
	page := typicalPage(b)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(page, "text/html; charset=utf-8", nil, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
