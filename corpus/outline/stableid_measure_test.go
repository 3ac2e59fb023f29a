package outline

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/vanban/vanban/internal/shared"
)

// fallbackID reports whether an item or passage ID holds a fallback: the
// section index of the old scheme ("§3.1", "§7"), an occurrence counter
// after the section's ID ("II.1~2") or an unnumbered section's anchor
// ("PLII.s3.1", "s2").
func fallbackID(id, secID string) bool {
	return strings.Contains(id, "§") || strings.Contains(strings.TrimPrefix(id, secID), "~") || anchorPart.MatchString(id)
}

var anchorPart = regexp.MustCompile(`(^|\.)s[0-9]+(\.|~|$)`)

// perturb returns the body with the heading line of section si deleted
// (del) or repeated before the next one, and the line (1-based, of the
// original body) of the section after it: items from there on should
// keep their IDs.
func perturb(body string, o *Outline, si int, del bool) (string, int, bool) {
	if si < 1 || si+1 >= len(o.Sections) {
		return "", 0, false
	}
	h, next := o.Sections[si].Line, o.Sections[si+1].Line
	lines := strings.Split(body, "\n")
	if h < 1 || h > len(lines) {
		return "", 0, false
	}
	if del {
		out := append(append([]string{}, lines[:h-1]...), lines[h:]...)
		return strings.Join(out, "\n"), next, true
	}
	// The heading again, at the end of its section: one more section
	// (the second "II" is "II~2"), the later ones as they were.
	if next < 1 || next > len(lines) {
		return "", 0, false
	}
	out := append(append(append([]string{}, lines[:next-1]...), lines[h-1]), lines[next-1:]...)
	return strings.Join(out, "\n"), next, true
}

type churn struct{ compared, changed, changedFallback, fallback int }

// churnOf compares the items and passages from line from on of the body
// and of its perturbed form (shift: lines added, -1 or +1), matched by
// line and text.
func churnOf(o, q *Outline, from, shift int, changes *[]string) (items, passages churn) {
	byLine := map[int]Item{}
	for _, it := range q.Items {
		byLine[it.Line] = it
	}
	for _, it := range o.Items {
		if it.Line < from {
			continue
		}
		got, ok := byLine[it.Line+shift]
		if !ok || got.Text != it.Text {
			continue
		}
		fb := fallbackID(it.ID, o.Sections[it.Section].ID)
		items.compared++
		if fb {
			items.fallback++
		}
		if got.ID != it.ID {
			*changes = append(*changes, it.ID+" → "+got.ID)
			items.changed++
			if fb {
				items.changedFallback++
			}
		}
	}
	pByLine := map[int]Passage{}
	for _, p := range q.Passages() {
		pByLine[p.Line] = p
	}
	for _, p := range o.Passages() {
		if p.Line < from {
			continue
		}
		got, ok := pByLine[p.Line+shift]
		if !ok || got.Text != p.Text {
			continue
		}
		fb := fallbackID(p.ID, o.Sections[p.Section].ID)
		passages.compared++
		if fb {
			passages.fallback++
		}
		if got.ID != p.ID {
			*changes = append(*changes, p.ID+" → "+got.ID)
			passages.changed++
			if fb {
				passages.changedFallback++
			}
		}
	}
	return items, passages
}

// TestStableIDMeasure counts, over the real documents of ../shared and
// the linking dev sets, the items and passages that carry a fallback ID,
// the structures that give them, and the IDs that change when the first
// heading after the preamble is deleted or repeated, or the first
// unnumbered heading of an appendix deleted (VANBAN_STABLEID=1;
// VANBAN_STABLEID_OUT=FILE writes the fallback IDs to FILE.fallback, every
// item and passage ID to FILE.all, the IDs the edits moved to FILE.moved).
func TestStableIDMeasure(t *testing.T) {
	if os.Getenv("VANBAN_STABLEID") == "" {
		t.Skip("VANBAN_STABLEID=1 measures fallback IDs and their churn")
	}
	sets := []struct {
		name string
		docs func() []checkDoc
	}{
		{"govdocs", func() []checkDoc { return readGovdocs(t, shared.Path(t, "data", "govdocs")) }},
		{"attachments", func() []checkDoc { return readAttachments(t, shared.Path(t, "data", "attachments")) }},
		{"plans", func() []checkDoc { return readPlans(t, shared.Path(t, "data", "plans")) }},
		{"devplans2", func() []checkDoc { return readPlans(t, "/work/devplans2") }},
		{"devplans3", func() []checkDoc { return readPlans(t, "/work/devplans3") }},
	}
	var report, list, all, moved strings.Builder
	for _, set := range sets {
		docs := set.docs()
		items, passages, fbItems, fbPassages, fbDocs := 0, 0, 0, 0, 0
		shapes := map[string]int{}
		var acc [3][2]churn
		for _, d := range docs {
			o := Parse(d.body)
			ps := o.Passages()
			for _, it := range o.Items {
				fmt.Fprintf(&all, "%s\t%s\titem\t%d\t%s\n", set.name, d.name, it.Line, it.ID)
			}
			for _, p := range ps {
				fmt.Fprintf(&all, "%s\t%s\tpassage\t%d\t%s\n", set.name, d.name, p.Line, p.ID)
			}
			items += len(o.Items)
			passages += len(ps)
			n := 0
			for _, it := range o.Items {
				s := o.Sections[it.Section]
				if !fallbackID(it.ID, s.ID) {
					continue
				}
				n++
				secShape := "numbered section"
				if s.ID == "" {
					secShape = "unnumbered section"
				}
				if s.Appendix {
					secShape += " (appendix)"
				}
				shapes[fmt.Sprintf("item %s, %s", labelKindName(it.kind), secShape)]++
				fmt.Fprintf(&list, "%s\t%s\titem\t%s\t%d\t%q\t%q\n", set.name, d.name, it.ID, it.Line, s.Title, headOf(it.Text))
			}
			fbItems += n
			m := 0
			for _, p := range ps {
				if p.Item >= 0 || !fallbackID(p.ID, o.Sections[p.Section].ID) {
					continue
				}
				m++
				shapes["section text passage, section ID "+map[bool]string{true: "empty", false: "taken"}[o.Sections[p.Section].ID == ""]]++
				fmt.Fprintf(&list, "%s\t%s\tpassage\t%s\t%d\t%q\n", set.name, d.name, p.ID, p.Line, o.Sections[p.Section].Title)
			}
			fbPassages += m
			if n+m > 0 {
				fbDocs++
			}
			// The third edit: the heading of the first unnumbered section of
			// an appendix deleted (a false section a parser fix drops).
			inApp := -1
			for i := 2; i < len(o.Sections) && inApp < 0; i++ {
				if s := o.Sections[i]; s.ID == "" && s.Appendix {
					inApp = i
				}
			}
			for k, e := range []struct {
				si  int
				del bool
			}{{1, true}, {1, false}, {inApp, true}} {
				isDel := e.del
				body, from, ok := perturb(d.body, o, e.si, isDel)
				if !ok {
					continue
				}
				shift := 1
				if isDel {
					shift = -1
				}
				var changes []string
				ci, cp := churnOf(o, Parse(body), from, shift, &changes)
				for _, c := range changes {
					fmt.Fprintf(&moved, "%s\t%s\t%d\t%s\n", set.name, d.name, k, c)
				}
				for j, c := range []churn{ci, cp} {
					acc[k][j].compared += c.compared
					acc[k][j].changed += c.changed
					acc[k][j].fallback += c.fallback
					acc[k][j].changedFallback += c.changedFallback
				}
			}
		}
		fmt.Fprintf(&report, "%s: %d documents, %d items, %d passages; fallback IDs: %d items, %d section passages, in %d documents\n",
			set.name, len(docs), items, passages, fbItems, fbPassages, fbDocs)
		var keys []string
		for k := range shapes {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return shapes[keys[i]] > shapes[keys[j]] })
		for _, k := range keys {
			fmt.Fprintf(&report, "  %6d  %s\n", shapes[k], k)
		}
		for _, c := range []struct {
			name string
			v    [2]churn
		}{{"delete first heading", acc[0]}, {"repeat first heading", acc[1]}, {"delete an unnumbered appendix heading", acc[2]}} {
			fmt.Fprintf(&report, "  %s: items %d changed of %d after it (%d of %d fallback); passages %d of %d (%d of %d fallback)\n",
				c.name, c.v[0].changed, c.v[0].compared, c.v[0].changedFallback, c.v[0].fallback,
				c.v[1].changed, c.v[1].compared, c.v[1].changedFallback, c.v[1].fallback)
		}
	}
	t.Log("\n" + report.String())
	if out := os.Getenv("VANBAN_STABLEID_OUT"); out != "" {
		if err := os.WriteFile(out+".fallback", []byte(list.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out+".all", []byte(all.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out+".moved", []byte(moved.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func headOf(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	if r := []rune(l); len(r) > 80 {
		l = string(r[:80])
	}
	return l
}

func labelKindName(k labelKind) string {
	switch k {
	case labelNumber:
		return "number"
	case labelRow:
		return "table row"
	case labelDash, labelPlus:
		return "bullet"
	case labelPara:
		return "paragraph"
	case labelLetter, labelSubLetter:
		return "letter"
	case labelParen:
		return "(n)"
	case labelRoman:
		return "small roman"
	}
	return "other"
}
