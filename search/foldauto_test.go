package search

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus/viet"
)

// accepts runs a over term.
func accepts(a *spellingAutomaton, term string) bool {
	s := a.Start()
	for i := 0; i < len(term) && a.CanMatch(s); i++ {
		s = a.Accept(s, term[i])
	}
	return a.IsMatch(s)
}

// regexpAccepts is what vellum's regexp of the keys' patterns matches: the
// whole term.
func regexpAccepts(t testing.TB, keys []string, term string) bool {
	alts := make([]string, len(keys))
	for i, k := range keys {
		alts[i] = foldPattern(k)
	}
	re, err := regexp.Compile("^(?:" + strings.Join(alts, "|") + ")$")
	if err != nil {
		t.Fatal(err)
	}
	return re.MatchString(term)
}

// TestSpellingAutomatonMatchesRegexp checks the automaton against the
// regular expressions it replaces, on the words of a real administrative
// line (not from an eval set) and their spellings with other marks.
func TestSpellingAutomatonMatchesRegexp(t *testing.T) {
	line := "Ủy ban nhân dân tỉnh quyết định thành lập Hội đồng thẩm định giá đất cụ thể; mã số thuế, mồ mả, lúa má, ma túy"
	var words []string
	for _, w := range strings.Fields(strings.ToLower(line)) {
		words = append(words, strings.Trim(w, ";,"))
	}
	var keys []string
	for i, w := range words {
		keys = append(keys, viet.Fold(w))
		if i > 0 {
			keys = append(keys, viet.Fold(words[i-1])+" "+viet.Fold(w))
		}
	}
	terms := append([]string{"", "ma", "mà", "má", "mã", "mạ", "mả", "mâ", "mă", "mac", "m", "mA", "ủy ban", "uy ban", "uy  ban", "ưy bàn", "dan", "dân", "đân", "đan", "dăn", "ðan", "mȧ", "ma túy ", "thẩm đinh", "thâm định"}, words...)
	for _, w := range words {
		terms = append(terms, viet.Fold(w), strings.ToUpper(w), w+"x")
	}
	for _, set := range [][]string{keys, keys[:1], {"ma"}, {"dan", "dan toc"}, {"đan"}} {
		a := newSpellingAutomaton(set)
		matched := 0
		for _, term := range terms {
			got, want := accepts(a, term), regexpAccepts(t, set, term)
			if got != want {
				t.Errorf("keys %q, term %q: automaton %v, regexp %v", set, term, got, want)
			}
			if got {
				matched++
			}
		}
		if matched == 0 {
			t.Errorf("keys %q: no term matched; the comparison says nothing", set)
		}
	}
}

func FuzzSpellingAutomaton(f *testing.F) {
	f.Add("ma tuy", "ma túy")
	f.Add("dan", "đân")
	f.Add("uy ban", "ủy ban")
	f.Add("a", "\xe1\xba")
	f.Fuzz(func(t *testing.T, key, term string) {
		// dictionary terms are valid UTF-8 (Go's regexp reads an invalid
		// byte as U+FFFD, vellum's does not)
		if len(key) > 40 || len(term) > 40 || !utf8.ValidString(term) {
			return
		}
		if _, err := regexp.Compile(foldPattern(key)); err != nil {
			return
		}
		key = strings.ToValidUTF8(key, "")
		a := newSpellingAutomaton([]string{key})
		if got, want := accepts(a, term), regexpAccepts(t, []string{key}, term); got != want {
			t.Errorf("key %q, term %q: automaton %v, regexp %v", key, term, got, want)
		}
	})
}
