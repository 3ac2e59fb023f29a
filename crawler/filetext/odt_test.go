package filetext

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/internal/childtest"
)

// odtPlan is a plan saved by LibreOffice Writer (written for this test):
// the Nghị định 30 header as a two-column layout table, the title and
// trích yếu, a heading, body paragraphs (one with a comment, one with a
// tracked deletion, one with a run of spaces), a list, a task table with
// a merged cell (covered) and repeated empty cells, a page break, the
// signature block.
const odtPlan = `<table:table table:name="Header"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>ỦY BAN NHÂN DÂN</text:p><text:p>TỈNH PHÚ AN</text:p></table:table-cell><table:table-cell><text:p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p><text:p>Độc lập - Tự do - Hạnh phúc</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Số: 150/KH-UBND</text:p></table:table-cell><table:table-cell><text:p><text:span>Phú An, ngày 10 tháng 01 năm 2025</text:span></text:p></table:table-cell></table:table-row></table:table>
<text:p>KẾ HOẠCH</text:p>
<text:p>Cải cách hành chính năm 2025</text:p>
<text:h text:outline-level="1">I. MỤC ĐÍCH, YÊU CẦU</text:h>
<text:p>Nâng cao chất lượng<office:annotation><text:p>Xem lại câu này</text:p></office:annotation> phục vụ người dân, doanh nghiệp.<text:tracked-changes><text:changed-region><text:deletion><text:p>Câu đã xóa.</text:p></text:deletion></text:changed-region></text:tracked-changes></text:p>
<text:list><text:list-item><text:p>a) Rà soát thủ tục hành chính;</text:p></text:list-item><text:list-item><text:p>b) Số hóa<text:s text:c="2"/>hồ sơ.</text:p></text:list-item></text:list>
<text:h text:outline-level="1">II. NHIỆM VỤ</text:h>
<table:table table:name="Tasks"><table:table-row><table:table-cell><text:p>STT</text:p></table:table-cell><table:table-cell><text:p>Nhiệm vụ</text:p></table:table-cell><table:table-cell><text:p>Cơ quan chủ trì</text:p></table:table-cell><table:table-cell><text:p>Thời gian hoàn thành</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell><text:p>Rà soát thủ tục hành chính</text:p></table:table-cell><table:table-cell table:number-rows-spanned="2"><text:p>Sở Tư pháp</text:p></table:table-cell><table:table-cell><text:p>Quý II/2025</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>2</text:p></table:table-cell><table:table-cell><text:p>Công khai thủ tục hành chính</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>Quý III/2025</text:p></table:table-cell></table:table-row></table:table>
<text:p><text:soft-page-break/>Các sở, ngành tổ chức thực hiện Kế hoạch này./.</text:p>
<text:p>Nơi nhận:</text:p><text:p>- Như trên;</text:p>
<text:p>TM. ỦY BAN NHÂN DÂN</text:p><text:p>CHỦ TỊCH</text:p><text:p>Nguyễn Văn A</text:p>`

// TestReadODT reads odtPlan: its header (number, type, issuer, date),
// its paragraphs and list in order, its task table row by row, comments
// and deletions left out, its second page.
func TestReadODT(t *testing.T) {
	res, err := NewReader(Options{}).Read(context.Background(), "kh.odt", filetexttest.ODT(odtPlan))
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != ODT || res.Pages != 2 || res.Number != "150/KH-UBND" || res.Type != "Kế hoạch" || !strings.Contains(res.Issuer, "Phú An") {
		t.Errorf("kind %q, %d pages, number %q, type %q, issuer %q", res.Kind, res.Pages, res.Number, res.Type, res.Issuer)
	}
	lines := resultLines(res)
	for _, want := range []string{
		"I. MỤC ĐÍCH, YÊU CẦU",
		"Nâng cao chất lượng phục vụ người dân, doanh nghiệp.",
		"a) Rà soát thủ tục hành chính;",
		"b) Số hóa hồ sơ.",
		"STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành",
		"1 | Rà soát thủ tục hành chính | Sở Tư pháp | Quý II/2025",
		"2 | Công khai thủ tục hành chính | | Quý III/2025",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q in\n%q", want, lines)
		}
	}
	for _, not := range []string{"Xem lại", "Câu đã xóa"} {
		if strings.Contains(strings.Join(lines, "\n"), not) {
			t.Errorf("%q read as text", not)
		}
	}
	if len(res.PageText) != 2 || !strings.HasPrefix(res.PageText[1].Text, "Các sở, ngành tổ chức thực hiện") {
		t.Errorf("pages %+v", res.PageText)
	}
}

// TestODTHostile: a zip bomb, nesting, a paragraph over the text limit, a
// missing content.xml — each an error of its kind, bounded.
func TestODTHostile(t *testing.T) {
	r := NewReader(Options{Limits: Limits{MaxText: 1 << 20}})
	for _, c := range []struct {
		name string
		data func(t testing.TB) []byte // built in the child process only
		want error
	}{
		{"zip bomb", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{"mimetype": "application/vnd.oasis.opendocument.text",
				"content.xml": repeated(`<office:document-content><office:body><office:text><text:p>`, "a", 64<<20, `</text:p></office:text></office:body></office:document-content>`)})
		}, ErrTooLarge},
		{"a paragraph of 8 MB", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{"mimetype": "application/vnd.oasis.opendocument.text",
				"content.xml": repeated(`<office:document-content><office:body><office:text><text:p>`, `<text:s text:c="99999"/>a`, 1<<19, `</text:p></office:text></office:body></office:document-content>`)})
		}, ErrTooLarge},
		{"nested 10,000 deep", func(t testing.TB) []byte { return filetexttest.ODT(strings.Repeat("<text:span>", 10000)) }, ErrDamaged},
		{"no content.xml", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{"mimetype": "application/vnd.oasis.opendocument.text"})
		}, ErrDamaged},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !childtest.In(t, "") {
				childtest.Pass(t) // the case alone in a process: its allocation and CPU time are the reader's
				return
			}
			data := c.data(t)
			err := bounded(t, hostileCPU, 300<<20, func() error {
				_, err := r.Read(context.Background(), "h.odt", data)
				return err
			})
			if !errors.Is(err, c.want) {
				t.Errorf("err %v; want %v", err, c.want)
			}
		})
	}
}

// FuzzODTContent reads any content.xml: never a panic.
func FuzzODTContent(f *testing.F) {
	f.Add([]byte(odtPlan))
	f.Fuzz(func(t *testing.T, content []byte) {
		doc := `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>` + string(content) + `</office:text></office:body></office:document-content>`
		if s, err := odtText(context.Background(), strings.NewReader(doc), 1<<20); err == nil && len(s) > 1<<20 {
			t.Fatalf("%d bytes of text over the 1 MB limit", len(s))
		}
	})
}
