package web

// Numbers typed as staff say them: "nq 380", "qđ 2530", or the bare
// "2530" of a document everyone in the office knows. Search reads them
// (search/query: partial numbers); /api/refs and the tasks view's
// document fields read them here, from the numbers of the stored
// documents in the index.

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search/query"
	"github.com/vanban/vanban/tasks"
)

// maxNamed bounds the documents a partly typed number is looked up in:
// enough to name the numbers it may mean.
const maxNamed = 50

// bareNumber is a number typed alone: "2530".
var bareNumber = regexp.MustCompile(`^\d{1,6}$`)

// numberPatterns are the regular expressions of the number keys s names
// partly ("nq 380": query.PartialNumber; "380": any type and issuer, with
// or without a year), none when s names no number or a whole one.
func numberPatterns(s string) []string {
	s = strings.TrimSpace(s)
	if bareNumber.MatchString(s) {
		return []string{regexp.QuoteMeta(strings.TrimLeft(s, "0")) + `(/\d{4})?[/-].*`}
	}
	if viet.NumberKey(s) != "" {
		return nil
	}
	var out []string
	for _, pn := range query.PartialNumbers(s) {
		out = append(out, pn.Pattern())
	}
	return out
}

// numbersNamed are the numbers of the stored documents that s names
// partly, each once, in key order.
func (h *Handler) numbersNamed(ctx context.Context, s string) ([]string, error) {
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
	res, err := h.s.Index().SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("web: numbers named by the query: %w", err)
	}
	byKey := map[string]string{}
	for _, hit := range res.Hits {
		d, err := h.head(hit.ID)
		if err != nil || d.Number == "" {
			continue // gone since the index was written
		}
		if k := viet.NumberKey(d.Number); k != "" && byKey[k] == "" {
			byKey[k] = d.Number
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

// readTaskNumbers reads a bare number in the tasks view's document fields
// (parent, plan) as the one stored number it names, and says so in notes
// ("2530" → "2530/QĐ-TTg"); a number naming several is a FilterError
// naming them. Partial numbers with a type ("qđ 2530") the task table
// reads itself, among its documents.
func (h *Handler) readTaskNumbers(ctx context.Context, f *tasks.Filter) (notes []string, err error) {
	for _, fld := range []struct {
		param string
		v     *string
	}{{"parent", &f.Parent}, {"plan", &f.Plan}} {
		if !bareNumber.MatchString(*fld.v) {
			continue
		}
		nums, err := h.numbersNamed(ctx, *fld.v)
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
