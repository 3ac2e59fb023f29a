package search

// Which document of a file a hit is: a file whose cover slip transmits
// several documents is filed under each (indexer.MappingVersion 27) and
// displayed as the first (Hit's Number, Type, Issuer, Published); when
// what the search asked for — a number, a type, an issuer, a date range —
// is a further document's and not the first's, the hit names that one
// (Hit.Matched).

import (
	"regexp"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/doctype"
)

// wanted is what a search asked of a document's own fields.
type wanted struct {
	numbers  map[string]bool  // number keys typed (Query.Numbers)
	partial  []*regexp.Regexp // partial numbers typed, matched whole on a key
	filters  Filters
	anything bool // numbers, partial numbers or a type, issuer or date filter
}

// wantedOf is what query q and filters f ask of a document's fields.
func wantedOf(q Query, f Filters) wanted {
	w := wanted{filters: f}
	for _, k := range q.Numbers {
		if w.numbers == nil {
			w.numbers = map[string]bool{}
		}
		w.numbers[k] = true
	}
	for _, p := range q.Partial {
		if re, err := regexp.Compile("^(?:" + p.Pattern() + ")$"); err == nil {
			w.partial = append(w.partial, re)
		}
	}
	w.anything = len(w.numbers) > 0 || len(w.partial) > 0 || f.Type != "" || f.Issuer != "" || !f.From.IsZero() || !f.To.IsZero()
	return w
}

// fits says whether a document of number, type, issuer and date (YYYY-MM-DD)
// is what w asks for: its number typed (when a number was) and every filter
// holding.
func (w wanted) fits(number, typ, issuer, published string) bool {
	if len(w.numbers) > 0 || len(w.partial) > 0 {
		k := doctype.NumberKey(number)
		ok := k != "" && w.numbers[k]
		for _, re := range w.partial {
			ok = ok || (k != "" && re.MatchString(k))
		}
		if !ok {
			return false
		}
	}
	if w.filters.Type != "" && typ != w.filters.Type {
		return false
	}
	if w.filters.Issuer != "" && issuer != w.filters.Issuer {
		return false
	}
	if !w.filters.From.IsZero() || !w.filters.To.IsZero() {
		at, err := time.Parse(time.DateOnly, published)
		if err != nil {
			return false
		}
		if !w.filters.From.IsZero() && at.Before(w.filters.From) {
			return false
		}
		if !w.filters.To.IsZero() && at.After(w.filters.To) {
			return false
		}
	}
	return true
}

// matched is the further document of d's file that w found, when the
// document d is filed under is not what w asks for: nil for a document
// without further ones, a search asking nothing of the fields, or one
// the first document answers.
func (w wanted) matched(d *corpus.Document) *corpus.Transmitted {
	if !w.anything || d.File == nil || len(d.File.Transmitted) == 0 || w.fits(d.Number, d.Type, d.Issuer, d.Published) {
		return nil
	}
	for i := range d.File.Transmitted {
		t := d.File.Transmitted[i]
		if w.fits(t.Number, t.Type, t.Issuer, t.Published) {
			return &t
		}
	}
	return nil
}
