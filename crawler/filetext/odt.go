package filetext

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ODT (OpenDocument text) is read in Go into the text antiword gives a
// DOC — a line per paragraph (text:p, text:h, list items' paragraphs), a
// table's rows as "|cell|cell|" lines (a cell's paragraphs joined by a
// space, a table nested in a cell part of its text, covered cells empty),
// a form feed at each page break LibreOffice recorded
// (text:soft-page-break) — and then through docLines as a DOC's: tables
// rendered as DOCX's, parts of a line typed with tabs as cells, legacy
// encodings (a .VnTime document) decoded. Comments, notes and tracked
// deletions are not text. Bounds as for ODS: content.xml through the part
// limit, the text written through MaxText, depth, ctx.

func (r *Reader) readODT(ctx context.Context, data []byte, res *Result) ([]line, error) {
	text, err := readContent(ctx, data, 16*r.opt.Limits.MaxText, func(rd io.Reader) (string, error) {
		return odtText(ctx, rd, r.opt.Limits.MaxText)
	})
	if err != nil {
		return nil, err
	}
	return wordLines(text, res)
}

// odtSkipped are elements whose content is not the document's text.
var odtSkipped = map[string]bool{"annotation": true, "note": true, "tracked-changes": true, "sequence-decls": true, "forms": true, "variable-decls": true, "user-field-decls": true}

// odtText writes content.xml's body as antiword's text, at most limit
// bytes.
func odtText(ctx context.Context, rd io.Reader, limit int64) (string, error) {
	x := newXMLTokens(ctx, rd, "content.xml")
	var out strings.Builder
	var para strings.Builder // the paragraph being read
	var cells []string       // the row being read (top-level table)
	var cell []string        // the cell's paragraphs
	tables, inP := 0, 0
	emit := func(s string) error {
		if int64(out.Len()+len(s)) > limit {
			return fmt.Errorf("%w: text over %d bytes", ErrTooLarge, limit)
		}
		out.WriteString(s)
		return nil
	}
	addText := func(s string) error {
		if int64(para.Len()+len(s)) > limit {
			return fmt.Errorf("%w: a paragraph over %d bytes", ErrTooLarge, limit)
		}
		para.WriteString(s)
		return nil
	}
	for tok := range x.tokens() {
		switch t := tok.(type) {
		case xml.StartElement:
			switch n := t.Name.Local; {
			case odtSkipped[n]:
				if err := x.skip(); err != nil {
					return "", err
				}
			case n == "p" || n == "h":
				if inP++; inP == 1 {
					para.Reset()
				}
			case n == "s" && inP > 0:
				k, _ := strconv.Atoi(attrOf(t, "c"))
				if err := addText(strings.Repeat(" ", min(max(k, 1), odsMaxSpaces))); err != nil {
					return "", err
				}
			case n == "tab" && inP > 0:
				if err := addText("\t"); err != nil {
					return "", err
				}
			case n == "line-break" && inP > 0:
				if err := addText(" "); err != nil {
					return "", err
				}
			case n == "soft-page-break" && tables == 0:
				if err := emit("\f"); err != nil {
					return "", err
				}
			case n == "table":
				if tables++; tables == 1 {
					cells = nil
				}
			case n == "table-row" && tables == 1:
				cells = cells[:0]
			case (n == "table-cell" || n == "covered-table-cell") && tables == 1:
				cell = cell[:0]
				if k := odsCount(attrOf(t, "number-columns-repeated")); k > 1 {
					// repeated (empty) cells: all but the one this element closes
					for range min(k, maxSheetCols) - 1 {
						cells = append(cells, "")
					}
				}
			}
		case xml.EndElement:
			switch n := t.Name.Local; {
			case n == "p" || n == "h":
				if inP = max(inP-1, 0); inP > 0 {
					continue
				}
				p := strings.TrimSpace(strings.ReplaceAll(para.String(), "|", "/"))
				if tables > 0 {
					if p != "" {
						cell = append(cell, strings.Join(strings.Fields(p), " "))
					}
					continue
				}
				if p != "" {
					if err := emit(p + "\n"); err != nil {
						return "", err
					}
				}
			case (n == "table-cell" || n == "covered-table-cell") && tables == 1:
				if len(cells) < maxSheetCols {
					cells = append(cells, strings.Join(cell, " "))
				}
			case n == "table-row" && tables == 1:
				if filled(cells) {
					if err := emit("|" + strings.Join(cells, "|") + "|\n"); err != nil {
						return "", err
					}
				}
			case n == "table":
				if tables = max(tables-1, 0); tables == 0 {
					if err := emit("\n"); err != nil { // the table ends
						return "", err
					}
				}
			}
		case xml.CharData:
			if inP > 0 {
				if err := addText(string(t)); err != nil {
					return "", err
				}
			}
		}
	}
	if x.err != nil {
		return "", x.err
	}
	return out.String(), nil
}
