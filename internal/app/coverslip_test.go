package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/filetext/filetexttest"
)

// slipOverTwo is a phiếu chuyển over a decision and a plan of another
// issuer, saved as one file. Written for this test (a fictional province,
// Phú An).
var slipOverTwo = []string{
	"VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH PHÚ AN",
	"PHIẾU CHUYỂN",
	"Văn phòng chuyển các văn bản kèm theo đến các cơ quan, đơn vị để biết, thực hiện./.",
	"TL. CHỦ TỊCH",
	"CHÁNH VĂN PHÒNG",
	"Đỗ Thanh Hải",
	"ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc",
	"Số: 318/QĐ-UBND | Phú An, ngày 09 tháng 4 năm 2026",
	"QUYẾT ĐỊNH",
	"Về việc công bố danh mục thủ tục hành chính lĩnh vực đất đai",
	"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ AN",
	"Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;",
	"QUYẾT ĐỊNH:",
	"Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính lĩnh vực đất đai.",
	"Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
	"Nơi nhận: | CHỦ TỊCH",
	"- Như Điều 2; | Nguyễn Văn An",
	"SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	" | Độc lập - Tự do - Hạnh phúc",
	"Số: 57/KH-SNNMT | Phú An, ngày 15 tháng 4 năm 2026",
	"KẾ HOẠCH",
	"Tập huấn thủ tục hành chính lĩnh vực đất đai cho cán bộ cấp xã",
	"I. MỤC ĐÍCH, YÊU CẦU",
	"Cán bộ địa chính cấp xã nắm vững quy trình giải quyết hồ sơ đăng ký biến động đất đai./.",
	"GIÁM ĐỐC",
	"Lê Thị Hạnh",
}

// reportOn57 is a report of another office on the plan slipOverTwo
// carries second, citing its number three times. Written for this test.
var reportOn57 = []string{
	"ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"XÃ PHÚ HÒA | Độc lập - Tự do - Hạnh phúc",
	"Số: 12/BC-UBND | Phú Hòa, ngày 20 tháng 5 năm 2026",
	"BÁO CÁO",
	"Kết quả tập huấn thủ tục hành chính lĩnh vực đất đai",
	"Thực hiện Kế hoạch số 57/KH-SNNMT của Sở Nông nghiệp và Môi trường, Ủy ban nhân dân xã báo cáo như sau:",
	"1. Xã đã cử cán bộ địa chính tham dự đầy đủ các lớp tập huấn theo Kế hoạch số 57/KH-SNNMT.",
	"2. Đề nghị Sở tiếp tục tổ chức tập huấn theo Kế hoạch số 57/KH-SNNMT trong quý III năm 2026./.",
	"TM. ỦY BAN NHÂN DÂN",
	"CHỦ TỊCH",
	"Võ Văn Tám",
}

// TestIngestCoverSlip: a file holding a cover slip over two documents is
// found by either number, before a report citing the second, filed under
// the first and titled by both, and the store names the second with its
// own fields.
func TestIngestCoverSlip(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "phieu-chuyen.docx"), filetexttest.DOCX(slipOverTwo), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bao-cao-12.docx"), filetexttest.DOCX(reportOn57), 0o644); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(demoFiles, "236-KH-UBND.docx"), filepath.Join(dir, "236-KH-UBND.docx"))
	if got, stderr, err := ingestFolder(t, data, IngestOptions{}, dir); got != "3 3 0 0 0 0 0" || err != nil {
		t.Fatalf("ingest: %s, %v: %s", got, err, stderr)
	}
	for _, q := range []string{"318/QĐ-UBND", "57/KH-SNNMT", "kh 57", "đăng ký biến động đất đai"} {
		if hits := searchHits(t, data, q, 3); rankOf(hits, "/phieu-chuyen.docx") != 1 {
			t.Errorf("%q: the slip's file not first: %+v", q, hits)
		}
	}
	store, err := corpus.OpenStore(data, true, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	hits := searchHits(t, data, "318/QĐ-UBND", 1)
	d, err := store.Get(hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Number != "318/QĐ-UBND" || d.Type != "Quyết định" || d.Published != "2026-04-09" {
		t.Errorf("filed under %q %q %q, want the first document's", d.Number, d.Type, d.Published)
	}
	if !strings.Contains(d.Title, "Quyết định số 318/QĐ-UBND") || !strings.Contains(d.Title, "Kế hoạch số 57/KH-SNNMT") {
		t.Errorf("title %q does not name both documents", d.Title)
	}
	want := corpus.Transmitted{Number: "57/KH-SNNMT", Type: "Kế hoạch", Issuer: "Sở Nông nghiệp và Môi trường", Published: "2026-04-15",
		Title: "Tập huấn thủ tục hành chính lĩnh vực đất đai cho cán bộ cấp xã"}
	if d.File == nil || len(d.File.Transmitted) != 1 || d.File.Transmitted[0] != want {
		t.Errorf("transmitted = %+v, want %+v", d.File, want)
	}
	if !strings.Contains(d.Body, "Số: 57/KH-SNNMT") || !strings.Contains(d.Body, "Lê Thị Hạnh") {
		t.Errorf("the plan's text is not in the body:\n%s", d.Body)
	}
}
