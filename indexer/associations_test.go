package indexer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer/assoc"
)

// assocDocs are n texts written for the test: a few say "ly hôn" beside
// "chấm dứt quan hệ hôn nhân", the rest are about other matters.
func assocDocs(from, n int) []*corpus.Document {
	other := []string{"Ủy ban nhân dân xã sửa chữa đường giao thông nông thôn", "Hộ kinh doanh nộp thuế khoán theo quý",
		"Trạm y tế xã tiêm chủng cho trẻ em", "Doanh nghiệp đăng ký thay đổi trụ sở chính", "Sở xây dựng kiểm tra công trình nhà ở"}
	var docs []*corpus.Document
	for i := from; i < from+n; i++ {
		body := fmt.Sprintf("%s. %s số %d.", other[i%len(other)], other[(i/5)%len(other)], i)
		if i%60 == 0 {
			body = "Khi vợ chồng ly hôn, Tòa án công nhận việc chấm dứt quan hệ hôn nhân."
		}
		docs = append(docs, &corpus.Document{URL: fmt.Sprint("http://assoc.test/", i), Title: fmt.Sprint("Văn bản ", i), Body: body})
	}
	return docs
}

func related(t *testing.T, ix *Index, unit string) []string {
	t.Helper()
	tb, err := ix.Associations()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, w := range tb.Related(unit) {
		out = append(out, w.Term)
	}
	return out
}

// TestAssociationsSync: Sync learns no associations for an index that has
// none; LearnAssociations learns the store's into the index; from then on
// a small increment keeps them, a large one learns them again; a damaged
// or other-version value reads as an error and the next refresh learns
// them again; they survive a reopen.
func TestAssociationsSync(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	put := func(docs []*corpus.Document) {
		for _, d := range docs {
			if _, err := store.Put(d); err != nil {
				t.Fatal(err)
			}
		}
	}
	put(assocDocs(0, 400))
	path := DirFor(dir)
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb, err := ix.Associations(); err != nil || tb != nil {
		t.Fatalf("new index: associations %v, %v; want none", tb, err)
	}
	if _, err := ix.Sync(ctx, store, nil); err != nil {
		t.Fatal(err)
	}
	if tb, err := ix.Associations(); err != nil || tb != nil {
		t.Fatalf("after Sync, not asked for: associations %v, %v; want none", tb, err)
	}
	if err := ix.LearnAssociations(ctx, store); err != nil {
		t.Fatal(err)
	}
	if got := related(t, ix, "ly hon"); !slices.Contains(got, "cham dut") {
		t.Fatalf("after LearnAssociations: related(ly hon) = %v, want cham dut", got)
	}
	learned := func() int {
		tb, err := ix.Associations()
		if err != nil {
			t.Fatal(err)
		}
		return tb.Docs
	}
	if n := learned(); n != 400 {
		t.Errorf("learned on %d documents, want 400", n)
	}

	put(assocDocs(400, 40)) // +10 %: kept
	if _, err := ix.Sync(ctx, store, nil); err != nil {
		t.Fatal(err)
	}
	if n := learned(); n != 400 {
		t.Errorf("after a small increment: learned on %d documents, want 400 (kept)", n)
	}
	put(assocDocs(440, 160)) // 600 of 400: learned again
	if _, err := ix.Sync(ctx, store, nil); err != nil {
		t.Fatal(err)
	}
	if n := learned(); n != 600 {
		t.Errorf("after a large increment: learned on %d documents, want 600", n)
	}

	for _, bad := range [][]byte{[]byte("vbassoc\x01 damaged"), []byte("vbassoc\x09 a future format")} {
		if err := ix.b.SetInternal(keyAssoc, bad); err != nil {
			t.Fatal(err)
		}
		_, err := ix.Associations()
		if !errors.Is(err, assoc.ErrCorrupt) && !errors.Is(err, assoc.ErrVersion) {
			t.Errorf("%q: error %v, want ErrCorrupt or ErrVersion", bad, err)
		}
		if did, err := ix.RefreshAssociations(ctx, store); err != nil || !did {
			t.Errorf("refresh of %q: %v, %v; want learned again", bad, did, err)
		}
		if got := related(t, ix, "ly hon"); !slices.Contains(got, "cham dut") {
			t.Errorf("learned again after %q: related(ly hon) = %v", bad, got)
		}
	}

	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err = Open(path, Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := related(t, ix, "ly hon"); !slices.Contains(got, "cham dut") {
		t.Errorf("reopened: related(ly hon) = %v", got)
	}
}

// TestAssociationsRebuild: a build learns them when asked, and a rebuild
// of an index that has them keeps them; one that has none stays without.
func TestAssociationsRebuild(t *testing.T) {
	dir := t.TempDir()
	store, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, d := range assocDocs(0, 400) {
		if _, err := store.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	has := func(when string) bool {
		t.Helper()
		ix, err := Open(DirFor(dir), Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		tb, err := ix.Associations()
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if tb != nil && !slices.Contains(related(t, ix, "ly hon"), "cham dut") {
			t.Errorf("%s: related(ly hon) = %v, want cham dut", when, related(t, ix, "ly hon"))
		}
		return tb != nil
	}
	ctx := context.Background()
	if _, err := Rebuild(ctx, DirFor(dir), store, nil, false); err != nil {
		t.Fatal(err)
	}
	if has("built, not asked") {
		t.Error("built without asking: associations learned")
	}
	if _, err := Build(ctx, DirFor(dir), store, BuildOptions{Associations: true}); err != nil {
		t.Fatal(err)
	}
	if !has("built with Associations") {
		t.Error("built with Associations: none learned")
	}
	if _, err := Rebuild(ctx, DirFor(dir), store, nil, false); err != nil {
		t.Fatal(err)
	}
	if !has("rebuilt") {
		t.Error("rebuilt an index that had them: lost")
	}
}
