package crawler

import (
	"context"
	"strings"
	"testing"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// TestCrawlAnnexFiles: a plan posted with the list of its annexes — each
// item a link to a viewer page and "(tải về)" the file, the shape of
// provincial portals (written for this test) — has its annexes' lines in
// its body and their files fetched, read and stored under it; the file of
// another document listed in the same article is never fetched.
func TestCrawlAnnexFiles(t *testing.T) {
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext")
	portal := newFilePortal()
	srv := newServer(t, portal)
	portal.file("/Uploads/2025/pl1-kh-150.pdf", demoFile(t, "45-KH-UBND.pdf"))
	portal.file("/Uploads/2025/pl2-kh-150.docx", demoFile(t, "236-KH-UBND.docx"))
	portal.file("/Uploads/2024/kh-88.pdf", demoFile(t, "45-KH-UBND.pdf"))
	for _, p := range []string{"/van-ban/xem/pl1-kh-150", "/van-ban/xem/pl2-kh-150", "/van-ban/xem/kh-88"} {
		portal.articles[p] = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Xem văn bản</title></head><body><h1>Xem văn bản</h1></body></html>`
	}
	portal.articles["/tin-tuc/ke-hoach-cai-cach.html"] = chromePortalPage("Kế hoạch thực hiện công tác cải cách hành chính năm 2025",
		`<p>Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện công tác cải cách hành chính năm 2025 trên địa bàn tỉnh.</p>
<p>Các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố căn cứ nhiệm vụ được giao, tổ chức triển khai thực hiện và báo cáo kết quả định kỳ hằng quý.</p>
<p><strong>Phụ lục kèm theo:</strong></p><ul>
<li><a href="/van-ban/xem/pl1-kh-150">Phụ lục I: Danh mục nhiệm vụ cải cách hành chính năm 2025</a> (<a href="/Uploads/2025/pl1-kh-150.pdf">tải về</a>)</li>
<li><a href="/van-ban/xem/pl2-kh-150">Phụ lục II: Kinh phí thực hiện các nhiệm vụ cải cách hành chính</a> (<a href="/Uploads/2025/pl2-kh-150.docx">tải về</a>)</li></ul>
<p>Kế hoạch năm trước:</p><ul>
<li><a href="/van-ban/xem/kh-88">Kế hoạch số 88/KH-UBND về cải cách hành chính năm 2024</a> (<a href="/Uploads/2024/kh-88.pdf">tải về</a>)</li></ul>`, "")
	portal.listing = []string{"/tin-tuc/ke-hoach-cai-cach.html"}

	store := openStore(t)
	c := fileCrawler(store, "", nil, FileOptions{Limits: limitsForTests()})
	rep, err := c.Crawl(context.Background(), filePortalSite(t, srv.URL), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files != 2 {
		t.Errorf("crawl: %d files read; want 2 (the plan's two annexes)", rep.Files)
	}
	if n := portal.hitsOf("/Uploads/2024/kh-88.pdf"); n != 0 {
		t.Errorf("another document's file fetched %d times", n)
	}
	doc := getDoc(t, store, srv.URL+"/tin-tuc/ke-hoach-cai-cach.html")
	want := []string{srv.URL + "/Uploads/2025/pl1-kh-150.pdf", srv.URL + "/Uploads/2025/pl2-kh-150.docx"}
	if strings.Join(doc.Attachments, " ") != strings.Join(want, " ") {
		t.Errorf("plan's attachments %q, want %q", doc.Attachments, want)
	}
	for _, l := range []string{"Phụ lục I: Danh mục nhiệm vụ cải cách hành chính năm 2025", "Phụ lục II: Kinh phí thực hiện"} {
		if !strings.Contains(doc.Body, l) {
			t.Errorf("plan's body lacks %q:\n%s", l, doc.Body)
		}
	}
	if strings.Contains(doc.Body, "88/KH-UBND") {
		t.Errorf("plan's body holds the other document's row:\n%s", doc.Body)
	}
	for _, f := range want {
		if d := getDoc(t, store, f); d.Parent != doc.ID {
			t.Errorf("%s: parent %q, want %q", f, d.Parent, doc.ID)
		}
	}
}
