package outline

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// Bodies of the shapes that give fallback IDs on the real documents
// (docs/log/i19-stableid.md): forms in an appendix, each under its
// own unnumbered heading; a section numbering its items twice; unnumbered
// sections before any numbered one.
const (
	formsBody = "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định mẫu tờ khai đăng ký tàu cá.\n" +
		"Điều 2. Hiệu lực thi hành\nThông tư này có hiệu lực kể từ ngày 01 tháng 01 năm 2027.\n" +
		"PHỤ LỤC I\nMẪU TỜ KHAI\n" +
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTỜ KHAI ĐĂNG KÝ TÀU CÁ\n1. Tên chủ tàu cá: ....\n2. Địa chỉ thường trú: ....\n" +
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTỜ KHAI XÓA ĐĂNG KÝ TÀU CÁ\n1. Tên chủ tàu cá: ....\n2. Lý do xóa đăng ký: ...."
	twiceBody = "II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Rà soát các văn bản hướng dẫn.\n2. Tổ chức tập huấn cho cán bộ.\n" +
		"1. Kiểm tra việc thực hiện tại các xã.\n2. Công khai kết quả kiểm tra trên cổng thông tin.\n" +
		"III. TỔ CHỨC THỰC HIỆN\nCác sở, ngành triển khai Kế hoạch này."
	unnumberedBody = "KẾ HOẠCH\nTriển khai công tác chuyển đổi số năm 2027\nMỤC ĐÍCH\n- Nâng cao nhận thức của cán bộ.\n- Bảo đảm an toàn thông tin.\n" +
		"YÊU CẦU\n- Bám sát nhiệm vụ được giao.\n- Phân công rõ trách nhiệm."
)

func TestFallbackIDs(t *testing.T) {
	for _, c := range []struct {
		name            string
		body            string
		items, passages []string
	}{
		{"forms in an appendix: the second form's fields under the appendix, three sections on",
			formsBody,
			[]string{"Đ1", "1", "2", "PLI.s3.1", "PLI.s3.2"},
			[]string{"Đ1", "Đ2", "PLI", "1", "2", "PLI.s2", "PLI.s3.1", "PLI.s3.2"}},
		{"a section numbering its items twice: the occurrence",
			twiceBody,
			[]string{"II.1", "II.2", "II.1~2", "II.2~2"},
			[]string{"II.1", "II.2", "II.1~2", "II.2~2", "III"}},
		{"unnumbered sections with no numbered one before: the section's place",
			unnumberedBody,
			[]string{"•1", "•2", "s2.•1", "s2.•2"},
			[]string{"•1", "•2", "s2.•1", "s2.•2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := Parse(c.body)
			var items, passages []string
			for _, it := range o.Items {
				items = append(items, it.ID)
			}
			for _, p := range o.Passages() {
				passages = append(passages, p.ID)
			}
			if !reflect.DeepEqual(items, c.items) {
				t.Errorf("items %q, want %q", items, c.items)
			}
			if !reflect.DeepEqual(passages, c.passages) {
				t.Errorf("passages %q, want %q", passages, c.passages)
			}
		})
	}
}

// idsFrom returns the item and passage IDs of a body from line from on,
// keyed by their line less shift.
func idsFrom(body string, from, shift int) map[int]string {
	o := Parse(body)
	ids := map[int]string{}
	for _, it := range o.Items {
		if it.Line >= from {
			ids[it.Line-shift] = "item " + it.ID
		}
	}
	for _, p := range o.Passages() {
		if p.Line >= from && p.Item < 0 {
			ids[p.Line-shift] = "passage " + p.ID
		}
	}
	return ids
}

// TestFallbackIDsStable: a section added or dropped before the anchor of
// a fallback ID leaves it alone (with the section's index in the ID, each
// of these renamed every fallback after it).
func TestFallbackIDsStable(t *testing.T) {
	for _, c := range []struct {
		name       string
		body, edit string
		mark       string // the line from which IDs must be the same
	}{
		{"an article dropped before the appendix",
			formsBody, strings.Replace(formsBody, "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định mẫu tờ khai đăng ký tàu cá.\n", "", 1),
			"PHỤ LỤC I"},
		{"an article added before the appendix",
			formsBody, strings.Replace(formsBody, "PHỤ LỤC I\n", "Điều 3. Trách nhiệm thi hành\nCục Thủy sản hướng dẫn thực hiện Thông tư này.\nPHỤ LỤC I\n", 1),
			"PHỤ LỤC I"},
		{"a section added before the one numbering twice",
			twiceBody, "I. MỤC ĐÍCH\nNâng cao hiệu quả quản lý nhà nước.\n" + twiceBody,
			"II. NHIỆM VỤ"},
	} {
		t.Run(c.name, func(t *testing.T) {
			at := func(body string) int {
				for i, l := range strings.Split(body, "\n") {
					if strings.HasPrefix(l, c.mark) {
						return i + 1
					}
				}
				t.Fatalf("no %q", c.mark)
				return 0
			}
			a, b := at(c.body), at(c.edit)
			before, after := idsFrom(c.body, a, a), idsFrom(c.edit, b, b)
			if len(before) == 0 || !reflect.DeepEqual(before, after) {
				t.Errorf("IDs from %q:\n%v\nafter the edit:\n%v", c.mark, before, after)
			}
		})
	}
}

// stableBody builds a decision of n articles, each with up to three
// clauses, then appendices of forms, each form under the national header
// and numbering its fields from 1; it returns the body and the line of
// the first appendix.
func stableBody(r *rand.Rand, articles []int, apps [][]int) (string, int) {
	var b []string
	for k, clauses := range articles {
		b = append(b, "Điều "+strconv.Itoa(k+1)+". Quy định thứ "+strconv.Itoa(k+1))
		for c := range clauses {
			b = append(b, strconv.Itoa(c+1)+". Cơ quan quản lý thực hiện nhiệm vụ được giao.")
		}
		if clauses == 0 {
			b = append(b, "Quyết định này áp dụng đối với các cơ quan có liên quan.")
		}
	}
	first := len(b) + 1
	for a, forms := range apps {
		b = append(b, "PHỤ LỤC "+romanNumeral(a+1), "MẪU TỜ KHAI")
		for f, fields := range forms {
			b = append(b, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI SỐ "+strconv.Itoa(f+1))
			for k := range fields {
				b = append(b, strconv.Itoa(k+1)+". Thông tin kê khai thứ "+strconv.Itoa(k+1)+": ....")
				if r.IntN(3) == 0 {
					b = append(b, "- Ghi rõ họ tên và địa chỉ.")
				}
			}
		}
	}
	return strings.Join(b, "\n"), first
}

func romanNumeral(n int) string {
	return [...]string{"", "I", "II", "III", "IV", "V"}[n]
}

// TestStableIDsProperty: on generated decisions with forms in their
// appendices, item and passage IDs are unique, and adding or dropping an
// article leaves every ID of the appendices as it was.
func TestStableIDsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 17))
	for n := range 200 {
		articles := make([]int, 1+r.IntN(5))
		for k := range articles {
			articles[k] = r.IntN(4)
		}
		apps := make([][]int, 1+r.IntN(3))
		for a := range apps {
			apps[a] = make([]int, 1+r.IntN(4))
			for f := range apps[a] {
				apps[a][f] = 1 + r.IntN(4)
			}
		}
		seed := r.Uint64()
		body, from := stableBody(rand.New(rand.NewPCG(seed, 1)), articles, apps)
		o := Parse(body)
		seen := map[string]bool{}
		for _, it := range o.Items {
			if seen[it.ID] {
				t.Fatalf("case %d: item ID %q twice in\n%s", n, it.ID, body)
			}
			seen[it.ID] = true
		}
		pseen := map[string]bool{}
		for _, p := range o.Passages() {
			if pseen[p.ID] {
				t.Fatalf("case %d: passage ID %q twice in\n%s", n, p.ID, body)
			}
			pseen[p.ID] = true
		}
		want := idsFrom(body, from, from)
		for _, edit := range [][]int{append([]int{2}, articles...), articles[1:]} {
			if len(edit) == 0 {
				continue
			}
			b, f := stableBody(rand.New(rand.NewPCG(seed, 1)), edit, apps)
			if got := idsFrom(b, f, f); !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d: articles %v → %v: appendix IDs\n%v\nbecame\n%v", n, articles, edit, want, got)
			}
		}
	}
}
