package search

import (
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
)

// TestMatchedTransmitted: which document of a file a search found — the
// first (none named), or a further one its cover slip transmits — by the
// numbers typed and the type, issuer and date filters. A file written
// for the test: decision 318/QĐ-UBND, then plans 57/KH-SNNMT and
// 58/KH-SNNMT of a Sở.
func TestMatchedTransmitted(t *testing.T) {
	d := &corpus.Document{Number: "318/QĐ-UBND", Type: "Quyết định", Issuer: "UBND tỉnh Phú An", Published: "2026-04-09",
		File: &corpus.FileInfo{Kind: "pdf", Transmitted: []corpus.Transmitted{
			{Number: "57/KH-SNNMT", Type: "Kế hoạch", Issuer: "Sở Nông nghiệp và Môi trường", Published: "2026-04-15"},
			{Number: "58/KH-SNNMT", Type: "Kế hoạch", Issuer: "Sở Nông nghiệp và Môi trường", Published: "2026-05-02"},
		}}}
	day := func(s string) time.Time { x, _ := time.Parse(time.DateOnly, s); return x }
	for _, tc := range []struct {
		name string
		q    string
		f    Filters
		want string // the number of the document named; "" none
	}{
		{"free text", "tập huấn đất đai", Filters{}, ""},
		{"the first's number", "318/QĐ-UBND", Filters{}, ""},
		{"the second's number", "57/KH-SNNMT", Filters{}, "57/KH-SNNMT"},
		{"the third's number, loosely", "58 KH SNNMT", Filters{}, "58/KH-SNNMT"},
		{"a partial number", "kh 58", Filters{}, "58/KH-SNNMT"},
		{"the plans' type", "đất đai", Filters{Type: "Kế hoạch"}, "57/KH-SNNMT"},
		{"the first's type", "đất đai", Filters{Type: "Quyết định"}, ""},
		{"the plans' issuer", "", Filters{Issuer: "Sở Nông nghiệp và Môi trường"}, "57/KH-SNNMT"},
		{"the third's date", "", Filters{From: day("2026-05-01"), To: day("2026-05-31")}, "58/KH-SNNMT"},
		{"a date all three miss", "", Filters{From: day("2026-06-01")}, ""},
		{"a range holding the first", "", Filters{To: day("2026-04-30")}, ""},
		{"the plans' type and the third's date", "", Filters{Type: "Kế hoạch", From: day("2026-05-02"), To: day("2026-05-02")}, "58/KH-SNNMT"},
		{"the site only", "", Filters{Site: "phuan"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := wantedOf(ParseQuery(tc.q), tc.f).matched(d)
			if (got == nil) != (tc.want == "") || (got != nil && got.Number != tc.want) {
				t.Errorf("matched %+v, want %q", got, tc.want)
			}
		})
	}
	// A further number read with a dot after a code no type has: the index
	// holds it under doctype.NumberKey's key (125/ubnd), the query typed as
	// written gives that key, and the hit must name the document by it too.
	dotted := &corpus.Document{Number: "318/QĐ-UBND", Type: "Quyết định", Issuer: "UBND tỉnh Phú An", Published: "2026-04-09",
		File: &corpus.FileInfo{Kind: "pdf", Transmitted: []corpus.Transmitted{
			{Number: "125/UBND.VX", Type: "Công văn", Issuer: "UBND huyện Đông Hà", Published: "2026-04-02"},
		}}}
	for _, q := range []string{"125/UBND.VX", "125/UBND"} {
		if got := wantedOf(ParseQuery(q), Filters{}).matched(dotted); got == nil || got.Number != "125/UBND.VX" {
			t.Errorf("%s: matched %+v, want 125/UBND.VX", q, got)
		}
	}
	// a further document whose stored number holds a dot after a code no
	// type has: the number field holds doctype.NumberKey's key (25/sxd),
	// and the hit names it for that key as typed (i26-rev-cite)
	form := &corpus.Document{Number: "319/QĐ-UBND", Type: "Quyết định",
		File: &corpus.FileInfo{Kind: "pdf", Transmitted: []corpus.Transmitted{
			{Number: "25/SXD.QLN", Type: "Công văn", Issuer: "Sở Xây dựng"},
		}}}
	for _, q := range []string{"25/SXD.QLN", "25/SXD"} {
		if got := wantedOf(ParseQuery(q), Filters{}).matched(form); got == nil || got.Number != "25/SXD.QLN" {
			t.Errorf("%q: matched %+v, want 25/SXD.QLN", q, got)
		}
	}
	plain := &corpus.Document{Number: "57/KH-SNNMT", Type: "Kế hoạch"}
	if got := wantedOf(ParseQuery("57/KH-SNNMT"), Filters{Type: "Quyết định"}).matched(plain); got != nil {
		t.Errorf("a document without further ones: matched %+v", got)
	}
}
