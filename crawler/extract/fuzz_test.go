package extract

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vanban/vanban/internal/cputime"

	"github.com/vanban/vanban/corpus/viet"
)

// FuzzExtract checks that any input extracts without panicking and yields
// valid UTF-8. Seeds are the golden pages. Crashers go to testdata/fuzz/.
//
//	go test -run '^$' -fuzz FuzzExtract -fuzztime 60s ./crawler/extract
func FuzzExtract(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.html"))
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, "")
		}
	}
	f.Add([]byte("<p>ngày 5 tháng 7 năm 2024</p>\xff\xfe"), "text/html; charset=windows-1258")
	f.Add([]byte("<table><tr><td>Số ký hiệu<td>1/QĐ"), "text/html; charset=bogus")
	// An annex list and table (annex.go), one list under a related heading.
	f.Add([]byte(chromePage(annexPlan+`<p>Phụ lục kèm theo:</p><ul><li><a href="/xem/1">Phụ lục I: Danh mục nhiệm vụ</a> (<a href="/1.pdf">tải về</a>)</li></ul>
<table><tbody><tr><td>Biểu 01</td><td><a href="/xem/2">Tổng hợp kết quả</a></td><td><a href="/2.xls">Tải về</a></td></tr></tbody></table>
<p>Văn bản liên quan:</p><ol><li><a href="/xem/3">Mẫu số 03 kèm theo Kế hoạch 88</a></li></ol>`, "")), "")
	u, _ := url.Parse("https://example.gov.vn/a/b.html")
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		a, err := Extract(body, ct, u, Options{BodySelector: "div[", DateOrder: MonthFirst})
		if err != nil {
			return
		}
		for _, s := range append([]string{a.Title, a.Published, a.Summary, a.Body, a.Category, a.Number, a.Type, a.Issuer}, a.Attachments...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q", s)
			}
		}
	})
}

// FuzzParseDate checks that parseDate never panics and returns "" or a
// valid YYYY-MM-DD.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"ngày 23 tháng 11 năm 2022", "6/30/2025 10:00 AM", "2024-07-05T08:30:00+07:00", "31.12.1999", "0/0/0000",
		"Hanoi, March 5, 2026", "le 1er février 2025", "22 de janeiro de 2018 às 0:13", "Ha Noi, ngay 05 thang 3 nam 2026", "Hà Nội, 05/3/2026"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, mdy bool) {
		order := DayFirst
		if mdy {
			order = MonthFirst
		}
		// A date line's place is a prefix of the line (placeDate).
		if pl := placeDate(s); pl != "" && !strings.HasPrefix(strings.TrimSpace(s), pl) {
			t.Fatalf("placeDate(%q) = %q", s, pl)
		}
		d := parseDate(s, order)
		if d == "" {
			return
		}
		if _, err := time.Parse("2006-01-02", d); err != nil {
			t.Fatalf("parseDate(%q) = %q: %v", s, d, err)
		}
	})
}

// TestHugeAndGarbage feeds a 6 MB page and binary junk: extraction must end
// without panic (errors are allowed, e.g. nesting over 512) at a bounded
// cost. The bound is on the process's CPU time, not wall time (which a
// loaded machine inflates), and generous: a linear pass takes 1–3 s of
// CPU on 6 MB, a quadratic one would take hours.
func TestHugeAndGarbage(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	para := "<p>Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng của nghị định này, bao gồm các cơ quan, tổ chức.</p>\n"
	huge := "<html><body><div class=content>" + strings.Repeat(para, 6<<20/len(para)) + "</div></body></html>"
	garbage := make([]byte, 6<<20)
	for i := range garbage {
		garbage[i] = byte(i*7919 + i>>3)
	}
	nested := strings.Repeat("<div><span><b>", 100000)
	for _, in := range [][]byte{[]byte(huge), garbage, []byte(nested), bytes.Repeat([]byte("<"), 1<<20)} {
		start := cputime.Now()
		a, err := Extract(in, "", nil, Options{})
		if err == nil && !utf8.ValidString(a.Body) {
			t.Errorf("invalid UTF-8 body")
		}
		if d := cputime.Now() - start; d > 20*time.Second {
			t.Errorf("Extract of %d bytes took %v of CPU", len(in), d)
		}
	}
}

// FuzzClean checks the fast path: clean(s) is viet.Clean(s).
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Nghị quyết", "a\u00a0b", "x\u200by", "Ðà Nẵng", "ｆｕｌｌ", "e\u0301", "\x01", "\xff", "tab\tnl\n", "\u2028", "\u202f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), viet.Clean(s); got != want {
			t.Fatalf("clean(%q) = %q, viet.Clean = %q", s, got, want)
		}
	})
}
