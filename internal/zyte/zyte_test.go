package zyte

import (
	"testing"

	"github.com/vanban/vanban/internal/shared"
)

func TestPrecisionRecall(t *testing.T) {
	tests := []struct {
		pred, truth string
		p, r        float64
	}{
		{"a b c d e", "a b c d e", 1, 1},
		{"a b c d e f", "a b c d e", 2.0 / 3, 1},
		{"", "a b c d", 0, 0},
		{"", "", 1, 1},
		{"Nghị quyết số một hai", "Nghị quyết số một", 0.5, 1},
		// A combining mark splits a word, as Python's \w does.
		{"Nghi\u0323 quyê\u0301t số một", "Nghi\u0323 quyê\u0301t số một", 1, 1},
		{"Nghi\u0323 quyết số một", "Nghị quyết số một", 0, 0},
	}
	for _, tt := range tests {
		p, r := PrecisionRecall(tt.pred, tt.truth)
		if p != tt.p || r != tt.r {
			t.Errorf("PrecisionRecall(%q, %q) = %v, %v; want %v, %v", tt.pred, tt.truth, p, r, tt.p, tt.r)
		}
	}
}

func TestLoad(t *testing.T) {
	pages, err := Load(shared.Path(t, "data", "zyte-extraction"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 181 {
		t.Errorf("%d pages, want the benchmark's 181", len(pages))
	}
	for i, pg := range pages {
		if pg.ID == "" || pg.URL == "" || len(pg.HTML) == 0 || i > 0 && pages[i-1].ID >= pg.ID {
			t.Fatalf("page %d: %q %q, %d bytes of HTML (pages sorted by ID)", i, pg.ID, pg.URL, len(pg.HTML))
		}
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("Load of an empty directory: no error")
	}
}
