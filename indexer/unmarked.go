package indexer

import (
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
)

// Text written without marks has no exact spelling. The exact views
// (title, body, heading and the accented bigram sample restoration reads)
// hold a word as written so that "mà" is told from "ma"; a passage typed or
// OCR'd without marks ("Quy dinh xu phat vi pham hanh chinh…", the summary
// of a decree whose body is accented) would put every one of its
// syllables there unaccented, where an accent-free query's own spelling
// ("muc luong co so") matches them "exactly", above the documents the
// query means (docs/log/i21-results.md, defect 4 of i20-audit). So a
// line of at least unmarkedMinLetters letters of which fewer than
// unmarkedMaxShare carry a mark is left out of the exact views: the folded
// and bigram views still hold it, as they hold every spelling. A line of
// Vietnamese carries marks on a quarter to a third of its letters; a
// mark-free name or code in an accented line ("Nguyen Van An ký thay")
// keeps its line, a short line (a number, "QCVN 01") is kept, and a line
// in another language is left out of views that only tell Vietnamese
// spellings apart.

const (
	unmarkedMinLetters = 12
	unmarkedMaxShare   = 0.03
)

// unmarkedLine reports whether line is written without marks.
func unmarkedLine(line string) bool {
	letters, marked := 0, 0
	for _, r := range line {
		if unicode.IsLetter(r) {
			letters++
			if viet.Marked(r) {
				marked++
			}
		} else if viet.Marked(r) { // a combining mark of the letter before
			marked++
		}
	}
	return letters >= unmarkedMinLetters && float64(marked) < unmarkedMaxShare*float64(letters)
}

// exactText is s for the exact views: its lines written without marks
// blanked (left as empty lines). s itself when it has none.
func exactText(s string) string {
	var b strings.Builder
	start := 0 // of the lines not yet copied
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '\n')
		end := len(s)
		if j >= 0 {
			end = i + j
		}
		if unmarkedLine(s[i:end]) {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[start:i])
			start = end
		}
		i = end + 1
	}
	if start == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}
