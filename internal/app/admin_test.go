package app

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// adminCall makes one admin request and decodes its JSON answer into v.
func adminCall(t *testing.T, method, url, auth string, v any) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if v != nil {
		json.NewDecoder(res.Body).Decode(v)
	}
	return res
}

// TestAdminJobs: a nightly job started over HTTP outlives its request (the
// request time limit here is 50 ms, the job takes seconds): 202 with the
// job to poll, 409 naming the running job to a second start, the report at
// GET /admin/jobs/{id} once done. Only "Authorization: Bearer" is accepted;
// every admin request is logged, refused ones included, never the token.
func TestAdminJobs(t *testing.T) {
	data, cfg := demoPortal(t)
	const token = "7d1c0a4e-admin-token"
	file := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(file, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done, stderr := startServe(t, ctx, data, ServeOptions{Config: cfg, AdminTokenFile: file, RequestTimeout: 50 * time.Millisecond})
	requests := 0
	call := func(method, path, auth string, v any) int {
		requests++
		return adminCall(t, method, base+path, auth, v).StatusCode
	}
	for _, auth := range []string{"", token, "Basic " + token, "Bearer wrong", "Token " + token, "Bearer"} {
		if got := call("POST", "/admin/nightly", auth, nil); got != http.StatusUnauthorized {
			t.Errorf("POST /admin/nightly with Authorization %q: %d, want 401", auth, got)
		}
	}
	if got := call("GET", "/admin/nightly", "Bearer "+token, nil); got != http.StatusMethodNotAllowed {
		t.Errorf("GET /admin/nightly: %d, want 405", got)
	}
	var job adminJob
	start := time.Now()
	if got := call("POST", "/admin/nightly", "bearer "+token, &job); got != http.StatusAccepted || job.State != "running" || job.URL != "/admin/jobs/"+job.ID {
		t.Fatalf("POST /admin/nightly: %d %+v, want 202 and a running job", got, job)
	}
	// the start answers before the job ends (checked once it has ended:
	// a bound of 1 s on the answer failed only under load)
	answered := time.Now()
	var conflict map[string]string
	if got := call("POST", "/admin/nightly", "Bearer "+token, &conflict); got != http.StatusConflict || conflict["job"] != job.ID {
		t.Errorf("second POST while the job runs: %d %v, want 409 naming %s", got, conflict, job.ID)
	}
	if got := call("GET", job.URL, "", nil); got != http.StatusUnauthorized {
		t.Errorf("GET %s without the token: %d, want 401", job.URL, got)
	}
	if got := call("GET", "/admin/jobs/nope", "Bearer "+token, nil); got != http.StatusNotFound {
		t.Errorf("GET an unknown job: %d, want 404", got)
	}
	for job.State == "running" {
		if time.Since(start) > 2*time.Minute {
			t.Fatalf("the job still runs after 2 min: %+v", job)
		}
		time.Sleep(100 * time.Millisecond)
		if got := call("GET", job.URL, "Bearer "+token, &job); got != http.StatusOK {
			t.Fatalf("GET %s: %d", job.URL, got)
		}
	}
	if job.State != "done" || job.Report == nil || job.Report.Indexed != demoDocs() || job.Finished == nil {
		t.Errorf("finished job: %+v, report %+v; want done, %d indexed", job, job.Report, demoDocs())
	}
	if job.Finished != nil && !job.Finished.After(answered) {
		t.Errorf("the job finished at %v, before its start was answered at %v: the start waited for the job", job.Finished, answered)
	}
	if d := job.Finished.Sub(job.Started); d < 50*time.Millisecond {
		t.Errorf("the job took %s: it does not outlive the request time limit, the test proves nothing", d)
	}
	cancel()
	<-done
	logs := stderr.String()
	if n := strings.Count(logs, `"msg":"admin"`); n != requests {
		t.Errorf("%d admin requests logged, %d made:\n%s", n, requests, logs)
	}
	if strings.Contains(logs, token) {
		t.Errorf("the log shows the token")
	}
	if !strings.Contains(logs, `"status":401`) {
		t.Errorf("refused requests not logged:\n%s", logs)
	}
}

// TestAdminToken: the token comes from a file only its owner reads, the
// environment, or the command line; never two at once.
func TestAdminToken(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good", "  tok-from-file \nsecond line\n", 0o600)
	t.Setenv("VANBAN_ADMIN_TOKEN", "tok-from-env")
	for _, c := range []struct {
		opts    ServeOptions
		want    string
		errPart string
	}{
		{ServeOptions{AdminTokenFile: good}, "tok-from-file", ""},
		{ServeOptions{}, "tok-from-env", ""},
		{ServeOptions{AdminToken: "tok-from-flag"}, "tok-from-flag", ""},
		{ServeOptions{AdminTokenFile: good, AdminToken: "x"}, "", "not both"},
		{ServeOptions{AdminTokenFile: write("open", "tok\n", 0o644)}, "", "chmod 600"},
		{ServeOptions{AdminTokenFile: write("empty", "\n", 0o600)}, "", "empty first line"},
		{ServeOptions{AdminTokenFile: filepath.Join(dir, "missing")}, "", "missing"},
	} {
		got, err := adminToken(c.opts)
		if got != c.want || (c.errPart == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.errPart) {
			t.Errorf("adminToken(%+v) = %q, %v; want %q, error with %q", c.opts, got, err, c.want, c.errPart)
		}
	}
}
