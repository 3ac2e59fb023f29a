package crawler

import (
	"context"
	"net/http/httptest"
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
