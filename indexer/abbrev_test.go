package indexer

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/vanban/vanban/corpus"
)

func TestAbbrevTerms(t *testing.T) {
	got := abbrevTerms("Quy chế phối hợp của Trung tâm Phục vụ hành chính công (TTPVHCC)",
		"Tòa án có thể áp dụng Biện pháp khẩn cấp tạm thời (sau đây gọi tắt là BPKCTT). BPKCTT (biện pháp khẩn cấp tạm thời) được hủy bỏ khi …\n"+
			"Trung tâm Phục vụ hành chính công (sau đây gọi tắt là Trung tâm) tiếp nhận hồ sơ (trừ hồ sơ mật).")
	want := []string{"TTPVHCC = trung tâm phục vụ hành chính công", "BPKCTT = biện pháp khẩn cấp tạm thời"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("abbrevTerms = %q, want %q", got, want)
	}
}

// TestAbbrevsFollowDocuments: the definitions of a snapshot are those of
// its live documents, counted per document, through every path that
// writes the index — Sync (new, changed and removed documents), Rebuild
// and Add.
func TestAbbrevsFollowDocuments(t *testing.T) {
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	def := "Chánh án quyết định áp dụng biện pháp khẩn cấp tạm thời (sau đây gọi tắt là BPKCTT) trong 48 giờ."
	docs := []*corpus.Document{
		{URL: "http://p/1", Title: "Điều 5. Áp dụng", Body: def},
		{URL: "http://p/2", Title: "Điều 9. Hủy bỏ", Body: "Việc hủy bỏ biện pháp khẩn cấp tạm thời (BPKCTT) do Thẩm phán quyết định."},
		{URL: "http://p/3", Title: "Điều 7. Cơ quan", Body: "Ủy ban nhân dân (UBND) cấp huyện và Phòng Tài nguyên và Môi trường (TN&MT)."},
		{URL: "http://p/4", Title: "Điều 8. Khác", Body: "Người lao động (trừ trường hợp tại Điều 5) được nghỉ."},
	}
	for _, d := range docs {
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	path := DirFor(dir)
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { ix.Close() }()
	read := func(ix *Index) []string {
		t.Helper()
		r := snapshot(t, ix)
		defer r.Close()
		return entries(t, r)
	}
	sync := func() {
		t.Helper()
		if _, err := ix.Sync(context.Background(), store, nil); err != nil {
			t.Fatal(err)
		}
	}
	sync()
	want := []string{"BPKCTT = biện pháp khẩn cấp tạm thời ×2", "TN&MT = tài nguyên và môi trường ×1", "UBND = ủy ban nhân dân ×1"}
	if got := read(ix); !reflect.DeepEqual(got, want) {
		t.Errorf("after Sync: %q, want %q", got, want)
	}
	// one text no longer defines BPKCTT, another is gone
	store.Put(&corpus.Document{URL: "http://p/2", Title: "Điều 9. Hủy bỏ", Body: "Việc hủy bỏ do Thẩm phán quyết định."})
	store.MarkGone(corpus.IDForURL("http://p/3"))
	sync()
	want = []string{"BPKCTT = biện pháp khẩn cấp tạm thời ×1"}
	if got := read(ix); !reflect.DeepEqual(got, want) {
		t.Errorf("after a change and a removal: %q, want %q", got, want)
	}
	ix.Close()
	if _, err := Rebuild(context.Background(), path, store, nil, true); err != nil {
		t.Fatal(err)
	}
	if ix, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := read(ix); !reflect.DeepEqual(got, want) {
		t.Errorf("after Rebuild: %q, want %q", got, want)
	}
	if err := ix.Add(context.Background(), []*corpus.Document{{ID: "x", Title: "Bảo hiểm", Body: "Bảo hiểm thất nghiệp (BHTN) là …"}}); err != nil {
		t.Fatal(err)
	}
	want = append([]string{"BHTN = bảo hiểm thất nghiệp ×1"}, want...) // term order
	if got := read(ix); !reflect.DeepEqual(got, want) {
		t.Errorf("after Add: %q, want %q", got, want)
	}
}

func entries(t *testing.T, r index.IndexReader) []string {
	t.Helper()
	es, err := Abbrevs(r)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.String()+" ×"+itoa(e.Docs))
	}
	return out
}

// BenchmarkAbbrevs reads the definitions of a snapshot whose 2,000
// documents give 1,000 distinct definitions, twice each: what a
// search pays once per snapshot (search keeps the dictionary until the
// next write).
func BenchmarkAbbrevs(b *testing.B) {
	ix, err := Open(b.TempDir()+"/index", Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	words := []string{"quản", "lý", "hồ", "sơ", "cấp", "phép", "xây", "dựng", "đất", "đai", "thuế", "phí"}
	var docs []*corpus.Document
	for i := range 2000 {
		n := i / 2
		var long, short []string
		for _, m := range []int{1, 12, 144, 1728} {
			w := words[n/m%len(words)]
			long = append(long, w)
			short = append(short, strings.ToUpper(string([]rune(w)[:1])))
		}
		docs = append(docs, &corpus.Document{ID: itoa(i), Title: "Điều " + itoa(i),
			Body: "Việc " + strings.Join(long, " ") + " (sau đây gọi tắt là " + strings.Join(short, "") + ") được thực hiện theo quy định."})
	}
	if err := ix.Add(context.Background(), docs); err != nil {
		b.Fatal(err)
	}
	r := snapshot(b, ix)
	defer r.Close()
	var n int
	b.ReportAllocs()
	for b.Loop() {
		es, err := Abbrevs(r)
		if err != nil {
			b.Fatal(err)
		}
		n = len(es)
	}
	b.ReportMetric(float64(n), "definitions")
}

// snapshot is a reader of ix's current snapshot, for the caller to close.
func snapshot(tb testing.TB, ix *Index) index.IndexReader {
	tb.Helper()
	adv, err := ix.Bleve().Advanced()
	if err != nil {
		tb.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		tb.Fatal(err)
	}
	return r
}
