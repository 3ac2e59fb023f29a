package web

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
)

// fileDocs are an article and the PDF attached to it, read into a
// document of its own whose third page holds the word searched.
func fileDocs() (article, file *corpus.Document) {
	article = &corpus.Document{URL: "http://demo.test/tin-tuc/thong-bao-ket-luan.html", Site: "demo", Title: "Thông báo kết luận của Chủ tịch UBND tỉnh",
		Body: "Văn phòng Ủy ban nhân dân tỉnh thông báo kết luận tại cuộc họp; xem tệp đính kèm.", Published: "2025-04-02",
		Attachments: []string{"http://demo.test/files/tb-27.pdf"}}
	p1 := "THÔNG BÁO\nKết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về tiến độ các dự án trọng điểm"
	p2 := "1. Giao Sở Tài chính tham mưu bố trí vốn cho các dự án chuyển tiếp."
	p3 := "2. Giao Ban Quản lý dự án đầu tư xây dựng hoàn thành giải phóng mặt bằng cầu Vàm Cống trước tháng 9."
	file = &corpus.Document{URL: "http://demo.test/files/tb-27.pdf", Site: "demo", Title: "Thông báo số 27/TB-UBND kết luận của Chủ tịch",
		Number: "27/TB-UBND", Type: "Thông báo", Body: p1 + "\n" + p2 + "\n" + p3, Parent: corpus.IDForURL(article.URL),
		File: &corpus.FileInfo{Kind: "pdf", Name: "tb-27.pdf", Pages: 3, OCRPages: []int{3},
			PageStarts: []corpus.PageStart{{Page: 1, Offset: 0}, {Page: 2, Offset: len(p1) + 1}, {Page: 3, Offset: len(p1) + len(p2) + 2}}}}
	return article, file
}

// TestFilePages: a hit in a file says the file and the page; the file's
// page shows its page breaks and the article it is attached to; the
// article's page links the document read from its file.
func TestFilePages(t *testing.T) {
	article, file := fileDocs()
	srv, _ := demoServer(t, article, file)
	fileID, articleID := corpus.IDForURL(file.URL), corpus.IDForURL(article.URL)

	body, _ := get(t, srv.URL+"/api/search?"+url.Values{"q": {"giải phóng mặt bằng cầu Vàm Cống"}}.Encode(), 200)
	var res search.Result
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != fileID || res.Hits[0].File != "pdf" || res.Hits[0].Page != 3 {
		t.Fatalf("hits %+v; want the file first, on page 3", res.Hits)
	}
	page, _ := get(t, srv.URL+"/?"+url.Values{"q": {"giải phóng mặt bằng cầu Vàm Cống"}}.Encode(), 200)
	if !strings.Contains(page, "tệp pdf, <a href=\"/doc/"+fileID) || !strings.Contains(page, "#trang-3\">trang 3</a>") {
		t.Errorf("the result page does not say the file and page")
	}

	page, _ = get(t, srv.URL+"/doc/"+fileID+"?q=c%E1%BA%A7u", 200)
	for _, want := range []string{
		`<p class="page" id="trang-2">— Trang 2 —</p><p>1. Giao Sở Tài chính`,
		`<p class="page" id="trang-3">— Trang 3 —</p><p>2. Giao Ban Quản lý`,
		`<mark>cầu</mark> Vàm Cống`,
		`Đính kèm bài</dt><dd><a href="/doc/` + articleID + `">Thông báo kết luận`,
		`tb-27.pdf (pdf, 3 trang; trang 3 đọc bằng OCR)`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("file page lacks %q", want)
		}
	}
	page, _ = get(t, srv.URL+"/doc/"+articleID, 200)
	if !strings.Contains(page, `<a href="/doc/`+fileID+`">Thông báo số 27/TB-UBND`) || !strings.Contains(page, "tb-27.pdf, 3 trang") {
		t.Errorf("the article's page does not link the document of its file")
	}
}

func TestMarkParasPages(t *testing.T) {
	f := &corpus.FileInfo{PageStarts: []corpus.PageStart{{Page: 2, Offset: 0}, {Page: 5, Offset: 6}}}
	ps := markParas("ab\ncd\nef\n\ngh", f, nil)
	var got []int
	for _, p := range ps {
		got = append(got, p.Page)
	}
	if len(ps) != 4 || got[0] != 2 || got[1] != 0 || got[2] != 5 || got[3] != 0 {
		t.Errorf("pages %v, want 2 0 5 0", got)
	}
}
