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

// TestReadODS reads the annex of TestReadXLSX saved as an OpenDocument
// spreadsheet (as LibreOffice writes one: runs of empty cells and rows
// repeated, the sheet's million empty rows as one repeated row, merged
// ranges as spans over covered cells): the same lines as the XLSX, the
// merged agency repeated down, the sheets in order, each a page.
func TestReadODS(t *testing.T) {
	second := filetexttest.Sheet{Name: "Phụ lục II", Rows: [][]string{
		{"PHỤ LỤC II: KINH PHÍ THỰC HIỆN"},
		{},
		{"STT", "Nội dung", "Kinh phí (triệu đồng)", "Thời hạn"},
		{"1", "Số hóa hồ sơ,  kết quả giải quyết thủ tục hành chính", "1500", "46022"},
	}, Dates: []string{"D4"}}
	data := filetexttest.ODS(annexSheet(), second)
	res, err := NewReader(Options{}).Read(context.Background(), "pl.ods", data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != ODS || res.Pages != 2 || len(res.PageText) != 2 {
		t.Fatalf("kind %q, %d pages, %d page texts; want ods, 2, 2", res.Kind, res.Pages, len(res.PageText))
	}
	want := append(slices.Clone(annexLines),
		"PHỤ LỤC II: KINH PHÍ THỰC HIỆN", "STT | Nội dung | Kinh phí (triệu đồng) | Thời hạn",
		"1 | Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính | 1500 | 31/12/2025")
	if got := resultLines(res); !slices.Equal(got, want) {
		t.Errorf("lines\n got %q\nwant %q", got, want)
	}
}

// TestODSCells reads content.xml shapes of other writers: a cell of two
// paragraphs, a space element, a tab, a line break and a span; a number shown with its
// format (the text is what the reader sees); a date with no text (its
// date-value); a value repeated over three columns; a non-empty row
// repeated twice; a comment (not read); a covered cell holding text
// (hidden: not read); a table
// nested in a cell (its text is the cell's); a sheet of nothing (no page).
func TestODSCells(t *testing.T) {
	content := `<table:table table:name="A">
<table:table-row><table:table-cell><text:p>Sở Tư pháp</text:p><text:p>Sở<text:s/><text:span>Nội vụ</text:span><text:tab/>(phối hợp)<text:line-break/>tỉnh</text:p></table:table-cell>
<table:table-cell office:value-type="float" office:value="1500000"><text:p>1.500.000</text:p></table:table-cell>
<table:table-cell office:value-type="date" office:date-value="2026-06-30T00:00:00"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="3"><office:annotation><text:p>Đề nghị xem lại</text:p></office:annotation><text:p>x</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell><text:p>y</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>z</text:p></table:table-cell><table:covered-table-cell><text:p>ẩn</text:p></table:covered-table-cell><table:table-cell><table:table><table:table-row><table:table-cell><text:p>trong</text:p></table:table-cell></table:table-row></table:table></table:table-cell></table:table-row>
</table:table><table:table table:name="B"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>`
	sheets, err := odsSheets(context.Background(), odsFile(t, content), 1<<24)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range sheets {
		for _, r := range s.rows {
			got = append(got, strings.Join(r.cells, "|"))
		}
	}
	want := []string{"Sở Tư pháp Sở Nội vụ (phối hợp) tỉnh|1.500.000|30/06/2026", "x|x|x", "y", "y", "z||trong"}
	if len(sheets) != 1 || !slices.Equal(got, want) {
		t.Errorf("%d sheets, rows\n got %q\nwant %q", len(sheets), got, want)
	}
}

// odsFile is an ODS whose content.xml body is content.
func odsFile(t testing.TB, content string) []byte {
	t.Helper()
	return zipParts(t.(*testing.T), map[string]any{
		"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
		"content.xml": `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>` +
			content + `</office:spreadsheet></office:body></office:document-content>`,
	})
}

// TestODSHostile: hostile spreadsheets, each an error or its text within
// seconds and a bounded allocation (MaxText 1 MB): repeat counts of 2^31
// on a filled row and a filled cell, a span over a million rows, a zip
// bomb of a content.xml, elements nested 10,000 deep, an entity, a
// missing content.xml, repeat counts that are no numbers.
func TestODSHostile(t *testing.T) {
	r := NewReader(Options{Limits: Limits{MaxText: 1 << 20}})
	cases := []struct {
		name string
		data func(t testing.TB) []byte // built in the child process only
		want error                     // nil: read
	}{
		{"row repeated 2^31", func(t testing.TB) []byte {
			return odsFile(t, `<table:table><table:table-row table:number-rows-repeated="2147483648"><table:table-cell><text:p>Sở Tư pháp</text:p></table:table-cell></table:table-row></table:table>`)
		}, ErrTooLarge},
		{"cell repeated 2^31", func(t testing.TB) []byte {
			return odsFile(t, `<table:table><table:table-row><table:table-cell table:number-columns-repeated="2147483648"><text:p>Sở Tư pháp</text:p></table:table-cell></table:table-row></table:table>`)
		}, nil},
		{"span over a million rows", func(t testing.TB) []byte {
			return odsFile(t, `<table:table><table:table-row><table:table-cell table:number-rows-spanned="1048576"><text:p>Sở Tư pháp</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell/><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row></table:table>`)
		}, ErrTooLarge},
		{"empty rows repeated 2^62 times, then text", func(t testing.TB) []byte {
			return odsFile(t, `<table:table><table:table-row table:number-rows-repeated="4611686018427387904"><table:table-cell/></table:table-row><table:table-row table:number-rows-repeated="4611686018427387904"><table:table-cell/></table:table-row><table:table-row><table:table-cell><text:p>Sở Tư pháp</text:p></table:table-cell></table:table-row></table:table>`)
		}, nil},
		{"zip bomb", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
				"content.xml": repeated(`<office:document-content><office:body><office:spreadsheet><table:table><table:table-row><table:table-cell><text:p>`, "a", 64<<20, `</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`)})
		}, ErrTooLarge},
		{"nested 10,000 deep", func(t testing.TB) []byte { return odsFile(t, strings.Repeat("<x>", 10000)) }, ErrDamaged},
		{"entity", func(t testing.TB) []byte {
			return odsFile(t, `<!DOCTYPE x [<!ENTITY a "aaaa">]><table:table><table:table-row><table:table-cell><text:p>&a;</text:p></table:table-cell></table:table-row></table:table>`)
		}, ErrDamaged},
		{"no content.xml", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "styles.xml": "<x/>"})
		}, ErrDamaged},
		{"repeat counts that are no numbers", func(t testing.TB) []byte {
			return odsFile(t, `<table:table><table:table-row table:number-rows-repeated="-5"><table:table-cell table:number-columns-repeated="x"><text:p>Sở Tư pháp</text:p></table:table-cell></table:table-row></table:table>`)
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !childtest.In(t, "") {
				childtest.Pass(t) // the case alone in a process: its allocation and CPU time are the reader's
				return
			}
			data := c.data(t)
			err := bounded(t, hostileCPU, 200<<20, func() error {
				_, err := r.Read(context.Background(), "h.ods", data)
				return err
			})
			if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("err %v; want %v", err, c.want)
			}
		})
	}
}

// TestODSContext: a cancelled read stops.
func TestODSContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := odsSheets(ctx, filetexttest.ODS(annexSheet()), 1<<24)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v; want context.Canceled", err)
	}
}

// FuzzODSContent reads any content.xml: never a panic, rows in order.
func FuzzODSContent(f *testing.F) {
	f.Add([]byte(`<table:table><table:table-row table:number-rows-repeated="3"><table:table-cell table:number-rows-spanned="4" table:number-columns-repeated="2"><text:p>a<text:s text:c="3"/>b</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table>`))
	f.Add([]byte(`<table:table><table:table-row table:number-rows-repeated="99999999999"><table:table-cell table:number-columns-repeated="99999999999" office:value-type="date" office:date-value="2025-13-45"/></table:table-row></table:table>`))
	f.Fuzz(func(t *testing.T, content []byte) {
		doc := `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>` + string(content) + `</office:spreadsheet></office:body></office:document-content>`
		room := maxSheetCells
		sheets, err := parseODSContent(context.Background(), strings.NewReader(doc), &room)
		if err != nil {
			return
		}
		for _, s := range sheets {
			for i, r := range s.rows {
				if i > 0 && r.n <= s.rows[i-1].n {
					t.Fatalf("row %d after row %d", r.n, s.rows[i-1].n)
				}
				if len(r.cells) > maxSheetCols {
					t.Fatalf("%d cells", len(r.cells))
				}
			}
		}
	})
}

// BenchmarkODS reads a 2,000-row annex as .ods: rows per second.
func BenchmarkODS(b *testing.B) {
	sh := bigAnnex(2000)
	data := filetexttest.ODS(sh)
	r := NewReader(Options{})
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := r.Read(context.Background(), "b.ods", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(sh.Rows)*b.N)/b.Elapsed().Seconds(), "rows/s")
}
