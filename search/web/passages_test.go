package web

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vanban/vanban/tasks"
)

// passageView is what a parent's page shows of each passage: its first
// tasks ("planID taskID") and how many implement it.
type passageView struct {
	first map[string][]string
	count map[string]int
}

var (
	passageCard  = regexp.MustCompile(`<div class="meta"><a href="/doc/([0-9a-f]+)">[^<]*</a> ([^ <]+)`)
	passageCount = regexp.MustCompile(`>(\d+) nhiệm vụ thực hiện`)
)

// pagePassages reads the passages of a parent's page.
func pagePassages(page string) passageView {
	v := passageView{first: map[string][]string{}, count: map[string]int{}}
	chunks := strings.Split(page, `<li class="passage" id="p-`)
	for _, c := range chunks[1:] {
		if i := strings.Index(c, "</ol>"); i >= 0 {
			c = c[:i]
		}
		id := c[:strings.IndexByte(c, '"')]
		for _, m := range passageCard.FindAllStringSubmatch(c, -1) {
			v.first[id] = append(v.first[id], m[1]+" "+m[2])
		}
		switch m := passageCount.FindStringSubmatch(c); {
		case strings.Contains(c, "— chưa có nhiệm vụ thực hiện"):
			v.count[id] = 0
		case m != nil:
			v.count[id], _ = strconv.Atoi(m[1])
		default:
			v.count[id] = len(v.first[id])
		}
	}
	return v
}

// wantPassages is what the page of parent should show of each passage,
// from the tasks view (every task implementing it, in the page's order,
// SortPlan): a task is its first link's to parent; the first
// maxPassageTasks of each passage, and how many.
func wantPassages(t *testing.T, fetch func(u string) string, parent string) passageView {
	t.Helper()
	v := passageView{first: map[string][]string{}, count: map[string]int{}}
	for page := 1; ; page++ {
		var res tasks.Result
		u := "/api/tasks?" + url.Values{"parent": {parent}, "sort": {"plan"}, "size": {"500"}, "page": {strconv.Itoa(page)}}.Encode()
		if err := json.Unmarshal([]byte(fetch(u)), &res); err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Tasks {
			for _, l := range r.Links {
				if l.DocID != parent {
					continue
				}
				if v.count[l.Passage]++; len(v.first[l.Passage]) < maxPassageTasks {
					v.first[l.Passage] = append(v.first[l.Passage], r.Plan.ID+" "+r.ID)
				}
				break
			}
		}
		if page*500 >= res.Total {
			return v
		}
	}
}

// checkPassages compares the passages of the page of parent with the
// tasks view's: every passage with tasks is on the page with its first
// tasks and its count.
func checkPassages(t *testing.T, page string, fetch func(u string) string, parent string) passageView {
	t.Helper()
	got, want := pagePassages(page), wantPassages(t, fetch, parent)
	for p, n := range want.count {
		if got.count[p] != n || !slices.Equal(got.first[p], want.first[p]) {
			t.Errorf("passage %s: %d tasks, the first %v; want %d, the first %v", p, got.count[p], got.first[p], n, want.first[p])
		}
	}
	for p, n := range got.count {
		if n > 0 && want.count[p] == 0 {
			t.Errorf("passage %s: %d tasks on the page, none in the tasks view", p, n)
		}
		// The passage's link to the rest ("N nhiệm vụ thực hiện đoạn
		// này", the tasks view filtered by the passage) lists the N
		// tasks the page counts, its first those the page shows.
		var res tasks.Result
		u := "/api/tasks?" + url.Values{"parent": {parent}, "passage": {p}, "best": {"1"}, "sort": {"plan"}, "size": {strconv.Itoa(maxPassageTasks)}}.Encode()
		if err := json.Unmarshal([]byte(fetch(u)), &res); err != nil {
			t.Fatal(err)
		}
		var first []string
		for _, r := range res.Tasks {
			first = append(first, r.Plan.ID+" "+r.ID)
		}
		if res.Total != n || !slices.Equal(first, got.first[p]) {
			t.Errorf("passage %s: the page counts %d tasks, the first %v; its list in the tasks view %d, the first %v", p, n, got.first[p], res.Total, first)
		}
	}
	return got
}
