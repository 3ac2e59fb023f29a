package outline

import "testing"

// TestPartyLayout: the Party's layout (i31-party) — "I- ", "1- ", "a- "
// with dashes. The first case is in the shape of the written chain's
// Tỉnh ủy plan (corpus/testdata/party); the second of a Thành ủy's
// "Chương trình hành động" (another Party text), written for the test.
func TestPartyLayout(t *testing.T) {
	checkOutlines(t, []outlineCase{
		{"lettered points with a dash under a number with a dash (a Tỉnh ủy's plan)",
			"II- NHIỆM VỤ, GIẢI PHÁP\n1- Tổ chức học tập, quán triệt, tuyên truyền Nghị quyết\na- Tổ chức hội nghị học tập, quán triệt Nghị quyết cho cán bộ chủ chốt của tỉnh.\nb- Đẩy mạnh tuyên truyền trên báo, đài của tỉnh.\n2- Hoàn thiện quy chế của tỉnh.",
			"II.1/1H/tasks:Tổ chức học tập, quán triệt, tuyên truyền Nghị quyết\nII.1.a/2/tasks:Tổ chức hội nghị học tập, quán triệt Nghị quyết cho cán bộ chủ chốt của tỉnh.\nII.1.b/2/tasks:Đẩy mạnh tuyên truyền trên báo, đài của tỉnh.\nII.2/1/tasks:Hoàn thiện quy chế của tỉnh.\n"},
		{"đ- and a wrapped point (a Thành ủy's programme of action)",
			"III- NHIỆM VỤ CHỦ YẾU\n2- Về phát triển nguồn nhân lực\nc- Các cấp ủy rà soát, quy hoạch đội ngũ cán bộ trẻ.\nd- Thành đoàn phối hợp tổ chức diễn đàn thanh niên khởi nghiệp.\nđ- Đảng ủy các khu công nghiệp chỉ đạo doanh nghiệp đào tạo lại người lao động.",
			"III.2/1H/tasks:Về phát triển nguồn nhân lực\nIII.2.c/2/tasks:Các cấp ủy rà soát, quy hoạch đội ngũ cán bộ trẻ.\nIII.2.d/2/tasks:Thành đoàn phối hợp tổ chức diễn đàn thanh niên khởi nghiệp.\nIII.2.đ/2/tasks:Đảng ủy các khu công nghiệp chỉ đạo doanh nghiệp đào tạo lại người lao động.\n"},
		{"a letter and a dash before lower case is text, as a number's",
			"1- Về kinh phí\nx- quang là dịch vụ kỹ thuật được bảo hiểm chi trả.",
			"1/1/tasks:Về kinh phí\nx- quang là dịch vụ kỹ thuật được bảo hiểm chi trả.\n"}, // the line goes on the item, as before
	})
}
