package indexer

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/vanban/vanban/corpus"
)

func TestAnalyzers(t *testing.T) {
	text := "Uỷ ban ban hành Nghị quyết số 154/NQ-CP."
	tests := []struct {
		analyzer string
		want     []string // term@position[start:end]
	}{
		{AnalyzerExact, []string{"ủy@1[0:4]", "ban@2[5:8]", "ban@3[9:12]", "hành@4[13:18]", "nghị@5[19:25]", "quyết@6[26:33]", "số@7[34:38]", "154/nq-cp@8[39:48]", "154@8[39:42]", "nq@9[43:45]", "cp@10[46:48]"}},
		{AnalyzerFold, []string{"uy@1[0:4]", "ban@2[5:8]", "ban@3[9:12]", "hanh@4[13:18]", "nghi@5[19:25]", "quyet@6[26:33]", "so@7[34:38]", "154/nq-cp@8[39:48]", "154@8[39:42]", "nq@9[43:45]", "cp@10[46:48]"}},
		{AnalyzerBigram, []string{"uy ban@1[0:8]", "ban ban@2[5:12]", "ban hanh@3[9:18]", "hanh nghi@4[13:25]", "nghi quyet@5[19:33]", "quyet so@6[26:38]", "so 154@7[34:42]", "154 nq@8[39:45]", "nq cp@9[43:48]"}},
	}
	for _, tt := range tests {
		a, err := bleve.NewIndexMapping().AnalyzerNamed(tt.analyzer), error(nil)
		if a == nil {
			t.Fatalf("analyzer %s not registered: %v", tt.analyzer, err)
		}
		var got []string
		for _, tok := range a.Analyze([]byte(text)) {
			got = append(got, tokString(text, tok))
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s(%q) =\n %q\nwant\n %q", tt.analyzer, text, got, tt.want)
		}
	}
}

func tokString(text string, tok *analysis.Token) string {
	_ = text[tok.Start:tok.End]
	return string(tok.Term) + "@" + itoa(tok.Position) + "[" + itoa(tok.Start) + ":" + itoa(tok.End) + "]"
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestSyncAndReopen(t *testing.T) {
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	docs := []*corpus.Document{
		{URL: "http://p/1", Title: "Nghị quyết số 154/NQ-CP", Body: "Về phát triển kinh tế - xã hội tỉnh. Hoà bình.", Number: "154/NQ-CP", Type: "Nghị quyết", Published: "2022-11-23"},
		{URL: "http://p/2", Title: "Kế hoạch triển khai", Body: "Triển khai Nghị quyết số 154/NQ-CP ngày 23/11/2022.", Type: "Kế hoạch"},
		{URL: "http://p/3", Title: "Tin thể thao", Body: "Giải bóng đá thiếu niên."},
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
	st, err := ix.Sync(context.Background(), store, nil)
	if err != nil || st.Indexed != 3 {
		t.Fatalf("Sync = %+v, %v", st, err)
	}
	count := func(field, q string) uint64 {
		mq := bleve.NewMatchQuery(q)
		mq.SetField(field)
		res, err := ix.Bleve().Search(bleve.NewSearchRequest(mq))
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	cases := []struct {
		field, q string
		want     uint64
	}{
		{FieldBody, "hòa", 1},
		{FieldBodyFold, "hoa binh", 1},
		{FieldBodyFold, "kinh te xa hoi", 1},
		{FieldCites, "154/nq-cp", 2},
		{FieldNumber, "154 / NQ–CP", 1},
		{FieldTitleFold, "nghi quyet", 1},
	}
	for _, c := range cases {
		if got := count(c.field, c.q); got != c.want {
			t.Errorf("%s:%q matched %d, want %d", c.field, c.q, got, c.want)
		}
	}
	// Change one, remove one; Sync applies only that.
	store.Put(&corpus.Document{URL: "http://p/3", Title: "Tin thể thao", Body: "Giải bơi lội."})
	store.MarkGone(corpus.IDForURL("http://p/1"))
	st, err = ix.Sync(context.Background(), store, nil)
	if err != nil || st.Indexed != 1 || st.Removed != 1 {
		t.Fatalf("second Sync = %+v, %v", st, err)
	}
	ix.Close()
	ix, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n, _ := ix.DocCount()
	if n != 2 {
		t.Errorf("DocCount after reopen = %d, want 2", n)
	}
	if st, _ := ix.Sync(context.Background(), store, nil); st.Indexed+st.Removed != 0 {
		t.Errorf("Sync with nothing new did %+v", st)
	}
}
