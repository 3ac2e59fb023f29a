package app

import (
	"context"
	"encoding/json"
	"net/url"

	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/crawler/filetext"
)

// ExtractOptions are the options of `vanban extract`.
type ExtractOptions struct {
	File        string // saved HTML page or PDF, DOCX, DOC file (stdin for "" or "-")
	URL         *url.URL
	ContentType string // the page's Content-Type header, for its charset
	Extract     extract.Options
}

// RunExtract extracts the article of a saved HTML page, or the document
// in a PDF, DOCX, DOC, ODT, XLSX, XLS or ODS file (crawler/filetext: its kind is read from the
// bytes, not the name), and prints it as JSON.
func RunExtract(ctx context.Context, e *Env, opts ExtractOptions) error {
	body, err := readInput(e.Stdin, opts.File)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.Stdout)
	enc.SetEscapeHTML(false)
	if doc, err := filetext.IsDocument(body); err != nil {
		return err
	} else if doc {
		res, err := filetext.NewReader(filetext.Options{}).Read(ctx, opts.File, body)
		if err != nil {
			return err
		}
		return enc.Encode(res)
	}
	a, err := extract.Extract(body, opts.ContentType, opts.URL, opts.Extract)
	if err != nil {
		return err
	}
	if a.Attachments == nil {
		a.Attachments = []string{}
	}
	return enc.Encode(a)
}
