package search

import (
	"sort"
	"unicode/utf8"
)

// A dictionary automaton for accent restoration. restore asks the exact
// views' dictionaries for every spelling of a folded syllable (or pair):
// the terms that equal the key once each letter carrying Vietnamese marks
// is replaced by its base letter. As a regular expression that is a class
// per letter ("[aàáảãạăằắẳẵặâầấẩẫậ]"), and vellum compiles the alternation of
// a query's keys into a DFA on every search: half of restoration's time.
// spellingAutomaton is that DFA built directly, a byte trie whose edges
// are the UTF-8 bytes of each letter's spellings, in time linear in the
// keys; the terms it accepts are exactly those the regular expressions
// foldPattern builds match (TestSpellingAutomatonMatchesRegexp).

// letterSpellings maps a base letter to its spellings: itself and every
// lowercase letter with Vietnamese marks that folds to it (the members of
// letterClass's class).
var letterSpellings = buildLetterSpellings()

func buildLetterSpellings() map[rune][]rune {
	out := map[rune][]rune{}
	for base, class := range letterClass {
		rs := []rune(class[1 : len(class)-1]) // "[aàá…]" → a, à, á, …
		sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
		out[base] = rs
	}
	return out
}

// spellingAutomaton accepts the terms spelled like one of its keys up to
// Vietnamese marks. It implements segment.Automaton (vellum's contract):
// state 0 is the dead state.
type spellingAutomaton struct {
	edges [][]autoEdge // per state, sorted by byte
	match []bool
}

type autoEdge struct {
	b  byte
	to int32
}

// newSpellingAutomaton returns the automaton of keys (folded syllables or
// "a b" pairs).
func newSpellingAutomaton(keys []string) *spellingAutomaton {
	a := &spellingAutomaton{edges: make([][]autoEdge, 2), match: make([]bool, 2)} // 0 dead, 1 start
	// a trie over the keys' runes: node → rune → node, each node one state
	children := map[[2]int32]int32{} // (state, rune) → state reached by any spelling of rune
	for _, k := range keys {
		st := int32(1)
		for _, r := range k {
			next, ok := children[[2]int32{st, r}]
			if !ok {
				next = a.newState()
				children[[2]int32{st, r}] = next
				spell := letterSpellings[r]
				if spell == nil {
					spell = []rune{r}
				}
				for _, s := range spell {
					a.addRune(st, s, next)
				}
			}
			st = next
		}
		a.match[st] = true
	}
	for i := range a.edges {
		sort.Slice(a.edges[i], func(x, y int) bool { return a.edges[i][x].b < a.edges[i][y].b })
	}
	return a
}

func (a *spellingAutomaton) newState() int32 {
	a.edges = append(a.edges, nil)
	a.match = append(a.match, false)
	return int32(len(a.edges) - 1)
}

// addRune adds the path of r's UTF-8 bytes from state from to state to,
// sharing the states of the leading bytes other spellings already made.
// (UTF-8 is prefix-free, so the trie stays deterministic.)
func (a *spellingAutomaton) addRune(from int32, r rune, to int32) {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	st := from
	for i := range n - 1 {
		next := a.edge(st, buf[i])
		if next == 0 {
			next = a.newState()
			a.edges[st] = append(a.edges[st], autoEdge{buf[i], next})
		}
		st = next
	}
	a.edges[st] = append(a.edges[st], autoEdge{buf[n-1], to})
}

func (a *spellingAutomaton) edge(st int32, b byte) int32 {
	for _, e := range a.edges[st] {
		if e.b == b {
			return e.to
		}
	}
	return 0
}

func (a *spellingAutomaton) Start() int { return 1 }

func (a *spellingAutomaton) IsMatch(s int) bool { return a.match[s] }

// CanMatch: every state but the dead one lies on the way to a key.
func (a *spellingAutomaton) CanMatch(s int) bool { return s != 0 }

func (a *spellingAutomaton) WillAlwaysMatch(int) bool { return false }

func (a *spellingAutomaton) Accept(s int, b byte) int {
	es := a.edges[s]
	i := sort.Search(len(es), func(i int) bool { return es[i].b >= b })
	if i < len(es) && es[i].b == b {
		return int(es[i].to)
	}
	return 0
}
