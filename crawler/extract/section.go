package extract

import (
	"net/url"
	"strings"
)

// A <title> may end with the site's section as well as its name ("Tên bài
// - Tin địa phương - Báo X"), and one page cannot teach it the way a
// site's many <title>s do (LearnTitleAffixes). The page names its sections
// itself: its menu and breadcrumb link to them, and a section holds the
// page, so its address is a folder above the page's own ("/tin-dia-phuong/"
// above "/tin-dia-phuong/2024/05/cau-moi.html"). The text of such a link is
// a site name for the title (siteNames); a link to any other page (a tag,
// a related article) is not.

// ownURL returns the page's address: the one it was fetched from, else
// the absolute address its <link rel="canonical"> declares (a saved page).
func (p *Page) ownURL() *url.URL {
	if p.URL != nil {
		return p.URL
	}
	if c := p.idx().canon; c != nil {
		if u, err := url.Parse(strings.TrimSpace(attr(c, "href"))); err == nil && u.IsAbs() && u.Host != "" {
			return u
		}
	}
	return nil
}

// sectionNames returns the texts of the page's links to folders above its
// own address, the root left out (the home page's links are site names
// already).
func (p *Page) sectionNames() []string {
	own := p.ownURL()
	if own == nil {
		return nil
	}
	var out []string
	for _, n := range p.idx().links {
		u, err := own.Parse(strings.TrimSpace(attr(n, "href")))
		if err != nil || !sectionOf(u, own) {
			continue
		}
		if t := nodeText(n); t != "" && runeCount(t) <= maxTitle {
			out = append(out, t)
		}
	}
	return out
}

// sameSite reports two host names of one site: equal but for case and a
// "www." prefix.
func sameSite(a, b string) bool {
	return strings.EqualFold(strings.TrimPrefix(a, "www."), strings.TrimPrefix(b, "www."))
}

// sectionOf reports whether section's address is a folder above page's
// on the same host, not the root: "/tin-tuc/" or "/tin-tuc" above
// "/tin-tuc/2024/bai.html".
func sectionOf(section, page *url.URL) bool {
	if section.RawQuery != "" || !sameSite(section.Hostname(), page.Hostname()) {
		return false
	}
	dir := strings.TrimSuffix(section.Path, "/")
	if dir == "" {
		return false
	}
	return strings.HasPrefix(page.Path, dir+"/") && len(strings.TrimSuffix(page.Path, "/")) > len(dir)
}
