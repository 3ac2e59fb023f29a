package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/indexer"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

// attachPortal serves a province's portal (written for the tests below):
// a listing, two postings of one DOCX — a cover slip over decision
// 918/QĐ-UBND and plan 57/KH-SNNMT (slipOverTwo, renumbered) — at two addresses, and
// the Sở's own posting of plan 57 alone. Its URL and the three files'.
func attachPortal(t *testing.T) (srv *httptest.Server, slip, slipCopy, planAlone string) {
	t.Helper()
	// the decision numbered so that its key sorts after the plan's: the
	// collapse met the plan's number first and grouped the file by it
	slip918 := make([]string, len(slipOverTwo))
	for i, l := range slipOverTwo {
		slip918[i] = strings.ReplaceAll(l, "318/QĐ-UBND", "918/QĐ-UBND")
	}
	slipDOCX := filetexttest.DOCX(slip918)
	planDOCX := filetexttest.DOCX(slipOverTwo[18:]) // the plan's own header, text and signature
	page := func(title, text string) string {
		return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title></head><body><div class="content-detail"><h1>` + title +
			`</h1><p class="date">Ngày đăng: 16/04/2026</p>` + text + `</div></body></html>`
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/tin-tuc/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/tin-tuc/":
			fmt.Fprint(w, `<html><body><a href="/tin-tuc/chuyen-van-ban-dat-dai.html">Chuyển văn bản</a> <a href="/tin-tuc/van-ban-dat-dai-cho-xa.html">Văn bản cho xã</a> <a href="/tin-tuc/tap-huan-dat-dai.html">Tập huấn</a></body></html>`)
		case "/tin-tuc/chuyen-van-ban-dat-dai.html":
			fmt.Fprint(w, page("Văn phòng Ủy ban nhân dân tỉnh chuyển văn bản về thủ tục hành chính đất đai",
				`<p>Văn phòng chuyển các văn bản về thủ tục hành chính lĩnh vực đất đai đến các cơ quan, đơn vị.</p><div class="attachments"><b>Tệp đính kèm</b> <a href="/files/phieu-chuyen-dat-dai.docx">Phiếu chuyển</a></div>`))
		case "/tin-tuc/van-ban-dat-dai-cho-xa.html":
			fmt.Fprint(w, page("Văn bản về thủ tục hành chính đất đai gửi Ủy ban nhân dân các xã",
				`<p>Các xã tải văn bản về thủ tục hành chính lĩnh vực đất đai tại đây.</p><div class="attachments"><b>Tệp đính kèm</b> <a href="/files/xa/phieu-chuyen-dat-dai.docx">Phiếu chuyển</a></div>`))
		case "/tin-tuc/tap-huan-dat-dai.html":
			fmt.Fprint(w, page("Sở Nông nghiệp và Môi trường tập huấn thủ tục hành chính đất đai",
				`<p>Sở ban hành kế hoạch tập huấn cho cán bộ địa chính cấp xã.</p><div class="attachments"><b>Tệp đính kèm</b> <a href="/files/ke-hoach-tap-huan.docx">Kế hoạch</a></div>`))
		default:
			http.NotFound(w, r)
		}
	})
	mux.HandleFunc("/files/", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/files/phieu-chuyen-dat-dai.docx", "/files/xa/phieu-chuyen-dat-dai.docx":
			w.Write(slipDOCX)
		case "/files/ke-hoach-tap-huan.docx":
			w.Write(planDOCX)
		default:
			http.NotFound(w, r)
		}
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, srv.URL + "/files/phieu-chuyen-dat-dai.docx", srv.URL + "/files/xa/phieu-chuyen-dat-dai.docx", srv.URL + "/files/ke-hoach-tap-huan.docx"
}

// apiHit is a hit of /api/search as the tests read it.
type apiHit struct {
	ID, URL, Number, Type string
	Matched               *corpus.Transmitted
	Copies                []struct{ ID, URL string }
}

// urls are the addresses of h and of its folded copies.
func (h apiHit) urls() []string {
	out := []string{h.URL}
	for _, c := range h.Copies {
		out = append(out, c.URL)
	}
	return out
}

// TestSearchTransmittedDocuments: a file whose cover slip transmits a
// decision and a plan of another issuer — crawled from an httptest
// portal into an on-disk store and index, posted twice, beside the plan
// posted alone — is found by /api/search filtered by the plan's type,
// issuer or date and by the plan's number, its hit naming the plan as
// the document matched; its two copies fold into one hit, the file and
// the plan alone do not, and the facets count the file under both
// documents' types once. On main the filters by the plan's type, issuer
// and date found the plan alone only (the index held the decision's).
func TestSearchTransmittedDocuments(t *testing.T) {
	srv, slip, slipCopy, planAlone := attachPortal(t)
	data := t.TempDir()
	cfg := writeSiteConfig(t, "phuan", srv.URL+"/tin-tuc/", srv.URL, `/tin-tuc/.+\.html`)
	if _, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: cfg}}); err != nil {
		t.Fatalf("crawl: %v\n%s", err, stderr)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	web := serveData(t, data)
	plan := corpus.Transmitted{Number: "57/KH-SNNMT", Type: "Kế hoạch", Issuer: "Sở Nông nghiệp và Môi trường", Published: "2026-04-15",
		Title: "Tập huấn thủ tục hành chính lĩnh vực đất đai cho cán bộ cấp xã"}

	// the hit holding the slip's file (as hit or copy), and the plan alone's
	find := func(hits []apiHit, u string) int {
		for i, h := range hits {
			for _, x := range h.urls() {
				if x == u {
					return i
				}
			}
		}
		return -1
	}
	for _, tc := range []struct {
		name   string
		params url.Values
		plan   bool // the plan is the document matched (else none is named)
	}{
		{"the plan's number", url.Values{"q": {"57/KH-SNNMT"}}, true},
		{"the plan's number typed loosely", url.Values{"q": {"kh 57"}}, true},
		{"the plan's type", url.Values{"q": {"thủ tục hành chính đất đai"}, "type": {"Kế hoạch"}}, true},
		{"the plan's issuer", url.Values{"q": {"đất đai"}, "issuer": {"Sở Nông nghiệp và Môi trường"}}, true},
		{"the plan's date", url.Values{"q": {"đất đai"}, "from": {"2026-04-15"}, "to": {"2026-04-15"}}, true},
		{"the plan's type, issuer and date, no words", url.Values{"type": {"Kế hoạch"}, "issuer": {"Sở Nông nghiệp và Môi trường"}, "from": {"2026-04-14"}, "to": {"2026-04-16"}}, true},
		{"the decision's number", url.Values{"q": {"918/QĐ-UBND"}}, false},
		{"the decision's type", url.Values{"q": {"đất đai"}, "type": {"Quyết định"}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := apiSearch(t, web, tc.params)
			i := find(res.Hits, slip)
			if i < 0 {
				t.Fatalf("the slip's file not found: %+v", res.Hits)
			}
			h := res.Hits[i]
			if find(res.Hits, slipCopy) != i {
				t.Errorf("the file's two copies are not one hit: %+v", res.Hits)
			}
			if h.Number != "918/QĐ-UBND" || h.Type != "Quyết định" {
				t.Errorf("hit filed under %q %q, want the first document's", h.Number, h.Type)
			}
			switch {
			case tc.plan && (h.Matched == nil || *h.Matched != plan):
				t.Errorf("matched %+v, want the plan %+v", h.Matched, plan)
			case !tc.plan && h.Matched != nil:
				t.Errorf("matched %+v, want none (the decision the hit is)", h.Matched)
			}
			if tc.plan {
				if j := find(res.Hits, planAlone); j < 0 || j == i {
					t.Errorf("the plan alone: hit %d, the slip's file %d; want a hit of its own: %+v", j, i, res.Hits)
				}
			}
		})
	}

	// the search page names the plan under the file's hit, and nothing under the plan alone's
	page := httpBody(t, web+"/?q="+url.QueryEscape("57/KH-SNNMT"))
	if n := strings.Count(page, `<div class="meta matched">Khớp văn bản chuyển kèm: <b>Kế hoạch</b> 57/KH-SNNMT · Sở Nông nghiệp và Môi trường · 2026-04-15`); n != 1 {
		t.Errorf("the search page names the plan %d times, want once (the file's hit)", n)
	}

	// facets: the file counted once under each of its documents' types
	res := apiSearch(t, web, url.Values{"q": {"thủ tục hành chính đất đai"}})
	got := map[string]int{}
	for _, f := range res.Facets["type"] {
		got[f.Value] = f.Count
	}
	if got["Quyết định"] != 1 || got["Kế hoạch"] != 2 {
		t.Errorf("type facets %v: want Quyết định 1 (the file, two copies), Kế hoạch 2 (the file and the plan alone)", res.Facets["type"])
	}
	years := map[string]int{}
	for _, f := range res.Facets["year"] {
		years[f.Value] = f.Count
	}
	if years["2026"] < 2 {
		t.Errorf("year facets %v", res.Facets["year"])
	}
}

// apiResult is /api/search's answer as the tests read it.
type apiResult struct {
	Total  uint64
	Hits   []apiHit
	Facets map[string][]search.Facet
}

func apiSearch(t *testing.T, web string, v url.Values) apiResult {
	t.Helper()
	var res apiResult
	body := httpBody(t, web+"/api/search?"+v.Encode())
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatalf("/api/search?%s: %v: %s", v.Encode(), err, body)
	}
	return res
}

// serveData serves data's search handler for the test's length.
func serveData(t *testing.T, data string) string {
	t.Helper()
	store, ix, err := openData(context.Background(), &Env{Data: data}, true)
	if err != nil {
		t.Fatal(err)
	}
	web := httptest.NewServer(searchHandler(&Env{Data: data, Stderr: io.Discard}, store, ix, DefaultRequestTimeout, nil, tasks.New(store, tasks.Options{Fresh: true})))
	t.Cleanup(func() {
		web.Close()
		ix.Close()
		store.Close()
	})
	return web.URL
}

// TestTransmittedAfterUpgrade: a data directory indexed before layout 27
// (the file filed under its first document only) is refused by this
// binary with the command that rebuilds it, and `vanban index --rebuild`
// files the slip's file under the plan it transmits from the stored
// record (corpus.FileInfo.Transmitted), without reading the file again:
// the file ingested is removed before the rebuild.
func TestTransmittedAfterUpgrade(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	file := filepath.Join(dir, "phieu-chuyen.docx")
	if err := os.WriteFile(file, filetexttest.DOCX(slipOverTwo), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, stderr, err := ingestFolder(t, data, IngestOptions{}, dir); got != "1 1 0 0 0 0 0" || err != nil {
		t.Fatalf("ingest: %s, %v: %s", got, err, stderr)
	}
	os.Remove(file)
	b, err := bleve.Open(filepath.Join(data, "index"))
	if err != nil {
		t.Fatal(err)
	}
	old := strconv.Itoa(indexer.MappingVersion - 1)
	if err := b.SetInternal([]byte("vanban:mapping"), []byte(old)); err != nil {
		t.Fatal(err)
	}
	// an index of the old layout holds the file under its first document
	// only: the file's entry goes, so that only a rebuild from the stored
	// record (not the version's rewrite) finds it by the plan again
	all, err := b.Search(bleve.NewSearchRequest(bleve.NewMatchAllQuery()))
	if err != nil || all.Total == 0 {
		t.Fatalf("the ingested index: %v, %d documents", err, all.Total)
	}
	for _, h := range all.Hits {
		if err := b.Delete(h.ID); err != nil {
			t.Fatal(err)
		}
	}
	b.Close()
	byPlan := SearchOptions{Query: "đất đai", Limit: 5, JSON: true, Filters: search.Filters{Type: "Kế hoạch", Issuer: "Sở Nông nghiệp và Môi trường"}}
	if _, _, err := call(t, data, RunSearch, byPlan); err == nil || !strings.Contains(err.Error(), "vanban index --rebuild") {
		t.Fatalf("search on an index of layout %s: %v, want the rebuild named", old, err)
	}
	if _, stderr, err := call(t, data, RunIndex, IndexOptions{Rebuild: true}); err != nil {
		t.Fatalf("index --rebuild: %v: %s", err, stderr)
	}
	out, stderr, err := call(t, data, RunSearch, byPlan)
	if err != nil {
		t.Fatalf("search after the rebuild: %v: %s", err, stderr)
	}
	var res search.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].Matched == nil || res.Hits[0].Matched.Number != "57/KH-SNNMT" || res.Hits[0].Number != "318/QĐ-UBND" {
		t.Errorf("filtered by the plan's type and issuer after the rebuild: %s", out)
	}
	text, _, err := call(t, data, RunSearch, SearchOptions{Query: "57/KH-SNNMT", Limit: 1})
	if err != nil || !strings.Contains(text, "matched: Kế hoạch · 57/KH-SNNMT · Sở Nông nghiệp và Môi trường · 2026-04-15") {
		t.Errorf("vanban search 57/KH-SNNMT: %v, want the plan named as matched:\n%s", err, text)
	}

	// a second copy of the file, added to the rebuilt index by Sync (a
	// segment of its own): one hit for the plan's number, the other copy
	// folded into it
	dir2 := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir2, "phieu-chuyen-ban-sao.docx"), filetexttest.DOCX(slipOverTwo), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, stderr, err := ingestFolder(t, data, IngestOptions{}, dir2); got != "1 1 0 0 0 0 0" || err != nil {
		t.Fatalf("ingest of the copy: %s, %v: %s", got, err, stderr)
	}
	if out, _, err = call(t, data, RunSearch, SearchOptions{Query: "57/KH-SNNMT", Limit: 5, JSON: true}); err != nil {
		t.Fatal(err)
	}
	res = search.Result{}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || len(res.Hits[0].Copies) != 1 || res.Hits[0].Matched == nil || res.Hits[0].Matched.Number != "57/KH-SNNMT" {
		t.Errorf("57/KH-SNNMT with two copies of the file: %s; want one hit, one copy, the plan matched", out)
	}
}
