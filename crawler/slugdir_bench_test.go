package crawler

import (
	"fmt"
	"net/url"
	"testing"
)

// BenchmarkSlugDir: one slug-directory check (soft404.go slugDir) on a
// run that knows 100,000 URLs, each notice in a directory of its own
// (/thong-bao/<slug>/index.html) — the site where every page's first
// probe reads as the page and the check runs for each page checked.
func BenchmarkSlugDir(b *testing.B) {
	r := &run{seen: map[string]bool{}}
	for i := range 100_000 {
		r.seen[fmt.Sprintf("https://sonv.example.gov.vn/thong-bao/thong-bao-so-%d-ve-lich-lam-viec/index.html", i)] = true
	}
	u, _ := url.Parse("https://sonv.example.gov.vn/thong-bao/thong-bao-so-50000-ve-lich-lam-viec/index.html")
	b.ResetTimer()
	for b.Loop() {
		if !r.slugDir(u) {
			b.Fatal("not a slug directory")
		}
	}
}

// TestSlugDir: a page alone in its directory with another page in a
// directory of its own beside it sits in a slug directory; a section
// shared by pages, a page with no sibling directory, and a page at the
// top are none.
func TestSlugDir(t *testing.T) {
	const h = "https://sotp.example.gov.vn"
	for _, tc := range []struct {
		name string
		seen []string
		page string
		want bool
	}{
		{"a notice per directory", []string{"/thong-bao/lich-hop/index.html", "/thong-bao/lich-truc/index.html"}, "/thong-bao/lich-hop/index.html", true},
		{"the page not yet seen", []string{"/thong-bao/lich-truc/index.html"}, "/thong-bao/lich-hop/index.html", true},
		{"a second page in its directory", []string{"/thong-bao/lich-hop/index.html", "/thong-bao/lich-hop/phu-luc.html", "/thong-bao/lich-truc/index.html"}, "/thong-bao/lich-hop/index.html", false},
		{"another page in its directory, the page not yet seen", []string{"/thong-bao/lich-hop/phu-luc.html", "/thong-bao/lich-truc/index.html"}, "/thong-bao/lich-hop/index.html", false},
		{"a section shared by pages", []string{"/tin-tuc/bai-mot.html", "/tin-tuc/bai-hai.html", "/van-ban/x/index.html"}, "/tin-tuc/bai-mot.html", false},
		{"no directory beside it", []string{"/thong-bao/lich-hop/index.html", "/thong-bao/danh-sach.html"}, "/thong-bao/lich-hop/index.html", false},
		{"at the top", []string{"/gioi-thieu.html"}, "/gioi-thieu.html", false},
		{"a query kept apart", []string{"/thong-bao/lich-hop/index.html?lang=vi", "/thong-bao/lich-truc/index.html?lang=vi"}, "/thong-bao/lich-hop/index.html?lang=vi", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &run{seen: map[string]bool{}}
			for _, s := range tc.seen {
				r.seen[h+s] = true
			}
			u, err := url.Parse(h + tc.page)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.slugDir(u); got != tc.want {
				t.Errorf("slugDir(%s) over %q = %v, want %v", tc.page, tc.seen, got, tc.want)
			}
		})
	}
}
