package web

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestEffectBadgeAmendedOnly: a decree no stored text states the effect of,
// amended by another (defect 13 of i20-audit), reads "Không có thông tin về
// hiệu lực" and names its amender on its page, never "Còn hiệu lực"; the
// amender, which states its own effect, is in force; a document nothing is
// said of shows no badge.
func TestEffectBadgeAmendedOnly(t *testing.T) {
	amended := &corpus.Document{URL: "http://t.test/nd-64", Title: "Nghị định quy định về quản lý chợ", Number: "64/2019/NĐ-CP",
		Type: "Nghị định", Published: "2019-07-16", Body: "Chương I. Quy định chung\nĐiều 1. Phạm vi điều chỉnh."}
	amending := &corpus.Document{URL: "http://t.test/nd-15", Title: "Nghị định sửa đổi Nghị định số 64/2019/NĐ-CP", Number: "15/2026/NĐ-CP",
		Type: "Nghị định", Published: "2026-02-01",
		Body: "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 64/2019/NĐ-CP.\nĐiều 2. Nghị định này có hiệu lực từ ngày 01/3/2026."}
	funds := &corpus.Document{URL: "http://t.test/nq-601", Title: "Nghị quyết về khắc phục hậu quả bão", Number: "601/NQ-CP",
		Type: "Nghị quyết", Published: "2025-11-20",
		Body: "Ngân hàng Chính sách xã hội sử dụng nguồn vốn được giao bổ sung tại Nghị quyết số 512/NQ-CP để cho vay."}
	srv, _ := demoServer(t, amended, amending, funds)
	page, _ := get(t, srv.URL+"/doc/"+corpus.IDForURL(amended.URL), 200)
	if want := "Không có thông tin về hiệu lực; được sửa đổi, bổ sung bởi 15/2026/NĐ-CP"; !strings.Contains(page, want) {
		t.Errorf("amended decree's page lacks %q", want)
	}
	if strings.Contains(page, "Còn hiệu lực</div>") {
		t.Errorf("amended decree's page says it is in force")
	}
	page, _ = get(t, srv.URL+"/doc/"+corpus.IDForURL(amending.URL), 200)
	if !strings.Contains(page, `<div class="badge in_force" title="Tình trạng hiệu lực">Còn hiệu lực</div>`) {
		t.Errorf("amending decree's page: no in-force badge")
	}
	page, _ = get(t, srv.URL+"/doc/"+corpus.IDForURL(funds.URL), 200)
	if strings.Contains(page, `class="badge`) || strings.Contains(page, "Văn bản được sửa đổi, bổ sung") {
		t.Errorf("a resolution adding funds at another: badge or amendment shown")
	}
	body, _ := get(t, srv.URL+"/api/refs?key=512/NQ-CP", 200)
	if strings.Contains(body, `"amends"`) {
		t.Errorf("/api/refs of 512/NQ-CP lists an amendment: %.400s", body)
	}
}

// TestEffectBadgeBasis: a stored document nothing states the effect of,
// cited as căn cứ by a stored plan, shows the grey unknown badge saying
// where it was cited (a dated fact, not "Còn hiệu lực"); the plan, which
// nobody cites as căn cứ, says nothing of it. Documents written for the
// test.
func TestEffectBadgeBasis(t *testing.T) {
	rule := &corpus.Document{URL: "http://t.test/qd-73", Title: "Quyết định ban hành Quy chế quản lý chợ", Number: "73/2023/QĐ-UBND",
		Type: "Quyết định", Published: "2023-09-12", Body: "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý chợ trên địa bàn tỉnh Phú An."}
	plan := &corpus.Document{URL: "http://t.test/kh-45", Title: "Kế hoạch phát triển chợ năm 2026", Number: "45/KH-UBND",
		Type: "Kế hoạch", Published: "2026-03-05",
		Body: "ỦY BAN NHÂN DÂN TỈNH PHÚ AN\nSố: 45/KH-UBND\nPhú An, ngày 05 tháng 3 năm 2026\nCăn cứ Quyết định số 73/2023/QĐ-UBND ngày 12/9/2023 của UBND tỉnh;\nI. MỤC ĐÍCH\n1. Phát triển mạng lưới chợ."}
	srv, _ := demoServer(t, rule, plan)
	page, _ := get(t, srv.URL+"/doc/"+corpus.IDForURL(rule.URL), 200)
	want := `<div class="badge unknown" title="Tình trạng hiệu lực">Không có thông tin về hiệu lực; được dẫn làm căn cứ tại 45/KH-UBND ngày 05/3/2026</div>`
	if !strings.Contains(page, want) {
		i := max(strings.Index(page, `class="badge`), 0)
		t.Errorf("the decision's page lacks %q: %.300s", want, page[i:])
	}
	page, _ = get(t, srv.URL+"/doc/"+corpus.IDForURL(plan.URL), 200)
	if strings.Contains(page, "được dẫn làm căn cứ") {
		t.Errorf("the plan, cited by nobody, says it is cited as căn cứ")
	}
}
