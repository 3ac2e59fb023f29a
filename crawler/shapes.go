package crawler

// The run's URLs that carry a query, by address shape (trap.go urlShape):
// the evidence the soft-404 probe reads — which parameter routes a page
// (probeparam.go routeParam, asked by every soft-404 check of a page
// with a query) and the largest number the run knows for it (soft404.go
// knownID). Each read scanned every URL the run knows, parsing each:
// 0.3–0.5 s at 100,000 URLs under the run's lock (BenchmarkKnownID,
// BenchmarkRouteParamSlugs), per check where every page is a shape of its
// own (a slug path with ?ver=3). Now the URLs are sorted by shape once, on
// the first read, and each URL the run adds later is filed as it is added
// (enqueue): a read costs its shape's URLs, and the answers are those of
// the scan.

import (
	"net/url"
	"strings"
)

// shapeURL is a URL of the run with a query, and its raw query.
type shapeURL struct{ url, query string }

// shapeURLs returns the run's URLs of shape that carry a query (r.mu
// held), filing every URL the run knows on the first call.
func (r *run) shapeURLs(shape string) []shapeURL {
	if r.shapes == nil {
		r.shapes = map[string][]shapeURL{}
		for s := range r.seen {
			r.fileShape(s)
		}
	}
	return r.shapes[shape]
}

// addShape files a URL the run now knows (r.mu held), once shapeURLs
// has filed the others.
func (r *run) addShape(s string) {
	if r.shapes != nil {
		r.fileShape(s)
	}
}

// fileShape files s under its shape when it carries a query.
func (r *run) fileShape(s string) {
	if !strings.Contains(s, "?") {
		return
	}
	v, err := url.Parse(s)
	if err != nil || v.RawQuery == "" {
		return
	}
	sh := shapeOf(v)
	r.shapes[sh] = append(r.shapes[sh], shapeURL{s, v.RawQuery})
}
