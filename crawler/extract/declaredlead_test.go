package extract

import (
	"net/url"
	"strings"
	"testing"
)

// TestDeclaredLead: a paragraph that is one link opening the element a
// page declares its article's body (itemprop="articleBody") is the
// article's first line — not another page's entry, and not a restated
// headline though it shares the title's words. Elsewhere such a
// paragraph stays out. Pages written for this test (a fictional
// province's news portal).
func TestDeclaredLead(t *testing.T) {
	const title = "Kết quả tuyển sinh lớp 10 năm học 2025 - 2026"
	lead := `<p><a href="https://tuyensinh.phuan.edu.vn/ket-qua">XEM KẾT QUẢ TUYỂN SINH LỚP 10 NĂM HỌC 2025 - 2026</a></p>`
	text := `<p>Sở Giáo dục và Đào tạo tỉnh Phú An công bố kết quả kỳ thi tuyển sinh lớp 10 trung học phổ thông năm học 2025 - 2026, với hơn mười nghìn thí sinh dự thi tại 42 điểm thi.</p>
<p>Điểm chuẩn của các trường được công bố cùng ngày; thí sinh xác nhận nhập học trực tuyến trên cổng tuyển sinh của tỉnh, hạn cuối là ngày 25 tháng 7.</p>
<p>Thí sinh có nhu cầu phúc khảo nộp đơn tại trường trung học cơ sở nơi đăng ký dự thi, từ ngày 10 đến hết ngày 15 tháng 7 năm 2025.</p>
<p>Sở đề nghị các trường tổ chức tiếp nhận hồ sơ nhập học đúng quy định, hướng dẫn cụ thể cho phụ huynh và học sinh.</p>`
	for _, tt := range []struct {
		name, article string
		keep          bool
	}{
		{"the declared body's linked first line", `<div itemprop="articleBody">` + lead + text + `</div>`, true},
		{"the same line in a body not declared", `<div class="content-detail">` + lead + text + `</div>`, false},
		{"a linked line after the declared body's first paragraph", `<div itemprop="articleBody">` + text[:strings.Index(text, "\n")] + lead + text[strings.Index(text, "\n"):] + `</div>`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + ` - Báo Phú An</title></head><body>
<div class="main"><article><h1>` + title + `</h1>` + tt.article + `</article></div></body></html>`
			u, _ := url.Parse("https://baophuan.vn/giao-duc/ket-qua-tuyen-sinh-lop-10.html")
			a, err := Extract([]byte(page), "", u, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(a.Body, "XEM KẾT QUẢ TUYỂN SINH"); got != tt.keep {
				t.Errorf("linked line kept = %v, want %v; body:\n%s", got, tt.keep, a.Body)
			}
			if !strings.Contains(a.Body, "Sở đề nghị các trường tổ chức tiếp nhận hồ sơ nhập học") {
				t.Errorf("body lost its text:\n%s", a.Body)
			}
		})
	}
}

// TestDeclaredLeadChrome: the declared body's first paragraph is kept
// only as one link off the site or to a file; the site's own chrome
// opening the body — a breadcrumb, a category, a related article of the
// same site — is dropped as main dropped it (i25-extract kept every
// first paragraph of the declared body). Pages written for this test.
func TestDeclaredLeadChrome(t *testing.T) {
	const title = "Công bố điểm chuẩn vào lớp 10 công lập"
	text := `<p>Sở Giáo dục và Đào tạo tỉnh Long Hải công bố điểm chuẩn vào lớp 10 các trường trung học phổ thông công lập, cao nhất là 42,5 điểm.</p>
<p>Thí sinh trúng tuyển xác nhận nhập học trực tuyến trên cổng dịch vụ công của tỉnh trước ngày 20 tháng 7; quá hạn, chỉ tiêu được xét bổ sung.</p>
<p>Các trường tổ chức tiếp nhận hồ sơ nhập học trong giờ hành chính, kể cả thứ Bảy, và hướng dẫn phụ huynh các bước cần thiết.</p>`
	for _, tt := range []struct {
		name, lead, line string
		keep             bool
	}{
		{"a breadcrumb of the site's links", `<p><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a> » <a href="/giao-duc">Giáo dục - Đào tạo</a></p>`,
			"Trang chủ » Tin tức", false},
		{"the category, an absolute link to the same site", `<p><a href="https://www.baolonghai.vn/giao-duc">Chuyên mục Giáo dục - Đào tạo</a></p>`,
			"Chuyên mục Giáo dục", false},
		{"a related article of the site", `<p><a href="/giao-duc/diem-chuan-lop-10-nam-truoc.html">Điểm chuẩn lớp 10 năm trước của các trường trong tỉnh</a></p>`,
			"Điểm chuẩn lớp 10 năm trước", false},
		{"the tags, several links", `<p><a href="/tag/tuyen-sinh">Tuyển sinh lớp 10</a>, <a href="/tag/long-hai">Long Hải</a>, <a href="/tag/diem-chuan">điểm chuẩn</a></p>`,
			"Tuyển sinh lớp 10, Long Hải", false},
		{"the results on another site", `<p><a href="https://tuyensinh.longhai.edu.vn/diem-chuan">TRA CỨU ĐIỂM CHUẨN VÀO LỚP 10 TẠI ĐÂY</a></p>`,
			"TRA CỨU ĐIỂM CHUẨN VÀO LỚP 10", true},
		{"the full text, a file of the site", `<p><a href="/uploads/2025/07/quyet-dinh-diem-chuan.pdf">XEM TOÀN VĂN QUYẾT ĐỊNH PHÊ DUYỆT ĐIỂM CHUẨN</a></p>`,
			"XEM TOÀN VĂN QUYẾT ĐỊNH", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + ` - Báo Long Hải</title></head><body>
<div class="main"><article><h1>` + title + `</h1><div itemprop="articleBody">` + tt.lead + text + `</div></article></div></body></html>`
			u, _ := url.Parse("https://baolonghai.vn/giao-duc/cong-bo-diem-chuan-lop-10.html")
			a, err := Extract([]byte(page), "", u, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(a.Body, tt.line); got != tt.keep {
				t.Errorf("first paragraph kept = %v, want %v; body:\n%s", got, tt.keep, a.Body)
			}
			if !strings.Contains(a.Body, "Các trường tổ chức tiếp nhận hồ sơ nhập học") {
				t.Errorf("body lost its text:\n%s", a.Body)
			}
		})
	}
}
