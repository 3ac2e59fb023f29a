package search

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanban/vanban/internal/shared"
)

// price is the cost of a query as Search prices it (top-k asked, as the
// page and the API ask).
func price(s *Searcher, q string, sort string) (Cost, error) {
	return s.Price(Request{Query: q, TopOnly: true, Sort: sort})
}

// TestBudget: the queries of the hardening report are refused before they
// run, with a message saying what to shorten; staff queries, long
// questions and a few phrases pass.
func TestBudget(t *testing.T) {
	s := New(nil)
	words := strings.Fields(strings.Join(sentences(), " "))
	long := strings.Join(words[:200], " ") // ~1 KB of free words
	for _, c := range []struct {
		q, sort string
		refuse  string // part the message names, "" when accepted
	}{
		{q: strings.Repeat(`"cua cac" `, 100), refuse: "100 quoted phrases"},
		{q: strings.Repeat(`"cua cac" `, 12), refuse: "use fewer quoted phrases (at most 11 "},
		{q: strings.Repeat(`"cua cac" `, 11)},
		{q: `"chuyển đổi số" "kế hoạch" "ủy ban nhân dân" nghị quyết 154 năm 2023 -"báo cáo"`},
		{q: "luật " + strings.Repeat("-của -các -quy -định ", 4), refuse: "16 exclusions"},
		{q: long},
		{q: long, sort: "date", refuse: "use fewer words"},
		{q: strings.Repeat("nq 1 ", 120) + strings.Repeat("kh 2 ", 120), refuse: "partial-number patterns"},
		{q: "kế hoạch thực hiện nghị quyết 154 là gì"},
	} {
		cost, err := price(s, c.q, c.sort)
		var ce *CostError
		switch {
		case c.refuse == "" && err != nil:
			t.Errorf("%.60q: refused (%v), want accepted", c.q, err)
		case c.refuse != "" && !errors.As(err, &ce):
			t.Errorf("%.60q: cost %d (%+v) accepted, want refused for %s", c.q, cost.Units(), cost, c.refuse)
		case c.refuse != "" && !strings.Contains(err.Error(), c.refuse):
			t.Errorf("%.60q: %v; want it to name %q", c.q, err, c.refuse)
		}
	}
}

// TestBudgetRealQueries: every query of the evaluation sets and of the
// ranking set is within the budget (the budget refuses no real question).
func TestBudgetRealQueries(t *testing.T) {
	s := New(nil)
	var qs []string
	for _, set := range []string{"alqac22", "alqac23-train", "alqac23-test", "alqac23oct-test"} {
		f, err := os.Open(shared.Path(t, "eval", set, "queries.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var q struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
				t.Fatal(err)
			}
			qs = append(qs, q.Text)
		}
		f.Close()
	}
	qs = append(qs, topOnlyQueries(t)...)
	worst, at := 0, ""
	for _, q := range qs {
		for _, sort := range []string{"", "date"} {
			c, err := price(s, q, sort)
			if err != nil && !errors.Is(err, ErrEmptyQuery) {
				t.Errorf("%q (sort %q): %v", q, sort, err)
			}
			if c.Units() > worst {
				worst, at = c.Units(), q
			}
		}
	}
	t.Logf("%d queries; the costliest %d units (budget %d): %.80q", len(qs), worst, s.budget.Max, at)
}

// TestEmptyQueries: a query with no word the index holds is empty, not a
// search matching nothing (or everything).
func TestEmptyQueries(t *testing.T) {
	s := New(nil)
	for _, q := range []string{"", " ", "-", "- -", `"-"`, `"?"`, "-?", `-"" ...`, "“”"} {
		if _, err := s.Search(context.Background(), Request{Query: q, TopOnly: true}); !errors.Is(err, ErrEmptyQuery) {
			t.Errorf("Search(%q): %v, want ErrEmptyQuery", q, err)
		}
	}
}

// TestDateRange: a date bleve cannot hold is a clear error, naming the
// range, before anything runs.
func TestDateRange(t *testing.T) {
	s := New(nil)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		f  Filters
		ok bool
	}{
		{Filters{From: day(1600, 1, 1)}, false},
		{Filters{To: day(9999, 12, 31)}, false},
		{Filters{To: day(2262, 4, 11)}, false},
		{Filters{From: day(1677, 11, 30)}, false},
		{Filters{From: MinDate, To: MaxDate}, true},
		{Filters{From: day(2020, 1, 1), To: day(2024, 12, 31)}, true},
	} {
		_, err := s.Price(Request{Query: "luật", Filters: c.f})
		var de *DateRangeError
		if c.ok != (err == nil) || !c.ok && (!errors.As(err, &de) || !strings.Contains(err.Error(), "1677-12-01 to 2262-04-10")) {
			t.Errorf("filters %v: %v", c.f, err)
		}
	}
}

// TestDateRangeRuns: the extreme dates the filter accepts run on a real
// index.
func TestDateRangeRuns(t *testing.T) {
	s := demoSearcher(t)
	if _, err := s.Search(context.Background(), Request{Query: "nghị quyết", Filters: Filters{From: MinDate, To: MaxDate}}); err != nil {
		t.Fatal(err)
	}
}

// TestAdmission: expensive searches beyond the slots wait, beyond the
// queue they are refused (ErrBusy), and a cheap search never waits.
func TestAdmission(t *testing.T) {
	d := demoSearcher(t)
	s := New(d.idx, WithTexts(d.texts), WithBudget(Budget{Max: 400, Expensive: 100, Slots: 1, Queue: 1}))
	costly := strings.Repeat(`"nghị quyết" `, 4) // 4 × 34 units
	c, err := price(s, costly, "")
	if err != nil || c.Units() < 100 {
		t.Fatalf("cost %d, %v: want an expensive accepted query", c.Units(), err)
	}
	release, err := s.admit(context.Background(), c) // the slot, held
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	waiting := make(chan error, 1)
	wg.Add(1)
	go func() { // the queue's one place
		defer wg.Done()
		_, err := s.Search(context.Background(), Request{Query: costly, TopOnly: true})
		waiting <- err
	}()
	for s.Stats().Waiting == 0 {
		time.Sleep(time.Millisecond)
	}
	if _, err := s.Search(context.Background(), Request{Query: costly, TopOnly: true}); !errors.Is(err, ErrBusy) {
		t.Errorf("queue full: %v, want ErrBusy", err)
	}
	if _, err := s.Search(context.Background(), Request{Query: "nghị quyết", TopOnly: true}); err != nil {
		t.Errorf("cheap search while the slot is held: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Search(ctx, Request{Query: costly, TopOnly: true}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before its turn: %v", err)
	}
	release()
	wg.Wait()
	if err := <-waiting; err != nil {
		t.Errorf("the waiting search, once the slot is free: %v", err)
	}
	if st := s.Stats(); st.Busy != 1 || st.Running != 0 || st.Waiting != 0 {
		t.Errorf("stats %+v, want 1 busy, none running or waiting", st)
	}
}

// TestExpensive: a search waits for a slot for its units or for its
// phrases' positions, a quarter of the positions budget or more.
func TestExpensive(t *testing.T) {
	b := Budget{Max: 400, Expensive: 100, MaxPositions: 20000}
	for _, c := range []struct {
		cost Cost
		want bool
	}{
		{Cost{Words: 10}, false},
		{Cost{Words: 100}, true},
		{Cost{Phrases: 2, Words: 4, Positions: 4999}, false},
		{Cost{Phrases: 2, Words: 4, Positions: 5000}, true},
		{Cost{Phrases: 1, Words: 2, Positions: 1 << 20}, true},
	} {
		if got := b.expensive(c.cost); got != c.want {
			t.Errorf("%+v: expensive %v, want %v", c.cost, got, c.want)
		}
	}
	if (Budget{Expensive: 100}).expensive(Cost{Positions: 1 << 20}) {
		t.Error("no positions budget: positions make nothing expensive")
	}
}

// FuzzCost: pricing any query never panics; adding a quoted phrase never
// lowers the price, in units or in positions on the index; and what the budget accepts compiles to a bounded
// query (at most leavesPerUnit term or phrase queries a unit) that runs on
// a real index reading at most that many postings lists.
func FuzzCost(f *testing.F) {
	for _, q := range []string{"", "nghị quyết 154/NQ-CP", `"cua cac" "cua cac"`, "kh 45 -syt", `-"a b" c`, `"unclosed`, "UBND HĐND là gì", "- -", `x "`} {
		f.Add(q, "chuyển đổi số")
	}
	s := demoSearcher(f)
	docs, err := s.idx.DocCount()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q, phrase string) {
		phrase = strings.Map(func(r rune) rune {
			if strings.ContainsRune("\"“”", r) {
				return ' '
			}
			return r
		}, phrase)
		c1, err1 := price(s, q, "")
		c2, err2 := price(s, q+` "`+phrase+`"`, "")
		if errors.Is(err1, ErrEmptyQuery) {
			return
		}
		if c2.Units() < c1.Units() {
			t.Fatalf("adding the phrase %q to %q lowers the cost from %d (%+v) to %d (%+v)", phrase, q, c1.Units(), c1, c2.Units(), c2)
		}
		// both priced on the index (neither refused by its shape first):
		// a phrase adds its positions
		if pricedOnIndex(err1) && pricedOnIndex(err2) && c2.Positions < c1.Positions {
			t.Fatalf("adding the phrase %q to %q lowers the positions from %d to %d", phrase, q, c1.Positions, c2.Positions)
		}
		if err1 != nil {
			var ce *CostError
			if !errors.As(err1, &ce) && !errors.Is(err1, ErrEmptyQuery) {
				t.Fatalf("%q: %v", q, err1)
			}
			return
		}
		p := Build(ParseQuery(q), Filters{}, s.weights)
		b, err := json.Marshal(p.bleveQuery(nil))
		if err != nil {
			t.Fatal(err)
		}
		leaves := strings.Count(string(b), `"term":`) + strings.Count(string(b), `"match_phrase":`) + strings.Count(string(b), `"regexp":`)
		// an intent compiles the query's text once more, priced a
		// quarter (intentShare: it runs only on the documents holding
		// the intent's term) but compiled whole: its leaves counted
		// beside the units ("NQ B 0 1", found by this target)
		if limit := leavesPerUnit * (max(c1.Units(), 1) + c1.Intents*c1.IntentText); leaves > limit {
			t.Fatalf("%q: cost %d (%+v) compiles to %d term, phrase and regexp queries, more than %d", q, c1.Units(), c1, leaves, limit)
		}
		before, positionsBefore := s.Stats().PostingsRead, s.Stats().PositionsRead
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := s.Search(ctx, Request{Query: q, TopOnly: true, Facets: true}); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		// every term reader reads each document at most once; a phrase or
		// restored word opens at most leavesPerUnit readers a unit
		if read := s.Stats().PostingsRead - before; read > uint64(leavesPerUnit*max(c1.Units(), 1))*docs {
			t.Fatalf("%q: cost %d read %d postings of %d documents", q, c1.Units(), read, docs)
		}
		// and the positions its phrases read are within what the guard
		// allows: twice the budget (a search reading more fails above)
		if read := s.Stats().PositionsRead - positionsBefore; read > 2*uint64(s.budget.MaxPositions) {
			t.Fatalf("%q: priced %d positions, read %d", q, c1.Positions, read)
		}
	})
}

// pricedOnIndex reports whether a price's error leaves it priced on the
// index: admitted, or refused for its positions (not for its shape).
func pricedOnIndex(err error) bool {
	var ce *CostError
	return err == nil || errors.As(err, &ce) && ce.MaxPositions > 0
}

// leavesPerUnit bounds the term, phrase and regexp queries a unit of cost
// compiles to: a word is six terms (three views, title and body) and
// restored accents two more; a phrase (30 units) two phrase queries; a
// number one term; a partial number one regexp.
const leavesPerUnit = 8
