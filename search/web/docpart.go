package web

import (
	"strings"
	"unicode/utf8"
)

// A document page shows the body a part at a time: at most partBytes of
// text, cut at the end of a paragraph (or of a line, a word, a rune, for
// a paragraph longer than a part). What a page costs to build, send and
// show no longer grows with the document: 52 MB of text is 208 pages of
// 256 KB, each linked from the others (?part=N). This is the one place
// that decides what text a page shows; the page marks and renders it
// (markParas).

// partBytes is the most body text one document page shows.
const partBytes = 256 << 10

// bodyParts are the byte offsets at which body is cut into parts: part i
// (from 0) is body[cuts[i]:cuts[i+1]]. A body of at most max bytes is one
// part.
func bodyParts(body string, max int) []int {
	cuts := []int{0}
	for start := 0; len(body)-start > max; {
		end := cutPart(body[start:start+max+1], max)
		start += end
		cuts = append(cuts, start)
	}
	return append(cuts, len(body))
}

// cutPart is where a part starting at s[0] ends, at most max bytes in
// (s holds max+1 bytes, to see whether a paragraph ends right at max):
// after the last line break within it, else the last space, else the
// last whole rune.
func cutPart(s string, max int) int {
	if i := strings.LastIndexByte(s, '\n'); i > 0 && i < max {
		return i + 1
	}
	if i := strings.LastIndexByte(s[:max], ' '); i > max/2 {
		return i + 1
	}
	end := max
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	if end == 0 {
		return max // not UTF-8: cut at the limit
	}
	return end
}
