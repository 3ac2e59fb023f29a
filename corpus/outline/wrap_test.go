package outline

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
	got, want := outlineItems(Parse(wrapped2858)), outlineItems(Parse(flat))
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
	o := Parse(body)
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
	o = Parse(flat)
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
	if got, want := outlineItems(Parse(spaced)), outlineItems(Parse(single)); !slices.Equal(got, want) || len(want) != 4 {
		t.Errorf("markers spaced with tabs:\n%v\nwant\n%v", got, want)
	}
}

// TestPageBeforeText: a page's number between an article's heading and
// its one paragraph (Thông tư 91/2026/TT-BTC and the like when a page
// breaks there) opens no text, so the paragraph is the article's item on
// its own line; a column of figures keeps its first figure.
func TestPageBeforeText(t *testing.T) {
	body := "Điều 4. Cơ quan, đơn vị có cơ chế tài chính đặc thù\n2\nViệc xác định tiền lương, thu nhập tăng thêm và tiền thưởng thực hiện theo Điều 3 của Nghị định.\nĐiều 5. Hiệu lực thi hành\nThông tư này có hiệu lực từ ngày ký."
	o := Parse(body)
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

// wrapped240 is the text of Nghị định 240/2026/NĐ-CP as OCR or pdftotext
// gave it (../shared/data/govdocs, no plan of the linking dev sets):
// clauses of an article hard-wrapped at about 80 columns.
const wrapped240 = `1. Việc thiết lập, quản lý và sử dụng các nguồn lực đảm bảo cho việc xây
dựng và vận hành Hệ sinh thái tận dụng các FTA được thực hiện có trọng tâm,
trọng điểm và theo lộ trình nhằm nâng cao hiệu quả tận dụng FTA, thúc đẩy
xuất khẩu theo hướng giá trị gia tăng cao và phát triển bền vững, phù hợp với
khả năng cân đối của ngân sách nhà nước.
2. Nguồn lực được huy động đa dạng từ ngân sách nhà nước, khu vực tư
nhân và các nguồn lực quốc tế.
3. Cơ chế tạo thuận lợi và phân loại chủ thể tham gia được á áp dụng trên
cơ sở quản lý rủi ro, mức độ tuân thủ pháp luật, cơ chế hậu kiểm, kiểm tra, giám
sát định kỳ hoặc đột xuất của các cơ quan có thẩm quyền, minh bạch thông tin
và đáp ứng yêu cầu chuyển đổi số, chuyển đổi xanh theo hướng phù hợp với
mức độ sẵn sàng và đặc thù ngành, lĩnh vực của doanh nghiệp; ưu tiên các giải
pháp số có tính nền tảng, dùng chung như quản trị số, truy xuất nguồn, gÔC,
thương mại điện tử, an ninh mạng, dữ liệu và trí tuệ nhân tạo; đồng thời gắn hỗ
trợ công nghệ với đào tạo, nâng cao kỹ năng số cho doanh nghiệp.
4. Việc áp dụng cơ chế tạo thuận lợi và hỗ trợ không làm phát sinh ưu. đãi
thuế, trợ cấp xuất khẩu hoặc các hình thức hỗ trợ khác trái với quy định của
pháp luật và các cam kết quốc tế mà Việt Nam là thành viên.
5. Cơ chế tạo thuận lợi và hỗ trợ được thực hiện theo nguyên tắc công
bằng, minh bạch, đảm bảo việc hỗ trợ đúng đối tượng, đúng mục đích, hiệu
quả, tiết kiệm, kiểm soát chặt chẽ việc quản lý, sử dụng nguồn lực. Việc triển
khai cơ chê, chính sách phải đâm bảo tuân thủ quy định của pháp luật, phòng
ngừa và ngăn chặn các biểu hiện tiêu cực, lãng phí, trục lợi chính sách; các hành
vi vi phạm trong quá trình thực hiện được phát hiện, xử lý kịp thời theo quy
định.
6. Việc áp dụng cơ chế theo Nghị định này phải bảo đảm không trùng lặp
với các chương trình, đề án, nhiệm vụ đã được cấp có thẩm quyên phê duyệt;
không phân biệt đối xử; phù hợp với quy định của pháp luật và cam kết quắc
tế của Việt Nam.`

// TestWrapDecisionPrefix: a body's first part is read as the whole body
// reads it (no item's ID or line changes when the body is cut after it).
// Nghị định 240/2026/NĐ-CP is wrapped in its articles and ends with an
// OCR'd table, a cell a line (its appendix as Thông tư 18/2026/TT-BYT's:
// "IALLOBARBITAL" / "10"): judged on the whole body, the short cells
// outweighed the articles and the body read as not wrapped, while its
// first half read as wrapped.
func TestWrapDecisionPrefix(t *testing.T) {
	var b strings.Builder
	for k := 1; k <= 24; k += 3 {
		b.WriteString("Điều " + itoa(k) + `. Phạm vi điều chỉnh
Nghị định này quy định chi tiết và biện pháp thi hành khoản 2 Điều 9 và
Điều 13 Nghị quyết số 250/2025/QH15 ngày 10 tháng 12 năm 2025 của Quốc
hội về một số cơ chế, chính sách đặc thù để tạo nguồn lực cho việc xây dựng
và vận hành Hệ sinh thái tận dụng các Hiệp định thương mại tự do (sau đây gọi
là Hệ sinh thái tận dụng các FTA) và Quỹ Xúc tiến xuất khẩu ngành hàng nhắm
nâng cao hiệu quả hội nhập quốc tế.
Điều ` + itoa(k+1) + `. Đối tượng áp dụng
1. Cơ quan, tổ chức hoạt động trong lĩnh vực đối ngoại, hội nhập quốc tế
trong hệ thông chính trị, doanh nghiệp, hợp tác xã, hộ kinh doanh, hiệp hội
ngành, nghề tham gia vào hoạt động hội nhập quốc tế và Quỹ Xúc tiến xuất
khẩu ngành hàng.
2. Cơ quan, tổ chức khác có liên quan đến hoạt động hội nhập quốc tế.
Điều ` + itoa(k+2) + ". Nguyên tắc chung bảo đảm, quản lý và sử đụng các nguồn lực\n" + wrapped240 + "\n")
	}
	part := strings.TrimSuffix(b.String(), "\n")
	for range 150 {
		b.WriteString("STT\nIALLOBARBITAL\n10\nIALPRAZOLAM\n0,25\n")
	}
	whole := Parse(strings.TrimSuffix(b.String(), "\n"))
	cut := Parse(part)
	if len(cut.Items) < 40 {
		t.Fatalf("the articles read as %d items", len(cut.Items))
	}
	for i, it := range cut.Items[:len(cut.Items)-1] {
		if i >= len(whole.Items) || whole.Items[i].ID != it.ID || whole.Items[i].Line != it.Line {
			t.Fatalf("item %d: %s at line %d in the first part, %+v in the whole body", i, it.ID, it.Line, whole.Items[i])
		}
	}
}

// TestTitleSentence: an article whose heading is its one sentence
// (Nghị định 237/2026/NĐ-CP: "Điều 3. Lưu chiều điện tử là việc …" /
// "việc lưu chiểu.", then the next article; Nghị định 212/2026/NĐ-CP:
// a title that fills the width, then a paragraph of three lines ending
// with a full stop) carries no line of its sentence into its title: the
// rest is the article's text. A title wrapped over two lines ("… hóa
// đơn điện" / "tử", Thông tư 91/2026/TT-BTC; "… các nguồn lực" / "của Hệ
// sinh thái tận dụng các FTA." then its clauses, 240/2026/NĐ-CP) is the
// title still.
func TestTitleSentence(t *testing.T) {
	body := "Điều 1. Nguyên tắc chung\n" + wrapped240 + `
Điều 2. Lưu chiều điện tử là việc sử dụng các phương tiện điện tử để thực hiện
việc lưu chiểu.
Điều 3. Hoạt động lưu chiều điện tử là việc cơ quan quản lý nhà nước về báo
chí ở trung ương tổ chức tiếp nhận, lưu giữ, bảo quản và sử dụng các tác phẩm
phát thanh, truyền hình, báo chí điện tử.
Điều 4. Việc kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về đất đai
Việc kết nối Hệ thống thông tin về hoạt động xây dựng với Cơ sở dữ liệu
quốc gia về đất đai đê chia sẻ dữ liệu đất đai phục vụ quản lý hoạt động, đầu tư
xây dựng thực hiện theo quy định của pháp luật về dữ liệu, giao dịch điện tử và
pháp luật khác có liên quan.
Điều 5. Nguyên tắc chung bảo đảm, quản lý và sử đụng các nguồn lực
của Hệ sinh thái tận dụng các FTA.
` + wrapped240 + `
Điều 6. Đăng ký, thay đổi nội dung đăng ký sử dụng hóa đơn điện
tử
Tổ chức kinh tế, tổ chức khác, hộ kinh doanh, cá nhân kinh doanh đăng ký sử
dụng hóa đơn điện tử thông qua tổ chức cung cấp dịch vụ hóa đơn điện tử.`
	o := Parse(body)
	want := map[string]string{
		"Đ2": "Lưu chiều điện tử là việc sử dụng các phương tiện điện tử để thực hiện",
		"Đ3": "Hoạt động lưu chiều điện tử là việc cơ quan quản lý nhà nước về báo",
		"Đ4": "Việc kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về đất đai",
		"Đ5": "Nguyên tắc chung bảo đảm, quản lý và sử đụng các nguồn lực của Hệ sinh thái tận dụng các FTA.",
		"Đ6": "Đăng ký, thay đổi nội dung đăng ký sử dụng hóa đơn điện tử",
	}
	for _, s := range o.Sections {
		if w, ok := want[s.ID]; ok {
			delete(want, s.ID)
			if s.Title != w {
				t.Errorf("%s title %q, want %q", s.ID, s.Title, w)
			}
			if s.Text == "" && !slices.ContainsFunc(o.Items, func(it Item) bool { return o.Sections[it.Section].ID == s.ID }) {
				t.Errorf("%s has neither text nor items", s.ID)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("sections not read: %v", want)
	}
}

// TestPageNumberSequence: in a wrapped body a number alone is a page's
// number when it follows the last one read (pages 2, 3, 4, or a page or
// two later when a page ended in a table); the numbers of an OCR'd table
// a cell a line (Thông tư 18/2026/TT-BYT: "IALLOBARBITAL" / "10" /
// "IALPRAZOLAM" / "0,25" / … / "ILORMETAZEPAM" / "24") or of a table of
// contents ("THUYẾT MINH" / "1" / "CHƯƠNG I: …" / "8", Thông tư
// 38/2026/TT-BXD) are not, so the name before them keeps its figure.
func TestPageNumberSequence(t *testing.T) {
	p := &outlineParser{wrapAt: 80}
	for _, l := range []string{"2", "3", "5"} {
		if !p.pageLine(l) {
			t.Errorf("%q is the next page's number", l)
		}
	}
	for _, l := range []string{"24", "3", "5"} {
		if p.pageLine(l) {
			t.Errorf("%q after page 5 is no page's number", l)
		}
	}
	body := wrapped240 + "\nIALLOBARBITAL\n10\nIALPRAZOLAM\n0,25\nILORMETAZEPAM\n24\nTHUYẾT MINH\n1\nCHƯƠNG I: CÔNG TÁC CHUẨN BỊ MẶT BẰNG XÂY DỰNG\n8"
	o := Parse(body)
	if o.Sections[0].ID != "" || len(o.Sections) < 2 {
		t.Fatalf("sections %+v", o.Sections)
	}
	for _, s := range o.Sections[1:] {
		if s.Text == "" {
			has := false
			for _, it := range o.Items {
				has = has || it.Section == slices.Index(o.Sections, s)
			}
			if !has {
				t.Errorf("section %q %q lost its figure", s.ID, s.Title)
			}
		}
	}
}

// wrappedPreamble is a plan's background hard-wrapped at about 70
// columns (written for this test, after the layout of a provincial plan
// on waste collection; no document of the linking dev sets), enough lines
// for wrapWidth to judge the body wrapped.
var wrappedPreamble = strings.Repeat(`Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về thu gom, xử lý chất thải
rắn sinh hoạt trên địa bàn, Sở Nông nghiệp và Môi trường xây dựng kế
hoạch triển khai với các nội dung chủ yếu như sau để các cơ quan, đơn
vị và địa phương tổ chức thực hiện đồng bộ, hiệu quả trong năm 2026.
`, 6)

// TestWrappedTitleList: a numbered title whose sibling before it is a
// title with items under it is a title too in a hard-wrapped body: the
// short line closing its wrapped sentence ends it, and the capitalised
// line after it is its paragraph, as in the same text one paragraph a
// line (TestOutlineTitleLikeSiblings); a stated task before it, or a
// title line filling the width, leaves the sentence going on.
func TestWrappedTitleList(t *testing.T) {
	for _, c := range []struct{ name, list, want string }{
		{"a title over two lines then its paragraph",
			`II. NHIỆM VỤ
1. Tăng cường thông tin, tuyên truyền
- Phát hành tờ gấp về bảo vệ môi trường đến từng hộ gia đình.
2. Tổ chức kiểm tra, giám sát việc thu gom, xử lý chất thải rắn sinh
hoạt tại các khu dân cư tập trung
Thành lập đoàn kiểm tra liên ngành định kỳ 6 tháng một lần.`,
			"II.1/-/|||H\nII.1.•1/II.1/|||\nII.2/-/|||H\nII.2.¶1/II.2/|||\n"},
		{"a title on one short line (no wrap fell after it) then its paragraph",
			`II. NHIỆM VỤ
1. Tăng cường thông tin, tuyên truyền
- Phát hành tờ gấp về bảo vệ môi trường đến từng hộ gia đình.
2. Kiểm tra việc thu gom chất thải
Thành lập đoàn kiểm tra liên ngành định kỳ 6 tháng một lần.`,
			"II.1/-/|||H\nII.1.•1/II.1/|||\nII.2/-/|||H\nII.2.¶1/II.2/|||\n"},
		{"a stated task before: the sentence goes on",
			`II. NHIỆM VỤ
1. Sở Nông nghiệp và Môi trường chủ trì thực hiện.
2. Tổ chức kiểm tra, giám sát việc thu gom, xử lý chất thải rắn sinh
hoạt tại các khu dân cư tập trung
Thành lập đoàn kiểm tra liên ngành định kỳ 6 tháng một lần.`,
			"II.1/-/|||\nII.2/-/|||\n"},
		{"the line before fills the width: a wrap, the sentence goes on",
			`II. NHIỆM VỤ
1. Tăng cường thông tin, tuyên truyền
- Phát hành tờ gấp về bảo vệ môi trường đến từng hộ gia đình.
2. Tổ chức kiểm tra, giám sát việc thu gom, xử lý chất thải rắn sinh
hoạt tại các khu dân cư tập trung, các chợ, các khu du lịch và các
Ban quản lý khu công nghiệp trên địa bàn tỉnh.`,
			"II.1/-/|||H\nII.1.•1/II.1/|||\nII.2/-/|||\n"},
	} {
		body := wrappedPreamble + c.list
		if w := wrapWidth(strings.Split(body, "\n")); w == 0 {
			t.Fatalf("%s: body not judged wrapped", c.name)
		}
		if got := attrDump(Parse(body)); got != c.want {
			t.Errorf("%s:\n got:\n%s want:\n%s", c.name, got, c.want)
		}
	}
}
