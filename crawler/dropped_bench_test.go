package crawler

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// BenchmarkPruneDropped: PruneDropped on a store of 100,000 URL states
// of 20 provincial departments' portals (a site each, its allow patterns
// over two sections, its start at the home page), one of them no longer
// configured. The first night marks the removed site's states; the
// benchmark measures the nights after it (a scan, nothing to write but
// the count), as every crawl pays it.
func BenchmarkPruneDropped(b *testing.B) {
	const nSites, nStates = 20, 100000
	store, err := corpus.OpenStore(b.TempDir(), false, time.Second)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	var sites []*Site
	for i := range nSites {
		base := fmt.Sprintf("https://so%02d.tinh.gov.vn", i)
		s := &Site{Name: fmt.Sprintf("so-%02d", i), Start: []string{base + "/"},
			Allow: []string{`^` + base + `/(tin-tuc|van-ban)/[a-z0-9-]+(/[0-9]+)?\.html$`, `^` + base + `/(tin-tuc|van-ban)(/trang-[0-9]+)?$`}, Concurrency: 1}
		if err := s.compile(); err != nil {
			b.Fatal(err)
		}
		sites = append(sites, s)
	}
	var ops []corpus.KVOp
	for i := range nStates {
		site := i % nSites
		u := fmt.Sprintf("https://so%02d.tinh.gov.vn/van-ban/quyet-dinh-so-%d-qd-ubnd-ve-viec-ban-hanh-ke-hoach/%d.html", site, i, i)
		st := urlState{ETag: fmt.Sprintf(`"%x"`, i), LastModified: "Mon, 02 Mar 2028 13:00:00 GMT", DocID: corpus.IDForURL(u), Run: "2028-03-02T20:00:00Z"}
		if i%50 == 0 {
			st.Parent = u
			u = fmt.Sprintf("https://so%02d.tinh.gov.vn/Portals/0/files/%d-QD-UBND.pdf", site, i)
		}
		v, _ := json.Marshal(st)
		ops = append(ops, corpus.KVOp{NS: nsURL, Key: u, Value: v})
		if len(ops) == 10000 {
			if err := store.ApplyKV(ops); err != nil {
				b.Fatal(err)
			}
			ops = ops[:0]
		}
	}
	configured := sites[1:] // so-00 removed
	now := time.Date(2028, 3, 3, 20, 0, 0, 0, time.UTC)
	d, err := PruneDropped(context.Background(), store, configured, now, PruneOptions{})
	if err != nil || d.Kept != nStates/nSites {
		b.Fatalf("the first night: %+v %v", d, err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if d, err = PruneDropped(context.Background(), store, configured, now.Add(time.Hour), PruneOptions{}); err != nil || d.Kept != nStates/nSites {
			b.Fatalf("%+v %v", d, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/nStates, "ns/state")
}
