package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/vanban/vanban/corpus/graph"
)

// legacyID is a document ID as store formats 1–5 derived it from a URL:
// its tracking parameters kept (the URL given here is already in that
// canonical form).
func legacyID(u string) string {
	sum := sha256.Sum256([]byte(u))
	return hex.EncodeToString(sum[:8])
}

// writeFormat writes docs, in order, into a new store in dir as a binary
// of store format version wrote them: each through the one write path,
// with the ID and Gone it has (a document given again is rewritten at a
// new sequence); then marks the store that version.
func writeFormat(t *testing.T, dir, version string, docs ...*Document) {
	t.Helper()
	s, err := OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.update(func(tx *bolt.Tx) error {
		t := graph.NewTally()
		for _, d := range docs {
			var old Document
			if raw := tx.Bucket(bucketDocs).Get([]byte(d.ID)); raw != nil {
				if err := s.recs().decode(raw, &old); err != nil {
					return err
				}
			}
			d.Hash = d.contentHash()
			if err := s.write(tx, s.recs(), d, old.Seq, nil, t); err != nil {
				return err
			}
		}
		if err := t.Flush(tx); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put([]byte("version"), []byte(version))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestMigrateURLIDs: a format 5 store holds documents under IDs derived
// from URLs with tracking parameters (a page shared with ?utm_source=…,
// stored by a crawler of that time). Opened read-write by this binary,
// each is moved to the ID of its canonical URL (the one the crawler now
// gives it), or, when the canonical URL's document is stored already,
// retired; the files attached to a moved article follow it; other
// documents are not touched, and a second open changes nothing.
func TestMigrateURLIDs(t *testing.T) {
	dir := t.TempDir()
	shared := "https://sotttt.example.gov.vn/tin-tuc/ke-hoach-45.html?utm_source=zalo&utm_medium=social"
	twinShared := "https://sotttt.example.gov.vn/tin-tuc/thong-bao-46.html?fbclid=IwAR0abc"
	twin := "https://sotttt.example.gov.vn/tin-tuc/thong-bao-46.html"
	plain := "https://sotttt.example.gov.vn/tin-tuc/huong-dan-47.html"
	docs := []*Document{
		{ID: legacyID(shared), URL: shared, Title: "Kế hoạch số 45/KH-UBND", Body: "Triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số."},
		{ID: legacyID(twinShared), URL: twinShared, Title: "Thông báo số 46/TB-UBND", Body: "Lịch tiếp công dân tháng 6."},
		{ID: legacyID(twin), URL: twin, Title: "Thông báo số 46/TB-UBND", Body: "Lịch tiếp công dân tháng 6."},
		{ID: legacyID(plain), URL: plain, Title: "Hướng dẫn số 47/HD-STTTT", Body: "Hướng dẫn nộp hồ sơ trực tuyến."},
		{ID: legacyID("https://sotttt.example.gov.vn/files/kh45.pdf"), URL: "https://sotttt.example.gov.vn/files/kh45.pdf", Title: "kh45.pdf", Body: "Phụ lục nhiệm vụ.", Parent: legacyID(shared)},
		{ID: "alqac-12", URL: "https://example.org/luat?utm_source=x", Title: "Điều 12", Body: "Văn bản nhập từ tệp."},
	}
	writeFormat(t, dir, "5", docs...)
	seqOf := map[string]uint64{}
	for _, d := range docs {
		seqOf[d.ID] = d.Seq
	}
	s := openTestStore(t, dir)
	if v := storeVersionOf(t, s); v != strconv.Itoa(storeVersion) {
		t.Errorf("version %q, want %d", v, storeVersion)
	}
	get := func(id string) *Document {
		t.Helper()
		d, err := s.Get(id)
		if err != nil {
			t.Fatalf("get %s: %v", id, err)
		}
		return d
	}
	moved := get(IDForURL(shared))
	if moved.Gone || moved.URL != CanonicalURL(shared) || moved.Title != docs[0].Title || moved.Body != docs[0].Body {
		t.Errorf("moved document: %+v", moved)
	}
	if moved.ID == docs[0].ID {
		t.Fatalf("test premise: the ID of %s does not change", shared)
	}
	if !get(docs[0].ID).Gone {
		t.Error("the old ID of the moved document is live")
	}
	if !get(docs[1].ID).Gone || get(docs[2].ID).Gone || get(docs[2].ID).Seq != seqOf[docs[2].ID] {
		t.Error("a tracking copy of a stored page: want it retired, the page's document untouched")
	}
	if d := get(docs[3].ID); d.Gone || d.Seq != seqOf[docs[3].ID] {
		t.Errorf("a plain URL's document changed: %+v", d)
	}
	if d := get(docs[4].ID); d.Parent != moved.ID {
		t.Errorf("the attached file's parent %q, want the moved article %q", d.Parent, moved.ID)
	}
	if d := get("alqac-12"); d.Gone || d.Seq != seqOf["alqac-12"] {
		t.Errorf("an imported document (its own ID) changed: %+v", d)
	}
	last, _ := s.LastSeq()
	s.Close()
	s = openTestStore(t, dir)
	if again, _ := s.LastSeq(); again != last {
		t.Errorf("a second open changed the store: sequence %d → %d", last, again)
	}
}

// TestMigrateURLIDsKeepsText: a format 5 document under a tracking URL's
// ID whose canonical URL's ID holds a document with other text (two
// records of an import whose URLs differ only by utm_*, or a page fetched
// at two times), or a tombstone, is kept as it is, under its own ID: the
// upgrade retires only a copy whose text the canonical document holds
// already, so no text leaves the collection. Before, every such document
// was retired whatever its text.
func TestMigrateURLIDsKeepsText(t *testing.T) {
	dir := t.TempDir()
	imported := "https://congbao.example.gov.vn/van-ban/nghi-quyet-12.html?utm_source=newsletter"
	importedTwin := "https://congbao.example.gov.vn/van-ban/nghi-quyet-12.html"
	crawled := "https://stp.example.gov.vn/tin/thong-bao-9.html?zarsrc=30"
	crawledTwin := "https://stp.example.gov.vn/tin/thong-bao-9.html"
	orphan := "https://stp.example.gov.vn/tin/ke-hoach-3.html?fbclid=IwAR9"
	orphanTwin := "https://stp.example.gov.vn/tin/ke-hoach-3.html"
	same := "https://stp.example.gov.vn/tin/quyet-dinh-4.html?utm_campaign=x"
	sameTwin := "https://stp.example.gov.vn/tin/quyet-dinh-4.html"
	at := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	docs := []*Document{
		// an import's two records: the resolution and its summary
		{ID: legacyID(imported), URL: imported, Title: "Nghị quyết số 12/NQ-HĐND (tóm tắt)", Body: "Tóm tắt: hỗ trợ học phí cho học sinh vùng khó khăn."},
		{ID: legacyID(importedTwin), URL: importedTwin, Title: "Nghị quyết số 12/NQ-HĐND", Body: "Điều 1. Hỗ trợ học phí cho học sinh các xã vùng khó khăn từ năm học 2025–2026."},
		// a page fetched through a shared link, then its edited version through the plain one
		{ID: legacyID(crawled), URL: crawled, Site: "stp", FetchedAt: at, Title: "Thông báo số 9/TB-STP", Body: "Lịch trực tiếp dân tháng 3: thứ Hai và thứ Năm."},
		{ID: legacyID(crawledTwin), URL: crawledTwin, Site: "stp", FetchedAt: at.Add(48 * time.Hour), Title: "Thông báo số 9/TB-STP", Body: "Lịch trực tiếp dân tháng 3: thứ Ba và thứ Năm (đã điều chỉnh)."},
		// the canonical URL's document is a tombstone
		{ID: legacyID(orphan), URL: orphan, Site: "stp", FetchedAt: at, Title: "Kế hoạch số 3/KH-STP", Body: "Kế hoạch phổ biến pháp luật năm 2025."},
		{ID: legacyID(orphanTwin), URL: orphanTwin, Site: "stp", FetchedAt: at, Title: "Kế hoạch số 3/KH-STP", Body: "Kế hoạch phổ biến pháp luật năm 2025.", Gone: true},
		// the same text under both: a copy, retired
		{ID: legacyID(same), URL: same, Site: "stp", FetchedAt: at, Title: "Quyết định số 4/QĐ-STP", Body: "Quyết định thành lập tổ công tác."},
		{ID: legacyID(sameTwin), URL: sameTwin, Site: "stp", FetchedAt: at.Add(time.Hour), Title: "Quyết định số 4/QĐ-STP", Body: "Quyết định thành lập tổ công tác."},
	}
	writeFormat(t, dir, "5", docs...)
	s := openTestStore(t, dir)
	for i, d := range docs {
		got, err := s.Get(d.ID)
		if err != nil {
			t.Fatalf("get %s: %v", d.URL, err)
		}
		wantGone := d.Gone || i == 6 // the twin's tombstone stays one; the exact copy is retired
		if got.Gone != wantGone || got.Body != d.Body || got.URL != d.URL {
			t.Errorf("%s: gone %v body %q url %s, want gone %v and its text kept", d.URL, got.Gone, got.Body, got.URL, wantGone)
		}
		if i != 6 && got.Seq != d.Seq {
			t.Errorf("%s: rewritten (sequence %d → %d)", d.URL, d.Seq, got.Seq)
		}
	}
	if v := storeVersionOf(t, s); v != strconv.Itoa(storeVersion) {
		t.Errorf("version %q, want %d", v, storeVersion)
	}
}

// TestRestoreRetiredImports: a store the format 6 upgrade went through
// before it kept differing texts holds, as tombstones, the imported
// records (no site, no fetch time) it retired beside a canonical URL's
// record of another text. The format 7 upgrade brings those back; it
// leaves a tombstone of the move itself (the same text as the moved
// record, written just before it), one whose canonical record changed
// since (a later import merged them), and crawled pages (the crawler
// retires a tracking URL's page by its own rule every run).
func TestRestoreRetiredImports(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	u := func(p string) string { return "https://congbao.example.gov.vn/van-ban/" + p }
	retired := &Document{ID: legacyID(u("nq-12.html?utm_source=thu")), URL: u("nq-12.html?utm_source=thu"), Title: "Nghị quyết số 12/NQ-HĐND (tóm tắt)", Body: "Tóm tắt: hỗ trợ học phí."}
	twin := &Document{ID: IDForURL(u("nq-12.html")), URL: u("nq-12.html"), Title: "Nghị quyết số 12/NQ-HĐND", Body: "Điều 1. Hỗ trợ học phí cho học sinh các xã vùng khó khăn."}
	moved := &Document{ID: IDForURL(u("qd-7.html")), URL: u("qd-7.html"), Title: "Quyết định số 7/QĐ-UBND", Body: "Ban hành quy chế."}
	movedOld := &Document{ID: legacyID(u("qd-7.html?fbclid=a1")), URL: u("qd-7.html?fbclid=a1"), Title: moved.Title, Body: moved.Body}
	mergedOld := &Document{ID: legacyID(u("kh-3.html?utm_medium=zalo")), URL: u("kh-3.html?utm_medium=zalo"), Title: "Kế hoạch số 3/KH-UBND", Body: "Bản cũ."}
	merged := &Document{ID: IDForURL(u("kh-3.html")), URL: u("kh-3.html"), Title: "Kế hoạch số 3/KH-UBND", Body: "Bản cũ."}
	crawledTwin := &Document{ID: IDForURL(u("tb-9.html")), URL: u("tb-9.html"), Site: "cb", FetchedAt: at, Title: "Thông báo 9", Body: "Thứ Ba."}
	crawled := &Document{ID: legacyID(u("tb-9.html?zarsrc=1")), URL: u("tb-9.html?zarsrc=1"), Site: "cb", FetchedAt: at, Title: "Thông báo 9", Body: "Thứ Hai."}
	// in the order the upgrade to 6 and the writes after it left them
	steps := []struct {
		d    *Document
		gone bool
	}{
		{twin, false}, {crawledTwin, false}, {merged, false},
		{retired, true},                  // retired beside its twin
		{moved, false}, {movedOld, true}, // moved: the new record, then the old ID's tombstone
		{mergedOld, true}, {crawled, true},
	}
	var docs []*Document
	for _, st := range steps {
		st.d.Gone = st.gone
		docs = append(docs, st.d)
	}
	// a later import changed the merged record
	mergedNew := *merged
	mergedNew.Body = "Bản mới."
	writeFormat(t, dir, "6", append(docs, &mergedNew)...)
	merged.Body = mergedNew.Body

	s := openTestStore(t, dir)
	for _, tc := range []struct {
		d    *Document
		gone bool
	}{{retired, false}, {twin, false}, {movedOld, true}, {moved, false}, {mergedOld, true}, {merged, false}, {crawled, true}, {crawledTwin, false}} {
		got, err := s.Get(tc.d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Gone != tc.gone || got.Body != tc.d.Body {
			t.Errorf("%s: gone %v body %q, want gone %v body %q", tc.d.URL, got.Gone, got.Body, tc.gone, tc.d.Body)
		}
	}
	if v := storeVersionOf(t, s); v != strconv.Itoa(storeVersion) {
		t.Errorf("version %q, want %d", v, storeVersion)
	}
	last, _ := s.LastSeq()
	s.Close()
	s = openTestStore(t, dir)
	if again, _ := s.LastSeq(); again != last {
		t.Errorf("a second open changed the store: sequence %d → %d", last, again)
	}
}

// TestMigrateURLIDsNewestMoves: two format 5 documents of one page under
// two tracking URLs' IDs, and none under its plain URL's. The upgrade
// moves one to the canonical URL's ID, the ID every later fetch and
// import of the page writes, and keeps the other beside it (another
// text). It moved the one whose ID sorts first, whatever its age: the
// page's canonical document held its older text, and the newer one, a
// crawled page, was left under the tracking URL's ID, which the
// crawler's next run retires. The newest (fetched last, or for imports
// written last) moves.
func TestMigrateURLIDsNewestMoves(t *testing.T) {
	dir := t.TempDir()
	u := func(p string) string { return "https://stp.example.gov.vn/tin/" + p }
	at := time.Date(2025, 6, 2, 8, 0, 0, 0, time.UTC)
	oldPage := &Document{ID: legacyID(u("thong-bao-21.html?utm_source=zalo")), URL: u("thong-bao-21.html?utm_source=zalo"), Site: "stp", FetchedAt: at,
		Title: "Thông báo số 21/TB-STP", Body: "Lịch tiếp công dân tháng 6: thứ Hai."}
	newPage := &Document{ID: legacyID(u("thong-bao-21.html?fbclid=IwAR7")), URL: u("thong-bao-21.html?fbclid=IwAR7"), Site: "stp", FetchedAt: at.Add(48 * time.Hour),
		Title: "Thông báo số 21/TB-STP", Body: "Lịch tiếp công dân tháng 6: thứ Ba (đã điều chỉnh)."}
	oldLine := &Document{ID: legacyID(u("ke-hoach-22.html?utm_campaign=thang6")), URL: u("ke-hoach-22.html?utm_campaign=thang6"),
		Title: "Kế hoạch số 22/KH-STP", Body: "Phổ biến pháp luật quý II."}
	newLine := &Document{ID: legacyID(u("ke-hoach-22.html?utm_source=zalo")), URL: u("ke-hoach-22.html?utm_source=zalo"),
		Title: "Kế hoạch số 22/KH-STP", Body: "Phổ biến pháp luật quý II và quý III."}
	if oldPage.ID > newPage.ID || oldLine.ID > newLine.ID {
		t.Fatalf("the test's IDs: the older documents' IDs must sort first")
	}
	writeFormat(t, dir, "5", newPage, oldPage, oldLine, newLine)
	s := openTestStore(t, dir)
	for _, tc := range []struct{ older, newer *Document }{{oldPage, newPage}, {oldLine, newLine}} {
		c, err := s.Get(IDForURL(tc.newer.URL))
		if err != nil {
			t.Fatal(err)
		}
		if c.Gone || c.Body != tc.newer.Body {
			t.Errorf("%s: the canonical document holds %q (gone %v), want the newest text %q", c.URL, c.Body, c.Gone, tc.newer.Body)
		}
		if o, err := s.Get(tc.older.ID); err != nil || o.Gone || o.Body != tc.older.Body || o.URL != tc.older.URL {
			t.Errorf("%s: %+v, %v; want it kept beside, as it was", tc.older.URL, o, err)
		}
		if n, err := s.Get(tc.newer.ID); err != nil || !n.Gone {
			t.Errorf("%s: %+v, %v; want its old ID a tombstone (moved)", tc.newer.URL, n, err)
		}
	}
}

// TestUpgradeAfterGraphRebuild: a store of an older format whose graph is
// of an older graph.Version too (the common case: the graph changes more
// often than the format). The open rebuilds the graph and gives the
// documents new sequences (migrate, touchLive) before the format's
// upgrade runs, and that upgrade reads which of two records changed last
// from their sequences: touched in the IDs' order, the live ones after
// every tombstone, the format 6 upgrade read each retired import's twin
// as changed since and brought none back, and the format 5 upgrade read
// the imports' ages from the IDs. The touch keeps the order of changes.
func TestUpgradeAfterGraphRebuild(t *testing.T) {
	staleGraph := func(t *testing.T, dir string) {
		t.Helper()
		db, err := bolt.Open(storeFile(dir), 0o644, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		err = db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put([]byte("graph"), []byte(strconv.Itoa(graph.Version-1)))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	u := func(p string) string { return "https://congbao.example.gov.vn/van-ban/" + p }
	t.Run("6", func(t *testing.T) {
		dir := t.TempDir()
		edited := &Document{ID: IDForURL(u("nq-31.html")), URL: u("nq-31.html"), Title: "Nghị quyết số 31/NQ-HĐND", Body: "Điều 1. Mức hỗ trợ 500.000 đồng/tháng."}
		stale := &Document{ID: legacyID(u("nq-31.html?utm_medium=email")), URL: u("nq-31.html?utm_medium=email"),
			Title: "Nghị quyết số 31/NQ-HĐND", Body: "Điều 1. Mức hỗ trợ 300.000 đồng/tháng.", Gone: true}
		kept := &Document{ID: IDForURL(u("nq-32.html")), URL: u("nq-32.html"), Title: "Nghị quyết số 32/NQ-HĐND", Body: "Điều 1. Quy định chế độ dinh dưỡng."}
		retired := &Document{ID: legacyID(u("nq-32.html?utm_source=thu")), URL: u("nq-32.html?utm_source=thu"),
			Title: "Nghị quyết số 32/NQ-HĐND (tóm tắt)", Body: "Tóm tắt chế độ dinh dưỡng.", Gone: true}
		newer := *edited
		newer.Body = "Điều 1. Mức hỗ trợ 650.000 đồng/tháng (sửa đổi)."
		writeFormat(t, dir, "6", edited, kept, stale, retired, &newer)
		staleGraph(t, dir)
		s := openTestStore(t, dir)
		for _, tc := range []struct {
			d    *Document
			body string
			gone bool
		}{{edited, newer.Body, false}, {stale, stale.Body, true}, {kept, kept.Body, false}, {retired, retired.Body, false}} {
			got, err := s.Get(tc.d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Gone != tc.gone || got.Body != tc.body {
				t.Errorf("%s: gone %v body %q; want gone %v body %q", tc.d.URL, got.Gone, got.Body, tc.gone, tc.body)
			}
		}
	})
	t.Run("5", func(t *testing.T) {
		dir := t.TempDir()
		older := &Document{ID: legacyID(u("kh-22.html?zarsrc=30")), URL: u("kh-22.html?zarsrc=30"), Title: "Kế hoạch số 22/KH-STP", Body: "Phổ biến pháp luật quý II."}
		newer := &Document{ID: legacyID(u("kh-22.html?fbclid=IwAR7")), URL: u("kh-22.html?fbclid=IwAR7"), Title: "Kế hoạch số 22/KH-STP", Body: "Phổ biến pháp luật quý II và quý III."}
		if newer.ID > older.ID {
			t.Fatalf("the test's IDs: the newer %s must sort first", newer.ID)
		}
		writeFormat(t, dir, "5", older, newer)
		staleGraph(t, dir)
		s := openTestStore(t, dir)
		if c, err := s.Get(IDForURL(newer.URL)); err != nil || c.Gone || c.Body != newer.Body {
			t.Errorf("the canonical document: %+v, %v; want the newer text", c, err)
		}
		if o, err := s.Get(older.ID); err != nil || o.Gone || o.Body != older.Body {
			t.Errorf("the older record: %+v, %v; want it kept beside", o, err)
		}
	})
}

// TestMigrateURLIDsMovedFile: a file stored under a tracking URL's ID
// whose article is under one too moves with it, and its record (at its
// canonical ID when moved, at its own when kept beside another text)
// names the article's new ID as parent, not the tombstone the move left
// at the old one; a tombstone of a tracking URL keeps its parent. Both
// upgrades: the one-transaction one (graph current) and the one in
// batches (graph older), with batches of one and two records.
func TestMigrateURLIDsMovedFile(t *testing.T) {
	site := "https://soyte.example.gov.vn/tin-tuc/"
	article := site + "ke-hoach-88.html?utm_source=zalo"
	file := site + "files/KH-88-phu-luc.pdf?utm_source=zalo"
	keptFile := site + "files/KH-88-bieu-mau.docx?fbclid=IwAR2x"
	keptTwin := site + "files/KH-88-bieu-mau.docx"
	goneFile := site + "files/KH-88-cu.pdf?utm_medium=social"
	at := time.Date(2020, 5, 12, 9, 0, 0, 0, time.UTC)
	docs := []*Document{
		{ID: legacyID(article), URL: article, Site: "soyte", FetchedAt: at, Title: "Kế hoạch số 88/KH-SYT", Body: "Kế hoạch phòng, chống dịch COVID-19 trên địa bàn tỉnh."},
		{ID: legacyID(file), URL: file, Site: "soyte", FetchedAt: at, Title: "KH-88-phu-luc.pdf", Body: "PHỤ LỤC: Danh mục nhiệm vụ của các sở, ngành.", Parent: legacyID(article)},
		{ID: legacyID(keptTwin), URL: keptTwin, Site: "soyte", FetchedAt: at, Title: "KH-88-bieu-mau.docx", Body: "Biểu mẫu báo cáo (bản cũ)."},
		{ID: legacyID(keptFile), URL: keptFile, Site: "soyte", FetchedAt: at, Title: "KH-88-bieu-mau.docx", Body: "Biểu mẫu báo cáo tuần.", Parent: legacyID(article)},
		{ID: legacyID(goneFile), URL: goneFile, Site: "soyte", FetchedAt: at, Title: "KH-88-cu.pdf", Body: "Bản cũ.", Parent: legacyID(article), Gone: true},
	}
	for _, u := range []string{article, file, keptFile, goneFile} {
		if IDForURL(u) == legacyID(u) {
			t.Fatalf("premise: the ID of %s does not change", u)
		}
	}
	for _, tc := range []struct {
		name  string
		older bool // graph stamped older: the upgrade in batches
		batch int
	}{
		{name: "one transaction"},
		{name: "batches of 1", older: true, batch: 1},
		{name: "batches of 2", older: true, batch: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cp := make([]*Document, len(docs))
			for i, d := range docs {
				dd := *d
				cp[i] = &dd
			}
			writeFormat(t, dir, "5", cp...)
			if tc.older {
				db, err := bolt.Open(storeFile(dir), 0o644, nil)
				if err != nil {
					t.Fatal(err)
				}
				err = db.Update(func(tx *bolt.Tx) error {
					return tx.Bucket(bucketMeta).Put([]byte("graph"), []byte(strconv.Itoa(graph.Version-1)))
				})
				if cerr := db.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			s, err := Open(t.Context(), dir, OpenOptions{batch: tc.batch})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			get := func(id string) *Document {
				t.Helper()
				d, err := s.Get(id)
				if err != nil {
					t.Fatalf("get %s: %v", id, err)
				}
				return d
			}
			newArticle := IDForURL(article)
			if d := get(newArticle); d.Gone {
				t.Fatalf("the article: want it live at its canonical ID")
			}
			if d := get(IDForURL(file)); d.Gone || d.Parent != newArticle {
				t.Errorf("the moved file: gone %v, parent %q; want live, parent the moved article %q (old ID %q)", d.Gone, d.Parent, newArticle, legacyID(article))
			}
			if d := get(legacyID(keptFile)); d.Gone || d.Parent != newArticle {
				t.Errorf("the file kept beside another text: gone %v, parent %q; want live, parent the moved article %q", d.Gone, d.Parent, newArticle)
			}
			if d := get(legacyID(file)); !d.Gone || d.Parent != legacyID(article) {
				t.Errorf("the moved file's old record: gone %v, parent %q; want the tombstone as it was", d.Gone, d.Parent)
			}
			if d := get(legacyID(goneFile)); !d.Gone || d.Parent != legacyID(article) {
				t.Errorf("a tombstone of a tracking URL: gone %v, parent %q; want it as it was", d.Gone, d.Parent)
			}
		})
	}
}
