package extract

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPortalStyles states, for the portal pages written in the styles of
// Liferay, SharePoint, VCCorp, WordPress and DNN (testdata/golden), what
// issue 20 asks of each; the golden files hold the rest of the output.
func TestPortalStyles(t *testing.T) {
	tests := []struct {
		file, title, published string
		in, out                []string // in and not in the body
	}{
		{"liferay_gioithieu", "Chức năng nhiệm vụ", "",
			[]string{"1. Vị trí và chức năng"}, []string{"Giới thiệu", "Lịch sử hình thành", "Cơ quan chủ quản"}},
		{"liferay_news", "Chăm lo chu đáo cho người có công nhân kỷ niệm 77 năm Ngày Thương binh – Liệt sĩ", "2024-07-05", // 7/5/2024 2:45 PM, month first
			[]string{"TTĐT - Chiều nay"}, []string{"Khai mạc Hội thi", "PM"}},
		{"sharepoint_us_date", "Thông báo kết quả lựa chọn nhà thầu gói thầu số 03", "2025-06-07", // 6/7/2025 10:00 AM beside 6/30/2025
			[]string{"Nhà thầu trúng thầu"}, []string{"Thông báo mời thầu", "_spPageContextInfo"}},
		{"vccorp_news", "Thủ tướng chủ trì phiên họp Chính phủ thường kỳ tháng 10", "2023-11-02",
			[]string{"Phát biểu khai mạc", "khóa XV."}, []string{"GMT+7", "Thứ năm", "Hải Minh", "Tháo gỡ khó khăn cho sản xuất kinh doanh"}},
		{"wordpress_post", "Hướng dẫn nộp hồ sơ trực tuyến trên Cổng dịch vụ công", "2024-03-08",
			[]string{"Cổng dịch vụ công quốc gia"}, []string{"bản sao trích lục", "kết hôn", "chứng thực"}},
		{"dnn_news", "Hội nghị triển khai công tác phòng cháy, chữa cháy mùa khô", "2024-06-05", // 05/06/2024 16:45, a 24-hour clock
			[]string{"bốn tại chỗ"}, []string{"Theo Báo Bình Dương", "Ngày đăng", "Tin tức - sự kiện"}},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join("testdata", "golden", tt.file+".html"))
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse("https://portal.example.gov.vn/tin/" + tt.file)
		a, err := Extract(b, "", u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != tt.title || a.Published != tt.published || a.DateAmbiguous {
			t.Errorf("%s: title %q published %q (ambiguous %v); want %q %q", tt.file, a.Title, a.Published, a.DateAmbiguous, tt.title, tt.published)
		}
		for _, s := range tt.in {
			if !strings.Contains(a.Body, s) {
				t.Errorf("%s: body lacks %q", tt.file, s)
			}
		}
		for _, s := range tt.out {
			if strings.Contains(a.Body, s) {
				t.Errorf("%s: body holds %q:\n%s", tt.file, s, a.Body)
			}
		}
	}
}
