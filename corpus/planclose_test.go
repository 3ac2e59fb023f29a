package corpus

import (
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/link"
	"github.com/vanban/vanban/corpus/outline"
)

// qdPlanBody is a Quyết định issuing a plan, written for the test in the
// layout of provincial decisions: Điều 1 approves the plan over its
// sections, then each closing article has a title and one paragraph: the
// effect, who executes it.
const qdPlanBody = "Điều 1. Phê duyệt Kế hoạch lập hồ sơ điện tử năm 2026\n" +
	"Phê duyệt Kế hoạch lập hồ sơ điện tử năm 2026 của tỉnh với các nội dung sau:\n" +
	"I. NHIỆM VỤ\n" +
	"1. Người đứng đầu các sở phê duyệt Danh mục hồ sơ vào đầu năm theo Nghị định số 30/2020/NĐ-CP.\n" +
	"Điều 2. Hiệu lực thi hành\n" +
	"Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n" +
	"Điều 3. Trách nhiệm thi hành\n" +
	"Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này."

// nd30Arts is a copy of corpus/link's planlink_test.go fixture (and
// corpus/outline's): articles of Nghị định 30/2020/NĐ-CP, the parent.
const nd30Arts = "Điều 26. Giá trị pháp lý của bản sao\n" +
	"Bản sao y, bản sao lục và bản trích sao được thực hiện theo đúng quy định tại Nghị định này có giá trị pháp lý như bản chính.\n" +
	"Điều 27. Thẩm quyền sao văn bản\n" +
	"1. Người đứng đầu cơ quan, tổ chức quyết định việc sao văn bản do cơ quan, tổ chức ban hành, văn bản do các cơ quan, tổ chức khác gửi đến và quy định thẩm quyền ký các bản sao văn bản.\n" +
	"Điều 28. Lập Danh mục hồ sơ\n" +
	"Danh mục hồ sơ do người đứng đầu cơ quan, tổ chức phê duyệt, được ban hành vào đầu năm và gửi các đơn vị, cá nhân liên quan làm căn cứ để lập hồ sơ. Mẫu Danh mục hồ sơ được thực hiện theo quy định tại Phụ lục V Nghị định này."

// TestPlanDecisionClosingArticles: the closing articles of a decision
// issuing a plan ("Điều 2. Hiệu lực thi hành" then "Quyết định này có
// hiệu lực …", "Điều 3. Trách nhiệm thi hành" then "Chánh Văn phòng …
// chịu trách nhiệm thi hành Quyết định này") are
// no tasks of the plan, as before one-paragraph articles were items: a
// one-paragraph article is an item (corpus/outline planquote.go) only when it is a
// provision to carry out. Their passages keep their IDs.
func TestPlanDecisionClosingArticles(t *testing.T) {
	nd := &Document{ID: "nd", Type: "Nghị định", Number: "30/2020/NĐ-CP", Body: nd30Arts}
	plan := &Document{ID: "qd", Type: "Quyết định", Number: "12/QĐ-UBND", Published: "2026-03-02", Body: qdPlanBody}
	pt := planTasks(plan, nil, []link.Doc{nd.LinkDoc()}, make([]*outline.Outline, 1), nil)
	if pt == nil {
		t.Fatal("no tasks")
	}
	var ids []string
	for _, task := range pt.Tasks {
		ids = append(ids, task.ID)
	}
	if got := strings.Join(ids, ","); got != "I.1" {
		t.Errorf("tasks %s, want I.1 (the effect and execution articles are no tasks)", got)
	}
	ids = ids[:0]
	for _, p := range outline.Parse(qdPlanBody).Passages() {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, ","); got != "Đ1,I.1,Đ2,Đ3" {
		t.Errorf("passages %s, want Đ1,I.1,Đ2,Đ3 (as before)", got)
	}
}
