package corpus

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestHead: a document's stored size is the length of its JSON, and its
// head is the document without its text, both read without decoding the
// text; an unknown ID is ErrNotFound.
func TestHead(t *testing.T) {
	s, err := OpenStore(t.TempDir(), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc := &Document{URL: "https://example.gov.vn/van-ban/1", Site: "example", Title: "Nghị quyết về chuyển đổi số", Published: "2023-01-18",
		Summary: "Trích yếu", Body: strings.Repeat("Điều 1. Phạm vi điều chỉnh.\n", 1000), Type: "Nghị quyết", Number: "154/NQ-CP",
		Issuer: "Chính phủ", Category: "Văn bản", Attachments: []string{"https://example.gov.vn/a.pdf"}}
	if _, err := s.Put(doc); err != nil {
		t.Fatal(err)
	}
	full, err := s.Get(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(full)
	n, err := s.DocSize(doc.ID)
	if err != nil || n != len(raw) {
		t.Errorf("DocSize = %d, %v; want %d (its JSON)", n, err, len(raw))
	}
	h, err := s.Head(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := *full
	want.Summary, want.Body, want.Attachments, want.FetchedAt = "", "", nil, time.Time{}
	if hj, wj := mustJSON(h), mustJSON(&want); hj != wj {
		t.Errorf("Head = %s\nwant %s", hj, wj)
	}
	for _, f := range []func(string) error{
		func(id string) error { _, err := s.DocSize(id); return err },
		func(id string) error { _, err := s.Head(id); return err },
	} {
		if err := f("missing"); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown ID: %v, want ErrNotFound", err)
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
