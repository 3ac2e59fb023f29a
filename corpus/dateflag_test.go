package corpus

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestDateAmbiguousFlag: the flag is part of the stored document (and so
// of the API's /api/documents/{id}), changes the content hash only when
// set, and a document whose date is later settled is a change.
func TestDateAmbiguousFlag(t *testing.T) {
	d := &Document{URL: "https://so.example.gov.vn/tin/1", Title: "Thông báo", Body: "Nội dung thông báo."}
	plain := d.contentHash()
	d.DateAmbiguous = true
	flagged := d.contentHash()
	if plain == flagged {
		t.Error("the flag does not change the content hash")
	}
	b, _ := json.Marshal(d)
	if !strings.Contains(string(b), `"date_ambiguous":true`) {
		t.Errorf("JSON lacks the flag: %s", b)
	}
	d.DateAmbiguous = false
	if b, _ := json.Marshal(d); strings.Contains(string(b), "date_ambiguous") || d.contentHash() != plain {
		t.Errorf("an unflagged document: %s, hash changed", b)
	}

	s, err := OpenStore(t.TempDir(), false, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d.DateAmbiguous = true
	if ch, err := s.Put(d); err != nil || ch != New {
		t.Fatalf("put: %v %v", ch, err)
	}
	settled := *d
	settled.DateAmbiguous, settled.Published = false, "2024-05-06"
	if ch, err := s.Put(&settled); err != nil || ch != Changed {
		t.Errorf("settling the date: %v %v, want changed", ch, err)
	}
	got, err := s.Get(d.ID)
	if err != nil || got.DateAmbiguous || got.Published != "2024-05-06" {
		t.Errorf("stored %+v, %v", got, err)
	}
}
