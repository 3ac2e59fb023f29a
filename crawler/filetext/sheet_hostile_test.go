package filetext

import (
	"archive/zip"
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/internal/childtest"
	"github.com/vanban/vanban/internal/cputime"
)

// Hostile spreadsheets (i20-filesrev): every one gives a clear error or
// its text, at a bounded cost — in time (each case must finish within
// seconds) and in memory (bytes allocated, a multiple of the limits).

const wbNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// workbookXML lists n sheets, each through relationship rIds[i%len].
func workbookXML(n int, rid func(i int) string) string {
	var b strings.Builder
	b.WriteString(`<workbook ` + wbNS + `><sheets>`)
	for i := range n {
		fmt.Fprintf(&b, `<sheet name="S%d" sheetId="%d" r:id="%s"/>`, i+1, i+1, rid(i))
	}
	b.WriteString(`</sheets></workbook>`)
	return b.String()
}

func relsXML(targets ...string) string {
	var b strings.Builder
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, t := range targets {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Target="%s"/>`, i+1, t)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// zipParts writes a ZIP of parts; a part whose value is a func writes
// itself (a part far larger than the test should hold as a string).
func zipParts(t testing.TB, parts map[string]any) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, p := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		switch p := p.(type) {
		case string:
			_, err = w.Write([]byte(p))
		case func(w func(string)):
			p(func(s string) { _, _ = w.Write([]byte(s)) })
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// repeated writes open, then s n times, then end.
func repeated(open, s string, n int, end string) func(w func(string)) {
	return func(w func(string)) {
		w(open)
		chunk := strings.Repeat(s, max(1, 4096/max(len(s), 1)))
		per := strings.Count(chunk, s)
		for i := 0; i < n; i += per {
			if n-i < per {
				chunk = strings.Repeat(s, n-i)
			}
			w(chunk)
		}
		w(end)
	}
}

// hostileCPU is the CPU time a hostile workbook's read may take, the
// process's user and system time over every thread (the collector's
// too): the largest case reads in 1.2 s of CPU alone, a read whose bound is
// removed runs for minutes (overlapping merges: 4·10^10 steps). CPU time
// is the child process's own, so the load of the machine and other tests
// do not count in it.
const hostileCPU = 30 * time.Second

// bounded runs f, in a child process of its test alone
// (childtest), and fails when f allocates over maxAlloc bytes or the
// process uses over cpu of CPU time (checked every 50 ms: the child is
// ended with a panic naming the bound, for f may never return). Both
// count the reader's own work: no other test runs in the child, and
// neither depends on the machine's speed under load the way a wall-clock
// limit does (TestXLSXHostile failed twice at load 42 under one, and once
// under an allocation bound read while an earlier case's goroutine, left
// running by that limit, still allocated; i30-rev-fuzz).
func bounded(t *testing.T, cpu time.Duration, maxAlloc uint64, f func() error) error {
	t.Helper()
	if !childtest.InChild() {
		t.Fatal("bounded called outside a child process (childtest)")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := cputime.Now()
	stop := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if used := cputime.Now() - start; used > cpu {
					panic(fmt.Sprintf("%s: %v of CPU time, bound %v: the cost is not bounded", t.Name(), used.Round(time.Millisecond), cpu))
				}
			}
		}
	}()
	err := f()
	runtime.ReadMemStats(&after)
	close(stop)
	<-watched
	a := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %.1f MB, %v of CPU time", float64(a)/(1<<20), (cputime.Now() - start).Round(time.Millisecond))
	if a > maxAlloc {
		t.Errorf("allocated %d MB, bound %d MB", a>>20, maxAlloc>>20)
	}
	return err
}

// TestXLSXHostile: hostile workbooks give a clear error (or their text)
// in bounded time and memory. The reader's MaxText is 1 MB: each XML part
// may expand to 16 MB, the text to 1 MB.
func TestXLSXHostile(t *testing.T) {
	const maxText = 1 << 20
	cell := `<c t="inlineStr"><is><t>Sở Tư pháp</t></is></c>`
	sheet := func(body string) string {
		return `<worksheet ` + wbNS + `><sheetData>` + body + `</sheetData></worksheet>`
	}
	one := func(t testing.TB, sheetPart any, more map[string]any) []byte {
		parts := map[string]any{
			"xl/workbook.xml":            workbookXML(1, func(int) string { return "rId1" }),
			"xl/_rels/workbook.xml.rels": relsXML("worksheets/sheet1.xml"),
			"xl/worksheets/sheet1.xml":   sheetPart,
		}
		for k, v := range more {
			parts[k] = v
		}
		return zipParts(t, parts)
	}
	// bytes a case may allocate beyond the default 200 MB: encoding/xml
	// allocates ~150 bytes a token, garbage as it goes (2M tokens here).
	alloc := map[string]uint64{"millions of empty rows": 512 << 20, "millions of shared strings": 512 << 20, "rows over many sheets": 512 << 20}
	big := strings.Repeat("Kế hoạch cải cách hành chính ", 600000/34) // ~600 KB, one shared string
	for _, c := range []struct {
		name string
		data func(t testing.TB) []byte // built in the child process only
		want error                     // nil: read, with want lines among its text
		line string                    // a line the text holds
	}{
		{"sheet XML bomb", func(t testing.TB) []byte {
			return one(t, repeated(`<worksheet><sheetData><row>`, " ", 20<<20, `</row></sheetData></worksheet>`), nil)
		}, ErrTooLarge, ""},
		// 3,000 sheets naming one part of 15 MB (under the part limit): 45 GB inflated unless
		// a part listed twice is read once.
		{"many sheets, one big part", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{
				"xl/workbook.xml":            workbookXML(3000, func(int) string { return "rId1" }),
				"xl/_rels/workbook.xml.rels": relsXML("worksheets/sheet1.xml"),
				"xl/worksheets/sheet1.xml":   repeated(`<worksheet><sheetData><row>`+cell+`</row>`, " ", 15<<20, `</sheetData></worksheet>`),
			})
		}, nil, "Sở Tư pháp"},
		// 40 parts of 15 MB each (a ZIP of 600 KB; 6,000 of them fit in the
		// 100 MB file limit): the parts together are bounded by the one-part limit.
		{"many big parts", func(t testing.TB) []byte {
			parts := map[string]any{"xl/workbook.xml": workbookXML(40, func(i int) string { return fmt.Sprintf("rId%d", i+1) })}
			var targets []string
			for i := range 40 {
				targets = append(targets, fmt.Sprintf("worksheets/sheet%d.xml", i+1))
				parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = repeated(`<worksheet><sheetData><row>`+cell+`</row>`, " ", 15<<20, `</sheetData></worksheet>`)
			}
			parts["xl/_rels/workbook.xml.rels"] = relsXML(targets...)
			return zipParts(t, parts)
		}, ErrTooLarge, ""},
		// one shared string of 600 KB in 500 rows: 300 MB of text unless the text is
		// bounded while it is written.
		{"shared string amplified", func(t testing.TB) []byte {
			return one(t, repeated(`<worksheet><sheetData>`, `<row><c t="s"><v>0</v></c></row>`, 500, `</sheetData></worksheet>`),
				map[string]any{"xl/sharedStrings.xml": `<sst><si><t>` + big + `</t></si></sst>`})
		}, ErrTooLarge, ""},
		{"millions of shared strings", func(t testing.TB) []byte {
			return one(t, sheet(`<row>`+cell+`</row>`), map[string]any{"xl/sharedStrings.xml": repeated(`<sst>`, `<si/>`, 1<<20+1, `</sst>`)})
		}, ErrTooLarge, ""},
		// 1,000 sheets of 1,100 empty rows: each sheet under the bound, the
		// workbook over it (a part per sheet: 40 MB of rows held).
		{"rows over many sheets", func(t testing.TB) []byte {
			parts := map[string]any{"xl/workbook.xml": workbookXML(1000, func(i int) string { return fmt.Sprintf("rId%d", i+1) })}
			var targets []string
			for i := range 1000 {
				targets = append(targets, fmt.Sprintf("worksheets/sheet%d.xml", i+1))
				parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = repeated(`<worksheet><sheetData>`, `<row/>`, 1100, `</sheetData></worksheet>`)
			}
			parts["xl/_rels/workbook.xml.rels"] = relsXML(targets...)
			return zipParts(t, parts)
		}, ErrTooLarge, ""},
		{"millions of empty rows", func(t testing.TB) []byte {
			return one(t, repeated(`<worksheet><sheetData>`, `<row/>`, 1<<20+1, `</sheetData></worksheet>`), nil)
		}, ErrTooLarge, ""},
		// 200,000 rows and 200,000 merges over the whole first column: 4·10^10
		// steps unless the merges' work is bounded (overlapping merges: Excel never writes them).
		{"overlapping merges", func(t testing.TB) []byte {
			return one(t, repeated(`<worksheet><sheetData><row r="1">`+cell+`</row>`, `<row/>`, 200000, `</sheetData><mergeCells>`+
				strings.Repeat(`<mergeCell ref="A1:A1048576"/>`, 200000)+`</mergeCells></worksheet>`), nil)
		}, ErrTooLarge, ""},
		{"whole-sheet merge", func(t testing.TB) []byte {
			return one(t, sheet(`<row r="1">`+cell+`</row><row r="2"><c r="B2"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>`)+
				`<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>`, nil)
		}, nil, "Sở Tư pháp | 1"},
		{"huge references", func(t testing.TB) []byte {
			return one(t, sheet(`<row r="99999999999"><c r="A99999999999"><v>5</v></c><c r="XFD1048576"><v>6</v></c><c r="ZZZZZ1"><v>7</v></c></row>`), nil)
		}, nil, "5"},
		{"shared string out of range", func(t testing.TB) []byte {
			return one(t, sheet(`<row><c t="s"><v>-1</v></c><c t="s"><v>99999999999999999999</v></c><c t="s"><v>1</v></c>`+cell+`</row>`),
				map[string]any{"xl/sharedStrings.xml": `<sst><si><t>a</t></si></sst>`})
		}, nil, "Sở Tư pháp"},
		{"deep nesting", func(t testing.TB) []byte {
			return one(t, repeated(`<worksheet><sheetData><row>`+cell+`</row>`, `<x>`, 1<<20, ``), nil)
		}, ErrDamaged, ""},
		{"missing sheet", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{
				"xl/workbook.xml":            workbookXML(2, func(i int) string { return fmt.Sprintf("rId%d", i+1) }),
				"xl/_rels/workbook.xml.rels": relsXML("worksheets/sheet9.xml", "worksheets/sheet1.xml"),
				"xl/worksheets/sheet1.xml":   sheet(`<row>` + cell + `</row>`),
			})
		}, nil, "Sở Tư pháp"},
		{"no sheet at all", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{
				"xl/workbook.xml":            workbookXML(1, func(int) string { return "rId1" }),
				"xl/_rels/workbook.xml.rels": relsXML("../../../etc/passwd"),
			})
		}, ErrNoText, ""},
		{"entities", func(t testing.TB) []byte {
			return one(t, `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`+
				sheet(`<row><c t="inlineStr"><is><t>&b;</t></is></c></row>`), nil)
		}, ErrDamaged, ""},
		{"external entity", func(t testing.TB) []byte {
			return one(t, `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>`+
				sheet(`<row><c t="inlineStr"><is><t>&x;</t></is></c></row>`), nil)
		}, ErrDamaged, ""},
		{"non-UTF-8 declaration", func(t testing.TB) []byte {
			return one(t, `<?xml version="1.0" encoding="windows-1258"?>`+sheet(`<row>`+cell+`</row>`), nil)
		}, ErrDamaged, ""},
		{"a docx named xlsx", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{"word/document.xml": `<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Sở Tư pháp</w:t></w:r></w:p></w:body></w:document>`})
		}, nil, "Sở Tư pháp"},
		// Read by its bytes, as the DOCX (ODT is read since i21-files).
		{"an odt named xlsx", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content><office:body><office:text><text:p>Sở Tư pháp</text:p></office:text></office:body></office:document-content>"})
		}, nil, "Sở Tư pháp"},
		{"a zip named xlsx", func(t testing.TB) []byte {
			return zipParts(t, map[string]any{"mimetype": "application/epub+zip", "content.xml": "<x/>"})
		}, ErrUnsupported, ""},
		{"password-protected xlsx", func(t testing.TB) []byte {
			return filetexttest.CFB(filetexttest.Stream{Name: "EncryptionInfo", Data: make([]byte, 300)},
				filetexttest.Stream{Name: "EncryptedPackage", Data: make([]byte, 9000)})
		}, ErrEncrypted, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !childtest.In(t, "") {
				childtest.Pass(t) // the case alone in a process: its allocation and CPU time are the reader's
				return
			}
			data := c.data(t)
			// Timeout 0: the default (10 minutes), never reached here;
			// the cost is bounded by bounded's counts, not the clock.
			r := NewReader(Options{Limits: Limits{MaxText: maxText}})
			var res *Result
			err := bounded(t, hostileCPU, cmp.Or(alloc[c.name], 200<<20)+uint64(len(data)), func() (err error) {
				res, err = r.Read(context.Background(), "pl.xlsx", data)
				return err
			})
			if c.want != nil {
				if !errors.Is(err, c.want) {
					t.Fatalf("err %v; want %v", err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(resultLines(res), "\n"); !strings.Contains(got, c.line) {
				t.Errorf("text %q; want a line %q", got, c.line)
			}
		})
	}
}

// TestXLSXContext: a read whose context ends stops between parts and
// rows — readXLSX honours ctx as the tools' runs do.
func TestXLSXContext(t *testing.T) {
	cell := `<row><c t="inlineStr"><is><t>Sở Tư pháp</t></is></c></row>`
	data := zipParts(t, map[string]any{
		"xl/workbook.xml":            workbookXML(1, func(int) string { return "rId1" }),
		"xl/_rels/workbook.xml.rels": relsXML("worksheets/sheet1.xml"),
		"xl/worksheets/sheet1.xml":   repeated(`<worksheet><sheetData>`, cell, 100, `</sheetData></worksheet>`),
	})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := NewReader(Options{}).Read(ctx, "pl.xlsx", data); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v; want context.Canceled", err)
	}
}

// TestSheetLegacyText: a workbook typed in a TCVN3 font (.VnTime: the
// cells hold the font's bytes as Latin-1 characters) is decoded as a
// DOC's text is, in XLSX and in XLS (through xls2csv). Text written for
// this test.
func TestSheetLegacyText(t *testing.T) {
	rows := [][]string{
		{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"},
		{"1", "Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai", "Sở Tài nguyên và Môi trường", "Quý II/2025"},
		{"2", "Tổ chức đối thoại với doanh nghiệp về thủ tục đầu tư", "Sở Kế hoạch và Đầu tư", "Năm 2025"},
	}
	legacy := make([][]string, len(rows))
	for i, r := range rows {
		for _, c := range r {
			b, err := viet.EncodeTCVN3(c)
			if err != nil {
				t.Fatal(err)
			}
			// each byte a Latin-1 character, as Excel holds a .VnTime cell's text
			lat := make([]rune, len(b))
			for j, x := range b {
				lat[j] = rune(x)
			}
			legacy[i] = append(legacy[i], string(lat))
		}
	}
	want := "1 | Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai | Sở Tài nguyên và Môi trường | Quý II/2025"
	sh := filetexttest.Sheet{Name: "PL", Rows: legacy}
	for _, c := range []struct {
		name string
		data []byte
		tool string
	}{{"xlsx", filetexttest.XLSX(sh), ""}, {"xls", filetexttest.XLS(sh), "xls2csv"}} {
		t.Run(c.name, func(t *testing.T) {
			if c.tool != "" {
				filetexttest.RequireTools(t, c.tool)
			}
			res, err := NewReader(Options{}).Read(context.Background(), "pl."+c.name, c.data)
			if err != nil {
				t.Fatal(err)
			}
			if got := resultLines(res); res.Encoding != "tcvn3" || !strings.Contains(strings.Join(got, "\n"), want) {
				t.Errorf("encoding %q, lines %q; want tcvn3 and %q", res.Encoding, got, want)
			}
		})
	}
}

// TestXLSToolHostile runs XLS reads through stand-ins for xls2csv (shell
// scripts: the external tool misbehaving, not our code): one that hangs —
// directly or through a child holding its output open — is stopped at
// the file's time limit; one that floods its output is stopped at
// MaxText; noise on standard error beside good output is ignored; a
// failure naming a password is ErrEncrypted.
func TestXLSToolHostile(t *testing.T) {
	sh, err1 := exec.LookPath("sh")
	sleep, err2 := exec.LookPath("sleep")
	yes, err3 := exec.LookPath("yes")
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Skipf("no sh, sleep or yes: %v", err)
	}
	data := filetexttest.XLS(annexSheet())
	for _, c := range []struct {
		name, script string
		want         error
	}{
		{"hangs", "exec " + sleep + " 3600", context.DeadlineExceeded},
		{"a child hangs", sleep + ` 3600 & echo $! >"${0%/*}/child.pid"; wait; echo done`, context.DeadlineExceeded},
		{"floods", "exec " + yes + " '\"Sở Tư pháp\",\"Quý IV/2025\"'", ErrTooLarge},
		{"noise", `echo "warning: unknown record 0x0809" >&2; printf '"STT","Nhiệm vụ"\n"1","Rà soát thủ tục"\n'; echo more noise >&2`, nil},
		{"password", `echo "File is encrypted with a password" >&2; exit 1`, ErrEncrypted},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "xls2csv"), []byte("#!"+sh+"\n"+c.script+"\n"), 0o755); err != nil {
				t.Fatal(err)
			}
			t.Setenv("PATH", dir)
			// the child the killed converter leaves holding its output is
			// ended here, not left to sleep out its hour
			t.Cleanup(func() {
				if b, err := os.ReadFile(filepath.Join(dir, "child.pid")); err == nil {
					if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
						if p, err := os.FindProcess(pid); err == nil {
							p.Kill()
						}
					}
				}
			})
			r := NewReader(Options{Limits: Limits{MaxText: 1 << 20, Timeout: time.Second}})
			// the error says what ended the run (the time limit, the size
			// limit); a converter (or its child) not killed at the limit
			// runs for an hour, so the minute below is a hang guard, not
			// a bound on a loaded machine's wall time
			type result struct {
				res *Result
				err error
			}
			done := make(chan result, 1)
			go func() {
				res, err := r.Read(context.Background(), "pl.xls", data)
				done <- result{res, err}
			}()
			var res *Result
			var err error
			select {
			case got := <-done:
				res, err = got.res, got.err
			case <-time.After(time.Minute):
				t.Fatal("still reading after a minute; the time limit is 1 s")
			}
			if c.want != nil {
				if !errors.Is(err, c.want) {
					t.Fatalf("err %v; want %v", err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := resultLines(res); !slices.Equal(got, []string{"STT | Nhiệm vụ", "1 | Rà soát thủ tục"}) {
				t.Errorf("lines %q", got)
			}
		})
	}
}

// hostileCFBs are compound files damaged in their header, FAT, DIFAT or
// directory chain (seeds of FuzzCFB too), each from a file the CFB writer
// wrote: a workbook of 8,000 bytes (sectors) beside a small stream (the
// mini stream).
func hostileCFBs() map[string][]byte {
	le := binary.LittleEndian
	base := func() []byte {
		return filetexttest.CFB(filetexttest.Stream{Name: "Workbook", Data: make([]byte, 8000)}, filetexttest.Stream{Name: "\x05SummaryInformation", Data: make([]byte, 200)})
	}
	patch := func(f func(b []byte)) []byte { b := base(); f(b); return b }
	fatEntry := func(b []byte, n uint32) int { // offset of sector n's FAT entry
		return int(le.Uint32(b[0x4C:])+1)*512 + 4*int(n)
	}
	return map[string][]byte{
		"zero bytes":        {},
		"signature only":    []byte(cfbSignature),
		"header truncated":  base()[:300],
		"sector shift 0":    patch(func(b []byte) { le.PutUint16(b[0x1E:], 0) }),
		"sector shift 30":   patch(func(b []byte) { le.PutUint16(b[0x1E:], 30) }),
		"sector shift 12":   patch(func(b []byte) { le.PutUint16(b[0x1E:], 12) }), // 4 KB sectors in a 512-byte file
		"FAT count huge":    patch(func(b []byte) { le.PutUint32(b[0x2C:], 0xFFFFFFF0) }),
		"FAT sector out":    patch(func(b []byte) { le.PutUint32(b[0x4C:], 0x7FFFFFF0) }),
		"directory out":     patch(func(b []byte) { le.PutUint32(b[0x30:], 0x00FFFFFF) }),
		"directory loop":    patch(func(b []byte) { d := le.Uint32(b[0x30:]); le.PutUint32(b[fatEntry(b, d):], d) }),
		"directory to free": patch(func(b []byte) { d := le.Uint32(b[0x30:]); le.PutUint32(b[fatEntry(b, d):], 0xFFFFFFFF) }),
		"DIFAT loop": patch(func(b []byte) {
			le.PutUint32(b[0x2C:], 200) // more FAT sectors than the header lists: the DIFAT chain
			le.PutUint32(b[0x44:], 0)   // whose first sector points to itself
			le.PutUint32(b[512+508:], 0)
		}),
	}
}

// TestCFBHostile: a damaged compound file's directory is an error (the
// file then left to antiword as a DOC, as before the reader), never a
// panic or a loop; a directory chain looping in a 6 MB file is found at
// once, not after a walk of its 12,288 sectors.
func TestCFBHostile(t *testing.T) {
	for name, b := range hostileCFBs() {
		t.Run(name, func(t *testing.T) {
			names, err := cfbStreams(b)
			if name == "directory to free" {
				return // the first directory sector is read; the chain then leaves
			}
			if err == nil {
				t.Errorf("streams %q, no error", names)
			}
			if len(b) >= 8 {
				if k, err := Sniff(b); k != DOC || err != nil {
					t.Errorf("Sniff = %q, %v; want doc (left to antiword)", k, err)
				}
			}
		})
	}
	// A 6 MB file whose directory chain loops on its first sector.
	le := binary.LittleEndian
	b := filetexttest.CFB(filetexttest.Stream{Name: "Workbook", Data: make([]byte, 6<<20)})
	d := le.Uint32(b[0x30:])
	fat := le.Uint32(b[0x4C+4*int(d/128):])
	le.PutUint32(b[int(fat+1)*512+4*int(d%128):], d)
	allocs := testing.AllocsPerRun(3, func() {
		if _, err := cfbStreams(b); err == nil {
			t.Fatal("a looping directory chain read")
		}
	})
	if allocs > 100 {
		t.Errorf("%.0f allocations reading a looping chain: the loop is walked", allocs)
	}
}
