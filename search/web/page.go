package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/vanban/vanban/search"
)

// pageData is what the search page template sees.
type pageData struct {
	Query   string
	Req     search.Request
	Result  *search.Result
	Error   string
	Explain bool // ?explain=1: match explanations open
	Cut     bool // the query was longer than maxQuery: its first words searched

	Facets  []facetGroup
	Chips   []chip
	Sorts   []link
	From    string // date-range inputs, YYYY-MM-DD
	To      string
	InForce bool    // the "còn hiệu lực" box
	Hidden  []param // filters carried by the query form
	Exports []link

	Suggest    string // the query with diacritics restored
	SuggestURL string
	NoFilters  *link // the same query without filters, when filters hid everything

	Page  int
	Pages []pageLink
	Prev  string
	Next  string
}

type facetGroup struct {
	Label  string
	Values []facetLink
}

type facetLink struct {
	Value  string
	Count  int
	URL    string
	Active bool
}

// chip is an active filter with the link that removes it.
type chip struct{ Label, Value, URL string }

type link struct {
	Label, URL string
	Current    bool
}

type param struct{ Name, Value string }

// pager is the links to the pages around page (from 1) of last, four on
// each side, and to the pages before and after it; none when there is one
// page. Every paged list (results, tasks, a document's parts, its cited-by
// list) pages with it.
func pager(page, last int, link func(int) string) (pages []pageLink, prev, next string) {
	if last <= 1 {
		return nil, "", ""
	}
	for n := max(1, page-4); n <= min(last, page+4); n++ {
		pages = append(pages, pageLink{N: n, URL: link(n), Current: n == page})
	}
	if page > 1 {
		prev = link(page - 1)
	}
	if page < last {
		next = link(page + 1)
	}
	return pages, prev, next
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

// facetFields are the facets shown, in order, with their labels.
var facetFields = []struct{ field, label string }{
	{"type", "Loại văn bản"}, {"issuer", "Cơ quan ban hành"}, {"site", "Nguồn"}, {"year", "Năm"},
}

// filterParams are the URL parameters that filter, with their chip labels.
var filterParams = []struct{ name, label string }{
	{"type", "Loại"}, {"issuer", "Cơ quan"}, {"site", "Nguồn"}, {"category", "Chuyên mục"}, {"from", "Từ ngày"}, {"to", "Đến ngày"},
}

var sortLabels = []struct{ value, label string }{
	{"", "Liên quan"}, {"date", "Mới nhất"}, {"-date", "Cũ nhất"}, {"title", "Tiêu đề A–Z"},
}

// pageURL is "/?" plus v changed by set (an empty value deletes), always
// back to page 1 unless set names page.
func pageURL(v url.Values, set ...string) string {
	w := url.Values{}
	for k, vs := range v {
		if len(vs) > 0 && vs[0] != "" && k != "page" {
			w.Set(k, vs[0])
		}
	}
	for i := 0; i+1 < len(set); i += 2 {
		if set[i+1] == "" {
			w.Del(set[i])
		} else {
			w.Set(set[i], set[i+1])
		}
	}
	return "/?" + w.Encode()
}

func (h *Handler) searchPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := pageData{Query: v.Get("q"), From: v.Get("from"), To: v.Get("to"), InForce: v.Get("in_force") == "1", Explain: v.Get("explain") == "1"}
	req, err := parseRequest(v)
	d.Req = req
	d.Cut = err == nil && len(req.Query) < len(d.Query)
	d.controls(v)
	if err != nil {
		d.Error = err.Error()
		w.WriteHeader(http.StatusBadRequest)
		h.render(w, "search.html", d)
		return
	}
	if strings.TrimSpace(d.Query) == "" && req.Filters.IsZero() {
		h.render(w, "search.html", d)
		return
	}
	res, err := h.s.Search(r.Context(), req)
	if err != nil {
		status, msg := h.failure(r, "search", err)
		if status == StatusClientClosed {
			return
		}
		d.Error = pageError(status, err, msg)
		if status == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "2")
		}
		w.WriteHeader(status)
		h.render(w, "search.html", d)
		return
	}
	d.Result = res
	h.explainHits(r.Context(), req.Query, res.Hits)
	err = h.effectHits(r.Context(), res.Hits)
	if err == nil {
		err = h.deadHits(r.Context(), res.Hits)
	}
	if err != nil {
		if status, _ := h.failure(r, "search", err); status == StatusClientClosed {
			return
		}
		// a timeout: the hits are shown without their status or dead mark
	}
	d.facets(v, res)
	listed := res.Total
	if res.Listed > 0 { // counted by the query's units: the list runs on
		listed = res.Listed
	}
	d.paginate(v, req, listed)
	if s := suggest(r.Context(), h.s, req.Query); s != "" {
		d.Suggest, d.SuggestURL = s, pageURL(v, "q", s)
	}
	if res.Total == 0 && !req.Filters.IsZero() && strings.TrimSpace(req.Query) != "" {
		all := req
		all.Filters, all.Size, all.From, all.Facets = search.Filters{}, 1, 0, false
		if n, err := h.s.Search(r.Context(), all); err == nil && n.Total > 0 {
			d.NoFilters = &link{Label: strconv.FormatUint(n.Total, 10), URL: pageURL(url.Values{"q": {req.Query}, "sort": {req.Sort}})}
		}
	}
	h.render(w, "search.html", d)
}

// pageError is what the search page says of a failed search.
func pageError(status int, err error, msg string) string {
	var ce *search.CostError
	switch {
	case errors.As(err, &ce):
		return "Truy vấn quá tốn kém, hãy rút gọn (" + ce.Error() + ")."
	case errors.Is(err, search.ErrEmptyQuery):
		return "Truy vấn không có từ nào để tìm."
	case errors.Is(err, search.ErrBusy):
		return "Máy chủ đang bận với nhiều truy vấn tốn kém; hãy thử lại sau giây lát."
	case status == http.StatusServiceUnavailable:
		return "Không tìm kịp trong thời hạn; hãy rút gọn truy vấn hoặc thêm bộ lọc."
	case status == http.StatusBadRequest:
		return msg
	}
	return "Không tìm được: lỗi máy chủ."
}

// controls sets the chips, sort links, export links and hidden form fields
// from the URL parameters.
func (d *pageData) controls(v url.Values) {
	for _, f := range filterParams {
		if val := v.Get(f.name); val != "" {
			d.Chips = append(d.Chips, chip{Label: f.label, Value: val, URL: pageURL(v, f.name, "")})
			if f.name != "from" && f.name != "to" {
				d.Hidden = append(d.Hidden, param{f.name, val})
			}
		}
	}
	if v.Get("in_force") == "1" {
		d.Chips = append(d.Chips, chip{Label: "Hiệu lực", Value: "còn hiệu lực", URL: pageURL(v, "in_force", "")})
	}
	for _, name := range []string{"sort", "size", "collapse", "minmatch"} {
		if val := v.Get(name); val != "" {
			d.Hidden = append(d.Hidden, param{name, val})
		}
	}
	for _, s := range sortLabels {
		d.Sorts = append(d.Sorts, link{Label: s.label, URL: pageURL(v, "sort", s.value), Current: v.Get("sort") == s.value ||
			(s.value == "" && v.Get("sort") == "relevance")})
	}
	for _, ext := range []string{"csv", "jsonl"} {
		u := pageURL(v, "size", "", "explain", "")
		d.Exports = append(d.Exports, link{Label: strings.ToUpper(ext), URL: "/api/search." + ext + strings.TrimPrefix(u, "/")})
	}
}

// facets turns the facet counts into filter links. A year links to the
// date range of that year.
func (d *pageData) facets(v url.Values, res *search.Result) {
	for _, f := range facetFields {
		g := facetGroup{Label: f.label}
		for _, fv := range res.Facets[f.field] {
			l := facetLink{Value: fv.Value, Count: fv.Count}
			if f.field == "year" {
				from, to := fv.Value+"-01-01", fv.Value+"-12-31"
				l.Active = v.Get("from") == from && v.Get("to") == to
				l.URL = pageURL(v, "from", from, "to", to)
			} else {
				l.Active = v.Get(f.field) == fv.Value
				l.URL = pageURL(v, f.field, fv.Value)
			}
			if l.Active {
				l.URL = ""
			}
			g.Values = append(g.Values, l)
		}
		if len(g.Values) > 0 {
			d.Facets = append(d.Facets, g)
		}
	}
}

func (d *pageData) paginate(v url.Values, req search.Request, total uint64) {
	size := max(req.Size, 1)
	d.Page = req.From/size + 1
	last := int((total + uint64(size) - 1) / uint64(size))
	last = min(last, 10000/size)
	link := func(n int) string { return pageURL(v, "page", strconv.Itoa(n)) }
	d.Pages, d.Prev, d.Next = pager(d.Page, last, link)
}
