package filetext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/crawler/extract"
)

// line is one line of a file's text (a paragraph, a heading, a table row
// with cells joined by " | ") and its 1-based page.
type line struct {
	text string
	page int
}

// Section is an appendix (Phụ lục) after the signature, with its text.
type Section struct {
	Title string `json:"title"`
	Page  int    `json:"page"`
	Text  string `json:"text"`
}

// finish cleans the lines (NFC, invisible characters, spacing), keeps the
// pages' text and reads the document's layout into res.
func (r *Reader) finish(res *Result, lines []line) error {
	kept := lines[:0]
	var size int64
	for _, l := range lines {
		t := strings.Join(strings.Fields(viet.Clean(l.text)), " ")
		if t == "" {
			continue
		}
		size += int64(len(t)) + 1
		if size > r.opt.Limits.MaxText {
			return fmt.Errorf("%w: text over %d bytes", ErrTooLarge, r.opt.Limits.MaxText)
		}
		kept = append(kept, line{text: t, page: l.page})
	}
	lines = kept
	res.PageText = pageTexts(lines, res)
	res.Attachments = []string{}
	if len(lines) == 0 {
		if len(res.OCRSkipped) > 0 {
			return nil // scanned pages not OCR'd: no text yet, not an error
		}
		return fmt.Errorf("%w: no text layer and nothing read by OCR", ErrNoText)
	}
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	d := extract.ParseDocument(texts)
	switch {
	case res.Kind == XLSX || res.Kind == XLS:
		// A workbook is a table, not an ND 30 document: an annex opens
		// with its "PHỤ LỤC" title (an appendix to ParseDocument) and has
		// no signature, so its body is every line.
		d.BodyStart, d.BodyEnd, d.Sections = 0, len(texts), nil
	case d.BodyEnd <= d.BodyStart && len(d.Sections) == 0:
		// No body and no appendix read: an annex posted as a file of its
		// own ("PHỤ LỤC I …" over its table, no header, no signature) would
		// be stored without its text; it keeps every line.
		d.BodyStart, d.BodyEnd = 0, len(texts)
	}
	var body []string
	for _, t := range texts[d.BodyStart:d.BodyEnd] {
		if !extract.IsStampText(t, false) {
			body = append(body, t)
		}
	}
	res.Number, res.Type, res.Issuer, res.Published = d.Number, d.Type, d.Issuer, d.Published
	if unsureNumber(d.Number, res.unsure) {
		res.Number = "" // handwritten, read with low confidence: not guessed
	}
	if res.Number == "" && res.head.number != "" {
		res.Number, d.Number = res.head.number, res.head.number
	}
	if res.Published == "" {
		res.Published = res.head.date
	}
	res.Summary, res.Place, res.Signer, res.Transmitted = d.Title, d.Place, d.Signer, d.Transmitted
	res.Body = strings.Join(body, "\n")
	res.Title = heading(d, body)
	for _, t := range d.Transmitted {
		// A file holding several documents a slip transmits is titled
		// by each: a hit found by the second's number names it.
		res.Title += "; " + heading(extract.Document{Type: t.Type, Number: t.Number, Title: t.Title}, nil)
	}
	for _, s := range d.Sections {
		res.Sections = append(res.Sections, Section{Title: s.Title, Page: lines[s.Start].page, Text: strings.Join(texts[s.Start:s.End], "\n")})
	}
	return nil
}

// unsureNumber reports a number whose digits OCR read with low
// confidence.
func unsureNumber(num string, unsure []string) bool {
	if num == "" {
		return false
	}
	digits := num
	if i := strings.IndexAny(num, "/-"); i > 0 {
		digits = num[:i]
	}
	for _, u := range unsure {
		if strings.Contains(u, digits) {
			return true
		}
	}
	return false
}

// pageTexts groups lines by page; every page up to res.Pages is listed.
func pageTexts(lines []line, res *Result) []Page {
	n := res.Pages
	for _, l := range lines {
		n = max(n, l.page)
	}
	pages := make([]Page, n)
	ocr := map[int]bool{}
	for _, p := range res.OCRPages {
		ocr[p] = true
	}
	b := make([]strings.Builder, n)
	for _, l := range lines {
		sb := &b[l.page-1]
		if sb.Len() > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(l.text)
	}
	for i := range pages {
		pages[i] = Page{Number: i + 1, Text: b[i].String(), OCR: ocr[i+1]}
	}
	return pages
}

// heading is the document's title as a portal would write it: "Quyết định
// số 1696/QĐ-UBND về việc ủy quyền …"; a trích yếu in capitals is put in
// lower case.
func heading(d extract.Document, body []string) string {
	var parts []string
	if d.Type != "" {
		parts = append(parts, d.Type)
	}
	if d.Number != "" {
		parts = append(parts, "số "+d.Number)
	}
	if t := d.Title; t != "" {
		if isHeadingLine(t) {
			t = strings.ToLower(t)
		}
		if len(parts) > 0 {
			t = lowerFirst(t)
		}
		parts = append(parts, t)
	}
	if len(parts) == 0 && len(body) > 0 {
		words := strings.Fields(body[0])
		parts = append(parts, strings.Join(words[:min(len(words), 20)], " "))
	}
	return strings.Join(parts, " ")
}

// lowerFirst lower-cases the first word of "Về việc …", "V/v …", "Quy
// định …", leaving a proper name's capital when the second letter is one.
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[size:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}
