package web

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestExportMatched: an export filtered by the type, or searched by the
// number, of a further document a file's cover slip transmits lists the
// file under its first document, as the hit does; the row says which
// document matched (the CSV's matched cell, the JSONL's matched object),
// as the page and the API do, else a report of "every Kế hoạch" holds a
// Quyết định row it cannot explain. A file written for the test.
func TestExportMatched(t *testing.T) {
	file := &corpus.Document{URL: "http://phuan.test/tep/918.docx", Site: "phuan", Title: "Quyết định số 918/QĐ-UBND",
		Number: "918/QĐ-UBND", Type: "Quyết định", Issuer: "UBND tỉnh Phú An", Published: "2026-04-09",
		Body: "Phê duyệt Kế hoạch thu hồi đất, giao đất thực hiện dự án đường giao thông nông thôn xã Tân Lập.",
		File: &corpus.FileInfo{Kind: "docx", Name: "918.docx", Transmitted: []corpus.Transmitted{{Number: "57/KH-SNNMT", Type: "Kế hoạch",
			Issuer: "Sở Nông nghiệp và Môi trường", Published: "2025-12-30", Title: "Kế hoạch thu hồi đất, giao đất năm 2026"}}}}
	srv, _ := demoServer(t, file)
	const want = "Kế hoạch · 57/KH-SNNMT · Sở Nông nghiệp và Môi trường · 2025-12-30 · Kế hoạch thu hồi đất, giao đất năm 2026"
	for _, q := range []string{"type=" + url.QueryEscape("Kế hoạch") + "&q=" + url.QueryEscape("thu hồi đất"), "q=" + url.QueryEscape("57/KH-SNNMT")} {
		body, _ := get(t, srv.URL+"/api/search.csv?"+q, 200)
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := -1
		for i, h := range recs[0] {
			if h == "matched" {
				col = i
			}
		}
		if col < 0 {
			t.Fatalf("%s: CSV header %v without a matched column", q, recs[0])
		}
		var found bool
		for _, r := range recs[1:] {
			if r[0] == "918/QĐ-UBND" {
				found = true
				if r[col] != want {
					t.Errorf("%s: the file's matched cell %q, want %q", q, r[col], want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no row of the file in %q", q, recs)
		}
		body, _ = get(t, srv.URL+"/api/search.jsonl?"+q, 200)
		sc := bufio.NewScanner(strings.NewReader(body))
		found = false
		for sc.Scan() {
			var row exportRow
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				t.Fatal(err)
			}
			if row.Number == "918/QĐ-UBND" {
				found = true
				if row.Matched == nil || row.Matched.Number != "57/KH-SNNMT" || row.Matched.Type != "Kế hoạch" {
					t.Errorf("%s: the file's JSONL row names %+v, want the plan", q, row.Matched)
				}
			}
		}
		if !found {
			t.Errorf("%s: no JSONL row of the file in %q", q, body)
		}
	}
	// a search the first document answers names nothing
	body, _ := get(t, srv.URL+"/api/search.jsonl?q="+url.QueryEscape("918/QĐ-UBND"), 200)
	if !strings.Contains(body, `"number":"918/QĐ-UBND"`) || strings.Contains(body, `"matched"`) {
		t.Errorf("918/QĐ-UBND: %s; want the file without matched", body)
	}
}
