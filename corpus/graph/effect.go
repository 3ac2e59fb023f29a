package graph

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/doctype"
	bolt "go.etcd.io/bbolt"
)

// Legal effect: the status of a document number computed, when asked, from
// the relation edges of every stored document (graph.go) and what the
// documents carrying the number say of their own effect. Because nothing is
// cached, a replacing decision stored tonight changes yesterday's status at
// once.

// State is a document's effect status, vbpl.vn's "Tình trạng hiệu lực".
type State string

// The states.
const (
	StateInForce   State = "in_force"     // còn hiệu lực (amended or not)
	StatePartly    State = "partly_ended" // hết hiệu lực một phần: a part replaced, repealed, expired or suspended
	StateEnded     State = "ended"        // hết hiệu lực toàn bộ: replaced, repealed or expired
	StateSuspended State = "suspended"    // ngưng hiệu lực: suspended as a whole
	StateNotYet    State = "not_yet"      // chưa có hiệu lực: takes effect later
	StateUnknown   State = "unknown"      // không có thông tin: nothing says
)

// InForce reports the states in which a document has legal effect, at least
// in part: the "còn hiệu lực" filter.
func (s State) InForce() bool { return s == StateInForce || s == StatePartly }

// Effect is the status of a document number at a time.
type Effect struct {
	Key     string         `json:"key"` // lookup key, or "#" and the ID of a document without number
	State   State          `json:"state"`
	Since   string         `json:"since,omitempty"` // when it took effect, when a text says
	Until   string         `json:"until,omitempty"` // when its effect ended as a whole
	Ended   *EffectChange  `json:"ended,omitempty"` // what ended (or suspended) it
	Changes []EffectChange `json:"changes,omitempty"`
	Basis   *EffectBasis   `json:"basis,omitempty"` // of an unknown state: the latest text citing it as căn cứ (basis.go)
	Label   string         `json:"label"`           // "Còn hiệu lực", "Đã bị thay thế bởi 1234/QĐ-UBND từ 01/7/2024", …
}

// EffectChange is one change to a document's effect stated in some document.
type EffectChange struct {
	Kind    cite.Relation `json:"kind"`
	By      string        `json:"by,omitempty"`      // the acting document as written (key or name)
	ByDocs  []string      `json:"by_docs,omitempty"` // stored documents that act
	Source  string        `json:"source"`            // the stored document whose text states it
	Part    string        `json:"part,omitempty"`    // the part changed
	Partial bool          `json:"partial,omitempty"` // a part only
	Date    string        `json:"date,omitempty"`    // when it takes effect
	Approx  bool          `json:"approx,omitempty"`  // Date is the source's publication date
	Pending bool          `json:"pending,omitempty"` // Date is after the time asked
}

// changeKinds are the relations that change their target's effect, weakest
// first.
var changeKinds = []cite.Relation{cite.Amends, cite.Suspends, cite.Expires, cite.Repeals, cite.Replaces}

// Effect returns the status at now of end (End: a lookup key, or "#ID"
// for a stored document without number). It stops with ctx's error when
// ctx ends.
func (g Graph) Effect(ctx context.Context, end string, now time.Time) (Effect, error) {
	return effectOf(ctx, g.tx, g.c, end, now)
}

// DocEffect returns the status at now of a stored document: its number's,
// or for a document without number what is said of it alone. It stops
// with ctx's error when ctx ends.
func (g Graph) DocEffect(ctx context.Context, id string, now time.Time) (Effect, error) {
	v, ok, err := g.Entry(id)
	if !ok || err != nil {
		return Effect{Key: "#" + id, State: StateUnknown, Label: stateLabel(StateUnknown)}, err
	}
	return effectOf(ctx, g.tx, g.c, selfEnd(id, v.Number), now)
}

// End returns the end naming key: "#ID" as is, else its lookup key ("" for
// neither).
func End(key string) string {
	if strings.HasPrefix(key, "#") && len(key) > 1 {
		return key
	}
	return doctype.NumberKey(key)
}

// ownDocs lists the stored documents at an end.
func ownDocs(tx *bolt.Tx, end string) []string {
	if end[0] == '#' {
		if tx.Bucket(bucketRefs).Get([]byte(end[1:])) == nil {
			return nil
		}
		return []string{end[1:]}
	}
	return scanPairs(tx.Bucket(bucketNumbers), end)
}

// edgesAt reads the edges of the relto (to) or relfrom bucket at an end,
// of one kind ("" for all). It stops with ctx's error when ctx ends
// (eachEdge).
func edgesAt(ctx context.Context, b *bolt.Bucket, to bool, end string, kind cite.Relation) ([]Edge, error) {
	var out []Edge
	err := eachEdge(ctx, b, to, end, kind, func(e *Edge) bool {
		out = append(out, *e)
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// facts is what the stored texts say of an end's effect, whatever the time.
type facts struct {
	since    string         // the earliest date it is said to take effect
	evidence bool           // something says it has (had) effect
	changes  []EffectChange // changes to its effect, dated ones in date order
}

// collect reads the facts of an end: the effect its own documents state,
// the changes other documents make to it, and the dates it changes others.
// It looks at ctx before each kind's edges and in their walk.
func collect(ctx context.Context, tx *bolt.Tx, c Codec, end string) (facts, error) {
	var f facts
	since := func(d string) {
		if d != "" && (f.since == "" || d < f.since) {
			f.since = d
		}
	}
	for _, id := range ownDocs(tx, end) {
		v, ok, err := Of(tx, c).Entry(id)
		if err != nil {
			return f, err
		}
		if !ok {
			continue
		}
		if v.Effective != "" {
			f.evidence = true
			since(v.Effective)
		}
		if v.Until != "" {
			f.changes = append(f.changes, EffectChange{Kind: cite.Expires, Source: id, Date: v.Until})
		}
	}
	for _, kind := range changeKinds {
		if err := ctx.Err(); err != nil {
			return f, err
		}
		edges, err := edgesAt(ctx, tx.Bucket(bucketRelTo), true, end, kind)
		if err != nil {
			return f, err
		}
		for _, ed := range edges {
			c := EffectChange{Kind: kind, By: ed.FromKey, Source: ed.Doc, Part: ed.Part, Partial: ed.Partial || ed.Part != "",
				Date: ed.Effective, Approx: ed.Approx}
			if ed.From != "" {
				c.ByDocs = ownDocs(tx, ed.From)
			}
			f.changes = append(f.changes, c)
			// what another text ends, repeals or suspends had effect; an
			// amendment says nothing of it (a text may amend a decision
			// that has ended, or one not yet in force): a number known
			// only from its amendments has no known effect (i20-effect)
			f.evidence = f.evidence || kind != cite.Amends
		}
		// a document that changes another has effect from that date
		out, err := edgesAt(ctx, tx.Bucket(bucketRelFrom), false, end, kind)
		if err != nil {
			return f, err
		}
		for _, ed := range out {
			if ed.Effective != "" {
				f.evidence = true
				since(ed.Effective)
			}
		}
	}
	f.changes = dedupeChanges(f.changes)
	sort.SliceStable(f.changes, func(i, j int) bool { return f.changes[i].Date < f.changes[j].Date })
	return f, nil
}

// ends reports whether a change ends (or suspends) the whole document.
func (c EffectChange) ends() bool { return c.Kind != cite.Amends && !c.Partial }

func effectOf(ctx context.Context, tx *bolt.Tx, c Codec, end string, now time.Time) (Effect, error) {
	f, err := collect(ctx, tx, c, end)
	if err != nil {
		return Effect{Key: end}, err
	}
	e := f.at(end, now)
	if e.State == StateUnknown {
		// no evidence of effect: say where it was cited as căn cứ, a
		// dated fact beside "Không có thông tin" (basis.go)
		b, err := basisOf(ctx, tx, c, end)
		if err != nil {
			return e, err
		}
		if b != nil {
			e.Basis = b
			e.Label += basisText(b)
		}
	}
	return e, nil
}

// at is the status the facts give at a time.
func (f facts) at(end string, now time.Time) Effect {
	today := now.Format("2006-01-02")
	e := Effect{Key: end, Since: f.since, Changes: f.changes}
	partly := false
	var pending *EffectChange
	var amended []*EffectChange
	for i := range e.Changes {
		c := &e.Changes[i]
		c.Pending = c.Date > today
		if c.Kind == cite.Amends {
			amended = append(amended, c)
		}
		switch {
		case c.Pending:
			if pending == nil && c.ends() {
				pending = c
			}
		case c.Kind == cite.Amends:
		case c.Partial:
			partly = true
		case e.Ended == nil:
			e.Ended = c
		}
	}
	switch {
	case e.Ended != nil && e.Ended.Kind == cite.Suspends:
		e.State = StateSuspended
	case e.Ended != nil:
		e.State, e.Until = StateEnded, e.Ended.Date
	case e.Since > today:
		e.State = StateNotYet
	case partly:
		e.State = StatePartly
	case f.evidence:
		e.State = StateInForce
	default:
		e.State = StateUnknown
	}
	e.Label = e.label()
	if pending != nil && (e.State.InForce() || e.State == StateUnknown) {
		e.Label += "; " + changeText(pending, true)
	}
	if e.State.InForce() || e.State == StateUnknown {
		if pending != nil && pending.Date != "" {
			// what is amended after the document ends is not said
			amended = slices.DeleteFunc(amended, func(c *EffectChange) bool { return c.Date >= pending.Date })
		}
		e.Label += amendText(amended)
	}
	return e
}

// dedupeChanges drops repeated statements of one change (the same actor,
// kind and part stated by several documents), keeping the first dated one.
func dedupeChanges(cs []EffectChange) []EffectChange {
	out := cs[:0]
	at := map[string]int{}
	for _, c := range cs {
		k := string(c.Kind) + "\x00" + doctype.NumberKey(c.By) + "\x00" + c.By + "\x00" + c.Part
		if i, ok := at[k]; ok {
			if out[i].Date == "" || (out[i].Approx && !c.Approx && c.Date != "") {
				out[i].Date, out[i].Approx = c.Date, c.Approx
			}
			continue
		}
		at[k] = len(out)
		out = append(out, c)
	}
	return out
}
