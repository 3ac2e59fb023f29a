package crawler

// Case duplicates: a case-blind server (IIS, a CMS routing by slug) serves
// one article at /Van-Ban/Ke-Hoach-45.html and /van-ban/ke-hoach-45.html,
// and portals link both. The crawler cannot know a server is case-blind
// (canonical URLs keep the path's case: another server's two paths may be
// two documents), but it can see the same document twice: a page whose
// URL differs from a stored document's only by case, and whose extracted
// document is that document's (sameDocument), is an alias of it — its
// state names that document (DocID) and its URL (Alias), and nothing is
// stored. A page that differs in anything is a document of its own, so
// two different documents are never merged; an alias whose page later
// differs becomes its own document.
//
// nsFold maps each lower-cased canonical URL to the URL whose document it
// is (the first stored). A store written before this rule has none: the
// first new run fills it from the crawl states and makes the second copy
// of a document already stored twice an alias (foldStates).

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/vanban/vanban/corpus"
)

const nsFold = "crawl/fold" // lower-cased URL → the URL whose document it is

func foldKey(u string) string { return strings.ToLower(u) }

// sameDocument reports whether two extracted documents are one: every
// field a reader sees equal, attachment links equal but for case (a
// relative link resolves against each spelling of the page).
func sameDocument(a, b *corpus.Document) bool {
	return a.Title == b.Title && a.Published == b.Published && a.Summary == b.Summary && a.Body == b.Body &&
		a.Category == b.Category && a.Type == b.Type && a.Number == b.Number && a.Issuer == b.Issuer &&
		a.DateAmbiguous == b.DateAmbiguous &&
		slices.EqualFunc(a.Attachments, b.Attachments, strings.EqualFold)
}

// foldHolder returns the URL holding u's spelling: this run's record
// first (written with the URL's state, when it is finished), then the
// store's.
func (r *run) foldHolder(k string) (string, error) {
	r.mu.Lock()
	h, ok := r.foldMem[k]
	r.mu.Unlock()
	if ok {
		return h, nil
	}
	v, err := r.c.store.GetKV(nsFold, k)
	return string(v), err
}

// caseTwin returns the live document, and its URL, that the page at u
// repeats under another spelling of u, or nil.
func (r *run) caseTwin(u string, doc *corpus.Document) (*corpus.Document, string) {
	keeper, err := r.foldHolder(foldKey(u))
	if err != nil || keeper == "" || keeper == u {
		return nil, ""
	}
	kd, err := r.c.store.Get(corpus.IDForURL(keeper))
	if err != nil || kd.Gone || !sameDocument(kd, doc) {
		return nil, ""
	}
	return kd, keeper
}

// noteFold records u, whose document was just stored, as the holder of its
// spelling unless another URL's live document holds it (the record is
// written with the state of from, the URL asked); then u is remembered
// for refold (the holder's page may change later in the run the way u's
// did: one document, seen first under the other spelling).
func (r *run) noteFold(from, u string) error {
	k := foldKey(u)
	h, err := r.foldHolder(k)
	if err != nil || h == u {
		return err
	}
	if h != "" {
		if kd, err := r.c.store.Get(corpus.IDForURL(h)); err == nil && !kd.Gone {
			r.mu.Lock()
			if r.folds == nil {
				r.folds = map[string][]string{}
			}
			r.folds[k] = append(r.folds[k], u, h)
			r.mu.Unlock()
			return nil
		}
	}
	r.mu.Lock()
	if r.foldMem == nil {
		r.foldMem = map[string]string{}
	}
	r.foldMem[k] = u
	r.mu.Unlock()
	r.addOps(from, corpus.KVOp{NS: nsFold, Key: k, Value: []byte(u)})
	return nil
}

// alias makes u's state name keeper's document; a document u stored as
// its own before is made a tombstone.
func (r *run) alias(u string, state *urlState, kd *corpus.Document, keeper string) {
	if r.ownDoc(u, *state) && state.DocID != kd.ID {
		if _, err := r.c.store.MarkGone(state.DocID); err != nil {
			r.fail(u, "store", err)
			return
		}
	}
	if state.Alias != keeper || state.DocID != kd.ID {
		r.count(func(rep *Report) { rep.Aliases++ })
		r.c.log.Info("case alias", "site", r.site.Name, "url", u, "of", keeper)
	}
	state.DocID, state.Alias = kd.ID, keeper
}

// refold applies foldStates, at the end of a run, to the spellings whose
// documents this run stored apart (noteFold).
func (r *run) refold() error {
	r.mu.Lock()
	folds := r.folds
	r.folds = nil
	r.mu.Unlock()
	own := map[string]urlState{}
	for _, us := range folds {
		for _, u := range us {
			v, err := r.c.store.GetKV(nsURL, u)
			if err != nil {
				return err
			}
			if s, err := decodeState(u, v); v != nil && err == nil && s.DocID == corpus.IDForURL(u) {
				own[u] = s
			}
		}
	}
	if len(own) == 0 {
		return nil
	}
	return r.foldStates(own)
}

// foldStates fills nsFold from the crawl states of documents stored under
// their own URL, for a store written before it existed, and makes the
// later spelling of a document stored twice an alias of the first. It is
// given every such state (URL → state) of the run's site.
func (r *run) foldStates(own map[string]urlState) error {
	held := map[string]bool{}
	if err := r.c.store.ForEachKV(nsFold, func(k string, _ []byte) error { held[k] = true; return nil }); err != nil {
		return err
	}
	groups := map[string][]string{}
	for u := range own {
		k := foldKey(u)
		groups[k] = append(groups[k], u)
	}
	var ops []corpus.KVOp
	for k, us := range groups {
		if len(us) == 1 {
			if !held[k] {
				ops = append(ops, corpus.KVOp{NS: nsFold, Key: k, Value: []byte(us[0])})
			}
			continue
		}
		slices.Sort(us)
		keeper := us[0]
		if h, err := r.foldHolder(k); err == nil && slices.Contains(us, h) {
			keeper = h
		}
		kd, err := r.c.store.Get(corpus.IDForURL(keeper))
		if err != nil || kd.Gone {
			continue
		}
		if !held[k] {
			ops = append(ops, corpus.KVOp{NS: nsFold, Key: k, Value: []byte(keeper)})
		}
		for _, u := range us {
			if u == keeper {
				continue
			}
			d, err := r.c.store.Get(corpus.IDForURL(u))
			if err != nil || d.Gone || !sameDocument(kd, d) {
				continue
			}
			s := own[u]
			r.alias(u, &s, kd, keeper)
			v, _ := json.Marshal(s)
			ops = append(ops, corpus.KVOp{NS: nsURL, Key: u, Value: v})
		}
	}
	return r.c.store.ApplyKV(ops)
}
