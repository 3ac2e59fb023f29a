package web

import (
	"context"
	"log/slog"
	"maps"
	"net/url"
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/search"
)

func numbersOf(ls []DocLink) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Number)
	}
	slices.Sort(out)
	return out
}

func TestAPIRefs(t *testing.T) {
	srv, _ := demoService(t)
	tests := []struct {
		key           string
		documents     []string
		citedByNumber []string // numbers of the citing documents that have one
		minCiting     int
	}{
		{"154/NQ-CP", []string{"154/NQ-CP"}, []string{"113/CTr-TU", "236/KH-UBND"}, 3},
		{"154 / nq–cp", []string{"154/NQ-CP"}, []string{"113/CTr-TU", "236/KH-UBND"}, 3},
		{"57-NQ/TW", []string{"57-NQ/TW"}, []string{"21-CTr/TU", "45/KH-UBND"}, 3},
		{"12/2023/NQ-HDND", []string{"12/2023/NQ-HĐND"}, []string{"112/KH-UBND", "178/KH-UBND"}, 3},
		{"24-NQ/TW", nil, []string{"113/CTr-TU", "154/NQ-CP", "236/KH-UBND"}, 3}, // cited, not stored
		{"999/QĐ-TTg", nil, nil, 0},
	}
	for _, tt := range tests {
		var got refsJSON
		getJSON(t, srv.URL+"/api/refs?key="+url.QueryEscape(tt.key), 200, &got)
		if g := numbersOf(got.Documents); !slices.Equal(g, tt.documents) {
			t.Errorf("/api/refs?key=%s documents = %v, want %v", tt.key, g, tt.documents)
		}
		var numbered []DocLink
		for _, d := range got.CitedBy {
			if d.Number != "" {
				numbered = append(numbered, d)
			}
			if d.ID == "" || d.Title == "" || d.URL == "" {
				t.Errorf("/api/refs?key=%s: cited_by entry %+v lacks id, title or url", tt.key, d)
			}
		}
		if g := numbersOf(numbered); !slices.Equal(g, tt.citedByNumber) || len(got.CitedBy) < tt.minCiting {
			t.Errorf("/api/refs?key=%s cited_by = %v (%d in all), want %v and at least %d", tt.key, g, len(got.CitedBy), tt.citedByNumber, tt.minCiting)
		}
	}
	// a bare number names the one stored document numbered so (154/NQ-CP
	// in the demo; numbers_test.go: several are a 400 naming them); one
	// naming none is still no number
	var bare refsJSON
	getJSON(t, srv.URL+"/api/refs?key=154", 200, &bare)
	if bare.Key != "154/NQ-CP" || len(bare.Documents) != 1 {
		t.Errorf("/api/refs?key=154: key %q, %d documents; want 154/NQ-CP's", bare.Key, len(bare.Documents))
	}
	for _, bad := range []string{"", "nghị quyết", "9154"} {
		var e map[string]string
		getJSON(t, srv.URL+"/api/refs?key="+url.QueryEscape(bad), 400, &e)
		if e["error"] == "" {
			t.Errorf("/api/refs?key=%q: no error message", bad)
		}
	}
}

func TestAPIDocumentRefs(t *testing.T) {
	srv, store := demoService(t)
	ids, _ := store.ByNumber("236/KH-UBND")
	var doc struct {
		Number  string    `json:"number"`
		Refs    []relRef  `json:"refs"`
		CitedBy []DocLink `json:"cited_by"`
	}
	getJSON(t, srv.URL+"/api/documents/"+ids[0], 200, &doc)
	resolved := map[string]bool{}
	for _, r := range doc.Refs {
		resolved[r.Key] = r.DocID != ""
	}
	if want := map[string]bool{"154/NQ-CP": true, "24-NQ/TW": false}; !maps.Equal(resolved, want) {
		t.Errorf("refs of 236/KH-UBND resolved = %v, want %v", resolved, want)
	}
	if len(doc.CitedBy) == 0 {
		t.Error("236/KH-UBND: no cited_by (the conference news cites it)")
	}
}

func TestRelations(t *testing.T) {
	store, err := corpus.OpenStore(t.TempDir(), false, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	res := &corpus.Document{ID: "r", Type: "Nghị quyết", Number: "7/NQ-HĐND", Title: "Nghị quyết số 7/NQ-HĐND",
		Body: "II. NHIỆM VỤ\n1. Phát triển giao thông nông thôn, bê tông hóa đường xã.\n2. Bảo vệ rừng phòng hộ đầu nguồn."}
	plan := &corpus.Document{ID: "p", Type: "Kế hoạch", Number: "9/KH-UBND", Title: "Kế hoạch số 9/KH-UBND thực hiện Nghị quyết số 7/NQ-HĐND",
		Body: "NHIỆM VỤ\n1. Bê tông hóa đường giao thông nông thôn tại các xã."}
	for _, d := range []*corpus.Document{res, plan} {
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	h := NewHandler(nil, store, slog.New(slog.DiscardHandler))
	rp := h.relations(plan, 1)
	if len(rp.Refs) != 1 || rp.Refs[0].DocID != "r" {
		t.Fatalf("Relations(plan) = %+v", rp)
	}
	rr := h.relations(res, 1)
	if len(rr.CitedBy) != 1 || rr.CitedBy[0].ID != "p" {
		t.Fatalf("Relations(resolution) = %+v", rr)
	}
	// The plan's links and the resolution's coverage: TestImplementation.
}

// docsOnly is a store seen as Docs alone, without its citation graph:
// the document page resolves references with the index.
type docsOnly struct{ s *corpus.Store }

func (d docsOnly) Get(id string) (*corpus.Document, error) { return d.s.Get(id) }

// TestIndexRelations: without a citation graph, a cited number is found in
// the index and shown with its document's title, read from the store (the
// index stores neither the number nor the title).
func TestIndexRelations(t *testing.T) {
	res := &corpus.Document{ID: "r", URL: "http://rel.test/r", Type: "Nghị quyết", Number: "77/NQ-HĐND", Title: "Nghị quyết số 77/NQ-HĐND về giao thông nông thôn",
		Body: "Phát triển giao thông nông thôn, bê tông hóa đường xã."}
	plan := &corpus.Document{ID: "p", URL: "http://rel.test/p", Type: "Kế hoạch", Number: "99/KH-UBND", Title: "Kế hoạch số 99/KH-UBND",
		Body: "Thực hiện Nghị quyết số 77/NQ-HĐND, bê tông hóa đường giao thông nông thôn tại các xã."}
	ix, store := demoIndex(t, res, plan)
	h := NewHandler(search.New(ix, search.WithTexts(store)), docsOnly{store}, slog.New(slog.DiscardHandler))
	refs, _ := h.indexRelations(context.Background(), plan)
	if len(refs) != 1 || refs[0].DocID != "r" || refs[0].Title != res.Title {
		t.Fatalf("references of the plan = %+v, want r titled %q", refs, res.Title)
	}
	_, citedBy := h.indexRelations(context.Background(), res)
	if len(citedBy) != 1 || citedBy[0].ID != "p" || citedBy[0].Title != plan.Title {
		t.Fatalf("cited by = %+v, want p", citedBy)
	}
}

// TestIndexRelationsDotAfterCode: a document whose own number holds a dot
// after a code no type has ("25/SXD.QLN") is cited under the key the
// index's cites field holds (doctype.NumberKey: 25/sxd), and its page
// lists the text citing it (i26-rev-cite). Written for the test.
func TestIndexRelationsDotAfterCode(t *testing.T) {
	cv := &corpus.Document{ID: "c", URL: "http://rel.test/c", Type: "Công văn", Number: "25/SXD.QLN", Title: "Công văn số 25/SXD.QLN về quản lý nhà ở",
		Body: "Sở Xây dựng đề nghị các huyện rà soát quỹ nhà ở xã hội."}
	plan := &corpus.Document{ID: "p", URL: "http://rel.test/p", Type: "Kế hoạch", Number: "98/KH-UBND", Title: "Kế hoạch số 98/KH-UBND",
		Body: "Thực hiện Công văn số 25/SXD.QLN của Sở Xây dựng, rà soát quỹ nhà ở xã hội."}
	ix, store := demoIndex(t, cv, plan)
	h := NewHandler(search.New(ix, search.WithTexts(store)), docsOnly{store}, slog.New(slog.DiscardHandler))
	if _, citedBy := h.indexRelations(context.Background(), cv); len(citedBy) != 1 || citedBy[0].ID != "p" {
		t.Fatalf("cited by = %+v, want p", citedBy)
	}
}
