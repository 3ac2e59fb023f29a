package app

// The control socket (DATA/control.sock, mode 0600) lets a `vanban nightly`
// started by cron or a systemd timer hand its job to the `vanban serve`
// that owns the data directory, instead of waiting on the server's locks.
// Only local users who can open the socket file can use it.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// controlJob is a nightly job handed to the server.
type controlJob struct {
	Config   string `json:"config"`          // absolute path of the sites file
	Deadline string `json:"deadline"`        // Go duration; "0s" for none
	Prune    bool   `json:"prune,omitempty"` // --prune (SitesOptions.Prune)
}

func controlPath(data string) string { return filepath.Join(data, "control.sock") }

type controlClient struct{ hc *http.Client }

// dialControl returns a client of the server running on data, or nil when
// none answers.
func dialControl(data string) *controlClient {
	path := controlPath(data)
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	c := &controlClient{hc: &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", path)
		},
	}}}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://vanban/ping", nil)
	res, err := c.hc.Do(req)
	if err != nil {
		return nil
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil
	}
	return c
}

// get fetches a JSON answer of the server.
func (c *controlClient) get(ctx context.Context, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://vanban"+path, nil)
	if err != nil {
		return err
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("server: %s %s", path, res.Status)
	}
	return json.NewDecoder(res.Body).Decode(v)
}

// nightly runs a job in the server and waits for its report.
func (c *controlClient) nightly(ctx context.Context, job controlJob) (*nightlyReport, error) {
	body, _ := json.Marshal(job)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://vanban/nightly", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		var e struct{ Error string }
		json.NewDecoder(res.Body).Decode(&e)
		return nil, controlError(res.StatusCode, fmt.Errorf("server: %s", e.Error))
	}
	var rep nightlyReport
	if err := json.NewDecoder(res.Body).Decode(&rep); err != nil {
		return nil, fmt.Errorf("server report: %w", err)
	}
	return &rep, nil
}

// controlError classifies the server's refusal of a job as the local run
// would have failed: a job already running, or a bad config.
func controlError(status int, err error) error {
	switch status {
	case http.StatusConflict:
		return classify(ErrLocked, err)
	case http.StatusUnprocessableEntity:
		return classify(ErrBadConfig, err)
	}
	return err
}

// listenControl opens the control socket, replacing a stale one left by a
// killed server.
func listenControl(data string) (net.Listener, error) {
	path := controlPath(data)
	if dialControl(data) != nil {
		return nil, errors.New("another server answers on " + path)
	}
	os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("control socket: %w", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	return ln, nil
}
