package extract

import (
	"strings"
	"testing"
)

func TestCandidates(t *testing.T) {
	para := "<p>Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai, giao các sở, ngành, địa phương tổ chức thực hiện, báo cáo kết quả trước ngày 15 tháng 12.</p>"
	html := `<html><body><div class="sidebar"><ul><li><a href="/a">Tin mới</a></li><li><a href="/b">Thông báo</a></li></ul></div>` +
		`<div class="noi-dung" id="main">` + strings.Repeat(para, 6) + `</div><div class="footer"><p>Bản quyền thuộc về Cổng TTĐT tỉnh, 2025.</p></div></body></html>`
	p, err := Parse([]byte(html), "text/html; charset=utf-8", nil)
	if err != nil {
		t.Fatal(err)
	}
	cands := p.Candidates(2)
	if len(cands) == 0 || len(cands) > 3 {
		t.Fatalf("Candidates(2) = %+v: want 2 blocks, and the top block when not among them", cands)
	}
	c := cands[0]
	if c.Element != "div.noi-dung#main" || !c.Top || c.Score <= 0 || c.Chars < 6*100 {
		t.Errorf("best candidate %+v, want div.noi-dung#main, the top block, with its text", c)
	}
	for _, c := range cands[1:] {
		if c.Score > cands[0].Score || c.Top {
			t.Errorf("candidate %+v after the best one %+v", c, cands[0])
		}
	}
	empty, _ := Parse([]byte(""), "", nil)
	if got := empty.Candidates(3); len(got) != 0 {
		t.Errorf("Candidates of an empty page = %+v", got)
	}
}
