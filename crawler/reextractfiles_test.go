package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestReextractFileOfHomePage: a decision linked from the portal's home
// page, a start outside the site's allow patterns, is the site's file as
// its parent page is (Site.admits, siteOwns): index --reextract reads it
// again from its archived copy as it does a file of an allowed article.
func TestReextractFileOfHomePage(t *testing.T) {
	portal := newFilePortal()
	const home, inArticle = "/files/236-KH-UBND.docx", "/files/15-KH-UBND.docx"
	portal.file(home, demoFile(t, "236-KH-UBND.docx"))
	portal.file(inArticle, demoFile(t, "236-KH-UBND.docx"))
	portal.article("/tin-tuc/ke-hoach-15.html", "Kế hoạch thực hiện chương trình hành động",
		"Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện chương trình hành động của Chính phủ.", []string{inArticle})
	portal.listing = []string{home, "/tin-tuc/ke-hoach-15.html"}
	srv := httptest.NewServer(portal)
	defer srv.Close()
	store := openStore(t)
	c := fileCrawler(store, t.TempDir(), nil, FileOptions{})
	// no article patterns: every page is an article, the home page too
	site := &Site{Name: "files", Start: []string{srv.URL + "/"}, Allow: []string{"^" + srv.URL + "/tin-tuc/"}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	states := urlStates(t, store)
	for _, p := range []string{home, inArticle} {
		if s := states[srv.URL+p]; s.WARC == "" || s.DocID == "" {
			t.Fatalf("%s not read and archived by the crawl: %+v", p, s)
		}
	}
	if s := states[srv.URL+home]; s.Parent != srv.URL+"/" {
		t.Fatalf("%s: parent %q, want the home page", home, s.Parent)
	}
	rep, err := c.Reextract(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	// the article and its file, and the home page's file
	if got := rep.Unchanged + rep.Changed; got != 3 || rep.Files != 2 {
		t.Errorf("reextract: %d documents read again (%d files), want 3 (2 files): %+v", got, rep.Files, rep)
	}
}

// TestReextractStartPage: a document stored from a start outside allow
// (a notice the administrator named as a start, beside the allowed news
// section) is the site's page (Site.admits) for `index --reextract` as
// for the crawl that stored it: read again with the section's article.
func TestReextractStartPage(t *testing.T) {
	const notice, article = "/thong-bao/lich-tiep-cong-dan-quy-3.html", "/tin-tuc/ke-hoach-42.html"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case notice:
			fmt.Fprint(w, strings.Replace(page("Thông báo lịch tiếp công dân quý III năm 2028",
				"Chủ tịch Ủy ban nhân dân tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở tiếp công dân tỉnh."),
				"</footer>", `<a href="`+article+`">Kế hoạch cải cách hành chính</a></footer>`, 1))
		case article:
			fmt.Fprint(w, page("Kế hoạch cải cách hành chính năm 2028",
				"Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính nhà nước năm 2028 trên địa bàn tỉnh."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := openStore(t)
	c := fileCrawler(store, t.TempDir(), nil, FileOptions{})
	site := &Site{Name: "sonoivu", Start: []string{srv.URL + notice}, Allow: []string{"^" + srv.URL + "/tin-tuc/"}, Concurrency: 1}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Crawl(context.Background(), site, Limits{}); err != nil {
		t.Fatal(err)
	}
	states := urlStates(t, store)
	for _, p := range []string{notice, article} {
		if s := states[srv.URL+p]; s.WARC == "" || s.DocID == "" {
			t.Fatalf("%s not stored and archived by the crawl: %+v", p, s)
		}
	}
	rep, err := c.Reextract(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.Unchanged + rep.Changed; got != 2 {
		t.Errorf("reextract: %d documents read again, want 2 (the start's notice and the article): %+v", got, rep)
	}
}
