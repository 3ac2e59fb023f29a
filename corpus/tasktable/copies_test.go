package tasktable

import (
	"slices"
	"testing"

	"github.com/vanban/vanban/corpus/link"
)

// TestSameDocument: the copy rule on documents described for the test — a
// ministry's circular on two portals, a district's plan number reused by
// another district or another year, an article and the PDF it wraps, an
// annex file carrying its decision's number.
func TestSameDocument(t *testing.T) {
	doc := func(id, number, date, site, file, parent string) *TaskDoc {
		return &TaskDoc{DocRef: link.DocRef{ID: id, Number: number, File: file}, Published: date, Site: site, Parent: parent}
	}
	plan := []string{"I.1", "I.2", "II.1", "II.2"}
	tests := []struct {
		name   string
		a, b   *TaskDoc
		at, bt []string
		want   bool
	}{
		{"one circular, two portals", doc("a", "12/2027/TT-BNV", "2027-03-01", "bo", "", ""), doc("b", "12/2027/TT-BNV", "", "tinh", "", ""), plan, plan[:1], false},
		{"one circular, one portal, a copy undated", doc("a", "12/2027/TT-BNV", "2027-03-01", "bo", "", ""), doc("b", "12/2027/TT-BNV", "", "bo", "", ""), plan, nil, true},
		{"number spelled apart", doc("a", "Số 21/KH-UBND", "2025-02-03", "", "", ""), doc("b", "21/KH-ubnd", "2025-02-03", "", "", ""), plan, plan, true},
		{"another district's plan", doc("a", "21/KH-UBND", "2025-02-03", "huyen1", "", ""), doc("b", "21/KH-UBND", "2025-02-03", "huyen2", "", ""), plan, plan, false},
		{"another year", doc("a", "21/KH-UBND", "2025-02-03", "", "", ""), doc("b", "21/KH-UBND", "2026-01-10", "", "", ""), plan, plan, false},
		{"another number", doc("a", "21/KH-UBND", "", "", "", ""), doc("b", "22/KH-UBND", "", "", "", ""), plan, plan, false},
		{"no number", doc("a", "", "", "", "", ""), doc("b", "", "", "", "", ""), plan, plan, false},
		{"article and the file it wraps, dated apart", doc("art", "88/KH-UBND", "2025-05-10", "tinh", "", ""), doc("f", "88/KH-UBND", "2025-05-09", "tinh", "kh88.pdf", "art"), plan, plan[:3], true},
		{"article and an annex of its own tasks", doc("art", "88/KH-UBND", "2025-05-10", "tinh", "", ""), doc("f", "88/KH-UBND", "2025-05-10", "tinh", "pl.pdf", "art"), plan, []string{"PL.r1", "PL.r2", "I.1"}, false},
		{"file of another article, same date and site", doc("a", "88/KH-UBND", "2025-05-10", "tinh", "", ""), doc("f", "88/KH-UBND", "2025-05-10", "tinh", "kh88.pdf", "x"), plan, plan, true},
		{"file of another article, dated apart", doc("a", "88/KH-UBND", "2025-05-10", "tinh", "", ""), doc("f", "88/KH-UBND", "2025-05-09", "tinh", "kh88.pdf", "x"), plan, plan, false},
		{"file without tasks read", doc("art", "88/KH-UBND", "", "", "", ""), doc("f", "88/KH-UBND", "", "", "kh88.pdf", "art"), plan, nil, false},
	}
	for _, tt := range tests {
		at, bt := idKeys(tt.at), idKeys(tt.bt)
		if got := SameDocument(tt.a, tt.b, at, bt); got != tt.want {
			t.Errorf("%s: SameDocument = %v, want %v", tt.name, got, tt.want)
		}
		if got := SameDocument(tt.b, tt.a, bt, at); got != tt.want {
			t.Errorf("%s (swapped): SameDocument = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCopiesKeepsFullest: of the copies of one document the one with the
// most tasks lists them, on a tie the article before its file; another
// document of the number stays.
func TestCopiesKeepsFullest(t *testing.T) {
	docs := []*TaskDoc{
		{DocRef: link.DocRef{ID: "f", Number: "88/KH-UBND", File: "kh88.pdf"}, Parent: "art"},
		{DocRef: link.DocRef{ID: "art", Number: "88/KH-UBND"}},
		{DocRef: link.DocRef{ID: "short", Number: "88/KH-UBND"}},
		{DocRef: link.DocRef{ID: "other", Number: "88/KH-UBND"}, Site: "huyen"},
	}
	tasks := [][]string{{"I.1", "I.2"}, {"I.1", "I.2"}, {"I.1"}, {"I.1", "I.2", "I.3"}}
	got := Copies(len(docs), func(i int) *TaskDoc { return docs[i] }, func(i int) []TaskKey { return idKeys(tasks[i]) })
	// "other" (most tasks) is kept; "art" is its copy (no site known), so
	// is "short" and the file
	if want := []int{3, 3, 3, -1}; !slices.Equal(got, want) {
		t.Errorf("Copies = %v, want %v", got, want)
	}
	docs[3].Published, docs[1].Published = "2026-01-01", "2025-05-10"
	got = Copies(len(docs), func(i int) *TaskDoc { return docs[i] }, func(i int) []TaskKey { return idKeys(tasks[i]) })
	// the file goes with the article it wraps; the undated short copy with
	// the first kept one it may be (the fullest)
	if want := []int{1, -1, 3, -1}; !slices.Equal(got, want) {
		t.Errorf("dated apart: Copies = %v, want %v", got, want)
	}
}

// idKeys are task keys of IDs only (no text read).
func idKeys(ids []string) []TaskKey {
	var keys []TaskKey
	for _, id := range ids {
		keys = append(keys, TaskKey{ID: id})
	}
	return keys
}
