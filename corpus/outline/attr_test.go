package outline

import (
	"fmt"
	"strings"
	"testing"
)

// i21-attr (docs/log/i21-attr.md): the lines are written for the tests in the
// shapes of provincial plans that give each task its agency, co-agencies
// and deadline on lines of their own (the shape of plans of the Sở Văn
// hóa, Thể thao và Du lịch and of Sở Nông nghiệp kinds; not set 4's
// text), and of the forms of legal texts that use the same words.

// attrDump is one line per item: ID, parent's ID, agency, partners,
// deadline, output, heading flag.
func attrDump(o *Outline) string {
	var b strings.Builder
	for _, it := range o.Items {
		par := "-"
		if it.Parent >= 0 {
			par = o.Items[it.Parent].ID
		}
		h := ""
		if it.Heading {
			h = "H"
		}
		fmt.Fprintf(&b, "%s/%s/%s|%s|%s|%s%s\n", it.ID, par, it.Agency, it.Partners, it.Deadline, it.Output, h)
	}
	return b.String()
}

// TestOutlineAttributeLines: "Cơ quan chủ trì: …", "Đơn vị phối hợp: …",
// "Thời gian hoàn thành: …", "Sản phẩm: …" after a task are its Agency,
// Partners, Deadline and Output, not items, with or without a dash; the
// bullets after them stay siblings of the task they follow; a block after
// several bullets under one title is the title's (its bullets inherit it);
// a lower-case line after one goes on with its value.
func TestOutlineAttributeLines(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"bullets each ending in an unlabelled block",
			strings.Join([]string{
				"II. NHIỆM VỤ VÀ GIẢI PHÁP",
				"1. Phát triển văn hóa đọc trong cộng đồng",
				"- Tổ chức Ngày Sách và Văn hóa đọc Việt Nam hằng năm tại các xã, phường.",
				"Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
				"Cơ quan phối hợp: Sở Giáo dục và Đào tạo; UBND các xã, phường.",
				"Thời gian hoàn thành: Quý II hằng năm.",
				"- Xây dựng tủ sách pháp luật điện tử trên Cổng thông tin điện tử tỉnh.",
				"Cơ quan chủ trì: Sở Tư pháp.",
				"Cơ quan phối hợp: Sở Khoa học và Công nghệ; các cơ quan,",
				"đơn vị liên quan.",
				"Thời gian hoàn thành: Tháng 12/2026.",
				"Sản phẩm: Tủ sách điện tử được vận hành.",
				"- Rà soát, bổ sung sách cho thư viện cấp xã.",
			}, "\n"),
			"II.1/-/|||H\n" +
				"II.1.•1/II.1/Sở Văn hóa, Thể thao và Du lịch|Sở Giáo dục và Đào tạo; UBND các xã, phường|Quý II hằng năm|\n" +
				"II.1.•2/II.1/Sở Tư pháp|Sở Khoa học và Công nghệ; các cơ quan, đơn vị liên quan|Tháng 12/2026|Tủ sách điện tử được vận hành\n" +
				"II.1.•3/II.1/|||\n"},
		{"dashed attribute lines under a numbered task",
			strings.Join([]string{
				"III. NHIỆM VỤ CỤ THỂ",
				"1. Xây dựng cơ sở dữ liệu chuyên ngành nông nghiệp của tỉnh.",
				"- Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.",
				"- Đơn vị phối hợp: Sở Khoa học và Công nghệ.",
				"- Thời hạn hoàn thành: Năm 2027.",
				"2. Số hóa hồ sơ đất đai.",
				"- Cơ quan thực hiện: Văn phòng Đăng ký đất đai tỉnh.",
				"- Thời gian thực hiện: 2026 - 2028.",
			}, "\n"),
			"III.1/-/Sở Nông nghiệp và Môi trường|Sở Khoa học và Công nghệ|Năm 2027|\n" +
				"III.2/-/Văn phòng Đăng ký đất đai tỉnh||2026 - 2028|\n"},
		{"one block after two bullets is their title's",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"3. Nâng cao nhận thức về chuyển đổi số",
				"- Tuyên truyền lợi ích của dịch vụ công trực tuyến.",
				"- Tập huấn kỹ năng số cho cán bộ cấp xã.",
				"Đơn vị thực hiện: Các sở, ngành, UBND cấp xã.",
				"Thời gian thực hiện: Thường xuyên.",
				"- Ra mắt trợ lý ảo hỗ trợ người dân.",
				"Đơn vị chủ trì: Trung tâm Phục vụ hành chính công tỉnh.",
				"Thời gian thực hiện: Tháng 6/2026.",
			}, "\n"),
			"II.3/-/Các sở, ngành, UBND cấp xã||Thường xuyên|H\n" +
				"II.3.•1/II.3/Các sở, ngành, UBND cấp xã||Thường xuyên|\n" +
				"II.3.•2/II.3/Các sở, ngành, UBND cấp xã||Thường xuyên|\n" +
				"II.3.•3/II.3/Trung tâm Phục vụ hành chính công tỉnh||Tháng 6/2026|\n"},
		{"a report form's lines in an article stay its points",
			strings.Join([]string{
				"Điều 12. Chế độ báo cáo",
				"1. Nội dung báo cáo đột xuất gồm:",
				"- Cơ quan thực hiện báo cáo: Đơn vị vận hành hệ thống điện;",
				"- Thời hạn gửi báo cáo: 24 giờ kể từ khi có sự cố.",
			}, "\n"),
			"Đ12.1/-/|||H\nĐ12.1.•1/Đ12.1/|||\nĐ12.1.•2/Đ12.1/|||\n"},
		{"a lone deadline-like line or a unit of measure is no attribute",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Hoàn thiện hạ tầng số.",
				"- Thời gian: từ nay đến năm 2030, ưu tiên các xã vùng cao.",
				"- Đơn vị tính: triệu đồng.",
			}, "\n"),
			"II.1/-/|||\nII.1.•1/II.1/|||\nII.1.•2/II.1/|||\n"},
	} {
		if got := attrDump(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n got:\n%s want:\n%s", c.name, got, c.want)
		}
	}
}

// TestAttrLine: the names an attribute line opens with, and the lines
// that look alike and are none (a form's blank, a signature's agency, a
// unit of measure, "Thời hạn gửi báo cáo").
func TestAttrLine(t *testing.T) {
	for _, c := range []struct {
		line  string
		role  attrRole
		value string
	}{
		{"Cơ quan chủ trì: Sở Y tế.", attrAgency, "Sở Y tế"},
		{"- Đơn vị chủ trì tham mưu thực hiện: Sở Nội vụ.", attrAgency, "Sở Nội vụ"},
		{"+ Cơ quan phối hợp: Công an tỉnh; Bộ Chỉ huy Quân sự tỉnh;", attrPartners, "Công an tỉnh; Bộ Chỉ huy Quân sự tỉnh"},
		{"Thời hạn hoàn thành: trước ngày 30/6/2026.", attrDeadline, "trước ngày 30/6/2026"},
		{"Thời gian: Quý III/2026", attrDeadline, "Quý III/2026"},
		{"Sản phẩm: Quyết định của UBND tỉnh.", attrOutput, "Quyết định của UBND tỉnh"},
		{"Kinh phí: Từ nguồn ngân sách tỉnh.", attrFunding, "Từ nguồn ngân sách tỉnh"},
		{"Cơ quan: VĂN PHÒNG CHÍNH PHỦ", attrNone, ""},
		{"Thời gian ký: 03.07.2026 15:38:47 +07:00", attrNone, ""},
		{"Thời hạn gửi báo cáo: 24 giờ.", attrNone, ""},
		{"Đơn vị tính: triệu đồng", attrNone, ""},
		{"Thời hạn: ……………………", attrNone, ""},
		{"Đơn vị chủ trì", attrNone, ""},
		{"Sở Tư pháp chủ trì, phối hợp với các đơn vị: rà soát văn bản.", attrNone, ""},
	} {
		if r, v := attrLine(c.line); r != c.role || v != c.value {
			t.Errorf("attrLine(%q) = %v %q, want %v %q", c.line, r, v, c.role, c.value)
		}
	}
}

// TestOutlineTitleLikeSiblings: in a list of titles without final
// punctuation each with items under it, a longer title of the same kind
// is a title too: the capitalised paragraph after it is under it, not
// the rest of its line; a list of stated tasks keeps a line broken before
// an agency's name as one item.
func TestOutlineTitleLikeSiblings(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"a long last title then its paragraph",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Tăng cường thông tin, tuyên truyền",
				"- Phát hành tờ gấp về bảo vệ môi trường.",
				"2. Tổ chức kiểm tra, giám sát việc thu gom, xử lý chất thải rắn sinh hoạt tại các khu dân cư tập trung",
				"Thành lập đoàn kiểm tra liên ngành định kỳ 6 tháng một lần.",
			}, "\n"),
			"II.1/-/|||H\nII.1.•1/II.1/|||\nII.2/-/|||H\nII.2.¶1/II.2/|||\n"},
		{"the first title has no sibling before it: its line goes on",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Tổ chức kiểm tra, giám sát việc thu gom, xử lý chất thải rắn sinh hoạt tại các khu dân cư tập trung",
				"Thành lập đoàn kiểm tra liên ngành định kỳ 6 tháng một lần.",
			}, "\n"),
			"II.1/-/|||\n"},
		{"a stated task before: no title list",
			strings.Join([]string{
				"II. NHIỆM VỤ",
				"1. Sở Tài nguyên và Môi trường chủ trì thực hiện.",
				"2. Tổ chức kiểm tra, giám sát việc thu gom, xử lý chất thải rắn sinh hoạt tại các khu dân cư tập trung",
				"Thành lập đoàn kiểm tra liên ngành định kỳ 6 tháng một lần.",
			}, "\n"),
			"II.1/-/|||\nII.2/-/|||\n"},
	} {
		if got := attrDump(Parse(c.body)); got != c.want {
			t.Errorf("%s:\n got:\n%s want:\n%s", c.name, got, c.want)
		}
	}
}
