package extract

import (
	"strings"
	"testing"
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
		text string
		want bool // of the last line
	}{
		{"gồm các ông (bà) có tên sau:\nCHỦ TỊCH | Nguyễn Văn An", true},
		{"gồm:\nCHỦ TỊCH | Nguyễn Văn An\nPHÓ CHỦ TỊCH | Trần Thị Bình", true},
		{"gồm:\nTRƯỞNG BAN | Nguyễn Văn An\nPHÓ TRƯỞNG BAN | Trần Thị Bình\nỦy viên | Lê Văn Cường", false}, // no title: not a title row
		{"thi hành./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH | Nguyễn Văn An", false},
		{"thi hành./.\nKT. CHỦ TỊCH | \nPHÓ CHỦ TỊCH | Nguyễn Văn An", false},
		{"thi hành./.\nCHỦ TỊCH | Nơi nhận:", false}, // no name beside
		{"thi hành./.\nNơi nhận: | CHỦ TỊCH", false},
	} {
		lines := strings.Split(tt.text, "\n")
		p := docParser{lines: lines}
		if got := p.memberRow(len(lines) - 1); got != tt.want {
			t.Errorf("memberRow(last of %q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
