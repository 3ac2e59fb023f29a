package tasktable

import (
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus/link"
)

// TestLetterPoints: a letter's points that name no agency are the
// addressees' its lead-in asks; a report letter's points (no request), a
// point naming its own agency and a request to someone not addressed stay
// as they are. Letters written for the test in the layout of a provincial
// department's and a ministry's Công văn.
func TestLetterPoints(t *testing.T) {
	letter := func(addr, lead string) string {
		return "SỞ Y TẾ\nSố: 712/SYT-NVY\nV/v phòng, chống dịch sốt xuất huyết\nQuảng Bình, ngày 04 tháng 8 năm 2027\n" +
			addr + lead + "\n" +
			"- Tổ chức phun hóa chất diệt muỗi tại các ổ dịch trong vòng 48 giờ.\n" +
			"- Ủy ban nhân dân các xã giám sát ca bệnh tại cộng đồng, báo cáo hằng tuần.\n" +
			"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
	}
	tests := []struct {
		name, typ, body string
		want            []string // agency of •1, •2
	}{
		{"asked addressees", "Công văn", letter("Kính gửi:\n- Ủy ban nhân dân các huyện, thị xã;\n- Bệnh viện đa khoa tỉnh.\n",
			"Để chủ động phòng, chống dịch, Sở Y tế đề nghị Ủy ban nhân dân các huyện, thị xã chỉ đạo triển khai các nội dung sau:"),
			[]string{"Ủy ban nhân dân các huyện, thị xã", "Ủy ban nhân dân các xã"}},
		{"every addressee asked, as the block writes them", "Công văn", letter("Kính gửi:\n- UBND các xã, phường; - Các trường trung học phổ thông trực thuộc.\n",
			"Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường; các trường trung học phổ thông trực thuộc thực hiện. Cụ thể:"),
			[]string{"UBND các xã, phường, Các trường trung học phổ thông trực thuộc", "Ủy ban nhân dân các xã"}},
		{"one addressee, not named in the request", "Công văn", letter("Kính gửi: Trung tâm Kiểm soát bệnh tật tỉnh.\n",
			"Sở Y tế yêu cầu khẩn trương thực hiện các nội dung sau:"),
			[]string{"Trung tâm Kiểm soát bệnh tật tỉnh", "Ủy ban nhân dân các xã"}},
		{"no request: a report", "Công văn", letter("Kính gửi: Bộ Y tế.\n",
			"Sở Y tế báo cáo kết quả triển khai như sau:"),
			[]string{"", "Ủy ban nhân dân các xã"}},
		{"asks one not addressed", "Công văn", letter("Kính gửi: Bộ Y tế.\n",
			"Sở Y tế đề nghị Cục Quản lý môi trường y tế hỗ trợ các nội dung sau:"),
			[]string{"", "Ủy ban nhân dân các xã"}},
		{"a plan has no addressees", "Kế hoạch", letter("Kính gửi: Trung tâm Kiểm soát bệnh tật tỉnh.\n",
			"Sở Y tế yêu cầu khẩn trương thực hiện các nội dung sau:"),
			[]string{"", "Ủy ban nhân dân các xã"}},
	}
	for _, tt := range tests {
		plan := Plan{Doc: link.Doc{ID: "cv", Type: tt.typ, Number: "712/SYT-NVY", Title: tt.typ + " về phòng, chống dịch sốt xuất huyết", Body: tt.body},
			Published: "2027-08-04"}
		pt := Compute(plan, nil, nil, nil)
		if pt == nil {
			t.Errorf("%s: no tasks", tt.name)
			continue
		}
		var got []string
		for _, tk := range pt.Tasks {
			got = append(got, tk.Agency)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: agencies %q, want %q", tt.name, got, tt.want)
		}
	}
}
