package web

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestFacetsEmptyLists: a search that finds nothing answers every facet
// as an empty list, as one that finds something answers a list: it
// answered "issuer": null, which a client iterating the facets fails on.
func TestFacetsEmptyLists(t *testing.T) {
	h := textService(t, numberDocs())
	for _, u := range []string{
		"/api/search?q=kinh+te+so&type=Kh%C3%B4ng+c%C3%B3",
		"/api/search?q=kinh+te+so&from=2030-01-01",
		"/api/search?q=%22xin+ch%C3%A0o+th%E1%BA%BF+gi%E1%BB%9Bi%22",
		"/api/search?q=kinh+te+so",
	} {
		var res struct {
			Facets map[string]json.RawMessage `json:"facets"`
		}
		getHandlerJSON(t, h, u, &res)
		for _, name := range []string{"type", "issuer", "site", "year"} {
			if v := string(res.Facets[name]); !strings.HasPrefix(v, "[") {
				t.Errorf("%s: facet %s is %q, want a list", u, name, v)
			}
		}
	}
}
