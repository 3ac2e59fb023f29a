package link

import "math"

// The actor boost by how much the agency tells passages apart.
//
// A parent that addresses most of its passages to one agency (a national
// plan whose ministry in charge leads half the tasks, the provinces'
// paragraph and every appendix row assigning them) gives an item of that
// agency's counterpart the actor boost on half its passages: the boost
// then lifts the agency's longest paragraph over the task the item
// restates, instead of choosing among passages that match it about
// equally. An agency named on few passages (the one ministry of police,
// of education) still picks out its passage. So the boost is weighed like
// a term: by the inverse of the number of passages addressed to the
// shared agency, normalised so that an agency of one passage gets the whole
// boost. The passages counted are those the item may link to (itemQuery.only:
// the parents its title or its own text names), since only they compete.
//
// With ActorSmooth s, the count is N+s: s passages naming no agency are
// added, as idf adds one to the documents. Without it a parent of one
// passage gives the whole boost (log N = 0 is no count) and one of two
// passages both naming the agency none, a jump of the whole boost that
// reaches the "implements nothing" measure; with s = 1 the weight falls
// from 1 (one passage) through 0.37 (two) and 0.21 (three) towards 0.
// ActorSmooth is 0 by default: no pair of the development set tells the two
// apart (docs/log/i17-prior.md).

// actorStats is the number of targets and, for each agency, the number of
// them addressed to it.
type actorStats struct {
	n  float64
	df map[string]float64
}

// actorCounts is the actorStats of all targets and of each parent's
// targets by number key.
func actorCounts(ts []target) (all actorStats, byKey map[string]*actorStats) {
	all.df = map[string]float64{}
	byKey = map[string]*actorStats{}
	for i := range ts {
		t := &ts[i]
		k := byKey[t.key]
		if k == nil {
			k = &actorStats{df: map[string]float64{}}
			byKey[t.key] = k
		}
		all.n++
		k.n++
		for _, a := range t.actors {
			all.df[a]++
			k.df[a]++
		}
	}
	return all, byKey
}

// actorStatsFor is the actorStats of the targets of the parents in only
// (nil: all).
func (l *linker) actorStatsFor(only map[string]bool) actorStats {
	if only == nil || len(l.akey) <= 1 {
		return l.aall
	}
	out := actorStats{df: map[string]float64{}}
	for k := range only {
		s := l.akey[k]
		if s == nil {
			continue
		}
		out.n += s.n
		for a, c := range s.df {
			out.df[a] += c
		}
	}
	return out
}

// actorWeight is the share of ActorBoost an item of actors qa gets on a
// passage of actors ta that shares one, among the targets as counts: 1
// with ActorIDF 0; otherwise (1−ActorIDF) + ActorIDF × the normalised idf
// of the rarest shared agency, log(N'/n)/log(N') with N' = N + ActorSmooth
// (N targets, n of them addressed to the agency).
func (l *linker) actorWeight(as actorStats, qa, ta []string) float64 {
	n := as.n + l.p.ActorSmooth
	if l.p.ActorIDF == 0 || n <= 1 {
		return 1
	}
	spec := 0.0
	for _, a := range qa {
		for _, b := range ta {
			if a == b && as.df[a] > 0 {
				spec = max(spec, math.Log(n/as.df[a])/math.Log(n))
			}
		}
	}
	return 1 - l.p.ActorIDF + l.p.ActorIDF*spec
}
