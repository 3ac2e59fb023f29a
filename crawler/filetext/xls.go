package filetext

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// XLS (Excel 97–2003, BIFF in an OLE2 compound file whose directory holds
// a "Workbook" or "Book" stream: oleKind) is read by catdoc's xls2csv:
// every sheet as CSV in UTF-8, sheets separated by form feeds, dates as
// dd/mm/yyyy. Its rows become the same "cell | cell" lines as an XLSX's
// (sheetText, docLines). xls2csv does not report merged ranges: a value
// merged over several rows stands in its first row only.

func (r *Reader) readXLS(ctx context.Context, data []byte, res *Result) ([]line, error) {
	dir, path, err := tempCopy(data, "in.xls")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out, err := r.tools.run(ctx, "xls2csv", []string{"-q", "3", "-d", "utf-8", "-f", "%d/%m/%Y", path}, r.opt.Limits.MaxText)
	if err != nil {
		if errors.Is(err, ErrOutputLimit) {
			return nil, fmt.Errorf("%w: %v", ErrTooLarge, err)
		}
		return nil, classify(err, []failure{{ErrEncrypted, "", []string{"encrypt", "password"}}}, ErrDamaged)
	}
	sheets, err := csvSheets(string(out))
	if err != nil {
		return nil, err
	}
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

// csvSheets reads xls2csv's output: CSV sheets separated by form feeds.
func csvSheets(s string) ([]xlsxSheet, error) {
	var out []xlsxSheet
	for _, part := range strings.Split(s, "\f") {
		cr := csv.NewReader(strings.NewReader(part))
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		var sh xlsxSheet
		for n := 0; ; n++ {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("%w: xls2csv output: %v", ErrDamaged, err)
			}
			sh.rows = append(sh.rows, xlsxRow{n: n, cells: rec[:min(len(rec), maxSheetCols)]})
		}
		if len(sh.rows) > 0 {
			out = append(out, sh)
		}
	}
	return out, nil
}
