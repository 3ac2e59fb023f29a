package filetext

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// TestXLSMergedRows reads an .xls whose rows xls2csv does not print one
// for one: a sheet of two empty rows over its title, an empty row inside
// the table, an empty sheet (xls2csv prints nothing for it) before a
// sheet whose agency in charge is merged over three task rows and whose
// group cell is merged over the row's width. Each merged value is
// repeated down its rows (as for an XLSX), on the right rows of the right
// sheet.
func TestXLSMergedRows(t *testing.T) {
	filetexttest.RequireTools(t, "xls2csv")
	first := filetexttest.Sheet{Name: "Tổng hợp", Rows: [][]string{
		{}, {},
		{"", "BIỂU TỔNG HỢP KẾT QUẢ NĂM 2024"},
		{},
		{"", "Đơn vị", "Số nhiệm vụ"},
		{"", "Sở Nội vụ", "3"},
		{"", "", "2"},
	}, Merged: []string{"B6:B7"}}
	third := filetexttest.Sheet{Name: "Phụ lục II", Rows: [][]string{
		{"PHỤ LỤC II: NHIỆM VỤ CHUYỂN ĐỔI SỐ"},
		{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"},
		{"I", "HẠ TẦNG SỐ"},
		{"1", "Phủ sóng di động băng rộng đến các thôn, bản", "Sở Thông tin và Truyền thông", "Năm 2025"},
		{"2", "Nâng cấp trung tâm dữ liệu của tỉnh", "", "Quý IV/2025"},
		{"3", "Kết nối mạng truyền số liệu chuyên dùng đến cấp xã", "", "Quý II/2026"},
		{"4", "Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "Năm 2026"},
	}, Merged: []string{"A1:D1", "B3:D3", "C4:C6"}}
	data := filetexttest.XLS(first, filetexttest.Sheet{Name: "Trống"}, third)
	res, err := NewReader(Options{}).Read(context.Background(), "pl.xls", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"BIỂU TỔNG HỢP KẾT QUẢ NĂM 2024",
		"| Đơn vị | Số nhiệm vụ",
		"| Sở Nội vụ | 3",
		"| Sở Nội vụ | 2",
		"PHỤ LỤC II: NHIỆM VỤ CHUYỂN ĐỔI SỐ",
		"STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành",
		"I | HẠ TẦNG SỐ",
		"1 | Phủ sóng di động băng rộng đến các thôn, bản | Sở Thông tin và Truyền thông | Năm 2025",
		"2 | Nâng cấp trung tâm dữ liệu của tỉnh | Sở Thông tin và Truyền thông | Quý IV/2025",
		"3 | Kết nối mạng truyền số liệu chuyên dùng đến cấp xã | Sở Thông tin và Truyền thông | Quý II/2026",
		"4 | Số hóa hồ sơ lưu trữ | Sở Nội vụ | Năm 2026",
	}
	if got := resultLines(res); !slices.Equal(got, want) {
		t.Errorf("lines\n got %q\nwant %q", got, want)
	}
	// The same workbook as XLSX reads the same (its empty sheet is an
	// empty page: xls2csv prints nothing for one).
	x, err := NewReader(Options{}).Read(context.Background(), "pl.xlsx", filetexttest.XLSX(first, filetexttest.Sheet{Name: "Trống"}, third))
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.DeleteFunc(resultLines(x), func(s string) bool { return s == "" }); !slices.Equal(got, want) {
		t.Errorf("the XLSX's lines\n got %q\nwant %q", got, want)
	}
}

// biffRec is one BIFF record.
func biffRec(typ uint16, data ...byte) []byte {
	b := binary.LittleEndian.AppendUint16(nil, typ)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(data)))
	return append(b, data...)
}

// u16s is little-endian 16-bit values.
func u16s(v ...int) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, uint16(x))
	}
	return b
}

// biffLabel is a LABELSST cell at row, col (string 0).
func biffLabel(row, col int) []byte {
	return biffRec(0x00FD, append(u16s(row, col, 15), 0, 0, 0, 0)...)
}

// TestBIFFSheets reads the printed rows and merged ranges of workbook
// streams written record by record: rows in order with their widths, a
// blank alone in column A not printed, a MULBLANK widening its row, an
// empty sheet left out, merged ranges read and ranges upside down
// dropped; and hostile streams, each bounded: a MERGEDCELLS claiming
// 65,535 ranges in 10 bytes, a record running past the stream, records
// after the last EOF, 2^20+1 cells.
func TestBIFFSheets(t *testing.T) {
	bof := biffRec(0x0809, make([]byte, 16)...)
	eof := biffRec(0x000A)
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	wb := cat(bof, eof, // globals
		bof, biffLabel(5, 1), biffRec(0x0201, u16s(3, 0, 15)...), biffLabel(2, 0), biffRec(0x00BE, u16s(7, 0, 15, 15, 15, 4)...),
		biffRec(0x00E5, append(u16s(2), u16s(2, 5, 0, 0, 9, 8, 1, 1)...)...), eof,
		bof, eof, // empty
		bof, biffRec(0x027E, append(u16s(0, 0, 15), 0, 0, 0, 0)...), eof)
	got, err := biffSheets(wb)
	if err != nil {
		t.Fatal(err)
	}
	want := []biffSheet{
		{rows: []biffRow{{2, 1}, {5, 2}, {7, 5}}, merges: [][4]int{{2, 0, 5, 0}}},
		{rows: []biffRow{{0, 1}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sheets %+v; want %+v", got, want)
	}
	for _, c := range []struct {
		name string
		wb   []byte
		want error
	}{
		{"merged count past the record", cat(bof, biffLabel(0, 0), biffRec(0x00E5, append(u16s(65535), u16s(0, 9, 0, 0)...)...), eof), nil},
		{"record past the stream", cat(bof, biffLabel(0, 0), eof, []byte{0xFD, 0x00, 0xFF, 0xFF, 1, 2}), nil},
		{"records after the last EOF", cat(bof, biffLabel(0, 0), eof, biffLabel(1, 1), eof), nil},
		{"too many cells", cat(bof, bytes.Repeat(biffLabel(1, 1), biffMaxRowCells+1), eof), ErrTooLarge},
	} {
		t.Run(c.name, func(t *testing.T) {
			// what these guard is a loop that does not end on a count past
			// its record or stream: its only sign is a hang, so a minute's
			// hang guard, not a wall bound on a loaded machine
			type result struct {
				n   int
				err error
			}
			done := make(chan result, 1)
			go func() {
				sheets, err := biffSheets(c.wb)
				done <- result{len(sheets), err}
			}()
			select {
			case r := <-done:
				if !errors.Is(r.err, c.want) || (c.want == nil && r.n != 1) {
					t.Errorf("%d sheets, err %v; want 1, %v", r.n, r.err, c.want)
				}
			case <-time.After(time.Minute):
				t.Fatal("still reading after a minute")
			}
		})
	}
}

// TestPlaceRows: printed rows take the sheet's row numbers and merged
// values only when they match what the stream says was printed; a sheet
// whose rows differ in number or width, or a workbook whose sheet count
// differs, is left as printed.
func TestPlaceRows(t *testing.T) {
	printed := func() []xlsxSheet {
		return []xlsxSheet{{rows: []xlsxRow{{n: 0, cells: []string{"Sở Nội vụ", "a"}}, {n: 1, cells: []string{"", "b"}}}}}
	}
	merged := biffSheet{rows: []biffRow{{4, 2}, {6, 2}}, merges: [][4]int{{4, 0, 6, 0}}}
	for _, c := range []struct {
		name string
		read []biffSheet
		want string // the second row's first cell
	}{
		{"matching", []biffSheet{merged}, "Sở Nội vụ"},
		{"a row more", []biffSheet{{rows: append(slices.Clone(merged.rows), biffRow{9, 2}), merges: merged.merges}}, ""},
		{"a width differs", []biffSheet{{rows: []biffRow{{4, 2}, {6, 3}}, merges: merged.merges}}, ""},
		{"a sheet more", []biffSheet{merged, merged}, ""},
		{"the merge misses the rows", []biffSheet{{rows: merged.rows, merges: [][4]int{{5, 0, 6, 0}}}}, ""},
	} {
		p := printed()
		if err := placeRows(p, c.read); err != nil {
			t.Fatal(err)
		}
		if got := p[0].rows[1].cells[0]; got != c.want {
			t.Errorf("%s: %q; want %q", c.name, got, c.want)
		}
	}
}

// FuzzBIFF reads any workbook stream: never a panic, printed rows in
// increasing order, and placing them on rows printed as read holds.
func FuzzBIFF(f *testing.F) {
	wb, err := cfbStream(filetexttest.XLS(annexSheet()), "Workbook")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(wb)
	bof := biffRec(0x0809, make([]byte, 16)...)
	f.Add(bytes.Join([][]byte{bof, biffLabel(3, 2), biffRec(0x00E5, append(u16s(1), u16s(3, 65535, 2, 2)...)...), biffRec(0x000A)}, nil))
	f.Fuzz(func(t *testing.T, wb []byte) {
		sheets, err := biffSheets(wb)
		if err != nil {
			return
		}
		var printed []xlsxSheet
		for _, s := range sheets {
			var p xlsxSheet
			for i, r := range s.rows {
				if i > 0 && r.n <= s.rows[i-1].n {
					t.Fatalf("row %d after %d", r.n, s.rows[i-1].n)
				}
				p.rows = append(p.rows, xlsxRow{cells: make([]string, min(r.width, maxSheetCols))})
				p.rows[len(p.rows)-1].cells[0] = "x"
			}
			printed = append(printed, p)
		}
		_ = placeRows(printed, sheets)
	})
}

// bigAnnex is annexSheet's task rows repeated to n rows, the agency of
// each pair of rows merged (a stream past the mini stream's 4,096 bytes:
// read through the FAT).
func bigAnnex(n int) filetexttest.Sheet {
	sh := annexSheet()
	sh.Merged = nil
	for len(sh.Rows) < n {
		r := len(sh.Rows)
		sh.Rows = append(sh.Rows, []string{strconv.Itoa(r), "Rà soát thủ tục hành chính " + strconv.Itoa(r), "Sở Tư pháp " + strconv.Itoa(r), "", "Năm 2025"},
			[]string{strconv.Itoa(r + 1), "Công bố thủ tục hành chính " + strconv.Itoa(r+1), "", "Văn phòng UBND tỉnh", "Quý IV/2025"})
		sh.Merged = append(sh.Merged, fmt.Sprintf("C%d:C%d", r+1, r+2))
	}
	return sh
}

// TestXLSMergedLarge: a 2,000-row annex (a workbook stream of regular
// sectors) has every merged agency repeated, as its XLSX has.
func TestXLSMergedLarge(t *testing.T) {
	filetexttest.RequireTools(t, "xls2csv")
	sh := bigAnnex(2000)
	res, err := NewReader(Options{}).Read(context.Background(), "pl.xls", filetexttest.XLS(sh))
	if err != nil {
		t.Fatal(err)
	}
	x, err := NewReader(Options{}).Read(context.Background(), "pl.xlsx", filetexttest.XLSX(sh))
	if err != nil {
		t.Fatal(err)
	}
	got, want := resultLines(res), resultLines(x)
	if !slices.Equal(got, want) {
		t.Errorf("%d lines, the XLSX's %d; first differing: %q", len(got), len(want), firstDiff(got, want))
	}
	if !slices.Contains(got, "1002 | Công bố thủ tục hành chính 1002 | Sở Tư pháp 1001 | Văn phòng UBND tỉnh | Quý IV/2025") {
		t.Error("row 1002 lacks its merged agency")
	}
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + " ≠ " + b[i]
		}
	}
	return ""
}

// BenchmarkXLS reads bigAnnex(2000) as .xls (xls2csv, then the merged
// ranges from the workbook stream): rows per second.
func BenchmarkXLS(b *testing.B) {
	filetexttest.RequireTools(b, "xls2csv")
	sh := bigAnnex(2000)
	data := filetexttest.XLS(sh)
	r := NewReader(Options{})
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := r.Read(context.Background(), "b.xls", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(sh.Rows)*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkBIFFSheets is the merged-cell reading alone (stream and records).
func BenchmarkBIFFSheets(b *testing.B) {
	data := filetexttest.XLS(bigAnnex(2000))
	b.SetBytes(int64(len(data)))
	for range b.N {
		wb, err := cfbStream(data, "Workbook")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := biffSheets(wb); err != nil {
			b.Fatal(err)
		}
	}
}
