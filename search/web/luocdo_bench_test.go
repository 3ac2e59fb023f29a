package web

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// hubDocs are a decree (99/2025/NĐ-CP) that n decisions are based on and
// n/2 directives implement, with no task tables: a document whose page is
// its Lược đồ and its citations (lines written for the benchmark).
func hubDocs(n int) []*corpus.Document { return hubOf("99/2025/NĐ-CP", "hub.test", 0, n) }

// hubOf is hubDocs of the decree number at host, its decisions numbered
// from 2000+base and its directives from 10+base.
func hubOf(number, host string, base, n int) []*corpus.Document {
	docs := []*corpus.Document{{URL: "http://" + host + "/nd", Type: "Nghị định", Number: number, Published: "2025-01-09",
		Title: "Nghị định số " + number + " quy định về quản lý hạ tầng số",
		Body:  "Điều 1. Phạm vi điều chỉnh.\nĐiều 2. Nghị định này có hiệu lực kể từ ngày 01 tháng 3 năm 2025."}}
	for i := range n {
		num := fmt.Sprintf("%d/QĐ-UBND", 2000+base+i)
		docs = append(docs, &corpus.Document{URL: fmt.Sprintf("http://%s/qd/%d", host, i), Type: "Quyết định", Number: num, Published: "2025-05-01",
			Title: "Quyết định số " + num + " về quản lý hạ tầng số của huyện",
			Body:  "Căn cứ Nghị định số " + number + " ngày 09 tháng 01 năm 2025 của Chính phủ;\nĐiều 1. Giao nhiệm vụ quản lý hạ tầng số.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."})
	}
	for i := range n / 2 {
		num := fmt.Sprintf("%d/CT-UBND", 10+base+i)
		docs = append(docs, &corpus.Document{URL: fmt.Sprintf("http://%s/ct/%d", host, i), Type: "Chỉ thị", Number: num, Published: "2025-06-01",
			Title: "Chỉ thị số " + num + " về triển khai thực hiện Nghị định số " + number,
			Body:  "Để triển khai thực hiện Nghị định số " + number + ", Chủ tịch UBND huyện chỉ thị các cơ quan thực hiện nghiêm."})
	}
	return docs
}

// BenchmarkHubPage serves the page of a decree VANBAN_BENCH_HUB (3,000)
// decisions are based on and half as many directives implement, from a
// store on disk and its index as `vanban serve` has them: the page, its
// JSON (/api/documents/{id}) and a group's first and twentieth page of
// links (?rel=in.based_on&relpage=N). ms/page.
//
//	go test ./search/web -run '^$' -bench HubPage -benchtime 20x
func BenchmarkHubPage(b *testing.B) {
	n := 3000
	if v, err := strconv.Atoi(os.Getenv("VANBAN_BENCH_HUB")); err == nil && v > 0 {
		n = v
	}
	h, store := pageService(b, hubDocs(n))
	id := docID(b, store, "99/2025/NĐ-CP")
	for _, p := range []struct{ name, url string }{
		{"page", "/doc/" + id},
		{"json", "/api/documents/" + id},
		{"group1", "/doc/" + id + "?rel=in.based_on&relpage=1"},
		{"group20", "/doc/" + id + "?rel=in.based_on&relpage=20"},
	} {
		b.Run(p.name, func(b *testing.B) {
			serve(b, h, p.url, 200)
			b.ReportAllocs()
			for b.Loop() {
				serve(b, h, p.url, 200)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/page")
			b.ReportMetric(float64(n+n/2), "edges")
		})
	}
}
