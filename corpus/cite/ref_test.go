package cite

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/doctype"
	"github.com/vanban/vanban/corpus/viet"
	"golang.org/x/text/unicode/norm"
)

// want is the part of a Ref a table case checks.
type wantRef struct {
	key, typ, date, issuer string
	number                 string // "" means: the key's leading digits
	year                   int    // 0 means: not checked
}

// cases are sentences written for these tests, in the styles met in
// government text: full formal citations, lists, Party numbering, text typed
// without accents, NFD, stray spaces and dashes, and negatives.
var cases = []struct {
	in   string
	want []wantRef
}{
	// formal full form
	{"Thực hiện Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ về phát triển kinh tế số.",
		[]wantRef{{"154/NQ-CP", "Nghị quyết", "2022-11-23", "Chính phủ", "154", 2022}}},
	{"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
		[]wantRef{{"30/2020/NĐ-CP", "Nghị định", "2020-03-05", "Chính phủ", "30", 2020}}},
	{"Căn cứ Quyết định số 1579/QĐ-TTg ngày 12/9/2021 của Thủ tướng Chính phủ;",
		[]wantRef{{"1579/QĐ-TTg", "Quyết định", "2021-09-12", "Thủ tướng Chính phủ", "1579", 2021}}},
	{"Theo Kế hoạch số 2562/KH-UBND ngày 02 tháng 7 năm 2024 của UBND tỉnh Bình Dương.",
		[]wantRef{{"2562/KH-UBND", "Kế hoạch", "2024-07-02", "UBND tỉnh Bình Dương", "", 2024}}},
	{"Nghị quyết số 26/NQ-HĐND ngày 10/12/2023 của Hội đồng nhân dân tỉnh Tây Ninh đã được thông qua.",
		[]wantRef{{"26/NQ-HĐND", "Nghị quyết", "2023-12-10", "HĐND tỉnh Tây Ninh", "", 2023}}},
	{"Thông tư số 10/2021/TT-BXD ngày 25/8/2021 của Bộ Xây dựng hướng dẫn thi hành.",
		[]wantRef{{"10/2021/TT-BXD", "Thông tư", "2021-08-25", "Bộ Xây dựng", "", 2021}}},
	{"Luật số 24/2018/QH14 được Quốc hội thông qua năm 2018.",
		[]wantRef{{"24/2018/QH14", "Luật", "", "Quốc hội", "24", 2018}}},
	{"Căn cứ Luật Giáo dục số 43/2019/QH14 ngày 14 tháng 6 năm 2019;",
		[]wantRef{{"43/2019/QH14", "Luật", "2019-06-14", "Quốc hội", "", 2019}}},
	{"Bộ luật số 45/2019/QH14 quy định về lao động.",
		[]wantRef{{"45/2019/QH14", "Bộ luật", "", "Quốc hội", "", 2019}}},
	{"Tờ trình số 5584/TTr-BNNMT ngày 29 tháng 5 năm 2026 của Bộ Nông nghiệp và Môi trường",
		[]wantRef{{"5584/TTr-BNNMT", "Tờ trình", "2026-05-29", "Bộ Nông nghiệp và Môi trường", "", 2026}}},
	{"Văn bản hợp nhất số 26/VBHN-NHNN năm 2019 đã được công bố.",
		[]wantRef{{"26/VBHN-NHNN", "Văn bản hợp nhất", "", "Ngân hàng Nhà nước Việt Nam", "", 0}}},
	{"Án lệ số 63/2023/AL về hợp đồng tín dụng.",
		[]wantRef{{"63/2023/AL", "Án lệ", "", "", "", 2023}}},
	{"Pháp lệnh số 07/2022/UBTVQH15 về cảnh sát môi trường.",
		[]wantRef{{"07/2022/UBTVQH15", "Pháp lệnh", "", "Ủy ban Thường vụ Quốc hội", "07", 2022}}},
	{"Thông tư liên tịch số 05/2018/TTLT-VKSNDTC-TANDTC-BCA-BQP hướng dẫn phối hợp.",
		[]wantRef{{"05/2018/TTLT-VKSNDTC-TANDTC-BCA-BQP", "Thông tư liên tịch", "", "VKSNDTC-TANDTC-BCA-BQP", "", 2018}}},
	{"Công văn số 9394/BTC-NSNN ngày 15/8/2023 của Bộ Tài chính về dự toán.",
		[]wantRef{{"9394/BTC-NSNN", "Công văn", "2023-08-15", "Bộ Tài chính", "", 2023}}},
	{"Đề án số 06/ĐA-UBND về chuyển đổi số được phê duyệt.",
		[]wantRef{{"06/ĐA-UBND", "Đề án", "", "UBND", "06", 0}}},
	{"Hướng dẫn số 36-HD/VPTW ngày 03/04/2018 của Văn phòng Trung ương Đảng.",
		[]wantRef{{"36-HD/VPTW", "Hướng dẫn", "2018-04-03", "Văn phòng Trung ương Đảng", "", 2018}}},
	{"Báo cáo số 263/BC-CP ngày 23 tháng 4 năm 2026 của Chính phủ",
		[]wantRef{{"263/BC-CP", "Báo cáo", "2026-04-23", "Chính phủ", "", 2026}}},
	{"Thông báo số 343/TB-VPCP ngày 01 tháng 7 năm 2026 của Văn phòng Chính phủ",
		[]wantRef{{"343/TB-VPCP", "Thông báo", "2026-07-01", "Văn phòng Chính phủ", "", 2026}}},
	{"Chỉ thị số 05/CT-TTg ngày 28/02/2020 của Thủ tướng Chính phủ",
		[]wantRef{{"05/CT-TTg", "Chỉ thị", "2020-02-28", "Thủ tướng Chính phủ", "", 2020}}},
	{"Quy định số 12/QyĐ-UBND về quản lý tài sản công",
		[]wantRef{{"12/QyĐ-UBND", "Quy định", "", "UBND", "", 0}}},
	{"Chương trình hành động số 113/CTr-TU của Tỉnh ủy Bình Dương",
		[]wantRef{{"113/CTr-TU", "Chương trình", "", "Tỉnh ủy Bình Dương", "", 0}}},
	// "số:" and header style
	{"Số: 30/2020/NĐ-CP",
		[]wantRef{{"30/2020/NĐ-CP", "Nghị định", "", "Chính phủ", "", 2020}}},
	{"Quyết định số: 1234/QĐ-UBND ngày 01/6/2024",
		[]wantRef{{"1234/QĐ-UBND", "Quyết định", "2024-06-01", "UBND", "", 2024}}},
	// without "số"
	{"Nghị định 145/2020/NĐ-CP hướng dẫn Bộ luật Lao động.",
		[]wantRef{{"145/2020/NĐ-CP", "Nghị định", "", "Chính phủ", "", 2020}}},
	{"theo Nghị quyết 135/NQ-CP ngày 22/5/2026",
		[]wantRef{{"135/NQ-CP", "Nghị quyết", "2026-05-22", "Chính phủ", "", 2026}}},
	// type from the symbol alone
	{"Căn cứ 15/2024/QĐ-UBND và 28/2026/NQ-CP, các sở triển khai.",
		[]wantRef{{"15/2024/QĐ-UBND", "Quyết định", "", "UBND", "", 2024}, {"28/2026/NQ-CP", "Nghị quyết", "", "Chính phủ", "", 2026}}},
	{"Xem thêm 12/KL-TW và 45/TB-UBND trong hồ sơ.",
		[]wantRef{{"12/KL-TW", "Kết luận", "", "TW", "", 0}, {"45/TB-UBND", "Thông báo", "", "UBND", "", 0}}},
	// lists sharing one type word
	{"các Nghị quyết số 10/NQ-CP và 11/NQ-CP",
		[]wantRef{{"10/NQ-CP", "Nghị quyết", "", "Chính phủ", "", 0}, {"11/NQ-CP", "Nghị quyết", "", "Chính phủ", "", 0}}},
	{"Quyết định số 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND",
		[]wantRef{{"12/QĐ-UBND", "Quyết định", "", "UBND", "", 0}, {"13/QĐ-UBND", "Quyết định", "", "UBND", "", 0}, {"14/QĐ-UBND", "Quyết định", "", "UBND", "", 0}}},
	{"các văn bản số 3637/TTr-BNNMT ngày 15/4/2026, số 4895/TTr-BNNMT ngày 15/5/2026 và số 5902/BC-BNNMT ngày 06/6/2026",
		[]wantRef{{"3637/TTr-BNNMT", "Tờ trình", "2026-04-15", "Bộ Nông nghiệp và Môi trường", "", 2026},
			{"4895/TTr-BNNMT", "Tờ trình", "2026-05-15", "Bộ Nông nghiệp và Môi trường", "", 2026},
			{"5902/BC-BNNMT", "Báo cáo", "2026-06-06", "Bộ Nông nghiệp và Môi trường", "", 2026}}},
	{"Nghị định số 01/2021/NĐ-CP hoặc số 02/2021/NĐ-CP đều áp dụng.",
		[]wantRef{{"01/2021/NĐ-CP", "Nghị định", "", "Chính phủ", "01", 2021}, {"02/2021/NĐ-CP", "Nghị định", "", "Chính phủ", "02", 2021}}},
	// Party style
	{"Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương khóa XII",
		[]wantRef{{"18-NQ/TW", "Nghị quyết", "2017-10-25", "Ban Chấp hành Trung ương", "18", 2017}}},
	{"Kết luận số 28-KL/TW ngày 21/02/2022 của Bộ Chính trị về tinh giản biên chế",
		[]wantRef{{"28-KL/TW", "Kết luận", "2022-02-21", "Bộ Chính trị", "", 2022}}},
	{"Quy định số 368-QĐ/TW ngày 08 tháng 9 năm 2025 của Bộ Chính trị",
		[]wantRef{{"368-QĐ/TW", "Quy định", "2025-09-08", "Bộ Chính trị", "", 2025}}},
	{"Chỉ thị 34-CT/TW của Ban Bí thư về nhà ở xã hội",
		[]wantRef{{"34-CT/TW", "Chỉ thị", "", "Ban Bí thư", "", 0}}},
	{"Thông báo 64-TB/VPTW ngày 22/5/2026 đã nêu rõ.",
		[]wantRef{{"64-TB/VPTW", "Thông báo", "2026-05-22", "Văn phòng Trung ương Đảng", "", 2026}}},
	{"Nghị quyết số 05-NQ/TU của Ban Thường vụ Tỉnh ủy",
		[]wantRef{{"05-NQ/TU", "Nghị quyết", "", "Ban Thường vụ Tỉnh ủy", "", 0}}},
	// typed without accents, lower case symbols
	{"nghi quyet so 154/nq-cp ngay 23/11/2022 cua chinh phu",
		[]wantRef{{"154/NQ-CP", "Nghị quyết", "2022-11-23", "Chính phủ", "", 2022}}},
	{"quyet dinh 1579/qd-ttg ngay 5 thang 3 nam 2021 cua thu tuong chinh phu",
		[]wantRef{{"1579/QĐ-TTg", "Quyết định", "2021-03-05", "Thủ tướng Chính phủ", "", 2021}}},
	{"Nghi dinh so 30/2020/ND-CP ve cong tac van thu",
		[]wantRef{{"30/2020/NĐ-CP", "Nghị định", "", "Chính phủ", "", 2020}}},
	{"nghi quyet so 26/nq-hdnd cua hdnd tinh",
		[]wantRef{{"26/NQ-HĐND", "Nghị quyết", "", "HĐND tỉnh", "", 0}}},
	{"thong tu 10/2021/tt-bxd cua bo xay dung",
		[]wantRef{{"10/2021/TT-BXD", "Thông tư", "", "Bộ Xây dựng", "", 2021}}},
	{"ke hoach so 113/ctr-tu cua tinh uy",
		[]wantRef{{"113/CTr-TU", "Kế hoạch", "", "Tỉnh ủy", "", 0}}},
	// NFD
	{norm.NFD.String("Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ"),
		[]wantRef{{"154/NQ-CP", "Nghị quyết", "2022-11-23", "Chính phủ", "", 2022}}},
	{norm.NFD.String("Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh Đắk Lắk"),
		[]wantRef{{"12/QĐ-UBND", "Quyết định", "2020-03-05", "UBND tỉnh Đắk Lắk", "", 2020}}},
	// stray spaces, en and em dashes, ND for NĐ
	{"Nghị quyết số 154 /NQ-CP của Chính phủ",
		[]wantRef{{"154/NQ-CP", "Nghị quyết", "", "Chính phủ", "", 0}}},
	{"Nghị quyết số 154/ NQ-CP của Chính phủ",
		[]wantRef{{"154/NQ-CP", "Nghị quyết", "", "Chính phủ", "", 0}}},
	{"Thông tư số 11/2020/TT- BGTVT của Bộ Giao thông vận tải",
		[]wantRef{{"11/2020/TT-BGTVT", "Thông tư", "", "Bộ Giao thông vận tải", "", 2020}}},
	{"Nghị định số 30/2020/NĐ–CP (en dash) và 31/2020/NĐ—CP (em dash)",
		[]wantRef{{"30/2020/NĐ-CP", "Nghị định", "", "Chính phủ", "", 2020}, {"31/2020/NĐ-CP", "Nghị định", "", "Chính phủ", "", 2020}}},
	{"Nghị định số 15/2018/ND-CP ngày 02-02-2018 của Chính phủ",
		[]wantRef{{"15/2018/NĐ-CP", "Nghị định", "2018-02-02", "Chính phủ", "", 2018}}},
	{"Quyết định số 22/2021/QD-TTG ngày 02.07.2021",
		[]wantRef{{"22/2021/QĐ-TTg", "Quyết định", "2021-07-02", "Thủ tướng Chính phủ", "", 2021}}},
	// a date after a short trích yếu
	{"Nghị định số 13/2023/NĐ-CP Bảo vệ dữ liệu cá nhân ngày 17/04/2023 của Chính phủ, có hiệu lực thi hành kể từ ngày 01/07/2023",
		[]wantRef{{"13/2023/NĐ-CP", "Nghị định", "2023-04-17", "Chính phủ", "", 2023}}},
	{"Thông tư số 40/2019/TT-BTC hướng dẫn Nghị định số 22/2019/NĐ-CP ngày 01 tháng 3 năm 2019 của Chính phủ về phí ngày 20/06/2019 của Bộ Tài chính",
		[]wantRef{{"40/2019/TT-BTC", "Thông tư", "2019-06-20", "Bộ Tài chính", "", 2019}, {"22/2019/NĐ-CP", "Nghị định", "2019-03-01", "Chính phủ", "", 2019}}},
	{"Nghị định số 20/2022/NĐ-CP, có hiệu lực thi hành kể từ ngày 01/03/2022",
		[]wantRef{{"20/2022/NĐ-CP", "Nghị định", "", "Chính phủ", "", 2022}}},
	{"Quyết định số 7/QĐ-UBND về tổ chức hội nghị ngày 15/3/2024 tại hội trường tỉnh",
		[]wantRef{{"7/QĐ-UBND", "Quyết định", "", "UBND", "7", 0}}},
	{"Thông tư liên tịch số 08/2015/TTLT-BTC-BYT ngày 10/02/2015 của Bộ Tài chính và Bộ Y tế",
		[]wantRef{{"08/2015/TTLT-BTC-BYT", "Thông tư liên tịch", "2015-02-10", "Bộ Tài chính và Bộ Y tế", "", 2015}}},
	{"Nghị quyết số 02/2016/NQ-HĐTP ngày 30/06/2016 của Hội đồng Thẩm phán Tòa án nhân dân tối cao",
		[]wantRef{{"02/2016/NQ-HĐTP", "Nghị quyết", "2016-06-30", "Hội đồng Thẩm phán Tòa án nhân dân tối cao", "", 2016}}},
	{"Thông tư số 15/2024/TT-BTC ngày 06/03/2024 của Bộ trưởng Bộ Tài chính",
		[]wantRef{{"15/2024/TT-BTC", "Thông tư", "2024-03-06", "Bộ Tài chính", "", 2024}}},
	{"Nghị định số 73-CP ngày 25/10/1993 của Chính phủ",
		[]wantRef{{"73-CP", "Nghị định", "1993-10-25", "Chính phủ", "", 1993}}},
	// a name missing from the table ends before the words opening the
	// subject (subjectOpeners): the issuer and its verb quoted from a real
	// text, the number written for the test
	{"Công văn số 215/BCY-CNMM ngày 05/3/2025 của Ban Cơ yếu Chính phủ triển khai trên Mạng truyền số liệu chuyên dùng",
		[]wantRef{{"215/BCY-CNMM", "Công văn", "2025-03-05", "Ban Cơ yếu Chính phủ", "", 2025}}},
	{"Quyết định số 88/QĐ-SYT ngày 10/01/2025 của Sở Y tế kiện toàn Hội đồng thuốc và điều trị",
		[]wantRef{{"88/QĐ-SYT", "Quyết định", "2025-01-10", "Sở Y tế", "", 2025}}},
	// negatives
	{"Liên hệ số điện thoại 0274.3822.111 hoặc 0274-3822-111.", nil},
	{"Năm học 2023/2024 có 3/4 số trường đạt chuẩn.", nil},
	{"Ngày 23/11/2022, đoàn công tác làm việc tại Điều 5.", nil},
	{"Tổng kinh phí 1.250.000.000 đồng, trang 12/45.", nil},
	{"Người nộp thuế kê khai theo Mẫu số 01/GTGT ban hành kèm theo Thông tư này.", nil},
	{"Cơ quan thuế gửi thông báo theo mẫu số 01/TB-TĐT và 02/TB-TĐT cho người nộp thuế.", nil},
	{"Biểu số 02/BC-KH gửi kèm.", nil},
	{"Tỷ lệ bản đồ 1/5.000, giai đoạn 2021-2025, lúc 24/7.", nil},
	{"Mạng 3G/4G phủ sóng 5/km vuông.", nil},
	{"Khoản 3/Điều 5 không áp dụng.", nil},
}

func TestParseRefs(t *testing.T) {
	for _, tc := range cases {
		got := ParseRefs(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("ParseRefs(%q) = %d refs %v, want %d", tc.in, len(got), got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			if w.number == "" {
				w.number = w.key[:strings.IndexAny(w.key, "/-")]
			}
			if g.Key != w.key || g.Type != w.typ || g.Date != w.date || g.Issuer != w.issuer || g.Number != w.number || (w.year != 0 && g.Year != w.year) {
				t.Errorf("ParseRefs(%q)[%d] = %+v, want %+v", tc.in, i, g, w)
			}
			if g.Text != tc.in[g.Start:g.End] {
				t.Errorf("ParseRefs(%q)[%d].Text = %q, want input[%d:%d] = %q", tc.in, i, g.Text, g.Start, g.End, tc.in[g.Start:g.End])
			}
		}
	}
}

func TestParseRefsText(t *testing.T) {
	in := "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;"
	refs := ParseRefs(in)
	if len(refs) != 1 {
		t.Fatalf("ParseRefs(%q) = %v, want one ref", in, refs)
	}
	want := "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ"
	if r := refs[0]; r.Text != want || in[r.Start:r.End] != want || r.IssuerCode != "CP" {
		t.Errorf("ParseRefs(%q)[0] = %+v, want Text %q, IssuerCode CP", in, r, want)
	}
}

func TestRefString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"nghi quyet so 154/nq-cp ngay 23/11/2022 cua chinh phu", "Nghị quyết số 154/NQ-CP ngày 23/11/2022"},
		{"Quyết định số 14/QĐ-UBND ngày 5/3/2020 của UBND tỉnh Bình Dương", "Quyết định số 14/QĐ-UBND ngày 05/03/2020 của UBND tỉnh Bình Dương"},
		{"Nghị quyết số 24-NQ/TW ngày 05 tháng 3 năm 2020 của Bộ Chính trị", "Nghị quyết số 24-NQ/TW ngày 05/03/2020 của Bộ Chính trị"},
		{"9394/BTC-NSNN", "Công văn số 9394/BTC-NSNN"},
	} {
		refs := ParseRefs(tc.in)
		if len(refs) != 1 || refs[0].String() != tc.want {
			t.Errorf("ParseRefs(%q)[0].String() = %v, want %q", tc.in, refs, tc.want)
		}
	}
	// Every table ref survives String and ParseRefs.
	for _, tc := range cases {
		for _, r := range ParseRefs(tc.in) {
			back := ParseRefs(r.String())
			if len(back) != 1 || back[0].Key != r.Key || back[0].Type != r.Type || back[0].Date != r.Date || back[0].Issuer != r.Issuer {
				t.Errorf("ParseRefs(%q) = %+v, want %+v", r.String(), back, r)
			}
		}
	}
}

func TestLookupKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Nghị định số 05/2020/NĐ–CP", "5/2020/nd-cp"},
		{"nghi dinh so 5/2020/nd-cp", "5/2020/nd-cp"},
		{"Nghị quyết 24-NQ/TW", "24-nq/tw"},
		{"Nghị định số 73-CP", "73-cp"},
	} {
		refs := ParseRefs(tc.in)
		if len(refs) != 1 || refs[0].LookupKey() != tc.want {
			t.Errorf("ParseRefs(%q)[0].LookupKey() = %v, want %q", tc.in, refs, tc.want)
		}
	}
}

// TestRefsAgreeWithTokenizer: the parser and the tokenizer read numbers
// with one grammar, so every reference's number is a DocNumber token of
// the text with the same key, and the index finds what the graph finds.
func TestRefsAgreeWithTokenizer(t *testing.T) {
	ins := []string{"Nghị định số 73-CP ngày 25/10/1993 của Chính phủ", "Quyết định số 111-HĐBT ngày 13 tháng 10 năm 1981"}
	for _, tc := range cases {
		ins = append(ins, tc.in)
	}
	for _, in := range ins {
		checkAgreement(t, in)
	}
}

func checkAgreement(t *testing.T, in string) {
	t.Helper()
	var nums []viet.Token
	viet.Tokenize(in, func(tok viet.Token) {
		if tok.Kind == viet.DocNumber {
			nums = append(nums, tok)
		}
	})
	for _, r := range ParseRefs(in) {
		k := r.LookupKey()
		if k == "" {
			t.Fatalf("ParseRefs(%q): %q has no lookup key", in, r.Key)
		}
		found := false
		for _, tok := range nums {
			// a reference ends inside its token at a dot that ends the
			// number (dotEnd: "25/SXD.QLN" cites 25/SXD, the token's key)
			inside := tok.End <= r.End || tok.Start < r.End && r.End < len(in) && in[r.End] == '.'
			if tok.Start >= r.Start && inside && termReads(doctype.NumberKey(in[tok.Start:tok.End]), k) {
				found = true
			}
		}
		if !found {
			t.Fatalf("ParseRefs(%q): %q (key %q) is no DocNumber token of the text", in, r.Text, k)
		}
	}
}

// termReads reports whether the lookup key k is the token's key tok, or
// tok with its Quốc hội term read through OCR's noise (termCode: the
// index keeps the number as typed, the reference the law it names).
func termReads(tok, k string) bool {
	if tok == k {
		return true
	}
	ts, ks := strings.Split(tok, "/"), strings.Split(k, "/")
	if len(ts) != len(ks) || len(ts) < 3 {
		return false
	}
	y, err := strconv.Atoi(ts[1])
	if err != nil {
		return false
	}
	for i := range ts {
		if ts[i] != ks[i] && strings.ToLower(viet.TermCode(strings.ToUpper(ts[i]), y)) != ks[i] {
			return false
		}
	}
	return true
}

// TestParseRefsSentences scores the parser on testdata/cite/sentences.tsv,
// sentences written for this evaluation and not used to tune the table
// tests: precision and recall of keys, accuracy of type and date on the
// keys found.
func TestParseRefsSentences(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "sentences.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var tp, fp, fn, typeOK, dateOK int
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("sentences.tsv:%d: %d fields, want 4", i+1, len(f))
		}
		want := map[string][2]string{}
		if f[1] != "" {
			keys, types, dates := strings.Split(f[1], "|"), strings.Split(f[2], "|"), strings.Split(f[3], "|")
			for j, k := range keys {
				want[k] = [2]string{types[j], dates[j]}
			}
		}
		got := map[string]bool{}
		for _, r := range ParseRefs(f[0]) {
			got[r.Key] = true
			w, ok := want[r.Key]
			if !ok {
				fp++
				t.Logf("sentences.tsv:%d: unexpected %q in %q", i+1, r.Key, f[0])
				continue
			}
			tp++
			if r.Type == w[0] {
				typeOK++
			} else {
				t.Logf("sentences.tsv:%d: %s type %q, want %q", i+1, r.Key, r.Type, w[0])
			}
			if r.Date == w[1] {
				dateOK++
			} else {
				t.Logf("sentences.tsv:%d: %s date %q, want %q", i+1, r.Key, r.Date, w[1])
			}
		}
		for k := range want {
			if !got[k] {
				fn++
				t.Logf("sentences.tsv:%d: missed %q in %q", i+1, k, f[0])
			}
		}
	}
	p, r := ratio(tp, tp+fp), ratio(tp, tp+fn)
	ta, da := ratio(typeOK, tp), ratio(dateOK, tp)
	t.Logf("sentences: keys precision %.3f recall %.3f (tp %d fp %d fn %d); type accuracy %.3f; date accuracy %.3f", p, r, tp, fp, fn, ta, da)
	for name, v := range map[string]float64{"precision": p, "recall": r, "type accuracy": ta, "date accuracy": da} {
		if v < 0.98 {
			t.Errorf("%s %.3f < 0.98", name, v)
		}
	}
}

// ratio is a/b, and 0 when b is 0: a measure over no data must fail
// its threshold, not pass it.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func TestRatio(t *testing.T) {
	for _, tc := range []struct {
		a, b int
		want float64
	}{{0, 0, 0}, {3, 0, 0}, {0, 4, 0}, {3, 4, 0.75}, {4, 4, 1}} {
		if got := ratio(tc.a, tc.b); got != tc.want {
			t.Errorf("ratio(%d, %d) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
