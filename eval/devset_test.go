package eval

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/internal/shared"
)

// The short-query dev sets (devsets/README.md) are checked here against the
// corpora they are judged on: every judgement resolves, every query is
// judged, and the sets keep the mix of styles they were written for. Ranking
// figures are not asserted (docs/log/ranking-06-shortq.md).

// devsetDir is the repository's folder of dev sets, seen from package eval.
const devsetDir = "../devsets"

// shortQuerySets are the sets checked. The first pair was written with the
// mix below (styles, diacritics, laws); the shortq2 pair was written the
// other way round — a situation first, the query, then the judgement,
// without reading headings — and is checked for soundness only (every
// judgement resolves, a best article per query, no heading as a query).
var shortQuerySets = []struct {
	name, corpus string
	mix          bool // counts towards the mix minima
}{
	{"shortq-alqac22", "alqac22", true},
	{"shortq-alqac23", "alqac23-train", true},
	{"shortq2-alqac22", "alqac22", false},
	{"shortq2-alqac23", "alqac23-train", false},
}

// minPerStyle is the least number of queries of each style over both sets.
var minPerStyle = map[string]int{
	"accented": 30, "unaccented": 30, "abbrev": 20, "colloquial": 30, "lawref": 15, "typo": 10,
}

const (
	minQueries       = 200 // over both sets
	minBarePct       = 30  // % of queries typed without any diacritic
	minPerLaw        = 3   // queries whose best article is in each law of a corpus
	bestGrade        = 2   // grades are 1 (relevant) and 2 (best answer)
	minAbbrevLetters = 2
)

// setMix counts what the mix is made of.
type setMix struct {
	queries, bare int
	style         map[string]int
}

func TestShortQuerySets(t *testing.T) {
	shared.Path(t, "eval") // skip (or fail under CI) before counting anything
	mix := setMix{style: map[string]int{}}
	for _, ds := range shortQuerySets {
		t.Run(ds.name, func(t *testing.T) {
			dir := filepath.Join(devsetDir, ds.name)
			set, err := Load(shared.Path(t, "eval", ds.corpus, "corpus.jsonl"),
				filepath.Join(dir, "queries.jsonl"), filepath.Join(dir, "qrels", "dev.tsv"))
			if err != nil {
				t.Fatal(err)
			}
			m := &setMix{style: map[string]int{}}
			for _, problem := range checkShortQuerySet(set, m, ds.mix) {
				t.Error(problem)
			}
			if ds.mix {
				mix.queries += m.queries
				mix.bare += m.bare
				for st, n := range m.style {
					mix.style[st] += n
				}
			}
		})
	}
	if mix.queries < minQueries {
		t.Errorf("%d queries over both sets, want ≥ %d", mix.queries, minQueries)
	}
	if mix.bare*100 < minBarePct*mix.queries {
		t.Errorf("%d of %d queries without diacritics, want ≥ %d %%", mix.bare, mix.queries, minBarePct)
	}
	for style, n := range minPerStyle {
		if mix.style[style] < n {
			t.Errorf("%d %s queries, want ≥ %d", mix.style[style], style, n)
		}
	}
	t.Logf("%d queries, %d without diacritics; by style %v", mix.queries, mix.bare, mix.style)
}

// checkShortQuerySet returns what is wrong with one set and adds its
// queries to mix; perLaw asks for minPerLaw queries on every law.
func checkShortQuerySet(set *Set, mix *setMix, perLawMin bool) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	docs := map[string]bool{}
	titles := map[string]string{}
	perLaw := map[string]int{}
	for _, d := range set.Docs {
		docs[d.ID] = true
		titles[foldedWords(d.Title)] = d.ID
		perLaw[lawOf(d.ID)] += 0
	}
	seenID, seenText := map[string]bool{}, map[string]string{}
	for _, q := range set.Queries {
		switch {
		case q.ID == "" || seenID[q.ID]:
			bad("query %q: empty or repeated _id", q.ID)
		case strings.TrimSpace(q.Text) == "":
			bad("query %s: no text", q.ID)
		case !norm.NFC.IsNormalString(q.Text):
			bad("query %s: text not NFC", q.ID)
		}
		seenID[q.ID] = true
		key := foldedWords(q.Text)
		if other, ok := seenText[key]; ok {
			bad("queries %s and %s: the same words", other, q.ID)
		}
		seenText[key] = q.ID
		if id, ok := titles[key]; ok {
			bad("query %s %q: the title of %s", q.ID, q.Text, id)
		}
		if p := styleProblem(q); p != "" {
			bad("query %s %q: %s", q.ID, q.Text, p)
		}
		if q.Law == "" {
			bad("query %s: no law", q.ID)
		}
		rel := set.Qrels[q.ID]
		best := map[string]bool{}
		for doc, g := range rel {
			if !docs[doc] {
				bad("query %s: judged article %s is not in the corpus", q.ID, doc)
			}
			if g != 1 && g != bestGrade {
				bad("query %s: grade %v for %s, want 1 or %d", q.ID, g, doc, bestGrade)
			}
			if g == bestGrade {
				best[lawOf(doc)] = true
			}
		}
		if len(best) == 0 {
			bad("query %s: no article graded %d", q.ID, bestGrade)
		}
		for law := range best {
			perLaw[law]++
		}
		mix.queries++
		mix.style[q.Style]++
		if !viet.HasMarks(q.Text) {
			mix.bare++
		}
	}
	for qid := range set.Qrels {
		if !seenID[qid] {
			bad("judged query %s is not in queries.jsonl", qid)
		}
	}
	for law, n := range perLaw {
		if perLawMin && n < minPerLaw {
			bad("law %s: %d queries, want ≥ %d", law, n, minPerLaw)
		}
	}
	return problems
}

// styleProblem checks that a query has what its style says.
func styleProblem(q Query) string {
	switch q.Style {
	case "accented":
		if !viet.HasMarks(q.Text) {
			return "accented without a diacritic"
		}
	case "unaccented":
		if viet.HasMarks(q.Text) {
			return "unaccented with diacritics"
		}
	case "abbrev":
		if !hasAbbreviation(q.Text) {
			return "abbrev without a word in capitals"
		}
	case "lawref":
		if !strings.ContainsFunc(q.Text, unicode.IsDigit) {
			return "lawref without a year or article number"
		}
	case "colloquial", "typo":
	default:
		return fmt.Sprintf("unknown style %q", q.Style)
	}
	return ""
}

// hasAbbreviation reports a word of at least two letters, all capitals
// (UBND, HĐLĐ, TT&TT's parts).
func hasAbbreviation(s string) bool {
	for _, tok := range viet.Tokens(s) {
		w := s[tok.Start:tok.End]
		if tok.Kind == viet.Word && len([]rune(w)) >= minAbbrevLetters && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			return true
		}
	}
	return false
}

// foldedWords is s as folded words joined by spaces: a heading and the same
// heading typed without diacritics or in other case give the same string.
func foldedWords(s string) string {
	var ws []string
	for _, tok := range viet.Tokens(s) {
		if tok.Kind == viet.Word {
			ws = append(ws, viet.Fold(s[tok.Start:tok.End]))
		}
	}
	return strings.Join(ws, " ")
}

// lawOf is the law of an ALQAC article ID: "L03" of "L03-29".
func lawOf(id string) string {
	law, _, _ := strings.Cut(id, "-")
	return law
}

func TestShortQueryHelpers(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"Thời gian thử việc", "thoi gian thu viec", true},
		{"Tách hộ", "TÁCH HỘ", true},
		{"Nghỉ lễ, tết", "nghi le tet", true},
		{"Tách hộ", "tách hộ khẩu riêng", false},
	} {
		if got := foldedWords(tt.a) == foldedWords(tt.b); got != tt.same {
			t.Errorf("foldedWords(%q) == foldedWords(%q): %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	for _, tt := range []struct {
		q    Query
		want bool // a problem
	}{
		{Query{Text: "ký tiếp HĐLV khi hết hạn", Style: "abbrev"}, false},
		{Query{Text: "chu tich ubnd doi thoai", Style: "abbrev"}, true},
		{Query{Text: "luat cu tru 2020 dieu 20", Style: "lawref"}, false},
		{Query{Text: "luật cư trú điều kiện", Style: "lawref"}, true},
		{Query{Text: "khai bao tam vang", Style: "unaccented"}, false},
		{Query{Text: "khai báo tạm vắng", Style: "unaccented"}, true},
		{Query{Text: "khai bao tam vang", Style: "accented"}, true},
		{Query{Text: "khai báo tạm vắng", Style: "plain"}, true},
	} {
		if got := styleProblem(tt.q) != ""; got != tt.want {
			t.Errorf("styleProblem(%q, %s) = %q, want a problem: %v", tt.q.Text, tt.q.Style, styleProblem(tt.q), tt.want)
		}
	}
	if got := lawOf("L13-602"); got != "L13" {
		t.Errorf("lawOf(L13-602) = %q", got)
	}
}
