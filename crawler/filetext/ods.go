package filetext

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ODS (OpenDocument spreadsheet, LibreOffice's and many provinces'
// format) is read in Go: content.xml's tables in document order, each a
// sheet and a page, into the rows XLSX gives (workbookLines): a cell's
// text is what its paragraphs show (a number as formatted, a date as
// typed; a date cell with no text is its date-value, dd/mm/yyyy), its
// paragraphs joined by a space; <text:s text:c="n"/> is n spaces, a tab
// or a line break one. A cell spanning rows (number-rows-spanned) is a
// merged range, its value repeated down as an XLSX's (mergeDown); covered
// cells are skipped, and so are comments (office:annotation). A table
// nested in a cell is that cell's text. Sheets
// with no text are left out (LibreOffice saves "Sheet2", "Sheet3").
//
// Bounds: content.xml expands to at most the one-part limit (16 ×
// MaxText: a zip bomb is ErrTooLarge), its cells' text to as much;
// number-rows-repeated and number-columns-repeated are honoured for
// empty rows and cells by counting (a sheet's million empty rows cost
// nothing), for filled ones by copying, each copy counted against
// maxSheetCells with the cells and merged ranges, columns past
// maxSheetCols dropped; <text:s> counts over odsMaxSpaces are cut;
// elements nest at most maxXMLDepth deep; ctx is checked every few
// thousand tokens.

// The media types an OpenDocument package names in its "mimetype".
const (
	odsMime = "application/vnd.oasis.opendocument.spreadsheet"
	odtMime = "application/vnd.oasis.opendocument.text"
)

// odsMaxSpaces bounds one <text:s>; odsMaxRow is where counting empty
// rows stops (far past any sheet: LibreOffice's largest is 2^24 rows).
const (
	odsMaxSpaces = 64
	odsMaxRow    = 1 << 31
)

// zipMimetype returns the "mimetype" entry of a ZIP (an OpenDocument
// package's first), "" when it has none; at most 128 bytes are read.
func zipMimetype(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	for _, f := range zr.File {
		if f.Name != "mimetype" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return ""
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 128))
		return strings.TrimSpace(string(b))
	}
	return ""
}

func (r *Reader) readODS(ctx context.Context, data []byte, res *Result) ([]line, error) {
	sheets, err := odsSheets(ctx, data, 16*r.opt.Limits.MaxText)
	if err != nil {
		return nil, err
	}
	return r.workbookLines(sheets, res)
}

// readContent is how an OpenDocument package (ODS, ODT) is opened, one
// owner for it: after a look at ctx, parse reads the package's
// content.xml through the part limit (odfContent), closed after it.
func readContent[T any](ctx context.Context, data []byte, limit int64, parse func(io.Reader) (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	rc, err := odfContent(data, limit)
	if err != nil {
		return zero, err
	}
	defer rc.Close()
	return parse(rc)
}

// odfContent opens the package's content.xml, reading at most limit
// bytes of it (more is ErrTooLarge).
func odfContent(data []byte, limit int64) (io.ReadCloser, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("%w: content.xml: %v", ErrDamaged, err)
			}
			return struct {
				io.Reader
				io.Closer
			}{&capReader{r: rc, left: limit}, rc}, nil
		}
	}
	return nil, fmt.Errorf("%w: no content.xml", ErrDamaged)
}

// capReader reads at most left bytes, then fails with ErrTooLarge.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, fmt.Errorf("%w: content.xml expands past the part limit", ErrTooLarge)
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n, fmt.Errorf("%w: content.xml expands past the part limit", ErrTooLarge)
	}
	return n, err
}

// odsSheets reads the sheets of an ODS package.
func odsSheets(ctx context.Context, data []byte, limit int64) ([]xlsxSheet, error) {
	room := maxSheetCells
	sheets, err := readContent(ctx, data, limit, func(rd io.Reader) ([]xlsxSheet, error) {
		return parseODSContent(ctx, rd, &room)
	})
	if err != nil {
		return nil, err
	}
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%w: the spreadsheet's tables are empty", ErrNoText)
	}
	return sheets, nil
}

// odsCell is a cell being read.
type odsCell struct {
	text               strings.Builder
	paras              int
	date, value        string
	repeat, rows, cols int
	covered            bool
}

// parseODSContent reads content.xml's tables; room is what the workbook
// may still hold of rows, cells and merged ranges (maxSheetCells in all).
func parseODSContent(ctx context.Context, rd io.Reader, room *int) ([]xlsxSheet, error) {
	x := newXMLTokens(ctx, rd, "content.xml")
	var out []xlsxSheet
	var sheet *xlsxSheet
	var merges [][4]int
	var row []string // the row being read: cells by column
	var c *odsCell
	rowN, col, rowRepeat := 0, 0, 1
	tables, cellDepth, inP := 0, 0, 0
	text := 0 // bytes of cell text in all
	take := func(n int) error {
		if *room -= n; *room < 0 {
			return fmt.Errorf("%w: over %d rows, cells and merged ranges in the spreadsheet", ErrTooLarge, maxSheetCells)
		}
		return nil
	}
	write := func(s string) error {
		if text += len(s); text > maxSheetCells*64 {
			return fmt.Errorf("%w: cell text over %d bytes", ErrTooLarge, maxSheetCells*64)
		}
		c.text.WriteString(s)
		return nil
	}
	for tok := range x.tokens() {
		switch t := tok.(type) {
		case xml.StartElement:
			if c != nil { // inside a cell: its text, nested tables included
				switch t.Name.Local {
				case "p", "h":
					if inP++; inP == 1 && c.paras > 0 {
						if err := write(" "); err != nil {
							return nil, err
						}
					}
					c.paras++
				case "s":
					n, _ := strconv.Atoi(attrOf(t, "c"))
					if err := write(strings.Repeat(" ", min(max(n, 1), odsMaxSpaces))); err != nil {
						return nil, err
					}
				case "tab", "line-break":
					if err := write(" "); err != nil {
						return nil, err
					}
				case "table-cell", "covered-table-cell":
					cellDepth++
				case "annotation": // a comment on the cell, not its text
					if err := x.skip(); err != nil {
						return nil, err
					}
				}
				continue
			}
			switch t.Name.Local {
			case "table":
				if tables++; tables == 1 {
					sheet, merges, rowN = &xlsxSheet{name: attrOf(t, "name")}, nil, 0
				}
			case "table-row":
				if sheet != nil {
					row, col, rowRepeat = row[:0], 0, odsCount(attrOf(t, "number-rows-repeated"))
				}
			case "table-cell", "covered-table-cell":
				if sheet != nil {
					c = &odsCell{covered: t.Name.Local == "covered-table-cell", date: attrOf(t, "date-value"), value: attrOf(t, "value"),
						repeat: odsCount(attrOf(t, "number-columns-repeated")), rows: odsCount(attrOf(t, "number-rows-spanned")), cols: odsCount(attrOf(t, "number-columns-spanned"))}
					cellDepth = 1
				}
			}
		case xml.EndElement:
			if c != nil {
				switch t.Name.Local {
				case "p", "h":
					inP = max(inP-1, 0)
				case "table-cell", "covered-table-cell":
					if cellDepth--; cellDepth > 0 {
						continue
					}
					v := strings.TrimSpace(c.text.String())
					if v == "" && !c.covered {
						v = odsDate(c.date)
					}
					if c.covered {
						v = ""
					}
					if v != "" && col < maxSheetCols {
						n := min(c.repeat, maxSheetCols-col)
						if err := take(n); err != nil {
							return nil, err
						}
						for len(row) < col {
							row = append(row, "")
						}
						for range n {
							row = append(row, v)
						}
						if c.rows > 1 {
							if err := take(1); err != nil {
								return nil, err
							}
							merges = append(merges, [4]int{rowN, col, rowN + c.rows - 1, col + c.cols - 1})
						}
					}
					col = min(col+c.repeat, maxSheetCols)
					c = nil
				}
				continue
			}
			switch t.Name.Local {
			case "table":
				if tables--; tables == 0 && sheet != nil {
					if len(sheet.rows) > 0 {
						if err := mergeDown(sheet.rows, merges); err != nil {
							return nil, err
						}
						out = append(out, *sheet)
					}
					sheet = nil
				}
			case "table-row":
				if sheet == nil || tables != 1 {
					continue
				}
				if !filled(row) {
					rowN = min(rowN+rowRepeat, odsMaxRow)
					continue
				}
				for range rowRepeat {
					if err := take(1); err != nil {
						return nil, err
					}
					sheet.rows = append(sheet.rows, xlsxRow{n: rowN, cells: slices.Clone(row)})
					rowN++
				}
			}
		case xml.CharData:
			if c != nil && inP > 0 {
				if err := write(string(t)); err != nil {
					return nil, err
				}
			}
		}
	}
	if x.err != nil {
		return nil, x.err
	}
	return out, nil
}

// odsCount reads a repeat or span count: a positive number, else 1;
// counts past odsMaxRow are odsMaxRow (the callers bound what they copy).
func odsCount(s string) int {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 1 {
		if errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(strings.TrimSpace(s), "-") {
			return odsMaxRow
		}
		return 1
	}
	return int(min(n, odsMaxRow))
}

// odsDate writes an office:date-value ("2025-12-31" or with a time) as
// dd/mm/yyyy, as the other readers write dates; "" when it is none.
func odsDate(v string) string {
	if len(v) < 10 {
		return ""
	}
	t, err := time.Parse("2006-01-02", v[:10])
	if err != nil {
		return ""
	}
	return t.Format("02/01/2006")
}
