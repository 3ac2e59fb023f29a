// Package crawler fetches article pages from government portals politely
// (robots.txt, per-host delay, retries honouring Retry-After) and
// incrementally (conditional GET, content hashes, gone pages), extracts them
// and stores them in the corpus store.
package crawler

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/vanban/vanban/crawler/extract"
)

// defaultUserAgent identifies the crawler honestly, with a contact URL.
const defaultUserAgent = "vanban/0.1 (+https://github.com/vanban/vanban; document search for Vietnamese public administration)"

// Config is a crawl configuration (sites.toml).
type Config struct {
	UserAgent string  `toml:"user_agent"`
	Sites     []*Site `toml:"site"`
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
	Select      struct {
		Title string `toml:"title"`
		Date  string `toml:"date"`
		Body  string `toml:"body"`
	} `toml:"select"`

	allow, deny, article []*regexp.Regexp
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
	var c Config
	md, err := toml.Decode(string(raw), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &ConfigError{File: path, Line: pe.Position.Line, Msg: pe.Message}
		}
		return nil, &ConfigError{File: path, Line: lineOf(string(raw), err.Error()), Msg: err.Error()}
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, &ConfigError{File: path, Line: lineOf(string(raw), und[0].String()[strings.LastIndex(und[0].String(), ".")+1:]), Msg: fmt.Sprintf("unknown key %q", und[0].String())}
	}
	if err := c.Validate(); err != nil {
		ce := &ConfigError{File: path, Msg: err.Error()}
		var ve *valueError
		if errors.As(err, &ve) {
			ce.Line = lineOf(string(raw), ve.value)
		}
		return nil, ce
	}
	return &c, nil
}

// valueError names the offending value so that its line can be found.
type valueError struct {
	value string
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

// Validate checks the config and compiles its patterns.
func (c *Config) Validate() error {
	if c.UserAgent == "" {
		c.UserAgent = defaultUserAgent
	}
	if len(c.Sites) == 0 {
		return errors.New("no [[site]] tables")
	}
	names := map[string]bool{}
	for _, s := range c.Sites {
		if err := s.compile(); err != nil {
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
	if s.Concurrency <= 0 {
		s.Concurrency = 1
	}
	if s.Delay.Duration < 0 {
		return &valueError{value: s.Name, err: fmt.Errorf("site %q: negative delay", s.Name)}
	}
	switch s.DateOrder {
	case "", "dmy", "mdy":
	default:
		return &valueError{value: s.DateOrder, err: fmt.Errorf("site %q: date_order %q (want dmy or mdy)", s.Name, s.DateOrder)}
	}
	return nil
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

// isArticle reports whether u is an article page to store.
func (s *Site) isArticle(u string) bool {
	return len(s.article) == 0 || matchAny(s.article, u)
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
