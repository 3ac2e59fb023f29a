package crawler

// Dead attachments: an article's file link that answers 404 or 410. The
// run that asks it lists it among its file errors (not_found), but a
// missing URL is asked only on the first nights and then weekly, and an
// unchanged article (304) yields no links, so the file's state was
// forgotten after a night and no report showed it again: staff reading
// the latest report did not see that a document's attachment is gone.
//
// Now each dead attachment has a record (KV namespace files/dead: URL →
// DeadFile) from its first 404 until it answers again or its article no
// longer links it (the article gone, or stored without the link: pruned
// at the end of each complete run). While it has one, every new run
// rechecks the file's URL as missing.go says (every night for the first
// misses, then weekly), so its crawl state is kept, and every report
// lists the site's dead attachments (Report.DeadFiles, the first
// maxFileErrors; DeadFileCount all of them). So the records are bounded
// by the file links of the live articles; `vanban status` and `vanban
// stats` read them all (DeadFiles), a document page and
// /api/documents/{id} its own attachments' (DeadFilesOf).

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/vanban/vanban/corpus"
)

// nsDeadFile holds the dead attachments: file URL → DeadFile.
const nsDeadFile = "files/dead"

// DeadFile is an article's attached file that answers 404 or 410.
type DeadFile struct {
	URL       string    `json:"url"`
	Article   string    `json:"article"` // the URL of the article linking it
	Site      string    `json:"site"`
	Status    int       `json:"status"`     // 404 or 410
	Since     time.Time `json:"since"`      // its first miss in a row
	LastAsked time.Time `json:"last_asked"` // its last miss
}

// deadFileOp records the file u, whose state s has just missed with
// status, as dead.
func deadFileOp(site, u string, s urlState, status int) corpus.KVOp {
	v, _ := json.Marshal(DeadFile{URL: u, Article: s.Parent, Site: site, Status: status, Since: s.FirstMiss.UTC(), LastAsked: s.LastMiss.UTC()})
	return corpus.KVOp{NS: nsDeadFile, Key: u, Value: v}
}

// deadFile handles a file link answering 404 or 410 (status): a file
// error, a dead record, a miss in its state (missing.go). The document
// read from the file before it died stays as it was, with its archive
// reference (index --reextract reads it again): it is the attachment's
// only copy, and its article still links it. It becomes a tombstone when
// its dead record goes without the file answering (pruneDeadFiles).
func (r *run) deadFile(u string, state *urlState, status int) {
	state.ETag, state.LastModified, state.Pending = "", "", ""
	state.miss(r.c.clock())
	r.fileUnfetched(u, status, nil)
	r.addOps(u, ReadFileOp(u), deadFileOp(r.site.Name, u, *state, status))
}

// liveFileOp clears u's dead record: it answered.
func liveFileOp(u string) corpus.KVOp { return corpus.KVOp{NS: nsDeadFile, Key: u} }

// DeadFiles lists the dead attachments of every site, by site, article
// and URL.
func DeadFiles(store *corpus.Store) ([]DeadFile, error) {
	var out []DeadFile
	err := store.ForEachKV(nsDeadFile, func(k string, v []byte) error {
		var d DeadFile
		_ = json.Unmarshal(v, &d) // a damaged record still shows its URL
		d.URL = k
		out = append(out, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("crawler: dead files: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Site != b.Site {
			return a.Site < b.Site
		}
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		return a.URL < b.URL
	})
	return out, nil
}

// DeadFilesOf returns the dead records of the files urls (a document's
// attachments, as it stores them), keyed by the URL as given; a file
// without a record is absent. It reads those records only, one lookup
// each (a document page reads its own attachments', not the namespace),
// and stops with ctx's error when ctx ends.
func DeadFilesOf(ctx context.Context, store *corpus.Store, urls []string) (map[string]DeadFile, error) {
	out := map[string]DeadFile{}
	for _, u := range urls {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		key := corpus.CanonicalURL(u) // the key deadFileOp writes
		v, err := store.GetKV(nsDeadFile, key)
		if err != nil {
			return nil, fmt.Errorf("crawler: dead file %s: %w", u, err)
		}
		if v == nil {
			continue
		}
		var d DeadFile
		_ = json.Unmarshal(v, &d) // a damaged record still says the file is dead
		d.URL = key
		out[u] = d
	}
	return out, nil
}

// siteDeadFiles returns the run's site's dead attachments.
func (r *run) siteDeadFiles() ([]DeadFile, error) {
	all, err := DeadFiles(r.c.store)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, d := range all {
		if d.Site == r.site.Name {
			out = append(out, d)
		}
	}
	return out, nil
}

// deadSet returns the URLs of the site's dead attachments, to recheck.
func (r *run) deadSet() (map[string]bool, error) {
	dead, err := r.siteDeadFiles()
	set := make(map[string]bool, len(dead))
	for _, d := range dead {
		set[d.URL] = true
	}
	return set, err
}

// pruneDeadFiles deletes, at the end of a complete run, the dead records
// of the site whose article is gone or no longer links the file, or whose
// file the site no longer fetches (attachments off, a host or deny
// changed); the document read from such a file, kept while it was a
// dead attachment, becomes a tombstone with it (counted gone).
func (r *run) pruneDeadFiles() error {
	dead, err := r.siteDeadFiles()
	if err != nil {
		return err
	}
	var ops []corpus.KVOp
	for _, d := range dead {
		a, err := r.c.store.Get(corpus.IDForURL(d.Article))
		if err != nil && !errors.Is(err, corpus.ErrNotFound) {
			return err
		}
		if a != nil && !a.Gone && linksFile(a, d.URL) && r.site.fileAllowed(d.URL) {
			continue
		}
		ops = append(ops, corpus.KVOp{NS: nsDeadFile, Key: d.URL})
		if err := r.retireDeadFile(d.URL); err != nil {
			return err
		}
	}
	return r.c.store.ApplyKV(ops)
}

// retireDeadFile makes the document read from the dead file u a
// tombstone, when it has one.
func (r *run) retireDeadFile(u string) error {
	f, err := r.c.store.Get(corpus.IDForURL(u))
	if errors.Is(err, corpus.ErrNotFound) || err == nil && (f.Gone || f.File == nil) {
		return nil
	}
	if err != nil {
		return err
	}
	ch, err := r.c.store.MarkGone(f.ID)
	if err == nil && ch == corpus.Removed {
		r.count(func(rep *Report) { rep.Gone++ })
	}
	return err
}

// linksFile reports whether article a links the file u.
func linksFile(a *corpus.Document, u string) bool {
	for _, l := range a.Attachments {
		if corpus.CanonicalURL(l) == u {
			return true
		}
	}
	return false
}

// reportDeadFiles puts the site's dead attachments in the report.
func (r *run) reportDeadFiles() error {
	dead, err := r.siteDeadFiles()
	if err != nil {
		return err
	}
	r.count(func(rep *Report) {
		rep.DeadFileCount = len(dead)
		rep.DeadFiles = dead[:min(len(dead), maxFileErrors)]
	})
	return nil
}
