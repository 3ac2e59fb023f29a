package outline

import "testing"

// TestNameListEntry: a long entry of a list of names (an appendix listing
// the units a letter addresses) is no task; a long line in a list of
// tasks, or an entry that states a task, stays one. Lists written for the
// test.
func TestNameListEntry(t *testing.T) {
	cases := []struct {
		name, body, id string
		task           bool
	}{
		{"a company's long name among names",
			"I. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.\n" +
				"PHỤ LỤC\nDANH SÁCH CÁC ĐƠN VỊ THU GOM, VẬN CHUYỂN CHẤT THẢI\n" +
				"1. Công ty TNHH MTV Môi trường Đô thị Phú An\n2. Công ty Cổ phần Môi trường Sông Lam\n" +
				"3. Công ty CP Xử lý chất thải công nghiệp và Đầu tư phát triển hạ tầng môi trường Phú An.\n" +
				"4. Hợp tác xã Dịch vụ Môi trường Thành Công\n",
			"PL.3", false},
		{"a long task opening with a company, among tasks",
			"II. NHIỆM VỤ CỤ THỂ\n1. Sở Công Thương kiểm tra các cửa hàng xăng dầu.\n2. Sở Xây dựng rà soát các công trình.\n" +
				"3. Công ty Điện lực Phú An khắc phục sự cố lưới điện, cấp điện trở lại cho các khu vực bị mất điện do mưa bão.\n",
			"II.3", true},
		{"an entry that states a task, among names",
			"PHỤ LỤC\nDANH SÁCH ĐƠN VỊ\n1. Công ty Cổ phần Cấp nước Phú An\n2. Công ty Cổ phần Thoát nước Phú An\n" +
				"3. Công ty Cổ phần Công trình Đô thị Phú An\n4. Công ty Môi trường Phú An chủ trì thu gom chất thải rắn sinh hoạt tại các phường trung tâm.\n",
			"PL.4", true},
	}
	for _, c := range cases {
		o := Parse(c.body)
		var got *Item
		for i := range o.Items {
			if o.Items[i].ID == c.id {
				got = &o.Items[i]
			}
		}
		if got == nil {
			var ids []string
			for _, it := range o.Items {
				ids = append(ids, it.ID)
			}
			t.Fatalf("%s: no item %s in %v", c.name, c.id, ids)
		}
		if got.Task() != c.task {
			t.Errorf("%s: %s Task() = %v, want %v (%q)", c.name, c.id, got.Task(), c.task, got.Text)
		}
	}
}
