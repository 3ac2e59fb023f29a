package app

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
	"github.com/vanban/vanban/internal/shared"
	"github.com/vanban/vanban/search"
)

var ingestFilesLine = regexp.MustCompile(`^ingested (\d+) files \((\d+) new, (\d+) changed, (\d+) unchanged, (\d+) gone, (\d+) waiting for a tool, (\d+) not readable\) in [0-9.]+s: (\d+) pages read`)

// ingestFolder runs `vanban ingest` on paths and returns the counts of its
// report line (files, new, changed, unchanged, gone, waiting, not
// readable), its stderr and its error.
func ingestFolder(t *testing.T, data string, o IngestOptions, paths ...string) (string, string, error) {
	t.Helper()
	o.Files = paths
	stdout, stderr, err := call(t, data, RunIngest, o)
	m := ingestFilesLine.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("ingest printed %q (%v): %s", stdout, err, stderr)
	}
	return strings.Join(m[1:8], " "), stderr, err
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// searchHits runs `vanban search --json`.
func searchHits(t *testing.T, data, q string, n int) []search.Hit {
	t.Helper()
	out, stderr, err := call(t, data, RunSearch, SearchOptions{Query: q, JSON: true, Limit: n})
	if err != nil {
		t.Fatalf("search %q: %v: %s", q, err, stderr)
	}
	var res search.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	return res.Hits
}

// rankOf is the 1-based rank of the hit whose URL ends with suffix, or 0.
func rankOf(hits []search.Hit, suffix string) int {
	for i, h := range hits {
		if strings.HasSuffix(h.URL, suffix) {
			return i + 1
		}
	}
	return 0
}

const demoFiles = "../../demo/site/files"

// TestIngestFolder ingests a folder of the demo's files, a saved HTML
// page, a damaged PDF and a text file (not a document: left alone), then
// again unchanged, after an edit, after a removal, and with a file whose
// tool is missing from PATH.
func TestIngestFolder(t *testing.T) {
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext", "antiword")
	dir := t.TempDir()
	copyFile(t, filepath.Join(demoFiles, "45-KH-UBND.pdf"), filepath.Join(dir, "ke-hoach", "45-KH-UBND.pdf"))
	copyFile(t, filepath.Join(demoFiles, "236-KH-UBND.docx"), filepath.Join(dir, "ke-hoach", "236 KH UBND.docx"))
	copyFile(t, filepath.Join(demoFiles, "612-QD-UBND.doc"), filepath.Join(dir, "Quyết định 612.doc"))
	pdf, _ := os.ReadFile(filepath.Join(demoFiles, "45-KH-UBND.pdf"))
	page := func(text string) string {
		return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Thông báo kết luận</title></head><body><article><h1>Thông báo kết luận của Chủ tịch Ủy ban nhân dân tỉnh</h1><p>` + text + `</p></article></body></html>`
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("thong-bao.html", page("Chủ tịch Ủy ban nhân dân tỉnh kết luận về tiến độ giải ngân vốn đầu tư công năm 2025 của các sở, ngành."))
	write("hong.pdf", string(pdf[:len(pdf)/3]))
	write("ghi-chu.txt", "không phải văn bản")
	data := t.TempDir()

	got, stderr, err := ingestFolder(t, data, IngestOptions{}, dir)
	if got != "5 4 0 0 0 0 1" || err == nil || !strings.Contains(err.Error(), "1 files could not be read") ||
		!strings.Contains(stderr, "file not read (damaged)") || !strings.Contains(stderr, "hong.pdf") {
		t.Fatalf("first ingest: %s, %v; want 5 files, 4 new, 1 not readable, named:\n%s", got, err, stderr)
	}
	// Each file is a document found by its words, the hit naming its file.
	for _, tt := range []struct{ q, file, kind string }{
		{"Quy chế tuyển sinh trung học cơ sở và tuyển sinh trung học phổ thông", "Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20612.doc", "doc"},
		{"phân công rõ cơ quan chủ trì, thời hạn hoàn thành và sản phẩm đầu ra", "236%20KH%20UBND.docx", "docx"},
		{"tiến độ giải ngân vốn đầu tư công năm 2025", "thong-bao.html", "html"},
	} {
		hits := searchHits(t, data, tt.q, 3)
		if r := rankOf(hits, "/"+tt.file); r == 0 || hits[r-1].File != tt.kind || !strings.HasPrefix(hits[r-1].URL, "file:///") {
			t.Errorf("%q: %s not in the top 3: %+v", tt.q, tt.file, hits)
		}
	}
	store, err := corpus.OpenStore(data, true, 0)
	if err != nil {
		t.Fatal(err)
	}
	last, _ := store.LastSeq()
	store.Close()

	// Unchanged: nothing read, nothing written.
	if got, _, _ := ingestFolder(t, data, IngestOptions{}, dir); got != "5 0 0 4 0 0 1" {
		t.Errorf("second ingest: %s, want 4 unchanged, the damaged file reported again", got)
	}
	store, _ = corpus.OpenStore(data, true, 0)
	if l, _ := store.LastSeq(); l != last {
		t.Errorf("unchanged folder: store sequence %d → %d", last, l)
	}
	store.Close()

	// An edited page is updated; a removed file is gone.
	write("thong-bao.html", page("Chủ tịch Ủy ban nhân dân tỉnh kết luận về tiến độ thu ngân sách nhà nước năm 2025."))
	if err := os.Remove(filepath.Join(dir, "ke-hoach", "236 KH UBND.docx")); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := ingestFolder(t, data, IngestOptions{}, dir); got != "4 0 1 2 1 0 1" {
		t.Errorf("after an edit and a removal: %s, want 1 changed, 1 gone", got)
	}
	if r := rankOf(searchHits(t, data, "phân công rõ cơ quan chủ trì, thời hạn hoàn thành và sản phẩm đầu ra", 10), ".docx"); r != 0 {
		t.Errorf("the removed DOCX is still found (rank %d)", r)
	}
	if r := rankOf(searchHits(t, data, "tiến độ thu ngân sách nhà nước", 3), "thong-bao.html"); r == 0 {
		t.Error("the edited page's new text is not found")
	}

	// Without antiword or catdoc a new DOC waits, named in status and
	// stats; with them the next ingest reads it.
	copyFile(t, filepath.Join(demoFiles, "612-QD-UBND.doc"), filepath.Join(dir, "ban-sao.doc"))
	path := os.Getenv("PATH")
	t.Setenv("PATH", filetexttest.ToolsOnly(t, "pdfinfo", "pdftotext"))
	got, stderr, _ = ingestFolder(t, data, IngestOptions{}, dir)
	if got != "5 0 0 3 0 1 1" || strings.Count(stderr, "antiword is not installed") != 1 || !strings.Contains(stderr, "apt-get install antiword") {
		t.Errorf("without antiword: %s; want 1 waiting and one warning naming the package:\n%s", got, stderr)
	}
	out, _, err := call(t, data, RunStats, StatsOptions{})
	if err != nil || !strings.Contains(out, "files pending: 1") || !strings.Contains(out, "apt-get install antiword") {
		t.Errorf("stats: %v\n%s", err, out)
	}
	if out, _, err := call(t, data, RunStatus, StatusOptions{N: 1}); err != nil || !strings.Contains(out, "files pending: 1") {
		t.Errorf("status: %v\n%s", err, out)
	}
	t.Setenv("PATH", path)
	if got, _, _ := ingestFolder(t, data, IngestOptions{}, dir); got != "5 1 0 3 0 0 1" {
		t.Errorf("with antiword again: %s, want the waiting file read (1 new)", got)
	}
	if out, _, _ := call(t, data, RunStats, StatsOptions{}); strings.Contains(out, "files pending") {
		t.Errorf("stats after the file was read:\n%s", out)
	}
}

// attachmentTruth is a line of ../shared/data/attachments/truth.jsonl.
type attachmentTruth struct {
	File       string `json:"file"` // "files/…"
	Kind       string `json:"kind"`
	First      string `json:"first_words"`
	OCR        bool   `json:"ocr_needed"`
	Bytes      int64  `json:"bytes"`
	NumberText string `json:"number"`
}

func readAttachmentTruth(t *testing.T, dir string) []attachmentTruth {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out []attachmentTruth
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var tr attachmentTruth
		if err := json.Unmarshal([]byte(l), &tr); err != nil {
			t.Fatal(err)
		}
		out = append(out, tr)
	}
	return out
}

// firstWordsRanks searches the first words of each file's body and
// reports the rank of the file (0: not in the top 10), over the files
// checked (with -short the scanned ones are not OCR'd and are left out).
func firstWordsRanks(t *testing.T, data string, truths []attachmentTruth, urlOf func(attachmentTruth) string) (top3, checked int) {
	t.Helper()
	ranks := map[int]int{}
	for _, tr := range truths {
		if tr.OCR && testing.Short() {
			continue
		}
		checked++
		hits := searchHits(t, data, tr.First, 10)
		r := rankOf(hits, urlOf(tr))
		ranks[r]++
		if r >= 1 && r <= 3 {
			top3++
			if hits[r-1].File == "" || hits[r-1].Page == 0 {
				t.Errorf("%s: the hit does not say its file and page: %+v", tr.File, hits[r-1])
			}
			continue
		}
		t.Errorf("%s (%s): its first words find it at rank %d (0: not in the top 10): %q", tr.File, tr.Kind, r, tr.First)
		for i, h := range hits[:min(3, len(hits))] {
			t.Logf("    %d. %s %s", i+1, h.URL, h.Title)
		}
	}
	t.Logf("first words find their file in the top 3 for %d of %d files (ranks: %v)", top3, checked, ranks)
	return top3, checked
}

// TestIngestSharedAttachments: `vanban ingest ../shared/data/attachments/files`,
// then `vanban search` with the first words of each file's body finds the
// file in the top 3. With -short the scanned files are not OCR'd and are
// left out of the count. A second ingest of the unchanged folder changes
// nothing.
func TestIngestSharedAttachments(t *testing.T) {
	dir := shared.Path(t, "data", "attachments")
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext", "pdfimages", "antiword")
	if !testing.Short() {
		filetexttest.RequireOCR(t)
	}
	truths := readAttachmentTruth(t, dir)
	data := t.TempDir()
	// A file's OCR may take longer than filetext's default bound on a
	// loaded machine (CT-11-2025.pdf passed it at load 30–38): here no
	// file's bound is reached before go test's own timeout, the hang guard,
	// so the count never depends on the machine's speed.
	// The OCR cache .ci/run shares with filetext's TestAttachments (the
	// same pages, the same Tesseract arguments): whichever runs second reads
	// Tesseract's output of each page from it.
	opts := IngestOptions{NoOCR: testing.Short(), FileTimeout: 24 * time.Hour, OCRCache: filetexttest.OCRCache(t)}
	got, stderr, err := ingestFolder(t, data, opts, filepath.Join(dir, "files"))
	if err != nil || !strings.HasPrefix(got, fmt.Sprintf("%d %d 0 0 0 0 0", len(truths), len(truths))) {
		t.Fatalf("ingest: %s, %v; want every file new:\n%s", got, err, stderr)
	}
	abs, _ := filepath.Abs(dir)
	firstWordsRanks(t, data, truths, func(tr attachmentTruth) string { return fileURL(filepath.Join(abs, tr.File)) })
	if got, _, err := ingestFolder(t, data, opts, filepath.Join(dir, "files")); err != nil || got != fmt.Sprintf("%d 0 0 %d 0 0 0", len(truths), len(truths)) {
		t.Errorf("second ingest: %s, %v; want all unchanged", got, err)
	}
}

// sharedPortal serves real files from ../shared/data/attachments/files as
// the attachments of its articles (one article per file, linked from /),
// from disk: Last-Modified from the file, so that a second crawl is
// answered 304. A removed file answers 404; an unlinked one is no longer
// linked by its article.
type sharedPortal struct {
	dir      string
	files    []string // names
	mu       sync.Mutex
	removed  map[string]bool
	unlinked map[string]bool
	notMod   int
}

func (p *sharedPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/":
		fmt.Fprint(w, `<html><body><ul>`)
		for i := range p.files {
			fmt.Fprintf(w, `<li><a href="/tin-tuc/%d.html">Văn bản</a></li>`, i)
		}
		fmt.Fprint(w, `</ul></body></html>`)
	case strings.HasPrefix(r.URL.Path, "/tin-tuc/"):
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/tin-tuc/%d.html", &i); err != nil || i >= len(p.files) {
			http.NotFound(w, r)
			return
		}
		p.mu.Lock()
		link := fmt.Sprintf(`<p><b>Tệp đính kèm:</b> <a href="/files/%s">Tải về</a></p>`, url.PathEscape(p.files[i]))
		if p.unlinked[p.files[i]] {
			link = ""
		}
		p.mu.Unlock()
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Văn bản số %d</title></head><body><div class="content-detail"><h1>Văn bản mới ban hành số %d</h1><p class="date">Ngày đăng: 02/06/2025</p><p>Cổng thông tin điện tử đăng tải toàn văn văn bản; xem tệp đính kèm.</p>%s</div></body></html>`, i, i, link)
	case strings.HasPrefix(r.URL.Path, "/files/"):
		name := strings.TrimPrefix(r.URL.Path, "/files/")
		p.mu.Lock()
		gone := p.removed[name]
		if r.Header.Get("If-Modified-Since") != "" {
			p.notMod++
		}
		p.mu.Unlock()
		if gone || !slices.Contains(p.files, name) {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, filepath.Join(p.dir, name))
	default:
		http.NotFound(w, r)
	}
}

// TestCrawlSharedAttachments: a portal serving real files of
// ../shared/data/attachments as attachments — the smallest of each kind,
// and outside -short a scanned one — is crawled: each file is a document
// its first words find; a second crawl revalidates them (304) and reads
// nothing; a file removed from the portal while its article links it
// stays a document, found, listed dead; once the article drops the link
// it disappears from search.
func TestCrawlSharedAttachments(t *testing.T) {
	dir := shared.Path(t, "data", "attachments")
	filetexttest.RequireTools(t, "pdfinfo", "pdftotext", "pdfimages", "antiword")
	if !testing.Short() {
		filetexttest.RequireOCR(t)
	}
	smallest := map[string]attachmentTruth{}
	for _, tr := range readAttachmentTruth(t, dir) {
		if tr.OCR && testing.Short() {
			continue
		}
		if s, ok := smallest[tr.Kind]; !ok || tr.Bytes < s.Bytes {
			smallest[tr.Kind] = tr
		}
	}
	var truths []attachmentTruth
	portal := &sharedPortal{dir: filepath.Join(dir, "files"), removed: map[string]bool{}, unlinked: map[string]bool{}}
	for _, tr := range smallest {
		truths = append(truths, tr)
	}
	slices.SortFunc(truths, func(a, b attachmentTruth) int { return strings.Compare(a.File, b.File) })
	for _, tr := range truths {
		portal.files = append(portal.files, strings.TrimPrefix(tr.File, "files/"))
	}
	srv := httptest.NewServer(portal)
	defer srv.Close()
	// the crawl's reader keeps its OCR in the run's cache ([files]
	// ocr_cache): the scan's pages are TestIngestSharedAttachments' and
	// filetext's TestAttachments', OCR'd once between them in CI
	cache := filetexttest.OCRCache(t)
	cfg := fmt.Sprintf("[files]\nocr_cache = %q\n\n[[site]]\nname = \"portal\"\nstart = [%q]\nallow = ['^%s/(tin-tuc/)?']\narticle = ['/tin-tuc/']\nconcurrency = 2\n", cache, srv.URL+"/", regexp.QuoteMeta(srv.URL))
	sites := filepath.Join(t.TempDir(), "sites.toml")
	if err := os.WriteFile(sites, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	report := filepath.Join(t.TempDir(), "report.json")
	crawl := func() crawlReport {
		t.Helper()
		_, stderr, err := call(t, data, RunCrawl, CrawlOptions{SitesOptions: SitesOptions{Config: sites}, Report: report})
		if err != nil {
			t.Fatalf("crawl: %v\n%s", err, stderr)
		}
		if _, stderr, err := call(t, data, RunIndex, IndexOptions{}); err != nil {
			t.Fatalf("index: %v\n%s", err, stderr)
		}
		var rep crawlReport
		b, _ := os.ReadFile(report)
		if err := json.Unmarshal(b, &rep); err != nil {
			t.Fatal(err)
		}
		return rep
	}
	urlOf := func(tr attachmentTruth) string {
		return "/files/" + url.PathEscape(strings.TrimPrefix(tr.File, "files/"))
	}

	rep := crawl().Sites[0]
	if rep.Files != len(truths) || rep.FilesFailed+rep.FilesPending+rep.Failed != 0 {
		t.Fatalf("first crawl: %+v; want the %d files read", rep, len(truths))
	}
	firstWordsRanks(t, data, truths, urlOf)
	if !testing.Short() {
		// a scan was read: its OCR is in the cache (written by this
		// crawl, or found there)
		if ents, err := os.ReadDir(cache); err != nil || len(ents) == 0 {
			t.Errorf("the OCR cache %s after the first crawl: %d entries, %v; want the scan's pages", cache, len(ents), err)
		}
	}

	rep = crawl().Sites[0]
	if rep.Files != 0 || rep.New+rep.Changed != 0 || portal.notMod != len(truths) || rep.NotModified < len(truths) {
		t.Errorf("second crawl: %+v, %d conditional file requests; want every file revalidated (304), none read", rep, portal.notMod)
	}

	gone := truths[0]
	portal.mu.Lock()
	portal.removed[strings.TrimPrefix(gone.File, "files/")] = true
	portal.mu.Unlock()
	rep = crawl().Sites[0]
	if rep.Gone != 0 || rep.DeadFileCount != 1 {
		t.Errorf("third crawl: %+v; want the removed file's document kept, listed dead", rep)
	}
	if r := rankOf(searchHits(t, data, gone.First, 10), urlOf(gone)); r == 0 {
		t.Errorf("the removed file %s, still linked, is no longer found", gone.File)
	}
	portal.mu.Lock()
	portal.unlinked[strings.TrimPrefix(gone.File, "files/")] = true
	portal.mu.Unlock()
	rep = crawl().Sites[0]
	if rep.Gone != 1 || rep.DeadFileCount != 0 {
		t.Errorf("fourth crawl: %+v; want the removed file, now unlinked, gone", rep)
	}
	if r := rankOf(searchHits(t, data, gone.First, 10), urlOf(gone)); r != 0 {
		t.Errorf("the removed, unlinked file %s is still found (rank %d)", gone.File, r)
	}
}
