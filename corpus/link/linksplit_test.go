package link

import (
	"slices"
	"testing"
)

// TestTaskParts: lines written for the test in the shapes of a district
// plan's bullet, a ministry's telegram, a school's letter and a
// commune's report, none from the development sets.
func TestTaskParts(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		// ";" between two clauses, each with its own verb.
		{"Rà soát danh sách hộ nghèo trên địa bàn xã; tổ chức thăm hỏi, tặng quà các gia đình chính sách dịp Tết.",
			[]string{"Rà soát danh sách hộ nghèo trên địa bàn xã;", "tổ chức thăm hỏi, tặng quà các gia đình chính sách dịp Tết."}},
		// "đồng thời" opens the second task.
		{"Bộ Giao thông vận tải chỉ đạo khắc phục ngay các tuyến đường bị sạt lở, đồng thời bố trí lực lượng trực gác tại các ngầm tràn.",
			[]string{"Bộ Giao thông vận tải chỉ đạo khắc phục ngay các tuyến đường bị sạt lở,", "đồng thời bố trí lực lượng trực gác tại các ngầm tràn."}},
		// two sentences, each a task.
		{"Kiện toàn tổ công nghệ số cộng đồng ở các thôn. Tập huấn kỹ năng số cho cán bộ xã trong quý III.",
			[]string{"Kiện toàn tổ công nghệ số cộng đồng ở các thôn.", "Tập huấn kỹ năng số cho cán bộ xã trong quý III."}},
		// three parts.
		{"Cập nhật dữ liệu giáo viên lên hệ thống; bồi dưỡng giáo viên dạy tiếng Anh; đồng thời đầu tư phòng học ngoại ngữ cho các trường vùng khó.",
			[]string{"Cập nhật dữ liệu giáo viên lên hệ thống;", "bồi dưỡng giáo viên dạy tiếng Anh;", "đồng thời đầu tư phòng học ngoại ngữ cho các trường vùng khó."}},
		// a list of objects after ";": one task.
		{"Kiểm tra các cơ sở kinh doanh thực phẩm; cơ sở giết mổ gia súc, gia cầm; chợ đầu mối trên địa bàn.", nil},
		// a short clause stays with the part before it.
		{"Tuyên truyền về phòng chống đuối nước cho học sinh; báo cáo ngay.", nil},
		// "và" joining two verbs of one object is one task.
		{"Xây dựng và triển khai kế hoạch chuyển đổi số của phường năm 2026.", nil},
		// a sentence whose next opens with no task verb goes on the first.
		{"Tổ chức diễn tập phòng cháy tại các chợ. Thời gian hoàn thành trong tháng 10 năm 2026.", nil},
		// "đồng thời" at the head: nothing before it.
		{"Đồng thời hướng dẫn các hộ dân gia cố nhà cửa trước mùa mưa bão.", nil},
	} {
		if got := taskParts(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("taskParts(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func FuzzTaskParts(f *testing.F) {
	f.Add("Rà soát danh sách hộ nghèo; tổ chức thăm hỏi các gia đình chính sách.")
	f.Add("Chỉ đạo khắc phục đường sạt lở, đồng thời bố trí lực lượng trực gác.")
	f.Fuzz(func(t *testing.T, s string) {
		ps := taskParts(s)
		if ps != nil && len(ps) < 2 {
			t.Fatalf("%q: one part", s)
		}
	})
}
