package crawler

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/vanban/vanban/crawler/extract"
)

// sitemapURLs returns the page URLs listed in the sitemaps that the host's
// robots.txt names (one level of sitemap index followed).
func (r *run) sitemapURLs(ctx context.Context, start *url.URL) []string {
	delay := r.c.hostDelay(ctx, start, r.site.Delay.Duration, r.arch)
	var out []string
	maps := r.c.robotsFor(ctx, start, delay, r.arch).Sitemaps
	for depth := 0; depth < 2 && len(maps) > 0; depth++ {
		var next []string
		for _, m := range maps {
			mu, err := url.Parse(m)
			if err != nil || !r.site.allowed(m) && mu.Host != start.Host {
				continue
			}
			resp, err := r.c.fetch(ctx, delay, m, conditional{}, r.arch)
			if err != nil || resp.Status != http.StatusOK {
				r.c.log.Warn("sitemap unavailable", "url", m, "err", err)
				continue
			}
			locs, isIndex := parseSitemap(resp.Body)
			if isIndex {
				next = append(next, locs...)
			} else {
				out = append(out, locs...)
			}
		}
		maps = next
	}
	return out
}

// parseSitemap returns the page URLs of a sitemap (<loc>), a sitemap index
// (isIndex), an RSS 2.0 feed (<item><link>) or an Atom feed (<entry><link
// href>; rel absent or "alternate"). The sitemap protocol accepts RSS and
// Atom as sitemaps, so robots.txt Sitemap: lines may name feeds too.
func parseSitemap(b []byte) (locs []string, isIndex bool) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	inItem := 0 // depth inside <item> or <entry>
	for {
		tok, err := dec.Token()
		if err != nil {
			return locs, isIndex
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if (t.Name.Local == "item" || t.Name.Local == "entry") && inItem > 0 {
				inItem--
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "sitemapindex":
				isIndex = true
			case "item", "entry":
				inItem++
			case "loc":
				var s string
				if dec.DecodeElement(&s, &t) == nil && strings.TrimSpace(s) != "" {
					locs = append(locs, strings.TrimSpace(s))
				}
			case "link":
				if inItem == 0 {
					continue
				}
				if href := attrValue(t, "href"); href != "" { // Atom
					if rel := attrValue(t, "rel"); rel == "" || rel == "alternate" {
						locs = append(locs, href)
					}
					continue
				}
				var s string
				if dec.DecodeElement(&s, &t) == nil && strings.TrimSpace(s) != "" { // RSS
					locs = append(locs, strings.TrimSpace(s))
				}
			}
		}
	}
}

func attrValue(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// feedTypes are the media types of feeds announced with <link
// rel="alternate">.
var feedTypes = map[string]bool{"application/rss+xml": true, "application/atom+xml": true, "application/feed+xml": true}

// feedLinks returns the feeds a page announces in its <head>.
func feedLinks(p *extract.Page) []string {
	var out []string
	base := p.URL
	p.Doc.Find(`link[rel~="alternate"][href]`).Each(func(_ int, s *goquery.Selection) {
		if !feedTypes[strings.ToLower(strings.TrimSpace(s.AttrOr("type", "")))] {
			return
		}
		u, err := url.Parse(strings.TrimSpace(s.AttrOr("href", "")))
		if err != nil {
			return
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.Scheme == "http" || u.Scheme == "https" {
			u.Fragment = ""
			out = append(out, u.String())
		}
	})
	return out
}

// isXML reports a feed or sitemap answer: an XML media type, or a body
// that opens like one when the server says text/plain or nothing.
func isXML(resp *response) bool {
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch {
	case feedTypes[mt], mt == "application/xml", mt == "text/xml", mt == "application/rdf+xml":
		return true
	case mt == "" || mt == "text/plain" || mt == "application/octet-stream":
		head := bytes.TrimLeft(resp.Body[:min(len(resp.Body), 512)], "\ufeff \t\r\n")
		return bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<rss")) || bytes.HasPrefix(head, []byte("<feed")) || bytes.HasPrefix(head, []byte("<urlset"))
	}
	return false
}
