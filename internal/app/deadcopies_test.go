package app

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/tasks"
)

// TestDeadFileCopiesAndCoverage: a plan posted both as an article page and
// as its DOCX (one number, 7/KH-UBND: a search folds them into one hit),
// implementing a resolution the portal posts too. The DOCX answers 404:
// its document is kept and marked wherever it is listed — as the hit or
// as the hit's folded copy (/api/search, the search page, vanban search),
// and on the resolution's page, on the cards of the tasks it implements
// (the article page's copy and the resolution's own hit are never
// marked). Texts written for the test.
func TestDeadFileCopiesAndCoverage(t *testing.T) {
	tasksText := []string{
		"II. NHIỆM VỤ",
		"1. Sở Khoa học và Công nghệ phát triển hạ tầng số, trung tâm dữ liệu tỉnh và điện toán đám mây dùng chung.",
		"2. Sở Nội vụ mở lớp đào tạo nhân lực số cho doanh nghiệp và người dân trên địa bàn tỉnh.",
	}
	var body strings.Builder
	for _, line := range append([]string{"ỦY BAN NHÂN DÂN TỈNH PHÚ AN", "Số: 7/KH-UBND", "Phú An, ngày 15 tháng 6 năm 2025", "KẾ HOẠCH", "Thực hiện Nghị quyết số 52-NQ/TW về kinh tế số"}, tasksText...) {
		fmt.Fprintf(&body, `<w:p><w:r><w:t>%s</w:t></w:r></w:p>`, line)
	}
	docx, err := filetexttest.Zip(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
	})
	if err != nil {
		t.Fatal(err)
	}
	page := func(title, text string) string {
		return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title></head><body><div class="content-detail"><h1>` + title + `</h1><p class="date">Ngày đăng: 15/06/2025</p>` + text + `</div></body></html>`
	}
	data := t.TempDir()
	var mu sync.Mutex
	up := true
	mux := http.NewServeMux()
	mux.HandleFunc("/tin-tuc/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/tin-tuc/":
			fmt.Fprint(w, `<html><body><a href="/tin-tuc/nghi-quyet-52.html">Nghị quyết</a> <a href="/tin-tuc/ke-hoach-7.html">Kế hoạch</a></body></html>`)
		case "/tin-tuc/nghi-quyet-52.html":
			fmt.Fprint(w, page("Nghị quyết số 52-NQ/TW về kinh tế số", `<p>III. NHIỆM VỤ, GIẢI PHÁP</p><p>1. Phát triển hạ tầng số, trung tâm dữ liệu và điện toán đám mây.</p><p>2. Đào tạo nhân lực số cho doanh nghiệp và người dân.</p>`))
		case "/tin-tuc/ke-hoach-7.html":
			fmt.Fprint(w, page("Kế hoạch số 7/KH-UBND thực hiện Nghị quyết số 52-NQ/TW về kinh tế số", `<p>Ủy ban nhân dân tỉnh ban hành Kế hoạch số 7/KH-UBND thực hiện Nghị quyết số 52-NQ/TW; toàn văn kèm theo.</p><div class="attachments"><b>Tệp đính kèm</b> <a href="/files/7-KH-UBND.docx">Kế hoạch 7</a></div>`))
		default:
			http.NotFound(w, r)
		}
	})
	mux.HandleFunc("/files/7-KH-UBND.docx", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if !up {
			http.NotFound(w, r)
			return
		}
		w.Write(docx)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	file := srv.URL + "/files/7-KH-UBND.docx"
	cfg := writeSiteConfig(t, "phuan", srv.URL+"/tin-tuc/", srv.URL, `/tin-tuc/.+\.html`)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	mu.Lock()
	up = false
	mu.Unlock()
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil || !strings.Contains(stderr, "1 dead attachments still linked") {
		t.Fatalf("second crawl: %v, want 1 dead attachment\n%s", err, stderr)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	fileID := corpus.IDForURL(file)
	out, _, err := call(t, data, RunSearch, SearchOptions{Query: "7/KH-UBND", Limit: 10})
	if err != nil || strings.Count(out, "không còn truy cập được") != 1 || !strings.Contains(out, "bản khác") {
		t.Errorf("vanban search 7/KH-UBND: %v; want one hit with a copy, the DOCX marked once:\n%s", err, out)
	}

	store, ix, err := openData(context.Background(), &Env{Data: data}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	defer ix.Close()
	web := httptest.NewServer(searchHandler(&Env{Data: data, Stderr: io.Discard}, store, ix, DefaultRequestTimeout, nil, tasks.New(store, tasks.Options{Fresh: true})))
	defer web.Close()
	var doc struct {
		Dead *corpus.DeadMark `json:"dead"`
	}
	if err := json.Unmarshal([]byte(httpBody(t, web.URL+"/api/documents/"+fileID)), &doc); err != nil || doc.Dead == nil {
		t.Fatalf("/api/documents/%s: %v, dead %+v; want the file dead", fileID, err, doc.Dead)
	}
	note := `<span class="dead">` + html.EscapeString(doc.Dead.Note()) + `</span>`

	var res struct {
		Hits []struct {
			ID, URL string
			Dead    *corpus.DeadMark
			Copies  []struct {
				ID, URL string
				Dead    *corpus.DeadMark
			}
		}
	}
	if err := json.Unmarshal([]byte(httpBody(t, web.URL+"/api/search?q="+url.QueryEscape("7/KH-UBND"))), &res); err != nil {
		t.Fatal(err)
	}
	marks, found := 0, false
	for _, h := range res.Hits {
		if (h.Dead != nil) != (h.ID == fileID) {
			t.Errorf("/api/search: hit %s dead %+v", h.URL, h.Dead)
		}
		found = found || h.ID == fileID
		for _, c := range h.Copies {
			found = found || c.ID == fileID
			if (c.Dead != nil) != (c.ID == fileID) || c.Dead != nil && (c.Dead.URL != file || c.Dead.Status != 404) {
				t.Errorf("/api/search: copy %s of %s dead %+v", c.URL, h.URL, c.Dead)
			}
			if c.Dead != nil {
				marks++
			}
		}
		if h.Dead != nil {
			marks++
		}
	}
	if !found || marks != 1 || len(res.Hits) != 1 || len(res.Hits[0].Copies) != 1 {
		t.Errorf("/api/search 7/KH-UBND: %+v; want one hit and one copy (the article and the DOCX), the DOCX marked once", res.Hits)
	}
	if body := httpBody(t, web.URL+"/?q="+url.QueryEscape("7/KH-UBND")); strings.Count(body, note) != 1 {
		t.Errorf("the search page marks %d entries; want the DOCX once", strings.Count(body, note))
	}
	// the resolution's page: the cards of 7/KH-UBND's tasks, read from the
	// dead DOCX, are marked
	resID := corpus.IDForURL(srv.URL + "/tin-tuc/nghi-quyet-52.html")
	resPage := httpBody(t, web.URL+"/doc/"+resID)
	chain, passages, _ := strings.Cut(resPage, "<h2>Các đoạn của văn bản")
	cards := strings.Count(passages, `<div class="hit task">`)
	if cards == 0 || strings.Count(passages, note) != cards {
		t.Errorf("the resolution's page: %d task cards, %d marked; want each marked (its plan's file is dead)", cards, strings.Count(passages, note))
	}
	// its chain names the plan once, by its DOCX (the copy kept), marked
	// (TestDeadFileChain)
	if !strings.Contains(chain, `<a href="/doc/`+fileID+`">`) || strings.Count(chain, note) != 1 {
		t.Errorf("the resolution's chain: %d marks; want the plan's DOCX, marked once:\n%s", strings.Count(chain, note), chain)
	}
}
