package crawler

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

// TestArchiveRequestRecords: every archived response has its request
// beside it (a WARC "request" record, WARC-Concurrent-To the response,
// the same target URI), as standard tools replay and audit an archive:
// the conditional headers sent are what says why a 304 came back.
func TestArchiveRequestRecords(t *testing.T) {
	site := newTestSite()
	site.flaky = 0
	srv := newServer(t, site)
	store := openStore(t)
	dir := filepath.Join(t.TempDir(), "warc")
	c := archivingCrawler(t, store, dir)
	cfg := testSiteConfig(t, srv.URL)
	cfg.Delay.Duration = 0
	for run := 0; run < 2; run++ { // the second run sends If-None-Match
		if rep, err := c.Crawl(context.Background(), cfg, Limits{}); err != nil || rep.Failed != 0 {
			t.Fatalf("crawl %d: %+v, %v", run, rep, err)
		}
	}
	files, err := archiveFiles(dir)
	if err != nil || len(files) != 2 {
		t.Fatalf("WARC files %v, %v: want two", files, err)
	}
	responses := map[string]string{} // record ID → target URI
	type request struct{ to, uri, head string }
	var requests []request
	for _, f := range files {
		r, err := gowarc.NewWarcFileReader(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			h := rec.WarcRecord.WarcHeader()
			switch rec.WarcRecord.Type() {
			case gowarc.Response:
				responses[rec.WarcRecord.RecordId()] = h.Get(gowarc.WarcTargetURI)
			case gowarc.Request:
				rd, err := rec.WarcRecord.Block().RawBytes()
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(rd)
				if got := h.Get(gowarc.ContentType); got != "application/http;msgtype=request" {
					t.Errorf("request record Content-Type %q", got)
				}
				requests = append(requests, request{h.GetId(gowarc.WarcConcurrentTo), h.Get(gowarc.WarcTargetURI), string(b)})
			}
			rec.Close()
		}
		r.Close()
	}
	if len(requests) != len(responses) || len(responses) == 0 {
		t.Fatalf("%d request records for %d responses, want one each", len(requests), len(responses))
	}
	conditional := 0
	for _, q := range requests {
		uri, ok := responses[q.to]
		if !ok || uri != q.uri {
			t.Errorf("request for %s: WARC-Concurrent-To %q names no response of that URI", q.uri, q.to)
			continue
		}
		if !strings.HasPrefix(q.head, "GET ") || !strings.Contains(q.head, "\r\nUser-Agent: vanban/") || !strings.HasSuffix(q.head, "\r\n\r\n") {
			t.Errorf("request for %s: block %q, want the GET line and headers", q.uri, q.head)
		}
		if strings.Contains(q.head, "\r\nIf-None-Match: ") {
			conditional++
		}
	}
	if conditional == 0 {
		t.Error("no archived request carries If-None-Match: the second run's conditional GETs are not recorded")
	}
}

// TestArchiveErrorAnswers: a 503 that was retried is kept in the archive
// too (every raw answer is), with its request, before the 200 that
// followed it.
func TestArchiveErrorAnswers(t *testing.T) {
	site := newTestSite() // /flaky answers 503 (Retry-After: 1) once
	srv := newServer(t, site)
	store := openStore(t)
	dir := filepath.Join(t.TempDir(), "warc")
	c := archivingCrawler(t, store, dir)
	cfg := testSiteConfig(t, srv.URL)
	cfg.Delay.Duration = 0
	if rep, err := c.Crawl(context.Background(), cfg, Limits{}); err != nil || rep.Failed != 0 {
		t.Fatalf("crawl: %+v, %v", rep, err)
	}
	files, err := archiveFiles(dir)
	if err != nil || len(files) != 1 {
		t.Fatalf("WARC files %v, %v", files, err)
	}
	recs, err := readArchive(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var flaky []int
	for _, r := range recs {
		if strings.HasSuffix(r.URL, "/flaky") {
			flaky = append(flaky, r.Status)
		}
	}
	if len(flaky) != 2 || flaky[0] != 503 || flaky[1] != 200 {
		t.Errorf("archived answers of /flaky: %v, want [503 200]", flaky)
	}
}
