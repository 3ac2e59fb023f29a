package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the handler's Prometheus metrics, in a registry of its own
// (never the global default registry), served at GET /metrics:
//
//	vanban_http_requests_total{route,code}          counter
//	vanban_http_request_duration_seconds{route}     histogram
//	vanban_http_response_bytes_total{route}         counter
//	vanban_index_documents                          gauge
//	vanban_index_disk_bytes                         gauge (scorch CurOnDiskBytes)
//	vanban_last_crawl_timestamp_seconds             gauge (only with WithLastCrawl)
//	vanban_index_lag_changes                        gauge (only with WithIndexLag)
//
// plus the Go runtime and process collectors.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	bytes    *prometheus.CounterVec
}

func newMetrics(h *Handler) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "vanban_http_requests_total",
			Help: "HTTP requests by route pattern and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "vanban_http_request_duration_seconds",
			Help:    "HTTP request latency by route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 15},
		}, []string{"route"}),
		bytes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "vanban_http_response_bytes_total",
			Help: "Response body bytes by route pattern.",
		}, []string{"route"}),
	}
	m.reg.MustRegister(m.requests, m.duration, m.bytes, indexCollector{h},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe records one request. route is the mux pattern ("GET /api/search"),
// "other" for unmatched paths, so that label values stay bounded.
func (m *metrics) observe(route string, status int, bytes int64, dur time.Duration) {
	if route == "" {
		route = "other"
	}
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(route).Observe(dur.Seconds())
	m.bytes.WithLabelValues(route).Add(float64(bytes))
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// indexCollector reads the index figures at scrape time.
type indexCollector struct{ h *Handler }

var (
	descDocs      = prometheus.NewDesc("vanban_index_documents", "Documents in the search index.", nil, nil)
	descDiskBytes = prometheus.NewDesc("vanban_index_disk_bytes", "Bytes the search index uses on disk.", nil, nil)
	descLastCrawl = prometheus.NewDesc("vanban_last_crawl_timestamp_seconds", "Unix time the last crawl finished.", nil, nil)
	descIndexLag  = prometheus.NewDesc("vanban_index_lag_changes", "Changes stored but not yet applied to the search index (store sequence minus applied sequence).", nil, nil)
)

func (c indexCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descDocs
	ch <- descDiskBytes
	ch <- descLastCrawl
	ch <- descIndexLag
}

func (c indexCollector) Collect(ch chan<- prometheus.Metric) {
	idx := c.h.s.Index()
	if n, err := idx.DocCount(); err == nil {
		ch <- prometheus.MustNewConstMetric(descDocs, prometheus.GaugeValue, float64(n))
	}
	if st, ok := idx.StatsMap()["index"].(map[string]any); ok {
		if b, ok := st["CurOnDiskBytes"].(uint64); ok {
			ch <- prometheus.MustNewConstMetric(descDiskBytes, prometheus.GaugeValue, float64(b))
		}
	}
	if c.h.lastCrawl != nil {
		if t := c.h.lastCrawl(); !t.IsZero() {
			ch <- prometheus.MustNewConstMetric(descLastCrawl, prometheus.GaugeValue, float64(t.UnixNano())/1e9)
		}
	}
	if c.h.indexLag != nil {
		if lag, err := c.h.indexLag(); err == nil {
			ch <- prometheus.MustNewConstMetric(descIndexLag, prometheus.GaugeValue, float64(lag))
		}
	}
}
