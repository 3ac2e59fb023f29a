package app

import (
	"slices"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus/deadline"
	"github.com/vanban/vanban/search"
	"github.com/vanban/vanban/tasks"
)

// FuzzTaskWire: a tasks filter and the CSV's row limit reach the server
// as they were given (taskValues → taskFilter), whatever the text typed.
func FuzzTaskWire(f *testing.F) {
	f.Add("sở xây dựng", "31", "Đ2.3", "kh 88", "2025-01-01", "30/6/2026", "date", "", "plan", true, false, 1, 50, 0)
	f.Add("", "", "", "", "", "", "", "a&b=c", "", false, true, 0, 0, 7)
	f.Fuzz(func(t *testing.T, agency, parent, passage, plan, from, to, kind, site, sort string, partners, best bool, offset, limit, rows int) {
		in := tasks.Filter{Agency: agency, Parent: parent, Passage: passage, Plan: plan, From: from, To: to, Kind: deadline.Kind(kind),
			Site: site, Sort: sort, Partners: partners, Best: best, Offset: max(offset, 0), Limit: max(limit, 0)}
		out, gotRows, err := taskFilter(taskValues(in, max(rows, 0)))
		if err != nil {
			t.Fatalf("%+v: %v", in, err)
		}
		if out != in || gotRows != max(rows, 0) {
			t.Fatalf("sent %+v rows %d, read %+v rows %d", in, max(rows, 0), out, gotRows)
		}
	})
}

// FuzzSearchWire: a search's options reach the server as given.
func FuzzSearchWire(f *testing.F) {
	f.Add("nghị quyết \"chuyển đổi số\" -covid", "Quyết định", "UBND tỉnh", "binhduong", "exam", 10, int64(1735689600), int64(0), true, false, true)
	f.Add("", "", "", "", "", 0, int64(-1), int64(1<<40), false, true, false)
	f.Fuzz(func(t *testing.T, q, typ, issuer, site, profile string, limit int, from, to int64, inForce, allCopies, anyWord bool) {
		day := func(s int64) time.Time { // a date the command line reads: YYYY-MM-DD, years 1–9999
			if s <= 0 {
				return time.Time{}
			}
			return time.Unix(s%253402214400, 0).UTC()
		}
		in := SearchOptions{Query: q, Limit: limit, Profile: profile, Filters: search.Filters{Type: typ, Issuer: issuer, Site: site, From: day(from), To: day(to), InForce: inForce},
			AllCopies: allCopies, AnyWord: anyWord}
		out, err := searchOptions(searchValues(in))
		if err != nil {
			t.Fatalf("%+v: %v", in, err)
		}
		if out.Query != in.Query || out.Limit != in.Limit || out.Profile != in.Profile || out.Filters.Type != typ || out.Filters.Issuer != issuer ||
			out.Filters.Site != site || !out.Filters.From.Equal(in.Filters.From) || !out.Filters.To.Equal(in.Filters.To) || out.Filters.InForce != inForce ||
			out.AllCopies != allCopies || out.AnyWord != anyWord {
			t.Fatalf("sent %+v, read %+v", in, out)
		}
	})
}

// FuzzNotesWire: the stderr notes of a streamed answer survive their header.
func FuzzNotesWire(f *testing.F) {
	f.Add("“2530” là 2530/QĐ-TTg", "“45” là 45/KH-UBND")
	f.Add("a&b", "%zz\r\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		in := []string{a, b}
		if got := readNotes(joinNotes(in)); !slices.Equal(got, in) {
			t.Fatalf("sent %q, read %q", in, got)
		}
	})
}
