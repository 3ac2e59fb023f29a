package search

import (
	"fmt"
	"sort"
	"strings"
)

// A Profile is a named change of the weights for one kind of collection
// or of question, off unless asked for (WithProfile, `vanban search
// --profile`, `vanban eval --profile`). The default weights hold only the
// rules that work for any collection; a rule fitted to one kind of
// questions lives in a profile (docs/log/ranking-10-intent.md).
type Profile struct {
	Name, Doc string
	apply     func(Weights) Weights
}

// profiles are the named profiles.
var profiles = []Profile{
	{
		Name: "exam",
		Doc: `exam questions (the ALQAC style: "X là Y, đúng hay sai?", "Phương án nào sau đây …"): ` +
			`a statement "X là Y" asks for a definition at half the weight of a cue, and the words of exam items are stop words`,
		apply: func(w Weights) Weights {
			w.Statement, w.Exam = 0.5, w.Stop
			return w
		},
	},
}

// Profiles are the names of the profiles, sorted.
func Profiles() []string {
	out := make([]string, len(profiles))
	for i, p := range profiles {
		out[i] = p.Name
	}
	sort.Strings(out)
	return out
}

// ProfileWeights are the weights of the named profile applied to w; ""
// is w itself.
func ProfileWeights(name string, w Weights) (Weights, error) {
	if name == "" {
		return w, nil
	}
	for _, p := range profiles {
		if p.Name == name {
			return p.apply(w), nil
		}
	}
	return w, fmt.Errorf("search: unknown profile %q (known: %s)", name, strings.Join(Profiles(), ", "))
}

// ProfileDoc is what the named profile changes ("" for an unknown name).
func ProfileDoc(name string) string {
	for _, p := range profiles {
		if p.Name == name {
			return p.Doc
		}
	}
	return ""
}

// WithWeights sets the weights of a Searcher (DefaultWeights otherwise),
// for a profile (ProfileWeights) or a measurement.
func WithWeights(w Weights) Option { return func(s *Searcher) { s.weights = w } }
