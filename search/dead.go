package search

import (
	"context"

	"github.com/vanban/vanban/corpus"
)

// MarkDead sets Hit.Dead on the hits read from a file (Hit.File) that
// answers 404 or 410 now, and Copy.Dead on their folded copies read from
// one (Copy.File), by the records dead reads: one call for the hits given
// (a page of results), asking for their files only. The hits and copies
// of pages are never asked. A nil dead marks nothing.
func MarkDead(ctx context.Context, hits []Hit, dead corpus.DeadFilesFunc) error {
	var urls []string
	for _, h := range hits {
		if h.File != "" && h.URL != "" {
			urls = append(urls, h.URL)
		}
		for _, c := range h.Copies {
			if c.File != "" && c.URL != "" {
				urls = append(urls, c.URL)
			}
		}
	}
	if len(urls) == 0 || dead == nil {
		return nil
	}
	recs, err := dead(ctx, urls)
	if err != nil {
		return err
	}
	for i := range hits {
		h := &hits[i]
		if d, ok := recs[h.URL]; ok && h.File != "" {
			d.URL = h.URL
			h.Dead = &d
		}
		for j := range h.Copies {
			c := &h.Copies[j]
			if d, ok := recs[c.URL]; ok && c.File != "" {
				d.URL = c.URL
				c.Dead = &d
			}
		}
	}
	return nil
}
