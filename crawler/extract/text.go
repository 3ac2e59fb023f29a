package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// textWriter renders a DOM subtree as plain text: whitespace collapsed,
// one line per block (paragraph, heading, list item, table row), table
// cells joined by " | ". A row with two or more non-empty cells keeps its
// empty ones ("Rà soát | Văn phòng | | Quý I"), so the columns of a task table stay
// aligned; a row with one non-empty cell (layout tables, spacer cells) is
// just that cell's text.
type textWriter struct {
	buf   []byte
	space bool   // a space is pending
	nl    bool   // a line break is pending
	sep   string // a cell separator is pending
	pre   int    // depth inside <pre>
	rows  []row  // open table rows, innermost last
}

// row records where a table row's output and each of its cells start and
// end in buf.
type row struct {
	start int
	cells [][2]int
}

func (w *textWriter) text(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\n' && w.pre > 0:
				w.nl = true
				continue
			case c <= ' ':
				w.space = true
				continue
			}
			w.flush()
			w.buf = append(w.buf, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) || r == '\u00a0' {
			w.space = true
			continue
		}
		w.flush()
		w.buf = append(w.buf, s[i-size:i]...)
	}
}

// flush writes the pending break, separator or space before a character.
func (w *textWriter) flush() {
	if len(w.buf) > 0 {
		switch {
		case w.nl:
			w.buf = append(w.buf, '\n')
		case w.sep != "":
			w.buf = append(w.buf, w.sep...)
		case w.space:
			w.buf = append(w.buf, ' ')
		}
	}
	w.nl, w.space, w.sep = false, false, ""
}

func (w *textWriter) breakLine() { w.nl = true; w.sep = "" }

// render writes n's subtree, leaving out nodes for which skip is true.
func (w *textWriter) render(n *html.Node, skip func(*html.Node) bool) {
	if ignored(n) || (skip != nil && skip(n)) {
		return
	}
	if n.Type == html.TextNode {
		w.text(n.Data)
		return
	}
	a := n.DataAtom
	switch {
	case a == atom.Br:
		w.breakLine()
		return
	case a == atom.Tr:
		w.breakLine()
		w.rows = append(w.rows, row{start: len(w.buf)})
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.render(c, skip)
		}
		w.endRow()
		w.breakLine()
		return
	case a == atom.Td || a == atom.Th:
		if prev := prevElement(n); prev != nil && !w.nl {
			w.sep = " | "
		}
		start := len(w.buf)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.render(c, skip)
		}
		if k := len(w.rows) - 1; k >= 0 {
			w.rows[k].cells = append(w.rows[k].cells, [2]int{start, len(w.buf)})
		}
		return
	case a == atom.Pre:
		w.pre++
		defer func() { w.pre-- }()
	case blockTag[a]:
		w.breakLine()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.render(c, skip)
	}
	if blockTag[a] {
		w.breakLine()
	}
}

// endRow closes the innermost row: with two or more non-empty cells, its
// output is rewritten as every cell's text joined by " | ", empty cells
// included.
func (w *textWriter) endRow() {
	r := w.rows[len(w.rows)-1]
	w.rows = w.rows[:len(w.rows)-1]
	full := 0
	texts := make([][]byte, len(r.cells))
	for i, c := range r.cells {
		t := w.buf[c[0]:c[1]]
		switch {
		case len(t) > 0 && t[0] == '\n':
			t = t[1:]
		case len(t) >= 3 && string(t[:3]) == " | ":
			t = t[3:]
		case len(t) > 0 && t[0] == ' ':
			t = t[1:]
		}
		texts[i] = bytes.TrimSpace(t)
		if len(texts[i]) > 0 {
			full++
		}
	}
	if full < 2 {
		return
	}
	var out []byte
	if rest := w.buf[r.start:]; len(rest) > 0 && rest[0] == '\n' {
		out = append(out, '\n')
	}
	for i, t := range texts {
		if i > 0 {
			out = append(out, " |"...)
			if len(t) > 0 {
				out = append(out, ' ')
			}
		}
		out = append(out, t...)
	}
	w.buf = append(w.buf[:r.start], out...)
}

func prevElement(n *html.Node) *html.Node {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode {
			return p
		}
	}
	return nil
}

// renderText returns the cleaned text of n's subtree, one block per line.
func renderText(n *html.Node, skip func(*html.Node) bool) string {
	var w textWriter
	w.render(n, skip)
	return cleanLines(string(w.buf))
}

// cleanLines applies viet.Clean and drops blank lines and edge spaces.
func cleanLines(s string) string {
	s = clean(s)
	if !strings.Contains(s, "\n") {
		return strings.TrimSpace(s)
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// oneLine returns s cleaned with all whitespace collapsed to single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// nodeText returns n's visible text on one line.
func nodeText(n *html.Node) string {
	var w textWriter
	w.render(n, nil)
	return oneLine(string(w.buf))
}

// runeCount counts non-space runes, the length measure used for scoring.
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c > ' ' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			n++
		}
		i += size
	}
	return n
}

// clean is viet.Clean without its copy when s is already clean: text from
// the parsed page is NFC (decode normalizes it), so most strings need
// nothing and a scan is cheaper than rebuilding them.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	return viet.Clean(s)
}

// isClean reports whether viet.Clean would return s unchanged: valid
// UTF-8 without control characters (other than tab and newlines),
// invisible characters, odd spaces or Ð, and in NFKC.
func isClean(s string) bool {
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' && c != '\r' {
				return false
			}
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return false
		case r == '\u00a0' || r == '\u00ad' || r == 'Ð' || r == '\ufeff' || r == '\u1680' || r == '\u3000':
			return false
		case r >= '\u2000' && r <= '\u200f' || r == '\u202f' || r == '\u205f' || r == '\u2060':
			return false // typographic spaces, zero-width and direction marks
		}
		i += size
	}
	return ascii || norm.NFKC.IsNormalString(s)
}
