package doctype

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/internal/shared"
)

func TestByName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Nghị quyết", "Nghị quyết"},
		{"nghi quyet", "Nghị quyết"},
		{"NGHỊ QUYẾT", "Nghị quyết"},
		{"Chương trình hành động", "Chương trình"},
		{"thong bao ket luan", "Thông báo"},
		{"Giấy uỷ quyền", "Giấy ủy quyền"}, // new-style tones, as ND 30 writes it
		{"nghi quyet lien tich", "Nghị quyết liên tịch"},
		{"văn bản", ""},
		{"quyet", ""},
	} {
		got, ok := ByName(tc.in)
		if got.Name != tc.want || ok != (tc.want != "") {
			t.Errorf("ByName(%q) = %q, %v, want %q", tc.in, got.Name, ok, tc.want)
		}
	}
}

func TestMatchLongest(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		n    int
	}{
		{"thong tu lien tich so", "Thông tư liên tịch", 4},
		{"thong tu so", "Thông tư", 2},
		{"chuong trinh hanh dong thuc hien", "Chương trình", 4},
		{"chuong trinh hanh", "Chương trình", 2},
		{"bo luat dan su", "Bộ luật", 2},
		{"luat dat dai", "Luật", 1},
		{"ky luat", "", 0},
		{"", "", 0},
	} {
		got, n, ok := Match(strings.Fields(tc.in))
		if got.Name != tc.want || n != tc.n || ok != (tc.want != "") {
			t.Errorf("Match(%q) = %q, %d, %v, want %q, %d", tc.in, got.Name, n, ok, tc.want, tc.n)
		}
	}
}

func TestLeading(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  string
		class Class
	}{
		{"Kế hoạch thực hiện Nghị quyết số 154/NQ-CP", "Kế hoạch", Plan},
		{"Chương trình hành động", "Chương trình", Plan},
		{"Nghị quyết", "Nghị quyết", Resolution},
		{"NGHỊ QUYẾT LIÊN TỊCH", "Nghị quyết liên tịch", Resolution},
		{"Chỉ thị về tăng cường", "Chỉ thị", Resolution},
		{"Kết luận của Bộ Chính trị", "Kết luận", Resolution},
		{"Thông báo kết luận của Chủ tịch", "Thông báo", Notice},
		{"Đề án chuyển đổi số", "Đề án", Scheme},
		{"Luật Đất đai", "Luật", Legal},
		{"  – Quyết định", "Quyết định", Decision},
		{"Tin tức", "", Other},
		{"", "", Other},
	} {
		got, ok := Leading(tc.in)
		if got.Name != tc.want || got.Class != tc.class || ok != (tc.want != "") {
			t.Errorf("Leading(%q) = %q %v, %v, want %q %v", tc.in, got.Name, got.Class, ok, tc.want, tc.class)
		}
	}
}

func TestByCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"NQ", "Nghị quyết"}, {"nq", "Nghị quyết"}, {"QĐ", "Quyết định"}, {"qđ", "Quyết định"},
		{"QD", ""}, {"QyĐ", "Quy định"}, {"QYĐ", "Quy định"}, {"CTr", "Chương trình"}, {"CT", "Chỉ thị"},
		{"TTr", "Tờ trình"}, {"TT", "Thông tư"}, {"KL", "Kết luận"}, {"HĐ", "Hợp đồng"}, {"HD", "Hướng dẫn"},
		{"UBND", ""}, {"", ""},
	} {
		got, ok := ByCode(tc.in)
		if got.Name != tc.want || ok != (tc.want != "") {
			t.Errorf("ByCode(%q) = %q, %v, want %q", tc.in, got.Name, ok, tc.want)
		}
	}
	names := func(ts []Type) string {
		var ns []string
		for _, t := range ts {
			ns = append(ns, t.Name)
		}
		return strings.Join(ns, ",")
	}
	for _, tc := range []struct{ in, want string }{
		{"qd", "Quyết định"}, {"QD", "Quyết định"}, {"hd", "Hướng dẫn,Hợp đồng"}, {"da", "Đề án,Dự án"}, {"ctr", "Chương trình"}, {"xyz", ""},
	} {
		if got := names(ByFoldedCode(tc.in)); got != tc.want {
			t.Errorf("ByFoldedCode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestByHeader(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"NGHỊ QUYẾT", "Nghị quyết"}, {"KẾ HOẠCH", "Kế hoạch"}, {"THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch"},
		{"LUẬT", "Luật"}, {"Nghị quyết", ""}, {"NGHI QUYET", ""},
		// An English translation's header (a ministry's English pages).
		{"DECREE", "Nghị định"}, {"CIRCULAR", "Thông tư"}, {"JOINT CIRCULAR", "Thông tư liên tịch"},
		{"RESOLUTION", "Nghị quyết"}, {"DECISION", "Quyết định"}, {"DIRECTIVE", "Chỉ thị"}, {"LAW", "Luật"},
		// Only the header line: no running text, no other case.
		{"Decree", ""}, {"decision", ""}, {"THE GOVERNMENT", ""}, {"DECREE ON PUBLIC ARCHIVES", ""},
	} {
		got, ok := ByHeader(tc.in)
		if got.Name != tc.want || ok != (tc.want != "") {
			t.Errorf("ByHeader(%q) = %q, %v, want %q", tc.in, got.Name, ok, tc.want)
		}
	}
}

// TestVocabulary checks the invariants every derived table relies on.
func TestVocabulary(t *testing.T) {
	nd30, most := 0, 0
	for _, ty := range All {
		for _, n := range append([]string{ty.Name}, ty.Aliases...) {
			most = max(most, len(strings.Fields(n)))
		}
		if ty.Name != viet.Canon(viet.NFC(ty.Name)) {
			t.Errorf("%q: not NFC with canonical tones", ty.Name)
		}
		if ty.Class == Other {
			t.Errorf("%q: no class", ty.Name)
		}
		if ty.ND30 {
			nd30++
			if ty.Code == "" {
				t.Errorf("%q: an ND 30 type without its code", ty.Name)
			}
		}
		if got, ok := ByName(ty.Name); !ok || got.Name != ty.Name {
			t.Errorf("ByName(%q) = %q", ty.Name, got.Name)
		}
		if got, ok := ByHeader(ty.header()); !ok || got.Name != ty.Name {
			t.Errorf("ByHeader(%q) = %q", ty.header(), got.Name)
		}
		if ty.Code != "" {
			if got, ok := ByCode(ty.Code); !ok || got.Name != ty.Name {
				t.Errorf("ByCode(%q) = %q", ty.Code, got.Name)
			}
		}
	}
	if most != MaxWords {
		t.Errorf("the longest name has %d words, MaxWords is %d", most, MaxWords)
	}
	if nd30 != 30 {
		t.Errorf("%d types marked ND30, want the 30 rows of Phụ lục III", nd30)
	}
}

// TestND30Table checks the ND30 types against the decree's own table
// (shared/data/nd30_2020, Phụ lục III mục I): names and codes.
func TestND30Table(t *testing.T) {
	f, err := os.Open(shared.Path(t, "data", "nd30_2020", "abbrev_document_types_nd30_2020_phuluc_III.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 31 {
		t.Fatalf("%d rows, want a header and 30", len(rows))
	}
	for _, row := range rows[1:] {
		name, code := row[2], row[3]
		name, _, _ = strings.Cut(name, " (") // "Nghị quyết (cá biệt)"
		got, ok := ByCode(code)
		if !ok || !got.ND30 || viet.Fold(got.Name) != viet.Fold(name) || got.Code != code {
			t.Errorf("ND 30 row %s %s %q: vocabulary has %+v", row[0], code, name, got)
		}
	}
}

// FuzzLeading checks that a type found at the start of s is named by the
// first words of s.
func FuzzLeading(f *testing.F) {
	for _, s := range []string{"Kế hoạch số 12", "chuong trinh hanh dong", "NGHỊ QUYẾT", "", "–", "Thông tư liên tịch"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ty, ok := Leading(s)
		if !ok {
			return
		}
		fold := strings.Join(strings.FieldsFunc(viet.Fold(s), func(r rune) bool { return !isWordRune(r) }), " ")
		for _, n := range append([]string{ty.Name}, ty.Aliases...) {
			if f := viet.Fold(n); fold == f || strings.HasPrefix(fold, f+" ") {
				return
			}
		}
		t.Fatalf("Leading(%q) = %q, which does not start %q", s, ty.Name, fold)
	})
}

// TestOf: a document's type is the one its type field names, else its
// title's; the field wins when both name one. Lines written for the test.
func TestOf(t *testing.T) {
	for _, tc := range []struct{ typ, title, want string }{
		{"Chương trình hành động", "", "Chương trình"},
		{"", "Kế hoạch triển khai Nghị quyết số 12/NQ-HĐND của HĐND tỉnh", "Kế hoạch"},
		{"Quyết định", "Kế hoạch phòng, chống thiên tai năm 2026", "Quyết định"},
		{"", "KẾ HOẠCH Tổ chức Hội khỏe Phù Đổng cấp huyện", "Kế hoạch"},
		{"", "Tin hoạt động của xã", ""},
		{"", "", ""},
	} {
		if got := Of(tc.typ, tc.title).Name; got != tc.want {
			t.Errorf("Of(%q, %q) = %q, want %q", tc.typ, tc.title, got, tc.want)
		}
	}
}
