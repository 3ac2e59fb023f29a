package corpus

import (
	"strings"
	"testing"
)

// TestPartMeta reads article lines with metadata (the layout of the ALQAC
// sets, here with lines of Luật Thư viện and Luật Lưu trữ written for the
// test): the title gains its heading once, the law becomes PartOf, and a
// line without metadata is left as it is.
func TestPartMeta(t *testing.T) {
	in := `{"_id":"tv-20","title":"Thư viện cộng đồng","text":"Thư viện cộng đồng được thành lập tại khu dân cư.","metadata":{"law":"Luật Thư viện","article":"20"}}
{"_id":"lt-9","title":"Điều 9. Thu thập hồ sơ","text":"Hồ sơ được thu thập vào lưu trữ cơ quan.","metadata":{"law":"01/2011/QH13","article":"9"}}
{"_id":"news","title":"Khai trương thư viện xã","text":"Xã khai trương thư viện."}
`
	var got []*Document
	if err := ReadJSONL(strings.NewReader(in), func(d *Document, _ int) error { got = append(got, d); return nil }); err != nil {
		t.Fatal(err)
	}
	want := []struct{ title, part string }{
		{"Điều 20. Thư viện cộng đồng", "Luật Thư viện"},
		{"Điều 9. Thu thập hồ sơ", "01/2011/QH13"},
		{"Khai trương thư viện xã", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("%d documents, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Title != w.title || got[i].PartOf != w.part {
			t.Errorf("%s: title %q, part of %q; want %q, %q", got[i].ID, got[i].Title, got[i].PartOf, w.title, w.part)
		}
	}
	// PartOf is part of the content: a re-import that adds it is a change.
	a, b := *got[0], *got[0]
	b.PartOf = ""
	if a.contentHash() == b.contentHash() {
		t.Error("PartOf does not change the content hash")
	}
}
