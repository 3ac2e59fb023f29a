package web

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/corpus/viet"
)

// The end-to-end test drives the pages in a real headless Chromium
// (Debian's chromium package). Regenerate the screenshots in docs/ with
//
//	go test ./search/web -run TestE2E -screenshots
var screenshots = flag.Bool("screenshots", false, "write docs/screenshot-search.png and docs/screenshot-doc.png")

const chromiumPath = "/usr/bin/chromium"

// browser starts a headless Chromium with a fresh profile, or skips (fails
// under CI=true) when it is not installed.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing: install Debian's chromium package (.ci/run does)", chromiumPath)
		}
		t.Skipf("%s missing: apt-get install -y chromium to run the browser test", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profileDir(t)),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	// a stop for a browser that hangs, not a bound anything is tested
	// against (a loaded machine needs more than 50 s for the whole test)
	ctx, cancel3 := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancel3)
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	return ctx
}

func TestE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped under -short")
	}
	evil := &corpus.Document{URL: "http://evil.test/xss", Site: "evil", Title: `Tin <script>alert("t")</script> độc hại <img src=x onerror=alert(1)>`,
		Body: "Nội dung độc hại <script>alert(2)</script> <b id=\"inj\">in đậm</b> <iframe src=\"javascript:alert(3)\"></iframe> \"><svg onload=alert(4)>"}
	srv, _ := demoServer(t, evil)
	ctx := browser(t)
	var dialogs atomic.Int32
	chromedp.ListenTarget(ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		}
	})
	run := func(what string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// follow runs an action that loads a new page (a click, a submit),
	// waits until that page has loaded, then runs the rest: read at once,
	// the old page (whose elements the waits also match) or a page
	// still arriving (the server streams) was read.
	follow := func(what string, trigger chromedp.Action, then ...chromedp.Action) {
		t.Helper()
		res, err := chromedp.RunResponse(ctx, trigger)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if res.Status != http.StatusOK {
			t.Fatalf("%s: %s answered %d", what, res.URL, res.Status)
		}
		run(what, then...)
	}
	var n int
	var text string

	// Search from the empty page by typing and submitting the form.
	run("search page", chromedp.Navigate(srv.URL+"/"),
		chromedp.SendKeys(`input[name=q]`, "nghi quyet", chromedp.ByQuery))
	follow("search", chromedp.Submit(`input[name=q]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.hit`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('.hit').length`, &n),
		chromedp.Text(`.hit .snip mark`, &text, chromedp.ByQuery))
	if n != 10 || !strings.HasPrefix(viet.Fold(text), "nghi") {
		t.Errorf("search: %d hits, first mark %q", n, text)
	}
	if *screenshots {
		shoot(t, ctx, "../../docs/screenshot-search.png")
	}

	// Filter by a facet, then remove the filter with its chip.
	follow("facet", chromedp.Click(`//aside//a[text()="Nghị quyết"]`, chromedp.BySearch),
		chromedp.WaitVisible(`.chip`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('.hit').length`, &n),
		chromedp.Text(`.chip`, &text, chromedp.ByQuery))
	if n != 3 || !strings.Contains(text, "Nghị quyết") {
		t.Errorf("facet: %d hits, chip %q; want 3 resolutions", n, text)
	}
	follow("chip", chromedp.Click(`.chip`, chromedp.ByQuery), chromedp.WaitNotPresent(`.chip`, chromedp.ByQuery))

	// Paginate.
	follow("paginate", chromedp.Click(`nav.pages a[rel=next]`, chromedp.ByQuery),
		chromedp.WaitVisible(`nav.pages span[aria-current=page]`, chromedp.ByQuery),
		chromedp.Text(`nav.pages span[aria-current=page]`, &text, chromedp.ByQuery))
	if text != "2" {
		t.Errorf("after Next the current page is %q, want 2", text)
	}

	// Open a document from the results and follow a citation.
	run("results", chromedp.Navigate(srv.URL+"/?q="+url.QueryEscape("236/KH-UBND")))
	follow("open", chromedp.Click(`.hit h2 a`, chromedp.ByQuery),
		chromedp.WaitVisible(`article.doc h1`, chromedp.ByQuery),
		chromedp.Text(`article.doc h1`, &text, chromedp.ByQuery))
	if !strings.Contains(text, "236/KH-UBND") {
		t.Errorf("opened %q, want the Kế hoạch 236/KH-UBND", text)
	}
	if *screenshots {
		shoot(t, ctx, "../../docs/screenshot-doc.png")
	}
	follow("cite", chromedp.Click(`//section[contains(@class,"cites")]//a[text()="154/NQ-CP"]`, chromedp.BySearch),
		chromedp.WaitVisible(`article.doc h1`, chromedp.ByQuery),
		chromedp.Text(`article.doc h1`, &text, chromedp.ByQuery))
	if !strings.Contains(text, "154/NQ-CP") {
		t.Errorf("followed the citation to %q, want Nghị quyết 154/NQ-CP", text)
	}

	// Crawled markup stays text: no dialog, no injected element.
	var injected bool
	var title string
	for _, u := range []string{"/?q=" + url.QueryEscape("độc hại"), "/doc/" + evil.ID + "?q=" + url.QueryEscape("độc hại")} {
		run("xss "+u, chromedp.Navigate(srv.URL+u),
			chromedp.WaitVisible(`main`, chromedp.ByQuery),
			chromedp.Sleep(200*time.Millisecond),
			chromedp.Evaluate(`document.scripts.length > 0 || document.images.length > 0 || !!document.querySelector('#inj, iframe, svg, main b:not(.meta b)')`, &injected),
			chromedp.Evaluate(`document.querySelector('.hit h2 a, article.doc h1').textContent`, &title))
		if injected {
			t.Errorf("%s: crawled markup became elements", u)
		}
		if !strings.Contains(title, `<script>alert("t")</script>`) {
			t.Errorf("%s: title shown as %q, want the markup as text", u, title)
		}
	}
	if d := dialogs.Load(); d != 0 {
		t.Errorf("%d JavaScript dialogs opened", d)
	}
}

// shoot writes one PNG with the current page at desktop (1280 px) and phone
// (390 px) widths side by side.
func shoot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	var desk, phone []byte
	err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1280, 900), chromedp.CaptureScreenshot(&desk),
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile), chromedp.Sleep(100*time.Millisecond), chromedp.CaptureScreenshot(&phone),
		chromedp.EmulateViewport(1280, 900))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	d, err := png.Decode(bytes.NewReader(desk))
	if err != nil {
		t.Fatal(err)
	}
	p, err := png.Decode(bytes.NewReader(phone))
	if err != nil {
		t.Fatal(err)
	}
	// The phone shot is at 2× device pixels; halve it to sit beside the desktop one.
	ph := halve(p)
	gap := 24
	out := image.NewRGBA(image.Rect(0, 0, d.Bounds().Dx()+gap+ph.Bounds().Dx(), max(d.Bounds().Dy(), ph.Bounds().Dy())))
	draw.Draw(out, out.Bounds(), image.NewUniform(color.RGBA{0xdd, 0xdd, 0xdd, 0xff}), image.Point{}, draw.Src)
	draw.Draw(out, d.Bounds(), d, d.Bounds().Min, draw.Src)
	draw.Draw(out, ph.Bounds().Add(image.Pt(d.Bounds().Dx()+gap, 0)), ph, image.Point{}, draw.Src)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, out); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Clean(path), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", path, buf.Len())
}

// halve scales an image to half its size by averaging 2×2 blocks.
func halve(src image.Image) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	for y := 0; y < b.Dy()/2; y++ {
		for x := 0; x < b.Dx()/2; x++ {
			var r, g, bl, a uint32
			for _, d := range [4][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				cr, cg, cb, ca := src.At(b.Min.X+2*x+d[0], b.Min.Y+2*y+d[1]).RGBA()
				r, g, bl, a = r+cr, g+cg, bl+cb, a+ca
			}
			dst.Set(x, y, color.RGBA64{uint16(r / 4), uint16(g / 4), uint16(bl / 4), uint16(a / 4)})
		}
	}
	return dst
}

// profileDir is a fresh Chromium profile directory. Chromium's helper
// processes may still write to it for a moment after the browser is
// cancelled, so removal retries instead of failing the test (t.TempDir's
// cleanup fails on "directory not empty").
func profileDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "vanban-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 20; i++ {
			if err = os.RemoveAll(dir); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("chromium profile %s not removed: %v", dir, err)
	})
	return dir
}
