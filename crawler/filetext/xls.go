package filetext

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// XLS (Excel 97–2003, BIFF in an OLE2 compound file whose directory holds
// a "Workbook" or "Book" stream: oleKind) is read by catdoc's xls2csv:
// every sheet as CSV in UTF-8, sheets separated by form feeds, dates as
// dd/mm/yyyy. Its rows become the same "cell | cell" lines as an XLSX's
// (sheetText, docLines). xls2csv does not report merged ranges; they are
// read from the workbook stream (biff.go) and repeated down as an XLSX's.

func (r *Reader) readXLS(ctx context.Context, data []byte, res *Result) ([]line, error) {
	dir, path, err := tempCopy(data, "in.xls")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	env, err := catdocMaps(dir)
	if err != nil {
		return nil, err
	}
	out, err := r.tools.runEnv(ctx, "xls2csv", []string{"-q", "3", "-d", "utf-8", "-f", "%d/%m/%Y", path}, env, r.opt.Limits.MaxText)
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
	// Merged ranges, from the workbook stream (biff.go). A stream that
	// cannot be read leaves the sheets as xls2csv printed them; one over
	// the bounds is too large.
	if wb, err := cfbStream(data, "Workbook"); err == nil {
		read, err := biffSheets(wb)
		if err != nil {
			return nil, err
		}
		if err := placeRows(sheets, read); err != nil {
			return nil, err
		}
	}
	return r.workbookLines(sheets, res)
}

// catdocMaps writes, in the read's private directory dir, a catdoc
// configuration whose character maps keep every character, and returns
// the environment that makes xls2csv and catdoc (readDOC's fallback) read
// it ($HOME/.catdocrc). catdoc's
// own maps (ascii.specchars, .replchars, used whatever the target
// charset) drop U+00AD, the soft hyphen — which is "ư" in a cell typed in
// a TCVN3 font (.VnTime): "Môi trường" came out "Môi trờng", past the
// legacy decoder's repair (TestSheetLegacyText). A UTF-8 target needs no
// replacement; the field marks 0x1C and 0x1E stay a tab and a newline.
func catdocMaps(dir string) ([]string, error) {
	maps := filepath.Join(dir, "maps")
	if err := os.Mkdir(maps, 0o700); err != nil {
		return nil, fmt.Errorf("catdoc maps: %w", err)
	}
	for name, text := range map[string]string{
		filepath.Join(dir, ".catdocrc"):        "map_path=" + maps + "\n",
		filepath.Join(maps, "ascii.specchars"): "001C \"\\t\"\n001E \"\\n\"\n",
		filepath.Join(maps, "ascii.replchars"): "",
	} {
		if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
			return nil, fmt.Errorf("catdoc maps: %w", err)
		}
	}
	return []string{"HOME=" + dir}, nil
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
