package extract

import "testing"

// Title pages written for these tests, in the shapes portals use; the
// texts are not those of the portal fixtures the rules were tuned on.
const titleBody = `<p>Ủy ban nhân dân tỉnh vừa ban hành văn bản chỉ đạo các sở, ngành, địa phương triển khai thực hiện nghiêm túc, hiệu quả.</p>
<p>Các cơ quan, đơn vị báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân tỉnh trước ngày 30 hằng tháng để tổng hợp.</p>`

func TestTitleAgreement(t *testing.T) {
	tests := []struct {
		name, page, url string
		opt             Options
		want            string
	}{
		{"h1 in the article's header, og:title, a dash inside", `<html><head><title>Tri ân người có công – Kỷ niệm Ngày Thương binh - Liệt sĩ - Báo Điện tử Tỉnh</title>
<meta property="og:title" content="Tri ân người có công – Kỷ niệm Ngày Thương binh - Liệt sĩ"></head><body>
<header class="site"><a href="/"><img alt="Báo Điện tử Tỉnh"></a></header>
<article><header><h1>Tri ân người có công – Kỷ niệm Ngày Thương binh - Liệt sĩ</h1></header>` + titleBody + `</article></body></html>`,
			"", Options{}, "Tri ân người có công – Kỷ niệm Ngày Thương binh - Liệt sĩ"},
		{"Liferay: no h1, the portlet's title agrees with the <title>", `<html><head><title>Chức năng nhiệm vụ - Sở Thông Tin Và Truyền Thông</title></head><body>
<div id="banner"><a class="logo" href="/"><img alt="Sở Thông tin và Truyền thông"></a></div>
<section class="portlet"><header class="portlet-topper"><h2 class="portlet-title"><span class="portlet-title-text">Chức năng nhiệm vụ</span></h2></header>
<div class="portlet-content journal-content-article">` + titleBody + `</div></section></body></html>`,
			"", Options{}, "Chức năng nhiệm vụ"},
		{"<title> only; the footer names the site", `<html><head><title>Lịch công tác tuần 32 - Sở Tư pháp tỉnh Tây Nam</title></head><body>
<div class="noidung">` + titleBody + `</div><div class="footer">Bản quyền © Sở Tư pháp tỉnh Tây Nam. Địa chỉ: 12 Lê Lợi.</div></body></html>`,
			"", Options{}, "Lịch công tác tuần 32"},
		{"<title> only; learned suffix", `<html><head><title>Thông báo tuyển dụng - đợt 2 | UBND huyện Hòa Lạc</title></head><body><div class="noidung">` + titleBody + `</div></body></html>`,
			"", Options{TitleAffixes: TitleAffixes{Suffix: " | UBND huyện Hòa Lạc"}}, "Thông báo tuyển dụng - đợt 2"},
		{"<title> only; a cut listing title leads to the whole part", `<html><head><title>Hội thảo chuyển đổi số trong nông nghiệp – cơ hội và thách thức | Cổng TTĐT huyện</title></head><body>
<div class="logo"><a href="/">Cổng TTĐT huyện</a></div><div class="noidung">` + titleBody + `</div></body></html>`,
			"", Options{LinkText: "Hội thảo chuyển đổi số trong nông nghiệp – cơ hội…"}, "Hội thảo chuyển đổi số trong nông nghiệp – cơ hội và thách thức"},
		{"a kicker with a colon is not a separator", `<html><head><title>Kinh tế: Xuất khẩu gạo tăng mạnh trong quý III</title></head><body>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/kinh-te">Kinh tế</a></div>
<div class="detail"><h1>Kinh tế: Xuất khẩu gạo tăng mạnh trong quý III</h1>` + titleBody + `</div></body></html>`,
			"", Options{}, "Kinh tế: Xuất khẩu gạo tăng mạnh trong quý III"},
		{"logo h1 links home; the article's heading wins", `<html><head><title>Sở Giáo dục và Đào tạo - Kế hoạch tuyển sinh lớp 10</title></head><body>
<div class="top"><h1><a href="/">Sở Giáo dục và Đào tạo</a></h1></div>
<div class="news-detail"><h2 class="news-title">Kế hoạch tuyển sinh lớp 10</h2>` + titleBody + `</div></body></html>`,
			"", Options{}, "Kế hoạch tuyển sinh lớp 10"},
		{"a title that ends in an ellipsis", `<html><head><title>Khi mùa nước nổi về… | Báo Miền Tây</title></head><body>
<div class="detail"><h1 class="title">Khi mùa nước nổi về…</h1>` + titleBody + `</div></body></html>`,
			"", Options{}, "Khi mùa nước nổi về..."}, // viet.Clean (NFKC) writes "…" as "..."
		{"the breadcrumb's unlinked tail", `<html><head><title>Cổng thông tin điện tử - Sở Xây dựng</title></head><body>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/gioi-thieu">Giới thiệu</a> » Cơ cấu tổ chức</div>
<div class="noidung"><h3>Cơ cấu tổ chức</h3>` + titleBody + `</div><footer>Cổng thông tin điện tử Sở Xây dựng tỉnh Tây Nam</footer></body></html>`,
			"", Options{}, "Cơ cấu tổ chức"},
		{"the URL slug settles two declared titles", `<html><head><title>Giá lúa tăng, nông dân phấn khởi</title>
<meta property="og:title" content="Giá lúa tăng, nông dân phấn khởi"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Thị trường nông sản tuần qua"}</script></head><body>
<div class="detail"><h1>Thị trường nông sản tuần qua</h1>` + titleBody + `</div></body></html>`,
			"https://bao.example.vn/kinh-te/gia-lua-tang-nong-dan-phan-khoi-123456.html", Options{}, "Giá lúa tăng, nông dân phấn khởi"},
		{"the host names the site", `<html><head><title>Vinh danh 100 doanh nghiệp tiêu biểu - Baoxaydung</title></head><body>
<div class="noidung">` + titleBody + `</div></body></html>`,
			"https://baoxaydung.example/tin/1", Options{}, "Vinh danh 100 doanh nghiệp tiêu biểu"},
	}
	for _, tt := range tests {
		if a := extractAt(t, tt.page, tt.url, tt.opt); a.Title != tt.want {
			t.Errorf("%s: title %q, want %q", tt.name, a.Title, tt.want)
		}
	}
}

func TestLearnTitleAffixes(t *testing.T) {
	tests := []struct {
		name   string
		titles []string
		want   TitleAffixes
	}{
		{"suffix", []string{"Lịch tiếp công dân - Sở Nội vụ", "Thông báo tuyển dụng - đợt 2 - Sở Nội vụ", "Sở Nội vụ", "Kế hoạch cải cách hành chính - Sở Nội vụ"},
			TitleAffixes{Suffix: " - Sở Nội vụ"}},
		{"prefix", []string{"Bộ Tư pháp | Tin hoạt động", "Bộ Tư pháp | Hỏi đáp pháp luật", "Bộ Tư pháp | Văn bản mới", "Bộ Tư pháp | Liên hệ"},
			TitleAffixes{Prefix: "Bộ Tư pháp | "}},
		{"too few", []string{"A - Sở Y tế", "B - Sở Y tế"}, TitleAffixes{}},
		{"nothing shared", []string{"Tin tức", "Giới thiệu", "Liên hệ", "Văn bản"}, TitleAffixes{}},
		{"a shared word is no affix", []string{"Thông báo số 1 năm 2024", "Thông báo số 2 năm 2024", "Thông báo số 3 năm 2024"}, TitleAffixes{}},
		{"most, not all", []string{"A1 :: Cục Thuế", "B2 :: Cục Thuế", "C3 :: Cục Thuế", "D4 :: Cục Thuế", "Lỗi 404"},
			TitleAffixes{Suffix: " :: Cục Thuế"}},
	}
	for _, tt := range tests {
		if got := LearnTitleAffixes(tt.titles); got != tt.want {
			t.Errorf("%s: LearnTitleAffixes = %+v, want %+v", tt.name, got, tt.want)
		}
	}
	aff := TitleAffixes{Prefix: "Bộ Tư pháp | ", Suffix: " - Cổng TTĐT"}
	for in, want := range map[string]string{
		"Bộ Tư pháp | Tin hoạt động": "Tin hoạt động",
		"Tin A – phần 2 - Cổng TTĐT": "Tin A – phần 2",
		"Cổng TTĐT":                  "Cổng TTĐT",
		" - Cổng TTĐT":               "- Cổng TTĐT",
	} {
		if got := aff.Strip(in); got != want {
			t.Errorf("Strip(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlugAgrees(t *testing.T) {
	tests := []struct {
		slug, key string
		want      bool
	}{
		{"585-chu-tich-pho-chu-tich-hdnd-tp-ho-chi-minh-mo", "chủ tịch, phó chủ tịch hđnd tp.hồ chí minh mới", true},
		{"gia-lua-tang-nong-dan-phan-khoi-123456", "giá lúa tăng, nông dân phấn khởi", true},
		{"gia-lua-tang", "giá vàng tăng", false},
		{"tin-tuc", "tin tức", false}, // two words say nothing
	}
	for _, tt := range tests {
		if got := slugAgrees(tt.slug, tt.key); got != tt.want {
			t.Errorf("slugAgrees(%q, %q) = %v", tt.slug, tt.key, got)
		}
	}
}
