package web

import (
	"net/url"
	"strings"
	"testing"
)

// TestDocPageBadParams: a malformed parameter of a document's page is 400
// naming it and what it takes, in the API's terms (one owner), never the
// 404 "Không có văn bản" of a missing document; a well-formed page the
// document lacks stays 404, and a missing document is 404 whatever its
// parameters.
func TestDocPageBadParams(t *testing.T) {
	h, store := pageService(t, manyPlans("46-NQ/TW", 2, 1, 1))
	id := docID(t, store, "46-NQ/TW")
	for _, tt := range []struct {
		query string
		want  int
		param paramWant // the parameter a 400 names
	}{
		{"", 200, paramWant{}},
		{"?part=1&cited=1", 200, paramWant{}},
		{"?rel=in.implements", 200, paramWant{}},
		{"?part=x", 400, wantPart},
		{"?part=0", 400, wantPart},
		{"?part=-2", 400, wantPart},
		{"?part=1.5", 400, wantPart},
		{"?part=2", 404, paramWant{}}, // a part past the last
		{"?cited=0", 400, wantCited},
		{"?cited=x", 400, wantCited},
		{"?cited=-1", 400, wantCited},
		{"?cited=1x", 400, wantCited},
		{"?cited=9", 404, paramWant{}}, // a page past the last
		{"?rel=in.nonsense", 400, wantRel},
		{"?rel=sideways.implements", 400, wantRel},
		{"?rel=implements", 400, wantRel},
		{"?rel=in.implements&relpage=0", 400, wantRel},
		{"?rel=in.implements&relpage=x", 400, wantRel},
		{"?relpage=2", 400, wantRel},                           // relpage without rel
		{"?rel=out.repeals", 404, paramWant{}},                 // a group the document lacks
		{"?rel=in.implements&relpage=9", 404, paramWant{}},     // a page past the last
		{"?part=x&cited=0&q=kinh+te", 400, wantPart},           // the first named
		{"?q=kinh+te&rel=in.nonsense&cited=0", 400, wantCited}, // cited before rel
	} {
		body := serve(t, h, "/doc/"+id+tt.query, tt.want)
		if tt.want != 400 {
			continue
		}
		v, _ := url.ParseQuery(strings.TrimPrefix(tt.query, "?"))
		msg := tt.param.page(v)
		if !strings.Contains(body, "Tham số "+strings.Join(tt.param.names, ", ")) || !strings.Contains(body, tt.param.vi) ||
			strings.Contains(body, "Không có văn bản") || !strings.Contains(body, `href="/doc/`+id+`"`) {
			t.Errorf("GET /doc/{id}%s: want %q and a link to the document, got %.400s", tt.query, msg, body)
		}
		if tt.param.names[0] != "part" { // the API has no parts
			api := serve(t, h, "/api/documents/"+id+tt.query, 400)
			if !strings.Contains(api, tt.param.api()) {
				t.Errorf("GET /api/documents/{id}%s: %s, want %q", tt.query, api, tt.param.api())
			}
		}
	}
	for _, q := range []string{"", "?cited=0", "?part=x", "?rel=in.nonsense"} {
		serve(t, h, "/doc/no-such-doc"+q, 404)
	}
}
