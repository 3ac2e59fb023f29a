package corpus

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"
)

// Salvage copies a store of an older format as that format: the next
// read-write open upgrades it as it upgrades any (the documents of tracking
// URLs moved to their canonical IDs, format 5 → 6; the imports 6 retired
// brought back, 6 → 7). Written at the current format, with each record's
// URL rewritten to its canonical form, the salvaged store skipped both:
// a format 5 page stayed under its legacy ID (the crawler then stores the
// page again under its canonical one: two documents), and format 6's
// retired text stayed retired.
func TestSalvageKeepsFormat(t *testing.T) {
	u := func(p string) string { return "https://sotuphap.example.gov.vn/van-ban/" + p }
	t.Run("5", func(t *testing.T) {
		dir := t.TempDir()
		page := &Document{ID: legacyID(u("qd-15.html?utm_source=zalo")), URL: u("qd-15.html?utm_source=zalo"),
			Title: "Quyết định số 15/QĐ-UBND", Body: "Ban hành quy định về quản lý cụm công nghiệp."}
		other := &Document{ID: IDForURL(u("kh-4.html")), URL: u("kh-4.html"), Title: "Kế hoạch số 4/KH-UBND", Body: "Triển khai chuyển đổi số."}
		writeFormat(t, dir, "5", page, other)
		if _, err := Salvage(context.Background(), dir, nil); err != nil {
			t.Fatal(err)
		}
		s := openTestStore(t, dir)
		if v := storeVersionOf(t, s); v != strconv.Itoa(storeVersion) {
			t.Errorf("version after the open %q, want %d", v, storeVersion)
		}
		got, err := s.Get(IDForURL(page.URL))
		if err != nil || got.Gone || got.Body != page.Body {
			t.Errorf("the page under its canonical ID: %+v, %v", got, err)
		}
		if old, err := s.Get(page.ID); err == nil && !old.Gone {
			t.Errorf("the page stays live under its legacy ID %s too (URL %s)", old.ID, old.URL)
		}
	})
	t.Run("6", func(t *testing.T) {
		dir := t.TempDir()
		twin := &Document{ID: IDForURL(u("nq-20.html")), URL: u("nq-20.html"), Title: "Nghị quyết số 20/NQ-HĐND", Body: "Điều 1. Quy định mức chi hỗ trợ."}
		retired := &Document{ID: legacyID(u("nq-20.html?utm_medium=email")), URL: u("nq-20.html?utm_medium=email"),
			Title: "Nghị quyết số 20/NQ-HĐND (dự thảo)", Body: "Dự thảo mức chi hỗ trợ.", Gone: true}
		// (the twin's ID sorts before the tombstone's; the other order,
		// and a twin changed since: TestSalvageKeepsChangeOrder)
		writeFormat(t, dir, "6", twin, retired)
		if _, err := Salvage(context.Background(), dir, nil); err != nil {
			t.Fatal(err)
		}
		s := openTestStore(t, dir)
		got, err := s.Get(retired.ID)
		if err != nil || got.Gone || got.Body != retired.Body || got.URL != retired.URL {
			t.Errorf("the import format 6 retired: %+v, %v; want it back, URL %s", got, err, retired.URL)
		}
		if tw, err := s.Get(twin.ID); err != nil || tw.Gone || tw.Body != twin.Body {
			t.Errorf("twin: %+v, %v", tw, err)
		}
	})
}

// TestSalvageKeepsChangeOrder: salvage writes the documents again in the
// order of the IDs, and gave them new sequences in that order; the
// upgrade of format 6 reads from the sequences whether a retired import's
// canonical twin changed since the old upgrade retired it. A twin edited
// after that upgrade (its text the newer one) whose ID sorts before the
// tombstone's then looked older, and the retired record came back live
// beside it: a stale copy of the document. A twin left as it was whose ID
// sorts after looked newer, and the retired import stayed retired. The
// salvaged store keeps the source's order of changes: the edited twin
// wins, its tracking URL's old text stays in its tombstone (the store
// keeps no other history), and the other import comes back.
func TestSalvageKeepsChangeOrder(t *testing.T) {
	dir := t.TempDir()
	u := func(p string) string { return "https://congbao.example.gov.vn/van-ban/" + p }
	edited := &Document{ID: IDForURL(u("nq-31.html")), URL: u("nq-31.html"), Title: "Nghị quyết số 31/NQ-HĐND", Body: "Điều 1. Mức hỗ trợ 500.000 đồng/tháng."}
	stale := &Document{ID: legacyID(u("nq-31.html?utm_medium=email")), URL: u("nq-31.html?utm_medium=email"),
		Title: "Nghị quyết số 31/NQ-HĐND", Body: "Điều 1. Mức hỗ trợ 300.000 đồng/tháng.", Gone: true}
	kept := &Document{ID: IDForURL(u("nq-32.html")), URL: u("nq-32.html"), Title: "Nghị quyết số 32/NQ-HĐND", Body: "Điều 1. Quy định chế độ dinh dưỡng."}
	retired := &Document{ID: legacyID(u("nq-32.html?utm_source=thu")), URL: u("nq-32.html?utm_source=thu"),
		Title: "Nghị quyết số 32/NQ-HĐND (tóm tắt)", Body: "Tóm tắt chế độ dinh dưỡng.", Gone: true}
	if edited.ID > stale.ID || kept.ID < retired.ID {
		t.Fatalf("the test's IDs: %s must sort before %s, %s after %s", edited.ID, stale.ID, kept.ID, retired.ID)
	}
	// the old upgrade to 6 retired both imports beside their twins; then
	// an import changed the first twin
	newer := *edited
	newer.Body = "Điều 1. Mức hỗ trợ 650.000 đồng/tháng (sửa đổi)."
	writeFormat(t, dir, "6", edited, kept, stale, retired, &newer)
	order := func(s *Store) []string {
		t.Helper()
		var ids []string
		if err := s.Changes(context.Background(), 0, func(d *Document) error { ids = append(ids, d.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	src, err := OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	want := order(src)
	src.Close()
	if _, err := Salvage(context.Background(), dir, nil); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenStore(dir, true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if got := order(ro); !slices.Equal(got, want) {
		t.Errorf("the salvaged store's order of changes %v, the source's %v", got, want)
	}
	// numbered from 1: an index of the source store reads as ahead of it
	if last, err := ro.LastSeq(); err != nil || last != uint64(len(want)) {
		t.Errorf("the salvaged store's last sequence %d, %v; want %d", last, err, len(want))
	}
	ro.Close()

	s := openTestStore(t, dir)
	for _, tc := range []struct {
		d    *Document
		body string
		gone bool
	}{
		{edited, newer.Body, false}, {stale, stale.Body, true},
		{kept, kept.Body, false}, {retired, retired.Body, false},
	} {
		got, err := s.Get(tc.d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Gone != tc.gone || got.Body != tc.body || got.URL != tc.d.URL {
			t.Errorf("%s: gone %v body %q url %s; want gone %v body %q", tc.d.URL, got.Gone, got.Body, got.URL, tc.gone, tc.body)
		}
	}
}
