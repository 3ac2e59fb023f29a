package cite

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/shared"
)

var update = flag.Bool("update", false, "rewrite testdata/real_refs.golden")

// TestParseRealUnchanged pins what ParseRefs and ParseDoc return on real
// documents: the 14 documents of data/plans one by one and together (as
// BenchmarkRefsParse reads them), and Nghị định 30/2020. The golden file
// holds a SHA-256 of the JSON of every reference with its relation fields
// (no text from ../shared), written by the parser before the relation pass
// shared its reading with the first pass; a speed change must leave it
// unchanged. Rewrite it (-update) only for a change meant to alter results,
// and say so in the commit.
func TestParseRealUnchanged(t *testing.T) {
	texts := realTexts(t)
	var got strings.Builder
	for _, d := range texts {
		refs, err := json.Marshal(ParseRefs(d.text))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := json.Marshal(ParseDoc(d.text, Self{Number: d.number}))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&got, "%s\t%d\t%x\t%x\n", d.name, len(ParseRefs(d.text)), sha256.Sum256(refs), sha256.Sum256(doc))
	}
	path := filepath.Join("testdata", "real_refs.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./corpus/cite -run TestParseRealUnchanged -update)", err)
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(got.String(), "\n")
	if len(wl) != len(gl) {
		t.Fatalf("golden has %d lines, got %d", len(wl), len(gl))
	}
	for i := range wl {
		if wl[i] != gl[i] {
			t.Errorf("output changed:\n got %s\nwant %s", gl[i], wl[i])
		}
	}
}

type realText struct{ name, number, text string }

// realTexts reads data/plans (each document, then all of them as
// BenchmarkRefsParse reads them) and data/nd30_2020.
func realTexts(t testing.TB) []realText {
	var out []realText
	var all strings.Builder
	for _, d := range planDocs(t) {
		out = append(out, realText{name: "plans/" + d.id, number: strings.ReplaceAll(d.id, "-", "/"), text: d.text})
		all.WriteString(d.text)
		all.WriteString("\n")
	}
	out = append(out, realText{name: "plans (all)", text: all.String()})
	nd30, err := os.ReadFile(shared.Path(t, "data", "nd30_2020", "nd30_2020_main.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return append(out, realText{name: "nd30_2020", number: "30/2020/NĐ-CP", text: string(nd30)})
}
