package web

import (
	"context"
	"strings"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/search"
)

// Did-you-mean: a query typed without diacritics ("nghi quyet chuyen doi
// so") is shown back with them restored from the index vocabulary ("nghị
// quyết chuyển đổi số"), as the search restores them (search/restore.go).
// Words the query already accents, numbers, quotes and exclusions are kept
// as typed.

// suggest returns the query with diacritics restored as the search reads
// it (Searcher.Restore: each syllable chosen with its neighbours, "ô
// nhiễm" and not the commoner "ở" alone), or "" when there is nothing to
// restore, the index cannot say or ctx ends. Words the query accents,
// numbers, quoted phrases and exclusions are kept as typed, and a word's
// capital.
func suggest(ctx context.Context, s *search.Searcher, raw string) string {
	text := viet.Clean(raw)
	type word struct{ start, end int }
	var words []word
	var plain strings.Builder // the words to restore, a clause break where others stood between
	numEnd, last := 0, 0
	viet.Tokenize(text, func(t viet.Token) {
		if t.Kind == viet.DocNumber {
			numEnd = t.End
		}
		w := text[t.Start:t.End]
		lw := strings.ToLower(w)
		if t.Kind != viet.Word || t.Start < numEnd || viet.Fold(lw) != lw || !isLetters(lw) || len(lw) > 12 ||
			strings.Count(text[:t.Start], `"`)%2 == 1 || excluded(text, t.Start) {
			return
		}
		if len(words) > 0 {
			if strings.TrimSpace(text[last:t.Start]) != "" { // punctuation, a number, a kept word
				plain.WriteString(". ")
			} else {
				plain.WriteString(" ")
			}
		}
		plain.WriteString(lw)
		words = append(words, word{t.Start, t.End})
		last = t.End
	})
	if len(words) == 0 || ctx.Err() != nil {
		return ""
	}
	var restored []string
	r := s.Restore(plain.String())
	viet.Tokenize(r, func(t viet.Token) {
		if t.Kind == viet.Word {
			restored = append(restored, r[t.Start:t.End])
		}
	})
	if len(restored) != len(words) {
		return ""
	}
	var b strings.Builder
	pos, changed := 0, false
	for i, w := range words {
		best := restored[i]
		if best == strings.ToLower(text[w.start:w.end]) {
			continue
		}
		if first, _ := utf8First(text[w.start:w.end]); unicode.IsUpper(first) {
			best = upperFirst(best)
		}
		b.WriteString(text[pos:w.start])
		b.WriteString(best)
		pos, changed = w.end, true
	}
	if !changed || ctx.Err() != nil {
		return ""
	}
	b.WriteString(text[pos:])
	return b.String()
}

// excluded reports whether the word at i is an exclusion ("-bui").
func excluded(text string, i int) bool {
	return i > 0 && text[i-1] == '-' && (i == 1 || text[i-2] == ' ')
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

func utf8First(s string) (rune, int) {
	for i, r := range s {
		return r, i
	}
	return 0, 0
}

func upperFirst(s string) string {
	r, _ := utf8First(s)
	return string(unicode.ToUpper(r)) + s[len(string(r)):]
}
