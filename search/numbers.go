package search

// Numbers typed as staff say them: "nq 380", "qđ 2530", or the bare
// "2530" of a document everyone in the office knows. The query reads them
// as partial numbers (search/query); the web's /api/refs and tasks view
// and the CLI's refs, links and tasks read them here, as the numbers of
// the stored documents in the index.

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search/query"
	"github.com/vanban/vanban/tasks"
)

// maxNamed bounds the documents a partly typed number is looked up in:
// enough to name the numbers it may mean.
const maxNamed = 50

// bareNumber is a number typed alone: "2530".
var bareNumber = regexp.MustCompile(`^\d{1,6}$`)

// IsBareNumber says whether s is a number typed alone ("2530"), with no
// type or issuer.
func IsBareNumber(s string) bool { return bareNumber.MatchString(s) }

// NamesNumber says whether s names a number partly ("nq 380", "380"): whether
// NumbersNamed has anything to look up.
func NamesNumber(s string) bool { return len(numberPatterns(s)) > 0 }

// numberPatterns are the regular expressions of the number keys s names
// partly ("nq 380": query.PartialNumber; "380": any type and issuer, with
// or without a year), none when s names no number or a whole one.
func numberPatterns(s string) []string {
	s = strings.TrimSpace(s)
	if bareNumber.MatchString(s) {
		return []string{regexp.QuoteMeta(strings.TrimLeft(s, "0")) + `(/\d{4})?[/-].*`}
	}
	if doctype.NumberKey(s) != "" {
		return nil
	}
	var out []string
	for _, pn := range query.PartialNumbers(s) {
		out = append(out, pn.Pattern())
	}
	return out
}

// NumbersNamed are the numbers of the stored documents that s names
// partly ("nq 380", "380"), each once, in key order: none when s names no
// number, or a whole one. The index finds the documents; number gives a
// document's stored number by its ID ("" or an error: the document is
// gone since the index was written, and skipped). It reads the request's
// snapshot sn.
func NumbersNamed(ctx context.Context, sn *Snapshot, s string, number func(id string) (string, error)) ([]string, error) {
	pats := numberPatterns(s)
	if len(pats) == 0 {
		return nil, nil
	}
	var qs []bq.Query
	for _, p := range pats {
		rq := bleve.NewRegexpQuery(p)
		rq.SetField(indexer.FieldNumber)
		qs = append(qs, rq)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), maxNamed, 0, false)
	res, err := sn.Search(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: numbers named by %q: %w", s, err)
	}
	byKey := map[string]string{}
	for _, hit := range res.Hits {
		n, err := number(hit.ID)
		if err != nil || n == "" {
			continue // gone since the index was written
		}
		if k := doctype.NumberKey(n); k != "" && byKey[k] == "" {
			byKey[k] = n
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = byKey[k]
	}
	return out, nil
}

// ReadTaskNumbers reads a bare number in a task filter's document fields
// (parent, plan) as the one stored number it names, and says so in notes
// ("2530" → "“2530” là 2530/QĐ-TTg"); a number naming several is a
// tasks.FilterError naming them; one naming none is left as typed.
// Partial numbers with a type ("qđ 2530") the task table reads itself,
// among its documents. sn and number are NumbersNamed's: both fields are
// read on one snapshot.
func ReadTaskNumbers(ctx context.Context, sn *Snapshot, f *tasks.Filter, number func(id string) (string, error)) (notes []string, err error) {
	for _, fld := range []struct {
		param string
		v     *string
	}{{"parent", &f.Parent}, {"plan", &f.Plan}} {
		if !bareNumber.MatchString(*fld.v) {
			continue
		}
		nums, err := NumbersNamed(ctx, sn, *fld.v, number)
		switch {
		case err != nil:
			return nil, err
		case len(nums) == 1:
			notes = append(notes, fmt.Sprintf("“%s” là %s", *fld.v, nums[0]))
			*fld.v = nums[0]
		case len(nums) > 1:
			return nil, &tasks.FilterError{Param: fld.param, Msg: fmt.Sprintf("%q names several documents: %s; give the whole number", *fld.v, strings.Join(nums, ", "))}
		}
	}
	return notes, nil
}
