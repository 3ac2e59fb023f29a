// Command servecheck is the measuring half of scripts/serve-hardening.sh
// (issue 15, items 1, 3 and 4): it generates a corpus, drives a running
// `vanban serve` on loopback and reads the server's CPU time and memory
// from /proc (Linux). Every phase is bounded in time and requests.
//
//	servecheck gen -n N -big BYTES          JSON Lines corpus on stdout
//	servecheck queries -kind attack|phrases10|long  a costly query
//	servecheck load -base URL ...           normal traffic's latency, beside costly clients
//	servecheck cpu -base URL -pid PID ...   server CPU after a costly request's context ended
//	servecheck docmem -base URL -pid PID    server peak RSS under concurrent document pages
//	servecheck admin -base URL -token-file  POST /admin/nightly and its job
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/vanban/vanban/corpus/viet"
	"github.com/vanban/vanban/demo"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: servecheck gen|queries|load|cpu|docmem|admin [flags]")
		os.Exit(2)
	}
	cmds := map[string]func([]string) error{"gen": gen, "queries": queries, "load": load, "cpu": cpu, "docmem": docmem, "admin": admin}
	f, ok := cmds[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "servecheck: unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
	if err := f(os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "servecheck "+os.Args[1]+":", err)
		os.Exit(1)
	}
}

// gen writes n documents of random demo sentences, and with -big one
// document of about that many bytes (item 3's long document, id "big").
func gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	n := fs.Int("n", 6000, "documents")
	per := fs.Int("sentences", 25, "sentences a document")
	big := fs.Int("big", 0, "bytes of one more, long document (0: none)")
	fs.Parse(args)
	ss := demo.Sentences()
	rng := rand.New(rand.NewPCG(15, 1))
	types := []string{"", "", "Nghị quyết", "Kế hoạch", "Quyết định", "Thông tư"}
	enc := json.NewEncoder(os.Stdout)
	body := func(words int) string {
		var b strings.Builder
		for b.Len() < words {
			b.WriteString(ss[rng.IntN(len(ss))])
			b.WriteString(". ")
		}
		return b.String()
	}
	for i := range *n {
		var b strings.Builder
		for range *per {
			b.WriteString(ss[rng.IntN(len(ss))])
			b.WriteString(". ")
		}
		d := map[string]string{"_id": "d" + strconv.Itoa(i), "title": ss[rng.IntN(len(ss))], "text": b.String(),
			"type": types[rng.IntN(len(types))], "published": fmt.Sprintf("20%02d-%02d-%02d", 10+rng.IntN(15), 1+rng.IntN(12), 1+rng.IntN(28))}
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	if *big > 0 {
		return enc.Encode(map[string]string{"_id": "big", "title": "Văn bản rất dài", "text": body(*big), "published": "2024-01-02"})
	}
	return nil
}

// frequentPairs are the most frequent pairs of adjacent words of the
// sentences (folded, as the index reads them), most frequent first.
func frequentPairs(k int) []string {
	n := map[string]int{}
	for _, s := range demo.Sentences() {
		w := strings.Fields(viet.Fold(strings.ToLower(s)))
		for i := 1; i < len(w); i++ {
			if word(w[i-1]) && word(w[i]) {
				n[w[i-1]+" "+w[i]]++
			}
		}
	}
	ps := make([]string, 0, len(n))
	for p := range n {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b string) int {
		if n[a] != n[b] {
			return n[b] - n[a]
		}
		return strings.Compare(a, b)
	})
	return ps[:min(k, len(ps))]
}

// word reports whether w is letters only.
func word(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// attackQuery is the query: one frequent pair quoted, as many
// times as 1000 bytes hold (the longest query the server reads).
func attackQuery() string {
	p := `"` + frequentPairs(1)[0] + `" `
	return strings.Repeat(p, 1000/len(p))
}

// admittedQuery is k quoted frequent pairs: ten of them, the costliest
// query the shape budget admits, and the fewest the price on the index
// refuses (Budget.MaxPositions) on the script's corpus.
func admittedQuery(k int) string {
	var b strings.Builder
	for _, p := range frequentPairs(k) {
		b.WriteString(`"` + p + `" `)
	}
	return b.String()
}

func queries(args []string) error {
	fs := flag.NewFlagSet("queries", flag.ExitOnError)
	kind := fs.String("kind", "attack", "attack, phrases10 or long")
	fs.Parse(args)
	fmt.Println(costlyQuery(*kind))
	return nil
}

// longQuery is a question of about 1000 bytes of the sentences' most
// frequent words, unquoted: a costly text the budget admits.
func longQuery() string {
	n := map[string]int{}
	for _, s := range demo.Sentences() {
		for _, w := range strings.Fields(strings.ToLower(s)) {
			if word(w) {
				n[w]++
			}
		}
	}
	ws := make([]string, 0, len(n))
	for w := range n {
		ws = append(ws, w)
	}
	slices.SortFunc(ws, func(a, b string) int {
		if n[a] != n[b] {
			return n[b] - n[a]
		}
		return strings.Compare(a, b)
	})
	var b strings.Builder
	for _, w := range ws {
		if b.Len()+len(w)+1 > 1000 {
			break
		}
		b.WriteString(w + " ")
	}
	return b.String()
}

// admittedCostly is the costliest query of k quoted frequent pairs the
// server at base admits (the first of k = 10, 9, … not answered 400),
// and k.
func admittedCostly(base string) (string, int, error) {
	c := &http.Client{}
	for k := 10; k >= 1; k-- {
		st, err := get(context.Background(), c, searchURL(base, admittedQuery(k)))
		if err != nil {
			return "", 0, err
		}
		if st != http.StatusBadRequest {
			return admittedQuery(k), k, nil
		}
	}
	return "", 0, errors.New("servecheck: the server refuses even one quoted frequent pair")
}

// costly is the query of kind at base: "admitted" probes the server
// (admittedCostly), the others are costlyQuery's.
func costly(base, kind string) (string, error) {
	if kind != "admitted" {
		return costlyQuery(kind), nil
	}
	q, k, err := admittedCostly(base)
	if err == nil {
		fmt.Printf("(the costliest admitted: %d quoted frequent pairs)\n", k)
	}
	return q, err
}

// costlyQuery is the query of kind attack, phrases10 (ten quoted
// frequent pairs) or long (longQuery).
func costlyQuery(kind string) string {
	switch kind {
	case "attack":
		return attackQuery()
	case "long":
		return longQuery()
	}
	return admittedQuery(10)
}

// normalQueries are short questions of two to four words of the
// sentences, as people type them.
func normalQueries(k int) []string {
	ss := demo.Sentences()
	rng := rand.New(rand.NewPCG(3, 4))
	out := make([]string, k)
	for i := range out {
		w := strings.Fields(ss[rng.IntN(len(ss))])
		j := rng.IntN(max(1, len(w)-4))
		out[i] = strings.Join(w[j:min(len(w), j+2+rng.IntN(3))], " ")
	}
	return out
}

// get fetches u and reads the answer whole; it returns the status (0 when
// the request failed: the client's context ended first).
func get(ctx context.Context, c *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return 0, err
	}
	res, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	_, err = io.Copy(io.Discard, res.Body)
	return res.StatusCode, err
}

func searchURL(base, q string) string { return base + "/api/search?q=" + url.QueryEscape(q) }

// load sends normal traffic at a fixed rate (open loop: each request at
// its time, whatever the others do) for dur, with k costly clients each
// sending the costly query again as soon as the last answered, and
// prints the normal requests' latency.
func load(args []string) error {
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	base := fs.String("base", "", "server `URL`")
	rate := fs.Float64("rate", 30, "normal requests a second")
	dur := fs.Duration("dur", 20*time.Second, "how long")
	k := fs.Int("costly", 0, "costly clients")
	kind := fs.String("kind", "admitted", "costly query: attack (the issue's, over the budget), phrases10 (ten quoted frequent pairs), admitted (the most quoted frequent pairs the server admits, probed) or long (1000 bytes of frequent words)")
	every := fs.Duration("every", 0, "a costly client sends its query at most once every `D` (0: again as soon as answered; the issue's clients: 5s)")
	label := fs.String("label", "", "label of the output line")
	fs.Parse(args)
	var cq string
	if *k > 0 {
		var err error
		if cq, err = costly(*base, *kind); err != nil {
			return err
		}
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	ctx, cancel := context.WithTimeout(context.Background(), *dur)
	defer cancel()
	var wg sync.WaitGroup
	var mu sync.Mutex
	costly := map[int]int{} // status → count
	for range *k {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				next := time.Now().Add(*every)
				rctx, rcancel := context.WithTimeout(ctx, 20*time.Second)
				st, _ := get(rctx, client, searchURL(*base, cq))
				rcancel()
				mu.Lock()
				costly[st]++
				mu.Unlock()
				select {
				case <-ctx.Done():
				case <-time.After(time.Until(next)):
				}
			}
		}()
	}
	qs := normalQueries(200)
	var lat []time.Duration
	failed := 0
	tick := time.NewTicker(time.Duration(float64(time.Second) / *rate))
	defer tick.Stop()
	var nwg sync.WaitGroup
	for i := 0; ctx.Err() == nil; i++ {
		select {
		case <-ctx.Done():
		case <-tick.C:
			nwg.Add(1)
			go func(q string) {
				defer nwg.Done()
				start := time.Now()
				st, err := get(context.Background(), client, searchURL(*base, q))
				d := time.Since(start)
				mu.Lock()
				defer mu.Unlock()
				if st != http.StatusOK || err != nil {
					failed++
					return
				}
				lat = append(lat, d)
			}(qs[i%len(qs)])
		}
	}
	nwg.Wait()
	wg.Wait()
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	fmt.Printf("%-28s normal: %d ok, %d failed, p50 %v, p99 %v, max %v; costly clients %d (%s, every %v): answers by status %v\n",
		*label, len(lat), failed, pct(0.50).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), pct(1).Round(time.Millisecond), *k, *kind, *every, costly)
	return nil
}

// procCPU is the CPU time process pid has used, from /proc/PID/stat
// (utime + stime, in clock ticks of 10 ms).
func procCPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// the fields after the command name, which is in parentheses
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	if len(f) < 13 {
		return 0, errors.New("short /proc stat")
	}
	ut, _ := strconv.Atoi(f[11])
	st, _ := strconv.Atoi(f[12])
	return time.Duration(ut+st) * 10 * time.Millisecond, nil
}

// cpu sends a costly request whose context ends early — the client gives
// up after -cancel, or the server's request timeout answers first — and
// measures the server's CPU time from 100 ms after the end of the
// context to one second later, when nothing else runs: the CPU the
// request went on using past its context.
func cpu(args []string) error {
	fs := flag.NewFlagSet("cpu", flag.ExitOnError)
	base := fs.String("base", "", "server `URL`")
	pid := fs.Int("pid", 0, "server process id")
	cancelAfter := fs.Duration("cancel", 50*time.Millisecond, "the client gives up after this long (0: waits for the server)")
	trials := fs.Int("trials", 5, "requests")
	kind := fs.String("kind", "long", "attack, phrases10, admitted or long")
	label := fs.String("label", "", "label of the output line")
	fs.Parse(args)
	q, err := costly(*base, *kind)
	if err != nil {
		return err
	}
	client := &http.Client{}
	var worst, sum time.Duration
	var statuses []int
	for range *trials {
		ctx, cancel := context.Background(), context.CancelFunc(func() {})
		if *cancelAfter > 0 {
			ctx, cancel = context.WithTimeout(ctx, *cancelAfter)
		}
		st, _ := get(ctx, client, searchURL(*base, q))
		cancel()
		ended := time.Now()
		statuses = append(statuses, st)
		time.Sleep(100*time.Millisecond - time.Since(ended))
		c1, _ := procCPU(*pid)
		time.Sleep(time.Second)
		c2, _ := procCPU(*pid)
		after := c2 - c1
		worst, sum = max(worst, after), sum+after
	}
	fmt.Printf("%-28s %d costly requests (%s), context ended by %s: statuses %v; server CPU from 100 ms to 1.1 s after the end: worst %v, mean %v (10 ms ticks)\n",
		*label, *trials, *kind, map[bool]string{true: "the client after " + cancelAfter.String(), false: "the server's request timeout"}[*cancelAfter > 0],
		statuses, worst, sum/time.Duration(*trials))
	return nil
}

// rssPeak is the peak and current resident set of pid in bytes
// (/proc/PID/status VmHWM, VmRSS).
func rssPeak(pid int) (peak, cur int64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, _ := strings.Cut(line, ":")
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		switch k {
		case "VmHWM":
			peak = n << 10
		case "VmRSS":
			cur = n << 10
		}
	}
	return peak, cur, nil
}

// docmem asks for the long document's page and JSON from k clients at
// once, rounds times, and prints the server's peak RSS before and after.
func docmem(args []string) error {
	fs := flag.NewFlagSet("docmem", flag.ExitOnError)
	base := fs.String("base", "", "server `URL`")
	pid := fs.Int("pid", 0, "server process id")
	id := fs.String("id", "big", "document id")
	k := fs.Int("clients", 4, "concurrent clients")
	rounds := fs.Int("rounds", 3, "requests a client")
	label := fs.String("label", "", "label of the output line")
	fs.Parse(args)
	p0, _, err := rssPeak(*pid)
	if err != nil {
		return err
	}
	client := &http.Client{}
	var wg sync.WaitGroup
	var mu sync.Mutex
	status := map[string]int{}
	for i := range *k {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range *rounds {
				path := []string{"/doc/", "/api/documents/"}[(i+r)%2] + url.PathEscape(*id)
				ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				st, _ := get(ctx, client, *base+path)
				cancel()
				mu.Lock()
				status[strconv.Itoa(st)]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	p1, cur, _ := rssPeak(*pid)
	fmt.Printf("%-28s %d clients × %d requests of /doc/%s and /api/documents/%s: statuses %v; server peak RSS %.0f MB before, %.0f MB after (now %.0f MB)\n",
		*label, *k, *rounds, *id, *id, status, float64(p0)/1e6, float64(p1)/1e6, float64(cur)/1e6)
	return nil
}

// admin starts the nightly job over HTTP and follows it: a 202 and a job
// to poll (fixed), or the old answer (200 or a 503 at the time limit, and
// a 409 to the retry).
func admin(args []string) error {
	fs := flag.NewFlagSet("admin", flag.ExitOnError)
	base := fs.String("base", "", "server `URL`")
	tokenFile := fs.String("token-file", "", "admin token `FILE`")
	limit := fs.Duration("limit", 3*time.Minute, "give up after")
	fs.Parse(args)
	b, err := os.ReadFile(*tokenFile)
	if err != nil {
		return err
	}
	token := strings.TrimSpace(string(b))
	call := func(method, path string) (int, map[string]any, error) {
		req, _ := http.NewRequest(method, *base+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer res.Body.Close()
		var v map[string]any
		json.NewDecoder(res.Body).Decode(&v)
		return res.StatusCode, v, nil
	}
	start := time.Now()
	st, job, err := call("POST", "/admin/nightly")
	if err != nil {
		return err
	}
	fmt.Printf("POST /admin/nightly: %d after %v\n", st, time.Since(start).Round(time.Millisecond))
	if st != http.StatusAccepted {
		st2, v, _ := call("POST", "/admin/nightly")
		fmt.Printf("retry: %d %v\n", st2, v)
		return nil
	}
	u, _ := job["status_url"].(string)
	st2, v, _ := call("POST", "/admin/nightly")
	fmt.Printf("second POST while it runs: %d, naming job %v\n", st2, v["job"])
	for time.Since(start) < *limit {
		time.Sleep(250 * time.Millisecond)
		if st, job, err = call("GET", u); err != nil {
			return err
		}
		if job["state"] != "running" {
			rep, _ := json.Marshal(job["report"])
			fmt.Printf("GET %s: %d, state %v after %v; report %s\n", u, st, job["state"], time.Since(start).Round(time.Millisecond), rep)
			if job["state"] != "done" {
				return fmt.Errorf("job %v", job["state"])
			}
			return nil
		}
	}
	return fmt.Errorf("the job still runs after %v", *limit)
}
