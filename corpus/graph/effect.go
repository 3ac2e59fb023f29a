package graph

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus/cite"
	"github.com/vanban/vanban/corpus/viet"
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
	Label   string         `json:"label"` // "Còn hiệu lực", "Đã bị thay thế bởi 1234/QĐ-UBND từ 01/7/2024", …
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
	return viet.NumberKey(key)
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
			f.evidence = true // what another text changes had effect
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
	return f.at(end, now), nil
}

// at is the status the facts give at a time.
func (f facts) at(end string, now time.Time) Effect {
	today := now.Format("2006-01-02")
	e := Effect{Key: end, Since: f.since, Changes: f.changes}
	partly := false
	var pending *EffectChange
	for i := range e.Changes {
		c := &e.Changes[i]
		c.Pending = c.Date > today
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
	if pending != nil && e.State.InForce() {
		e.Label += "; " + changeText(pending, true)
	}
	return e
}

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

// dedupeChanges drops repeated statements of one change (the same actor,
// kind and part stated by several documents), keeping the first dated one.
func dedupeChanges(cs []EffectChange) []EffectChange {
	out := cs[:0]
	at := map[string]int{}
	for _, c := range cs {
		k := string(c.Kind) + "\x00" + viet.NumberKey(c.By) + "\x00" + c.By + "\x00" + c.Part
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

// StateLabels are the Vietnamese names of the states (vbpl.vn's words).
var stateLabels = map[State]string{
	StateInForce:   "Còn hiệu lực",
	StatePartly:    "Hết hiệu lực một phần",
	StateEnded:     "Hết hiệu lực toàn bộ",
	StateSuspended: "Ngưng hiệu lực",
	StateNotYet:    "Chưa có hiệu lực",
	StateUnknown:   "Không có thông tin",
}

func stateLabel(s State) string { return stateLabels[s] }

// label writes the status as staff read it: "Đã bị thay thế bởi
// 1234/QĐ-UBND từ 01/7/2024".
func (e Effect) label() string {
	switch e.State {
	case StateEnded, StateSuspended:
		return changeText(e.Ended, false)
	case StateNotYet:
		return "Chưa có hiệu lực (có hiệu lực từ " + ViDate(e.Since) + ")"
	}
	return stateLabel(e.State)
}

// changeText writes a change that ends a document: "Đã bị thay thế bởi
// 1234/QĐ-UBND từ 01/7/2024", "Hết hiệu lực từ 31/12/2024", or, one to come,
// "sẽ bị thay thế bởi …".
func changeText(c *EffectChange, future bool) string {
	var b strings.Builder
	words := map[cite.Relation][2]string{
		cite.Replaces: {"Đã bị thay thế", "sẽ bị thay thế"},
		cite.Repeals:  {"Đã bị bãi bỏ", "sẽ bị bãi bỏ"},
		cite.Suspends: {"Bị đình chỉ", "sẽ bị đình chỉ"},
		cite.Expires:  {"Hết hiệu lực", "sẽ hết hiệu lực"},
	}[c.Kind]
	if future {
		b.WriteString(words[1])
	} else {
		b.WriteString(words[0])
	}
	if c.By != "" {
		if c.Kind == cite.Expires {
			b.WriteString(" theo ")
		} else {
			b.WriteString(" bởi ")
		}
		b.WriteString(c.By)
	}
	if c.Date != "" {
		b.WriteString(" từ ")
		b.WriteString(ViDate(c.Date))
	}
	return b.String()
}

// ViDate writes YYYY-MM-DD as Vietnamese text does: "01/7/2024".
func ViDate(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.Format("02/1/2006")
}

// RelationLabel names a kind of relation as a Lược đồ (vbpl.vn's "VB liên
// quan") does, from the document's side: what it does (out) or what is done
// to it (in).
func RelationLabel(kind cite.Relation, in bool) string {
	l := relationLabels[kind]
	if in {
		return l[1]
	}
	return l[0]
}

var relationLabels = map[cite.Relation][2]string{
	cite.BasedOn:    {"Văn bản căn cứ", "Văn bản căn cứ vào văn bản này"},
	cite.Implements: {"Văn bản được thực hiện", "Văn bản thực hiện"},
	cite.Guides:     {"Văn bản được hướng dẫn", "Văn bản hướng dẫn"},
	cite.Amends:     {"Văn bản được sửa đổi, bổ sung", "Văn bản sửa đổi, bổ sung"},
	cite.Replaces:   {"Văn bản bị thay thế", "Văn bản thay thế"},
	cite.Repeals:    {"Văn bản bị bãi bỏ", "Văn bản bãi bỏ"},
	cite.Expires:    {"Văn bản hết hiệu lực", "Văn bản quy định hết hiệu lực"},
	cite.Suspends:   {"Văn bản bị đình chỉ", "Văn bản đình chỉ"},
	cite.Mentions:   {"Văn bản dẫn chiếu", "Văn bản dẫn chiếu văn bản này"},
}

// Link is one relation of a document in a Lược đồ: the document at the
// other end, as written, and the stored documents carrying it.
type Link struct {
	Kind      cite.Relation `json:"kind"`
	Label     string        `json:"label"` // RelationLabel
	Key       string        `json:"key"`   // the other end as written
	Docs      []string      `json:"docs,omitempty"`
	Part      string        `json:"part,omitempty"` // the part concerned (of the target)
	Effective string        `json:"effective,omitempty"`
	Source    string        `json:"source"` // the stored document whose text states it
}

// Relations is a document's Lược đồ: what it does to others (Out) and what
// others do to it (In), each in the order of Relations ranks, strongest first.
type Relations struct {
	Out []Link `json:"out"`
	In  []Link `json:"in"`
}

// MaxLinks bounds each direction of a Lược đồ (a law is the căn cứ of
// thousands): the strongest kinds first, so a repeal is never left out for
// the căn cứ.
const MaxLinks = 200
