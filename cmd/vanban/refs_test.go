package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/demo"
)

// demoData stores the demo portal's ground truth in a data directory.
func demoData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := corpus.OpenStore(dir, false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, a := range demo.Articles() {
		d := &corpus.Document{URL: "http://demo.test" + a.Path, Title: a.Title, Published: a.Published, Body: a.Body,
			Type: a.Type, Number: a.Number, Issuer: a.Issuer}
		if _, err := s.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runStdin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestRefsParse(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Thực hiện Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ.",
			`[{"text":"Nghị quyết số 154/NQ-CP ngày 23/11/2022 của Chính phủ","type":"Nghị quyết","key":"154/NQ-CP","number":"154","year":2022,"issuer":"Chính phủ","date":"2022-11-23"}]`},
		{"Kế hoạch 45/KH-UBND", `[{"text":"Kế hoạch 45/KH-UBND","type":"Kế hoạch","key":"45/KH-UBND","number":"45","year":0,"issuer":"UBND","date":""}]`},
		{"không có số hiệu nào", `[]`},
	}
	for _, tt := range tests {
		code, out, stderr := runStdin(t, tt.in, "refs", "--parse", "-")
		if code != 0 {
			t.Fatalf("refs --parse: exit %d: %s", code, stderr)
		}
		var got, want any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("refs --parse %q: %v: %s", tt.in, err, out)
		}
		json.Unmarshal([]byte(tt.want), &want)
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if !bytes.Equal(g, w) {
			t.Errorf("refs --parse %q =\n%s\nwant\n%s", tt.in, g, w)
		}
	}
}

func TestRefsAndLinks(t *testing.T) {
	data := demoData(t)
	tests := []struct {
		args []string
		code int
		want []string // substrings of stdout (or stderr when code != 0)
	}{
		{[]string{"refs", "154/NQ-CP"}, 0, []string{"documents with this number (1)", "236/KH-UBND", "113/CTr-TU"}},
		{[]string{"refs", "--json", "24-NQ/TW"}, 0, []string{`"lookup_key": "24-nq/tw"`, `"documents": []`, `"number": "154/NQ-CP"`}},
		{[]string{"refs", "nghị quyết"}, 1, []string{"neither a stored document ID nor a document number"}},
		{[]string{"refs"}, 2, []string{"Usage: vanban refs"}},
		{[]string{"links", "45/KH-UBND"}, 0, []string{"implements 57-NQ/TW", "II.1.a    → 57-NQ/TW II.1", "III.r5", "[Văn phòng UBND tỉnh; Năm 2025]"}},
		{[]string{"links", "57-NQ/TW"}, 0, []string{"plans citing it: ", "21-CTr/TU", "uncovered: II.7"}},
		{[]string{"links", "12/2023/NQ-HĐND"}, 0, []string{"uncovered: none"}},
		{[]string{"links", "1579/QĐ-UBND"}, 1, []string{"neither a plan"}},
		{[]string{"links", "999/KH-UBND"}, 1, []string{"no document"}},
	}
	for _, tt := range tests {
		code, out, stderr := runStdin(t, "", append([]string{"--data", data}, tt.args...)...)
		text := out
		if tt.code != 0 {
			text = stderr
		}
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.code, stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, text)
			}
		}
	}
}

func TestRefsDocJSON(t *testing.T) {
	data := demoData(t)
	code, out, stderr := runStdin(t, "", "--data", data, "links", "--json", "236/KH-UBND")
	if code != 0 {
		t.Fatalf("links: exit %d: %s", code, stderr)
	}
	var pl corpus.PlanLinks
	if err := json.Unmarshal([]byte(out), &pl); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = runStdin(t, "", "--data", data, "refs", "--json", pl.ID)
	if code != 0 {
		t.Fatalf("refs: exit %d: %s", code, stderr)
	}
	var d docRefsJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	keys := map[string]int{}
	for _, r := range d.Refs {
		keys[r.Key] = len(r.DocIDs)
	}
	if keys["154/NQ-CP"] != 1 || keys["24-NQ/TW"] != 0 || len(d.CitedBy) == 0 || d.Number != "236/KH-UBND" {
		t.Errorf("refs --json %s: refs %v, cited by %d", pl.ID, keys, len(d.CitedBy))
	}
}

// TestLinksAfterCrawl checks that a crawled portal (extracted bodies, the
// graph built by the crawl's Puts) links exactly like its ground truth.
func TestLinksAfterCrawl(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo portal")
	}
	portal := httptest.NewServer(demo.Handler())
	defer portal.Close()
	crawled, truth := t.TempDir(), demoData(t)
	if code, _, stderr := runCmd(t, "--data", crawled, "crawl", "--config", writeDemoConfig(t, portal.URL)); code != 0 {
		t.Fatalf("crawl: %s", stderr)
	}
	for _, n := range []string{"45/KH-UBND", "21-CTr/TU", "236/KH-UBND", "113/CTr-TU", "178/KH-UBND", "112/KH-UBND", "57-NQ/TW", "154/NQ-CP", "12/2023/NQ-HĐND"} {
		_, got, _ := runCmd(t, "--data", crawled, "links", n)
		_, want, _ := runCmd(t, "--data", truth, "links", n)
		if got != want || want == "" {
			t.Errorf("links %s after a crawl:\n%s\nwant (ground truth):\n%s", n, got, want)
		}
	}
}
