package crawler

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
)

// What the crawler learns about a site from its pages, so that no site
// needs settings for it:
//
//   - the order of its numeric dates (day or month first), from the
//     evidence every page gives (extract.DateVotes: a component above 12,
//     weekdays, AM/PM times, dates in <meta> and URLs, the listing's date
//     for a link against the page's date); the config's date_order only
//     overrides it;
//   - the prefix and suffix its <title>s share (extract.TitleAffixes), from
//     a sample of them;
//   - the marks its live article pages carry (softmarks.go), which tell
//     an article from the site's answer for a page it lacks (a record of
//     their own, crawl/marks, written every marksSaveEvery pages and at
//     the end of a run: the site state is written with nearly every page).
//
// All are kept with the site's crawl state (KV namespace crawl/site) and
// grow across runs. A page extracted before the evidence was in leaves a
// pending record (crawl/pending): an ambiguous date's two readings, or a
// title that was the whole <title>; at the end of each crawl, pending
// documents are settled with what the site has taught since.
const (
	nsSite    = "crawl/site"    // site → siteState
	nsPending = "crawl/pending" // site \x00 document ID → pending
	nsMarks   = "crawl/marks"   // site → markStats (softmarks.go)
)

// maxTitles bounds the <title> sample kept per site; minTitles is the
// sample after which a site whose titles share nothing is taken to have
// no affixes.
const (
	maxTitles = 64
	minTitles = 20
)

// siteState is what the crawler has learned about one site.
type siteState struct {
	Votes   extract.DateVotes    `json:"date_votes"`
	Titles  []string             `json:"titles,omitempty"`
	Affixes extract.TitleAffixes `json:"title_affixes"`
}

// pending is a stored document that evidence learned later may settle.
type pending struct {
	URL      string   `json:"url"`
	Readings []string `json:"date_readings,omitempty"` // day-first, month-first
	Style    string   `json:"date_style,omitempty"`    // see extract.DescribeStyle
	Head     string   `json:"head,omitempty"`          // the <title> the title was taken whole from
}

// learner holds a site's siteState during one crawl.
type learner struct {
	mu    sync.Mutex
	site  *Site
	st    siteState
	dirty bool
	// marks are the site's article marks (softmarks.go); marksNew
	// counts the pages observed since they were last written.
	marks    *markStats
	marksNew int
}

func loadLearner(store *corpus.Store, site *Site) (*learner, error) {
	l := &learner{site: site}
	v, err := store.GetKV(nsSite, site.Name)
	if err != nil {
		return nil, fmt.Errorf("crawler: site state %s: %w", site.Name, err)
	}
	if v != nil {
		if err := json.Unmarshal(v, &l.st); err != nil {
			// Evidence only: a damaged record is relearned, not fatal.
			l.st = siteState{}
		}
	}
	if v, err = store.GetKV(nsMarks, site.Name); err != nil {
		return nil, fmt.Errorf("crawler: article marks %s: %w", site.Name, err)
	}
	if v != nil {
		var m markStats
		if json.Unmarshal(v, &m) == nil && m.valid() { // damaged: relearned
			l.marks = &m
		}
	}
	return l, nil
}

// configured returns the site's configured date order, if any.
func (l *learner) configured() extract.DateOrder {
	o, _ := extract.ParseDateOrder(l.site.DateOrder)
	return o
}

// order returns the order in force for dates of a style: the configured
// one, else the inferred one (possibly unknown).
func (l *learner) order(style string) extract.DateOrder {
	if o := l.configured(); o != extract.OrderUnknown {
		return o
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.st.Votes.Order(style)
}

// options returns the extraction options for a page reached through hint.
func (l *learner) options(h linkRef) extract.Options {
	o := l.site.Options()
	l.mu.Lock()
	o.SiteVotes = maps.Clone(l.st.Votes)
	o.TitleAffixes = l.st.Affixes
	l.mu.Unlock()
	o.LinkText, o.LinkDate = h.Text, h.Date
	return o
}

// observe adds a page's <title> and date evidence.
func (l *learner) observe(head string, v extract.DateVotes) {
	head = strings.Join(strings.Fields(head), " ")
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(v) > 0 {
		l.st.Votes.Add(v)
		l.dirty = true
	}
	if head == "" || utf8.RuneCountInString(head) > 300 || slices.Contains(l.st.Titles, head) {
		return
	}
	if len(l.st.Titles) == maxTitles {
		l.st.Titles = l.st.Titles[1:] // the oldest goes
	}
	l.st.Titles = append(l.st.Titles, head)
	l.st.Affixes = extract.LearnTitleAffixes(l.st.Titles)
	l.dirty = true
}

// affixes returns the learned title affixes and whether the sample is big
// enough for their absence to mean the site has none.
func (l *learner) affixes() (extract.TitleAffixes, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.st.Affixes, l.st.Affixes != (extract.TitleAffixes{}) || len(l.st.Titles) >= minTitles
}

// saveOps returns the write of the site state when it changed, and of
// its article marks every marksSaveEvery pages observed or, at the end of
// a run (final), when any was.
func (l *learner) saveOps(final bool) []corpus.KVOp {
	l.mu.Lock()
	defer l.mu.Unlock()
	var ops []corpus.KVOp
	if l.dirty {
		l.dirty = false
		v, _ := json.Marshal(l.st)
		ops = append(ops, corpus.KVOp{NS: nsSite, Key: l.site.Name, Value: v})
	}
	if l.marksNew >= marksSaveEvery || final && l.marksNew > 0 {
		l.marksNew = 0
		v, _ := json.Marshal(l.marks)
		ops = append(ops, corpus.KVOp{NS: nsMarks, Key: l.site.Name, Value: v})
	}
	return ops
}

func pendingKey(site, docID string) string { return site + "\x00" + docID }

// settle applies what a site has learned to an article just extracted: an
// ambiguous date is read in the site's order when that is now known, a
// title that is the whole <title> loses the affixes now learned. It
// returns the pending record the document still needs, or nil.
func (l *learner) settle(a *extract.Article, head, pageURL string) *pending {
	a.Resolve(l.order(a.DateStyle))
	p := &pending{URL: pageURL}
	if a.DateAmbiguous {
		p.Readings, p.Style = a.DateReadings, a.DateStyle
	}
	if head = strings.Join(strings.Fields(head), " "); a.Title == head {
		aff, final := l.affixes()
		if t := aff.Strip(head); t != head {
			a.Title = t // this very page completed the sample
		} else if !final {
			p.Head = head
		}
	}
	if p.Readings == nil && p.Head == "" {
		return nil
	}
	return p
}

// pendingOp is the write of a document's pending record (a delete when
// nothing is pending).
func pendingOp(site, docID string, p *pending) corpus.KVOp {
	op := corpus.KVOp{NS: nsPending, Key: pendingKey(site, docID)}
	if p != nil {
		op.Value, _ = json.Marshal(p)
	}
	return op
}

// resolvePending settles the site's pending documents with the date order
// and title affixes learned so far, and saves the site state. It returns
// how many documents changed.
func (r *run) resolvePending() (int, error) {
	st := r.c.store
	type item struct {
		id string
		p  pending
	}
	var items []item
	prefix := r.site.Name + "\x00"
	err := st.ForEachKV(nsPending, func(k string, v []byte) error {
		id, ok := strings.CutPrefix(k, prefix)
		if !ok {
			return nil
		}
		var p pending
		if json.Unmarshal(v, &p) == nil {
			items = append(items, item{id, p})
		} else {
			items = append(items, item{id: id}) // unreadable: dropped below
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("crawler: pending %s: %w", r.site.Name, err)
	}
	aff, final := r.learn.affixes()
	resolved := 0
	ops := r.learn.saveOps(true)
	for _, it := range items {
		doc, err := st.Get(it.id)
		if err != nil || doc == nil || doc.Gone || it.p.URL == "" {
			ops = append(ops, pendingOp(r.site.Name, it.id, nil))
			continue
		}
		p, changed := it.p, false
		if len(p.Readings) == 2 {
			a := extract.Article{DateAmbiguous: true, DateReadings: p.Readings}
			if a.Resolve(r.learn.order(p.Style)) {
				doc.Published, doc.DateAmbiguous, p.Readings = a.Published, false, nil
				changed = true
			}
		}
		if p.Head != "" && final {
			if t := aff.Strip(p.Head); t != p.Head && doc.Title == p.Head {
				doc.Title = t
				changed = true
			}
			p.Head = ""
		}
		if changed {
			if _, err := st.Put(doc); err != nil {
				return resolved, fmt.Errorf("crawler: settle %s: %w", doc.URL, err)
			}
			resolved++
		}
		if p.Readings == nil && p.Head == "" {
			ops = append(ops, pendingOp(r.site.Name, it.id, nil))
		} else if changed {
			ops = append(ops, pendingOp(r.site.Name, it.id, &p))
		}
	}
	return resolved, st.ApplyKV(ops)
}

// SiteLearned is what the crawler has learned about one site, for
// `vanban status`.
type SiteLearned struct {
	Site string `json:"site"`
	// DateOrder is the inferred order of numeric dates over all styles
	// ("dmy", "mdy", or "" while the evidence is missing or conflicting);
	// Styles gives it per date style (extract.DescribeStyle) when the
	// site prints dates in several. A configured date_order overrides both.
	DateOrder    string               `json:"date_order"`
	Styles       map[string]string    `json:"date_styles,omitempty"`
	Votes        extract.DateVotes    `json:"date_votes"`
	TitleAffixes extract.TitleAffixes `json:"title_affixes"`
	Titles       int                  `json:"titles_sampled"`
	Pending      int                  `json:"pending"` // documents with an ambiguous date or an unsettled title
}

// Learned returns, for every site with crawl state, what the crawler has
// inferred about it, in site order.
func Learned(store *corpus.Store) ([]SiteLearned, error) {
	var out []SiteLearned
	err := store.ForEachKV(nsSite, func(site string, v []byte) error {
		var st siteState
		if json.Unmarshal(v, &st) != nil {
			return nil
		}
		sl := SiteLearned{Site: site, DateOrder: st.Votes.Total().Order().String(), Votes: st.Votes,
			TitleAffixes: st.Affixes, Titles: len(st.Titles)}
		if len(st.Votes) > 1 {
			sl.Styles = map[string]string{}
			for style := range st.Votes {
				sl.Styles[extract.DescribeStyle(style)] = st.Votes.Order(style).String()
			}
		}
		out = append(out, sl)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("crawler: site states: %w", err)
	}
	err = store.ForEachKV(nsPending, func(k string, _ []byte) error {
		site, _, _ := strings.Cut(k, "\x00")
		for i := range out {
			if out[i].Site == site {
				out[i].Pending++
			}
		}
		return nil
	})
	return out, err
}

// DescribeLearned is one line of `vanban status` about a site: its
// inferred date order with the evidence, its learned title affixes and its
// pending documents.
func DescribeLearned(l SiteLearned) string {
	order := l.DateOrder
	if order == "" {
		order = "unknown"
	}
	v := l.Votes.Total()
	s := fmt.Sprintf("site %s: dates %s (evidence dmy %d, mdy %d; hints dmy %d, mdy %d)",
		l.Site, order, v.DayFirst, v.MonthFirst, v.DayFirstHints, v.MonthFirstHints)
	if len(l.Styles) > 1 {
		var styles []string
		for st, o := range l.Styles {
			if o == "" {
				o = "unknown"
			}
			styles = append(styles, fmt.Sprintf("%q %s", st, o))
		}
		slices.Sort(styles)
		s += " by style: " + strings.Join(styles, ", ")
	}
	s += fmt.Sprintf("; %d titles sampled", l.Titles)
	if a := l.TitleAffixes; a.Prefix != "" {
		s += fmt.Sprintf(", title prefix %q", a.Prefix)
	}
	if a := l.TitleAffixes; a.Suffix != "" {
		s += fmt.Sprintf(", title suffix %q", a.Suffix)
	}
	if l.Pending > 0 {
		s += fmt.Sprintf("; %d documents pending (ambiguous date or title)", l.Pending)
	}
	return s
}
