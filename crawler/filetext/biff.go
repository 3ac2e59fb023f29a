package filetext

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// Merged cells of an .xls. xls2csv (xls.go) prints a sheet's cells but
// not its merged ranges, and a value merged over several rows (the agency
// in charge of three tasks) stands in its first row only. The ranges are
// in the workbook's BIFF8 stream (MERGEDCELLS, 0x00E5) beside the cells;
// biffSheets reads, for each sheet xls2csv prints, the rows it prints
// (their sheet row numbers and widths) and the sheet's merged ranges, so
// that the printed rows get their row numbers and mergeDown repeats the
// merged values as for an XLSX.
//
// xls2csv reads the stream from its start, a sheet from each BOF to its
// EOF, and prints a sheet only when a cell record was seen in it (an
// empty sheet prints nothing, not even its form feed); of a sheet it
// prints the rows holding a cell record, each as wide as its last cell,
// except a row whose one cell is a blank in column A. biffSheets follows
// those rules, and placeRows checks every sheet against what xls2csv
// printed — the same number of rows, each as wide — leaving a sheet whose
// rows do not match as printed (no merge read), never misplaced. BIFF5
// ("Book") has no merged-cell records: its sheets are left as printed.

// biffSheet is what biffSheets reads of one printed sheet.
type biffSheet struct {
	rows   []biffRow
	merges [][4]int // first row, first column, last row, last column
}

// biffRow is a row xls2csv prints: its sheet row number and the number of
// fields it prints (its last cell's column + 1).
type biffRow struct {
	n, width int
}

// BIFF8 record types read here.
const (
	biffBOF         = 0x0809
	biffEOF         = 0x000A
	biffMerged      = 0x00E5
	biffBlank       = 0x0201
	biffMulBlank    = 0x00BE
	biffMulRK       = 0x00BD
	biffMaxSheets   = 1 << 12 // printed sheets; a workbook of more is ErrTooLarge
	biffMaxMerged   = 1 << 20 // merged ranges in all
	biffMaxRowCells = 1 << 20 // cell records that open or widen a row, in all
)

// biffCells are the cell records xls2csv prints a value for (LABEL,
// LABELSST, NUMBER and its BIFF2–4 forms, INTEGER, RK, FORMULA): each
// opens its row.
var biffCells = map[uint16]bool{0x0204: true, 0x00FD: true, 0x0203: true, 0x0003: true, 0x0103: true, 0x0303: true, 0x0202: true, 0x027E: true, 0x0006: true}

// biffSheets reads the printed sheets of a BIFF8 workbook stream, in
// stream order. A record running past the stream ends the reading there
// (what was read stands); over the bounds above it returns an error and
// the workbook is left as printed.
func biffSheets(wb []byte) ([]biffSheet, error) {
	le := binary.LittleEndian
	var out []biffSheet
	var cur *biffSheet
	type rowState struct {
		last    int
		printed bool
	}
	var rows map[int]*rowState
	cells, merged := 0, 0
	cell := func(row, col int, value bool) error {
		if cells++; cells > biffMaxRowCells {
			return fmt.Errorf("%w: over %d cells in the workbook", ErrTooLarge, biffMaxRowCells)
		}
		r := rows[row]
		if r == nil {
			r = &rowState{last: col}
			rows[row] = r
		}
		r.last = max(r.last, col)
		r.printed = r.printed || value || r.last > 0
		return nil
	}
	afterEOF := false
	for off := 0; off+4 <= len(wb); {
		typ, n := le.Uint16(wb[off:]), int(le.Uint16(wb[off+2:]))
		if off+4+n > len(wb) {
			break
		}
		rec := wb[off+4 : off+4+n]
		off += 4 + n
		if afterEOF && typ != biffBOF {
			break // xls2csv stops here too
		}
		afterEOF = false
		switch {
		case typ == biffBOF:
			cur, rows = &biffSheet{}, map[int]*rowState{}
		case cur == nil:
		case typ == biffEOF:
			afterEOF = true
			for row, r := range rows {
				if r.printed {
					cur.rows = append(cur.rows, biffRow{n: row, width: r.last + 1})
				}
			}
			if len(cur.rows) > 0 { // a sheet of no printed row is no part of the output
				slices.SortFunc(cur.rows, func(a, b biffRow) int { return a.n - b.n })
				if len(out) == biffMaxSheets {
					return nil, fmt.Errorf("%w: over %d sheets", ErrTooLarge, biffMaxSheets)
				}
				out = append(out, *cur)
			}
			cur, rows = nil, nil
		case len(rec) < 4:
		case biffCells[typ]:
			if err := cell(int(le.Uint16(rec)), int(le.Uint16(rec[2:])), true); err != nil {
				return nil, err
			}
		case typ == biffBlank:
			if err := cell(int(le.Uint16(rec)), int(le.Uint16(rec[2:])), false); err != nil {
				return nil, err
			}
		case (typ == biffMulBlank || typ == biffMulRK) && len(rec) >= 6:
			// xls2csv opens a MULBLANK's row at its last column; a
			// MULRK's cells are values.
			if err := cell(int(le.Uint16(rec)), int(le.Uint16(rec[len(rec)-2:])), typ == biffMulRK); err != nil {
				return nil, err
			}
		case typ == biffMerged:
			k := int(le.Uint16(rec))
			for i := 0; i < k && 2+8*i+8 <= len(rec); i++ {
				if merged++; merged > biffMaxMerged {
					return nil, fmt.Errorf("%w: over %d merged ranges", ErrTooLarge, biffMaxMerged)
				}
				m := rec[2+8*i:]
				r0, r1, c0, c1 := int(le.Uint16(m)), int(le.Uint16(m[2:])), int(le.Uint16(m[4:])), int(le.Uint16(m[6:]))
				if r0 <= r1 && c0 <= c1 {
					cur.merges = append(cur.merges, [4]int{r0, c0, r1, c1})
				}
			}
		}
	}
	return out, nil
}

// placeRows gives the rows xls2csv printed for each sheet their sheet row
// numbers and repeats merged values down (mergeDown), for the sheets whose
// printed rows match what biffSheets read of them; when the sheet counts
// differ nothing is changed.
func placeRows(printed []xlsxSheet, read []biffSheet) error {
	if len(printed) != len(read) {
		return nil
	}
	for i := range printed {
		rows, b := printed[i].rows, read[i]
		if len(rows) != len(b.rows) || len(b.merges) == 0 {
			continue
		}
		match := true
		for j := range rows {
			if len(rows[j].cells) != min(b.rows[j].width, maxSheetCols) {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		for j := range rows {
			rows[j].n = b.rows[j].n
		}
		if err := mergeDown(rows, b.merges); err != nil {
			return err
		}
	}
	return nil
}
