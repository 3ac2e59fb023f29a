package corpus

import "math"

// actionCos is the cosine of a and b with each action class weighted by
// (1 − ActionIDF) + ActionIDF × log(N/n)/log(N), n of the N targets naming
// it.
func (l *linker) actionCos(a, b actionVec) float64 {
	if l.p.ActionIDF == 0 {
		return a.cosine(b)
	}
	if l.cdf == nil {
		l.cdf = make([]float64, len(a))
		for j := range l.targets {
			for c, x := range l.targets[j].action {
				if x > 0 {
					l.cdf[c]++
				}
			}
		}
	}
	n := float64(len(l.targets))
	var ab, aa, bb float64
	for c := range a {
		w := 1.0
		if l.cdf[c] > 0 && n > 1 {
			w = 1 - l.p.ActionIDF + l.p.ActionIDF*math.Log(n/l.cdf[c])/math.Log(n)
		}
		ab += w * w * a[c] * b[c]
		aa += w * w * a[c] * a[c]
		bb += w * w * b[c] * b[c]
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return ab / math.Sqrt(aa*bb)
}
