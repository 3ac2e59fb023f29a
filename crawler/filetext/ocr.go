package filetext

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// OCR: a page is rendered by pdftoppm (grey PGM, Options.DPI, annotations
// hidden so the digital-signature stamp drawn over the page is not read;
// a page scanned at under half that resolution is rendered at 4/3 of it:
// the characters of a 100-dpi scan then reach the size Tesseract reads
// best, 0.69 → 0.77 of the word pairs on a 87-dpi page)
// and read by `tesseract -l vie --psm 3` as TSV: every word with its box
// and confidence, which goes through the same layout as a text layer.
// Pages run OCRWorkers at a time; at most MaxOCRPages per file, the rest
// are listed in Result.OCRSkipped, and none of a file longer than
// OCRFilePages pages.

// ocrPages replaces texts[i] for every page i in need with its OCR text.
func (r *Reader) ocrPages(ctx context.Context, pdf, dir string, need []int, images map[int]pageImage, texts [][]string, res *Result) error {
	limit := r.opt.Limits.MaxOCRPages
	if r.opt.NoOCR || limit < 0 || res.Pages > r.opt.Limits.OCRFilePages {
		limit = 0
	}
	todo := need
	if len(todo) > limit {
		todo = need[:limit]
		for _, i := range need[limit:] {
			res.OCRSkipped = append(res.OCRSkipped, i+1)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	for _, tool := range []string{"pdftoppm", "tesseract"} {
		if _, err := r.tools.path(tool); err != nil {
			return err
		}
	}
	if err := r.tools.tesseractLang(ctx, r.opt.Lang); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		sem      = make(chan struct{}, r.opt.OCRWorkers)
	)
	for _, i := range todo {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			lines, unsure, err := r.ocrPage(ctx, pdf, dir, i+1, r.ocrDPI(images, i))
			mu.Lock()
			defer mu.Unlock()
			res.unsure = append(res.unsure, unsure...)
			if err != nil {
				if firstErr == nil {
					firstErr = fmt.Errorf("ocr page %d: %w", i+1, err)
				}
				cancel()
				return
			}
			texts[i] = lines
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, i := range todo {
		res.OCRPages = append(res.OCRPages, i+1)
	}
	return nil
}

// ocrDPI is the resolution page i is rendered at for OCR.
func (r *Reader) ocrDPI(images map[int]pageImage, i int) int {
	dpi := r.opt.DPI
	if im, ok := images[i]; ok && im.cover >= 0.3 && im.ppi > 0 && im.ppi < float64(dpi)/2 {
		dpi = dpi * 4 / 3
	}
	return dpi
}

// ocrPage renders page n and reads it. It also returns the words holding
// digits that Tesseract read with low confidence (handwritten numbers).
func (r *Reader) ocrPage(ctx context.Context, pdf, dir string, n, dpi int) ([]string, []string, error) {
	root := filepath.Join(dir, "p"+strconv.Itoa(n))
	ps := strconv.Itoa(n)
	// PGM, not PNG: the same pixels for Tesseract, without the zlib
	// compression that took pdftoppm 12 s of CPU for one A4 page at 300 dpi
	// (0.12 s as PGM, measured when this was written; the OCR cost of a page
	// is in docs/log/perf-document-files.md).
	_, err := r.tools.run(ctx, "pdftoppm", []string{"-r", strconv.Itoa(dpi), "-gray", "-hide-annotations",
		"-f", ps, "-l", ps, "-singlefile", pdf, root}, 1<<20)
	if err != nil {
		return nil, nil, pdfError(err)
	}
	img := root + ".pgm"
	defer os.Remove(img)
	out, err := r.tesseract(ctx, img, "-l", r.opt.Lang, "--psm", strconv.Itoa(r.opt.PSM), "tsv")
	if err != nil {
		return nil, nil, err
	}
	words := parseTSV(out)
	var unsure []string
	for _, w := range words {
		if w.conf < unsureConf && strings.ContainsAny(w.text, "0123456789") {
			unsure = append(unsure, w.text)
		}
	}
	return pageLines(buildRows(words, true)), unsure, nil
}

// unsureConf is the confidence under which digits are not trusted as a
// document's number: a handwritten "84" read as "34" must stay empty.
const unsureConf = 60

// junkConf is the confidence under which a word that reads as no
// Vietnamese syllable and no number is dropped.
const junkConf = 35

func junkWord(t string) bool {
	valid, letters, digits := false, 0, 0
	eachWord(t, func(w string) {
		letters++
		if utf8.RuneCountInString(w) >= 2 && viet.ValidSyllable(w) || isAbbrev(w) {
			valid = true
		}
	})
	for _, r := range t {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return !valid && digits == 0 || letters == 0 && digits == 0
}

// isAbbrev reports a known short form that is no syllable (UBND, QĐ).
func isAbbrev(w string) bool {
	return utf8.RuneCountInString(w) >= 2 && strings.ToUpper(w) == w && utf8.RuneCountInString(w) <= 6
}

// parseTSV reads Tesseract's TSV output: level, page, block, paragraph,
// line, word numbers, left, top, width, height, confidence, text; level 5
// rows are words.
func parseTSV(b []byte) []word {
	var ws []word
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		text := strings.TrimSpace(f[11])
		if text == "" {
			continue
		}
		num := func(i int) float64 { v, _ := strconv.ParseFloat(f[i], 64); return v }
		if num(10) < junkConf && junkWord(text) {
			continue // stamp and signature scribbles read as "4⁄/", "Xi\"", "s"
		}
		block, _ := strconv.Atoi(f[2])
		par, _ := strconv.Atoi(f[3])
		ln, _ := strconv.Atoi(f[4])
		left, top, w, h := num(6), num(7), num(8), num(9)
		ws = append(ws, word{x0: left, y0: top, x1: left + w, y1: top + h, text: text,
			block: block, line: block<<20 | par<<10 | ln, conf: num(10)})
	}
	return ws
}
