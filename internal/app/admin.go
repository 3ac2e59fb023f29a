package app

// The admin routes of the public server, present only when a token is
// configured:
//
//	POST /admin/nightly     start the nightly job: 202 Accepted, Location
//	                        /admin/jobs/{id}, body the job; 409 while a
//	                        job runs (with the running job's id when it is
//	                        an admin one)
//	GET  /admin/jobs/{id}   the job: state running, done or failed, its
//	                        start and end, its report or error
//
// A job takes hours while a request has 15 s: the job used to run inside
// the request, whose 503 at 15 s lost the report, and a retry met the job
// still running (409). Now the request starts the job and returns; the job
// runs under the server's context (stopping the server interrupts it, and
// the server waits for it) and is polled.
//
// Every admin request is logged (method, path, remote address, status,
// job), refused ones included, never the token. Only "Authorization:
// Bearer TOKEN" is accepted, compared in constant time.

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/vanban/vanban/search/web"
)

// adminJob is a nightly job started by POST /admin/nightly.
type adminJob struct {
	ID       string         `json:"id"`
	State    string         `json:"state"` // running, done, failed
	Started  time.Time      `json:"started"`
	Finished *time.Time     `json:"finished,omitempty"`
	Report   *nightlyReport `json:"report,omitempty"`
	Error    string         `json:"error,omitempty"`
	URL      string         `json:"status_url"`
}

// maxAdminJobs is how many finished jobs the server remembers.
const maxAdminJobs = 20

// admin serves the admin routes and runs their jobs.
type admin struct {
	s     *server
	token string
	log   *slog.Logger

	mu      sync.Mutex
	jobs    map[string]*adminJob
	order   []string // job IDs, oldest first
	running string   // the running job's ID, "" when none
}

// ServeHTTP serves /admin/ with the security headers of every answer and
// logs the request.
func (a *admin) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	web.SecurityHeaders(w.Header())
	status, job, err := a.serve(w, r)
	level := slog.LevelInfo
	if status >= 400 {
		level = slog.LevelWarn
	}
	attrs := []any{"method", r.Method, "path", r.URL.Path, "remote", r.RemoteAddr, "status", status}
	if job != "" {
		attrs = append(attrs, "job", job)
	}
	if err != nil {
		attrs = append(attrs, "err", err)
	}
	a.log.Log(r.Context(), level, "admin", attrs...)
}

// serve answers an admin request and says what it answered.
func (a *admin) serve(w http.ResponseWriter, r *http.Request) (status int, job string, err error) {
	fail := func(status int, err error) (int, string, error) {
		writeJSONError(w, status, err)
		return status, "", err
	}
	route := ""
	switch {
	case r.URL.Path == "/admin/nightly":
		route = http.MethodPost
	case strings.HasPrefix(r.URL.Path, "/admin/jobs/"):
		route = http.MethodGet
	default:
		http.NotFound(w, r)
		return http.StatusNotFound, "", nil
	}
	if !a.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="vanban admin"`)
		return fail(http.StatusUnauthorized, errors.New("bad or missing bearer token (Authorization: Bearer TOKEN)"))
	}
	if r.Method != route {
		w.Header().Set("Allow", route)
		return fail(http.StatusMethodNotAllowed, fmt.Errorf("%s: method not allowed", r.URL.Path))
	}
	if route == http.MethodGet {
		id := strings.TrimPrefix(r.URL.Path, "/admin/jobs/")
		j, ok := a.job(id)
		if !ok {
			return fail(http.StatusNotFound, fmt.Errorf("no job %q (the server keeps the last %d)", id, maxAdminJobs))
		}
		writeJSON(w, http.StatusOK, j)
		return http.StatusOK, id, nil
	}
	if a.s.config == "" {
		return fail(http.StatusConflict, errors.New("server started without --config"))
	}
	j, running, err := a.start()
	switch {
	case errors.Is(err, errJobRunning):
		msg := map[string]string{"error": err.Error()}
		if running != "" {
			msg["job"], msg["status_url"] = running, "/admin/jobs/"+running
		}
		writeJSON(w, http.StatusConflict, msg)
		return http.StatusConflict, running, err
	case err != nil:
		return fail(http.StatusInternalServerError, err)
	}
	w.Header().Set("Location", j.URL)
	writeJSON(w, http.StatusAccepted, j)
	return http.StatusAccepted, j.ID, nil
}

// authorized reports whether r carries "Authorization: Bearer TOKEN" with
// the server's token. The scheme is case-insensitive (RFC 9110); nothing
// else is accepted (a bare token, Basic, a query parameter).
func (a *admin) authorized(r *http.Request) bool {
	scheme, got, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(a.token)) == 1
}

// start takes the nightly lock and starts a job, or says which runs.
func (a *admin) start() (j adminJob, running string, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	l, err := tryLock(nightlyLockPath(a.s.e.Data))
	if errors.Is(err, errHeld) {
		return j, a.running, errJobRunning
	} else if err != nil {
		return j, "", err
	}
	id := newJobID()
	job := &adminJob{ID: id, State: "running", Started: time.Now().UTC(), URL: "/admin/jobs/" + id}
	a.remember(job)
	a.running = id
	a.s.jobs.Add(1) // the server waits for its jobs before it closes the store
	go func() {
		defer a.s.jobs.Done()
		defer l.unlock()
		rep, err := a.s.runJob(context.Background(), SitesOptions{Config: a.s.config}, 0, true) // runJob ends it with the server
		a.finish(id, rep, err)
	}()
	return *job, "", nil
}

// finish records the end of a job.
func (a *admin) finish(id string, rep *nightlyReport, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	j := a.jobs[id]
	now := time.Now().UTC()
	j.Finished, j.Report, j.State = &now, rep, "done"
	switch {
	case err != nil:
		j.State, j.Error = "failed", err.Error()
	case rep != nil && rep.Error != "":
		j.State, j.Error = "failed", rep.Error
	}
	if a.running == id {
		a.running = ""
	}
	a.log.Info("admin job finished", "job", id, "state", j.State)
}

// remember keeps j, forgetting the oldest finished jobs beyond
// maxAdminJobs.
func (a *admin) remember(j *adminJob) {
	if a.jobs == nil {
		a.jobs = map[string]*adminJob{}
	}
	a.jobs[j.ID] = j
	a.order = append(a.order, j.ID)
	for len(a.order) > maxAdminJobs && a.order[0] != a.running {
		delete(a.jobs, a.order[0])
		a.order = a.order[1:]
	}
}

// job is a copy of the job id.
func (a *admin) job(id string) (adminJob, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	j, ok := a.jobs[id]
	if !ok {
		return adminJob{}, false
	}
	return *j, true
}

func newJobID() string {
	var b [8]byte
	rand.Read(b[:])
	return time.Now().UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:4])
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// adminToken is the admin token of `vanban serve`: read from
// opts.AdminTokenFile when set (its first line, spaces trimmed), else
// opts.AdminToken (the command line: visible to every local user in ps,
// so cmd/vanban warns), else $VANBAN_ADMIN_TOKEN; "" turns the admin
// routes off. A token file others may read is refused.
func adminToken(opts ServeOptions) (string, error) {
	switch {
	case opts.AdminTokenFile != "" && opts.AdminToken != "":
		return "", fmt.Errorf("admin token: give --admin-token-file or --admin-token, not both")
	case opts.AdminToken != "":
		return opts.AdminToken, nil
	case opts.AdminTokenFile == "":
		return strings.TrimSpace(os.Getenv("VANBAN_ADMIN_TOKEN")), nil
	}
	fi, err := os.Stat(opts.AdminTokenFile)
	if err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return "", fmt.Errorf("admin token: %s is readable by others (mode %v): chmod 600 it", opts.AdminTokenFile, fi.Mode().Perm())
	}
	b, err := os.ReadFile(opts.AdminTokenFile)
	if err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	if tok := strings.TrimSpace(line); tok != "" {
		return tok, nil
	}
	return "", fmt.Errorf("admin token: %s: empty first line", opts.AdminTokenFile)
}
