package indexer

import (
	"reflect"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestFieldsTransmitted: a file whose cover slip transmits further
// documents is filed under each one's number, type, issuer and year, the
// further dates in FieldPublishedAlso and its own number's key in
// FieldNumberOwn; a document without any keeps its single values and no
// new field (so no other document's index changes). Documents written for
// the test.
func TestFieldsTransmitted(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	slip := func(ts ...corpus.Transmitted) *corpus.Document {
		return &corpus.Document{ID: "f1", Title: "Quyết định số 318/QĐ-UBND", Number: "318/QĐ-UBND", Type: "Quyết định",
			Issuer: "UBND tỉnh Phú An", Published: "2026-04-09", File: &corpus.FileInfo{Kind: "docx", Transmitted: ts}}
	}
	plan := corpus.Transmitted{Number: "57/KH-SNNMT", Type: "Kế hoạch", Issuer: "Sở Nông nghiệp và Môi trường", Published: "2025-12-30"}
	sameDay := corpus.Transmitted{Number: "319/QĐ-UBND", Type: "Quyết định", Issuer: "UBND tỉnh Phú An", Published: "2026-04-09"}
	noOwn := slip(plan)
	noOwn.Number = ""
	for _, tc := range []struct {
		name string
		d    *corpus.Document
		want map[string]any // the fields checked; nil: absent
	}{
		{"a file without further documents", slip(), map[string]any{
			FieldNumber: "318/QĐ-UBND", FieldNumberOwn: nil, FieldType: "Quyết định", FieldIssuer: "UBND tỉnh Phú An",
			FieldPublished: day("2026-04-09"), FieldPublishedAlso: nil, FieldYear: 2026.0}},
		{"a slip over a decision and another issuer's plan of the year before", slip(plan), map[string]any{
			FieldNumber: []string{"318/QĐ-UBND", "57/KH-SNNMT"}, FieldNumberOwn: "318/qd-ubnd",
			FieldType: []string{"Quyết định", "Kế hoạch"}, FieldIssuer: []string{"UBND tỉnh Phú An", "Sở Nông nghiệp và Môi trường"},
			FieldPublished: day("2026-04-09"), FieldPublishedAlso: []time.Time{day("2025-12-30")}, FieldYear: []float64{2026, 2025}}},
		{"two decisions of one issuer and day", slip(sameDay), map[string]any{
			FieldNumber: []string{"318/QĐ-UBND", "319/QĐ-UBND"}, FieldNumberOwn: "318/qd-ubnd",
			FieldType: "Quyết định", FieldIssuer: "UBND tỉnh Phú An",
			FieldPublished: day("2026-04-09"), FieldPublishedAlso: nil, FieldYear: 2026.0}},
		{"the same number transmitted again (a copy in the file)", slip(corpus.Transmitted{Number: "318/QĐ-UBND", Type: "Quyết định"}), map[string]any{
			FieldNumber: "318/QĐ-UBND", FieldNumberOwn: nil, FieldType: "Quyết định"}},
		{"the first document's number unread", noOwn, map[string]any{
			FieldNumber: []string{"57/KH-SNNMT"}, FieldNumberOwn: NoOwnNumber}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Fields(tc.d)
			for name, want := range tc.want {
				got, ok := f[name]
				if want == nil {
					if ok {
						t.Errorf("%s = %#v, want none", name, got)
					}
					continue
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %#v, want %#v", name, got, want)
				}
			}
		})
	}
}
