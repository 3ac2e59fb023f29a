package outline

import (
	"strings"
	"testing"
)

// wrapped233 is OCR text of Nghị định 233/2026/NĐ-CP (../shared/data/
// govdocs; wrapped at about 77 columns): two lists whose entries have lost
// their dashes, one entry a line ("… thuộc chí cục thuộc cục thuộc bộ;" /
// "Đơn vị sự nghiệp công lập thuộc Văn phòng thuộc bộ."). The first of
// those lines fills the width and ends with a semicolon, as the last line
// of an entry does as often as a line broken after a semicolon inside a
// sentence.
const wrapped233 = `Căn cứ Luật Tổ chức chính quyên địa phương số 72/2025/QH15,
Căn cứ Luật Viên chức số 129/2025/QH15;
Theo đà nghị của Bộ trưởng Bộ Nội vụ;
Chính phủ ban hành Nghị định quy định về đánh giá, xếp loại chất lượng
đối với đơn vị sự nghiệp công lập và viên chức.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về khung tiêu chí, nguyên tắc, thẩm quyền, trình
tự, thủ tục đánh giá, xếp loại chất lượng đối với đơn vị sự nghiệp công lập và
viên chức. :
Điều 2. Đối tượng áp dụng
1. Nghị định này áp dụng đối với:
a) Đơn vị sự nghiệp công lập thuộc phạm vi quản lý của bộ, cơ quan ngang
bộ (sau đây gọi chung là bộ), gồm:
Đơn vị sự nghiệp công lập thuộc bộ (bao gồm: Đơn vị sự nghiệp công lập
thuộc cơ câu tổ chức của bộ, đơn vị sự nghiệp công lập trực thuộc bộ và đơn vị
sự nghiệp công lập ở nước ngoài);
Đơn vị sự nghiệp công lập thuộc cục, thuộc chí cục thuộc cục thuộc bộ;
Đơn vị sự nghiệp công lập thuộc Văn phòng thuộc bộ.
b) Đơn vị sự nghiệp công lập thuộc phạm vi quản lý của Ủy ban nhân dân
tỉnh, thành phô (sau đây gọi chung là cấp tỉnh), gồm:
Đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân cấp tỉnh;
Đơn vị sự nghiệp công lập thuộc cơ quan chuyên môn thuộc Ủy ban nhân
dân cấp tỉnh (sau đây gọi chung là sở);
Đơn vị sự nghiệp công lập thuộc chỉ cục và tương đương thuộc sở;
Đơn vị sự nghiệp công lập thuộc tổ chức hành chính khác thuộc Ủy bản
nhân dân cấp tỉnh. |
c) Đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân xã, phường, đặc khu
(sau đây gọi chung là cấp xã).`

// wrapped137 is OCR text of Nghị định 137/2026/NĐ-CP (../shared/data/
// govdocs; about 76 columns): a point of one line that fills the width
// and ends with its semicolon ("đ) Cán bộ, công chức …;"), then the next
// point, its label lost ("Sĩ quan, quân nhân chuyên nghiệp, …").
const wrapped137 = `Điều 28. Điều kiện đối với người tham gia bán hàng đa cấp
1. Người tham gia bán hàng đa cấp là cá nhân có năng lực hành vi dân sự
đây đủ theo quy định của pháp luật và cư trú tại Việt Nam.
2. Doanh nghiệp bán hàng đa cấp không ký hợp đồng tham gia bán hàng
đa cấp với những người thuộc các trường hợp sau:
a) Người đang chấp hành hình phạt tù hoặc có tiền án về các tội sản xuất,
buôn bán hàng giả, sản xuất, buôn bán hàng câm, quảng cáo gian dôi, lừa dôi
khách hàng, lừa đảo chiếm đoạt tài sản, lạm dụng tín nhiệm chiêm đoạt tài sản,
chiếm giữ trái phép tài sản, tội vi phạm quy định về kinh doanh theo phương
thức đa cấp;
b) Người nước ngoài không có giấy phép lao động tại Việt Nam do cơ
quan có thẩm quyền cấp gắn với doanh nghiệp mà người đó tham gia bán hàng
đa cấp, trừ trường hợp không thuộc diện cấp giấy phép lao động theo quy định
của pháp luật;
e) Người tham gia bán hàng đa cấp đã từng bị xử phạt do vi phạm các quy
định tại điểm b, d, e, g khoản 1; điểm a, b, c, d, đ khoản 2 Điều 10 Luật Bảo vệ
quyền lợi người tiêu dùng và Điều 5 Nghị định này mà chưa hết thời hạn được
coi là chưa bị xử lý vi phạm hành chính;
_d) Cá nhân từng giữ một trong các vai trò sau tại doanh nghiệp bán hàng
đa cấp đã bị thu hồi giấy chứng nhận đăng ký hoạt động bán hàng đa cấp, giấy
đăng ký tổ chức bán hàng đa cấp: Thành viên đối với công ty hợp danh, chủ sở
hữu đối với doanh nghiệp tư nhân hoặc công ty trách nhiệm hữu hạn một thành
viên, thành viên đối với công ty trách nhiệm hữu hạn có từ hai thành viên trở
lên, cổ đông đối với công ty cỗ phần, người đại diện theo pháp luật, người quản
lý doanh nghiệp;
đ) Cán bộ, công chức theo quy định của pháp luật về cán bộ, công chức;
Sĩ quan, quân nhân chuyên nghiệp, công nhân, viên chức quốc phòng trong cơ
quan, đơn vị thuộc Quân đội nhân dân; sĩ quan, hạ sĩ quan, chiến sĩ phục vụ
theo chế độ chuyên nghiệp, công nhân công an trong cơ quan, đơn vị thuộc
Công an nhân dân.
Điều 29. Hợp đồng tham gia bán hàng đa cấp`

// wrapped154 is OCR text of Nghị định 154/2026/NĐ-CP (../shared/data/
// govdocs; about 76 columns): a clause naming offices one after another,
// a semicolon between them, the wrap falling after one ("… Hội đồng nhân
// dân cấp tỉnh;" / "Viện kiểm sát nhân dân cấp tỉnh, …"): the clause goes on.
const wrapped154 = `2. Người được điều động, phân công, làm nhiệm vụ tiếp công dân hoặc
làm nhiệm vụ trực tiếp phục vụ công tác tiếp công dân, xử lý đơn khiếu nại, tố
cáo, kiến nghị, phản ánh được hưởng chế độ bôi dưỡng theo quy định của
Nghị định này.
Điều 37. Phạm vi áp dụng chế độ bồi dưỡng đối với người tiếp công
dân, xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh
Chế độ bồi dưỡng áp dụng đối với người tiếp công dân, xử lý đơn khiếu
nại, tố cáo, kiến nghị, phản ánh tại các Trụ sở tiếp công dân và địa điểm tiếp
công dân:
1. Trụ sở tiếp công dân trung ương; địa điểm tiếp công dân của các bộ,
cơ quan ngang bộ, Tổng cục và tổ chức tương đương; Cục; các tổ chức trực
thuộc bộ, cơ quan ngang bộ; Ban Cơ yếu Chính phủ, các cơ quan của Quốc
hội, Viện kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao, Kiểm toán Nhà
nước; Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam.
2. Trụ sở tiếp công dân cấp tỉnh; địa điểm tiếp công dân của các cơ quan
chuyên môn thuộc Ủy ban nhân dân cấp tỉnh; cơ quan trực thuộc cơ quan
chuyên môn thuộc Ủy ban nhân dân cấp tỉnh; Hội đồng nhân dân cấp tỉnh;
Viện kiểm sát nhân dân cấp tỉnh, Tòa án nhân dân cấp tỉnh; Ủy ban Mặt trận
Tổ quốc cấp tỉnh.
3. Địa điểm tiếp công dân cấp Xã.
4. Địa điểm tiếp công dân tại đơn vị sự nghiệp công lập.`

// TestWrappedSemicolonEntry: in a wrapped body a full line ending with a
// semicolon goes on on the next line only inside a paragraph; when it is
// the first line of its item or paragraph, the semicolon ends that entry
// and a next line in capitals is an entry of its own, not joined to it.
func TestWrappedSemicolonEntry(t *testing.T) {
	for _, c := range []struct {
		name, body  string
		entry, next string // entry must not hold next
	}{
		{"233", wrapped233, "Đơn vị sự nghiệp công lập thuộc cục, thuộc chí cục thuộc cục thuộc bộ;", "Đơn vị sự nghiệp công lập thuộc Văn phòng thuộc bộ."},
		{"137", wrapped137, "Cán bộ, công chức theo quy định của pháp luật về cán bộ, công chức;", "Sĩ quan, quân nhân chuyên nghiệp"},
	} {
		if w := wrapWidth(strings.Split(c.body, "\n")); w == 0 {
			t.Fatalf("%s: not read as wrapped", c.name)
		}
		o := Parse(c.body)
		var entry, next *Item
		for i := range o.Items {
			it := &o.Items[i]
			if strings.HasPrefix(it.Text, c.entry) && entry == nil {
				entry = it
			}
			if strings.HasPrefix(it.Text, c.next) {
				next = it
			}
		}
		if entry == nil {
			t.Fatalf("%s: no item starts %q: %v", c.name, c.entry, outlineItems(o))
		}
		if strings.Contains(entry.Text, c.next) || next == nil {
			t.Errorf("%s: item %s %q holds the next entry %q, want an item of its own", c.name, entry.ID, entry.Text, c.next)
		}
	}
	// Inside a clause the wrap after a semicolon still joins.
	o := Parse(wrapped154)
	joined := false
	for _, it := range o.Items {
		if strings.Contains(it.Text, "Hội đồng nhân dân cấp tỉnh; Viện kiểm sát nhân dân cấp tỉnh") {
			joined = true
		}
	}
	if !joined {
		t.Errorf("154: clause 2 not read as one paragraph: %v", outlineItems(o))
	}
}

// wrapped154point is OCR text of Nghị định 154/2026/NĐ-CP (../shared/
// data/govdocs; about 76 columns): the label of point d) read "__ đ)"
// after the full last line of point c), which ends with its semicolon.
const wrapped154point = `4. Điểm cầu trung tâm là không gian tổ chức tiếp công dân trực tuyến tại
trụ sở tiếp công dân hoặc địa điểm tiếp công dân do người tiếp công dân lựa
chọn, có sự tham gia của người tiếp công dân, đảm bảo các yêu cầu về trang
thiết bị công nghệ hỗ trợ tổ chức tiếp công dân trực tuyến.
5. Điểm cầu thành phần là không gian tổ chức tiếp công dân trực tuyến
tại các cơ quan, đơn vị, địa phương có liên quan đến vụ việc khiếu nại, tế cáo,
kiến nghị, ,phản ánh, do người tiếp công dân quyết định, có sự tham gia của
các chủ thể và được tổ chức theo quy định của Nghị định này.
Điều 4. Việc từ chối tiếp công dân
1. Việc từ chối tiếp công dân được thực hiện trong các trường hợp quy
định tại khoản 1, khoản 2 và khoản 3 Điều 9 Luật Tiếp công dân hoặc trong
các trường hợp sau đây:
a) Người mang theo vũ khí, vật liệu nỗ, công cụ hỗ trợ hoặc các vật dụng,
chất nguy hiểm khác theo quy định của pháp luật mà không chấp hành yêu
cầu gửi tại nơi quy định hoặc giao nộp cho bộ phận bảo đảm an ninh, trật tự;
b) Người không chấp hành việc kiểm tra an ninh theo quy định;
c) Người tự ý ghi âm, ghỉ hình, phát trực tiếp tại nơi tiếp công dân trong
trường hợp người chủ trì tiếp công dân đã yêu cầu không ghi âm, ghi hình,
phát trực tiếp đê bảo vệ bí mật nhà nước, bí mật đời tư, dữ liệu cá nhân,
bảo vệ người tố cáo theo quy định của pháp luật hoặc tự ý ghi âm, ghi hình,
phát trực tiếp gây ảnh hưởng đến an ninh, trật tự tại nơi tiếp công dân;
__ đ) Người có hành vi kích động, lôi kéo, gây rối trật tự công cộng tại nơi
tiêp công dân;
đ) Người không có năng lực hành vi dân sự đầy đủ mà không có người
đại diện hợp-pháp;`

// TestWrappedSemicolonLabel: a line that starts with a point's label
// behind OCR specks ("__ đ) Người có hành vi …") after a full line ending
// with a semicolon is no rest of that line: it is not joined to the point
// before it.
func TestWrappedSemicolonLabel(t *testing.T) {
	if w := wrapWidth(strings.Split(wrapped154point, "\n")); w == 0 {
		t.Fatal("not read as wrapped")
	}
	o := Parse(wrapped154point)
	for _, it := range o.Items {
		if strings.HasPrefix(it.Text, "Người tự ý ghi âm") && strings.Contains(it.Text, "Người có hành vi kích động") {
			t.Errorf("point %s holds the next point: %q", it.ID, it.Text)
		}
	}
	found := false
	for _, it := range o.Items {
		found = found || strings.Contains(it.Text, "Người có hành vi kích động")
	}
	if !found {
		t.Errorf("no item holds the point: %v", outlineItems(o))
	}
}
