package search

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// unmarkedDocs are accented documents and a long decree on another
// subject whose summary and several articles were typed without marks (an
// OCR'd or hand-typed part, as collections hold), full of the syllables
// accent-free queries are made of. Written for the test.
func unmarkedDocs() []*corpus.Document {
	var b strings.Builder
	b.WriteString("TRICH YEU\nQuy dinh xu phat vi pham hanh chinh trong linh vuc thuy san, muc phat tien doi voi co so nuoi trong thuy san.\n")
	for range 30 {
		b.WriteString("Co so nuoi trong thuy san phai dam bao muc luong nuoc, so luong giong, khong de o nhiem moi truong, khong khi tai khu vuc nuoi; " +
			"ho so thu tuc cua co so tai Ha Noi va cac tinh; bo phan kiem tra the thao du lich sinh thai van hoa.\n")
	}
	for range 30 {
		b.WriteString("Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi nuôi trồng thủy sản không đúng đối tượng được phép.\n")
	}
	return []*corpus.Document{
		{ID: "thuysan", Title: "Nghị định xử phạt vi phạm hành chính trong lĩnh vực thủy sản", Body: b.String()},
		{ID: "luong", Title: "Nghị định số 73/2026/NĐ-CP của Chính phủ",
			Body: "Mức lương cơ sở dùng làm căn cứ tính mức lương trong các bảng lương. Từ ngày 01 tháng 7, mức lương cơ sở là 2.340.000 đồng/tháng."},
		{ID: "khongkhi", Title: "Công văn số 412/UBND-TNMT",
			Body: "Ủy ban nhân dân Thành phố Hà Nội yêu cầu các sở, ngành tăng cường kiểm soát ô nhiễm không khí, hạn chế đốt rơm rạ và bụi xây dựng."},
		{ID: "thutuc", Title: "Công văn số 3120/BVHTTDL-VP",
			Body: "Bộ Văn hóa, Thể thao và Du lịch đề nghị các đơn vị hoàn thành cắt giảm, đơn giản hóa thủ tục hành chính trong lĩnh vực du lịch."},
		{ID: "rung", Title: "Quyết định về bảo vệ và phát triển rừng",
			Body: "Ủy ban nhân dân tỉnh giao Chi cục Kiểm lâm kiểm tra việc khai thác rừng và trồng rừng thay thế."},
	}
}

// TestAccentFreeQueryUnmarkedText: an accent-free query finds the
// documents it means before a document whose unaccented part merely holds
// its syllables: lines written without marks are not in the exact views
// (indexer/unmarked.go), where the query's own spelling matched them
// "exactly" (defect 4 of i20-audit: a decree with an unaccented summary
// first for "muc luong co so", "o nhiem khong khi ha noi"…). The decree is
// still found by what it is about, typed either way.
func TestAccentFreeQueryUnmarkedText(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an on-disk index")
	}
	docs := unmarkedDocs()
	ix, err := indexer.Open(filepath.Join(t.TempDir(), "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	s := New(ix.Bleve(), WithTexts(docTexts(docs)))
	for _, tt := range []struct{ query, want string }{
		{"muc luong co so", "luong"},
		{"mức lương cơ sở", "luong"},
		{"o nhiem khong khi ha noi", "khongkhi"},
		{"ô nhiễm không khí hà nội", "khongkhi"},
		{"bo van hoa the thao du lich thu tuc", "thutuc"},
		{"xu phat vi pham thuy san", "thuysan"},
		{"xử phạt vi phạm thủy sản", "thuysan"},
	} {
		res, err := s.Search(context.Background(), Request{Query: tt.query, Size: 3, TopOnly: true})
		if err != nil {
			t.Fatalf("Search(%q): %v", tt.query, err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(ids) == 0 || ids[0] != tt.want {
			t.Errorf("%q: top %v, want %s first", tt.query, ids, tt.want)
		}
	}
}
