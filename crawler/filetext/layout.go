package filetext

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/crawler/extract"
)

// Page layout: words with boxes (from pdftotext's text layer or from
// Tesseract) become lines of text in reading order.
//
//  1. Words are grouped into visual rows (vertical overlap) and each row
//     into cells, split where the gap is wider than 1.5 line heights or,
//     for a text layer, where the words come from different text blocks.
//  2. The two-column parts of an ND 30 document — the header (issuer |
//     Quốc hiệu, "Số: …" | "Hà Nội, ngày …") and the signature part
//     ("Nơi nhận" list | "KT. CHỦ TỊCH" …) — are found by their content and
//     written column by column, so the columns are not interleaved. A row
//     holding the Quốc hiệu or a date line with no cell split (Tesseract
//     sees one line) is split at its widest gap.
//  3. Other rows with several cells are table rows: "cell | cell".
//  4. Single-cell rows are rejoined into paragraphs: a row continues the
//     previous one when that one reached the right margin, the row is not
//     indented, starts no numbered item, bullet, Điều/Chương heading, and
//     follows at normal line spacing. Centred lines (titles) and headings
//     keep their boundaries.
//
// All distances are relative to the text height, so the same rules serve
// PDF points and 300-dpi OCR pixels.

// word is one word with its box, in page units, y growing downwards.
type word struct {
	x0, y0, x1, y1 float64
	text           string
	block          int     // text block (stamps are recognised by block)
	line           int     // source line: a row joins whole lines
	conf           float64 // OCR confidence 0–100; -1 for a text layer
	glued          bool    // ends with a legacy glyph word merged into it
}

// row is a visual line: cells of words, left to right.
type row struct {
	cells  [][]word
	y0, y1 float64
	h      float64 // median word height
}

func (r *row) x0() float64 { return r.cells[0][0].x0 }
func (r *row) x1() float64 { c := r.cells[len(r.cells)-1]; return c[len(c)-1].x1 }

func cellText(c []word) string {
	var b strings.Builder
	for i, w := range c {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

func (r *row) text() string {
	parts := make([]string, len(r.cells))
	for i, c := range r.cells {
		parts[i] = cellText(c)
	}
	return strings.Join(parts, " | ")
}

// buildRows groups words into rows and cells. Words keep the line the
// source gave them (a pdftotext line, a Tesseract line); lines whose
// vertical centres are within a third of a line height form a row, so
// the two header columns meet in one row while a signer's title set a
// little higher than the "Nơi nhận" item beside it does not swallow it.
// splitBlocks makes a change of source line start a new cell.
func buildRows(words []word, splitBlocks bool) []row {
	ws := make([]word, 0, len(words))
	var heights []float64
	for _, w := range words {
		// "|" is the cell separator of the output; a lone one in the
		// source is a rule or an OCR'd line.
		if t := strings.TrimSpace(w.text); t == "" || t == "|" || w.y1 <= w.y0 || w.x1 < w.x0 {
			continue
		}
		ws = append(ws, w)
		heights = append(heights, w.y1-w.y0)
	}
	if len(ws) == 0 {
		return nil
	}
	medH := median(heights)
	// Source lines; tall narrow boxes (vertical or rotated text in stamps
	// and margins) are left out.
	type unit struct {
		words  []word
		y0, y1 float64
	}
	var units []unit
	byLine := map[int]int{}
	for _, w := range ws {
		if h := w.y1 - w.y0; h > 4*medH && (w.x1-w.x0) < h {
			continue
		}
		i, ok := byLine[w.line]
		if !ok {
			i = len(units)
			byLine[w.line] = i
			units = append(units, unit{y0: w.y0, y1: w.y1})
		}
		u := &units[i]
		u.words = append(u.words, w)
		u.y0, u.y1 = min(u.y0, w.y0), max(u.y1, w.y1)
	}
	sort.SliceStable(units, func(i, j int) bool { return units[i].y0+units[i].y1 < units[j].y0+units[j].y1 })
	var rows []row
	var cur []word
	var cy, ch float64
	for _, u := range units {
		c, h := (u.y0+u.y1)/2, u.y1-u.y0
		if len(cur) > 0 && abs(c-cy) <= min(h, ch)/3 {
			cur = append(cur, u.words...)
			continue
		}
		if len(cur) > 0 {
			rows = append(rows, makeRow(cur, splitBlocks))
		}
		cur = append([]word(nil), u.words...)
		cy, ch = c, h
	}
	if len(cur) > 0 {
		rows = append(rows, makeRow(cur, splitBlocks))
	}
	return rows
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func makeRow(ws []word, splitBlocks bool) row {
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].x0 < ws[j].x0 })
	ws = mergeTouching(ws)
	hs := make([]float64, len(ws))
	r := row{y0: ws[0].y0, y1: ws[0].y1}
	for i, w := range ws {
		hs[i] = w.y1 - w.y0
		r.y0, r.y1 = min(r.y0, w.y0), max(r.y1, w.y1)
	}
	r.h = median(hs)
	start := 0
	for i := 1; i <= len(ws); i++ {
		if i < len(ws) {
			gap := ws[i].x0 - ws[i-1].x1
			split := gap >= 1.5*r.h || splitBlocks && ws[i].line != ws[i-1].line && gap > 0.3*r.h
			if !split || bullet(ws[start:i]) {
				continue
			}
		}
		r.cells = append(r.cells, ws[start:i])
		start = i
	}
	return r
}

// bullet reports a cell that is only a list marker ("-", "•", "1.",
// "2.1.", "a)", "II."), set off by a tab: it stays with the text after it.
func bullet(c []word) bool {
	return len(c) == 1 && markerRe.MatchString(c[0].text)
}

var markerRe = regexp.MustCompile(`^([-–+•*▪]|\d{1,2}(\.\d{1,2})*[.)]|[a-zđ][.)]|[IVXLC]{1,6}\.)$`)

// mergeTouching joins words that pdftotext split at a legacy-font glyph it
// maps outside letters ("t", "−", "íng" for the TCVN3 "t−íng" = tướng):
// the boxes nearly touch and one side of the junction is such a glyph.
func mergeTouching(ws []word) []word {
	out := ws[:1]
	for _, w := range ws[1:] {
		p := &out[len(out)-1]
		h := min(p.y1-p.y0, w.y1-w.y0)
		if w.x0-p.x1 < 0.25*h && w.x0 >= p.x0 && w.line == p.line && (glyphWord(p.text) || glyphWord(w.text) || p.glued) {
			p.text += w.text
			p.x1, p.y0, p.y1 = max(p.x1, w.x1), min(p.y0, w.y0), max(p.y1, w.y1)
			p.conf = min(p.conf, w.conf)
			p.glued = glyphWord(w.text)
			continue
		}
		out = append(out, w)
	}
	return out
}

// glyphWord reports a word that is one symbol a legacy font uses for a
// letter (TCVN3 "−" ư, "∙" ã, "¬" ơ); the windows-1252 punctuation at
// 0x80–0x9F ("–", "…") is left alone.
func glyphWord(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if size != len(s) || unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return r >= 0xA1 && r <= 0xBF || r == '×' || r == '÷' || r == '\u2212' || r == '\u2219'
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

// ruleLine reports a row that is only a rule drawn with characters
// ("-------", "———", "___").
func ruleLine(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return utf8.RuneCountInString(s) >= 3
}

// splitCueRow splits a one-cell row holding an ND 30 two-column cue (the
// Quốc hiệu, or "Số: …" followed by a "<place>, ngày …" date) at its
// widest gap: Tesseract often reads both columns as one line.
func splitCueRow(r *row) {
	if len(r.cells) != 1 || len(r.cells[0]) < 3 {
		return
	}
	t := cellText(r.cells[0])
	if !extract.IsMottoLine(t) && !extract.IsNumberDateLine(t) && !extract.IsRecipientsSignerLine(t) {
		return
	}
	ws := r.cells[0]
	best, gap := -1, 0.3*r.h
	for i := 1; i < len(ws); i++ {
		if g := ws[i].x0 - ws[i-1].x1; g > gap {
			best, gap = i, g
		}
	}
	if best < 0 {
		return
	}
	left, right := cellText(ws[:best]), cellText(ws[best:])
	// The split is right when it leaves the cue whole on one side.
	if cueSide(left) || cueSide(right) {
		r.cells = [][]word{ws[:best], ws[best:]}
	}
}

func cueSide(s string) bool {
	return extract.IsMottoLine(s) && !strings.HasPrefix(viet.Fold(s), "so") || extract.IsDateLine(s) || extract.IsSignerTitle(s) || extract.IsRecipientsLine(s)
}

// isCueLine reports a line of an ND 30 two-column part: the Quốc hiệu, a
// "<place>, ngày …" date, "Nơi nhận", a signer's title.
func isCueLine(s string) bool {
	return extract.IsMottoLine(s) || extract.IsDateLine(s) || extract.IsRecipientsLine(s) || extract.IsSignerTitle(s)
}

// isCueRow reports a multi-cell row that belongs to a two-column part.
func isCueRow(r *row) bool {
	if len(r.cells) < 2 {
		return false
	}
	for _, c := range r.cells {
		if isCueLine(cellText(c)) {
			return true
		}
	}
	return false
}

// region is a run of rows written column by column, split at x.
type region struct {
	start, end int // rows[start:end]
	x          float64
}

// columnRegions finds the two-column parts of a page.
func columnRegions(rows []row) []region {
	var out []region
	for i := 0; i < len(rows); i++ {
		if !isCueRow(&rows[i]) {
			continue
		}
		x := splitX(&rows[i])
		start, end := i, i+1
		for start > 0 && fitsColumns(&rows[start-1], x) && near(&rows[start-1], &rows[start]) &&
			(len(out) == 0 || start > out[len(out)-1].end) {
			start--
		}
		for end < len(rows) && fitsColumns(&rows[end], x) && near(&rows[end-1], &rows[end]) {
			end++
		}
		out = append(out, region{start, end, x})
		i = end - 1
	}
	return out
}

// splitX is where a cue row's columns divide: just left of the first
// right-hand cell holding a cue (or of the second cell), so left-column
// lines as wide as their column still fit.
func splitX(r *row) float64 {
	k := 1
	for i := 1; i < len(r.cells); i++ {
		if cueSide(cellText(r.cells[i])) {
			k = i
			break
		}
	}
	return r.cells[k][0].x0 - 0.3*r.h
}

// near reports rows at most two line heights apart: a wider gap ends a
// two-column part.
func near(a, b *row) bool { return b.y0-a.y1 <= 2*max(a.h, b.h) }

// fitsColumns reports whether a row lies on either side of x (a row
// crossing x is full-width text and ends the two-column part).
func fitsColumns(r *row, x float64) bool {
	for _, c := range r.cells {
		if c[0].x0 < x && c[len(c)-1].x1 > x {
			return false
		}
	}
	return true
}

// joinCellLines folds the wrapped lines of table cells into their row: a
// row right under a row of several cells, whose cells each start in lower
// case and lie under one of that row's cells ("Xây dựng danh mục | Sở Khoa
// học và Công" then "dữ liệu mở của tỉnh | nghệ").
func joinCellLines(rows []row) []row {
	out := rows[:0]
	for _, r := range rows {
		if n := len(out); n > 0 && continuesCells(&out[n-1], &r) {
			p := &out[n-1]
			ks := make([]int, len(r.cells))
			for i, c := range r.cells {
				ks[i] = overlapping(p, c)
			}
			for i, c := range r.cells {
				p.cells[ks[i]] = append(slices.Clip(p.cells[ks[i]]), c...)
			}
			p.y1 = max(p.y1, r.y1)
			continue
		}
		out = append(out, r)
	}
	return out
}

func continuesCells(p, r *row) bool {
	if len(p.cells) < 2 || r.y0-p.y1 > 0.6*max(p.h, r.h) {
		return false
	}
	for _, c := range r.cells {
		first, _ := utf8.DecodeRuneInString(c[0].text)
		if !unicode.IsLower(first) || overlapping(p, c) < 0 {
			return false
		}
	}
	return true
}

// overlapping returns the index of p's cell that c lies under, or -1.
func overlapping(p *row, c []word) int {
	x0, x1 := c[0].x0, c[len(c)-1].x1
	for i, pc := range p.cells {
		lo, hi := pc[0].x0, pc[0].x1
		for _, w := range pc {
			hi = max(hi, w.x1)
		}
		if i+1 < len(p.cells) {
			hi = max(hi, p.cells[i+1][0].x0-0.5*p.h)
		}
		if x0 >= lo-p.h && x1 <= hi+p.h {
			return i
		}
	}
	return -1
}

// outLine is a line of text with what the paragraph joiner needs.
type outLine struct {
	text   string
	x0, x1 float64
	y0, y1 float64
	h      float64
	single bool // a one-cell row outside a two-column part: may be joined
}

// pageLines writes a page's rows as lines: two-column parts column by
// column, table rows with " | ", then paragraphs rejoined.
func pageLines(rows []row) []string {
	for i := range rows {
		splitCueRow(&rows[i])
	}
	rows = joinCellLines(rows)
	regions := columnRegions(rows)
	var lines []outLine
	ri := 0
	for i := 0; i < len(rows); {
		if ri < len(regions) && regions[ri].start == i {
			g := regions[ri]
			lines = append(lines, columnLines(rows[g.start:g.end], g.x)...)
			i, ri = g.end, ri+1
			continue
		}
		r := &rows[i]
		t := r.text()
		if !ruleLine(t) {
			lines = append(lines, outLine{text: t, x0: r.x0(), x1: r.x1(), y0: r.y0, y1: r.y1, h: r.h, single: len(r.cells) == 1})
		}
		i++
	}
	return joinParagraphs(lines)
}

// columnLines writes the left column's cells, then the right column's; the
// cells a row has on one side stay one line.
func columnLines(rows []row, x float64) []outLine {
	var left, right []outLine
	for i := range rows {
		var side [2]*outLine
		for _, c := range rows[i].cells {
			t := cellText(c)
			if ruleLine(t) {
				continue
			}
			k := 0
			if (c[0].x0+c[len(c)-1].x1)/2 >= x {
				k = 1
			}
			if side[k] != nil {
				side[k].text += " " + t
				side[k].x1 = c[len(c)-1].x1
				continue
			}
			side[k] = &outLine{text: t, x0: c[0].x0, x1: c[len(c)-1].x1, y0: rows[i].y0, y1: rows[i].y1, h: rows[i].h}
		}
		if side[0] != nil {
			left = append(left, *side[0])
		}
		if side[1] != nil {
			right = append(right, *side[1])
		}
	}
	return append(left, right...)
}

// joinParagraphs rejoins the lines of a paragraph broken by the page
// width (see the package layout comment).
func joinParagraphs(lines []outLine) []string {
	var xs0, xs1 []float64
	for _, l := range lines {
		if l.single && len(strings.Fields(l.text)) >= 6 {
			xs0 = append(xs0, l.x0)
			xs1 = append(xs1, l.x1)
		}
	}
	var out []string
	if len(xs1) < 2 {
		for _, l := range lines {
			out = append(out, l.text)
		}
		return out
	}
	slices.Sort(xs0)
	slices.Sort(xs1)
	left := xs0[len(xs0)/10]
	right := xs1[len(xs1)*3/4]
	var prev *outLine
	for i := range lines {
		l := &lines[i]
		if prev != nil && prev.single && l.single &&
			prev.x1 >= right-1.0*l.h &&
			l.x0 <= left+0.8*l.h &&
			l.y0-prev.y1 <= 1.0*l.h && l.y0 > prev.y0 &&
			!extract.StartsItem(l.text) && !isHeadingLine(prev.text) {
			out[len(out)-1] = joinLine(out[len(out)-1], l.text)
			prev = l
			continue
		}
		out = append(out, l.text)
		prev = l
	}
	return out
}

// joinLine joins a paragraph's next line: "NĐ-" + "CP" stays one word.
func joinLine(a, b string) string {
	if strings.HasSuffix(a, "-") && len(a) > 1 && a[len(a)-2] != ' ' && b != "" && !strings.HasPrefix(b, "-") {
		return a + b
	}
	return a + " " + b
}

// isHeadingLine reports a line in capitals (a heading, a title): the next
// line never continues it.
func isHeadingLine(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 4 && upper*10 >= letters*9
}
