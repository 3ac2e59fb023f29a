package link

// Training the re-ranker (linkltr.go): a softmax over each item's
// candidates, the likelihood of the right ones (any candidate holding the
// item's quote or an "also" quote), L2-regularised, by gradient descent
// with a backtracking line search from zero weights. The features are
// standardised over the training candidates first and the weights brought
// back to the raw features at the end (a shift of every candidate of an
// item by the same amount does not change a softmax, so the means drop
// out). Everything runs in a fixed order: the same groups give the same
// weights to the last bit.

import "math"

// LTRGroup is one labelled item: its candidates' features and which of
// them are right.
type LTRGroup struct {
	X     []ltrVec
	Right []bool
}

// useful reports whether g can teach anything: some candidate right and
// some wrong.
func (g *LTRGroup) useful() bool {
	r, w := false, false
	for _, ok := range g.Right {
		r = r || ok
		w = w || !ok
	}
	return r && w
}

// ltrTrainer holds the settings of trainRanker.
type ltrTrainer struct {
	Lambda float64 // L2 weight on the standardised weights
	Iters  int     // gradient steps
}

// trainRanker returns the weights (on the raw features) that maximise the
// mean log-probability of the right candidates of the useful groups under
// a softmax of w·x, minus Lambda/2 |w|² on the standardised weights.
func (tr ltrTrainer) trainRanker(groups []LTRGroup) LTRWeights {
	var gs []LTRGroup
	for _, g := range groups {
		if g.useful() {
			gs = append(gs, g)
		}
	}
	var w LTRWeights
	if len(gs) == 0 {
		return w
	}
	mean, sd := ltrStandard(gs)
	zs := make([]LTRGroup, len(gs))
	for k, g := range gs {
		zs[k] = LTRGroup{X: make([]ltrVec, len(g.X)), Right: g.Right}
		for r, x := range g.X {
			for f := range x {
				if sd[f] > 0 {
					zs[k].X[r][f] = (x[f] - mean[f]) / sd[f]
				}
			}
		}
	}
	loss, grad := tr.objective(zs, w)
	step := 1.0
	for it := 0; it < tr.Iters; it++ {
		norm := 0.0
		for f := range grad {
			norm += grad[f] * grad[f]
		}
		if norm < 1e-16 {
			break
		}
		moved := false
		for step > 1e-10 {
			var nw LTRWeights
			for f := range w {
				nw[f] = w[f] - step*grad[f]
			}
			nl, ng := tr.objective(zs, nw)
			if nl <= loss-0.5*step*norm { // Armijo
				w, loss, grad, moved = nw, nl, ng, true
				step *= 2
				break
			}
			step /= 2
		}
		if !moved {
			break
		}
	}
	for f := range w {
		if sd[f] > 0 {
			w[f] /= sd[f]
		} else {
			w[f] = 0
		}
	}
	return w
}

// ltrStandard is the mean and standard deviation of every feature over
// the candidates of gs.
func ltrStandard(gs []LTRGroup) (mean, sd ltrVec) {
	n := 0.0
	for _, g := range gs {
		for _, x := range g.X {
			for f := range x {
				mean[f] += x[f]
			}
			n++
		}
	}
	for f := range mean {
		mean[f] /= n
	}
	for _, g := range gs {
		for _, x := range g.X {
			for f := range x {
				d := x[f] - mean[f]
				sd[f] += d * d
			}
		}
	}
	for f := range sd {
		sd[f] = math.Sqrt(sd[f] / n)
		if sd[f] < 1e-9 {
			sd[f] = 0
		}
	}
	return mean, sd
}

// objective is the regularised negative mean log-likelihood of the right
// candidates and its gradient.
func (tr ltrTrainer) objective(gs []LTRGroup, w LTRWeights) (float64, LTRWeights) {
	var grad LTRWeights
	loss := 0.0
	s := []float64{}
	for _, g := range gs {
		s = s[:0]
		top := math.Inf(-1)
		for r := range g.X {
			v := w.score(&g.X[r])
			s = append(s, v)
			top = max(top, v)
		}
		var all, right float64
		for r, v := range s {
			e := math.Exp(v - top)
			all += e
			if g.Right[r] {
				right += e
			}
		}
		loss += math.Log(all) - math.Log(right)
		for r, v := range s {
			e := math.Exp(v - top)
			c := e / all // E over all candidates …
			if g.Right[r] {
				c -= e / right // … minus E over the right ones
			}
			for f := range grad {
				grad[f] += c * g.X[r][f]
			}
		}
	}
	n := float64(len(gs))
	loss /= n
	for f := range grad {
		grad[f] = grad[f]/n + tr.Lambda*w[f]
		loss += tr.Lambda / 2 * w[f] * w[f]
	}
	return loss, grad
}
