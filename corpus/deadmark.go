package corpus

import (
	"context"
	"fmt"
	"time"
)

// DeadMark says that a file the crawler fetched — an article's attachment,
// or the file a document was read from — answers 404 or 410. The records
// are the crawler's (crawler.DeadFilesOf, namespace files/dead); this is
// how every listing shows one: a document's page and JSON, search hits
// and their exports, the tasks view and its CSV.
type DeadMark struct {
	URL       string    `json:"url"`
	Status    int       `json:"status"` // 404 or 410; 0 when its record is damaged
	Since     time.Time `json:"since"`  // its first miss in a row
	LastAsked time.Time `json:"last_asked"`
}

// Note is what a page or a CSV cell says of it: "Tệp đính kèm không còn
// truy cập được (404) từ 06/12/2026" (the date of its first miss, UTC, as
// the crawler records it and vanban status prints it).
func (d DeadMark) Note() string {
	code := ""
	if d.Status != 0 {
		code = fmt.Sprintf(" (%d)", d.Status)
	}
	since := ""
	if !d.Since.IsZero() {
		since = " từ " + d.Since.UTC().Format("02/01/2006")
	}
	return "Tệp đính kèm không còn truy cập được" + code + since
}

// DeadFilesFunc returns the dead records of the files urls, keyed by the
// URL as given (a file without one is absent); ctx's error when ctx ends.
// The one reader is crawler.DeadFilesOf (one record lookup per URL, never
// the namespace); the web layer and the commands take it as this
// function, so that they do not depend on the crawler's key layout.
type DeadFilesFunc func(ctx context.Context, urls []string) (map[string]DeadMark, error)
