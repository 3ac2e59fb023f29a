package crawler

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sitesSeed is a sites file of the shape of sites.toml, written for the
// fuzzer: two portals, files limits, every key a site may have.
const sitesSeed = `# Cổng thông tin điện tử tỉnh
user_agent = "vanban-thu/0.1"

[files]

[[site]]
name = "quangtri"
start = ["https://quangtri.gov.vn/", "https://quangtri.gov.vn/van-ban-chi-dao-dieu-hanh"]
feeds = ["https://quangtri.gov.vn/rss/tin-tuc.rss"]
allow = ['^https://quangtri\.gov\.vn/[a-z0-9-]+(-\d+\.html)?$']
deny = ['(?i)/(tim-kiem|dang-nhap)']
article = ['-\d+\.html$']
delay = "2s"
concurrency = 2
date_order = "dmy"
attachments = true
attachment_hosts = ["vanban.quangtri.gov.vn"]

[site.select]
title = "h1.tieu-de"
date = ".ngay-dang"
body = ".noi-dung"

[[site]]
name = "haugiang"
start = ["https://haugiang.gov.vn/"]
allow = ['^https://haugiang\.gov\.vn/']
delay = "10m"
`

// FuzzLoadConfig feeds the sites file reader any text: it never panics,
// every refusal is a *ConfigError naming the file and a line of it (or
// none), and every configuration it accepts holds the bounds Validate
// promises (a name and a start URL per site, unique names, concurrency 1
// to MaxConcurrency, delay 0 to MaxDelay, compiled allow patterns).
func FuzzLoadConfig(f *testing.F) {
	f.Add(sitesSeed)
	f.Add(strings.Replace(sitesSeed, "concurrency = 2", "concurrency = 65", 1))
	f.Add(strings.Replace(sitesSeed, `delay = "2s"`, `delay = "-1s"`, 1))
	f.Add(strings.Replace(sitesSeed, `name = "haugiang"`, `name = "quangtri"`, 1))
	f.Add(strings.Replace(sitesSeed, `'(?i)/(tim-kiem|dang-nhap)'`, `'(?i)/(tim-kiem'`, 1))
	f.Add(strings.Replace(sitesSeed, "concurrency = 2", "concurrency = \"hai\"", 1))
	f.Add(strings.Replace(sitesSeed, "date_order", "thu_tu_ngay", 1))
	f.Add("[[site]]\nname = \"Sở Nội vụ\"\nstart = [\"ftp://x\"]\n")
	f.Add("[[site]\n")
	f.Add("")
	path := filepath.Join(f.TempDir(), "sites.toml") // named, never written: parseConfig reads the text from memory
	f.Fuzz(func(t *testing.T, text string) {
		c, err := parseConfig(path, []byte(text))
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error %T %v, want a *ConfigError", err, err)
			}
			if ce.File != path || ce.Msg == "" {
				t.Errorf("error names file %q message %q", ce.File, ce.Msg)
			}
			if lines := strings.Count(text, "\n") + 1; ce.Line < 0 || ce.Line > lines {
				t.Errorf("error at line %d of a %d-line file: %v", ce.Line, lines, err)
			}
			return
		}
		if len(c.Sites) == 0 || c.UserAgent == "" {
			t.Fatalf("accepted %d sites, user agent %q", len(c.Sites), c.UserAgent)
		}
		names := map[string]bool{}
		for _, s := range c.Sites {
			if s.Name == "" || names[s.Name] || len(s.Start) == 0 || len(s.allow) != len(s.Allow) || len(s.allow) == 0 {
				t.Errorf("accepted site %q (seen %v, %d starts, %d/%d allow patterns)", s.Name, names[s.Name], len(s.Start), len(s.allow), len(s.Allow))
			}
			names[s.Name] = true
			if s.Concurrency < 1 || s.Concurrency > MaxConcurrency || s.Delay.Duration < 0 || s.Delay.Duration > MaxDelay {
				t.Errorf("site %q accepted with concurrency %d, delay %v", s.Name, s.Concurrency, s.Delay)
			}
			for _, u := range s.Start {
				if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
					t.Errorf("site %q accepted start URL %q", s.Name, u)
				}
			}
		}
	})
}

// warcSeeds writes a small archive with the crawler's own writer (two
// answers of a portal, one with its request record) and returns its bytes
// and those of an uncompressed copy of its first member.
func warcSeeds(f *testing.F) (gz, plain []byte) {
	dir := f.TempDir()
	a, err := openArchive(dir, "haugiang", "2026-12-07T19:00:00Z", 1<<20)
	if err != nil {
		f.Fatal(err)
	}
	date := time.Date(2026, 12, 7, 19, 0, 0, 0, time.UTC)
	for _, r := range []*response{
		{Status: 200, URL: "https://haugiang.gov.vn/van-ban/ke-hoach-123-kh-ubnd.html", Date: date,
			Header:  http.Header{"Content-Type": {"text/html; charset=utf-8"}},
			Body:    []byte("<html><body><h1>Kế hoạch số 123/KH-UBND</h1><p>Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.</p></body></html>"),
			Request: []byte("GET /van-ban/ke-hoach-123-kh-ubnd.html HTTP/1.1\r\nHost: haugiang.gov.vn\r\n\r\n")},
		{Status: 404, URL: "https://haugiang.gov.vn/khong-co.html", Date: date.Add(time.Second),
			Header: http.Header{"Content-Type": {"text/html"}}, Body: []byte("<p>Không tìm thấy trang</p>"), Truncated: true},
	} {
		if _, err := a.record(r); err != nil {
			f.Fatal(err)
		}
	}
	if err := a.Close(); err != nil {
		f.Fatal(err)
	}
	files, err := archiveFiles(dir)
	if err != nil || len(files) != 1 {
		f.Fatalf("archive files %v: %v", files, err)
	}
	if recs, err := readArchive(files[0]); err != nil || len(recs) != 2 {
		f.Fatalf("the seed archive reads back as %d records: %v", len(recs), err)
	}
	if gz, err = os.ReadFile(files[0]); err != nil {
		f.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		f.Fatal(err)
	}
	zr.Multistream(false)
	if plain, err = io.ReadAll(zr); err != nil {
		f.Fatal(err)
	}
	return gz, plain
}

// FuzzWARC feeds the WARC readers any bytes: they never panic, every
// failure is a warc: error (an archiveError), a body read back is no
// longer than the input can expand to, the records readArchive lists
// have increasing offsets inside the file, and each reads back alone at
// its offset (readRecordAt, what a re-extraction does) with the same URL,
// status and body.
func FuzzWARC(f *testing.F) {
	gz, plain := warcSeeds(f)
	f.Add(gz)
	f.Add(plain)
	f.Add(gz[:len(gz)/2])
	f.Add(bytes.Replace(plain, []byte("WARC/1.1"), []byte("WARC/0.9"), 1))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		const gzipMax = 1032 // deflate's largest expansion
		bound := gzipMax*len(data) + 1024
		if resp, err := readRecordAt(bytes.NewReader(data), 0); err != nil {
			var ae *archiveError
			if !errors.As(err, &ae) || !strings.HasPrefix(err.Error(), "warc: ") {
				t.Errorf("readRecordAt: %T %v, want an archiveError", err, err)
			}
		} else if len(resp.Body) > bound {
			t.Errorf("readRecordAt: %d bytes of body from %d bytes", len(resp.Body), len(data))
		}
		recs, err := readArchiveFrom("x.warc.gz", bytes.NewReader(data)) // readArchive's reader, from memory
		var ae *archiveError
		if err != nil && !errors.As(err, &ae) {
			t.Errorf("readArchive: %T %v, want an archiveError", err, err)
		}
		last := int64(-1)
		for _, r := range recs {
			if r.Offset <= last || r.Offset >= int64(len(data)) {
				t.Errorf("record at %d after %d in %d bytes", r.Offset, last, len(data))
				continue
			}
			last = r.Offset
			if len(r.Body) > bound {
				t.Errorf("readArchive: %d bytes of body from %d bytes", len(r.Body), len(data))
			}
			back, err := readRecordAt(bytes.NewReader(data), r.Offset)
			if err != nil {
				t.Errorf("record at %d listed but does not read alone: %v", r.Offset, err)
				continue
			}
			if back.URL != r.URL || back.Status != r.Status || !bytes.Equal(back.Body, r.Body) {
				t.Errorf("record at %d reads back as %q %d (%d bytes), listed as %q %d (%d bytes)",
					r.Offset, back.URL, back.Status, len(back.Body), r.URL, r.Status, len(r.Body))
			}
		}
	})
}

// FuzzParseSitemap reads any bytes as a sitemap, sitemap index, RSS or
// Atom feed: every URL it returns is non-empty and trimmed, and together
// they are no longer than the input (each is a piece of it, entities
// only shorten).
func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://haugiang.gov.vn/van-ban/ke-hoach-123-kh-ubnd.html </loc><lastmod>2026-12-07</lastmod></url><url><loc></loc></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://quangtri.gov.vn/sitemap-2026.xml</loc></sitemap></sitemapindex>`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1258"?><rss version="2.0"><channel><link>https://quangtri.gov.vn/</link><item><title>Kế hoạch triển khai Nghị quyết số 57-NQ/TW</title><link>https://quangtri.gov.vn/ke-hoach-57.html?a=1&amp;b=2</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Thông báo</title><link rel="alternate" href="https://haugiang.gov.vn/thong-bao-1.html"/><link rel="enclosure" href="https://haugiang.gov.vn/tep.pdf"/><entry><link href="x"/></entry></entry></feed>`))
	f.Add([]byte(`<urlset><url><loc>https://x.test/&#x1F600;&unknown;</loc>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		locs, _ := parseSitemap(b)
		total := 0
		for _, l := range locs {
			if l == "" || strings.TrimSpace(l) != l {
				t.Errorf("URL %q", l)
			}
			total += len(l)
		}
		if total > len(b) {
			t.Errorf("%d bytes of URLs from %d bytes", total, len(b))
		}
	})
}
