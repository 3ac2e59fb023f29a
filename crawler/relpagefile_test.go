package crawler

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// TestPageAboutDocumentsKeepsItsFiles: a provincial portal's page for a
// decision whose text is only its attached file, beside a sidebar of
// "Văn bản cùng lĩnh vực" naming three other documents, reads as a page
// about documents (no text of its own, three documents linked). Told so,
// the crawler stored nothing from it and did not fetch its file: the
// decision was lost, and a copy an earlier run had stored was retired.
// Whatever the page is, the files it carries are fetched and read (a
// relation page's files are its document's too).
func TestPageAboutDocumentsKeepsItsFiles(t *testing.T) {
	page := `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Quyết định số 1579/QĐ-UBND phê duyệt Kế hoạch chuyển đổi số năm 2025</title></head><body>
<div id="header"><a href="/">Trang chủ</a> <a href="/van-ban">Văn bản</a></div>
<div id="content"><h1 class="title">Quyết định số 1579/QĐ-UBND phê duyệt Kế hoạch chuyển đổi số năm 2025</h1>
<div class="date">Ngày đăng: 12/03/2025</div>
<div class="attach">Tệp đính kèm: <a href="/files/1579-QD-UBND.odt">1579-QD-UBND.odt</a></div></div>
<div id="sidebar"><h3>Văn bản cùng lĩnh vực</h3><ul>
<li><a href="/tin-tuc/qd-1201.html">Quyết định số 1201/QĐ-UBND về ban hành quy chế quản lý hệ thống thông tin</a></li>
<li><a href="/tin-tuc/kh-45.html">Kế hoạch số 45/KH-UBND triển khai Đề án 06 năm 2025</a></li>
<li><a href="/tin-tuc/cv-88.html">Công văn số 88/UBND-VX về đẩy mạnh thanh toán không dùng tiền mặt</a></li>
</ul></div></body></html>`
	odt := filetexttest.ODT(`<text:p>ỦY BAN NHÂN DÂN TỈNH TÂY SƠN</text:p><text:p>Số: 1579/QĐ-UBND</text:p><text:p>QUYẾT ĐỊNH</text:p>` +
		`<text:p>Phê duyệt Kế hoạch chuyển đổi số năm 2025</text:p>` +
		`<text:p>Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2025 của tỉnh, với các nhiệm vụ số hóa hồ sơ thủ tục hành chính và cung cấp dịch vụ công trực tuyến toàn trình.</text:p>`)
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><body><a href="/tin-tuc/qd-1579.html">Quyết định 1579</a></body></html>`)
		case "/tin-tuc/qd-1579.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		case "/files/1579-QD-UBND.odt":
			w.Header().Set("Content-Type", "application/vnd.oasis.opendocument.text")
			w.Write(odt)
		default:
			http.NotFound(w, r)
		}
	}))
	store := openStore(t)
	c := fileCrawler(store, "", nil, FileOptions{Limits: limitsForTests()})
	site := filePortalSite(t, srv.URL)
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := store.Get(corpus.IDForURL(srv.URL + "/files/1579-QD-UBND.odt"))
	if err != nil || d.Gone || !strings.Contains(d.Body, "dịch vụ công trực tuyến") {
		t.Errorf("the decision's file: %v (report %+v); want it read and stored", err, rep)
	}
}
