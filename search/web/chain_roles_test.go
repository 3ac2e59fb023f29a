package web

import (
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/vanban/vanban/corpus"
)

// TestChainRolesAgree: the document page's chain names the implementers
// Store.Role names (corpus/roles.go, the one owner), and its coverage the
// tasks of those alone, with the tasks view exact: a decree detailed by a circular without tasks (one implementer),
// a law a plan with tasks names only as a ground (none). Lines written for
// the review (i24-review6), kept by i24-chain; passing since i25-roles
// (the task table stores each text's implemented parents).
func TestChainRolesAgree(t *testing.T) {
	docs := []*corpus.Document{
		{URL: "http://roles.test/luat", Type: "Luật", Number: "10/2030/QH16", Title: "Luật Phí thẩm định số 10/2030/QH16",
			Body: "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về phí thẩm định hồ sơ đầu tư.\nĐiều 2. Mức thu\nMức thu phí thẩm định do cơ quan có thẩm quyền quy định theo chi phí thực tế."},
		{URL: "http://roles.test/nd", Type: "Nghị định", Number: "45/2030/NĐ-CP", Title: "Nghị định số 45/2030/NĐ-CP quy định về phí thẩm định",
			Body: "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nĐiều 7. Mức thu phí\n1. Phí thẩm định hồ sơ đầu tư thu theo từng hồ sơ.\n3. Bộ trưởng Bộ Tài chính quy định mức thu phí thẩm định đối với từng loại hồ sơ."},
		{URL: "http://roles.test/tt", Type: "Thông tư", Number: "12/2030/TT-BTC", Title: "Thông tư số 12/2030/TT-BTC quy định mức thu phí thẩm định",
			Body: "Căn cứ Nghị định số 45/2030/NĐ-CP ngày 02 tháng 3 năm 2030 của Chính phủ;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định chi tiết khoản 3 Điều 7 của Nghị định số 45/2030/NĐ-CP.\nĐiều 2. Mức thu\n1. Hồ sơ dự án nhóm A: 8.000.000 đồng/hồ sơ."},
		{URL: "http://roles.test/kh", Type: "Kế hoạch", Number: "60/KH-UBND", Title: "Kế hoạch số 60/KH-UBND thu phí thẩm định năm 2031",
			Body: "Căn cứ Luật Phí thẩm định số 10/2030/QH16;\nI. MỤC ĐÍCH, YÊU CẦU\nBảo đảm thu phí đúng quy định.\nII. NHIỆM VỤ\n1. Sở Tài chính chủ trì rà soát hồ sơ thẩm định, hoàn thành trong Quý I/2031.\n2. Sở Kế hoạch và Đầu tư công khai thủ tục thẩm định trên cổng thông tin."},
	}
	h, store := pageService(t, docs)
	for _, tt := range []struct {
		number string
		impl   int // how many Store.Role names: the rule's answer, checked first
	}{{"45/2030/NĐ-CP", 1}, {"10/2030/QH16", 0}} {
		number := tt.number
		id := docID(t, store, number)
		role, err := store.Role(id)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, d := range role.Implementers {
			want = append(want, d.Number)
		}
		if len(want) != tt.impl {
			t.Fatalf("%s: Store.Role names implementers %q, want %d", number, want, tt.impl)
		}
		chain := section(serve(t, h, "/doc/"+id, 200), `id="thuc-hien"`, "</ol>")
		var got []string
		for _, m := range regexp.MustCompile(`>(\d+/[^<]*(?:TT-BTC|KH-UBND))<`).FindAllStringSubmatch(chain, -1) {
			got = append(got, m[1])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: the chain names implementers %q, Store.Role %q", number, got, want)
		}
		// the coverage counts the tasks of those implementers alone
		ntasks := 0
		for _, d := range role.Implementers {
			pt, _, err := store.Tasks(d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if pt != nil {
				ntasks += len(pt.Tasks)
			}
		}
		cov := section(serve(t, h, "/doc/"+id, 200), "Các đoạn của văn bản và nhiệm vụ thực hiện", "</section>")
		if len(want) == 0 && cov != "" {
			t.Errorf("%s: the page shows a coverage, of no implementer", number)
		}
		if m := regexp.MustCompile(`(\d+) nhiệm vụ của (\d+) văn bản thực hiện`).FindStringSubmatch(cov); m != nil &&
			(m[1] != strconv.Itoa(ntasks) || m[2] != strconv.Itoa(len(want))) {
			t.Errorf("%s: the coverage counts %s tasks of %s implementers, want %d of %d", number, m[1], m[2], ntasks, len(want))
		}
	}
}
