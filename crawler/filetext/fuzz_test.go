package filetext

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Fuzz tests for the parsers of this package. Run one with, e.g.
//
//	go test -run '^$' -fuzz FuzzDOCX -fuzztime 60s ./crawler/filetext
//
// Crashers go to testdata/fuzz/.

// FuzzDOCX reads any word/document.xml (and numbering.xml) through the
// whole DOCX path: an error or valid UTF-8 text, never a panic.
func FuzzDOCX(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join(fixtures, "236-KH-UBND.docx")); err == nil {
		if r, err := NewReader(Options{}).Read(context.Background(), "seed", b); err == nil {
			f.Add([]byte(strings.Join(strings.Split(r.Body, "\n"), "</w:t></w:r></w:p><w:p><w:r><w:t>")), []byte(""))
		}
	}
	f.Add([]byte(`<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t>QuyÕt ®Þnh</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Nơi nhận:</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>KT. CHỦ TỊCH</w:t><w:br/><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`),
		[]byte(`<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="1"><w:start w:val="-5"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1.%2.%9"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`))
	f.Add([]byte(`<w:p><w:r><w:t>a</w:t></w:r><w:p><w:r><w:sym/><w:tab/><w:t>`), []byte(`<w:numbering>`))
	r := NewReader(Options{Limits: Limits{MaxText: 1 << 20}})
	f.Fuzz(func(t *testing.T, document, numbering []byte) {
		data := zipOf(t, map[string]string{"word/document.xml": string(document), "word/numbering.xml": string(numbering)})
		res, err := r.Read(context.Background(), "fuzz.docx", data)
		if err != nil {
			return
		}
		for _, s := range []string{res.Title, res.Body, res.Number, res.Type, res.Issuer, res.Summary, res.Signer} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q", s)
			}
		}
	})
}

// layoutVocabulary are the words the layout fuzzer places; none is a rule,
// a legacy glyph or ends in "-", so every one must come out unchanged.
var layoutVocabulary = []string{"Số:", "45/KH-UBND", "CỘNG", "HÒA", "XÃ", "HỘI", "Độc", "lập", "ngày", "tháng", "năm",
	"Nơi", "nhận:", "KT.", "CHỦ", "TỊCH", "1.", "a)", "-", "Căn", "cứ", "Điều", "2024", "Hà", "Nội,", "quy", "định", "+"}

// FuzzLayout places words from the fuzzer's bytes on a page and checks
// that layout (rows, cells, two-column parts, table lines, paragraphs)
// loses no word.
func FuzzLayout(f *testing.F) {
	f.Add([]byte{10, 10, 30, 12, 0, 0, 80, 10, 30, 12, 2, 1, 10, 30, 40, 12, 1, 2, 80, 30, 40, 12, 14, 3})
	f.Add(bytes.Repeat([]byte{5, 5, 5, 5, 5, 5}, 20))
	f.Fuzz(func(t *testing.T, b []byte) {
		var words []word
		for i := 0; i+6 <= len(b) && len(words) < 400; i += 6 {
			x, y := float64(b[i])*3, float64(b[i+1])*4
			words = append(words, word{x0: x, y0: y, x1: x + float64(b[i+2]%60) + 1, y1: y + float64(b[i+3]%20) + 4,
				text: layoutVocabulary[int(b[i+4])%len(layoutVocabulary)], line: int(b[i+5] % 8), conf: -1})
		}
		out := strings.Join(pageLines(buildRows(words, true)), "\n")
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 %q", out)
		}
		hs := make([]float64, len(words))
		for i, w := range words {
			hs[i] = w.y1 - w.y0
		}
		medH := median(hs)
		for _, w := range words {
			if h := w.y1 - w.y0; h > 4*medH && w.x1-w.x0 < h || ruleLine(w.text+w.text+w.text) {
				continue // vertical text, and rows of bullets alone ("+ +"), are left out on purpose
			}
			if !strings.Contains(out, w.text) {
				t.Fatalf("word %q lost:\n%s", w.text, out)
			}
		}
	})
}

// FuzzDocLines parses antiword-style output: no panic, valid UTF-8, and
// ASCII words (nothing to decode) kept.
func FuzzDocLines(f *testing.F) {
	f.Add("|Số: 1/QĐ |Hà Nội, ngày 1 tháng 1 năm 2000|\n\fQuyÕt ®Þnh\tcña\n|a||b|\n")
	f.Add("Ch\u00ad\u00acng tr\u00d7nh\n- Lưu: VT.\n||\n|")
	f.Fuzz(func(t *testing.T, s string) {
		lines, _ := docLines(s)
		var out strings.Builder
		for _, l := range lines {
			if !utf8.ValidString(l.text) && utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q from %q", l.text, s)
			}
			if l.page < 1 {
				t.Fatalf("page %d", l.page)
			}
			out.WriteString(l.text + "\n")
		}
		for _, l := range strings.Split(s, "\n") {
			if strings.IndexFunc(l, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
				continue // a line of dashes or stars is decoration
			}
			for _, w := range strings.Fields(strings.ReplaceAll(l, "|", " ")) {
				if isASCIIWord(w) && !strings.Contains(out.String(), w) {
					t.Fatalf("word %q lost from %q: %q", w, s, out.String())
				}
			}
		}
	})
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 0x21 || w[i] > 0x7e {
			return false
		}
	}
	return w != ""
}

// FuzzToolOutput feeds pdftotext's and Tesseract's output parsers.
func FuzzToolOutput(f *testing.F) {
	f.Add([]byte(`<doc><page width="595" height="842"><flow><block><line><word xMin="1" yMin="2" xMax="3" yMax="4">Số:</word></line></block></flow></page></doc>`))
	f.Add([]byte("level\tpage_num\n5\t1\t1\t1\t1\t1\t10\t20\t30\t12\t96.5\tCăn\n5\t1\t1\t1\t1\t2\tx\t\t\t\t\t\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		pages, _ := parseBBox(bytes.NewReader(b))
		for _, p := range pages {
			_ = pageLines(buildRows(dropStamps(p), true))
		}
		_ = pageLines(buildRows(parseTSV(b), true))
	})
}

// FuzzDecode: legacy decoding of any tokens gives valid UTF-8 and leaves
// Unicode Vietnamese alone.
func FuzzDecode(f *testing.F) {
	f.Add("QuyÕt ®Þnh cña Thñ t−íng", "Quyết định của")
	f.Add("Quyeát ñònh soá", "1/QĐ")
	f.Fuzz(func(t *testing.T, a, b string) {
		runs := [][][]string{{strings.Fields(a), strings.Fields(b)}}
		before := strings.Join(runs[0][1], " ")
		decodeRuns(runs)
		for _, run := range runs[0] {
			for _, tok := range run {
				if !utf8.ValidString(tok) && utf8.ValidString(a) && utf8.ValidString(b) {
					t.Fatalf("invalid UTF-8 %q", tok)
				}
			}
		}
		if vietUnicodeAny(before) && strings.Join(runs[0][1], " ") != before {
			t.Fatalf("Unicode run changed: %q → %q", before, strings.Join(runs[0][1], " "))
		}
	})
}

func vietUnicodeAny(s string) bool {
	for _, t := range strings.Fields(s) {
		if vietUnicode(t) {
			return true
		}
	}
	return false
}
