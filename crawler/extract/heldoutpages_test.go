package extract

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/viet"
)

// TestHeldOutPortalPages extracts, with no site settings, three portal
// pages of shapes the other fixtures lack (written for i31-extract, the
// fictional tỉnh Phú An; their golden files hold the rest): a Drupal node
// whose metadata is a definition list, a SharePoint "Văn bản" item page
// whose fields are a two-column table labelled in <th>, titled by the
// site ("Chi tiết văn bản"), and an old portal's letter in TCVN3 declared
// by its <meta>, titled by the issuer's name.
func TestHeldOutPortalPages(t *testing.T) {
	for _, tt := range []struct {
		file, title, published, number, typ, issuer string
		files                                       int
		in, out                                     []string
	}{
		{"heldout_drupal_dl", "Quyết định phê duyệt Kế hoạch phát triển du lịch tỉnh Phú An giai đoạn 2026-2030", "2026-03-12",
			"418/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh Phú An", 1,
			[]string{"đón 5 triệu lượt khách", "Quyết định có hiệu lực kể từ ngày ký."}, []string{"Văn bản mới", "Lễ hội Hoa", "Chuyển đến nội dung chính", "Điện thoại"}},
		{"heldout_sharepoint_th", "Quyết định Ban hành Quy định phân cấp quản lý cụm công nghiệp trên địa bàn tỉnh Phú An", "2026-03-05",
			"27/2026/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh Phú An", 1,
			[]string{"Trích yếu | Ban hành Quy định phân cấp"}, []string{"Văn bản khác", "25/2026/QĐ-UBND", "Thứ Hai", "Cơ quan chủ quản"}},
		{"heldout_oldportal.tcvn3", "Công văn về việc tổ chức trồng cây đầu xuân năm 2006", "2006-02-20",
			"156/UBND-VP", "Công văn", "Ủy ban nhân dân huyện Phú Hòa", 0,
			[]string{"Mỗi xã trồng ít nhất 2.000 cây", "Phan Vĩ"}, []string{"Trang chủ", "Liên hệ"}},
	} {
		b, err := os.ReadFile(filepath.Join("testdata", "golden", tt.file+".html"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(tt.file, ".tcvn3") {
			if b, err = viet.EncodeTCVN3(string(b)); err != nil {
				t.Fatal(err)
			}
		}
		u, _ := url.Parse("https://www.phuan.gov.vn/van-ban/" + tt.file)
		a, err := Extract(b, "", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := [5]string{a.Title, a.Published, a.Number, a.Type, a.Issuer}
		want := [5]string{tt.title, tt.published, tt.number, tt.typ, tt.issuer}
		for i, name := range [5]string{"title", "published", "number", "type", "issuer"} {
			if got[i] != want[i] {
				t.Errorf("%s: %s %q, want %q", tt.file, name, got[i], want[i])
			}
		}
		if len(a.Attachments) != tt.files {
			t.Errorf("%s: attachments %q, want %d", tt.file, a.Attachments, tt.files)
		}
		for _, s := range tt.in {
			if !strings.Contains(a.Body, s) {
				t.Errorf("%s: body lacks %q:\n%s", tt.file, s, a.Body)
			}
		}
		for _, s := range tt.out {
			if strings.Contains(a.Body, s) {
				t.Errorf("%s: body holds %q:\n%s", tt.file, s, a.Body)
			}
		}
	}
}
