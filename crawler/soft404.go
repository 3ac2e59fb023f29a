package crawler

// Soft 404s: a portal that answers a page it no longer has with 200 and
// its error template ("Không tìm thấy trang", "Trang không tồn tại", a
// blank page). Words on the page cannot decide it: an article may quote
// them, and a wrong decision deletes a document. The signal used instead
// is the site's own answer for a page that cannot exist: a probe beside
// the page's address (probeurl.go: its last segment a random name and its
// numbers 0, or for a query-routed page the same handler asked for an
// item number far past the known ones, or a GUID no item has), asked once
// per run and address shape. A page is a soft 404 when
//
//   - the probe answered 200 (a site answering 404 for what it lacks
//     gives no soft 404s), and the probe's text does not hold the title
//     or number of the page's stored document (a site that ignores the
//     part of the address the probe changed serves the document itself
//     there: one edited in its title and text still shows its number);
//   - the page's text does not hold its stored document's title or number
//     (a page showing its document is not gone, whatever else it says);
//   - and the page reads as the probe: the same visible text, or the same
//     extracted article (a counter or a clock in the chrome), each once
//     the address asked for is taken out of the text under the headings
//     (templates that name it; a page whose title or heading names its
//     address is its own);
//   - and, when the probe kept the page's directory (no digits in it: a
//     slug per document may route the page, and the probe then got the
//     document, edited in title, text and number or not), a probe in a
//     directory the site cannot have reads the same when it answers 200:
//     the answer is the site's, not the directory's. When it answers 404
//     the first probe's answer must read as a template (a sentence or
//     two, no number), not as a document: sites that answer an unknown
//     section with a real 404 keep their soft 404s;
//   - and the page carries under a quarter of the article marks the
//     site's live pages carry and its answer for a page it lacks does
//     not (softmarks.go): structure, not text. Without such marks the
//     text decides alone, and the verdict is not sure: a live document
//     is suspected night after night, never made a tombstone (page.go).
//
// It is asked only of an article page whose extraction differs from its
// stored document, and of a new page with a thin article (softCheck): an
// unchanged page costs nothing.
// A soft 404 is handled as a 404 (page.go: tombstone, misses, and the
// document back when the page is).

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/crawler/extract"
)

// probeAnswer is the site's answer to a probe.
type probeAnswer struct {
	once  sync.Once
	ok    bool          // answered 200 with an HTML page
	fp    fingerprints  // of that page
	marks map[mark]bool // its marks (softmarks.go)
}

// fingerprints are a page's article and visible text, normalised;
// docLike says its article reads as a document, not a template: it has
// a number, or thinBody characters of text or more.
type fingerprints struct {
	article, text string
	docLike       bool
}

// randomToken returns 12 random lower-case letters.
func randomToken() string {
	var b [12]byte
	rand.Read(b[:])
	for i := range b {
		b[i] = 'a' + b[i]%26
	}
	return string(b[:])
}

// addressTokens are the spellings of u an error template may print: the
// whole address, its path (escaped or not, with its query or not), its
// query and query values. Longest first. Not the last segment alone: a
// page titled by its slug would read as the probe.
func addressTokens(u *url.URL) []string {
	toks := []string{u.String(), u.EscapedPath() + "?" + u.RawQuery, u.EscapedPath(), u.Path, u.RawQuery}
	if q, err := url.ParseQuery(u.RawQuery); err == nil {
		for _, vs := range q {
			toks = append(toks, vs...)
		}
	}
	var out []string
	for _, t := range toks {
		if len(t) >= 3 {
			out = append(out, strings.ToLower(t))
		}
	}
	// Longest first, so that a path is taken out before its segment.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// normalise lower-cases s, takes the tokens out of it and collapses white
// space. Digits stay: a document's number is what tells it from the next
// one ("Thông báo số 1" is not "Thông báo số 0").
func normalise(s string, tokens []string) string {
	s = strings.ToLower(s)
	for _, t := range tokens {
		s = strings.ReplaceAll(s, t, " ")
	}
	return strings.Join(strings.Fields(s), " ")
}

// visibleText is the text of the page's nodes a reader sees (no script,
// style, noscript or template): its headings (h1–h3) and the rest.
func visibleText(p *extract.Page) (headings, rest string) {
	var h, b strings.Builder
	var walk func(n *html.Node, out *strings.Builder)
	walk = func(n *html.Node, out *strings.Builder) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "head":
				return
			case "h1", "h2", "h3":
				out = &h
			}
		}
		if n.Type == html.TextNode {
			out.WriteString(n.Data)
			out.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, out)
		}
	}
	for _, n := range p.Doc.Nodes {
		walk(n, &b)
	}
	return h.String(), b.String()
}

// fingerprint returns the page's fingerprints; opt are the extraction
// options without a link's hints, the same for the page and its probe.
// The address asked for (u) is taken out of the text but not of the
// titles and headings: a template may say which address it lacks, and a
// page that names its own address in its title is its own page.
func fingerprint(p *extract.Page, u *url.URL, opt extract.Options) fingerprints {
	f := textPrint(p, u)
	f.articlePrint(p, u, opt)
	return f
}

// textPrint returns the page's visible text fingerprint only.
func textPrint(p *extract.Page, u *url.URL) fingerprints {
	h, rest := visibleText(p)
	return fingerprints{text: normalise(p.HeadTitle()+"\n"+h, nil) + "\n" + normalise(rest, addressTokens(u))}
}

// articlePrint adds the extracted article's fingerprint.
func (f *fingerprints) articlePrint(p *extract.Page, u *url.URL, opt extract.Options) {
	a := p.Article(opt)
	// the number as a stored document takes it (from the title too)
	f.docLike = ArticleDocument(u.String(), "", a).Number != "" || utf8.RuneCountInString(a.Body) >= thinBody
	f.article = normalise(a.Title, nil) + "\n" + normalise(a.Body, addressTokens(u))
	if strings.TrimSpace(f.article) == "" {
		f.article = ""
	}
}

// readsAs reports whether two answers read the same: the same visible
// text, or the same extracted article.
func (f fingerprints) readsAs(g fingerprints) bool {
	return f.text == g.text || f.article != "" && f.article == g.article
}

// holdsTitle reports whether fingerprints show doc: its title as the
// page's title, a heading or in its article, or its number anywhere (số
// ký hiệu, "46/TB-UBND": letters and digits, never a bare count) — a
// notice edited in its title still shows its number, and a site serving
// it under any address beside its own (a CMS routing by the slug's
// directory) answers the probe with it. A title shown only among the
// page's other text is no sign: a menu's page ("Giới thiệu chung") is
// named by the menu on every page, a maintenance page too.
func (f fingerprints) holdsTitle(doc *corpus.Document) bool {
	if doc == nil {
		return false
	}
	t := normalise(doc.Title, nil)
	head, _, _ := strings.Cut(f.text, "\n") // the <title> and headings (textPrint)
	if t != "" && (strings.Contains(head, t) || strings.Contains(f.article, t)) {
		return true
	}
	n := normalise(doc.Number, nil)
	return strings.ContainsFunc(n, unicode.IsDigit) && strings.ContainsFunc(n, unicode.IsLetter) && strings.Contains(f.text, n)
}

// soft404 reports whether the page fetched from u (its stored document
// stored, nil when it has none) is the site's answer for a page it lacks,
// and whether that is sure: the page lacks the marks the site's live
// article pages carry and the probe's answer lacks (softmarks.go), which
// does not depend on its text. A page carrying them is no soft 404,
// whatever its text. Without such marks the text decides alone, not
// sure: a live document is then made a tombstone only by the rules of
// suspects.go, which need indep: the reference answer came from an
// address that cannot route to the page's document (not the page's own
// directory, which may serve the document itself).
func (r *run) soft404(page *extract.Page, u *url.URL, stored *corpus.Document) (soft, sure, indep bool) {
	if r.offline {
		return false, false, false
	}
	opt := r.learn.options(linkRef{})
	pa, confirm := r.probe(u, opt)
	if !pa.ok || pa.fp.holdsTitle(stored) {
		return false, false, false
	}
	fp := textPrint(page, u)
	if fp.holdsTitle(stored) {
		return false, false, false
	}
	if fp.text != pa.fp.text { // the article, only when needed
		fp.articlePrint(page, u, opt)
	}
	if !fp.readsAs(pa.fp) {
		return false, false, false
	}
	// The site's answer for a page it lacks, the marks are measured
	// against: the probe's, or, when the probe kept the page's directory
	// (which may be what routes it: a slug per document, the probe then
	// got the page's own document), the answer in a directory the site
	// cannot have — which must read the same, or the page is its
	// directory's own. A real 404 there says nothing; the probe's answer
	// then stands when it reads as a template (a sentence or two, no
	// number), not as a document.
	ref, indep := pa, !confirm
	if confirm {
		if raw, key := dirProbeURL(u, randomToken()); raw != "" {
			pb := r.probeAt(key, func() string { return raw }, opt)
			switch {
			case pb.ok && !pb.fp.readsAs(pa.fp) && !fp.readsAs(pb.fp):
				return false, false, false
			case pb.ok:
				ref, indep = pb, true
			case pa.fp.docLike, r.slugDir(u):
				return false, false, false
			}
		}
	}
	if own := r.learn.ownMarks(ref.marks); len(own) > 0 {
		return !carriesMarks(pageMarks(page), own), true, indep
	}
	return true, false, indep
}

// errSoft404 is store's answer for a soft 404 (handled as a 404), and
// errSoftSuspect for a page that reads as one while its document is live
// and was not suspected by an earlier run: the document is kept as it is
// (the page is not stored), the state marked (urlState.Suspect), and the
// next run, reading the page as a soft 404 again, makes it a tombstone.
// A site answering every address with one page for a night (maintenance)
// so costs no document.
var (
	errSoft404     = errors.New("soft 404: the page reads as the site's answer for a page it lacks")
	errSoftSuspect = errors.New("soft 404 suspected: the page reads as the site's answer for a page it lacks, for the first time")
)

// softCheck reports whether the article page fetched from u is to be
// checked for a soft 404, and its stored document: a page with no
// article, or whose article differs from its document, or one with no
// live document. An unchanged article is not checked.
func (r *run) softCheck(state *urlState, a *extract.Article, noArticle bool) (bool, *corpus.Document) {
	var d *corpus.Document
	if state.DocID != "" {
		d, _ = r.c.store.Get(state.DocID)
	}
	if d == nil { // a new page: only when it is thin, as templates are
		return noArticle || utf8.RuneCountInString(a.Body) < thinBody, nil
	}
	return noArticle || d.Gone || d.Title != a.Title || d.Body != a.Body, d
}

// thinBody is the length (characters) under which a new page's article is
// checked for a soft 404: error templates say a sentence or two ("Trang
// bạn yêu cầu không tồn tại hoặc đã bị gỡ bỏ…", 110 characters). A short
// real notice costs a probe per run and address shape, nothing more.
const thinBody = 200

// probe asks the site, once per run and address shape, for a page that
// cannot exist beside u (probeurl.go). confirm says the probe kept u's
// directory, which may route u: a page reading as it is a soft 404 only
// when a probe in another directory reads the same.
func (r *run) probe(u *url.URL, opt extract.Options) (pa *probeAnswer, confirm bool) {
	if param, value := r.routeParam(u); param != "" {
		key := urlShape(u.String()) + "#" + strings.ToLower(param)
		return r.probeAt(key, func() string {
			switch valueKind(value) {
			case idGUID:
				return guidProbeURL(u, param, value, randomGUIDBytes())
			case idSlug:
				return slugProbeURL(u, param, randomToken())
			}
			raw, _, ok := idProbeURL(u, param, r.knownID(u, param), int64(randomToken()[0]))
			if !ok {
				return ""
			}
			return raw
		}, opt), false
	}
	raw, key := probeURL(u, randomToken())
	return r.probeAt(key, func() string { return raw }, opt), dirRoutes(u)
}

// slugDir reports whether u's directory is, by the run's URLs, a slug
// of one document: no other URL the run knows sits in it, and another
// sits in a directory of its own beside it (/thong-bao/lich-hop/index.html
// beside /thong-bao/lich-truc/index.html). The site's answer in u's own
// directory may then be u's document, whatever the address under it:
// with a real 404 for a directory it lacks, such a site tells a page
// taken down by that 404, and a page reading as its directory's answer
// is its own (a short notice, new or rewritten whole). A section shared
// by several pages (/tin-tuc/<slug>.html) is none. The run's URLs under
// a parent directory are summed up once (dirsUnder) and again only when
// the run knows twice as many URLs: on a site of one directory a
// notice, each of its pages may ask, and a scan of 100,000 URLs costs
// 15–30 ms under the run's lock (BenchmarkSlugDir).
func (r *run) slugDir(u *url.URL) bool {
	dir, _ := path.Split(u.Path)
	parent, name := path.Split(strings.TrimSuffix(dir, "/"))
	if parent == "" || name == "" {
		return false
	}
	prefix := u.Scheme + "://" + u.Host + parent
	r.mu.Lock()
	defer r.mu.Unlock()
	d := r.dirs[prefix]
	if d == nil || len(r.seen) > 2*d.known {
		d = r.dirsUnder(prefix)
	}
	if n := d.urls[name]; n > 1 || n == 1 && d.first[name] != u.String() {
		return false // another page in u's directory: a section
	}
	siblings := len(d.deeper)
	if d.deeper[name] {
		siblings--
	}
	return siblings > 0
}

// dirSummary sums up the run's URLs under a parent directory: by the
// first segment under it, how many URLs, and which hold a deeper path.
type dirSummary struct {
	known  int // len(r.seen) when summed up
	urls   map[string]int
	first  map[string]string // a URL of each
	deeper map[string]bool
}

// dirsUnder sums up the run's URLs under prefix (r.mu held) and keeps
// the summary in r.dirs.
func (r *run) dirsUnder(prefix string) *dirSummary {
	d := &dirSummary{known: len(r.seen), urls: map[string]int{}, first: map[string]string{}, deeper: map[string]bool{}}
	for s := range r.seen {
		rest, ok := strings.CutPrefix(s, prefix)
		if !ok {
			continue
		}
		rest, _, _ = strings.Cut(rest, "?")
		sub, _, deeper := strings.Cut(rest, "/")
		if d.urls[sub]++; d.urls[sub] == 1 {
			d.first[sub] = s
		}
		if deeper && sub != "" {
			d.deeper[sub] = true
		}
	}
	if r.dirs == nil {
		r.dirs = map[string]*dirSummary{}
	}
	r.dirs[prefix] = d
	return d
}

// knownID returns the largest value of the query parameter param among
// the URLs of u's shape the run knows (queued, finished or rechecked: a
// new run seeds every known document), u's own included (shapes.go).
func (r *run) knownID(u *url.URL, param string) int64 {
	var best int64
	consider := func(q string) {
		if n, err := strconv.ParseInt(rawParam(q, param), 10, 64); err == nil && n > best {
			best = n
		}
	}
	consider(u.RawQuery)
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range r.shapeURLs(shapeOf(u)) {
		consider(e.query)
	}
	return best
}

// probeAt asks the probe address gives (once per run and key: "" asks
// nothing) and returns the site's answer. The request goes through
// robots.txt, the host's delay and the archive, and is counted in the
// report (Probes, and its bytes in Bytes), as the site's own answers are.
func (r *run) probeAt(key string, address func() string, opt extract.Options) *probeAnswer {
	r.mu.Lock()
	if r.probes == nil {
		r.probes = map[string]*probeAnswer{}
	}
	pa := r.probes[key]
	if pa == nil {
		pa = &probeAnswer{}
		r.probes[key] = pa
	}
	r.mu.Unlock()
	pa.once.Do(func() {
		raw := address()
		pu, err := url.Parse(raw)
		if raw == "" || err != nil {
			return
		}
		delay := r.c.hostDelay(r.ctx, pu, r.site.Delay.Duration, r.arch)
		if ok, err := r.c.robotsAllowed(r.ctx, pu, delay, r.arch); err != nil || !ok {
			return
		}
		resp, err := r.c.fetch(r.ctx, delay, raw, conditional{}, r.arch)
		r.count(func(rep *Report) {
			rep.Probes++
			if err == nil && resp.Status == http.StatusOK {
				rep.Bytes += int64(len(resp.Body))
			}
		})
		if err != nil || resp.Status != http.StatusOK || !isHTML(resp) {
			r.c.log.Debug("soft 404 probe: none", "site", r.site.Name, "probe", raw, "err", err)
			return
		}
		base, _ := url.Parse(resp.URL)
		p, err := extract.Parse(resp.Body, resp.Header.Get("Content-Type"), base)
		if err != nil {
			return
		}
		pa.ok, pa.fp, pa.marks = true, fingerprint(p, pu, opt), pageMarks(p)
		if v, err := json.Marshal(printOf(pa.fp)); err == nil {
			// kept for the run's later parts (evidence.go)
			if err := r.c.store.ApplyKV([]corpus.KVOp{r.evOp(evProbe, key, v)}); err != nil {
				r.c.log.Warn("soft 404 probe: not recorded", "site", r.site.Name, "err", err)
			}
		}
		r.c.log.Debug("soft 404 probe: a page", "site", r.site.Name, "probe", raw)
	})
	return pa
}
