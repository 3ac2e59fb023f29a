package corpus

import (
	"slices"
	"strings"
	"testing"
)

// wrapped2858 is pdftotext's text of a page of Quyết định 2858/QĐ-UBND
// (Hà Nội, 2025; ../shared/data/attachments, no plan of the linking dev
// sets): every paragraph hard-wrapped at about 80 columns, a sentence
// going on with a capital ("… quốc gia về" / "Quy hoạch xây dựng …"), a
// number ("1/500 tại …") or a code ("H2-1, …", "K7/CQ3 …"), and the page
// number "3" alone between blank lines.
const wrapped2858 = `b) Quy mô nghiên cứu quy hoạch:
- Tổng diện tích các ô đất điều chỉnh cục bộ quy hoạch: khoảng 47.366m2.
3. Mục tiêu và nguyên tắc điều chỉnh cục bộ quy hoạch chi tiết:

3

a) Mục tiêu:
- Cụ thể hóa chức năng sử dụng đất phù hợp với định hướng Quy hoạch
phân khu đô thị H2-1, tỷ lệ 1/2000 và Quy hoạch chi tiết khu vực Bắc Cổ Nhuế Chèm, tỷ lệ 1/500 được duyệt;
- Khớp nối đồng bộ về phạm vi, ranh giới các ô quy hoạch, không gian kiến
trúc cảnh quan, giao thông và khu vực xây dựng công trình ngầm trên ô đất; phù
hợp với nhu cầu đào tạo, vận hành và quản lý; tạo lập công trình có hình thức kiến
trúc đẹp, hiện đại, hài hòa không gian kiến trúc cảnh quan tại khu vực xung quanh.
- Là cơ sở pháp lý để Chủ đầu tư lập dự án đầu tư xây dựng và để các cơ
quan chức năng quản lý quy hoạch kiến trúc và quản lý đầu tư xây dựng theo quy
hoạch được duyệt.
b) Nguyên tắc:
- Điều chỉnh cục bộ Quy hoạch chi tiết khu vực Bắc Cổ Nhuế - Chèm, tỷ lệ
1/500 tại các ô đất quy hoạch ký hiệu K4/CQ2 và K7/CQ3 trên nguyên tắc phù hợp
chức năng sử dụng đất và chỉ tiêu quy hoạch kiến trúc theo định hướng Quy hoạch
phân khu đô thị H2-1, tỷ lệ 1/2000 được phê duyệt; Quy chuẩn kỹ thuật quốc gia về
Quy hoạch xây dựng QCVN 01:2021/BXD.
- Đảm bảo khớp nối đồng bộ về phạm vi, ranh giới các ô đất với hệ thống hạ
tầng xã hội, hạ tầng kỹ thuật, giao thông của khu đất theo quy hoạch đã được xác định
trong đồ án Quy hoạch chi tiết, tỷ lệ 1/500; định hướng Quy hoạch phân khu đô thị
H2-1, tỷ lệ 1/2000 được phê duyệt; phù hợp với Quy chuẩn QCVN 01:2021/BXD,
Tiêu chuẩn thiết kế chuyên ngành và quy định hiện hành có liên quan.
- Các khu vực khác không thuộc nội dung Điều chỉnh cục bộ Quy hoạch chi tiết
khu vực Bắc Cổ Nhuế - Chèm, tỷ lệ 1/500 tại các ô đất quy hoạch ký hiệu K4/CQ2 và
K7/CQ3 được giữ nguyên theo Quy hoạch chi tiết khu vực Bắc Cổ Nhuế - Chèm, tỷ lệ
1/500 được UBND Thành phố phê duyệt tại Quyết định số 1082/QĐ-UBND ngày
21/03/2008 và các Quyết định, quy định có liên quan của cấp có thẩm quyền.
4. Nội dung điều chỉnh cục bộ quy hoạch chi tiết:
4.1. Quy hoạch tổng mặt bằng sử dụng đất:
Điều chỉnh cục bộ Quy hoạch chi tiết khu vực Bắc Cổ Nhuế - Chèm, tỷ lệ
1/500 tại các ô đất quy hoạch ký hiệu K4/CQ2 và K7/CQ3 với tổng diện tích đất
khoảng 47.366m2, cụ thể tại bảng sau:`

// reflow joins the wrapped lines of wrapped2858 into one paragraph a line,
// as the dev sets' converter writes a body: a line goes on while it does
// not start with a label, a list marker or a heading, and the page number
// goes.
func reflow(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || l == "3":
			continue
		case len(out) > 0 && goesOn(l) && !endsParagraph(out[len(out)-1]) && !strings.HasSuffix(out[len(out)-1], ":"):
			out[len(out)-1] += " " + l
		default:
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

type outlineItem struct{ id, text string }

func outlineItems(o *Outline) []outlineItem {
	var out []outlineItem
	for _, it := range o.Items {
		out = append(out, outlineItem{it.ID, strings.Join(strings.Fields(it.Text), " ")})
	}
	return out
}

// TestWrappedBody: a hard-wrapped body has the outline of the same text
// written one paragraph a line — the same items with the same IDs and
// text, no paragraph item made of the rest of a sentence, no page number
// in an item.
func TestWrappedBody(t *testing.T) {
	lines := strings.Split(wrapped2858, "\n")
	if w := wrapWidth(lines); w < 75 || w > 90 {
		t.Fatalf("wrapWidth = %d, want about 80", w)
	}
	flat := reflow(wrapped2858)
	if w := wrapWidth(strings.Split(flat, "\n")); w != 0 {
		t.Fatalf("wrapWidth of the reflowed text = %d, want 0", w)
	}
	got, want := outlineItems(ParseOutline(wrapped2858)), outlineItems(ParseOutline(flat))
	if !slices.Equal(got, want) {
		t.Errorf("wrapped body:\n%v\nwant (one paragraph a line):\n%v", got, want)
	}
	paras := 0
	for _, it := range got {
		if strings.Contains(it.id, "¶") {
			paras++ // "4.1.¶1", the text under "4.1. Quy hoạch tổng mặt bằng sử dụng đất:"
		}
	}
	if n := len(want); n != 14 || paras != 1 {
		t.Errorf("%d items, %d paragraphs, want 14 and 1: %v", n, paras, got)
	}
}

// TestWrappedCapital: in a wrapped body a line that fills the width and
// ends no sentence goes on on the next line even when that line starts
// with a capital; a dash at the start of a line after such a line, before
// a lower-case word, is the rest of the sentence (OCR text of Nghị định
// 262/2026/NĐ-CP, ../shared/data/govdocs: "có mời đại" / "- diện cơ quan
// báo chí"). The same lines one paragraph a line are read as before.
func TestWrappedCapital(t *testing.T) {
	body := strings.Repeat("Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016 của Quốc hội nước Cộng hòa xã hội\nchủ nghĩa Việt Nam;\n", 8) +
		`1. Mọi hoạt động báo chí của cơ quan báo chí nước ngoài, cơ quan đại diện
nước ngoài, tổ chức nước ngoài tại Việt Nam chỉ được phép tiến hành sau khi
có sự chấp thuận của các cơ quan có thầm quyền quy định tại Nghị định này và
phải tuân thủ các quy định pháp luật hiện hành của Việt Nam; phối hợp với
Ủy ban nhân dân cấp tỉnh nơi diễn ra hoạt động.
2. Họp báo là hoạt động cung cấp thông tin do các cơ quan, tổ chức, đoàn
khách nước ngoài, cá nhân người nước ngoài tổ chức tại Việt Nam có mời đại
- diện cơ quan báo chí, công dân Việt Nam tham dự đẻ thông báo, công bó, tuyên bố,
giải thích về một vấn đề thuộc thẩm quyền, có liên quan đến nhiệm vụ và lợi ích
của các cơ quan, tổ chức, đoàn khách, cá nhân đó.`
	o := ParseOutline(body)
	var ids []string
	for _, it := range o.Items {
		ids = append(ids, it.ID)
	}
	if !slices.Equal(ids, []string{"1", "2"}) {
		t.Fatalf("items %v, want [1 2]", ids)
	}
	if got := o.Items[0].Text; !strings.HasSuffix(got, "phối hợp với Ủy ban nhân dân cấp tỉnh nơi diễn ra hoạt động.") {
		t.Errorf("item 1 = %q: the line starting with a capital is its sentence", got)
	}
	if got := o.Items[1].Text; !strings.Contains(got, "có mời đại - diện cơ quan báo chí") {
		t.Errorf("item 2 = %q: the dash line is its sentence", got)
	}
	// One paragraph a line (no width): "Ủy ban nhân dân …" after a short
	// line is a paragraph of its own, and a dash line is a bullet.
	flat := "1. Phối hợp với các cơ quan liên quan\nỦy ban nhân dân cấp tỉnh nơi diễn ra hoạt động.\n- diện cơ quan báo chí"
	o = ParseOutline(flat)
	if len(o.Items) != 3 || o.Items[0].Text != "Phối hợp với các cơ quan liên quan" || o.Items[2].Label != "-" {
		t.Errorf("one paragraph a line read as wrapped: %+v", o.Items)
	}
}

// TestPageLine: the header or footer of a page is no line of the text.
func TestPageLine(t *testing.T) {
	p := &outlineParser{}
	for _, l := range []string{"Trang 3/12", "Trang 3", "- 3 -"} {
		if !p.pageLine(l) {
			t.Errorf("%q is a page line", l)
		}
	}
	for _, l := range []string{"Trang thiết bị y tế", "Trang 3 của Phụ lục", "- 3 tháng", "3"} {
		if p.pageLine(l) {
			t.Errorf("%q is no page line (a number alone only in a wrapped body)", l)
		}
	}
	p.wrapAt = 80
	if !p.pageLine("3") {
		t.Error(`"3" alone is a page line in a wrapped body`)
	}
}

// TestFoldSpaces: tabs and runs of spaces inside a line are one space, so
// a marker spaced by a tab or two spaces is a marker (real lines of
// ../shared/data/govdocs: "Số: 210/2026/NĐ-CP\t\tHà Nội, …" and "a)  phóng
// viên không" of Nghị định 262/2026/NĐ-CP, "1.  đào tạo bắt buộc" of
// Nghị định 137/2026/NĐ-CP).
func TestFoldSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"Số: 210/2026/NĐ-CP\t\tHà Nội, ngày 15 tháng 6 năm 2026": "Số: 210/2026/NĐ-CP Hà Nội, ngày 15 tháng 6 năm 2026",
		"a)  phóng viên không":               "a) phóng viên không",
		"1.  đào tạo bắt buộc dành cho":      "1. đào tạo bắt buộc dành cho",
		"-\tTổ chức tập huấn, hướng dẫn":     "- Tổ chức tập huấn, hướng dẫn",
		"\t- Chủ trì, phối hợp  ":            " - Chủ trì, phối hợp ",
		"Tổ chức thực hiện":                  "Tổ chức thực hiện",
		"Ủy ban\u2003nhân dân":               "Ủy ban nhân dân",
		"thực\u00a0hiện\u3000kế hoạch":       "thực hiện kế hoạch",
		"Đẩy mạnh ứng dụng, bảo đảm tiến độ": "Đẩy mạnh ứng dụng, bảo đảm tiến độ",
	} {
		if got := foldSpaces(in); got != want {
			t.Errorf("foldSpaces(%q) = %q, want %q", in, got, want)
		}
	}
	// Lines of Chỉ thị 01/CT-UBND (Quảng Ngãi, 2021; ../shared/data/
	// attachments), markers spaced as word processors export them.
	single := "1. Cục Thuế tỉnh:\n- Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan triển khai áp dụng hóa đơn điện tử tới các tổ chức, cá nhân kinh doanh trên địa bàn toàn tỉnh.\n- Tổ chức tập huấn, hướng dẫn các tổ chức, cá nhân kinh doanh trên địa bàn về hóa đơn điện tử.\n2. Sở Thông tin và Truyền thông: Theo chức năng, nhiệm vụ của mình có trách nhiệm phối hợp với Cơ quan Thuế trong việc tuyên truyền chính sách."
	spaced := strings.NewReplacer("1. ", "1.\t", "2. ", "2.  ", "- ", "-\t").Replace(single)
	if got, want := outlineItems(ParseOutline(spaced)), outlineItems(ParseOutline(single)); !slices.Equal(got, want) || len(want) != 4 {
		t.Errorf("markers spaced with tabs:\n%v\nwant\n%v", got, want)
	}
}

// TestPageBeforeText: a page's number between an article's heading and
// its one paragraph (Thông tư 91/2026/TT-BTC and the like when a page
// breaks there) opens no text, so the paragraph is the article's item on
// its own line; a column of figures keeps its first figure.
func TestPageBeforeText(t *testing.T) {
	body := "Điều 4. Cơ quan, đơn vị có cơ chế tài chính đặc thù\n2\nViệc xác định tiền lương, thu nhập tăng thêm và tiền thưởng thực hiện theo Điều 3 của Nghị định.\nĐiều 5. Hiệu lực thi hành\nThông tư này có hiệu lực từ ngày ký."
	o := ParseOutline(body)
	if o.Sections[1].ID != "Đ4" || o.Sections[1].Text != "" && o.Sections[1].textLine != 3 {
		t.Errorf("Đ4 %+v: its text starts on line 3", o.Sections[1])
	}
	for _, it := range o.Items {
		if it.ID == "Đ4" && it.Line != 3 {
			t.Errorf("item Đ4 on line %d, want 3", it.Line)
		}
	}
	p := &outlineParser{lines: []string{"Định mức", "300", "1", "3000"}}
	if p.pageBeforeText(1, "300") || p.pageBeforeText(2, "1") {
		t.Error("a figure before figures is no page number")
	}
}
