package app

import (
	"context"
	"encoding/json"
	"net/url"

	"github.com/vanban/vanban/crawler/extract"
)

// ExtractOptions are the options of `vanban extract`.
type ExtractOptions struct {
	File        string // saved HTML page (stdin for "" or "-")
	URL         *url.URL
	ContentType string // the page's Content-Type header, for its charset
	Extract     extract.Options
}

// RunExtract extracts the article of a saved HTML page and prints it as
// JSON.
func RunExtract(ctx context.Context, e *Env, opts ExtractOptions) error {
	body, err := readInput(e.Stdin, opts.File)
	if err != nil {
		return err
	}
	a, err := extract.Extract(body, opts.ContentType, opts.URL, opts.Extract)
	if err != nil {
		return err
	}
	if a.Attachments == nil {
		a.Attachments = []string{}
	}
	enc := json.NewEncoder(e.Stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}
