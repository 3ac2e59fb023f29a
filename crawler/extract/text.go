package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textWriter renders a DOM subtree as plain text: whitespace collapsed,
// one line per block (paragraph, heading, list item, table row), table
// cells joined by " | ".
type textWriter struct {
	b     strings.Builder
	space bool   // a space is pending
	nl    bool   // a line break is pending
	sep   string // a cell separator is pending
	pre   int    // depth inside <pre>
}

func (w *textWriter) text(s string) {
	for _, r := range s {
		if r == '\n' && w.pre > 0 {
			w.nl = true
			continue
		}
		if unicode.IsSpace(r) || r == '\u00a0' {
			w.space = true
			continue
		}
		if w.b.Len() > 0 {
			switch {
			case w.nl:
				w.b.WriteByte('\n')
			case w.sep != "":
				w.b.WriteString(w.sep)
			case w.space:
				w.b.WriteByte(' ')
			}
		}
		w.nl, w.space, w.sep = false, false, ""
		w.b.WriteRune(r)
	}
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
	case a == atom.Td || a == atom.Th:
		if prev := prevElement(n); prev != nil && !w.nl {
			w.sep = " | "
		}
	case a == atom.Pre:
		w.pre++
		defer func() { w.pre-- }()
	case blockTag[a]:
		w.breakLine()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.render(c, skip)
	}
	if blockTag[a] && a != atom.Td && a != atom.Th {
		w.breakLine()
	}
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
	return cleanLines(w.b.String())
}

// cleanLines applies viet.Clean and drops blank lines and edge spaces.
func cleanLines(s string) string {
	s = viet.Clean(s)
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
	return strings.Join(strings.Fields(viet.Clean(s)), " ")
}

// nodeText returns n's visible text on one line.
func nodeText(n *html.Node) string {
	var w textWriter
	w.render(n, nil)
	return oneLine(w.b.String())
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
