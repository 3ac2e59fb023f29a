package filetext

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/crawler/extract"
)

// PDF: pdfinfo gives the page count (refused over MaxPages, and the first
// sign of an encrypted or damaged file); `pdftotext -bbox-layout` gives
// every word with its box and text block, streamed and capped; each page
// then goes through layout (layout.go), legacy decoding (legacy.go) and a
// quality check. A page whose text is not usable — no text layer, only a
// digital-signature stamp, a vector-outline page, a layer that is not
// Vietnamese (bad embedded OCR, mojibake that does not decode) — is OCR'd
// (ocr.go), page by page.

// pdfPage is one page of the text layer.
type pdfPage struct {
	w, h  float64
	words []word
}

func (r *Reader) readPDF(ctx context.Context, data []byte, res *Result) ([]line, error) {
	dir, path, err := tempCopy(data, "in.pdf")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	n, err := r.pdfPages(ctx, path)
	if err != nil {
		return nil, err
	}
	if n > r.opt.Limits.MaxPages {
		return nil, fmt.Errorf("%w: %d pages, limit %d", ErrTooLarge, n, r.opt.Limits.MaxPages)
	}
	res.Pages = n
	pages, err := r.textLayer(ctx, path, n)
	if err != nil {
		return nil, err
	}
	for len(pages) < n {
		pages = append(pages, pdfPage{})
	}
	// Rows of every page, stamps removed, legacy runs decoded.
	rows := make([][]row, n)
	for i := range pages {
		rows[i] = buildRows(dropStamps(pages[i]), true)
	}
	if enc := decodeRows(rows); enc != asIs {
		res.Encoding = enc.String()
	}
	dropRunning(rows)
	texts := make([][]string, n)
	var needOCR []int
	var images map[int]pageImage
	for i := range rows {
		texts[i] = pageLines(rows[i])
		q := measure(strings.Join(texts[i], "\n"))
		if q.usable() {
			continue
		}
		if q.garbled() || len(pages[i].words) == 0 {
			needOCR = append(needOCR, i)
			continue
		}
		// A little valid text: a short last page, or a scan carrying
		// only a stamp's text. Only a page-sized image tells.
		if images == nil {
			images = r.pageImages(ctx, path, pages)
		}
		if im, known := images[i]; !known || im.cover >= 0.3 {
			needOCR = append(needOCR, i)
		}
	}
	if len(needOCR) > 0 {
		if images == nil {
			images = r.pageImages(ctx, path, pages)
		}
		if err := r.ocrPages(ctx, path, dir, needOCR, images, texts, res); err != nil {
			return nil, err
		}
		if len(res.OCRPages) == n {
			res.Encoding = "" // the decoded text layer was all replaced
		}
		if len(res.OCRPages) > 0 && res.OCRPages[0] == 1 && !r.noHeadReread {
			if first, ok := needsHeadRead(texts[0], res.unsure); ok {
				start := time.Now()
				res.head, err = r.rereadHeader(ctx, path, dir, pages[0].w, pages[0].h, r.ocrDPI(images, 0), first)
				res.headTook = time.Since(start)
				if err != nil {
					return nil, fmt.Errorf("ocr page 1: %w", err)
				}
			}
		}
	}
	var lines []line
	for i, t := range texts {
		for _, s := range t {
			lines = append(lines, line{text: s, page: i + 1})
		}
	}
	return lines, nil
}

// pageImage describes a page's largest image: the share of the page it
// covers and its resolution in pixels per inch.
type pageImage struct{ cover, ppi float64 }

// pageImages returns, per page index, its largest image, from `pdfimages
// -list`. The map is empty when the listing failed: every page is then
// unknown to the caller.
func (r *Reader) pageImages(ctx context.Context, path string, pages []pdfPage) map[int]pageImage {
	out, err := r.tools.run(ctx, "pdfimages", []string{"-list", path}, 4<<20)
	cover := map[int]pageImage{}
	if err != nil {
		return cover
	}
	for i := range pages {
		cover[i] = pageImage{}
	}
	for _, l := range strings.Split(string(out), "\n") {
		f := strings.Fields(l)
		if len(f) < 14 || f[2] != "image" {
			continue
		}
		page, err1 := strconv.Atoi(f[0])
		w, err2 := strconv.ParseFloat(f[3], 64)
		h, err3 := strconv.ParseFloat(f[4], 64)
		xppi, err4 := strconv.ParseFloat(f[12], 64)
		yppi, err5 := strconv.ParseFloat(f[13], 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || err5 != nil || page < 1 || page > len(pages) || xppi <= 0 || yppi <= 0 {
			continue
		}
		p := pages[page-1]
		if p.w <= 0 || p.h <= 0 {
			continue
		}
		c := (w / xppi * 72) * (h / yppi * 72) / (p.w * p.h)
		if c > cover[page-1].cover {
			cover[page-1] = pageImage{cover: c, ppi: min(xppi, yppi)}
		}
	}
	return cover
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// pdfPages runs pdfinfo for the page count, classifying its failures.
func (r *Reader) pdfPages(ctx context.Context, path string) (int, error) {
	out, err := r.tools.run(ctx, "pdfinfo", []string{path}, 1<<20)
	if err != nil {
		return 0, pdfError(err)
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("%w: pdfinfo found no page count", ErrDamaged)
	}
	n, err := strconv.Atoi(string(m[1]))
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%w: %d pages", ErrDamaged, n)
	}
	return n, nil
}

// pdfError maps a poppler failure to ErrEncrypted or ErrDamaged.
func pdfError(err error) error {
	return classify(err, []failure{
		{ErrEncrypted, "", []string{"password", "encrypt"}},
		{ErrDamaged, "", []string{"syntax error", "xref", "may not be a pdf"}},
	}, nil)
}

// textLayer streams `pdftotext -bbox-layout` for pages 1..n.
func (r *Reader) textLayer(ctx context.Context, path string, n int) ([]pdfPage, error) {
	var pages []pdfPage
	limit := 16 * r.opt.Limits.MaxText
	args := []string{"-bbox-layout", "-enc", "UTF-8", "-f", "1", "-l", strconv.Itoa(n), path, "-"}
	err := r.tools.stream(ctx, "pdftotext", args, func(out io.Reader) error {
		lr := &io.LimitedReader{R: out, N: limit + 1}
		var err error
		pages, err = parseBBox(lr)
		if lr.N <= 0 {
			return fmt.Errorf("%w: pdftotext output over %d bytes", ErrTooLarge, limit)
		}
		return err
	})
	if err != nil {
		return nil, pdfError(err)
	}
	return pages, nil
}

// parseBBox reads pdftotext's XHTML word boxes: page > flow > block >
// line > word with xMin/yMin/xMax/yMax attributes.
func parseBBox(r io.Reader) ([]pdfPage, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var pages []pdfPage
	block, line := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return pages, nil
		}
		if err != nil {
			return pages, fmt.Errorf("%w: pdftotext output: %v", ErrDamaged, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			pages = append(pages, pdfPage{w: attrFloat(se, "width"), h: attrFloat(se, "height")})
		case "block":
			block++
		case "line":
			line++
		case "word":
			if len(pages) == 0 {
				continue
			}
			var text string
			if err := dec.DecodeElement(&text, &se); err != nil {
				return pages, fmt.Errorf("%w: pdftotext output: %v", ErrDamaged, err)
			}
			p := &pages[len(pages)-1]
			p.words = append(p.words, word{
				x0: attrFloat(se, "xMin"), y0: attrFloat(se, "yMin"),
				x1: attrFloat(se, "xMax"), y1: attrFloat(se, "yMax"),
				text: text, block: block, line: line, conf: -1,
			})
		}
	}
}

func attrFloat(se xml.StartElement, name string) float64 {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			f, _ := strconv.ParseFloat(a.Value, 64)
			return f
		}
	}
	return 0
}

// dropStamps removes the text blocks of digital-signature stamps ("Ký bởi:
// …", "Thời gian ký: …") and publication stamps (a small block holding a
// signing time such as "24.01.2025 20:01:14" next to the Công báo name):
// they are not the document's text.
func dropStamps(p pdfPage) []word {
	type blk struct {
		words  []word
		lines  int
		x0, x1 float64
		text   strings.Builder
		lastY  float64
	}
	byBlock := map[int]*blk{}
	var order []int
	for _, w := range p.words {
		b := byBlock[w.block]
		if b == nil {
			b = &blk{x0: w.x0, x1: w.x1, lastY: -1}
			byBlock[w.block] = b
			order = append(order, w.block)
		}
		if w.y0 > b.lastY+0.5*(w.y1-w.y0) {
			b.lines++
			b.text.WriteByte('\n')
		} else {
			b.text.WriteByte(' ')
		}
		b.lastY = w.y0
		b.words = append(b.words, w)
		b.x0, b.x1 = min(b.x0, w.x0), max(b.x1, w.x1)
		b.text.WriteString(w.text)
	}
	var out []word
	for _, id := range order {
		b := byBlock[id]
		if b.lines <= 8 && extract.IsStampText(b.text.String(), p.w > 0 && b.x1-b.x0 < 0.45*p.w) {
			continue
		}
		out = append(out, b.words...)
	}
	return out
}

// decodeRows decodes legacy-font runs (one run per row cell) in place.
func decodeRows(pages [][]row) encoding {
	runs := make([][][]string, len(pages))
	for p := range pages {
		for i := range pages[p] {
			for _, c := range pages[p][i].cells {
				toks := make([]string, len(c))
				for j, w := range c {
					toks[j] = w.text
				}
				runs[p] = append(runs[p], toks)
			}
		}
	}
	enc := decodeRuns(runs)
	for p := range pages {
		k := 0
		for i := range pages[p] {
			for _, c := range pages[p][i].cells {
				for j := range c {
					c[j].text = runs[p][k][j]
				}
				k++
			}
		}
	}
	return enc
}

// dropRunning removes page numbers and running heads: a first or last row
// that is only a number ("2", "- 2 -", "Trang 2"), or whose text with digits
// masked repeats at the top or bottom of at least three pages (Công báo
// "CÔNG BÁO/Số 253 + 254/Ngày 15-02-2021").
func dropRunning(pages [][]row) {
	count := map[string]int{}
	edge := func(rows []row) []int {
		switch len(rows) {
		case 0:
			return nil
		case 1:
			return []int{0}
		}
		return []int{0, len(rows) - 1}
	}
	for _, rows := range pages {
		for _, i := range edge(rows) {
			count[maskDigits(rows[i].text())]++
		}
	}
	for p, rows := range pages {
		drop := map[int]bool{}
		for _, i := range edge(rows) {
			t := rows[i].text()
			if pageNumber.MatchString(t) || (count[maskDigits(t)] >= 3 && len(pages) >= 3) {
				drop[i] = true
			}
		}
		if len(drop) == 0 {
			continue
		}
		kept := rows[:0]
		for i, r := range rows {
			if !drop[i] {
				kept = append(kept, r)
			}
		}
		pages[p] = kept
	}
}

var pageNumber = regexp.MustCompile(`^(?i:trang\s*)?[-–—\s]*\d{1,4}[-–—\s]*$|^\d{1,4}\s*/\s*\d{1,4}$`)

func maskDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '#'
		}
		return r
	}, s)
}
