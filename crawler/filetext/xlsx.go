package filetext

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Spreadsheets (.xlsx, .xls) are the annexes plans post their task tables
// in (Phụ lục: STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời
// gian hoàn thành). Both are read into the lines DOC tables give: a row is
// "cell | cell | cell" (empty cells kept, so columns stay aligned with the
// header; a row of one filled cell — a title merged across the sheet, a
// group row — is a line of text), each sheet a page, in workbook order;
// legacy-encoded cells are decoded as in a DOC (docLines).
//
// XLSX is read in Go (archive/zip, encoding/xml): the workbook's sheets in
// order (xl/workbook.xml and its relationships), shared strings (rich-text
// runs joined, phonetic runs skipped), inline strings, numbers (a cell
// styled as a date is written dd/mm/yyyy, from styles.xml), and merged
// ranges: the value of a range spanning rows is repeated down its first
// column (an agency merged over the tasks it leads), one spanning columns
// stays in its first cell. Every part is read through the DOCX limit.
//
// Bounds (i20-filesrev: each a hostile workbook in TestXLSXHostile): the
// parts together expand to at most the one-part limit (16 × MaxText; a
// sheet listed twice is read once), the workbook holds at most
// maxSheetCells rows, cells, merged ranges and shared strings (each
// counted: a part of "<row/>" or "<si/>" would otherwise hold 40 bytes
// of memory for each 6 of XML), the merged ranges' repeating visits at
// most maxSheetCells rows; elements nest at most maxXMLDepth deep; the
// text written is bounded by MaxText as it is written (a shared string is
// one copy in the part, one per cell in the text); ctx is honoured
// between parts and every few thousand XML tokens.

// Spreadsheet bounds: columns read per row; rows, cells, merged ranges
// (and, apart, shared strings) per workbook; element depth.
const (
	maxSheetCols  = 256
	maxSheetCells = 1 << 20
	maxXMLDepth   = 128
)

// xlsxSheet is one sheet's rows in order; cells are "" where empty.
type xlsxSheet struct {
	name string
	rows []xlsxRow
}

type xlsxRow struct {
	n     int // 0-based row number
	cells []string
}

func (r *Reader) readXLSX(ctx context.Context, data []byte, res *Result) ([]line, error) {
	sheets, err := xlsxSheets(ctx, data, 16*r.opt.Limits.MaxText)
	if err != nil {
		return nil, err
	}
	return r.workbookLines(sheets, res)
}

// workbookLines is the end of every workbook's read (.xlsx and .xls):
// its sheets as lines, the legacy encoding found and the sheet count in
// res, ErrNoText when every sheet is empty.
func (r *Reader) workbookLines(sheets []xlsxSheet, res *Result) ([]line, error) {
	lines, enc, err := sheetLines(sheets, r.opt.Limits.MaxText)
	if err != nil {
		return nil, err
	}
	if enc != asIs {
		res.Encoding = enc.String()
	}
	res.Pages = max(len(sheets), 1)
	if len(lines) == 0 {
		return nil, fmt.Errorf("%w: the workbook's sheets are empty", ErrNoText)
	}
	return lines, nil
}

// sheetLines renders each sheet as a DOC table (docLines), on a page of
// its own; the encoding is the first legacy one found. The text is over
// limit bytes: ErrTooLarge.
func sheetLines(sheets []xlsxSheet, limit int64) ([]line, encoding, error) {
	var out []line
	enc := asIs
	for i, sh := range sheets {
		text, err := sheetText(sh.rows, limit)
		if err != nil {
			return nil, asIs, err
		}
		limit -= int64(len(text))
		ls, e := docLines(text)
		if enc == asIs {
			enc = e
		}
		for _, l := range ls {
			out = append(out, line{text: l.text, page: i + 1})
		}
	}
	return out, enc, nil
}

// sheetText renders rows as a DOC table's "|a|b|" lines; over limit bytes
// (counted before a cell is copied) it stops with ErrTooLarge.
func sheetText(rows []xlsxRow, limit int64) (string, error) {
	var b strings.Builder
	var size int64
	for _, r := range rows {
		if !filled(r.cells) {
			continue
		}
		b.WriteByte('|')
		for _, c := range r.cells {
			if size += int64(len(c)) + 1; size > limit {
				return "", fmt.Errorf("%w: the sheets' text is over %d bytes", ErrTooLarge, limit)
			}
			b.WriteString(strings.Join(strings.Fields(strings.ReplaceAll(c, "|", "/")), " "))
			b.WriteByte('|')
		}
		b.WriteByte('\n')
	}
	return b.String(), nil
}

func filled(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return true
		}
	}
	return false
}

// xlsxSheets reads a workbook's sheets in workbook order; its XML parts
// together are read through limit bytes.
func xlsxSheets(ctx context.Context, data []byte, limit int64) ([]xlsxSheet, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		if files[f.Name] == nil {
			files[f.Name] = f
		}
	}
	left := limit
	read := func(name string) ([]byte, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f := files[name]
		if f == nil {
			return nil, nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, left+1))
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, name, err)
		}
		if left -= int64(len(b)); left < 0 {
			return nil, fmt.Errorf("%w: the workbook's parts expand to over %d bytes (at %s)", ErrTooLarge, limit, name)
		}
		return b, nil
	}
	wb, err := read("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	if wb == nil {
		return nil, fmt.Errorf("%w: no xl/workbook.xml", ErrDamaged)
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &book); err != nil {
		return nil, fmt.Errorf("%w: xl/workbook.xml: %v", ErrDamaged, err)
	}
	relsXML, err := read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if relsXML != nil {
		if err := xml.Unmarshal(relsXML, &rels); err != nil {
			return nil, fmt.Errorf("%w: xl/_rels/workbook.xml.rels: %v", ErrDamaged, err)
		}
	}
	target := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	var sst []string
	if b, err := read("xl/sharedStrings.xml"); err != nil {
		return nil, err
	} else if b != nil {
		if sst, err = parseSharedStrings(ctx, b); err != nil {
			return nil, err
		}
	}
	var dates []bool
	if b, err := read("xl/styles.xml"); err != nil {
		return nil, err
	} else if b != nil {
		dates = parseDateStyles(b)
	}
	var out []xlsxSheet
	seen := map[string]bool{}
	room := maxSheetCells // rows, cells and merged ranges the workbook may still hold
	for i, s := range book.Sheets {
		p := target[s.RID]
		if p == "" {
			p = fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1) // no relationships: Excel's own names
		}
		if seen[p] {
			continue // a part listed twice is one sheet
		}
		seen[p] = true
		b, err := read(p)
		if err != nil {
			return nil, err
		}
		if b == nil {
			continue // a chart sheet, or a part that is missing
		}
		rows, err := parseSheet(ctx, b, sst, dates, &room)
		if err != nil {
			return nil, fmt.Errorf("%s (sheet %q): %w", p, s.Name, err)
		}
		out = append(out, xlsxSheet{name: s.Name, rows: rows})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: the workbook lists no worksheet", ErrNoText)
	}
	return out, nil
}

// parseSharedStrings reads sharedStrings.xml: each <si>'s text, its
// rich-text runs joined and its phonetic runs (<rPh>) skipped.
func parseSharedStrings(ctx context.Context, b []byte) ([]string, error) {
	x := newXMLTokens(ctx, bytes.NewReader(b), "xl/sharedStrings.xml")
	var out []string
	var cur strings.Builder
	in, inT, phonetic := false, false, 0
	for tok := range x.tokens() {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				in = true
				cur.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if in {
					if len(out) >= maxSheetCells {
						return nil, fmt.Errorf("%w: xl/sharedStrings.xml: over %d strings", ErrTooLarge, maxSheetCells)
					}
					out = append(out, cur.String())
				}
				in = false
			case "rPh":
				phonetic = max(phonetic-1, 0)
			case "t":
				inT = false
			}
		case xml.CharData:
			if in && inT && phonetic == 0 {
				cur.Write(t)
			}
		}
	}
	if x.err != nil {
		return nil, x.err
	}
	return out, nil
}

// builtinDateFmts are the built-in number formats that show a date
// (ECMA-376 §18.8.30: 14–22 and 45–47).
func builtinDateFmt(id int) bool { return id >= 14 && id <= 22 || id >= 45 && id <= 47 }

// parseDateStyles reads styles.xml: for each cell format (cellXfs), whether
// its number format shows a date. A part that does not parse gives none.
func parseDateStyles(b []byte) []bool {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if xml.Unmarshal(b, &st) != nil {
		return nil
	}
	custom := map[int]bool{}
	for _, f := range st.NumFmts {
		custom[f.ID] = dateCode(f.Code)
	}
	out := make([]bool, len(st.Xfs))
	for i, x := range st.Xfs {
		d, ok := custom[x.NumFmt]
		out[i] = d || !ok && builtinDateFmt(x.NumFmt)
	}
	return out
}

// dateCode reports a custom number format showing a date: a d, m or y
// outside quoted text, escapes and [colour/locale] brackets ("dd/mm/yyyy",
// `[$-42A]dd" tháng "mm`), not "0.00" or "#,##0".
func dateCode(code string) bool {
	quoted, bracket := false, false
	day, year := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\':
			i++
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case bracket:
		case c == 'd' || c == 'D':
			day = true
		case c == 'y' || c == 'Y':
			year = true
		}
	}
	return day || year
}

// excelEpoch is day 0 of the 1900 date system as Excel counts it (its
// phantom 29 February 1900 folded in for every date after it).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serialDate writes an Excel date serial as dd/mm/yyyy ("" when it is no
// plausible date).
func serialDate(v string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f < 1 || f > 2958465 || math.IsNaN(f) {
		return ""
	}
	return excelEpoch.AddDate(0, 0, int(f)).Format("02/01/2006")
}

// cellRef reads a cell reference's 0-based row and column ("B3" → 2, 1);
// ok false when it is not one.
func cellRef(s string) (row, col int, ok bool) {
	i := 0
	for ; i < len(s) && i < 4; i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	if i == 0 || i == len(s) {
		return 0, 0, false
	}
	n, err := strconv.Atoi(s[i:])
	if err != nil || n < 1 || n > 1<<20 {
		return 0, 0, false
	}
	return n - 1, col - 1, true
}

// parseSheet reads a worksheet's rows (sheetData) and applies its merged
// ranges. sst are the shared strings, dates the cell formats showing a
// date. Rows are in increasing n. room is how many rows, cells and
// merged ranges the workbook may still hold: each one read takes one, and
// past zero the sheet is ErrTooLarge.
func parseSheet(ctx context.Context, b []byte, sst []string, dates []bool, room *int) ([]xlsxRow, error) {
	x := newXMLTokens(ctx, bytes.NewReader(b), "")
	var rows []xlsxRow
	type cell struct {
		col   int
		typ   string
		style int
		v     strings.Builder
		is    strings.Builder
	}
	var c *cell
	inV, inIS, inT, phonetic := false, false, false, 0
	rowN, nextCol := -1, 0
	take := func() error {
		if *room--; *room < 0 {
			return fmt.Errorf("%w: over %d rows, cells and merged ranges in the workbook", ErrTooLarge, maxSheetCells)
		}
		return nil
	}
	var merges [][4]int
	put := func(col int, text string) {
		if col < 0 || col >= maxSheetCols || text == "" || len(rows) == 0 {
			return
		}
		r := &rows[len(rows)-1]
		for len(r.cells) <= col {
			r.cells = append(r.cells, "")
		}
		r.cells[col] = text
	}
	for tok := range x.tokens() {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				if err := take(); err != nil {
					return nil, err
				}
				n := rowN + 1
				if v := attrOf(t, "r"); v != "" {
					if k, err := strconv.Atoi(v); err == nil && k >= 1 && k-1 > rowN {
						n = k - 1
					}
				}
				rowN, nextCol = n, 0
				rows = append(rows, xlsxRow{n: n})
			case "c":
				if len(rows) == 0 {
					rowN = 0
					rows = append(rows, xlsxRow{n: 0})
				}
				c = &cell{col: nextCol, typ: attrOf(t, "t"), style: -1}
				if r := attrOf(t, "r"); r != "" {
					if _, col, ok := cellRef(r); ok {
						c.col = col
					}
				}
				if s, err := strconv.Atoi(attrOf(t, "s")); err == nil {
					c.style = s
				}
				nextCol = c.col + 1
				if err := take(); err != nil {
					return nil, err
				}
			case "v":
				inV = c != nil
			case "is":
				inIS = c != nil
			case "t":
				inT = inIS
			case "rPh":
				phonetic++
			case "mergeCell":
				a, z, _ := strings.Cut(attrOf(t, "ref"), ":")
				r0, c0, ok0 := cellRef(a)
				r1, c1, ok1 := cellRef(z)
				if ok0 && ok1 && r1 >= r0 && c1 >= c0 {
					if err := take(); err != nil {
						return nil, err
					}
					merges = append(merges, [4]int{r0, c0, r1, c1})
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "c":
				if c != nil {
					put(c.col, xlsxCell(c.typ, c.style, c.v.String(), c.is.String(), sst, dates))
				}
				c = nil
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "rPh":
				phonetic = max(phonetic-1, 0)
			}
		case xml.CharData:
			switch {
			case c == nil:
			case inV:
				c.v.Write(t)
			case inIS && inT && phonetic == 0:
				c.is.Write(t)
			}
		}
	}
	if x.err != nil {
		return nil, x.err
	}
	if err := mergeDown(rows, merges); err != nil {
		return nil, err
	}
	return rows, nil
}

// xlsxCell is a cell's text by its type: a shared string, an inline
// string, a formula's string, a boolean, or a number (a date when its
// style shows one).
func xlsxCell(typ string, style int, v, is string, sst []string, dates []bool) string {
	switch typ {
	case "s":
		k, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || k < 0 || k >= len(sst) {
			return ""
		}
		return sst[k]
	case "inlineStr":
		return is
	case "str":
		return v
	case "e":
		return "" // #N/A, #REF!
	case "b":
		if strings.TrimSpace(v) == "1" {
			return "TRUE"
		}
		return "FALSE"
	}
	v = strings.TrimSpace(v)
	if style >= 0 && style < len(dates) && dates[style] {
		if s := serialDate(v); s != "" {
			return s
		}
	}
	return v
}

// mergeDown repeats the value of each merged range spanning rows down its
// first column, into the rows the sheet holds (rows in increasing n).
// Excel's ranges do not overlap, so together they cover at most the
// sheet's rows once per column; ranges visiting over maxSheetCells rows
// in all (overlapping ones) are ErrTooLarge.
func mergeDown(rows []xlsxRow, merges [][4]int) error {
	visits := 0
	for _, m := range merges {
		r0, c0, r1 := m[0], m[1], m[2]
		if r1 == r0 || c0 >= maxSheetCols {
			continue
		}
		i := sort.Search(len(rows), func(i int) bool { return rows[i].n >= r0 })
		if i == len(rows) || rows[i].n != r0 || c0 >= len(rows[i].cells) || rows[i].cells[c0] == "" {
			continue // nothing to repeat
		}
		v := rows[i].cells[c0]
		for i++; i < len(rows) && rows[i].n <= r1; i++ {
			if visits++; visits > maxSheetCells {
				return fmt.Errorf("%w: merged ranges cover over %d rows", ErrTooLarge, maxSheetCells)
			}
			r := &rows[i]
			for len(r.cells) <= c0 {
				r.cells = append(r.cells, "")
			}
			if r.cells[c0] == "" {
				r.cells[c0] = v
			}
		}
	}
	return nil
}

func attrOf(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
