package app

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/internal/storetest"
)

// TestSalvageCancelledAfterCopy: once the salvaged store is in place,
// `vanban store salvage` opens it to forget the lost documents' crawl
// validators (crawler.ForgetLost), so that the next crawl fetches their
// pages in full. That open upgrades a store of an older format (salvage
// keeps the format: keepAsStored) and since the open took the command's
// ctx, a Ctrl-C there stopped the command before ForgetLost: the lost
// documents' ETags stayed, the portal answered 304 to the next crawl, and
// they never came back. The ctx here ends as soon as the damaged file is
// kept (the salvage's first rename).
func TestSalvageCancelledAfterCopy(t *testing.T) {
	data, cfg := demoPortal(t)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v: %s", err, stderr)
	}
	store, err := corpus.OpenStore(data, true, 0)
	if err != nil {
		t.Fatal(err)
	}
	var id string
	store.Changes(t.Context(), 0, func(d *corpus.Document) error {
		if id == "" && !d.Gone && d.Parent == "" {
			id = d.ID
		}
		return nil
	})
	store.Close()
	path := filepath.Join(data, "store.db")
	setFormat(t, path, "6") // a store of the format before this binary's
	for _, p := range storetest.DocLeavesOf(t, path, id) {
		storetest.MisnamePage(t, path, p.ID)
	}
	ctx := &endsWhenKept{Context: t.Context(), glob: path + ".bad-*"}
	_, stderr, err := callCtx(ctx, data, RunSalvage, SalvageOptions{})
	t.Logf("salvage, stopped once the damaged file is kept: %v %s", err, stderr)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl after the salvage: %v: %s", err, stderr)
	}
	store, err = corpus.OpenStore(data, true, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if d, err := store.Get(id); err != nil || d.Gone {
		t.Errorf("%s, lost with the damaged page, is not back after the next crawl: %v", id, err)
	}
}

// setFormat writes version into the store file's meta bucket.
func setFormat(t *testing.T, path, version string) {
	t.Helper()
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("version"), []byte(version)) }); err != nil {
		t.Fatal(err)
	}
}

// endsWhenKept is a ctx that ends once a file matching glob exists.
type endsWhenKept struct {
	context.Context
	glob string
}

func (c *endsWhenKept) ended() bool {
	m, _ := filepath.Glob(c.glob)
	return len(m) > 0
}

func (c *endsWhenKept) Err() error {
	if c.ended() {
		return context.Canceled
	}
	return c.Context.Err()
}

func (c *endsWhenKept) Done() <-chan struct{} {
	if c.ended() {
		done := make(chan struct{})
		close(done)
		return done
	}
	return c.Context.Done()
}

// callCtx runs one command with ctx and buffered output.
func callCtx[O any](ctx context.Context, data string, run func(context.Context, *Env, O) error, o O) (stdout, stderr string, err error) {
	var out, errb bytes.Buffer
	err = run(ctx, &Env{Data: data, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}, o)
	return out.String(), errb.String(), err
}
