package web

import (
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	corpusgraph "github.com/vanban/vanban/corpus/graph"
)

var luocDoItem = regexp.MustCompile(`<li>(?:<a href="/doc/[0-9a-f]+">([^<]+)</a>|<a href="/\?q=[^"]*">([^<]+)</a>)`)

// luocDoNamed returns the keys a Lược đồ section names, by group heading.
func luocDoNamed(sec string) map[string][]string {
	out := map[string][]string{}
	for _, g := range strings.Split(sec, "<h3>")[1:] {
		head := g[:strings.Index(g, "</h3>")]
		for _, m := range luocDoItem.FindAllStringSubmatch(g, -1) {
			out[head] = append(out[head], m[1]+m[2])
		}
	}
	return out
}

// TestLuocDoAtScale: the Lược đồ of a resolution 301 plans implement and
// 150 news articles cite ("triển khai Nghị quyết …" in a news page is not
// an implementation: corpus.IsReport) counts each group in full, names a few of each
// (maxLuocDoLinks, maxLuocDoNamed in all), and pages a group's whole list
// by luocDoPage, on the page and in /api/documents/{id}.
func TestLuocDoAtScale(t *testing.T) {
	const plans, news = 300, 150
	const total = plans + 1 // the news pages are in no group
	h, store := pageService(t, manyPlans("52-NQ/TW", plans, 1, news))
	id := docID(t, store, "52-NQ/TW")
	groups, err := store.RelationGroups(context.Background(), "52-NQ/TW", 0)
	if err != nil {
		t.Fatal(err)
	}
	var impl corpusgraph.RelationGroup
	for _, g := range groups {
		if g.In && g.Kind == "implements" {
			impl = g
		}
	}
	if impl.Total != total {
		t.Fatalf("%d documents implement 52-NQ/TW in its Lược đồ, want %d: %+v", impl.Total, total, groups)
	}

	page := serve(t, h, "/doc/"+id, 200)
	sec := section(page, `id="luoc-do"`, "</section>")
	named, all := luocDoNamed(sec), 0
	for _, g := range groups {
		head := g.Label + " (" + strconv.Itoa(g.Total) + ")"
		n := len(named[head])
		if _, ok := named[head]; !ok && !strings.Contains(sec, "<h3>"+head+"</h3>") {
			t.Errorf("Lược đồ: no group %q", head)
		}
		if n > maxLuocDoLinks || n > g.Total {
			t.Errorf("Lược đồ: %q names %d", head, n)
		}
		all += n
	}
	if all == 0 || all > maxLuocDoNamed {
		t.Errorf("Lược đồ names %d links in all, want 1 to %d", all, maxLuocDoNamed)
	}
	if !strings.Contains(sec, `href="/doc/`+id+`?rel=in.implements#luoc-do">xem tất cả `+strconv.Itoa(total)+`</a>`) {
		t.Errorf("Lược đồ: no link to all the implementing documents:\n%s", sec)
	}

	// The group's pages name every implementing document once.
	seen := map[string]bool{}
	pages := (total + luocDoPage - 1) / luocDoPage
	for p := 1; p <= pages; p++ {
		pg := serve(t, h, "/doc/"+id+"?rel=in.implements&relpage="+strconv.Itoa(p), 200)
		sec := section(pg, `id="luoc-do"`, "</section>")
		keys := luocDoNamed(sec)[impl.Label+" ("+strconv.Itoa(total)+")"]
		if want := min(luocDoPage, total-(p-1)*luocDoPage); len(keys) != want {
			t.Errorf("page %d of the group names %d, want %d", p, len(keys), want)
		}
		for _, k := range keys {
			if seen[k] {
				t.Errorf("page %d names %s again", p, k)
			}
			seen[k] = true
		}
		from := (p-1)*luocDoPage + 1
		if nav := "Văn bản " + strconv.Itoa(from) + "–" + strconv.Itoa(from+len(keys)-1) + " trong " + strconv.Itoa(total); !strings.Contains(sec, nav) {
			t.Errorf("page %d of the group: no %q", p, nav)
		}
	}
	if len(seen) != total {
		t.Errorf("the group's pages name %d documents, want %d", len(seen), total)
	}
	for _, missing := range []string{"?rel=in.implements&relpage=" + strconv.Itoa(pages+1), "?rel=out.repeals", "?rel=in.implements&relpage=92233720368547759"} {
		serve(t, h, "/doc/"+id+missing, 404) // a group or page the document lacks
	}
	for _, bad := range []string{"?rel=in.implements&relpage=0", "?rel=in.nonsense", "?rel=sideways.implements", "?relpage=2"} {
		serve(t, h, "/doc/"+id+bad, 400) // malformed: the parameter's fault
	}

	// The same in JSON: every group counted, a group's pages.
	var doc struct {
		Relations      *corpusgraph.Relations `json:"relations"`
		RelationGroups []relationGroupJSON    `json:"relation_groups"`
		RelationPage   *relationPageJSON      `json:"relation_page"`
	}
	if err := json.Unmarshal([]byte(serve(t, h, "/api/documents/"+id, 200)), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.RelationGroups) != len(groups) || doc.RelationPage != nil || doc.Relations == nil || len(doc.Relations.In) != 200 {
		t.Errorf("/api/documents/{id}: %d relation_groups (want %d), relation_page %v, relations %v", len(doc.RelationGroups), len(groups), doc.RelationPage, doc.Relations != nil)
	}
	next, n := "", 0
	for i, g := range doc.RelationGroups {
		if g.Total != groups[i].Total || g.Kind != groups[i].Kind || g.In != groups[i].In {
			t.Errorf("relation_groups[%d] = %+v, want %s in=%v total %d", i, g, groups[i].Kind, groups[i].In, groups[i].Total)
		}
		if g.In && g.Kind == "implements" {
			next = g.URL
		}
	}
	for next != "" {
		doc.RelationPage = nil
		if err := json.Unmarshal([]byte(serve(t, h, next, 200)), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.RelationPage == nil || doc.RelationPage.Total != total {
			t.Fatalf("%s: relation_page %+v", next, doc.RelationPage)
		}
		n += len(doc.RelationPage.Links)
		next = doc.RelationPage.Next
	}
	if n != total {
		t.Errorf("the JSON pages list %d implementing documents, want %d", n, total)
	}
	body := serve(t, h, "/api/documents/"+id+"?rel=in.implements&relpage=9", 200)
	if !strings.Contains(body, `"links":[]`) {
		t.Errorf("a JSON page past the last: %.300s", body[strings.Index(body, `"relation_page"`):])
	}
	for _, bad := range []string{"?rel=in.nonsense", "?rel=in.implements&relpage=x", "?relpage=2"} {
		serve(t, h, "/api/documents/"+id+bad, 400)
	}
}
