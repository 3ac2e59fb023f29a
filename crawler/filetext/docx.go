package filetext

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// DOCX (Office Open XML) is read in Go: archive/zip and a streaming
// encoding/xml walk over word/document.xml.
//
//   - w:p is a paragraph, one line; w:br and w:cr break it; w:tab is a
//     space; w:delText (deleted revisions), w:instrText (field codes) and
//     mc:Fallback (a duplicate of mc:Choice) are skipped; paragraphs in
//     text boxes become lines of their own.
//   - Numbering (w:numPr, or a paragraph style's) is rendered from
//     word/numbering.xml: "1.", "a)", "II.", "1.2." and bullets as "-".
//   - Tables: a row is "cell | cell"; a table holding the ND 30 header or
//     signature (the Quốc hiệu, "Nơi nhận", "KT. CHỦ TỊCH") is written
//     column by column like a PDF's two-column parts.
//   - Runs in a TCVN3 (".Vn…") or VNI ("VNI-…") font are decoded by their
//     font; runs whose font is unknown are sniffed per paragraph.
//   - Page breaks (explicit, and Word's last rendered ones) number the
//     lines' pages; Result.Pages is docProps/app.xml's page count when
//     saved.
//
// Every entry is read through a limit (a ZIP bomb stops at MaxText×16
// bytes of XML) and the text is capped at MaxText.

func zipHas(data []byte, name string) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == name {
			return true
		}
	}
	return false
}

func (r *Reader) readDOCX(data []byte, res *Result) ([]line, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	xmlLimit := 16 * r.opt.Limits.MaxText
	open := func(name string) (io.ReadCloser, error) {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, name, err)
				}
				return rc, nil
			}
		}
		return nil, nil
	}
	read := func(name string) ([]byte, error) {
		rc, err := open(name)
		if rc == nil || err != nil {
			return nil, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, xmlLimit+1))
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, name, err)
		}
		if int64(len(b)) > xmlLimit {
			return nil, fmt.Errorf("%w: %s expands to over %d bytes", ErrTooLarge, name, xmlLimit)
		}
		return b, nil
	}
	w := &docxWalker{limit: r.opt.Limits.MaxText, page: 1}
	if b, err := read("word/numbering.xml"); err != nil {
		return nil, err
	} else if b != nil {
		w.num = parseNumbering(b)
	}
	if b, err := read("word/styles.xml"); err != nil {
		return nil, err
	} else if b != nil {
		w.styles = parseStyles(b)
	}
	rc, err := open("word/document.xml")
	if err != nil {
		return nil, err
	}
	if rc == nil {
		return nil, fmt.Errorf("%w: no word/document.xml", ErrDamaged)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: xmlLimit + 1}
	err = w.walk(lr)
	if lr.N <= 0 {
		return nil, fmt.Errorf("%w: word/document.xml expands to over %d bytes", ErrTooLarge, xmlLimit)
	}
	if err != nil {
		return nil, err
	}
	res.Pages = w.page
	if b, _ := read("docProps/app.xml"); b != nil {
		var app struct {
			Pages int `xml:"Pages"`
		}
		if xml.Unmarshal(b, &app) == nil && app.Pages > 0 {
			res.Pages = app.Pages
		}
	}
	if w.enc != asIs {
		res.Encoding = w.enc.String()
	}
	if len(w.lines) == 0 {
		if w.images > 0 {
			return nil, fmt.Errorf("%w: only images (%d); text in images of DOCX files is not read", ErrNoText, w.images)
		}
		return nil, fmt.Errorf("%w: the document is empty", ErrNoText)
	}
	return w.lines, nil
}

// docxRun is a piece of paragraph text with the encoding its font implies
// (known=false: no font name, sniffed with the paragraph).
type docxRun struct {
	text  string
	enc   encoding
	known bool
}

// docxPara collects one paragraph.
type docxPara struct {
	runs    []docxRun
	numID   string
	ilvl    int
	style   string
	hasNum  bool
	pending strings.Builder // text of the current run
}

// docxTable collects a table.
type docxTable struct {
	rows [][][]string // row, cell, paragraph lines
}

type docxWalker struct {
	limit  int64
	size   int64
	page   int
	num    *numbering
	styles map[string]styleInfo
	enc    encoding
	images int
	lines  []line

	paras    []*docxPara  // open paragraphs (text boxes nest)
	tables   []*docxTable // open tables
	runFont  string
	runStyle string
	skip     int // depth inside skipped elements
	inText   bool
}

func (w *docxWalker) walk(r io.Reader) error {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: word/document.xml: %v", ErrDamaged, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if w.skip > 0 {
				w.skip++
				continue
			}
			if err := w.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if w.skip > 0 {
				w.skip--
				continue
			}
			w.end(t)
		case xml.CharData:
			if w.skip == 0 && w.inText && len(w.paras) > 0 {
				w.paras[len(w.paras)-1].pending.Write(t)
			}
		}
		if w.size > w.limit {
			return fmt.Errorf("%w: text over %d bytes", ErrTooLarge, w.limit)
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (w *docxWalker) para() *docxPara {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

func (w *docxWalker) start(t xml.StartElement) error {
	p := w.para()
	switch t.Name.Local {
	case "delText", "instrText", "Fallback", "del":
		w.skip = 1
	case "p":
		w.paras = append(w.paras, &docxPara{})
	case "tbl":
		w.tables = append(w.tables, &docxTable{})
	case "tr":
		if n := len(w.tables); n > 0 {
			w.tables[n-1].rows = append(w.tables[n-1].rows, nil)
		}
	case "tc":
		if tb := w.table(); tb != nil && len(tb.rows) > 0 {
			tb.rows[len(tb.rows)-1] = append(tb.rows[len(tb.rows)-1], nil)
		}
	case "r":
		w.runFont, w.runStyle = "", ""
	case "rFonts":
		if f := cmp.Or(attr(t, "ascii"), attr(t, "hAnsi"), attr(t, "cs")); f != "" && p != nil {
			w.runFont = f
		}
	case "rStyle":
		w.runStyle = attr(t, "val")
	case "pStyle":
		if p != nil {
			p.style = attr(t, "val")
		}
	case "numId":
		if p != nil {
			p.numID, p.hasNum = attr(t, "val"), true
		}
	case "ilvl":
		if p != nil {
			p.ilvl, _ = strconv.Atoi(attr(t, "val"))
		}
	case "t":
		w.inText = true
	case "tab", "ptab":
		w.write(" ")
	case "noBreakHyphen":
		w.write("-")
	case "br", "cr":
		if attr(t, "type") == "page" {
			w.breakPara()
			w.page++
			return nil
		}
		if t.Name.Local == "br" && attr(t, "type") == "column" {
			w.write(" ")
			return nil
		}
		w.breakPara()
	case "lastRenderedPageBreak":
		w.page++
	case "sym":
		w.write("•")
	case "drawing", "pict", "object":
		w.images++
	}
	return nil
}

func (w *docxWalker) table() *docxTable {
	if len(w.tables) == 0 {
		return nil
	}
	return w.tables[len(w.tables)-1]
}

// write adds text to the current run.
func (w *docxWalker) write(s string) {
	if p := w.para(); p != nil {
		p.pending.WriteString(s)
	}
}

// endRun closes the current run with its font's encoding.
func (w *docxWalker) endRun() {
	p := w.para()
	if p == nil || p.pending.Len() == 0 {
		return
	}
	font := w.runFont
	if font == "" {
		font = w.styles[w.runStyle].font
	}
	if font == "" {
		font = w.styles[p.style].font
	}
	if font == "" {
		font = w.styles[""].font // document default
	}
	enc, known := fontEncoding(font)
	p.runs = append(p.runs, docxRun{text: p.pending.String(), enc: enc, known: known})
	p.pending.Reset()
}

// fontEncoding tells a legacy font by its name: ".VnTime", ".VnArialH" are
// TCVN3 (ABC); "VNI-Times" is VNI. Other named fonts are Unicode.
func fontEncoding(font string) (encoding, bool) {
	f := strings.ToLower(strings.TrimSpace(font))
	switch {
	case f == "":
		return asIs, false
	case strings.HasPrefix(f, ".vn") || strings.HasPrefix(f, "vn3") || strings.HasPrefix(f, "abc"):
		return tcvn3, true
	case strings.HasPrefix(f, "vni-") || strings.HasPrefix(f, "vni "):
		return vni, true
	}
	return asIs, true
}

// breakPara ends the current line inside a paragraph (w:br): the text so
// far becomes a line, numbering stays with the first.
func (w *docxWalker) breakPara() {
	p := w.para()
	if p == nil {
		return
	}
	w.endRun()
	w.emit(p)
	p.runs = nil
	p.hasNum = false
}

func (w *docxWalker) end(t xml.EndElement) {
	switch t.Name.Local {
	case "t":
		w.inText = false
	case "r":
		w.endRun()
	case "p":
		p := w.para()
		if p == nil {
			return
		}
		w.endRun()
		w.emit(p)
		w.paras = w.paras[:len(w.paras)-1]
	case "tbl":
		tb := w.table()
		if tb == nil {
			return
		}
		w.tables = w.tables[:len(w.tables)-1]
		for _, l := range tableLines(tb.rows) {
			w.put(l)
		}
	}
}

// emit writes a finished paragraph (or a w:br piece of one): runs decoded,
// numbering prefixed; inside a table it goes to the current cell.
func (w *docxWalker) emit(p *docxPara) {
	var unknown []string
	for _, r := range p.runs {
		if !r.known {
			unknown = append(unknown, strings.Fields(r.text)...)
		}
	}
	sniffed := asIs
	if len(unknown) > 0 {
		sniffed = decodeRuns([][][]string{{unknown}})
	}
	var b strings.Builder
	for _, r := range p.runs {
		enc := r.enc
		if !r.known {
			enc = sniffed
		}
		if enc != asIs {
			w.enc = enc
			b.WriteString(decodeText(r.text, enc))
			continue
		}
		b.WriteString(r.text)
	}
	text := strings.Join(strings.Fields(b.String()), " ")
	numID, ilvl, has := p.numID, p.ilvl, p.hasNum
	if !has {
		if s, ok := w.styles[p.style]; ok && s.numID != "" {
			numID, ilvl, has = s.numID, s.ilvl, true
		}
	}
	if has && text != "" {
		if label := w.num.label(numID, ilvl); label != "" {
			text = label + " " + text
		}
	}
	if text != "" {
		w.put(text)
	}
}

// put adds a line to the open table's current cell, or to the document.
func (w *docxWalker) put(text string) {
	w.size += int64(len(text))
	if tb := w.table(); tb != nil && len(tb.rows) > 0 {
		row := tb.rows[len(tb.rows)-1]
		if len(row) > 0 {
			row[len(row)-1] = append(row[len(row)-1], text)
			return
		}
	}
	w.lines = append(w.lines, line{text: text, page: w.page})
}

// decodeText decodes every token of a run that could be legacy text.
func decodeText(s string, enc encoding) string {
	f := strings.Fields(s)
	for i, t := range f {
		f[i] = decodeWord(t, enc)
	}
	out := strings.Join(f, " ")
	if strings.HasPrefix(s, " ") {
		out = " " + out
	}
	if strings.HasSuffix(s, " ") && out != "" {
		out += " "
	}
	return out
}

// tableLines renders a table (rows of cells of paragraphs): a layout
// table column by column, a data table row by row.
func tableLines(rows [][][]string) []string {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	layout := false
	if cols <= 3 && len(rows) <= 8 { // only a small table can be layout: no cue read otherwise
		for _, r := range rows {
			for _, c := range r {
				for _, p := range c {
					layout = layout || isCueLine(p)
				}
			}
		}
	}
	var out []string
	if layout {
		for col := range cols {
			for _, r := range rows {
				if col < len(r) {
					for _, p := range r[col] {
						if !ruleLine(p) {
							out = append(out, p)
						}
					}
				}
			}
		}
		return out
	}
	for _, r := range rows {
		cells := make([]string, len(r))
		filled := 0
		for i, c := range r {
			cells[i] = strings.Join(c, " ")
			if cells[i] != "" {
				filled++
			}
		}
		switch filled {
		case 0:
		case 1:
			for _, c := range cells {
				if c != "" {
					out = append(out, c)
				}
			}
		default:
			out = append(out, strings.Join(cells, " | "))
		}
	}
	return out
}
