package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
)

// usPortal is a provincial portal in the style of a Liferay/SharePoint
// site set to the en-US locale: every date is printed month first with an
// AM/PM time ("5/12/2024 3:04 PM"), titles carry dashes of their own
// ("Ngày Thương binh – Liệt sĩ"), <title>s end with the portal's name,
// listings cut long titles with "…", and the three article layouts put the
// title in an <h1> inside the article's <header>, in a heading with a
// "title" class next to the portlet's own title, or only in the <title>.
// Article URLs carry no date, and one layout prints its date without a
// time, so that its order comes from the rest of the site. Nothing in the
// crawl configuration says any of this.
type usPortal struct {
	articles []usArticle
	perPage  int
}

type usArticle struct {
	title string
	date  time.Time
}

// portalTitles are written for this test in the style of provincial news.
var portalTitles = []string{
	"Chăm lo chu đáo cho người có công nhân kỷ niệm 78 năm Ngày Thương binh – Liệt sĩ",
	"Tỉnh tổ chức hội nghị sơ kết 6 tháng đầu năm - triển khai nhiệm vụ 6 tháng cuối năm",
	"Khởi công xây dựng cầu Bình Gởi nối hai tỉnh",
	"Ban hành kế hoạch chuyển đổi số năm 2024",
	"Phó Chủ tịch UBND tỉnh tiếp và làm việc với đoàn công tác của Bộ Tài chính",
	"Sở Y tế triển khai tiêm chủng mở rộng – đợt 2 năm 2024",
	"Đối thoại với doanh nghiệp về thủ tục hành chính thuế",
	"Hội nghị xúc tiến đầu tư vào các khu công nghiệp phía Bắc tỉnh",
	"Phát động phong trào thi đua yêu nước giai đoạn 2024–2025",
	"Kiểm tra công tác phòng, chống thiên tai - tìm kiếm cứu nạn mùa mưa bão",
	"Trao quyết định bổ nhiệm Giám đốc Sở Kế hoạch và Đầu tư",
	"Tuyên truyền pháp luật về đất đai cho đồng bào dân tộc thiểu số",
	"Khánh thành trường tiểu học đạt chuẩn quốc gia tại huyện Dầu Tiếng",
	"Thông báo lịch tiếp công dân của Chủ tịch UBND tỉnh tháng 7",
	"Triển khai Nghị định 100/2024/NĐ-CP về phát triển và quản lý nhà ở xã hội",
	"Hội thảo khoa học: Kinh tế tuần hoàn – hướng đi bền vững",
	"Tổng kết công tác cải cách hành chính năm 2023",
	"Diễn tập khu vực phòng thủ huyện Phú Giáo năm 2024",
	"Giải ngân vốn đầu tư công đạt 45% kế hoạch",
	"Tập huấn nghiệp vụ văn thư, lưu trữ cho cán bộ cấp xã",
	"Lễ ra quân Tháng hành động vì an toàn thực phẩm",
	"Công bố quy hoạch chung đô thị mới Bàu Bàng - tầm nhìn đến năm 2045",
	"Ngày hội việc làm thu hút hơn 3.000 lao động tham gia",
	"Họp báo thông tin kinh tế - xã hội quý II",
	"Sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW",
	"Cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình tại thị xã",
	"Hưởng ứng Ngày Môi trường thế giới với chủ đề phục hồi đất",
	"Chương trình mục tiêu quốc gia xây dựng nông thôn mới – kết quả và bài học",
	"Đoàn đại biểu Quốc hội tỉnh tiếp xúc cử tri trước kỳ họp",
	"Nâng cao chất lượng dịch vụ công trực tuyến toàn trình",
	"Bảo đảm trật tự an toàn giao thông dịp lễ Quốc khánh 2/9",
	"Hỗ trợ nông dân chuyển đổi cơ cấu cây trồng thích ứng biến đổi khí hậu",
	"Triển lãm ảnh “Đất và người Sông Bé” – 50 năm xây dựng và phát triển",
	"Thủ tướng Chính phủ làm việc với lãnh đạo chủ chốt của tỉnh",
	"Phê duyệt đề án phát triển du lịch sinh thái ven sông Sài Gòn",
	"Kỳ họp thứ 15 HĐND tỉnh khóa X thông qua 20 nghị quyết",
}

func newUSPortal() *usPortal {
	p := &usPortal{perPage: 12}
	for i, t := range portalTitles {
		// Months and days spread so that most dates have both parts ≤ 12.
		d := time.Date(2024, time.Month(1+(i*5)%12), 1+(i*7)%28, 7+(i*3)%12, (i*13)%60, 0, 0, time.UTC)
		p.articles = append(p.articles, usArticle{t, d})
	}
	return p
}

const usSiteName = "Cổng Thông tin điện tử tỉnh Sông Bé"

// usDate prints a date as an en-US SharePoint/Liferay list does.
func usDate(t time.Time) string { return t.Format("1/2/2006 3:04 PM") }

// viWeekday is the Vietnamese weekday name of t.
func viWeekday(t time.Time) string {
	return [...]string{"Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"}[t.Weekday()]
}

func (p *usPortal) path(i int) string {
	return fmt.Sprintf("/web/guest/tin-tuc/-/asset_publisher/content/%d", 1000+i)
}

// cut shortens a title as the listing does: at a word, with "…".
func cut(t string, n int) string {
	if utf8.RuneCountInString(t) <= n {
		return t
	}
	r := []rune(t)[:n]
	s := string(r)
	if i := strings.LastIndex(s, " "); i > 0 {
		s = s[:i]
	}
	return s + "…"
}

const usChrome = `<header id="banner"><a class="logo" href="/"><img alt="` + usSiteName + `" src="/logo.png"></a>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/web/guest/tin-tuc">Tin tức</a></li><li><a href="/web/guest/van-ban">Văn bản</a></li></ul></nav></header>`

const usFooter = `<footer><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Sông Bé. Địa chỉ: Trung tâm Hành chính tỉnh.</p></footer>`

func (p *usPortal) listing(page int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>Tin tức - ` + usSiteName + `</title></head><body>` + usChrome)
	b.WriteString(`<div class="portlet"><h2 class="portlet-title"><span class="portlet-title-text">Tin tức</span></h2><ul class="asset-list">`)
	for i := page * p.perPage; i < min((page+1)*p.perPage, len(p.articles)); i++ {
		a := p.articles[i]
		fmt.Fprintf(&b, `<li class="asset"><a href="%s"><img src="/img/%d.jpg"></a><h3 class="asset-title"><a href="%s">%s</a></h3><span class="date">%s</span><a href="%s">Xem chi tiết</a></li>`,
			p.path(i), i, p.path(i), cut(a.title, 50), usDate(a.date), p.path(i))
	}
	b.WriteString(`</ul>`)
	if (page+1)*p.perPage < len(p.articles) {
		fmt.Fprintf(&b, `<a class="next" href="/web/guest/tin-tuc?page=%d">Trang sau</a>`, page+1)
	}
	b.WriteString(`</div>` + usFooter + `</body></html>`)
	return b.String()
}

func (p *usPortal) article(i int) string {
	a := p.articles[i]
	body := fmt.Sprintf(`<p>Sáng nay, tại Trung tâm Hành chính tỉnh, Ủy ban nhân dân tỉnh tổ chức sự kiện với sự tham dự của lãnh đạo các sở, ngành và địa phương (bài số %d).</p>
<p>Phát biểu tại buổi làm việc, đồng chí Chủ tịch Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị tiếp tục phối hợp chặt chẽ, tổ chức thực hiện nghiêm túc, hiệu quả các nhiệm vụ được giao.</p>
<p>Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, thiết thực để hoàn thành các chỉ tiêu kinh tế, xã hội đề ra trong năm.</p>`, i)
	head := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + a.title + ` - ` + usSiteName + `</title>`
	switch i % 3 {
	case 0: // Liferay web content: the portlet's title, then the article's.
		return head + `</head><body>` + usChrome + `<div class="portlet"><h2 class="portlet-title"><span class="portlet-title-text">Tin hoạt động</span></h2>
<div class="journal-content-article"><h3 class="title-article">` + a.title + `</h3><div class="date-article">` + usDate(a.date) + `</div>` + body + `</div></div>` + usFooter + `</body></html>`
	case 1: // an <article> with its own <header>, og:title; the date
		// without a time, so that only the rest of the site tells its order
		return head + `<meta property="og:title" content="` + a.title + `"></head><body>` + usChrome +
			`<main><article><header><h1>` + a.title + `</h1><span class="post-meta">Đăng lúc ` + a.date.Format("1/2/2006") + `</span></header>` + body + `</article></main>` + usFooter + `</body></html>`
	default: // the title only in <title>; a classless dateline opens the text
		return head + `</head><body>` + usChrome + `<div id="content"><div><span>` + viWeekday(a.date) + `, ` + usDate(a.date) + ` (GMT+7)</span></div>` + body + `</div>` + usFooter + `</body></html>`
	}
}

func (p *usPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch path := r.URL.Path; {
	case path == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	case path == "/web/guest/tin-tuc":
		n, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if n*p.perPage >= len(p.articles) {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, p.listing(n))
	case strings.HasPrefix(path, "/web/guest/tin-tuc/-/asset_publisher/content/"):
		i, err := strconv.Atoi(path[strings.LastIndex(path, "/")+1:])
		if err != nil || i < 1000 || i-1000 >= len(p.articles) {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, p.article(i-1000))
	default:
		http.NotFound(w, r)
	}
}

func usPortalSite(t *testing.T, base string) *Site {
	t.Helper()
	s := &Site{Name: "songbe", Start: []string{base + "/web/guest/tin-tuc"},
		Allow: []string{"^" + base + "/web/guest/tin-tuc"}, Article: []string{`/content/\d+$`}, Concurrency: 2}
	if err := s.compile(); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestCrawlUSPortal crawls the month-first portal with no date_order:
// every date and every title must come out right, and the site's order is
// learned and kept with its crawl state.
func TestCrawlUSPortal(t *testing.T) {
	portal := newUSPortal()
	srv := httptest.NewServer(portal)
	defer srv.Close()
	store := openStore(t)
	c := testCrawler(t, store)
	rep, err := c.Crawl(context.Background(), usPortalSite(t, srv.URL), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != len(portal.articles) || rep.Failed != 0 {
		t.Fatalf("report %+v, want %d new", rep, len(portal.articles))
	}
	checkPortalDocs(t, store, srv.URL, portal)

	learned, err := Learned(store)
	if err != nil || len(learned) != 1 {
		t.Fatalf("Learned = %+v, %v", learned, err)
	}
	l := learned[0]
	if l.DateOrder != "mdy" || l.Pending != 0 || l.TitleAffixes.Suffix != " - "+usSiteName {
		t.Errorf("learned %+v: want mdy, no pending documents, suffix %q", l, " - "+usSiteName)
	}
	if s := DescribeLearned(l); !strings.Contains(s, "dates mdy") {
		t.Errorf("DescribeLearned = %q", s)
	}
}

func checkPortalDocs(t *testing.T, store *corpus.Store, base string, portal *usPortal) {
	t.Helper()
	for i, a := range portal.articles {
		d, err := store.Get(corpus.IDForURL(base + portal.path(i)))
		if err != nil {
			t.Errorf("article %d: %v", i, err)
			continue
		}
		if want := a.date.Format("2006-01-02"); d.Published != want || d.DateAmbiguous {
			t.Errorf("article %d (layout %d): published %q (ambiguous %v), want %s", i, i%3, d.Published, d.DateAmbiguous, want)
		}
		if d.Title != a.title {
			t.Errorf("article %d (layout %d): title %q, want %q", i, i%3, d.Title, a.title)
		}
		if strings.Contains(d.Body, usDate(a.date)) || strings.Contains(d.Body, "GMT+7") {
			t.Errorf("article %d (layout %d): the dateline stayed in the body:\n%s", i, i%3, d.Body)
		}
	}
}

// TestCrawlLateEvidence crawls a portal whose first pages cannot tell their
// date order (5/6/2024, no time) or their site name (the title only in
// <title>, reached from a sitemap, no logo): those documents are stored
// flagged and settled at the end of the crawl, once later pages (6/13/2024,
// more <title>s) have taught the site. The flag is never a guess.
func TestCrawlLateEvidence(t *testing.T) {
	dates := []string{"5/6/2024", "3/4/2024", "2/11/2024", "7/8/2024", "6/13/2024"}
	want := []string{"2024-05-06", "2024-03-04", "2024-02-11", "2024-07-08", "2024-06-13"}
	mux := http.NewServeMux()
	var locs strings.Builder
	for i, d := range dates {
		path := fmt.Sprintf("/bai/%d", i)
		title := fmt.Sprintf("Thông báo số %d về lịch làm việc - tuần %d", i+1, i+10)
		fmt.Fprintf(&locs, "<url><loc>%%s%s</loc></url>", path) // %s: the server's URL, known later
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<html><head><title>%s | Sở Nội vụ</title></head><body><div class="ngay">%s</div><div class="noidung"><p>Văn phòng Sở thông báo lịch làm việc của Ban Giám đốc Sở trong tuần, đề nghị các phòng, đơn vị chuẩn bị nội dung, tài liệu phục vụ các cuộc họp.</p><p>Mọi thông tin chi tiết liên hệ Văn phòng Sở.</p></div></body></html>`, title, d)
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+strings.ReplaceAll(locs.String(), "%s", srv.URL)+`</urlset>`)
	})
	store := openStore(t)
	c := testCrawler(t, store)
	site := &Site{Name: "sonoivu", Start: []string{srv.URL + "/sitemap.xml"}, Allow: []string{"^" + srv.URL + "/"}, Article: []string{`/bai/\d+$`}}
	if err := site.compile(); err != nil {
		t.Fatal(err)
	}
	rep, err := c.Crawl(context.Background(), site, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != len(dates) || rep.Resolved == 0 {
		t.Errorf("report %+v: want %d new, some resolved", rep, len(dates))
	}
	for i := range dates {
		d, err := store.Get(corpus.IDForURL(fmt.Sprintf("%s/bai/%d", srv.URL, i)))
		if err != nil {
			t.Fatal(err)
		}
		title := fmt.Sprintf("Thông báo số %d về lịch làm việc - tuần %d", i+1, i+10)
		if d.Published != want[i] || d.DateAmbiguous || d.Title != title {
			t.Errorf("page %d: %q %q (ambiguous %v), want %q %q", i, d.Title, d.Published, d.DateAmbiguous, title, want[i])
		}
	}
	learned, _ := Learned(store)
	if len(learned) != 1 || learned[0].Pending != 0 || learned[0].DateOrder != "mdy" {
		t.Errorf("learned %+v", learned)
	}
}

// TestSiteOrderOverride: a configured date_order wins over the evidence,
// and a site whose evidence conflicts keeps its dates flagged.
func TestSiteOrderOverride(t *testing.T) {
	l := &learner{site: &Site{Name: "x", DateOrder: "dmy"}}
	l.observe("", extract.DateVotes{"/1": {MonthFirst: 10}})
	if got := l.order("/1"); got != extract.DayFirst {
		t.Errorf("configured dmy, evidence mdy: order %v, want dmy", got)
	}
	l = &learner{site: &Site{Name: "y"}}
	l.observe("", extract.DateVotes{"/1": {MonthFirst: 3, DayFirst: 2}})
	a := &extract.Article{DateAmbiguous: true, DateReadings: []string{"2024-05-06", "2024-06-05"}, DateStyle: "/1"}
	if p := l.settle(a, "", "https://y/1"); p == nil || !a.DateAmbiguous || a.Published != "" {
		t.Errorf("conflicting evidence settled the date: %+v, pending %+v", a, p)
	}
}
