package crawler

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext/filekind"
)

// errNoArchive is returned by Reextract when the crawler has no WARC
// directory.
var errNoArchive = errors.New("crawler: no WARC directory to re-extract from")

// Reextract runs extraction again over the archived pages of site, without
// fetching anything: for every article URL, the response record its last
// 200 answer was archived in (a later 304 keeps it) (urlState.WARC, .Offset) is read back,
// extracted with the site's current options and stored. The report counts
// new, changed and unchanged documents; Fetched counts records read.
// Records are read in file and offset order, one file open at a time.
// The site's attached files are read again too (filetext, in this
// goroutine), those waiting for a tool included.
func (c *Crawler) Reextract(ctx context.Context, site *Site) (Report, error) {
	r := &run{c: c, ctx: ctx, site: site, rep: Report{Name: site.Name}, offline: true}
	if c.warcDir == "" {
		return r.rep, errNoArchive
	}
	if err := r.begin(); err != nil {
		return r.rep, err
	}
	type item struct {
		url   string
		state urlState
	}
	var items []item
	err := c.store.ForEachKV(nsURL, func(u string, v []byte) error {
		s, err := decodeState(u, v)
		if err != nil {
			if site.admits(u) && site.isArticle(u) { // its archive reference is lost with it
				r.fail(u, "state", fmt.Errorf("%w: not re-extracted; the next crawl fetches it again", err))
			}
			return nil
		}
		if s.WARC == "" { // 404/410 clear WARC; 304 keeps it
			return nil
		}
		target := cmp.Or(s.Redirect, u)
		switch {
		case s.Parent != "":
			if siteOwns(site, u, s) { // a file of the home page or the feed too (Site.admits)
				items = append(items, item{u, s})
			}
		case (site.admits(u) || s.DocID != "") && site.admits(target) && site.isArticle(target): // a start outside allow too (Site.admits)
			items = append(items, item{u, s})
		}
		return nil
	})
	if err != nil {
		return r.rep, err
	}
	slices.SortFunc(items, func(a, b item) int {
		return cmp.Or(cmp.Compare(a.state.WARC, b.state.WARC), cmp.Compare(a.state.Offset, b.state.Offset))
	})
	var f *os.File
	var ops []corpus.KVOp // state writes, committed in batches
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return r.report(), err
		}
		path := filepath.Join(c.warcDir, it.state.WARC)
		if f == nil || f.Name() != path {
			if f != nil {
				f.Close()
			}
			if f, err = os.Open(path); err != nil {
				f = nil
				r.fail(it.url, "archive", &archiveError{err})
				continue
			}
		}
		resp, err := readRecordAt(f, it.state.Offset)
		if err != nil {
			r.fail(it.url, "archive", err)
			continue
		}
		r.count(func(rep *Report) { rep.Fetched++; rep.Bytes += int64(len(resp.Body)) })
		st := it.state
		if st.Parent != "" {
			var fops []corpus.KVOp
			var ok bool
			_, name := filekind.OfResponse(resp.Header.Get("Content-Disposition"), "")
			if st, fops, ok = r.readFile(ctx, it.url, st, resp.Body, name); !ok {
				return r.report(), ctx.Err()
			}
			ops = append(ops, fops...)
		} else {
			hint := linkRef{URL: it.url}
			if st.Link != nil {
				hint.Text, hint.Date = st.Link.Text, st.Link.Date
			}
			if _, err := r.store(resp, &st, hint); err != nil {
				r.fail(it.url, "extract", err)
			}
			ops = append(ops, r.takeOps(it.url)...)
		}
		if st.DocID != it.state.DocID || st.Pending != it.state.Pending || !sameLink(st.Link, it.state.Link) {
			v, _ := json.Marshal(st)
			ops = append(ops, corpus.KVOp{NS: nsURL, Key: it.url, Value: v})
		}
		if len(ops) >= reextractBatch {
			if err := c.store.ApplyKV(append(ops, r.learn.saveOps(false)...)); err != nil {
				return r.report(), err
			}
			ops = ops[:0]
		}
		if c.OnProgress != nil {
			c.OnProgress(r.report())
		}
	}
	if err := c.store.ApplyKV(ops); err != nil {
		return r.report(), err
	}
	n, err := r.resolvePending() // saves the site state too
	r.count(func(rep *Report) { rep.Resolved += n })
	return r.report(), err
}

// reextractBatch is how many state writes Reextract commits together.
const reextractBatch = 256

func sameLink(a, b *linkRef) bool {
	return a == b || a != nil && b != nil && *a == *b
}
