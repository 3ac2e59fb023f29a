package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/crawler"
)

// TestDescribeBoundedLists: status names at most maxDeadLines dead files
// or suspects, then how many more and the report field listing them all;
// nothing for none.
func TestDescribeBoundedLists(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	if describeDead(nil) != "" || describeSuspects(nil) != "" {
		t.Fatal("an empty list gave a block")
	}
	var dead []crawler.DeadFile
	var sus []crawler.Suspect
	for i := range maxDeadLines + 3 {
		dead = append(dead, crawler.DeadFile{URL: fmt.Sprintf("https://so.example.vn/f/%d.pdf", i), Article: "https://so.example.vn/a/1",
			Status: 404, Since: day, LastAsked: day.AddDate(0, 0, 7)})
		sus = append(sus, crawler.Suspect{URL: fmt.Sprintf("https://so.example.vn/tin/%d", i), DocID: fmt.Sprintf("d%d", i), Since: day, Runs: 2,
			LastAsked: day.AddDate(0, 0, 1)})
	}
	for _, c := range []struct {
		name, got, head, first, more string
	}{
		{"dead", describeDead(dead), "dead attachments: 53, still linked",
			"  https://so.example.vn/f/0.pdf  HTTP 404 since 2026-12-01, last asked 2026-12-08; article https://so.example.vn/a/1\n",
			"  … and 3 more (vanban crawl --report lists them: dead_files)\n"},
		{"suspects", describeSuspects(sus), "suspected documents: 53, kept",
			"  https://so.example.vn/tin/0  since 2026-12-01, 2 runs in a row; doc d0; last asked 2026-12-02\n",
			"  … and 3 more (vanban crawl --report lists them: suspects)\n"},
	} {
		lines := strings.SplitAfter(c.got, "\n")
		if !strings.HasPrefix(c.got, c.head) || len(lines) != maxDeadLines+3 || lines[1] != c.first || lines[maxDeadLines+1] != c.more {
			t.Errorf("%s: %d lines, head %q, first %q, more %q", c.name, len(lines), lines[0], lines[1], lines[len(lines)-2])
		}
	}
	// a suspect recorded before runs kept the date it was last asked
	old := describeSuspects([]crawler.Suspect{{URL: "https://so.example.vn/tin/9", DocID: "d9", Since: day, Runs: 1}})
	if want := "  https://so.example.vn/tin/9  since 2026-12-01, 1 runs in a row; doc d9\n"; !strings.HasSuffix(old, want) {
		t.Errorf("suspect without a last ask: %q, want it to end %q", old, want)
	}
}
