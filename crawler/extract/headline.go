package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// A news page often opens its content block with the headline again, in
// another wording than its <title> (a shorter one, the print edition's, a
// kicker's), or with a subheadline restating it: "Video shows dramatic
// rescue of kidnapped girl" over a <title> "Video shows dramatic rescue of
// 8-year-old kidnapping victim". The exact repeat is dropped while
// rendering (an h1 equal to the title, junk); the restatement is told by
// its words and its shape.

// maxHeadlineWords bounds the words of a line taken for a headline.
const maxHeadlineWords = 25

// minHeadlineShare is the least Dice overlap of a line's distinct words
// with a title's for the line to restate it.
const minHeadlineShare = 0.5

// minHeadlineBody is the fewest lines a body must have for its first to be
// dropped as a headline: the article's text stays.
const minHeadlineBody = 3

// dropHeadline removes the body's first line when it restates one of the
// page's titles: a short line not closed like a sentence, sharing at
// least half its words with the title (Dice on distinct folded words), or
// equal to it. A document's text (a legal document's name lines) is not
// passed here: its name under the type line is the document's own. A
// line naming a social account is an embedded post's caption and stays.
func dropHeadline(body string, titles ...string) string {
	first, rest, ok := strings.Cut(body, "\n")
	if !ok || strings.Count(rest, "\n")+2 < minHeadlineBody {
		return body
	}
	lw := headlineWords(first)
	if len(lw) == 0 || len(strings.Fields(first)) > maxHeadlineWords || namesHandle(first) {
		return body
	}
	sentence := closesSentence(first)
	for _, t := range titles {
		tw := headlineWords(t)
		if len(tw) == 0 {
			continue
		}
		if equalWords(lw, tw) || !sentence && dice(lw, tw) >= minHeadlineShare {
			return rest
		}
	}
	return body
}

// namesHandle reports whether l names a social account ("@noksutagram
// <Vở diễn> …", "(ảnh: @dongphu.today)"): the caption of an embedded
// post, which may share most words with the title, never a headline. An
// e-mail address (a letter before its "@") is none.
func namesHandle(l string) bool {
	for i := strings.IndexByte(l, '@'); i >= 0; {
		prev, _ := utf8.DecodeLastRuneInString(l[:i])
		next, _ := utf8.DecodeRuneInString(l[i+1:])
		if (i == 0 || !unicode.IsLetter(prev) && !unicode.IsDigit(prev)) && (unicode.IsLetter(next) || unicode.IsDigit(next) || next == '_') {
			return true
		}
		j := strings.IndexByte(l[i+1:], '@')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// headlineWords returns the distinct folded words of s, in order.
func headlineWords(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(viet.Fold(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	seen := make(map[string]bool, len(f))
	out := f[:0]
	for _, w := range f {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// dice is 2|a∩b| / (|a|+|b|) of two sets of distinct words.
func dice(a, b []string) float64 {
	in := make(map[string]bool, len(b))
	for _, w := range b {
		in[w] = true
	}
	n := 0
	for _, w := range a {
		if in[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// closesSentence reports whether l ends like a sentence (a period,
// question or exclamation mark, an ellipsis, a colon or semicolon, before
// any closing quotes, brackets, emoji and spaces): a lead paragraph, not
// a headline.
func closesSentence(l string) bool {
	l = strings.TrimRightFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsSymbol(r) || unicode.In(r, unicode.Pe, unicode.Pf) ||
			r == '"' || r == '\'' || r == '\u200b' || r == '\ufe0f'
	})
	return strings.HasSuffix(l, ".") || strings.HasSuffix(l, "!") || strings.HasSuffix(l, "?") ||
		strings.HasSuffix(l, "…") || strings.HasSuffix(l, ":") || strings.HasSuffix(l, ";")
}
