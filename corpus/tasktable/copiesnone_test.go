package tasktable

import (
	"testing"

	"github.com/vanban/vanban/corpus/link"
)

// TestSameDocumentNoTasks: documents implementing a parent without tasks
// (a circular of rates, a decision approving forms) have no task to tell
// their copies apart: an article and the file it wraps are one, and so
// are a page and a file of one date and site; another year's, another
// site's or a file with tasks of its own stays apart.
func TestSameDocumentNoTasks(t *testing.T) {
	doc := func(id, number, date, site, file, parent string) *TaskDoc {
		return &TaskDoc{DocRef: link.DocRef{ID: id, Number: number, File: file}, Published: date, Site: site, Parent: parent}
	}
	tests := []struct {
		name   string
		a, b   *TaskDoc
		at, bt []string
		want   bool
	}{
		{"circular and the file it wraps", doc("art", "09/2031/TT-BNV", "2031-07-01", "bo", "", ""), doc("f", "09/2031/TT-BNV", "2031-06-28", "bo", "tt09.pdf", "art"), nil, nil, true},
		{"decision and its file, one date", doc("a", "1520/QĐ-BYT", "2030-04-02", "byt", "", ""), doc("f", "1520/QĐ-BYT", "2030-04-02", "byt", "qd1520.pdf", "x"), nil, nil, true},
		{"another year's file", doc("a", "15/QĐ-UBND", "2030-04-02", "tinh", "", ""), doc("f", "15/QĐ-UBND", "2031-01-09", "tinh", "qd15.pdf", "x"), nil, nil, false},
		{"another site's file", doc("a", "15/QĐ-UBND", "2030-04-02", "tinh1", "", ""), doc("f", "15/QĐ-UBND", "2030-04-02", "tinh2", "qd15.pdf", "x"), nil, nil, false},
		{"a file with tasks of its own", doc("art", "09/2031/TT-BNV", "2031-07-01", "bo", "", ""), doc("f", "09/2031/TT-BNV", "2031-07-01", "bo", "pl.pdf", "art"), nil, []string{"PL.r1"}, false},
	}
	for _, tt := range tests {
		if got := SameDocument(tt.a, tt.b, idKeys(tt.at), idKeys(tt.bt)); got != tt.want {
			t.Errorf("%s: SameDocument = %v, want %v", tt.name, got, tt.want)
		}
	}
}
