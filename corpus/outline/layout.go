package outline

// Line classes of a document body for the outline parser (plan.go): what a
// line is before the parser decides where it belongs. Each recognizer looks
// at one trimmed line only; the parser adds the context (front matter,
// tables, closing block). This file holds the shapes the others share
// (words, white space, upper-case lines, sentence ends, heading-like
// lines); the classes are in files by concern: layoutfront.go (header and
// closing lines), layouthead.go (section headings), layoutarticle.go
// (article headings), label.go (item labels), layouttable.go (task-table
// header rows and cells), layoutagency.go (agency names).

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
)

// foldSpaces writes every run of white space in a line (tabs, two spaces
// and more) as one space: converters and typists space words, markers
// ("-\tNội dung", "1.  Tổ chức") and table cells as they like, and the
// line classes read single spaces. A line without such a run is returned
// as it is.
func foldSpaces(s string) string {
	prev := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if prev {
				return foldSpacesSlow(s)
			}
			prev = true
			continue
		case c == '\t' || c == '\r' || c == '\v' || c == '\f':
			return foldSpacesSlow(s)
		case c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xE1 && i+1 < len(s) && s[i+1] != 0xBA && s[i+1] != 0xBB:
			// The lead bytes of the Unicode spaces (U+0085, U+00A0,
			// U+1680, U+2000–U+205F, U+3000); Vietnamese letters of
			// U+1EA0–U+1EF9 start E1 BA or E1 BB.
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return foldSpacesSlow(s)
			}
		}
		prev = false
	}
	return s
}

// foldSpacesSlow is foldSpaces of a line that holds a run or a space
// other than U+0020.
func foldSpacesSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isUpperLine reports a line of at least 4 letters, none lower-case: a title
// ("NHIỆM VỤ, GIẢI PHÁP", "QUYẾT ĐỊNH"); doctype.IsUpperLine, the test
// division headings' titles are read by.
func isUpperLine(s string) bool { return doctype.IsUpperLine(s) }

// endsSentence reports a line ending with sentence punctuation (closing
// quotes and brackets aside).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"”’)]*")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, "!") ||
		strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "./.")
}

// headingLike reports an item's first line that announces what follows
// rather than stating a task: it ends with a colon ("1. Sở Y tế:"), or it
// is short and has no final punctuation ("1. Vụ Pháp chế", "2. Về khôi
// phục hạ tầng thiết yếu").
func headingLike(first string) bool {
	first = strings.TrimSpace(first)
	if strings.HasSuffix(first, ":") {
		return true
	}
	return !endsSentence(first) && viet.WordCount(first) <= headingWords
}

// headingWords is the longest own text, in words, of an item that heads
// others ("1.1. Hỗ trợ lương thực, nhu yếu phẩm" has 6; the shortest
// stated task in the development plans has 9 and sits on its own line).
const headingWords = 15

func itoa(n int) string { return strconv.Itoa(n) }
