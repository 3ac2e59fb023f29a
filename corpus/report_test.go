package corpus

import (
	"context"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/graph"
)

// Pages of a fictional province (Quảng Ngãi, Kon Tum's names borrowed),
// written for these tests: two news pages, numbered documents, and
// documents posted without a number read.
var (
	// a resolution and a decision the news reports on
	directive09 = &Document{ID: "ct09", URL: "https://qn.example/ct09", Type: "Chỉ thị", Number: "09-CT/TU", Published: "2023-03-02",
		Title: "Chỉ thị số 09-CT/TU ngày 02/3/2023 của Ban Thường vụ Tỉnh ủy về tăng cường chuyển đổi số",
		Body:  "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, chính quyền thực hiện tốt các nhiệm vụ sau."}
	decision318 = &Document{ID: "qd318", URL: "https://qn.example/qd318", Type: "Quyết định", Number: "318/QĐ-UBND", Published: "2022-04-11",
		Title: "Quyết định số 318/QĐ-UBND ngày 11/4/2022 ban hành Quy chế quản lý cụm công nghiệp",
		Body:  "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."}
	// a plan implementing the resolution: a văn bản, it implements
	plan77 = &Document{ID: "kh77", URL: "https://qn.example/kh77", Type: "Kế hoạch", Number: "77/KH-UBND", Published: "2023-05-10",
		Title: "Kế hoạch số 77/KH-UBND thực hiện Chỉ thị số 09-CT/TU ngày 02/3/2023 của Ban Thường vụ Tỉnh ủy",
		Body:  "Thực hiện Chỉ thị số 09-CT/TU ngày 02/3/2023 của Ban Thường vụ Tỉnh ủy, UBND tỉnh ban hành Kế hoạch thực hiện như sau."}
	// news: the page's own verbs read as the text's acts
	newsReview = &Document{ID: "tin1", URL: "https://qn.example/tin-tuc/1", Published: "2024-03-15",
		Title: "Sơ kết một năm thực hiện Chỉ thị số 09-CT/TU về chuyển đổi số",
		Body: "Sáng 15/3, UBND tỉnh tổ chức hội nghị sơ kết một năm thực hiện Chỉ thị số 09-CT/TU.\n" +
			"Tỉnh đã triển khai thực hiện Chỉ thị số 09-CT/TU ngày 02/3/2023 của Ban Thường vụ Tỉnh ủy bằng nhiều giải pháp đồng bộ."}
	newsRepeal = &Document{ID: "tin2", URL: "https://qn.example/tin-tuc/2", Published: "2024-08-01", Type: "Tin tức",
		Title: "Cụm công nghiệp Tịnh Phong thu hút thêm 5 dự án",
		Body: "Theo Sở Công Thương, từ ngày 01/8/2024, UBND tỉnh bãi bỏ Quyết định số 318/QĐ-UBND ngày 11/4/2022 của UBND tỉnh.\n" +
			"Quyết định số 1210/QĐ-UBND thay thế Quyết định số 318/QĐ-UBND của UBND tỉnh."}
)

// TestIsReport: what the store knows of a page tells a văn bản from a
// news page.
func TestIsReport(t *testing.T) {
	for _, c := range []struct {
		name string
		d    Document
		want bool
	}{
		{"news, no type", Document{Title: "Hội nghị sơ kết một năm thực hiện Nghị quyết số 09-NQ/TU của Tỉnh ủy Kon Tum"}, true},
		{"type Tin tức, title of a plan", Document{Type: "Tin tức", Title: "Kế hoạch chuyển đổi số năm 2025: nhiều kết quả nổi bật"}, true},
		{"numbered", Document{Number: "77/KH-UBND", Title: "Sơ kết một năm thực hiện Chỉ thị số 09-CT/TU"}, false},
		{"type field, no number", Document{Type: "Công văn", Title: "Về việc triển khai Chỉ thị số 09-CT/TU"}, false},
		{"title opens with a type", Document{Title: "Kế hoạch thực hiện Chỉ thị số 09-CT/TU của Ban Thường vụ Tỉnh ủy"}, false},
		{"file, number not read", Document{Title: "scan-qd.pdf", File: &FileInfo{Kind: "pdf", Name: "scan-qd.pdf"}}, false},
		{"attachment of a page", Document{Title: "Tài liệu hội nghị", Parent: "p1"}, false},
		{"page posting a file", Document{Title: "Về việc tăng cường quản lý cụm công nghiệp", Attachments: []string{"https://qn.example/f/cv.pdf"}}, false},
		// i18-newsrev: the portal's type field is its own word on the page.
		// "Tin tức" with a file linked (a footer's guide, the reported
		// plan's PDF) is still news; a field calling the page a văn bản
		// ("Văn bản khác", a section's name) is a văn bản whatever its title.
		{"type Tin tức, file linked", Document{Type: "Tin tức", Title: "Huyện Sơn Tây ra quân Tháng hành động vì môi trường", Attachments: []string{"https://qn.example/f/huong-dan-su-dung.pdf"}}, true},
		{"type Văn bản khác, no number", Document{Type: "Văn bản khác", Title: "Về việc tổ chức Tuần lễ văn hóa các dân tộc tỉnh Kon Tum"}, false},
		{"type Văn bản chỉ đạo điều hành", Document{Type: "Văn bản chỉ đạo điều hành", Title: "Tăng cường phòng, chống rét cho cây trồng, vật nuôi"}, false},
		{"type Văn bản QPPL, title a decision", Document{Type: "Văn bản QPPL", Title: "Quyết định bãi bỏ Quyết định số 318/QĐ-UBND của UBND tỉnh"}, false},
		{"type văn bản, lower case", Document{Type: "văn bản quy phạm pháp luật", Title: "Quy định mức thu phí tham quan danh thắng Măng Đen"}, false},
	} {
		if got := IsReport(&c.d); got != c.want {
			t.Errorf("%s: IsReport = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestReportStatesNoRelation: a news page's sentences do not make it
// implement, repeal or replace (nor report a replacement into an effect
// status); its references stay mentions (cited_by), and the văn bản
// beside it keep their relations.
func TestReportStatesNoRelation(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	unnumbered := &Document{ID: "kh-nonum", URL: "https://qn.example/kh-nonum", Published: "2023-06-01",
		Title: "Kế hoạch thực hiện Chỉ thị số 09-CT/TU ngày 02/3/2023 của Ban Thường vụ Tỉnh ủy",
		Body:  "Triển khai thực hiện Chỉ thị số 09-CT/TU ngày 02/3/2023, UBND huyện ban hành Kế hoạch như sau."}
	for _, d := range []*Document{directive09, decision318, plan77, newsReview, newsRepeal, unnumbered} {
		c := *d
		if _, err := s.Put(&c); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	rel, err := s.Relations("09-CT/TU")
	if err != nil {
		t.Fatal(err)
	}
	impl := map[string]bool{}
	for _, l := range rel.In {
		if l.Kind == cite.Implements {
			impl[l.Source] = true
		}
		if l.Source == newsReview.ID {
			t.Errorf("09-CT/TU's Lược đồ lists the news page: %+v", l)
		}
	}
	if !impl[plan77.ID] || !impl["kh-nonum"] || len(impl) != 2 {
		t.Errorf("implementing 09-CT/TU: %v, want kh77 and kh-nonum", impl)
	}
	cited, err := s.CitedBy("09-CT/TU")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, id := range cited {
		found = found || id == newsReview.ID
	}
	if !found {
		t.Errorf("cited by %v: the news page still cites 09-CT/TU", cited)
	}
	for _, r := range DocRefs(newsReview) {
		if r.Relation != cite.Mentions {
			t.Errorf("news page's %s: %s, want a mention", r.Key, r.Relation)
		}
	}
	e, err := s.Effect(ctx, "318/QĐ-UBND", day("2025-01-10"))
	if err != nil {
		t.Fatal(err)
	}
	if e.State != graph.StateInForce || len(e.Changes) != 0 {
		t.Errorf("318/QĐ-UBND after a news page reported its repeal: %s %q %+v", e.State, e.Label, e.Changes)
	}
	rel, err = s.Relations("318/QĐ-UBND")
	if err != nil {
		t.Fatal(err)
	}
	if len(rel.In) != 0 {
		t.Errorf("318/QĐ-UBND's Lược đồ: %+v, want nothing done to it", rel.In)
	}
	if e, err := s.DocEffect(ctx, newsRepeal.ID, day("2025-01-10")); err != nil || e.State != graph.StateUnknown {
		t.Errorf("the news page's own effect: %+v, %v", e, err)
	}
}

// TestReportTypeField: on a store, a page the portal types "Tin tức"
// changes no effect status though it links a file, and a number-less page
// the portal types "Văn bản chỉ đạo điều hành" states its repeal
// (sentences written for this test; i18-newsrev).
func TestReportTypeField(t *testing.T) {
	s := openTestStore(t, t.TempDir())
	news := &Document{ID: "tin3", URL: "https://qn.example/tin-tuc/3", Published: "2024-09-02", Type: "Tin tức",
		Title:       "Sở Công Thương tập huấn quản lý cụm công nghiệp",
		Body:        "Tại lớp tập huấn, đại diện Sở cho biết UBND tỉnh bãi bỏ Quyết định số 318/QĐ-UBND ngày 11/4/2022 của UBND tỉnh.",
		Attachments: []string{"https://qn.example/f/tai-lieu-tap-huan.pdf"}}
	ctx := context.Background()
	for _, d := range []*Document{decision318, news} {
		c := *d
		if _, err := s.Put(&c); err != nil {
			t.Fatal(err)
		}
	}
	if e, err := s.Effect(ctx, "318/QĐ-UBND", day("2025-01-10")); err != nil || e.State != graph.StateInForce {
		t.Errorf("318/QĐ-UBND after a Tin tức page with a file reported its repeal: %+v, %v", e, err)
	}
	directive := &Document{ID: "cd1", URL: "https://qn.example/vb/cd1", Published: "2025-02-03", Type: "Văn bản chỉ đạo điều hành",
		Title: "Bãi bỏ Quyết định số 318/QĐ-UBND ngày 11/4/2022 của UBND tỉnh",
		Body:  "Điều 1. Bãi bỏ Quyết định số 318/QĐ-UBND ngày 11/4/2022 của UBND tỉnh ban hành Quy chế quản lý cụm công nghiệp.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký."}
	if _, err := s.Put(directive); err != nil {
		t.Fatal(err)
	}
	e, err := s.Effect(ctx, "318/QĐ-UBND", day("2025-06-10"))
	if err != nil {
		t.Fatal(err)
	}
	byDirective := false
	for _, c := range e.Changes {
		byDirective = byDirective || c.Source == directive.ID
	}
	if e.State == graph.StateInForce || !byDirective {
		t.Errorf("318/QĐ-UBND after a Văn bản chỉ đạo điều hành page repealed it: %s %q %+v", e.State, e.Label, e.Changes)
	}
}
