package cite

import (
	"fmt"
	"strings"
	"testing"
)

// The evaluation harness of the relation tables (relation_real_test.go,
// relation_own_test.go). A case is a text and the expected references, in
// order, written as
//
//	KEY;relation;direction;part;effective | KEY;…
//
// where direction is "" (the text's own document acts on KEY), ">" (KEY
// acts on the text's own document), ">X" (KEY acts on X) or "<X" (X acts on
// KEY); empty trailing fields may be left out. A case holds every reference
// the parser should find: a missed or extra reference counts as wrong.

type relCase struct {
	src  string // where the line comes from (real lines) or the style (own lines)
	in   string
	want string
}

type relWant struct {
	key, rel, dir, part, eff string
}

func parseWant(t testing.TB, s string) []relWant {
	var out []relWant
	for _, item := range strings.Split(s, "|") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		f := strings.Split(item, ";")
		for len(f) < 5 {
			f = append(f, "")
		}
		// a part may hold ";": the date is the last field when it is one
		eff := f[len(f)-1]
		part := strings.Join(f[3:len(f)-1], ";")
		if len(f) >= 5 && !isISODate(strings.TrimSpace(eff)) && strings.TrimSpace(eff) != "" {
			part, eff = strings.Join(f[3:], ";"), ""
		}
		w := relWant{strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.TrimSpace(f[2]), strings.TrimSpace(part), strings.TrimSpace(eff)}
		if Relation(w.rel).Rank() < 0 {
			t.Fatalf("bad relation in %q", item)
		}
		out = append(out, w)
	}
	return out
}

func isISODate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-'
}

// direction renders a Ref's direction in the table's notation.
func direction(r Ref) string {
	switch {
	case r.By:
		return ">" + r.Other
	case r.Other != "":
		return "<" + r.Other
	}
	return ""
}

func (w relWant) String() string {
	return fmt.Sprintf("%s;%s;%s;%s;%s", w.key, w.rel, w.dir, w.part, w.eff)
}

func gotString(r Ref) string {
	return fmt.Sprintf("%s;%s;%s;%s;%s", r.Key, r.Relation, direction(r), r.Part, r.Effective)
}

// relScore counts what a table gets right.
type relScore struct {
	refs, relOK          int // references expected; relation and direction right
	parts, partOK        int // references stating a part; part right
	effs, effOK          int // references stating an effect date; date right
	partFalse, effFalse  int // a part or date given where none is stated
	missed, extra, cases int
	byRel                map[string][2]int // relation → expected, right
}

func (s relScore) String() string {
	return fmt.Sprintf("%d cases, %d refs: relation %d/%d (%.3f); part %d/%d (%.3f), %d given where none stated; effective %d/%d (%.3f), %d given where none stated; %d refs missed, %d extra",
		s.cases, s.refs, s.relOK, s.refs, ratio(s.relOK, s.refs), s.partOK, s.parts, ratio(s.partOK, s.parts), s.partFalse,
		s.effOK, s.effs, ratio(s.effOK, s.effs), s.effFalse, s.missed, s.extra)
}

// scoreRelations parses every case and compares. It logs every miss.
func scoreRelations(t *testing.T, cases []relCase) relScore {
	t.Helper()
	s := relScore{byRel: map[string][2]int{}}
	for _, c := range cases {
		s.cases++
		want := parseWant(t, c.want)
		got := ParseRefs(c.in)
		// align by key, in order
		j := 0
		var lines []string
		for _, w := range want {
			s.refs++
			if w.part != "" {
				s.parts++
			}
			if w.eff != "" {
				s.effs++
			}
			br := s.byRel[w.rel]
			br[0]++
			k := j
			for k < len(got) && got[k].Key != w.key {
				k++
			}
			if k == len(got) {
				s.missed++
				s.byRel[w.rel] = br
				lines = append(lines, fmt.Sprintf("\tmissed %s", w))
				continue
			}
			for _, x := range got[j:k] {
				s.extra++
				lines = append(lines, fmt.Sprintf("\textra  %s", gotString(x)))
			}
			r := got[k]
			j = k + 1
			ok := true
			if string(r.Relation) == w.rel && direction(r) == w.dir {
				s.relOK++
				br[1]++
			} else {
				ok = false
			}
			s.byRel[w.rel] = br
			switch {
			case w.part != "" && r.Part == w.part:
				s.partOK++
			case w.part != "":
				ok = false
			case r.Part != "":
				s.partFalse++
				ok = false
			}
			switch {
			case w.eff != "" && r.Effective == w.eff:
				s.effOK++
			case w.eff != "":
				ok = false
			case r.Effective != "":
				s.effFalse++
				ok = false
			}
			if !ok {
				lines = append(lines, fmt.Sprintf("\twant %s\n\tgot  %s", w, gotString(r)))
			}
		}
		for _, x := range got[j:] {
			s.extra++
			lines = append(lines, fmt.Sprintf("\textra  %s", gotString(x)))
		}
		if len(lines) > 0 {
			t.Logf("%s: %s\n%s", c.src, clip(c.in, 300), strings.Join(lines, "\n"))
		}
	}
	return s
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// checkScore enforces the thresholds of the issue: relation right on 0.95 of
// the references, part and effective date right on 0.95 of those that state
// them (a part or date given where none is stated counts against them too).
func checkScore(t *testing.T, name string, s relScore) {
	t.Helper()
	t.Logf("%s: %s", name, s)
	for _, r := range Relations {
		if n := s.byRel[string(r)]; n[0] > 0 {
			t.Logf("  %-10s %d/%d", r, n[1], n[0])
		}
	}
	rel := ratio(s.relOK, s.refs)
	part := ratio(s.partOK, s.parts+s.partFalse)
	eff := ratio(s.effOK, s.effs+s.effFalse)
	if rel < 0.95 || part < 0.95 || eff < 0.95 {
		t.Errorf("%s: relation %.3f, part %.3f, effective %.3f; want ≥ 0.95 each", name, rel, part, eff)
	}
}
