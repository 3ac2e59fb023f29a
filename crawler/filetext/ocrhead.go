package filetext

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/vanban/vanban/crawler/extract"
)

// Header re-read. The first OCR of a scanned page 1 reads the header's two
// columns (issuer, "Số: …" | Quốc hiệu, "<place>, ngày … tháng … năm …")
// together with the whole page; on a coarse or noisy scan the number's or
// the date's digits come out unreadable or under unsureConf. When the
// first read of page 1 leaves the number or the date empty (or the
// number unsure), the header band — the top headBand of the page — is
// OCR'd again at 4/3 of the first read's resolution, each
// column on its own (`--psm 6`, a block of text: the left crop up to
// headLeft of the width, the right one from headRight; they overlap so a
// line set across the middle is whole in one of them). The crops' lines
// go through the same layout and extract.ParseDocument, the project's
// one number and date grammar.
//
// Never invented: a value the re-read gives is kept only when a second
// read gives the same value (the first read, before its confidence
// check, or the re-read of the same crop at the first read's resolution)
// and the re-read saw each of its digits at unsureConf or more.
// Handwritten numbers and days (the văn thư writes them on the printed
// form after signing) read as letters, under unsureConf or differently
// at each resolution: they stay empty (docs/log/i23-ocrhead.md).
//
// Cost: only page 1, only when something is missing, only the crop of
// what is missing; at most four Tesseract runs on crops of about a fifth
// of the page each (two when the re-read finds nothing); ctx ends them.

const (
	headBand  = 0.40 // share of the page's height from the top
	headLeft  = 0.56 // the left crop's right edge, share of the width
	headRight = 0.40 // the right crop's left edge
)

// headFix is what the header re-read confirmed.
type headFix struct{ number, date string }

// headRead is one read of the header band's two crops: the number from
// the left one, the date from the right one, and the words holding
// digits read under unsureConf in each.
type headRead struct {
	number, date            string
	unsureLeft, unsureRight []string
}

// needsHeadRead reports whether page 1's first read (its lines and the
// file's unsure words) left the number or the date to re-read, with the
// first read's values.
func needsHeadRead(page1 []string, unsure []string) (headRead, bool) {
	d := extract.ParseDocument(page1)
	first := headRead{number: d.Number, date: d.Published, unsureLeft: unsure, unsureRight: unsure}
	return first, d.Number == "" || d.Published == "" || unsureNumber(d.Number, unsure)
}

// rereadHeader OCRs page 1's header band again (see above) and returns
// the values two reads agree on. w and h are the page's size in points;
// dpi is the first read's resolution.
func (r *Reader) rereadHeader(ctx context.Context, pdf, dir string, w, h float64, dpi int, first headRead) (headFix, error) {
	var fix headFix
	if w <= 0 || h <= 0 {
		return fix, nil
	}
	wantNumber := first.number == "" || unsureNumber(first.number, first.unsureLeft)
	wantDate := first.date == ""
	hi, err := r.readHeadBand(ctx, pdf, dir, w, h, dpi*4/3, wantNumber, wantDate)
	if err != nil {
		return fix, err
	}
	num := wantNumber && hi.number != "" && !unsureNumber(hi.number, hi.unsureLeft)
	date := wantDate && hi.date != "" && !unsureDate(hi.date, hi.unsureRight)
	if !num && !date {
		return fix, nil
	}
	// A second witness: the first read, else the crops at its resolution.
	if num && first.number == hi.number {
		fix.number, num = hi.number, false
	}
	if num || date {
		lo, err := r.readHeadBand(ctx, pdf, dir, w, h, dpi, num, date)
		if err != nil {
			return fix, err
		}
		if num && lo.number == hi.number {
			fix.number = hi.number
		}
		if date && lo.date == hi.date {
			fix.date = hi.date
		}
	}
	return fix, nil
}

// readHeadBand renders the header band's crops at dpi and reads them:
// the left one for the number, the right one for the date, each only
// when asked for.
func (r *Reader) readHeadBand(ctx context.Context, pdf, dir string, w, h float64, dpi int, number, date bool) (headRead, error) {
	var hr headRead
	px := func(pt float64) int { return int(pt * float64(dpi) / 72) }
	pw, band := px(w), px(h*headBand)
	if number {
		left, err := r.ocrCrop(ctx, pdf, dir, "hl", dpi, 0, 0, px(w*headLeft), band)
		if err != nil {
			return hr, err
		}
		hr.number, hr.unsureLeft = extract.ParseDocument(left.lines).Number, left.unsure
	}
	if date {
		x := px(w * headRight)
		right, err := r.ocrCrop(ctx, pdf, dir, "hr", dpi, x, 0, pw-x, band)
		if err != nil {
			return hr, err
		}
		hr.date, hr.unsureRight = extract.ParseDocument(right.lines).Published, dateLineUnsure(right.lines, right.unsure)
	}
	return hr, nil
}

// cropText is one crop's lines and its digit words under unsureConf.
type cropText struct{ lines, unsure []string }

// ocrCrop renders the box (x, y, cw, ch pixels at dpi) of page 1 and reads
// it as one block of text.
func (r *Reader) ocrCrop(ctx context.Context, pdf, dir, name string, dpi, x, y, cw, ch int) (cropText, error) {
	var ct cropText
	if cw <= 0 || ch <= 0 {
		return ct, nil
	}
	root := filepath.Join(dir, name+strconv.Itoa(dpi))
	itoa := strconv.Itoa
	_, err := r.tools.run(ctx, "pdftoppm", []string{"-r", itoa(dpi), "-gray", "-hide-annotations",
		"-f", "1", "-l", "1", "-x", itoa(x), "-y", itoa(y), "-W", itoa(cw), "-H", itoa(ch),
		"-singlefile", pdf, root}, 1<<20)
	if err != nil {
		return ct, fmt.Errorf("header band: %w", pdfError(err))
	}
	img := root + ".pgm"
	defer os.Remove(img)
	out, err := r.tesseract(ctx, img, "-l", r.opt.Lang, "--psm", "6", "tsv")
	if err != nil {
		return ct, fmt.Errorf("header band: %w", err)
	}
	words := parseTSV(out)
	for _, w := range words {
		if w.conf < unsureConf && strings.ContainsAny(w.text, "0123456789") {
			ct.unsure = append(ct.unsure, w.text)
		}
	}
	ct.lines = pageLines(buildRows(words, true))
	return ct, nil
}

// dateLineUnsure keeps the unsure words that stand on the first date line
// of lines (the one ParseDocument reads), so a body line in the band with
// an unsure "8" does not make the date unsure; all of them when no line
// is a date line.
func dateLineUnsure(lines, unsure []string) []string {
	for _, l := range lines {
		for _, c := range strings.Split(l, " | ") {
			if !extract.IsDateLine(c) {
				continue
			}
			var on []string
			for _, u := range unsure {
				if strings.Contains(c, u) {
					on = append(on, u)
				}
			}
			return on
		}
	}
	return unsure
}

// unsureDate reports a date (YYYY-MM-DD) whose day, month or year OCR
// read with low confidence: one of the unsure words holds it as typed
// ("5" or "05").
func unsureDate(date string, unsure []string) bool {
	parts := strings.Split(date, "-")
	if len(parts) != 3 {
		return true
	}
	for _, u := range unsure {
		for _, p := range parts {
			if strings.Contains(u, p) || strings.Contains(u, strings.TrimLeft(p, "0")) {
				return true
			}
		}
	}
	return false
}
