package app

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/internal/shared"
)

// TestWriteJSONToMatchesEncoder checks that writeJSONTo writes what
// json.Encoder with SetEscapeHTML(false) and SetIndent("", "  ") writes,
// byte for byte, on nested, empty and awkward values and on `refs --parse`
// of real text.
func TestWriteJSONToMatchesEncoder(t *testing.T) {
	type inner struct {
		A []int             `json:"a"`
		M map[string]string `json:"m"`
		E struct{}          `json:"e"`
		R json.RawMessage   `json:"r,omitempty"`
	}
	values := []any{
		nil, 0, "x", []string{}, map[string]any{}, []any{[]any{}, map[string]any{}, nil, true, 1.5e-9},
		`quotes " and \ back, commas, colons: {braces} [brackets] <html> & “Việt” \u2028 tab	nl
`,
		map[string]any{"k,:{}": []any{"\\\"", `\`, "\"", "\x01"}, "nested": map[string]any{"deep": []int{1, 2}}},
		inner{A: []int{}, M: map[string]string{"": ""}, R: json.RawMessage(` { "x" : [ 1 , 2 ] } `)},
		[]parsedRef{},
	}
	text := "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; Quyết định này thay thế Quyết định số 12/2019/QĐ-UBND."
	if data, err := os.ReadFile(shared.Path(t, "data", "nd30_2020", "nd30_2020_main.txt")); err == nil {
		text += "\n" + string(data)
	}
	var refs []parsedRef
	for _, r := range cite.ParseRefs(text) {
		refs = append(refs, parsedRef{Text: r.Text, Type: r.Type, Key: r.Key, Relation: r.Relation, Part: r.Part, Effective: r.Effective})
	}
	values = append(values, refs)
	for _, v := range values {
		checkLikeEncoder(t, v)
	}
	if err := writeJSONTo(&bytes.Buffer{}, map[string]any{"f": func() {}}); err == nil || !strings.Contains(err.Error(), "unsupported") {
		t.Errorf("an unsupported value: err = %v", err)
	}
}

func FuzzWriteJSONTo(f *testing.F) {
	f.Add(`a "b" \c, d: {e} [f]`)
	f.Fuzz(func(t *testing.T, s string) {
		checkLikeEncoder(t, map[string]any{s: []any{s, map[string]string{s: s}, []string{}}})
	})
}

// checkLikeEncoder fails t unless writeJSONTo writes v as json.Encoder with
// SetEscapeHTML(false) and SetIndent("", "  ") does.
func checkLikeEncoder(t *testing.T, v any) {
	t.Helper()
	var want, got bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	if err := writeJSONTo(&got, v); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("writeJSONTo(%#v):\n%s\nwant\n%s", v, got.String(), want.String())
	}
}
