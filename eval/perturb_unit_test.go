package eval

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestPerturbations checks that each change of form TestLinksRobust makes
// changes what it says and keeps the words, and that a label's item is
// carried over to its new line.
func TestPerturbations(t *testing.T) {
	if got, want := toneNew("Hòa bình, thủy lợi, khỏe, quý IV, hoàn thành"), "Hoà bình, thuỷ lợi, khoẻ, qúy IV, hoàn thành"; got != want {
		t.Errorf("toneNew = %q, want %q", got, want)
	}
	if got, want := sentenceCase("II. NHIỆM VỤ, GIẢI PHÁP CỦA UBND TỈNH"), "II. Nhiệm vụ, giải pháp của UBND tỉnh"; got != want {
		t.Errorf("sentenceCase = %q, want %q", got, want)
	}
	if got, want := upperHeading("1. Sở Y tế:"), "1. SỞ Y TẾ:"; got != want {
		t.Errorf("upperHeading = %q, want %q", got, want)
	}
	if got := upperHeading("1. Sở Y tế chủ trì thực hiện."); got != "1. Sở Y tế chủ trì thực hiện." {
		t.Errorf("upperHeading of a clause = %q", got)
	}
	if got, want := tabs("- Tổ chức tập huấn"), "\t-\tTổ chức tập huấn"; got != want {
		t.Errorf("tabs = %q, want %q", got, want)
	}
	if got, want := numParen("12. Sở Tài chính"), "12) Sở Tài chính"; got != want {
		t.Errorf("numParen = %q, want %q", got, want)
	}
	line := "- Phối hợp với các sở, ngành; cơ quan thông tấn, báo chí tổ chức tuyên truyền thường xuyên, liên tục nội dung quy định của chính sách về hóa đơn điện tử."
	for _, p := range perturbations {
		out, origin := p.apply([]string{"Nơi nhận:", line})
		var words []string
		for i, l := range out {
			if origin[i] == 1 {
				words = append(words, strings.Fields(l)...)
			}
		}
		if n := len(strings.Fields(line)); len(words) != n {
			t.Errorf("%s: %d words of the line, want %d", p.name, len(words), n)
		}
	}
	out, _ := wrap(80, 0, "")([]string{line})
	if len(out) != 2 || len([]rune(out[0])) > 80 {
		t.Fatalf("wrap(80) = %q", out)
	}
	whole, first, at, ok := remap(line, out, "cơ quan thông tấn, báo chí tổ chức tuyên truyền thường xuyên, liên tục nội dung")
	if !ok || at != 0 || !strings.HasSuffix(out[0], first) || !strings.HasPrefix(whole, first) || whole == first {
		t.Errorf("remap = %q, %q, %d, %v", whole, first, at, ok)
	}
	nfd := norm.NFD.String(line)
	if whole, _, _, ok := remap(line, []string{nfd}, "tuyên truyền thường xuyên"); !ok || whole != "tuyên truyền thường xuyên" {
		t.Errorf("remap over NFD = %q, %v", whole, ok)
	}
}
