package link

import (
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/outline"
)

// Lines written for the test (not from a development set): items of
// provincial plans on drought, schools and forest fires.
func TestDirectedKeys(t *testing.T) {
	parents := map[string]bool{doctype.NumberKey("09/NQ-HĐND"): true}
	cases := []struct {
		name, text string
		want       []string
	}{
		{"direction of a telegram", "Các sở, ngành chủ động triển khai các biện pháp chống hạn theo chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh tại Công điện số 05/CĐ-UBND ngày 02/3/2026.", []string{doctype.NumberKey("05/CĐ-UBND")}},
		{"in brackets", "Cập nhật số học sinh phải nghỉ học, báo cáo Sở Giáo dục và Đào tạo (theo chỉ đạo của Bộ Giáo dục và Đào tạo tại Văn bản số 812/BGDĐT-GDPT ngày 04/4/2026).", []string{doctype.NumberKey("812/BGDĐT-GDPT")}},
		{"direction without whom", "Tổ chức tuần tra rừng theo chỉ đạo tại Chỉ thị số 03/CT-UBND ngày 10/01/2026.", []string{doctype.NumberKey("03/CT-UBND")}},
		{"the parent named too", "Thực hiện Nghị quyết số 09/NQ-HĐND theo chỉ đạo tại Công điện số 05/CĐ-UBND.", nil},
		{"the parent directs", "Triển khai theo chỉ đạo tại Nghị quyết số 09/NQ-HĐND ngày 12/12/2025.", nil},
		{"a document the task refers to", "Hỗ trợ giống cây trồng cho hộ bị thiệt hại theo Quyết định số 214/QĐ-UBND ngày 20/3/2026.", nil},
		{"a document the task carries out by name", "Bố trí kinh phí để các xã thực hiện Quyết định số 214/QĐ-UBND.", nil},
		{"direction in another clause", "Trực ban nghiêm túc theo chỉ đạo của Ban Chỉ huy; tổng hợp thiệt hại theo mẫu tại Văn bản số 77/SNN-TL.", nil},
		{"a ministry named Tài chính, no tại", "Rà soát nguồn dự phòng ngân sách theo chỉ đạo của Bộ Tài chính, Công văn số 301/BTC-NSNN.", nil},
		{"a ministry named Tài chính, then tại", "Rà soát nguồn dự phòng ngân sách theo chỉ đạo của Bộ Tài chính tại Công văn số 301/BTC-NSNN.", []string{doctype.NumberKey("301/BTC-NSNN")}},
		{"no reference", "Kiểm tra các hồ chứa nước theo chỉ đạo của Ủy ban nhân dân tỉnh.", nil},
	}
	for _, c := range cases {
		if got := directedKeys(c.text, parents); !slices.Equal(got, c.want) {
			t.Errorf("%s: directedKeys = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestLinkDirectedElsewhere: an item carrying out a telegram's direction
// gets no link to the resolution even though it shares its words with a
// passage; the same item links when that passage cites the telegram, and
// a task of the plan still links.
func TestLinkDirectedElsewhere(t *testing.T) {
	parent := func(last string) Doc {
		return Doc{ID: "r", Number: "09/NQ-HĐND", Type: "Nghị quyết", Body: "HỘI ĐỒNG NHÂN DÂN TỈNH\nQUYẾT NGHỊ:\n" +
			"Điều 1. Nhiệm vụ và giải pháp\n" +
			"1. Nâng cấp hồ chứa nước, kênh mương nội đồng phục vụ tưới tiêu cho vùng thường xuyên khô hạn.\n" +
			"2. Chuyển đổi cơ cấu cây trồng sang cây chịu hạn trên đất lúa kém hiệu quả.\n" +
			"3. " + last}
	}
	plan := Doc{ID: "p", Number: "31/KH-UBND", Type: "Kế hoạch", Body: "ỦY BAN NHÂN DÂN TỈNH\nII. NHIỆM VỤ\n" +
		"1. Sở Nông nghiệp và Môi trường chủ trì nâng cấp hồ chứa nước và kênh mương nội đồng phục vụ tưới tiêu vùng khô hạn.\n" +
		"2. Các xã chủ động vận hành trạm bơm, điều tiết nước chống hạn cho cây trồng theo chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh tại Công điện số 05/CĐ-UBND ngày 02/3/2026.\n"}
	link := func(par Doc) map[string]string {
		pl := linkPlan(plan, []Doc{par}, []*outline.Outline{nil}, DefaultParams())
		return map[string]string{"II.1": top(pl, "II.1"), "II.2": top(pl, "II.2")}
	}
	plain := parent("Chủ động vận hành trạm bơm, điều tiết nước chống hạn cho cây trồng trong mùa khô.")
	if got := link(plain); got["II.1"] != "Đ1.1" || got["II.2"] != "-" {
		t.Errorf("links %v, want II.1 → Đ1.1 and II.2 → none", got)
	}
	cites := parent("Chủ động vận hành trạm bơm, điều tiết nước chống hạn cho cây trồng theo Công điện số 05/CĐ-UBND.")
	if got := link(cites); got["II.2"] != "Đ1.3" {
		t.Errorf("with the passage citing the telegram II.2 → %s, want Đ1.3", got["II.2"])
	}
}

// FuzzDirectedKeys: any text, NFC or NFD, any bytes: no panic, and no key
// returned is a parent's.
func FuzzDirectedKeys(f *testing.F) {
	for _, s := range []string{
		"Các xã chống hạn theo chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh tại Công điện số 05/CĐ-UBND.",
		"(theo chỉ đạo tại Văn bản số 812/BGDĐT-GDPT",
		"theo chi dao tai Cong dien so 05/CD-UBND",
		"theo chỉ đạo tại Nghị quyết số 09/NQ-HĐND",
		"theo chỉ đạo của Bộ Tài chính; tại Công văn số 1/BTC",
	} {
		f.Add(s)
	}
	parents := map[string]bool{doctype.NumberKey("09/NQ-HĐND"): true}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range directedKeys(s, parents) {
			if parents[k] {
				t.Errorf("directedKeys(%q) returned the parent %s", s, k)
			}
		}
	})
}
