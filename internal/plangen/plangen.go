// Package plangen generates implementing documents for benchmarks: the
// variants of real plans that the tasks view's benchmark (BenchmarkTasks,
// 10,000 plans) and the resolution page's (BenchmarkImplementationPage)
// are measured on, and the data directory of docs/log/i17-audit.md
// (`p10k`) was ingested from. One generator, so that every figure is of
// the same plans.
package plangen

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vanban/vanban/corpus"
)

// Agencies are swapped for one another in the variants.
var Agencies = []string{"Sở Y tế", "Sở Tài chính", "Sở Xây dựng", "Sở Công Thương", "Sở Nội vụ", "Sở Tư pháp",
	"Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
	"Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Sở Dân tộc và Tôn giáo", "UBND các xã, phường", "Văn phòng UBND tỉnh"}

var (
	dateRe  = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(20\d\d)\b`)
	yearRe  = regexp.MustCompile(`\b(năm|quý [IV]+/|Quý [IV]+/|tháng \d{1,2}/)(20\d\d)\b`)
	leadNum = regexp.MustCompile(`^\d+`)
)

// Variant is the k-th variant of an implementing document d: another
// number, other agencies in its body, other days and years in its
// deadlines, another date, site and URL (and no ID: a store gives it the
// URL's). Its citations of its parents stay, so it implements the same
// documents.
func Variant(d *corpus.Document, k int) *corpus.Document {
	v := *d
	v.ID = ""
	v.Site = "site" + strconv.Itoa(k%20)
	v.URL = fmt.Sprintf("https://%s.example.gov.vn/van-ban/%s-%d", v.Site, d.ID, k)
	newNumber := leadNum.ReplaceAllString(d.Number, strconv.Itoa(10000+k))
	var pairs []string
	if d.Number != "" {
		pairs = append(pairs, d.Number, newNumber)
	}
	for i, a := range Agencies {
		pairs = append(pairs, a, Agencies[(i+k)%len(Agencies)])
	}
	r := strings.NewReplacer(pairs...)
	shiftYear := func(y string) string {
		n, _ := strconv.Atoi(y)
		return strconv.Itoa(n - 1 + k%3)
	}
	v.Body = dateRe.ReplaceAllStringFunc(r.Replace(d.Body), func(s string) string {
		m := dateRe.FindStringSubmatch(s)
		day, _ := strconv.Atoi(m[1])
		return fmt.Sprintf("%02d/%s/%s", 1+(day+k)%28, m[2], shiftYear(m[3]))
	})
	v.Body = yearRe.ReplaceAllStringFunc(v.Body, func(s string) string {
		m := yearRe.FindStringSubmatch(s)
		return m[1] + shiftYear(m[2])
	})
	v.Title = r.Replace(d.Title)
	v.Number = newNumber
	if t, err := time.Parse("2006-01-02", d.Published); err == nil {
		v.Published = t.AddDate(0, 0, -k%700).Format("2006-01-02")
	}
	return &v
}

// Variants calls fn with the n variants of the implementing documents
// impl, the k-th of impl[k%len(impl)] (Variant).
func Variants(impl []*corpus.Document, n int, fn func(*corpus.Document) error) error {
	for k := range n {
		if err := fn(Variant(impl[k%len(impl)], k)); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSONL writes d as a line of the bulk import format (corpus.Record,
// `vanban ingest`): a document with a URL gets the URL's ID there, one
// without keeps its ID.
func WriteJSONL(w io.Writer, d *corpus.Document) error {
	r := corpus.Record{ID: d.ID, Title: d.Title, Text: d.Body, URL: d.URL, Published: d.Published, Type: d.Type,
		Number: d.Number, Issuer: d.Issuer}
	if r.ID == "" {
		r.ID = d.URL
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("plangen: %s: %w", r.ID, err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("plangen: %w", err)
	}
	return nil
}

// Implementing stores docs in s, materialises their tasks and returns
// those that have tasks: the documents whose variants implement the same
// parents.
func Implementing(ctx context.Context, s *corpus.Store, docs []*corpus.Document) ([]*corpus.Document, error) {
	if _, err := s.PutBatch(docs); err != nil {
		return nil, fmt.Errorf("plangen: %w", err)
	}
	if _, err := s.SyncTasks(ctx, nil); err != nil {
		return nil, fmt.Errorf("plangen: %w", err)
	}
	var impl []*corpus.Document
	for _, d := range docs {
		pt, _, err := s.Tasks(d.ID)
		if err != nil {
			return nil, fmt.Errorf("plangen: %w", err)
		}
		if pt != nil && len(pt.Tasks) > 0 {
			impl = append(impl, d)
		}
	}
	return impl, nil
}
