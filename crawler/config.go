// Package crawler fetches article pages from government portals politely
// (robots.txt, per-host delay, retries honouring Retry-After) and
// incrementally (conditional GET, content hashes, gone pages), extracts them
// and stores them in the corpus store.
package crawler

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/vanban/vanban/crawler/extract"
	"github.com/vanban/vanban/crawler/filetext"
)

// defaultUserAgent identifies the crawler honestly, with a contact URL.
const defaultUserAgent = "vanban/0.1 (+https://github.com/vanban/vanban; document search for Vietnamese public administration)"

// Config is a crawl configuration (sites.toml).
type Config struct {
	// Path is the file's absolute path (LoadConfig), the configuration's
	// identity for PruneDropped: only the data directory's own prunes.
	Path      string      `toml:"-"`
	UserAgent string      `toml:"user_agent"`
	Files     FilesConfig `toml:"files"` // limits of attached files, for every site
	Sites     []*Site     `toml:"site"`
}

// Site is one [[site]] table.
type Site struct {
	Name        string   `toml:"name"`
	Start       []string `toml:"start"`   // seed URLs
	Feeds       []string `toml:"feeds"`   // RSS/Atom feeds (and sitemaps) whose items are seeds
	Allow       []string `toml:"allow"`   // regexps; only matching URLs are followed
	Deny        []string `toml:"deny"`    // regexps never followed
	Article     []string `toml:"article"` // regexps marking article pages; none: every page with a body
	Delay       Duration `toml:"delay"`   // minimum gap between request starts to one host
	Concurrency int      `toml:"concurrency"`
	DateOrder   string   `toml:"date_order"` // "dmy" or "mdy": overrides the order inferred from the site's pages
	// Attachments turns the fetching of the files (PDF, DOCX, DOC, XLSX, XLS) linked
	// from the site's articles on or off; default on.
	Attachments *bool `toml:"attachments"`
	// AttachmentHosts are the hosts besides the site's own (those of its
	// start URLs) whose files are fetched: "datafiles.chinhphu.vn".
	AttachmentHosts []string `toml:"attachment_hosts"`
	Select          struct {
		Title string `toml:"title"`
		Date  string `toml:"date"`
		Body  string `toml:"body"`
	} `toml:"select"`

	allow, deny, article []*regexp.Regexp
	fileHosts            map[string]bool // the start URLs' hosts and AttachmentHosts
}

// Duration is a time.Duration written as "1s" in TOML.
type Duration struct{ time.Duration }

// UnmarshalText parses "1s", "500ms".
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	d.Duration = v
	return err
}

// ConfigError is a problem in a config file, with the line when known.
type ConfigError struct {
	File string
	Line int
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// LoadConfig reads and validates a TOML config file.
func LoadConfig(path string) (*Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, &ConfigError{File: path, Msg: err.Error()}
	}
	c, err := parseConfig(path, raw)
	if err != nil {
		return nil, err
	}
	// the OCR cache is checked here, not in parseConfig (FuzzLoadConfig's,
	// which touches no file): a directory the crawl cannot use is told
	// before any page is fetched
	if dir := c.Files.OCRCache; dir != "" {
		if err := filetext.CheckOCRCache(dir); err != nil {
			return nil, &ConfigError{File: path, Line: lineOf(string(raw), "ocr_cache"), Msg: "[files] ocr_cache: " + err.Error()}
		}
	}
	return c, nil
}

// parseConfig is LoadConfig of raw, the file path's text: the file's
// reader, and FuzzLoadConfig's, which gives its input from memory (a file
// written for every input cost the fuzzer most of its time: i31-tests).
func parseConfig(path string, raw []byte) (*Config, error) {
	var c Config
	md, err := toml.Decode(string(raw), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &ConfigError{File: path, Line: pe.Position.Line, Msg: pe.Message}
		}
		// A value of the wrong type: "toml: line 5 (last key …): incompatible types: …".
		line := lineOf(string(raw), err.Error())
		if m := tomlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return nil, &ConfigError{File: path, Line: line, Msg: strings.TrimPrefix(tomlLine.ReplaceAllString(err.Error(), ""), "toml: ")}
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, &ConfigError{File: path, Line: lineOf(string(raw), und[0].String()[strings.LastIndex(und[0].String(), ".")+1:]), Msg: fmt.Sprintf("unknown key %q", und[0].String())}
	}
	if c.Path, err = filepath.Abs(path); err != nil {
		return nil, &ConfigError{File: path, Msg: err.Error()}
	}
	// a relative ocr_cache is the sites file's directory's, whichever
	// directory the command reading it runs in
	if d := c.Files.OCRCache; d != "" && !filepath.IsAbs(d) {
		c.Files.OCRCache = filepath.Join(filepath.Dir(c.Path), d)
	}
	if err := c.Validate(); err != nil {
		ce := &ConfigError{File: path, Msg: err.Error()}
		var ve *valueError
		if errors.As(err, &ve) && ve.key != "" {
			ce.Line = keyLine(string(raw), ve.site, ve.key)
		} else if errors.As(err, &ve) {
			ce.Line = lineOf(string(raw), ve.value)
		}
		return nil, ce
	}
	return &c, nil
}

// tomlLine finds the line in the TOML decoder's type errors.
var tomlLine = regexp.MustCompile(`^toml: line (\d+) `)

// Bounds of a site's politeness settings. Requests to one host are
// spaced by its delay whatever the concurrency, so more workers than a
// few dozen only wait; a delay over ten minutes fetches some pages a
// night (a site of 100 pages takes 17 hours at 10 minutes).
const (
	MaxConcurrency = 64
	MaxDelay       = 10 * time.Minute
)

// valueError names the offending value, or the key of the site's table,
// so that its line can be found.
type valueError struct {
	value string
	key   string // a key of [[site]] number site
	site  int
	err   error
}

func (e *valueError) Error() string { return e.err.Error() }

// lineOf returns the first line of text containing needle, or 0.
func lineOf(text, needle string) int {
	if needle == "" {
		return 0
	}
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, needle) || strings.Contains(l, strings.ReplaceAll(needle, `\`, `\\`)) {
			return i + 1
		}
	}
	return 0
}

// keyLine returns the line of key in the table of the site-th [[site]]
// (its sub-tables included), or 0.
func keyLine(text string, site int, key string) int {
	n := -1
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "[[site]]"):
			n++
		case strings.HasPrefix(l, "[") && !strings.HasPrefix(l, "[site."):
			if n == site {
				return 0
			}
		case n == site:
			if k, _, ok := strings.Cut(l, "="); ok && strings.Trim(strings.TrimSpace(k), `"'`) == key {
				return i + 1
			}
		}
	}
	return 0
}

// Validate checks the config and compiles its patterns.
func (c *Config) Validate() error {
	if c.UserAgent == "" {
		c.UserAgent = defaultUserAgent
	}
	if len(c.Sites) == 0 {
		return errors.New("no [[site]] tables")
	}
	if err := c.Files.validate(); err != nil {
		return err
	}
	names := map[string]bool{}
	for i, s := range c.Sites {
		if err := s.compile(); err != nil {
			if ve, ok := err.(*valueError); ok {
				ve.site = i
			}
			return err
		}
		if names[s.Name] {
			return &valueError{value: s.Name, err: fmt.Errorf("site %q defined twice", s.Name)}
		}
		names[s.Name] = true
	}
	return nil
}

func (s *Site) compile() error {
	if s.Name == "" {
		return errors.New("a [[site]] has no name")
	}
	if len(s.Start) == 0 {
		return &valueError{value: s.Name, err: fmt.Errorf("site %q: no start URLs", s.Name)}
	}
	for _, u := range append(append([]string(nil), s.Start...), s.Feeds...) {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return &valueError{value: u, err: fmt.Errorf("site %q: start or feed URL %q is not http(s)", s.Name, u)}
		}
	}
	var err error
	if s.allow, err = compileAll(s.Name, "allow", s.Allow); err != nil {
		return err
	}
	if len(s.allow) == 0 {
		return &valueError{value: s.Name, err: fmt.Errorf("site %q: no allow patterns (a crawl must be fenced)", s.Name)}
	}
	if s.deny, err = compileAll(s.Name, "deny", s.Deny); err != nil {
		return err
	}
	if s.article, err = compileAll(s.Name, "article", s.Article); err != nil {
		return err
	}
	switch {
	case s.Concurrency == 0:
		s.Concurrency = 1
	case s.Concurrency < 1 || s.Concurrency > MaxConcurrency:
		return &valueError{key: "concurrency", err: fmt.Errorf("site %q: concurrency = %d is out of range: 1 to %d requests at once (0 or none: 1)", s.Name, s.Concurrency, MaxConcurrency)}
	}
	if d := s.Delay.Duration; d < 0 || d > MaxDelay {
		return &valueError{key: "delay", err: fmt.Errorf("site %q: delay = %q is out of range: 0s to %s between requests to one host", s.Name, d, MaxDelay)}
	}
	switch s.DateOrder {
	case "", "dmy", "mdy":
	default:
		return &valueError{value: s.DateOrder, err: fmt.Errorf("site %q: date_order %q (want dmy or mdy)", s.Name, s.DateOrder)}
	}
	return s.compileFileHosts()
}

func compileAll(site, key string, pats []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(pats))
	for _, p := range pats {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, &valueError{value: p, err: fmt.Errorf("site %q: %s pattern %q: %v", site, key, p, err)}
		}
		out = append(out, re)
	}
	return out, nil
}

// Options are the extraction options of the site.
func (s *Site) Options() extract.Options {
	o := extract.Options{TitleSelector: s.Select.Title, DateSelector: s.Select.Date, BodySelector: s.Select.Body}
	o.DateOrder, _ = extract.ParseDateOrder(s.DateOrder)
	return o
}

// allowed reports whether the crawl may follow u.
func (s *Site) allowed(u string) bool {
	if !matchAny(s.allow, u) {
		return false
	}
	return !matchAny(s.deny, u)
}

// admits reports whether u is a page of the site: one its allow
// patterns let in, or one of its start and feed URLs, which are its pages
// whatever the patterns say (a home page "/" before an allowed section).
// The one rule for the frontier (enqueue) and for whose state a URL's is
// (siteOwns).
func (s *Site) admits(u string) bool {
	return s.allowed(u) || slices.Contains(s.Start, u) || slices.Contains(s.Feeds, u)
}

// isArticle reports whether u is an article page to store.
func (s *Site) isArticle(u string) bool {
	return len(s.article) == 0 || matchAny(s.article, u)
}

// articleShaped reports whether u has an article's shape: the site has
// article patterns and one matches u. A site without them reads every page
// as an article (isArticle), so none of its pages has a shape that tells an
// article from a listing, a pager or a calendar month. The one rule for
// "a link to an article" (a listing's evidence, answered.go) and for the
// pages the weekly recheck takes (hubrecheck.go).
func (s *Site) articleShaped(u string) bool {
	return len(s.article) > 0 && matchAny(s.article, u)
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
