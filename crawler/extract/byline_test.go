package extract

import (
	"strings"
	"testing"
)

func TestIsCredit(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Theo Báo Chính phủ", true},
		{"Theo TTXVN", true},
		{"Nguồn: baochinhphu.vn", true},
		{"Tin, ảnh: Văn Dũng", true},
		{"PV", true},
		{"CTV (Trung tâm Văn hóa huyện)", true},
		{"Additional reporting by Jane Roe", true},
		{"Reuters staff contributed to this report.", true},
		{"Write to Mai Lan at mai.lan@example.com", true},
		{"lan.nguyen@example.vn", true},
		{"twitter.com/lannguyen", true},
		{"Theo kế hoạch, các đơn vị hoàn thành trước ngày 30/6.", false},
		{"theo TTXVN", false},
		{"Photosynthesis is how plants make food.", false},
		{"Nguồn lực đầu tư cho giáo dục tăng mạnh trong những năm gần đây, đặc biệt ở vùng sâu, vùng xa của tỉnh.", false},
	}
	for _, tt := range tests {
		if got := isCredit(tt.line); got != tt.want {
			t.Errorf("isCredit(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestIsAuthorName(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Minh Anh", true},
		{"Nguyễn Thu Hằng (TTXVN)", true},
		{"Lê Văn Tám - Báo Tỉnh", true},
		{"Jane Roe", true},
		{"CHỦ TỊCH", false},
		{"Nguyễn Văn A.", false},
		{"Kết luận", false},
		{"Phụ lục 2", false},
		{"Một", false},
	}
	for _, tt := range tests {
		if got := isAuthorName(tt.line); got != tt.want {
			t.Errorf("isAuthorName(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestBylinesOffBody: classless credits and an author's name after the
// last paragraph go; a legal document's signer, after its title line,
// stays.
func TestBylinesOffBody(t *testing.T) {
	para := "Hội nghị đã thống nhất các giải pháp trọng tâm, giao nhiệm vụ cụ thể cho từng sở, ngành và địa phương trong thời gian tới."
	news := "<html><body><div class=\"detail\"><p>" + strings.Repeat(para+"</p><p>", 5) + para + "</p><p style=\"text-align:right\"><strong>Hoàng Yến</strong></p><p>Nguồn: baotinh.vn</p></div></body></html>"
	a, _ := Extract([]byte(news), "", nil, Options{})
	if strings.Contains(a.Body, "Hoàng Yến") || strings.Contains(a.Body, "Nguồn:") || strings.Count(a.Body, "Hội nghị") != 6 {
		t.Errorf("news body:\n%s", a.Body)
	}
	legal := "<html><body><div class=\"content\"><p>" + strings.Repeat(para+"</p><p>", 5) + para + "</p><p>CHỦ TỊCH</p><p>Trần Văn Bình</p></div></body></html>"
	a, _ = Extract([]byte(legal), "", nil, Options{})
	if !strings.HasSuffix(a.Body, "CHỦ TỊCH\nTrần Văn Bình") {
		t.Errorf("legal body lost its signer:\n%s", a.Body)
	}
}
