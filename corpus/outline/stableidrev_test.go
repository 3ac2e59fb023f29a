package outline

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// Adversarial shapes for the anchored fallback IDs (i19-stableidrev):
// headings that repeat (a section number "~2"), unnumbered headings
// around and before numbered ones, appendices with and without a number,
// labels that look like an anchor's parts ("s)", "s.1)", "s.3)"), items
// numbered twice, bullets, paragraphs and table rows. Lines written for
// this test.
var advLines = []string{
	"I. MỤC ĐÍCH, YÊU CẦU",
	"II. NHIỆM VỤ VÀ GIẢI PHÁP",
	"II. NHIỆM VỤ VÀ GIẢI PHÁP",
	"III. TỔ CHỨC THỰC HIỆN",
	"A. NHIỆM VỤ CHUNG",
	"PHỤ LỤC II",
	"PHỤ LỤC",
	"Điều 1. Phạm vi điều chỉnh",
	"Điều 1. Phạm vi điều chỉnh",
	"Chương II",
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"TỜ KHAI ĐĂNG KÝ",
	"NHIỆM VỤ CỤ THỂ",
	"1. Rà soát các văn bản hướng dẫn.",
	"1. Rà soát các văn bản hướng dẫn.",
	"2. Tổ chức tập huấn cho cán bộ.",
	"1.1. Kiểm tra việc thực hiện tại xã.",
	"a) Công khai kết quả kiểm tra.",
	"s) Sở Tài chính bố trí kinh phí.",
	"s.1) Sở Nội vụ hướng dẫn thủ tục.",
	"s.3) Sở Y tế kiểm tra chất lượng.",
	"(1) Lập danh sách các xã.",
	"ii) Báo cáo kết quả thực hiện.",
	"- Nâng cao nhận thức của cán bộ.",
	"- Nâng cao nhận thức của cán bộ.",
	"+ Bí thư chịu trách nhiệm.",
	"Các sở, ngành triển khai thực hiện Kế hoạch này.",
	"1 | Sở Y tế | Kiểm tra nước sinh hoạt tại các trạm. | Hằng quý",
}

// advBody draws a body of n lines from advLines.
func advBody(r *rand.Rand, n int) string {
	b := make([]string, n)
	for k := range b {
		b[k] = advLines[r.IntN(len(advLines))]
	}
	return strings.Join(b, "\n")
}

// checkIDs checks the ID contract of one body: item IDs unique, passage
// IDs unique and a section text's never an item's, no "§", every ID of an
// item in a section with an ID under that ID, an anchor part only on an
// unnumbered section's fallback, a section text's fallback its anchor,
// and the same IDs from a second parse.
func checkIDs(t *testing.T, body string) {
	t.Helper()
	o := Parse(body)
	items := map[string]bool{}
	for _, it := range o.Items {
		if items[it.ID] {
			t.Fatalf("item ID %q twice in\n%s", it.ID, body)
		}
		items[it.ID] = true
		if strings.Contains(it.ID, "§") {
			t.Fatalf("item ID %q: the old scheme's \"§\" in\n%s", it.ID, body)
		}
		s := o.Sections[it.Section]
		if s.ID != "" && it.ID != s.ID && !strings.HasPrefix(it.ID, s.ID+".") {
			t.Fatalf("item %q of section %q: not under its section's ID in\n%s", it.ID, s.ID, body)
		}
		if anchorPart.MatchString(it.ID) {
			a := anchorID(o.Sections, it.Section)
			if s.ID != "" || !strings.HasPrefix(it.ID, a+".") {
				t.Fatalf("item %q of section %d (%q): an anchor part not its section's anchor %q in\n%s", it.ID, it.Section, s.ID, a, body)
			}
		}
	}
	ps := o.Passages()
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.ID] {
			t.Fatalf("passage ID %q twice in\n%s", p.ID, body)
		}
		seen[p.ID] = true
		if p.Item >= 0 {
			if o.Items[p.Item].ID != p.ID {
				t.Fatalf("passage %q of item %q", p.ID, o.Items[p.Item].ID)
			}
			continue
		}
		if items[p.ID] {
			t.Fatalf("section text %q has an item's ID in\n%s", p.ID, body)
		}
		if s := o.Sections[p.Section]; p.ID != s.ID {
			a := anchorID(o.Sections, p.Section)
			if s.ID != "" {
				a += ".text"
			}
			if base, _, _ := strings.Cut(strings.TrimPrefix(p.ID, a), "~"); !strings.HasPrefix(p.ID, a) || base != "" {
				t.Fatalf("section text %d (%q): ID %q, not its anchor %q in\n%s", p.Section, s.ID, p.ID, a, body)
			}
		}
	}
	o2 := Parse(body)
	ps2 := o2.Passages()
	if !reflect.DeepEqual(itemIDs(o), itemIDs(o2)) || !reflect.DeepEqual(passageIDs(ps), passageIDs(ps2)) {
		t.Fatalf("two parses differ in\n%s:\n%q %q\n%q %q", body, itemIDs(o), passageIDs(ps), itemIDs(o2), passageIDs(ps2))
	}
}

func itemIDs(o *Outline) []string {
	var ids []string
	for _, it := range o.Items {
		ids = append(ids, it.ID)
	}
	return ids
}

func passageIDs(ps []Passage) []string {
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.ID+" "+strings.Join(p.Same, ","))
	}
	return ids
}

// TestAnchoredIDsAdversarial: 3,000 bodies drawn from adversarial lines
// keep the ID contract (checkIDs).
func TestAnchoredIDsAdversarial(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 1919))
	for range 3000 {
		checkIDs(t, advBody(r, 4+r.IntN(30)))
	}
}

// TestAnchoredIDsInterplay pins the IDs of the shapes the counters could
// mix up: a section number used twice and an item number used twice in
// each ("II~2" the section, "II.1~2" the item, "II~2.1~2" both), labels
// that look like an anchor's parts ("s.1" the point, "PLII.s1" the
// unnumbered section after PLII), and an unnumbered heading before any
// numbered one ("s1").
func TestAnchoredIDsInterplay(t *testing.T) {
	for _, c := range []struct {
		name            string
		body            string
		items, passages []string
	}{
		{"section twice, items twice in each",
			"II. NHIỆM VỤ\n1. Rà soát văn bản.\n1. Kiểm tra thực hiện.\nII. NHIỆM VỤ\n1. Tập huấn cán bộ.\n1. Công khai kết quả.",
			[]string{"II.1", "II.1~2", "II~2.1", "II~2.1~2"},
			[]string{"II.1", "II.1~2", "II~2.1", "II~2.1~2"}},
		{"points s) and s.1) beside an anchor s1",
			"PHỤ LỤC II\nDANH MỤC NHIỆM VỤ\ns) Sở Tài chính bố trí kinh phí.\ns.1) Sở Nội vụ hướng dẫn thủ tục.\n" +
				"NHIỆM VỤ CỤ THỂ\ns) Sở Y tế kiểm tra chất lượng.\ns.1) Sở Công Thương kiểm tra thị trường.\n" +
				"NHIỆM VỤ CỤ THỂ\ns) Sở Xây dựng kiểm tra công trình.\ns.1) Sở Tư pháp thẩm định văn bản.",
			[]string{"PLII.s", "PLII.s.1", "s", "s.1", "PLII.s2.s", "PLII.s2.s.1"},
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkIDs(t, c.body)
			o := Parse(c.body)
			if got := itemIDs(o); !reflect.DeepEqual(got, c.items) {
				t.Errorf("items %q, want %q", got, c.items)
			}
			if c.passages != nil {
				var ps []string
				for _, p := range o.Passages() {
					ps = append(ps, p.ID)
				}
				if !reflect.DeepEqual(ps, c.passages) {
					t.Errorf("passages %q, want %q", ps, c.passages)
				}
			}
		})
	}
}

// FuzzAnchoredIDs: any body keeps the ID contract (checkIDs), the
// adversarial shapes and the fallback bodies as seeds.
func FuzzAnchoredIDs(f *testing.F) {
	r := rand.New(rand.NewPCG(19, 2))
	for range 8 {
		f.Add(advBody(r, 12))
	}
	f.Add(formsBody)
	f.Add(twiceBody)
	f.Add(unnumberedBody)
	f.Fuzz(func(t *testing.T, body string) {
		checkIDs(t, body)
	})
}

// TestFallbackIDsDocumentWide pins the limit of the anchored scheme the
// package comments state: the natural ID of an unnumbered section's item
// is its label alone, document-wide, so an unnumbered section holding a
// "1." added or dropped before an appendix makes the first form's "1" a
// fallback ("PLI.s1.1") or a natural ID again. The later forms' fallbacks
// keep their IDs.
func TestFallbackIDsDocumentWide(t *testing.T) {
	with := "KẾ HOẠCH\nNHIỆM VỤ CHUNG\n1. Rà soát các văn bản hướng dẫn.\n" + formsBody
	got, want := itemIDs(Parse(with)), []string{"1", "Đ1", "PLI.s1.1", "2", "PLI.s3.1", "PLI.s3.2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with an unnumbered section before: items %q, want %q", got, want)
	}
	if got, want := itemIDs(Parse(formsBody)), []string{"Đ1", "1", "2", "PLI.s3.1", "PLI.s3.2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("without it: items %q, want %q", got, want)
	}
}
