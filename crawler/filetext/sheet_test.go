package filetext

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/internal/shared"
)

// annexSheet is a plan's annex as provinces post it (written for these
// tests): a title merged across the sheet, the plan it goes with, a
// header, a group row, and task rows whose agency in charge is merged
// over the two tasks it leads.
func annexSheet() filetexttest.Sheet {
	return filetexttest.Sheet{
		Name: "Phụ lục I",
		Rows: [][]string{
			{"PHỤ LỤC I: DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"},
			{"(Kèm theo Kế hoạch số 150/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh)"},
			{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"},
			{"I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"},
			{"1", "Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai", "Sở Tài nguyên và Môi trường", "Sở Tư pháp", "Quý II/2025"},
			{"2", "Công bố danh mục thủ tục hành chính được thực hiện toàn trình trên môi trường điện tử", "", "Văn phòng UBND tỉnh", "Quý III/2025"},
			{"3", "Tổ chức đối thoại với doanh nghiệp về thủ tục đầu tư", "Sở Kế hoạch và Đầu tư", "Ban Quản lý các khu công nghiệp", "Năm 2025"},
		},
		Merged: []string{"A1:E1", "A2:E2", "B4:E4", "C5:C6"},
	}
}

// TestOLEKind: an OLE2 file is a DOC only when its directory holds a
// WordDocument stream, an XLS when it holds Workbook (BIFF8) or Book
// (BIFF5); a PowerPoint file or another compound file is unsupported; a
// file whose directory cannot be read is left to antiword as a DOC, as
// before this reader.
func TestOLEKind(t *testing.T) {
	s := func(name string, n int) filetexttest.Stream {
		return filetexttest.Stream{Name: name, Data: make([]byte, n)}
	}
	for _, c := range []struct {
		name string
		data []byte
		want Kind
		err  error
	}{
		{"word", filetexttest.CFB(s("1Table", 900), s("WordDocument", 5000), s("\x05SummaryInformation", 200)), DOC, nil},
		{"word, small streams only", filetexttest.CFB(s("WordDocument", 300)), DOC, nil},
		{"excel biff8", filetexttest.CFB(s("Workbook", 8000), s("\x05DocumentSummaryInformation", 100)), XLS, nil},
		{"excel biff5", filetexttest.CFB(s("Book", 700)), XLS, nil},
		{"lower-case name", filetexttest.CFB(s("workbook", 700)), XLS, nil},
		{"word beside an embedded workbook", filetexttest.CFB(s("Workbook", 100), s("WordDocument", 100)), DOC, nil},
		{"powerpoint", filetexttest.CFB(s("PowerPoint Document", 5000), s("Current User", 60)), "", ErrUnsupported},
		{"msi-like", filetexttest.CFB(s("Contents", 100)), "", ErrUnsupported},
		{"header only", append([]byte(cfbSignature), make([]byte, 504)...), DOC, nil},
		{"truncated", filetexttest.CFB(s("Workbook", 8000))[:1000], DOC, nil},
		{"generated xls", filetexttest.XLS(annexSheet()), XLS, nil},
	} {
		got, err := Sniff(c.data)
		if got != c.want || !errors.Is(err, c.err) || (c.err == nil) != (err == nil) {
			t.Errorf("%s: Sniff = %q, %v; want %q, %v", c.name, got, err, c.want, c.err)
		}
	}
}

// TestOLEKindRealFiles reads the directory of every real .doc of the
// shared attachments and of the demo: each lists WordDocument (the
// parser's header, FAT and directory chain reading on files Word wrote).
func TestOLEKindRealFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(shared.Path(t, "data", "attachments", "files"), "*.doc"))
	files = append(files, filepath.Join(fixtures, "612-QD-UBND.doc"))
	if len(files) < 2 {
		t.Fatalf("%d .doc files found", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		names, err := cfbStreams(b)
		if err != nil || !slices.Contains(names, "WordDocument") {
			t.Errorf("%s: streams %q, %v; want WordDocument among them", filepath.Base(f), names, err)
		}
		if k, err := Sniff(b); k != DOC || err != nil {
			t.Errorf("%s: Sniff = %q, %v", filepath.Base(f), k, err)
		}
	}
}

// annexLines are the lines both spreadsheet readers give annexSheet, the
// XLSX's merged agency repeated on the row below.
var annexLines = []string{
	"PHỤ LỤC I: DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
	"(Kèm theo Kế hoạch số 150/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh)",
	"STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành",
	"I | CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
	"1 | Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai | Sở Tài nguyên và Môi trường | Sở Tư pháp | Quý II/2025",
	"2 | Công bố danh mục thủ tục hành chính được thực hiện toàn trình trên môi trường điện tử | Sở Tài nguyên và Môi trường | Văn phòng UBND tỉnh | Quý III/2025",
	"3 | Tổ chức đối thoại với doanh nghiệp về thủ tục đầu tư | Sở Kế hoạch và Đầu tư | Ban Quản lý các khu công nghiệp | Năm 2025",
}

func resultLines(res *Result) []string {
	var out []string
	for _, p := range res.PageText {
		out = append(out, strings.Split(p.Text, "\n")...)
	}
	return out
}

// TestReadXLSX reads a two-sheet workbook written from its XML: the
// sheets in workbook order, each a page; inline and shared strings (a
// long one in two rich-text runs), numbers, merged ranges.
func TestReadXLSX(t *testing.T) {
	second := filetexttest.Sheet{Name: "Phụ lục II", Rows: [][]string{
		{"PHỤ LỤC II: KINH PHÍ THỰC HIỆN"},
		{"STT", "Nội dung", "Kinh phí (triệu đồng)"},
		{"1", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "1500"},
	}}
	data := filetexttest.XLSX(annexSheet(), second)
	res, err := NewReader(Options{}).Read(context.Background(), "pl.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != XLSX || res.Pages != 2 || len(res.PageText) != 2 {
		t.Fatalf("kind %q, %d pages, %d page texts; want xlsx, 2, 2", res.Kind, res.Pages, len(res.PageText))
	}
	want := append(slices.Clone(annexLines),
		"PHỤ LỤC II: KINH PHÍ THỰC HIỆN", "STT | Nội dung | Kinh phí (triệu đồng)",
		"1 | Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính | 1500")
	if got := resultLines(res); !slices.Equal(got, want) {
		t.Errorf("lines\n got %q\nwant %q", got, want)
	}
	if res.PageText[1].Text != strings.Join(want[len(annexLines):], "\n") {
		t.Errorf("page 2 = %q", res.PageText[1].Text)
	}
}

// TestReadXLS reads the same annex as an Excel 97–2003 workbook through
// xls2csv: the same lines as the XLSX's, the merged agency repeated on
// the row below from the workbook's MERGEDCELLS records (biff.go; before
// i21-files xls2csv's output alone left it empty).
func TestReadXLS(t *testing.T) {
	filetexttest.RequireTools(t, "xls2csv")
	res, err := NewReader(Options{}).Read(context.Background(), "pl.xls", filetexttest.XLS(annexSheet()))
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(annexLines)
	if got := resultLines(res); res.Kind != XLS || !slices.Equal(got, want) {
		t.Errorf("kind %q, lines\n got %q\nwant %q", res.Kind, got, want)
	}
}

// TestXLSMissingTool: without xls2csv an XLS is a *ToolMissingError naming
// catdoc (the crawler keeps it pending), never read as a DOC.
func TestXLSMissingTool(t *testing.T) {
	t.Setenv("PATH", filetexttest.ToolsOnly(t))
	_, err := NewReader(Options{}).Read(context.Background(), "pl.xls", filetexttest.XLS(annexSheet()))
	var tm *ToolMissingError
	if !errors.As(err, &tm) || tm.Tool != "xls2csv" || tm.Package != "catdoc" {
		t.Fatalf("err %v; want xls2csv missing, package catdoc", err)
	}
}

// TestSheetXML reads sheet XML shapes Excel and other writers produce:
// cells without references, a skipped column, a boolean, a formula's
// string, an error, a date-styled number, phonetic runs, a merge spanning
// rows and columns, rows out of the bounds.
func TestSheetXML(t *testing.T) {
	styles := parseDateStyles([]byte(`<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0&quot; đ&quot;"/></numFmts>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="3"/></cellXfs></styleSheet>`))
	if want := []bool{false, true, true, false, false}; !slices.Equal(styles, want) {
		t.Fatalf("date styles %v, want %v", styles, want)
	}
	sst, err := parseSharedStrings(context.Background(), []byte(`<sst><si><t>Sở Y tế</t></si><si><r><t>Hoàn thành </t></r><r><rPr><b/></rPr><t>trước</t></r><rPh><t>x</t></rPh></si></sst>`))
	if err != nil || !slices.Equal(sst, []string{"Sở Y tế", "Hoàn thành trước"}) {
		t.Fatalf("shared strings %q, %v", sst, err)
	}
	room := maxSheetCells
	rows, err := parseSheet(context.Background(), []byte(`<worksheet><sheetData>
<row><c t="s"><v>0</v></c><c><v>12</v></c><c r="E1" t="s"><v>1</v></c></row>
<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="str"><f>A1</f><v>Sở Y tế</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" s="2"><v>45747</v></c><c r="E3" s="1"><v>45657.5</v></c><c r="F3" s="3"><v>1500</v></c></row>
<row r="4"><c r="B4"><v>7</v></c></row>
<row r="2"><c r="A2" t="s"><v>99</v></c></row>
</sheetData><mergeCells><mergeCell ref="A3:B4"/><mergeCell ref="ZZZZ1:A1"/></mergeCells></worksheet>`), sst, styles, &room)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sheetText(rows, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	want := "|Sở Y tế|12|||Hoàn thành trước|\n|TRUE|Sở Y tế||31/03/2025|31/12/2024|1500|\n|TRUE|7|\n"
	if got != want {
		t.Errorf("sheet text\n got %q\nwant %q", got, want)
	}
}

// FuzzCFB reads any bytes after the compound file signature: the
// directory's names or an error, never a panic or a loop.
func FuzzCFB(f *testing.F) {
	f.Add(filetexttest.CFB(filetexttest.Stream{Name: "WordDocument", Data: make([]byte, 5000)}))
	f.Add(filetexttest.XLS(annexSheet()))
	f.Add(append([]byte(cfbSignature), make([]byte, 504)...))
	for _, b := range hostileCFBs() { // shifts 0 and 30, loops, FAT/DIFAT out of range, truncated
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) >= 8 {
			copy(b, cfbSignature)
		}
		if names, err := cfbStreams(b); err == nil && len(names) == 0 {
			t.Fatal("no names and no error")
		}
		if wb, err := cfbStream(b, "Workbook"); err == nil && len(wb) > len(b) {
			t.Fatalf("a stream of %d bytes from a file of %d", len(wb), len(b))
		}
		_, _ = Sniff(b)
	})
}

// FuzzSheetXML reads any sheet and shared-strings XML: rows whose cells
// are bounded, never a panic.
func FuzzSheetXML(f *testing.F) {
	f.Add([]byte(`<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c t="inlineStr"><is><t>a</t></is></c></row></sheetData><mergeCells><mergeCell ref="B2:B9"/></mergeCells>`),
		[]byte(`<sst><si><t>Sở Tư pháp</t></si></sst>`))
	f.Add([]byte(`<row r="1048576"><c r="XFD1048576" s="1"><v>45657</v></c></row>`), []byte(`<si><r><t>a</t></r><rPh><t>b</t></rPh></si>`))
	// i20-filesrev's hostile shapes: references past the sheet, a merge over
	// it and overlapping ones, shared-string indexes out of range, deep
	// nesting, entities, a non-UTF-8 declaration.
	f.Add([]byte(`<row r="99999999999"><c r="A99999999999"><v>5</v></c><c r="ZZZZZ1"><v>7</v></c></row><mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="A1:A1048576"/><mergeCell ref="A1:A1048576"/></mergeCells>`),
		[]byte(`<sst><si><t>a</t></si></sst>`))
	f.Add([]byte(`<row><c t="s"><v>-1</v></c><c t="s"><v>99999999999999999999</v></c><c t="s"><v>1</v></c></row>`+strings.Repeat("<x>", 200)),
		[]byte(`<!DOCTYPE s [<!ENTITY a "aaaa">]><sst><si><t>&a;</t></si></sst>`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1258"?><row><c t="inlineStr"><is><t>x</t></is></c></row>`), []byte(strings.Repeat("<si>", 300)))
	f.Fuzz(func(t *testing.T, sheet, strs []byte) {
		sst, err := parseSharedStrings(context.Background(), strs)
		if err != nil {
			sst = nil
		}
		room := maxSheetCells
		rows, err := parseSheet(context.Background(), sheet, sst, []bool{false, true}, &room)
		if err != nil {
			return
		}
		if len(rows) > maxSheetCells {
			t.Fatalf("%d rows", len(rows))
		}
		for i, r := range rows {
			if len(r.cells) > maxSheetCols {
				t.Fatalf("row %d: %d cells", r.n, len(r.cells))
			}
			if i > 0 && r.n <= rows[i-1].n {
				t.Fatalf("row %d after row %d: rows out of order (mergeDown searches them)", r.n, rows[i-1].n)
			}
		}
		_, _ = sheetText(rows, 1<<20)
	})
}

// BenchmarkXLSX reads a 2,000-row annex workbook (the task rows of
// annexSheet repeated): rows per second.
func BenchmarkXLSX(b *testing.B) {
	sh := annexSheet()
	body := sh.Rows[4:]
	for len(sh.Rows) < 2000 {
		sh.Rows = append(sh.Rows, body...)
	}
	sh.Merged = nil
	data := filetexttest.XLSX(sh)
	r := NewReader(Options{})
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := r.Read(context.Background(), "b.xlsx", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(sh.Rows)*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// TestAnnexFileAlone: an annex posted as a DOCX of its own — "PHỤ LỤC I"
// over its task table, no ND 30 header, no signature (written for this
// test) — keeps its text as its body; before i20-files ParseDocument read
// the title as an appendix heading with nothing under it, and the file
// was stored with an empty body.
func TestAnnexFileAlone(t *testing.T) {
	p := func(s string) string { return `<w:p><w:r><w:t>` + s + `</w:t></w:r></w:p>` }
	tc := func(s string) string { return `<w:tc>` + p(s) + `</w:tc>` }
	doc := `<w:document xmlns:w="w"><w:body>` + p("PHỤ LỤC I: DANH MỤC NHIỆM VỤ NĂM 2025") +
		p("(Kèm theo Kế hoạch số 150/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh)") +
		`<w:tbl><w:tr>` + tc("STT") + tc("Nhiệm vụ") + tc("Cơ quan chủ trì") + `</w:tr><w:tr>` + tc("1") + tc("Rà soát thủ tục hành chính trong lĩnh vực đất đai") + tc("Sở Tư pháp") + `</w:tr></w:tbl></w:body></w:document>`
	res, err := NewReader(Options{}).Read(context.Background(), "pl.docx", zipOf(t, map[string]string{"word/document.xml": doc}))
	if err != nil {
		t.Fatal(err)
	}
	want := "PHỤ LỤC I: DANH MỤC NHIỆM VỤ NĂM 2025\n(Kèm theo Kế hoạch số 150/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh)\nSTT | Nhiệm vụ | Cơ quan chủ trì\n1 | Rà soát thủ tục hành chính trong lĩnh vực đất đai | Sở Tư pháp"
	if res.Body != want {
		t.Errorf("body\n%q\nwant\n%q", res.Body, want)
	}
}
