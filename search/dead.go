package search

import (
	"context"

	"github.com/vanban/vanban/corpus"
)

// MarkDead sets Hit.Dead on the hits read from a file (Hit.File) that
// answers 404 or 410 now, by the records dead reads: one call for the
// hits given (a page of results), asking for their files only. The hits
// of pages are never asked. A nil dead marks nothing.
func MarkDead(ctx context.Context, hits []Hit, dead corpus.DeadFilesFunc) error {
	var urls []string
	for _, h := range hits {
		if h.File != "" && h.URL != "" {
			urls = append(urls, h.URL)
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
		if d, ok := recs[hits[i].URL]; ok && hits[i].File != "" {
			d.URL = hits[i].URL
			hits[i].Dead = &d
		}
	}
	return nil
}
