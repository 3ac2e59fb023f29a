// Command attachments builds the demo portal's attachment fixtures from
// the texts in scripts/attachments/src (written for the demo; fictional
// tỉnh Phú An). It is run by scripts/attachments/gen.sh, which also calls
// LibreOffice (an offline tool, never a vanban dependency) to turn DOCX
// into PDF and DOC:
//
//	attachments docx [-tcvn3] SRC.txt OUT.docx   a DOCX in the ND 30/2020 layout
//	attachments scan OUT.pdf PAGE.pgm…           an image-only PDF (a "scan")
//
// A source file is a block of "key: value" lines (issuer, number, place,
// date d/m/yyyy, type, title, authority, recipient, signer; repeated keys
// are lines), a blank line, then the body: one paragraph per line, "## "
// a heading, "# " a numbered item, "| a | b" a table row.
//
// -tcvn3 writes the text in the TCVN3 (ABC) font encoding with .VnTime
// fonts, as Word files of the early 2000s were: lines in capitals are
// typed in lower case and shown with .VnTimeH.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"image"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/internal/imagepdf"
	"golang.org/x/text/encoding/charmap"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "docx":
		fs := flag.NewFlagSet("docx", flag.ExitOnError)
		legacy := fs.Bool("tcvn3", false, "write the text in TCVN3 with .VnTime fonts")
		_ = fs.Parse(os.Args[2:])
		if fs.NArg() != 2 {
			usage()
		}
		err = buildDOCX(fs.Arg(0), fs.Arg(1), *legacy)
	case "scan":
		if len(os.Args) < 4 {
			usage()
		}
		err = buildScan(os.Args[2], os.Args[3:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "attachments:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: attachments docx [-tcvn3] SRC.txt OUT.docx | attachments scan OUT.pdf PAGE.pgm...")
	os.Exit(2)
}

// source is a parsed source file.
type source struct {
	head map[string][]string
	body []string
}

func readSource(path string) (*source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s := &source{head: map[string][]string{}}
	sc := bufio.NewScanner(f)
	inBody := false
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), " ")
		switch {
		case inBody:
			if l != "" {
				s.body = append(s.body, l)
			}
		case l == "":
			inBody = true
		default:
			k, v, ok := strings.Cut(l, ":")
			if !ok {
				return nil, fmt.Errorf("%s: header line %q", path, l)
			}
			s.head[k] = append(s.head[k], strings.TrimSpace(v))
		}
	}
	return s, sc.Err()
}

func (s *source) one(k string) string {
	if v := s.head[k]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// unicodeFont has every Vietnamese glyph in regular and bold on Debian
// (LibreOffice's Times New Roman substitute lacks some in bold, and the
// fallback font splits words in the PDF text layer).
const unicodeFont = "DejaVu Serif"

// docWriter writes word/document.xml.
type docWriter struct {
	b      bytes.Buffer
	legacy bool
	lists  int // numbered lists started (one numbering instance each)
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run writes one text run; in TCVN3 mode the text is encoded and given a
// .VnTime font (.VnTimeH, with the text in lower case, for capitals).
func (w *docWriter) run(text string, bold, italic bool) {
	font := unicodeFont
	if w.legacy {
		font = ".VnTime"
		if doctype.UpperLetters(text) > 0 { // a run in capitals
			font, text = ".VnTimeH", strings.ToLower(text)
		}
		text = tcvn3Runes(text)
	}
	fmt.Fprintf(&w.b, `<w:r><w:rPr><w:rFonts w:ascii=%q w:hAnsi=%q w:cs=%q/>`, font, font, font)
	if bold {
		w.b.WriteString(`<w:b/>`)
	}
	if italic {
		w.b.WriteString(`<w:i/>`)
	}
	fmt.Fprintf(&w.b, `</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, esc(text))
}

// para writes a paragraph: align is left, center or both; indent is the
// first-line indent in twips; numID > 0 numbers it.
func (w *docWriter) para(text, align string, indent int, bold, italic bool, numID int) {
	w.b.WriteString(`<w:p><w:pPr>`)
	if numID > 0 {
		fmt.Fprintf(&w.b, `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>`, numID)
	}
	fmt.Fprintf(&w.b, `<w:spacing w:before="60" w:after="60"/><w:ind w:firstLine="%d"/><w:jc w:val="%s"/></w:pPr>`, indent, align)
	if text != "" {
		w.run(text, bold, italic)
	}
	w.b.WriteString(`</w:p>`)
}

// table writes rows of cells, each cell a list of paragraphs (text,
// bold, italic, centred).
type cell struct {
	lines  []string
	bold   []bool
	italic bool
	center bool
}

func (w *docWriter) table(rows [][]cell, widths []int, borders bool) {
	w.b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>`)
	if borders {
		w.b.WriteString(`<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>`)
	}
	w.b.WriteString(`</w:tblPr><w:tblGrid>`)
	for _, wd := range widths {
		fmt.Fprintf(&w.b, `<w:gridCol w:w="%d"/>`, wd)
	}
	w.b.WriteString(`</w:tblGrid>`)
	for _, r := range rows {
		w.b.WriteString(`<w:tr>`)
		for i, c := range r {
			fmt.Fprintf(&w.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, widths[i])
			if len(c.lines) == 0 {
				w.para("", "left", 0, false, false, 0)
			}
			for j, l := range c.lines {
				align := "left"
				if c.center {
					align = "center"
				}
				w.para(l, align, 0, j < len(c.bold) && c.bold[j], c.italic, 0)
			}
			w.b.WriteString(`</w:tc>`)
		}
		w.b.WriteString(`</w:tr>`)
	}
	w.b.WriteString(`</w:tbl>`)
}

func buildDOCX(src, out string, legacy bool) error {
	s, err := readSource(src)
	if err != nil {
		return err
	}
	w := &docWriter{legacy: legacy}
	w.b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	// Header: issuer | Quốc hiệu, then number | place and date.
	issuer := s.head["issuer"]
	bold := make([]bool, len(issuer)+1)
	bold[len(issuer)-1] = true
	d, m, y := splitDate(s.one("date"))
	w.table([][]cell{
		{{lines: append(append([]string{}, issuer...), "-------"), bold: bold, center: true},
			{lines: []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"}, bold: []bool{true, true}, center: true}},
		{{lines: []string{"Số: " + s.one("number")}, center: true},
			{lines: []string{fmt.Sprintf("%s, ngày %s tháng %s năm %s", s.one("place"), d, m, y)}, italic: true, center: true}},
	}, []int{3600, 5800}, false)
	w.para("", "left", 0, false, false, 0)
	w.para(s.one("type"), "center", 0, true, false, 0)
	for _, t := range s.head["title"] {
		w.para(t, "center", 0, true, false, 0)
	}
	for _, a := range s.head["authority"] {
		w.para(a, "center", 0, true, false, 0)
	}
	// Body.
	var rows [][]cell
	flushTable := func() {
		if rows != nil {
			widths := make([]int, len(rows[0]))
			for i := range widths {
				widths[i] = 9400 / len(widths)
			}
			w.table(rows, widths, true)
			rows = nil
		}
	}
	inList := false
	for _, l := range s.body {
		if strings.HasPrefix(l, "|") {
			var r []cell
			for _, c := range strings.Split(strings.TrimPrefix(l, "|"), "|") {
				r = append(r, cell{lines: []string{strings.TrimSpace(c)}, bold: []bool{len(rows) == 0}})
			}
			rows = append(rows, r)
			continue
		}
		flushTable()
		switch {
		case strings.HasPrefix(l, "## "):
			inList = false
			w.para(strings.TrimPrefix(l, "## "), "left", 0, true, false, 0)
		case strings.HasPrefix(l, "# "):
			if !inList {
				w.lists++
				inList = true
			}
			w.para(strings.TrimPrefix(l, "# "), "both", 0, false, false, w.lists)
		default:
			inList = false
			w.para(l, "both", 720, false, false, 0)
		}
	}
	flushTable()
	// Signature: "Nơi nhận" list | signer.
	rec := s.head["recipient"]
	recBold := []bool{true}
	signer := s.head["signer"]
	signBold := make([]bool, len(signer))
	for i := range signBold {
		signBold[i] = true
	}
	w.para("", "left", 0, false, false, 0)
	w.table([][]cell{{{lines: rec, bold: recBold}, {lines: signer, bold: signBold, center: true}}}, []int{4600, 4800}, false)
	w.b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`)
	return writeDOCX(out, w.b.Bytes(), w.lists, legacy)
}

func splitDate(s string) (d, m, y string) {
	p := strings.Split(s, "/")
	if len(p) != 3 {
		return "…", "…", "…"
	}
	return p[0], p[1], p[2]
}

// tcvn3Runes encodes s in TCVN3 and returns the bytes as the characters a
// Windows font shows for them (windows-1252). A toned capital, which the
// ABC fonts lack, is typed as its small letter.
func tcvn3Runes(s string) string {
	var b strings.Builder
	for _, r := range s {
		enc, err := viet.EncodeTCVN3(string(r))
		if err == nil && len(enc) == 1 && enc[0] >= 0x80 && enc[0] < 0xA1 || err == nil && len(enc) == 1 && enc[0] < 0x20 {
			enc, err = viet.EncodeTCVN3(string(unicode.ToLower(r)))
		}
		if err != nil {
			b.WriteRune(r)
			continue
		}
		for _, c := range enc {
			if c == 0xAD {
				// ư: LibreOffice turns U+00AD into a soft-hyphen field and
				// drops it; the minus glyph PDFs use for it survives.
				b.WriteRune('\u2212')
				continue
			}
			b.WriteRune(charmap.Windows1252.DecodeByte(c))
		}
	}
	return b.String()
}

func writeDOCX(out string, document []byte, lists int, legacy bool) error {
	font := unicodeFont
	if legacy {
		font = ".VnTime"
	}
	var num strings.Builder
	num.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	for i := 1; i <= lists; i++ {
		fmt.Fprintf(&num, `<w:abstractNum w:abstractNumId="%d"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr></w:lvl></w:abstractNum>`, i)
	}
	for i := 1; i <= lists; i++ {
		fmt.Fprintf(&num, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>`, i, i)
	}
	num.WriteString(`</w:numbering>`)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="` + font + `" w:hAnsi="` + font + `" w:cs="` + font + `"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`},
		{"word/numbering.xml", num.String()},
		{"word/document.xml", string(document)},
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for _, e := range files {
		w, err := zw.Create(e.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, e.body); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// buildScan writes an image-only PDF: every page a grey JPEG with a
// scanner's uneven background and noise, so that only OCR can read it
// (rendered at 150 dpi; the writer is internal/imagepdf's).
func buildScan(out string, pages []string) error {
	rng := rand.New(rand.NewPCG(1579, 2024))
	var imgs []*image.Gray
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		img, err := imagepdf.ReadPGM(data)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for i := range img.Pix {
			v := float64(img.Pix[i])*0.85 + 20 + rng.NormFloat64()*9 // grey paper, toner noise
			img.Pix[i] = uint8(min(255, max(0, v)))
		}
		imgs = append(imgs, img)
	}
	b, err := imagepdf.Write(imgs, 150, 55)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}
