package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/internal/shared"
)

// TestGovdocsHeader reads the header of each of ../shared/data/govdocs'
// 232 Markdown bodies with ParseDocument and counts the documents given a
// number, type, issuer, date and place. The collection's metadata is not
// trustworthy, so nothing is asserted: it is a look for header shapes
// (docs/log/i23-attmeta.md). With VANBAN_GOVDOCS_OUT=FILE each document's
// fields are written as a line of FILE, to diff two runs.
//
//	VANBAN_GOVDOCS_HEADER=1 go test ./crawler/extract -run TestGovdocsHeader -v
func TestGovdocsHeader(t *testing.T) {
	if os.Getenv("VANBAN_GOVDOCS_HEADER") == "" {
		t.Skip("VANBAN_GOVDOCS_HEADER=1 reads the govdocs headers")
	}
	files, _ := filepath.Glob(filepath.Join(shared.Path(t, "data", "govdocs"), "govdocs_part*.jsonl"))
	var out strings.Builder
	var docs, num, typ, iss, date, place int
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var r struct {
				Path string `json:"source_path"`
				Body string `json:"body_markdown"`
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, l := range strings.Split(viet.Clean(r.Body), "\n") {
				if l = markdownText(l); l != "" {
					lines = append(lines, l)
				}
			}
			d := ParseDocument(lines)
			docs++
			for _, c := range []struct {
				v string
				n *int
			}{{d.Number, &num}, {d.Type, &typ}, {d.Issuer, &iss}, {d.Published, &date}, {d.Place, &place}} {
				if c.v != "" {
					*c.n++
				}
			}
			fmt.Fprintf(&out, "%s\t%s\t%s\t%s\t%s\t%s\n", filepath.Base(r.Path), d.Number, d.Type, d.Issuer, d.Published, d.Place)
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d documents: number %d, type %d, issuer %d, date %d, place %d", docs, num, typ, iss, date, place)
	if p := os.Getenv("VANBAN_GOVDOCS_OUT"); p != "" {
		if err := os.WriteFile(p, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// markdownText is a Markdown line as text: quote marks, emphasis, escapes
// and heading marks gone, a table's cells joined by " | ", rule rows
// dropped (as the outline checker reads govdocs).
func markdownText(l string) string {
	l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), ">"))
	if b, ok := strings.CutPrefix(l, "* "); ok {
		l = "- " + b
	}
	l = strings.TrimLeft(strings.NewReplacer("*", "", "\\", "").Replace(l), "#")
	l = strings.Join(strings.Fields(l), " ")
	if strings.Trim(l, "-|:* ") == "" {
		return ""
	}
	if strings.HasPrefix(l, "|") {
		cs := strings.Split(strings.Trim(l, "|"), "|")
		for i := range cs {
			cs[i] = strings.TrimSpace(cs[i])
		}
		l = strings.Join(cs, " | ")
	}
	return l
}
