package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/cputime"
)

// decision30 is a decision whose body lists a council's members as a
// table, each row a title cell beside a name ("CHỦ TỊCH | Nguyễn Văn
// An"): rows of the body, not its signature. Written for these tests (a
// fictional province, Phú An; the shape of a decision establishing a
// council under ND 30 Phụ lục I).
const decision30 = `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc
Số: 30/QĐ-UBND | Phú An, ngày 05 tháng 3 năm 2025
QUYẾT ĐỊNH
Về việc kiện toàn Hội đồng Thi đua - Khen thưởng tỉnh
ỦY BAN NHÂN DÂN TỈNH PHÚ AN
Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
QUYẾT ĐỊNH:
Điều 1. Kiện toàn Hội đồng Thi đua - Khen thưởng tỉnh gồm các ông (bà) có tên sau:
CHỦ TỊCH | Nguyễn Văn An
PHÓ CHỦ TỊCH | Trần Thị Bình
GIÁM ĐỐC | Lê Văn Cường
Điều 2. Hội đồng làm việc theo quy chế do Chủ tịch Hội đồng ban hành.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận: | TM. ỦY BAN NHÂN DÂN
- Như Điều 3; | KT. CHỦ TỊCH
- Lưu: VT. | PHÓ CHỦ TỊCH
 | Phạm Minh Đức`

// TestMemberList: a title cell beside a name in the body is a member
// list's row; the document ends at its signature.
func TestMemberList(t *testing.T) {
	lines := strings.Split(decision30, "\n")
	p := docParser{lines: lines, num: -1, date: -1, typ: -1}
	if got, want := p.firstEnd(len(lines)), len(lines); got != want {
		t.Errorf("firstEnd = %d (%q), want %d: the member rows end nothing", got, lines[min(got, len(lines)-1)], want)
	}
	d := ParseDocument(lines)
	if d.Number != "30/QĐ-UBND" || d.Type != "Quyết định" || d.Published != "2025-03-05" {
		t.Errorf("header = %q %q %q", d.Number, d.Type, d.Published)
	}
	if got, want := d.Signer, "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Phạm Minh Đức"; got != want {
		t.Errorf("signer = %q, want %q", got, want)
	}
	if got, want := lines[d.BodyEnd-1], "Điều 3. Quyết định này có hiệu lực kể từ ngày ký./."; got != want {
		t.Errorf("last body line = %q, want %q", got, want)
	}
}

// TestMemberRow: which title rows are a list's, which a signature's.
func TestMemberRow(t *testing.T) {
	for _, tt := range []struct {
		text  string
		below string // lines under the one asked about
		want  bool   // of the last line of text
	}{
		{"gồm các ông (bà) có tên sau:\nCHỦ TỊCH | Nguyễn Văn An", "", true},
		// A list's first row under a lead-in without a colon: the row
		// under it is a name beside a cell too.
		{"Điều 2. Thành lập Ban chỉ đạo gồm các thành viên\nTRƯỞNG BAN | Hoàng Văn Sơn", "PHÓ TRƯỞNG BAN | Vũ Thị Mai", true},
		// A signature on one line, the titles and the name as cells (a
		// scanned signature block read row by row): not a list's row.
		{"có hiệu lực từ ngày ký./.\nKT. CHỦ TỊCH | PHÓ CHỦ TỊCH | Nguyễn Văn Bình", "Nơi nhận:", false},
		{"có hiệu lực từ ngày ký./.\nTM. ỦY BAN NHÂN DÂN | CHỦ TỊCH | Nguyễn Văn Bình", "", false},
		{"chịu trách nhiệm thi hành Quyết định này./.\nGIÁM ĐỐC | Đinh Thị Hạnh", "Nơi nhận:\n- Như Điều 3;", false},
		// A signature's two columns: the recipients beside the name.
		{"Nơi nhận: | TM. ỦY BAN NHÂN DÂN\n- Như Điều 3; | CHỦ TỊCH | Nguyễn Văn An", "- Lưu: VT. | ", false},
		{"gồm:\nCHỦ TỊCH | Nguyễn Văn An\nPHÓ CHỦ TỊCH | Trần Thị Bình", "", true},
		{"gồm:\nTRƯỞNG BAN | Nguyễn Văn An\nPHÓ TRƯỞNG BAN | Trần Thị Bình\nỦy viên | Lê Văn Cường", "", false}, // no title: not a title row
		{"thi hành./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH | Nguyễn Văn An", "", false},
		{"thi hành./.\nKT. CHỦ TỊCH | \nPHÓ CHỦ TỊCH | Nguyễn Văn An", "", false},
		{"thi hành./.\nCHỦ TỊCH | Nơi nhận:", "", false}, // no name beside
		{"thi hành./.\nNơi nhận: | CHỦ TỊCH", "", false},
	} {
		lines := strings.Split(tt.text, "\n")
		at := len(lines) - 1
		if tt.below != "" {
			lines = append(lines, strings.Split(tt.below, "\n")...)
		}
		p := docParser{lines: lines}
		if got := p.memberRow(at); got != tt.want {
			t.Errorf("memberRow(last of %q, lines below %q) = %v, want %v", tt.text, tt.below, got, tt.want)
		}
	}
}

// decision41 is a decision whose signature a scan's table put on one
// line, its titles and the signer's name as cells. Written for these
// tests (a fictional province, Long Hải).
const decision41 = `ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LONG HẢI | Độc lập - Tự do - Hạnh phúc
Số: 41/QĐ-UBND | Long Hải, ngày 12 tháng 4 năm 2024
QUYẾT ĐỊNH
Về việc phê duyệt danh mục dự án khuyến công năm 2024
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LONG HẢI
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt danh mục dự án khuyến công năm 2024 kèm theo Quyết định này.
Điều 2. Quyết định này có hiệu lực từ ngày ký./.
%s
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
PHỤ LỤC
DANH MỤC DỰ ÁN KHUYẾN CÔNG NĂM 2024
1. Hỗ trợ đầu tư máy móc thiết bị chế biến nông sản.`

// TestOneLineSignature: a signature whose titles and name are cells of
// one line ends the body and is the signer, as on main before memberRow
// (which read each as a member list's row: the signer was lost and the
// body ran over the signature).
func TestOneLineSignature(t *testing.T) {
	for _, tt := range []struct{ line, signer string }{
		{"KT. CHỦ TỊCH | PHÓ CHỦ TỊCH | Nguyễn Văn Bình", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn Bình"},
		{"TM. ỦY BAN NHÂN DÂN | CHỦ TỊCH | Nguyễn Văn Bình", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn Bình"},
		{"CHỦ TỊCH | Nguyễn Văn Bình", "CHỦ TỊCH / Nguyễn Văn Bình"},
	} {
		lines := strings.Split(fmt.Sprintf(decision41, tt.line), "\n")
		d := ParseDocument(lines)
		if d.Signer != tt.signer {
			t.Errorf("%q: signer = %q, want %q", tt.line, d.Signer, tt.signer)
		}
		if got, want := lines[d.BodyEnd-1], "Điều 2. Quyết định này có hiệu lực từ ngày ký./."; got != want {
			t.Errorf("%q: last body line = %q, want %q", tt.line, got, want)
		}
	}
}

// TestMemberListCost: a body holding a long member table is read in
// linear time. memberRow walked up every row above for each row: 5,000
// rows took 25 s of a loaded machine, 8,000 rows 74 s (main: 1 ms).
// The bound is on CPU time and generous.
func TestMemberListCost(t *testing.T) {
	var b strings.Builder
	b.WriteString(decision30[:strings.Index(decision30, "CHỦ TỊCH | ")])
	for range 5000 {
		b.WriteString("PHÓ CHỦ TỊCH | Trần Thị Bình\n")
	}
	b.WriteString(decision30[strings.Index(decision30, "Điều 2."):])
	lines := strings.Split(b.String(), "\n")
	start := cputime.Now()
	d := ParseDocument(lines)
	if took := cputime.Now() - start; took > 3*time.Second {
		t.Errorf("ParseDocument of a 5,000-row member table took %v of CPU", took)
	}
	if got, want := d.Signer, "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Phạm Minh Đức"; got != want {
		t.Errorf("signer = %q, want %q", got, want)
	}
}
