package graph

// The span of a document's effect: from when to when it is in force, as
// an index keeps it to filter by date (facts.span agrees with facts.at).

import "context"

// Span is when a document has legal effect as far as the stored texts say:
// from From (inclusive) until Until (exclusive; "" for no end known). Known
// is false when nothing says it has effect. Unlike a state it holds at
// every time, so an index can keep it until a text changes it: the
// document is in force at T when Known, From ≤ T and T < Until.
type Span struct {
	From, Until string // YYYY-MM-DD
	Known       bool
}

// SpanStart is Span.From when the texts say a document has effect but not
// since when.
const SpanStart = "1900-01-01"

// span is the facts' span.
func (f facts) span() Span {
	if !f.evidence {
		return Span{}
	}
	s := Span{From: cmpOr1(f.since, SpanStart), Known: true}
	for _, c := range f.changes {
		if c.ends() {
			s.Until = cmpOr1(c.Date, SpanStart) // ended at a date no text gives: long ago
			break
		}
	}
	return s
}

func cmpOr1(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Span returns the span of a stored document (its number's, or its own
// for a document without number).
func (g Graph) Span(id string) (Span, error) {
	v, ok, err := g.Entry(id)
	if !ok || err != nil {
		return Span{}, err
	}
	f, err := collect(context.Background(), g.tx, g.c, selfEnd(id, v.Number))
	return f.span(), err
}
