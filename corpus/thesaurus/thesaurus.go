// Package thesaurus is the one owner of the synonym and near-synonym
// groups of Vietnamese administrative language: words that government
// text uses for one thing or one act ("tuyên truyền", "truyền thông",
// "phổ biến"; "lương thực", "thực phẩm", "nhu yếu phẩm"), like a search
// engine's synonym filter. Plan linking (corpus/link.go) lets a passage
// word in the same group as an item word count at a weight below an exact
// match, so an item and the passage it implements meet when they say the
// same thing in other words.
//
// The groups (table.go) were written from general knowledge of government
// writing across domains, each domain with its source note, before
// anything was measured on the plans development set; docs/design.md
// (section i17-thes) has the measurement. Phrases are matched on folded
// syllables (corpus/viet.Fold), inside one run of words not broken by
// punctuation.
package thesaurus

import (
	"slices"
	"strings"
	"sync"

	"github.com/vanban/vanban/corpus/viet"
)

// Group is one group of the table: its domain and its phrases, each as
// folded syllables.
type Group struct {
	Domain  string
	Phrases [][]string
}

// Thesaurus is the table read: the groups and, for each phrase, the groups
// it stands in. It is read-only, safe for concurrent use.
type Thesaurus struct {
	groups []Group
	index  map[string][]int // folded phrase, syllables joined by " " → groups
	maxLen int              // syllables of the longest phrase
}

// Default returns the thesaurus of the table, read once.
var Default = sync.OnceValue(func() *Thesaurus { return Parse(table) })

// Parse reads groups written one a line, "domain | phrase; phrase; …";
// blank lines are skipped, a line without "|" is one group of no domain.
// Phrases are folded; a group of fewer than two phrases is dropped.
func Parse(text string) *Thesaurus {
	th := &Thesaurus{index: map[string][]int{}}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		domain, body, ok := strings.Cut(line, "|")
		if !ok {
			domain, body = "", line
		}
		g := Group{Domain: strings.TrimSpace(domain)}
		seen := map[string]bool{}
		for _, p := range strings.Split(body, ";") {
			words := foldWords(p)
			key := strings.Join(words, " ")
			if len(words) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			g.Phrases = append(g.Phrases, words)
		}
		if len(g.Phrases) < 2 {
			continue
		}
		k := len(th.groups)
		th.groups = append(th.groups, g)
		for _, words := range g.Phrases {
			key := strings.Join(words, " ")
			th.index[key] = append(th.index[key], k)
			th.maxLen = max(th.maxLen, len(words))
		}
	}
	return th
}

// foldWords is the folded syllables of s, punctuation dropped.
func foldWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || r == '\t'
	}) {
		out = append(out, viet.Fold(f))
	}
	return out
}

// Groups returns the groups of th.
func (th *Thesaurus) Groups() []Group { return th.groups }

// Find calls fn for each phrase of the table found in run (folded
// syllables not broken by punctuation), with each group it stands in.
func (th *Thesaurus) Find(run []string, fn func(group int, phrase []string)) {
	var key strings.Builder
	for i := range run {
		key.Reset()
		for n := 1; n <= th.maxLen && i+n <= len(run); n++ {
			if n > 1 {
				key.WriteByte(' ')
			}
			key.WriteString(run[i+n-1])
			for _, g := range th.index[key.String()] {
				fn(g, run[i:i+n])
			}
		}
	}
}

// Group returns group k (an index Find reported).
func (th *Thesaurus) Group(k int) Group { return th.groups[k] }

// Related calls fn for each phrase that shares a group with a phrase found
// in run, the found phrases themselves left out, once per group it is
// reached through.
func (th *Thesaurus) Related(run []string, fn func(phrase []string)) {
	found := map[string]bool{}
	var groups []int
	th.Find(run, func(g int, p []string) {
		found[strings.Join(p, " ")] = true
		if !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	})
	for _, g := range groups {
		for _, p := range th.groups[g].Phrases {
			if !found[strings.Join(p, " ")] {
				fn(p)
			}
		}
	}
}
