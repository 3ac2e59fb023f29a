package search

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestMarkDead: only hits read from a file are asked and marked; a page
// whose URL has a record (it cannot: the records are of files) is neither;
// a reader's error is returned, a nil reader marks nothing.
func TestMarkDead(t *testing.T) {
	since := time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC)
	recs := map[string]corpus.DeadMark{
		"https://a.example/f/1.pdf":   {Status: 404, Since: since},
		"https://a.example/tin/2.htm": {Status: 410, Since: since},
	}
	hits := func() []Hit {
		return []Hit{
			{ID: "1", URL: "https://a.example/f/1.pdf", File: "pdf"},
			{ID: "2", URL: "https://a.example/tin/2.htm"},              // a page
			{ID: "3", URL: "https://a.example/f/3.docx", File: "docx"}, // a live file
			{ID: "4", File: "doc"},                                     // an ingested file without a URL
		}
	}
	var asked []string
	read := func(ctx context.Context, urls []string) (map[string]corpus.DeadMark, error) {
		asked = append(asked, urls...)
		return recs, ctx.Err()
	}
	h := hits()
	if err := MarkDead(context.Background(), h, read); err != nil {
		t.Fatal(err)
	}
	if want := []string{"https://a.example/f/1.pdf", "https://a.example/f/3.docx"}; !slices.Equal(asked, want) {
		t.Errorf("asked %v; want %v (the files only)", asked, want)
	}
	for _, x := range h {
		if (x.Dead != nil) != (x.ID == "1") {
			t.Errorf("hit %s: dead %+v", x.ID, x.Dead)
		}
	}
	if h[0].Dead.URL != h[0].URL || h[0].Dead.Status != 404 || !h[0].Dead.Since.Equal(since) {
		t.Errorf("hit 1: dead %+v", h[0].Dead)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := MarkDead(ctx, hits(), read); !errors.Is(err, context.Canceled) {
		t.Errorf("an ended context: %v", err)
	}
	h = hits()
	if err := MarkDead(context.Background(), h, nil); err != nil || h[0].Dead != nil {
		t.Errorf("no reader: %v, %+v", err, h[0].Dead)
	}
	asked = nil
	if err := MarkDead(context.Background(), []Hit{{ID: "2", URL: "https://a.example/tin/2.htm"}}, read); err != nil || asked != nil {
		t.Errorf("a page of page hits asked %v (%v); want nothing", asked, err)
	}
	// Folded copies: a copy read from a dead file is marked, a page copy
	// (even with a record) and a live file copy are not; all asked in the
	// page's one call.
	asked = nil
	h = []Hit{{ID: "2", URL: "https://a.example/tin/2.htm", Copies: []Copy{
		{ID: "1", URL: "https://a.example/f/1.pdf", File: "pdf"},
		{ID: "5", URL: "https://a.example/tin/2.htm?ban=in"},
		{ID: "3", URL: "https://a.example/f/3.docx", File: "docx"},
	}}}
	if err := MarkDead(context.Background(), h, read); err != nil || !slices.Equal(asked, []string{"https://a.example/f/1.pdf", "https://a.example/f/3.docx"}) {
		t.Errorf("copies: asked %v (%v); want the two file copies", asked, err)
	}
	for _, c := range h[0].Copies {
		if (c.Dead != nil) != (c.ID == "1") || c.Dead != nil && (c.Dead.URL != c.URL || c.Dead.Status != 404) {
			t.Errorf("copy %s: dead %+v", c.ID, c.Dead)
		}
	}
	if h[0].Dead != nil {
		t.Errorf("the page hit of a dead file copy: dead %+v", h[0].Dead)
	}
}
