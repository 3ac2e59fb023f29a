package corpus

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
// boost.

// actorCounts is the number of targets addressed to each agency.
func actorCounts(ts []target) map[string]float64 {
	n := map[string]float64{}
	for i := range ts {
		for _, a := range ts[i].actors {
			n[a]++
		}
	}
	return n
}

// actorWeight is the share of ActorBoost an item of actors qa gets on a
// passage of actors ta that shares one: 1 with ActorIDF 0; otherwise
// (1−ActorIDF) + ActorIDF × the normalised idf of the rarest shared agency,
// log(N/n)/log(N) over the N targets.
func (l *linker) actorWeight(qa, ta []string) float64 {
	if l.p.ActorIDF == 0 || len(l.targets) < 2 {
		return 1
	}
	n := float64(len(l.targets))
	spec := 0.0
	for _, a := range qa {
		for _, b := range ta {
			if a == b && l.adf[a] > 0 {
				spec = max(spec, math.Log(n/l.adf[a])/math.Log(n))
			}
		}
	}
	return 1 - l.p.ActorIDF + l.p.ActorIDF*spec
}
