package link

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/outline"
)

// Linking tests over outlines (corpus/outline): a plan's items to its
// parents' passages.

func TestLinkPlanUnlinked(t *testing.T) {
	res := Doc{ID: "r", Type: "Nghị quyết", Number: "7/NQ-HĐND",
		Body: "II. NHIỆM VỤ\n1. Phát triển giao thông nông thôn, bê tông hóa đường xã.\n2. Bảo vệ rừng phòng hộ đầu nguồn."}
	plan := Doc{ID: "p", Type: "Kế hoạch",
		Body: "I. MỤC ĐÍCH\n1. Bê tông hóa đường giao thông nông thôn.\nII. NHIỆM VỤ\n1. Bê tông hóa đường giao thông nông thôn.\n2. Tổ chức lễ hội văn hóa.\n3. Trồng rừng phòng hộ theo Nghị quyết số 7/NQ-HĐND."}
	pl := Plan(plan, []Doc{res})
	var got []string
	for _, it := range pl.Items {
		s := fmt.Sprintf("%s:%v", it.ID, it.Linked)
		if len(it.Matches) > 0 {
			s += "→" + it.Matches[0].Passage
		}
		got = append(got, s)
	}
	want := "I.1:false II.1:true→II.1 II.2:true II.3:true→II.2"
	if strings.Join(got, " ") != want {
		t.Errorf("Plan items = %s, want %s", strings.Join(got, " "), want)
	}
}

// TestLinkQuotedAndArticleItems: the provisions an amending circular
// quotes, and a one-paragraph article, link as items to the parent's
// provision they carry out. The parent is 30/2020/NĐ-CP (real lines); the
// circular is written for the test.
func TestLinkQuotedAndArticleItems(t *testing.T) {
	nd := Doc{ID: "nd", Type: "Nghị định", Number: "30/2020/NĐ-CP", Body: nd30Arts}
	plan := Doc{ID: "tt", Type: "Thông tư", Number: "9/2026/TT-BNV", Body: tt9Body}
	pl := linkPlan(plan, []Doc{nd}, make([]*outline.Outline, 1), DefaultParams())
	for id, want := range map[string]string{"Đ1.“Đ5.1": "Đ28", "Đ1.“Đ5.2": "Đ27.1", "Đ2": "Đ26"} {
		if got := top(pl, id); got != want {
			t.Errorf("%s → %s, want %s", id, got, want)
		}
	}
}

// nd30Arts: real lines of Nghị định 30/2020/NĐ-CP (one-paragraph
// articles), the parent of the linking tests here and in linkscope_test.go
// and planclose_test.go; the same lines as corpus/outline's
// planquote_test.go, which tests their outline.
const nd30Arts = "Điều 26. Giá trị pháp lý của bản sao\n" +
	"Bản sao y, bản sao lục và bản trích sao được thực hiện theo đúng quy định tại Nghị định này có giá trị pháp lý như bản chính.\n" +
	"Điều 27. Thẩm quyền sao văn bản\n" +
	"1. Người đứng đầu cơ quan, tổ chức quyết định việc sao văn bản do cơ quan, tổ chức ban hành, văn bản do các cơ quan, tổ chức khác gửi đến và quy định thẩm quyền ký các bản sao văn bản.\n" +
	"Điều 28. Lập Danh mục hồ sơ\n" +
	"Danh mục hồ sơ do người đứng đầu cơ quan, tổ chức phê duyệt, được ban hành vào đầu năm và gửi các đơn vị, cá nhân liên quan làm căn cứ để lập hồ sơ. Mẫu Danh mục hồ sơ được thực hiện theo quy định tại Phụ lục V Nghị định này."

// tt9Body is an amending circular written for the tests (as in
// corpus/outline's planquote_test.go): its Điều 1 announces, in its text,
// the article it puts in force, in straight quotes (as 65/2026/TT-BTC of
// set 3 is typed); its Điều 2 is one paragraph.
const tt9Body = "Điều 1. Sửa đổi, bổ sung Điều 5 Thông tư số 2/2021/TT-BNV\n" +
	"Sửa đổi, bổ sung Điều 5 Thông tư số 2/2021/TT-BNV như sau:\n" +
	"\"Điều 5. Danh mục hồ sơ\n" +
	"1. Người đứng đầu cơ quan phê duyệt Danh mục hồ sơ vào đầu năm theo Nghị định số 30/2020/NĐ-CP và gửi các đơn vị làm căn cứ để lập hồ sơ.\n" +
	"2. Văn thư cơ quan quyết định việc sao văn bản do cơ quan ban hành và ký các bản sao văn bản.\"\n" +
	"Điều 2. Giá trị của bản sao\n" +
	"Bản sao y, bản sao lục và bản trích sao văn bản của cơ quan có giá trị pháp lý như bản chính theo Nghị định số 30/2020/NĐ-CP."
