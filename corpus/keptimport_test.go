package corpus

import (
	"slices"
	"testing"
	"time"
)

// TestImportUpdatesKeptRecord: the upgrades keep an import's record of a
// tracking URL under its own (format 5) ID when its canonical URL's
// record holds another text (migrateURLIDs, retiredImports). An
// import's line of that URL took the canonical URL's ID: the line's text
// replaced the other record's, and the kept record was never written
// again, a stale copy of its line (an edit of the line went to the other
// record, or was overwritten by it). A line of exactly that URL now
// updates the kept record; other tracking URLs, and a crawled page's
// record kept so (the crawler retires it by its own rule), take the
// canonical ID as before.
func TestImportUpdatesKeptRecord(t *testing.T) {
	dir := t.TempDir()
	u := func(p string) string { return "https://congbao.example.gov.vn/van-ban/" + p }
	at := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	summary := &Document{ID: legacyID(u("nq-12.html?utm_source=thu")), URL: u("nq-12.html?utm_source=thu"),
		Title: "Nghị quyết số 12/NQ-HĐND (tóm tắt)", Body: "Tóm tắt: hỗ trợ học phí."}
	full := &Document{ID: legacyID(u("nq-12.html")), URL: u("nq-12.html"),
		Title: "Nghị quyết số 12/NQ-HĐND", Body: "Điều 1. Hỗ trợ học phí cho học sinh các xã vùng khó khăn."}
	page := &Document{ID: legacyID(u("tb-9.html?zarsrc=1")), URL: u("tb-9.html?zarsrc=1"), Site: "cb", FetchedAt: at,
		Title: "Thông báo 9", Body: "Thứ Hai."}
	pageTwin := &Document{ID: legacyID(u("tb-9.html")), URL: u("tb-9.html"), Site: "cb", FetchedAt: at.Add(time.Hour),
		Title: "Thông báo 9", Body: "Thứ Ba."}
	writeFormat(t, dir, "5", summary, full, page, pageTwin)
	s := openTestStore(t, dir)
	if d, err := s.Get(summary.ID); err != nil || d.Gone {
		t.Fatalf("test premise: the upgrade keeps the summary beside the resolution: %+v, %v", d, err)
	}
	fullSeq := func() uint64 {
		d, err := s.Get(full.ID)
		if err != nil {
			t.Fatal(err)
		}
		return d.Seq
	}
	before := fullSeq()

	// the import again, its summary line edited; another share of the
	// resolution's URL; a line of the crawled page's tracking URL
	edited := "Tóm tắt: hỗ trợ học phí từ năm học 2025–2026."
	changes, err := s.PutBatch([]*Document{
		{URL: summary.URL, Title: summary.Title, Body: edited},
		{URL: full.URL, Title: full.Title, Body: full.Body},
		{URL: page.URL, Title: page.Title, Body: "Thứ Tư."},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []Change{Changed, Unchanged, Changed}; !slices.Equal(changes, want) {
		t.Errorf("changes %v, want %v", changes, want)
	}
	if d, err := s.Get(summary.ID); err != nil || d.Gone || d.Body != edited || d.URL != summary.URL {
		t.Errorf("the kept summary: %+v, %v; want its line's new text, under its URL", d, err)
	}
	if d, err := s.Get(full.ID); err != nil || d.Body != full.Body || d.Seq != before {
		t.Errorf("the resolution: body %q seq %d → %d, %v; want it untouched", d.Body, before, d.Seq, err)
	}
	if d, err := s.Get(pageTwin.ID); err != nil || d.Body != "Thứ Tư." {
		t.Errorf("the crawled page's canonical record: %+v, %v; want the line there", d, err)
	}
	if d, err := s.Get(page.ID); err != nil || d.Body != page.Body {
		t.Errorf("the crawled page's kept record: %+v, %v; want it as it was", d, err)
	}
}

// TestLegacyURL: the spelling formats 1–5 stored a URL in when it differs
// from the canonical one (tracking parameters kept), "" when it does not.
func TestLegacyURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://sotnmt.example.gov.vn/tin/qd-15.html", ""},
		{"https://sotnmt.example.gov.vn/tin/list.aspx?page=2&cat=5", ""},
		{"HTTPS://SoTNMT.example.gov.vn:443/tin/qd-15.html?utm_source=zalo#top", "https://sotnmt.example.gov.vn/tin/qd-15.html?utm_source=zalo"},
		{"https://sotnmt.example.gov.vn/tin/view.aspx?id=7&fbclid=IwAR2", "https://sotnmt.example.gov.vn/tin/view.aspx?id=7&fbclid=IwAR2"},
		{"https://sotnmt.example.gov.vn/tin/view.aspx?", ""},
	} {
		if got := legacyURL(tc.in); got != tc.want {
			t.Errorf("legacyURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
