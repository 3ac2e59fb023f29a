package extract

import (
	"strings"
	"testing"
)

// BenchmarkParseDocument reads the layout of a 1,200-line decision with
// no "Nơi nhận", signed, then a copy's block: the header zone's reading
// (firstEnd's pass over the first headerZone lines included).
//
//	go test -run '^$' -bench ParseDocument -benchmem -count 6 -cpu 1 ./crawler/extract
func BenchmarkParseDocument(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ AN | Độc lập - Tự do - Hạnh phúc\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc\n")
	for i := 0; i < 1200; i++ {
		sb.WriteString("Các sở, ban, ngành tổ chức thực hiện nhiệm vụ được giao đúng tiến độ, báo cáo kết quả hằng quý.\n")
	}
	sb.WriteString("Quyết định có hiệu lực kể từ ngày ký./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\nSAO Y BẢN CHÍNH\nSố: 15/SY-VP\nPhú An, ngày 20 tháng 8 năm 2025")
	lines := strings.Split(sb.String(), "\n")
	b.ReportAllocs()
	for b.Loop() {
		if d := ParseDocument(lines); d.Number != "" {
			b.Fatalf("number %q", d.Number)
		}
	}
}
