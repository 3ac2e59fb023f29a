package corpus

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// readAll reads JSON Lines with opt and returns the documents and the
// warnings as "line:kind".
func readAll(t *testing.T, in string, opt JSONLOptions) ([]*Document, []string) {
	t.Helper()
	var warns []string
	opt.Warn = func(w JSONLWarning) { warns = append(warns, fmt.Sprintf("%d:%s", w.Line, w.Kind)) }
	var docs []*Document
	err := ReadJSONLOptions(strings.NewReader(in), opt, func(d *Document, _ int) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatalf("ReadJSONLOptions: %v", err)
	}
	return docs, warns
}

// TestJSONLByteOrderMark: a file saved with a BOM (Notepad, Excel) failed
// on its first line ("invalid character 'ï'").
func TestJSONLByteOrderMark(t *testing.T) {
	docs, warns := readAll(t, "\xEF\xBB\xBF"+`{"_id":"a","title":"Chỉ thị số 05/CT-UBND","text":"Tăng cường kỷ luật."}`+"\n", JSONLOptions{})
	if len(docs) != 1 || docs[0].ID != "a" || len(warns) != 0 {
		t.Errorf("BOM file: %d docs, warnings %v", len(docs), warns)
	}
}

// TestJSONLPublished: dates in other forms were stored as given and the
// document vanished from every date filter.
func TestJSONLPublished(t *testing.T) {
	parse := func(s string) string { // stands for the extractor's parser
		if s == "23/11/2022" || s == "2022-11-23T10:00:00Z" {
			return "2022-11-23"
		}
		return ""
	}
	for _, tc := range []struct {
		in, want string
		warn     bool
	}{
		{"2022-11-23", "2022-11-23", false},
		{" 2022-11-23 ", "2022-11-23", false},
		{"", "", false},
		{"23/11/2022", "2022-11-23", false},
		{"2022-11-23T10:00:00Z", "2022-11-23", false},
		{"2022-02-30", "", true},
		{"hôm qua", "", true},
	} {
		line := fmt.Sprintf(`{"_id":"d","title":"Thông báo","text":"Nội dung.","published":%q}`, tc.in)
		docs, warns := readAll(t, line, JSONLOptions{Date: parse})
		if docs[0].Published != tc.want || (len(warns) == 1) != tc.warn || tc.warn && warns[0] != "1:date" {
			t.Errorf("published %q → %q, warnings %v; want %q, warning %v", tc.in, docs[0].Published, warns, tc.want, tc.warn)
		}
	}
	if docs, warns := readAll(t, `{"_id":"d","text":"x","published":"23/11/2022"}`, JSONLOptions{}); docs[0].Published != "" || len(warns) != 1 {
		t.Errorf("without a date reader: %q, %v", docs[0].Published, warns)
	}
}

// TestJSONLLimits: a document over the text limit is kept cut at a
// sentence with its size recorded; a line over the line limit is skipped
// and the lines after it still read, numbered right.
func TestJSONLLimits(t *testing.T) {
	sentence := "Ủy ban nhân dân các huyện, thị xã triển khai thực hiện nghiêm túc. "
	long := strings.Repeat(sentence, 3000) // about 230 KB
	in := fmt.Sprintf(`{"_id":"long","title":"Kế hoạch","text":%q}`, long) + "\n" +
		fmt.Sprintf(`{"_id":"huge","title":"x","text":%q}`, strings.Repeat("a", 600_000)) + "\n" +
		`{"_id":"short","title":"Tin","text":"Ngắn."}` + "\n"
	docs, warns := readAll(t, in, JSONLOptions{MaxText: 100_000, MaxLine: 500_000})
	if len(docs) != 2 || docs[0].ID != "long" || docs[1].ID != "short" {
		t.Fatalf("got %d docs", len(docs))
	}
	if strings.Join(warns, " ") != "1:truncated 2:refused" {
		t.Errorf("warnings %v, want 1:truncated 2:refused", warns)
	}
	d := docs[0]
	if n := len(d.Title) + len(d.Body); n > 100_000 || n < 75_000 || !strings.HasSuffix(d.Body, "nghiêm túc.") || d.Truncated != len("Kế hoạch")+len(viet.Clean(long)) {
		t.Errorf("cut document: %d bytes, ends %q, Truncated %d", n, d.Body[len(d.Body)-20:], d.Truncated)
	}
	if docs[1].Truncated != 0 {
		t.Errorf("a short document is marked truncated")
	}
}

func TestCutAt(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"Điều 1. Phạm vi.\n\nĐiều 2. Đối tượng áp dụng.", 30, "Điều 1. Phạm vi."},
		{"Điều 1. Phạm vi điều chỉnh. Điều 2", 36, "Điều 1. Phạm vi điều"},
		{"Điều 1. Phạm vi điều chỉnh. Điều 2", 40, "Điều 1. Phạm vi điều chỉnh."},
		{"ngắn", 10, "ngắn"},
		{"đđđđđ", 5, "đđ"}, // never inside a rune
		{"Quyết định ban hành kèm theo", 28, "Quyết định ban hành"},
	} {
		if got := cutAt(tc.in, tc.n, true); got != tc.want {
			t.Errorf("cutAt(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// FuzzReadJSONL: any input reads without a panic, and every document
// kept is within the limit, in valid UTF-8.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte("\xEF\xBB\xBF" + `{"_id":"a","title":"Nghị quyết","text":"Điều 1. Ban hành.","published":"23/11/2022"}` + "\n\n{}"))
	f.Add([]byte(`{"url":"https://a.example/1","text":"` + strings.Repeat("Khoản 1. ", 40) + `"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ReadJSONLOptions(strings.NewReader(string(b)), JSONLOptions{MaxText: 64, MaxLine: 512}, func(d *Document, _ int) error {
			if n := len(d.Title) + len(d.Summary) + len(d.Body); n > 64 {
				t.Errorf("document of %d bytes kept over the limit of 64", n)
			}
			if !utf8.ValidString(d.Title) || !utf8.ValidString(d.Body) {
				t.Errorf("invalid UTF-8 kept: %q %q", d.Title, d.Body)
			}
			return nil
		})
	})
}
