package app

import (
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/search/web"
	"github.com/vanban/vanban/tasks"
)

// docxOf is a DOCX whose paragraphs are lines.
func docxOf(t *testing.T, lines ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, line := range lines {
		fmt.Fprintf(&body, `<w:p><w:r><w:t>%s</w:t></w:r></w:p>`, html.EscapeString(line))
	}
	b, err := filetexttest.Zip(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDeadFileChain: a resolution the portal posts as a page, a plan
// implementing it and two letters implementing the plan, the three posted
// as DOCX files one article links. The plan's file and one letter's answer
// 404 on the second crawl (their documents kept). The implementation
// section marks them wherever it lists them: the chain on each page (the
// plan above the letters, below the resolution; the letters below the
// plan), a document's own tasks under its own title when its own file is
// dead, and the task cards of the parent's passages as before — the
// resolution (a page) and the live letter never. Each page asks the
// dead-file reader (crawler.DeadFilesOf, counted here, not replaced) once
// for its section, whatever the entries. Texts written for the test.
func TestDeadFileChain(t *testing.T) {
	plan := docxOf(t, "ỦY BAN NHÂN DÂN TỈNH PHÚ AN", "Số: 7/KH-UBND", "Phú An, ngày 15 tháng 6 năm 2025", "KẾ HOẠCH",
		"Thực hiện Nghị quyết số 52-NQ/TW về kinh tế số", "II. NHIỆM VỤ",
		"1. Sở Khoa học và Công nghệ phát triển hạ tầng số, trung tâm dữ liệu tỉnh và điện toán đám mây dùng chung.",
		"2. Sở Nội vụ mở lớp đào tạo nhân lực số cho doanh nghiệp và người dân trên địa bàn tỉnh.")
	letter := func(org, number, unit string) []byte {
		return docxOf(t, org, "Số: "+number, "V/v triển khai Kế hoạch số 7/KH-UBND", "Phú An, ngày 2 tháng 7 năm 2025",
			"Thực hiện Kế hoạch số 7/KH-UBND ngày 15/6/2025 của Ủy ban nhân dân tỉnh về kinh tế số, "+unit+" đề nghị các đơn vị trực thuộc:",
			"1. Trung tâm Công nghệ thông tin phát triển hạ tầng số, trung tâm dữ liệu tỉnh và điện toán đám mây dùng chung.",
			"2. Các phòng chuyên môn tổ chức đào tạo nhân lực số cho doanh nghiệp và người dân.")
	}
	files := map[string][]byte{
		"/files/7-KH-UBND.docx":   plan,
		"/files/15-SKHCN-VP.docx": letter("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "15/SKHCN-VP", "Sở Khoa học và Công nghệ"),
		"/files/21-SNV-VP.docx":   letter("SỞ NỘI VỤ", "21/SNV-VP", "Sở Nội vụ"),
	}
	page := func(title, text string) string {
		return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title></head><body><div class="content-detail"><h1>` + title + `</h1><p class="date">Ngày đăng: 02/07/2025</p>` + text + `</div></body></html>`
	}
	data := t.TempDir()
	var mu sync.Mutex
	gone := map[string]bool{}
	mux := http.NewServeMux()
	mux.HandleFunc("/tin-tuc/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/tin-tuc/":
			fmt.Fprint(w, `<html><body><a href="/tin-tuc/nghi-quyet-52.html">Nghị quyết</a> <a href="/tin-tuc/van-ban-trien-khai.html">Văn bản triển khai</a></body></html>`)
		case "/tin-tuc/nghi-quyet-52.html":
			fmt.Fprint(w, page("Nghị quyết số 52-NQ/TW về kinh tế số", `<p>III. NHIỆM VỤ, GIẢI PHÁP</p><p>1. Phát triển hạ tầng số, trung tâm dữ liệu và điện toán đám mây.</p><p>2. Đào tạo nhân lực số cho doanh nghiệp và người dân.</p>`))
		case "/tin-tuc/van-ban-trien-khai.html":
			fmt.Fprint(w, page("Các văn bản triển khai về kinh tế số", `<p>Toàn văn các văn bản kèm theo.</p><div class="attachments"><b>Tệp đính kèm</b> <a href="/files/7-KH-UBND.docx">Tệp 1</a> <a href="/files/15-SKHCN-VP.docx">Tệp 2</a> <a href="/files/21-SNV-VP.docx">Tệp 3</a></div>`))
		default:
			http.NotFound(w, r)
		}
	})
	mux.HandleFunc("/files/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		b, ok := files[r.URL.Path]
		if !ok || gone[r.URL.Path] {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	cfg := writeSiteConfig(t, "phuan", srv.URL+"/tin-tuc/", srv.URL, `/tin-tuc/.+\.html`)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	mu.Lock()
	gone["/files/7-KH-UBND.docx"], gone["/files/15-SKHCN-VP.docx"] = true, true
	mu.Unlock()
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil || !strings.Contains(stderr, "2 dead attachments still linked") {
		t.Fatalf("second crawl: %v, want 2 dead attachments\n%s", err, stderr)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	store, ix, err := openData(context.Background(), &Env{Data: data}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	defer ix.Close()
	// the real reader, its calls counted: the URLs of each call
	var calls [][]string
	read := deadFilesFunc(store)
	counted := func(ctx context.Context, urls []string) (map[string]corpus.DeadMark, error) {
		mu.Lock()
		calls = append(calls, slices.Clone(urls))
		mu.Unlock()
		return read(ctx, urls)
	}
	h := web.NewHandler(search.New(ix.Bleve(), search.WithTexts(store)), store, slog.New(slog.NewTextHandler(io.Discard, nil)),
		web.WithDeadFiles(counted), web.WithTasks(tasks.New(store, tasks.Options{Fresh: true})))
	webSrv := httptest.NewServer(h)
	defer webSrv.Close()

	resID := corpus.IDForURL(srv.URL + "/tin-tuc/nghi-quyet-52.html")
	planURL, deadURL, liveURL := srv.URL+"/files/7-KH-UBND.docx", srv.URL+"/files/15-SKHCN-VP.docx", srv.URL+"/files/21-SNV-VP.docx"
	planID, deadID, liveID := corpus.IDForURL(planURL), corpus.IDForURL(deadURL), corpus.IDForURL(liveURL)
	recs, err := read(context.Background(), []string{planURL, deadURL, liveURL})
	if err != nil || len(recs) != 2 {
		t.Fatalf("dead records %v, %v; want the plan's and 15/SKHCN-VP's", recs, err)
	}
	note := `<span class="dead">` + html.EscapeString(recs[planURL].Note()) + `</span>`
	// entry is the chain's entry of document id on a page: from its link to
	// the next entry or level
	entry := func(chain, id string) (string, bool) {
		_, rest, ok := strings.Cut(chain, `<a href="/doc/`+id+`">`)
		if !ok {
			return "", false
		}
		for _, end := range []string{"<li", "<ol", "</li>", "</ol>", "; <a"} {
			if j := strings.Index(rest, end); j >= 0 {
				rest = rest[:j]
			}
		}
		return rest, true
	}
	for _, c := range []struct {
		name, id    string
		dead, live  []string // chain entries marked, unmarked
		ownMarked   bool     // the own tasks' list says its file is dead
		sectionURLs []string // the files the section's one call asks
	}{
		{"the resolution", resID, []string{planID, deadID}, []string{liveID}, false, []string{planURL, deadURL, liveURL}},
		{"the plan", planID, []string{deadID}, []string{resID, liveID}, true, []string{planURL, deadURL, liveURL}},
		{"the dead letter", deadID, []string{planID}, []string{resID}, true, []string{planURL, deadURL}},
		{"the live letter", liveID, []string{planID}, []string{resID}, false, []string{planURL, liveURL}},
	} {
		mu.Lock()
		calls = nil
		mu.Unlock()
		body := httpBody(t, webSrv.URL+"/doc/"+c.id)
		_, chain, ok := strings.Cut(body, "<h2>Chuỗi thực hiện</h2>")
		chain, _, _ = strings.Cut(chain, "<h2>")
		if !ok {
			t.Errorf("%s: no chain on its page", c.name)
			continue
		}
		for _, id := range c.dead {
			if e, ok := entry(chain, id); !ok || !strings.Contains(e, note) {
				t.Errorf("%s's chain: entry %s %q, found %v; want it marked dead", c.name, id, e, ok)
			}
		}
		for _, id := range c.live {
			if e, ok := entry(chain, id); !ok || strings.Contains(e, "class=\"dead\"") {
				t.Errorf("%s's chain: entry %s %q, found %v; want it listed, unmarked", c.name, id, e, ok)
			}
		}
		_, own, ok := strings.Cut(body, "<h2>Nhiệm vụ của văn bản")
		own, _, _ = strings.Cut(own, `<div class="hit task">`)
		if ok != (c.id != resID) || strings.Contains(own, note) != c.ownMarked {
			t.Errorf("%s: its own tasks' list (found %v) marked %v; want %v:\n%s", c.name, ok, strings.Contains(own, note), c.ownMarked, own)
		}
		// the parent's task cards: marked by their plan's file, each
		cards := strings.Split(body, `<li class="passage"`)[1:]
		for _, p := range cards {
			for _, card := range strings.Split(p, `<div class="hit task">`)[1:] {
				byDead := strings.Contains(card, `href="/doc/`+planID+`"`) || strings.Contains(card, `href="/doc/`+deadID+`"`)
				if strings.Contains(card, note) != byDead {
					t.Errorf("%s: a task card marked %v; want %v:\n%s", c.name, !byDead, byDead, card)
				}
			}
		}
		// one call for the section, asking every file it lists; a file's
		// page asks its own file too (deadSelf), a page with attachments
		// those (deadAttachments): none here
		mu.Lock()
		got := calls
		mu.Unlock()
		section := 0
		for _, urls := range got {
			if !slices.ContainsFunc(c.sectionURLs, func(u string) bool { return !slices.Contains(urls, u) }) {
				section++
			}
		}
		if max := map[bool]int{true: 1, false: 2}[c.id == resID]; len(got) > max || section != 1 {
			t.Errorf("%s: %d calls of the reader %v, %d for the section; want one for the section, %d in all at most", c.name, len(got), got, section, max)
		}
	}
}
