package web

import (
	"context"
	"regexp"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
)

// Did-you-mean: a query typed without diacritics ("nghi quyet chuyen doi
// so") is shown back with them restored from the index vocabulary ("nghị
// quyết chuyển đổi số"). Each plain syllable is looked up among the terms of
// the exact body view with a regular expression that allows every accented
// form of its vowels and đ for d ("ngh[iìíỉĩị]"); the form in the most
// documents wins. Words the query already accents, numbers, quotes and
// exclusions are kept as typed.

// vowelForms are the accented forms of each folded letter, lowercase NFC.
var vowelForms = map[rune]string{
	'a': "aàáảãạăằắẳẵặâầấẩẫậ",
	'e': "eèéẻẽẹêềếểễệ",
	'i': "iìíỉĩị",
	'o': "oòóỏõọôồốổỗộơờớởỡợ",
	'u': "uùúủũụưừứửữự",
	'y': "yỳýỷỹỵ",
	'd': "dđ",
}

// accentPattern is the regular expression matching every accented spelling
// of the lowercase, unaccented syllable w.
func accentPattern(w string) string {
	var b strings.Builder
	for _, r := range w {
		if forms, ok := vowelForms[r]; ok {
			b.WriteString("[" + forms + "]")
		} else {
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return b.String()
}

// suggest returns the query with diacritics restored from the vocabulary
// of idx, or "" when there is nothing to restore or the index cannot say.
func suggest(idx bleve.Index, raw string) string {
	adv, err := idx.Advanced()
	if err != nil {
		return ""
	}
	r, err := adv.Reader()
	if err != nil {
		return ""
	}
	defer r.Close()
	rr, ok := r.(index.IndexReaderRegexp)
	if !ok {
		return ""
	}
	text := viet.Clean(raw)
	var b strings.Builder
	pos, numEnd, changed := 0, 0, false
	viet.Tokenize(text, func(t viet.Token) {
		if t.Kind == viet.DocNumber {
			numEnd = t.End
		}
		w := text[t.Start:t.End]
		lw := strings.ToLower(w)
		if t.Kind != viet.Word || t.Start < numEnd || viet.Fold(lw) != lw || !isLetters(lw) || len(lw) > 12 {
			return
		}
		best := mostFrequent(r, rr, indexer.FieldBody, accentPattern(lw))
		if best == "" || best == lw {
			return
		}
		if first, _ := utf8First(w); unicode.IsUpper(first) {
			best = upperFirst(best)
		}
		b.WriteString(text[pos:t.Start])
		b.WriteString(best)
		pos, changed = t.End, true
	})
	if !changed {
		return ""
	}
	b.WriteString(text[pos:])
	return b.String()
}

// mostFrequent is the term of field matching re held by the most documents.
// (Regexp dictionaries carry no counts: each candidate's posting list
// gives its document frequency.)
func mostFrequent(r index.IndexReader, rr index.IndexReaderRegexp, field, re string) string {
	d, err := rr.FieldDictRegexp(field, re)
	if err != nil {
		return ""
	}
	defer d.Close()
	var best string
	var n uint64
	for e, err := d.Next(); err == nil && e != nil; e, err = d.Next() {
		tfr, err := r.TermFieldReader(context.Background(), []byte(e.Term), field, false, false, false)
		if err != nil {
			continue
		}
		if c := tfr.Count(); c > n {
			best, n = e.Term, c
		}
		tfr.Close()
	}
	return best
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
