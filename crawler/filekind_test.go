package crawler

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// TestCrawlFileKinds crawls an article whose "Tệp đính kèm" box links a
// PDF through a download handler (download.aspx?file=…), a spreadsheet,
// a slide deck and an upper-case ZIP (filekind): all four are the
// article's attachments; the PDF is fetched once, as a file, never as a
// page (the allow pattern would take the handler's URL); the spreadsheet
// is fetched and read (since i20-files); the files filetext cannot read
// are listed and never requested.
func TestCrawlFileKinds(t *testing.T) {
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext")
	portal := newFilePortal()
	srv := httptest.NewServer(portal)
	defer srv.Close()
	portal.file("/download.aspx", demoFile(t, "45-KH-UBND.pdf"))
	portal.file("/files/bieu-mau-01.xlsx", filetexttest.XLSX(filetexttest.Sheet{Name: "Biểu 01", Rows: [][]string{
		{"STT", "Nội dung", "Đơn vị thực hiện"}, {"1", "Tổng hợp kết quả triển khai kế hoạch", "Sở Khoa học và Công nghệ"}}}))
	for _, p := range []string{"/files/slide hoi nghi.pptx", "/files/HO-SO.ZIP"} {
		portal.file(p, []byte("PK\x03\x04 not read"))
	}
	links := []string{"/download.aspx?file=/Uploads/45-KH-UBND.signed.pdf", "/files/bieu-mau-01.xlsx", "/files/slide%20hoi%20nghi.pptx", "/files/HO-SO.ZIP"}
	portal.article("/tin-tuc/1.html", "Kế hoạch triển khai Nghị quyết số 57-NQ/TW",
		"Ủy ban nhân dân tỉnh ban hành kế hoạch và các biểu mẫu kèm theo.", links)
	portal.listing = []string{"/tin-tuc/1.html"}

	store := openStore(t)
	c := fileCrawler(store, filepath.Join(t.TempDir(), "warc"), nil, FileOptions{Limits: limitsForTests()})
	rep, err := c.Crawl(context.Background(), filePortalSite(t, srv.URL), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 0 || rep.Files != 2 || rep.FilesFailed != 0 {
		t.Errorf("crawl: %d failed, %d files read, %d file errors; want 0, 2 (the PDF, the spreadsheet), 0", rep.Failed, rep.Files, rep.FilesFailed)
	}
	var want []string
	for _, l := range links {
		want = append(want, srv.URL+l)
	}
	if got := getDoc(t, store, srv.URL+"/tin-tuc/1.html").Attachments; !slices.Equal(got, want) {
		t.Errorf("attachments\n got %q\nwant %q", got, want)
	}
	if d := getDoc(t, store, want[0]); d.File == nil || d.File.Kind != "pdf" || d.Number != "45/KH-UBND" {
		t.Errorf("the handler's PDF: number %q file %+v", d.Number, d.File)
	}
	for p, n := range map[string]int{"/download.aspx": 1, "/files/bieu-mau-01.xlsx": 1, "/files/slide hoi nghi.pptx": 0, "/files/HO-SO.ZIP": 0} {
		if got := portal.hitsOf(p); got != n {
			t.Errorf("%s requested %d times, want %d", p, got, n)
		}
	}
}
