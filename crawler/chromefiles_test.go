package crawler

import (
	"context"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// chromePortalPage is a page of a fictional portal written for this test in
// the shape of Vietnamese portals: the portal's guide in the header, its
// operating rules and rate card in the footer (PDFs on every page), the
// article, and what the page puts beside it.
func chromePortalPage(title, body, beside string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title></head><body>
<header><a href="/">Cổng thông tin điện tử tỉnh Phú An</a> <a href="/Portals/0/huong-dan-su-dung.pdf">Hướng dẫn sử dụng</a></header>
<div class="main"><div class="content-detail"><h1>` + title + `</h1><p class="date">Ngày đăng: 12/12/2024</p>` + body + `</div>` + beside + `</div>
<footer><p>Bản quyền thuộc Văn phòng UBND tỉnh Phú An.</p><a href="/Portals/0/quy-che-hoat-dong.pdf">Quy chế hoạt động</a> <a href="/Portals/0/bang-gia-quang-cao.pdf">Bảng giá quảng cáo</a></footer>
</body></html>`
}

// TestCrawlChromeFiles: the files of a portal's header and footer are no
// page's attachments. A news page without a type field that links only
// them is stored as a report (corpus.IsReport) and they are never fetched;
// a page whose document sits in a "Văn bản đính kèm" box beside the
// article still has its file fetched, read and adopted.
func TestCrawlChromeFiles(t *testing.T) {
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext")
	portal := newFilePortal()
	srv := newServer(t, portal)
	pdf := demoFile(t, "45-KH-UBND.pdf")
	for _, p := range []string{"/Portals/0/huong-dan-su-dung.pdf", "/Portals/0/quy-che-hoat-dong.pdf", "/Portals/0/bang-gia-quang-cao.pdf", "/files/45-KH-UBND.pdf"} {
		portal.file(p, pdf)
	}
	portal.articles["/tin-tuc/hoi-nghi.html"] = chromePortalPage("Hội nghị tổng kết công tác phòng, chống thiên tai năm 2024",
		`<p>Sáng 12/12, Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh tổ chức hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025.</p>
<p>Năm 2024, trên địa bàn tỉnh xảy ra 12 đợt mưa lớn và hai cơn bão; các địa phương đã chủ động sơ tán người dân khỏi vùng nguy hiểm.</p>`, "")
	portal.articles["/tin-tuc/de-an-du-lieu.html"] = chromePortalPage("Phê duyệt Kế hoạch phát triển hạ tầng dữ liệu tỉnh Phú An đến năm 2030",
		`<p>Ủy ban nhân dân tỉnh phê duyệt Kế hoạch phát triển hạ tầng dữ liệu tỉnh Phú An đến năm 2030.</p>`,
		`<aside class="box-right"><h4>Văn bản đính kèm</h4><ul><li><a href="/files/45-KH-UBND.pdf">45-KH-UBND.pdf</a></li></ul></aside>`)
	portal.listing = []string{"/tin-tuc/hoi-nghi.html", "/tin-tuc/de-an-du-lieu.html"}

	store := openStore(t)
	c := fileCrawler(store, "", nil, FileOptions{Limits: limitsForTests()})
	rep, err := c.Crawl(context.Background(), filePortalSite(t, srv.URL), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 0 || rep.Files != 1 {
		t.Errorf("crawl: %d failed, %d files read; want 0, 1 (the Kế hoạch alone)", rep.Failed, rep.Files)
	}
	for _, p := range []string{"/Portals/0/huong-dan-su-dung.pdf", "/Portals/0/quy-che-hoat-dong.pdf", "/Portals/0/bang-gia-quang-cao.pdf"} {
		if n := portal.hitsOf(p); n != 0 {
			t.Errorf("%s: fetched %d times; the portal's chrome is no page's attachment", p, n)
		}
	}
	news := getDoc(t, store, srv.URL+"/tin-tuc/hoi-nghi.html")
	if len(news.Attachments) != 0 || !corpus.IsReport(news) {
		t.Errorf("news page: attachments %v, report %v; want none, a report", news.Attachments, corpus.IsReport(news))
	}
	doc := getDoc(t, store, srv.URL+"/tin-tuc/de-an-du-lieu.html")
	if len(doc.Attachments) != 1 || doc.Number != "45/KH-UBND" || corpus.IsReport(doc) {
		t.Errorf("document page: attachments %v, number %q, report %v; want its file, 45/KH-UBND, a document", doc.Attachments, doc.Number, corpus.IsReport(doc))
	}
	if f := getDoc(t, store, srv.URL+"/files/45-KH-UBND.pdf"); f.Parent != doc.ID {
		t.Errorf("file's parent %q, want %q", f.Parent, doc.ID)
	}
}
