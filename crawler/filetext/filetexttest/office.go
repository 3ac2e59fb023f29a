package filetexttest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"html"
	"math"
	"slices"
	"strings"
	"unicode/utf16"
)

// Office files written from scratch for tests: an OLE2 compound file
// (MS-CFB, version 3) holding named streams, an Excel 97–2003 workbook
// (BIFF8) in one, and an Office Open XML workbook (.xlsx). Each writer
// follows the format's specification closely enough for catdoc's xls2csv
// and our own readers; none depends on an office suite.

// Stream is one named stream of a compound file.
type Stream struct {
	Name string
	Data []byte
}

const (
	cfbFree = 0xFFFFFFFF
	cfbEnd  = 0xFFFFFFFE
	cfbFAT  = 0xFFFFFFFD
)

// CFB writes a compound file (512-byte sectors) whose root storage holds
// streams: those under 4096 bytes in the mini stream, the others in
// sectors of their own.
func CFB(streams ...Stream) []byte {
	const ss, mini, cutoff = 512, 64, 4096
	le := binary.LittleEndian
	pad := func(b []byte, n int) []byte {
		if r := len(b) % n; r != 0 {
			b = append(b, make([]byte, n-r)...)
		}
		return b
	}
	var fat []uint32 // one entry per sector
	var body []byte  // sectors after the header
	alloc := func(data []byte) uint32 {
		if len(data) == 0 {
			return cfbEnd
		}
		first := uint32(len(fat))
		n := (len(data) + ss - 1) / ss
		for i := range n {
			if i == n-1 {
				fat = append(fat, cfbEnd)
			} else {
				fat = append(fat, uint32(len(fat)+1))
			}
		}
		body = append(body, pad(slices.Clone(data), ss)...)
		return first
	}
	start := make([]uint32, len(streams))
	var ministream []byte
	var minifat []uint32
	for i, s := range streams {
		if len(s.Data) >= cutoff {
			start[i] = alloc(s.Data)
			continue
		}
		if len(s.Data) == 0 {
			start[i] = cfbEnd
			continue
		}
		start[i] = uint32(len(minifat))
		n := (len(s.Data) + mini - 1) / mini
		for j := range n {
			if j == n-1 {
				minifat = append(minifat, cfbEnd)
			} else {
				minifat = append(minifat, uint32(len(minifat)+1))
			}
		}
		ministream = append(ministream, pad(slices.Clone(s.Data), mini)...)
	}
	rootStart := alloc(ministream)
	var mf []byte
	for _, v := range minifat {
		mf = le.AppendUint32(mf, v)
	}
	for len(mf)%ss != 0 {
		mf = le.AppendUint32(mf, cfbFree)
	}
	miniFATStart := alloc(mf)
	// The directory: the root, then the streams chained as right siblings.
	entry := func(name string, typ byte, right, child, first uint32, size int) []byte {
		e := make([]byte, 128)
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			le.PutUint16(e[2*i:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42], e[0x43] = typ, 1
		le.PutUint32(e[0x44:], cfbFree)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], first)
		le.PutUint32(e[0x78:], uint32(size))
		return e
	}
	child := uint32(cfbFree)
	if len(streams) > 0 {
		child = 1
	}
	dir := entry("Root Entry", 5, cfbFree, child, rootStart, len(ministream))
	for i, s := range streams {
		right := uint32(cfbFree)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		dir = append(dir, entry(s.Name, 2, right, cfbFree, start[i], len(s.Data))...)
	}
	dirStart := alloc(pad(dir, ss))
	// The FAT covers every sector, its own included.
	nFAT := 1
	for (len(fat)+nFAT+ss/4-1)/(ss/4) > nFAT {
		nFAT++
	}
	fatStart := uint32(len(fat))
	for range nFAT {
		fat = append(fat, cfbFAT)
	}
	var fb []byte
	for _, v := range fat {
		fb = le.AppendUint32(fb, v)
	}
	for len(fb) < nFAT*ss {
		fb = le.AppendUint32(fb, cfbFree)
	}
	body = append(body, fb...)
	if nFAT > 109 {
		panic("filetexttest: CFB of more than 109 FAT sectors")
	}
	h := make([]byte, ss)
	copy(h, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	le.PutUint16(h[0x18:], 0x3E)
	le.PutUint16(h[0x1A:], 3)
	le.PutUint16(h[0x1C:], 0xFFFE)
	le.PutUint16(h[0x1E:], 9)
	le.PutUint16(h[0x20:], 6)
	le.PutUint32(h[0x2C:], uint32(nFAT))
	le.PutUint32(h[0x30:], dirStart)
	le.PutUint32(h[0x38:], cutoff)
	le.PutUint32(h[0x3C:], miniFATStart)
	le.PutUint32(h[0x40:], uint32(len(mf)/ss))
	le.PutUint32(h[0x44:], cfbEnd)
	for i := range 109 {
		v := uint32(cfbFree)
		if i < nFAT {
			v = fatStart + uint32(i)
		}
		le.PutUint32(h[0x4C+4*i:], v)
	}
	return append(h, body...)
}

// Sheet is one worksheet: rows of cells, and merged ranges ("A1:E1").
// Dates names cells ("E5") holding an Excel date serial ("46022") shown
// as dd/mm/yyyy, as Excel stores a date typed in a cell (XLSX only).
type Sheet struct {
	Name   string
	Rows   [][]string
	Merged []string
	Dates  []string
}

// XLS writes an Excel 97–2003 workbook (a BIFF8 "Workbook" stream in a
// compound file): text cells as shared strings, cells that parse as
// integers as numbers.
func XLS(sheets ...Sheet) []byte {
	le := binary.LittleEndian
	rec := func(b []byte, typ uint16, data []byte) []byte {
		b = le.AppendUint16(b, typ)
		b = le.AppendUint16(b, uint16(len(data)))
		return append(b, data...)
	}
	bof := func(dt uint16) []byte {
		d := make([]byte, 16)
		le.PutUint16(d, 0x0600)
		le.PutUint16(d[2:], dt)
		le.PutUint16(d[4:], 0x0DBB)
		le.PutUint16(d[6:], 0x07CC)
		return d
	}
	u16 := func(s string) []byte {
		var b []byte
		for _, c := range utf16.Encode([]rune(s)) {
			b = le.AppendUint16(b, c)
		}
		return b
	}
	var sst []string
	index := map[string]int{}
	for _, sh := range sheets {
		for _, r := range sh.Rows {
			for _, c := range r {
				if _, ok := index[c]; !ok && c != "" && !isInt(c) {
					index[c] = len(sst)
					sst = append(sst, c)
				}
			}
		}
	}
	// Sheet streams, positioned after the globals (whose size does not
	// depend on the positions: each BOUNDSHEET has a fixed 4-byte offset).
	var subs [][]byte
	for _, sh := range sheets {
		var b []byte
		b = rec(b, 0x0809, bof(0x0010))
		for ri, r := range sh.Rows {
			for ci, c := range r {
				if c == "" {
					continue
				}
				d := le.AppendUint16(nil, uint16(ri))
				d = le.AppendUint16(d, uint16(ci))
				d = le.AppendUint16(d, 0x0F)
				if isInt(c) {
					var n float64
					fmt.Sscan(c, &n)
					d = le.AppendUint64(d, math.Float64bits(n))
					b = rec(b, 0x0203, d)
					continue
				}
				d = le.AppendUint32(d, uint32(index[c]))
				b = rec(b, 0x00FD, d)
			}
		}
		if len(sh.Merged) > 0 {
			d := le.AppendUint16(nil, uint16(len(sh.Merged)))
			for _, m := range sh.Merged {
				r0, c0, r1, c1 := parseRange(m)
				d = le.AppendUint16(d, uint16(r0))
				d = le.AppendUint16(d, uint16(r1))
				d = le.AppendUint16(d, uint16(c0))
				d = le.AppendUint16(d, uint16(c1))
			}
			b = rec(b, 0x00E5, d)
		}
		b = rec(b, 0x000A, nil)
		subs = append(subs, b)
	}
	globals := func(offsets []int) []byte {
		var b []byte
		b = rec(b, 0x0809, bof(0x0005))
		b = rec(b, 0x0042, le.AppendUint16(nil, 1200))
		for i, sh := range sheets {
			d := le.AppendUint32(nil, uint32(offsets[i]))
			d = append(d, 0, 0, byte(len([]rune(sh.Name))), 1)
			d = append(d, u16(sh.Name)...)
			b = rec(b, 0x0085, d)
		}
		// The SST, continued in CONTINUE records (0x003C) at string
		// boundaries when it passes a record's 8,224 bytes.
		d := le.AppendUint32(nil, uint32(len(sst)))
		d = le.AppendUint32(d, uint32(len(sst)))
		typ := uint16(0x00FC)
		for _, s := range sst {
			e := le.AppendUint16(nil, uint16(len(utf16.Encode([]rune(s)))))
			e = append(e, 1)
			e = append(e, u16(s)...)
			if len(d)+len(e) > 8224 {
				b = rec(b, typ, d)
				d, typ = nil, 0x003C
			}
			d = append(d, e...)
		}
		b = rec(b, typ, d)
		return rec(b, 0x000A, nil)
	}
	offsets := make([]int, len(sheets))
	g := globals(offsets)
	pos := len(g)
	for i, s := range subs {
		offsets[i] = pos
		pos += len(s)
	}
	wb := globals(offsets)
	for _, s := range subs {
		wb = append(wb, s...)
	}
	return CFB(Stream{Name: "Workbook", Data: wb})
}

// XLSX writes an Office Open XML workbook: text cells as shared strings,
// except those of the first sheet's first row, written inline
// (t="inlineStr"), and integers as numbers; merged ranges as written.
func XLSX(sheets ...Sheet) []byte {
	esc := html.EscapeString
	var sst []string
	index := map[string]int{}
	files := map[string]string{}
	var wbSheets, rels strings.Builder
	for i, sh := range sheets {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		for ri, r := range sh.Rows {
			fmt.Fprintf(&b, `<row r="%d">`, ri+1)
			for ci, c := range r {
				ref := CellName(ri, ci)
				switch {
				case c == "":
				case isInt(c) && slices.Contains(sh.Dates, ref):
					fmt.Fprintf(&b, `<c r="%s" s="2"><v>%s</v></c>`, ref, c) // styles.xml's xf 2: dd/mm/yyyy
				case isInt(c):
					fmt.Fprintf(&b, `<c r="%s"><v>%s</v></c>`, ref, c)
				case i == 0 && ri == 0:
					fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, esc(c))
				default:
					k, ok := index[c]
					if !ok {
						k = len(sst)
						index[c] = k
						sst = append(sst, c)
					}
					fmt.Fprintf(&b, `<c r="%s" s="1" t="s"><v>%d</v></c>`, ref, k)
				}
			}
			b.WriteString(`</row>`)
		}
		b.WriteString(`</sheetData>`)
		if len(sh.Merged) > 0 {
			fmt.Fprintf(&b, `<mergeCells count="%d">`, len(sh.Merged))
			for _, m := range sh.Merged {
				fmt.Fprintf(&b, `<mergeCell ref="%s"/>`, m)
			}
			b.WriteString(`</mergeCells>`)
		}
		b.WriteString(`</worksheet>`)
		files[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = b.String()
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, esc(sh.Name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	files["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
		wbSheets.String() + `</sheets></workbook>`
	files["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() +
		`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
	var s strings.Builder
	fmt.Fprintf(&s, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(sst), len(sst))
	for _, t := range sst {
		if sp := strings.Index(t, " "); sp > 0 && len(t) > 40 {
			// a long text as two rich-text runs, as Excel saves a cell
			// with a word in bold
			fmt.Fprintf(&s, `<si><r><rPr><b/></rPr><t>%s</t></r><r><t xml:space="preserve">%s</t></r></si>`, esc(t[:sp]), esc(t[sp:]))
			continue
		}
		fmt.Fprintf(&s, `<si><t>%s</t></si>`, esc(t))
	}
	s.WriteString(`</sst>`)
	files["xl/sharedStrings.xml"] = s.String()
	files["xl/styles.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
		`<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`
	files["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			panic(err) // writing to memory
		}
		_, _ = w.Write([]byte(files[n]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// CellName is a cell's A1 name: row and column from 0 ("A1", "AB12").
func CellName(row, col int) string {
	name := ""
	for col++; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return fmt.Sprintf("%s%d", name, row+1)
}

func parseRange(r string) (r0, c0, r1, c1 int) {
	a, b, _ := strings.Cut(r, ":")
	r0, c0 = parseCell(a)
	r1, c1 = parseCell(b)
	return
}

func parseCell(s string) (row, col int) {
	i := 0
	for ; i < len(s) && s[i] >= 'A' && s[i] <= 'Z'; i++ {
		col = col*26 + int(s[i]-'A'+1)
	}
	fmt.Sscan(s[i:], &row)
	return row - 1, col - 1
}

func isInt(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
