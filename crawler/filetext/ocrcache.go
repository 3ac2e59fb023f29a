package filetext

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// The OCR cache (Options.OCRCache): Tesseract's output for an image is kept
// in a directory under a key that names everything the output depends on —
// the image's bytes, the arguments Tesseract was given (language, page
// segmentation mode, output format), `tesseract --version` (Tesseract's and
// Leptonica's versions and their image libraries') and the language model's
// bytes — so a scan read again (re-ingested, re-extracted after a salvage,
// read by two tests) is not OCR'd again, and a different page render, mode,
// Tesseract or model is a different key. The page is still rendered (that
// is cheap: 0.12 s a page against Tesseract's seconds) because the render
// is what the key is taken from. Entries are written whole (a temporary
// file renamed), so a reader sees a whole entry or none; each entry starts
// with its body's length and SHA-256, checked on every read, so an entry
// damaged after it was written (cut short by a crash before the data
// reached the disk, emptied, edited) is a miss, read again and rewritten,
// never returned as text. A cache that cannot be written is no error (the
// next read OCRs again). Nothing bounds the directory: its owner removes it
// (.ci/run's is removed at exit).

// ocrCacheFormat names the key's layout; a change of layout changes it.
const ocrCacheFormat = "vanban ocr cache 2"

// ocrStamp is what every key of a Reader holds besides the image and the
// arguments: Tesseract's version output and the model's hash, per language.
type ocrStamp struct {
	mu     sync.Mutex
	stamps map[string]string // language → stamp; "" when the model was not found (cache off)
}

// tessdataDir reads the model directory from `tesseract --list-langs`'s
// first line: List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):
var tessdataDir = regexp.MustCompile(`"([^"]+)"`)

// stamp returns the key prefix for lang, or "" when a model's file cannot
// be found (the cache is then not used: a key without the model would not
// change when the model does).
func (r *Reader) ocrStamp(ctx context.Context, lang string) (string, error) {
	st := &r.stamp
	st.mu.Lock()
	defer st.mu.Unlock()
	if s, ok := st.stamps[lang]; ok {
		return s, nil
	}
	ver, err := r.tools.run(ctx, "tesseract", []string{"--version"}, 1<<16)
	if err != nil {
		return "", fmt.Errorf("ocr cache: %w", err)
	}
	list, err := r.tools.run(ctx, "tesseract", []string{"--list-langs"}, 1<<16)
	if err != nil {
		return "", fmt.Errorf("ocr cache: %w", err)
	}
	s := ""
	if m := tessdataDir.FindSubmatch(list); m != nil {
		// A list ("vie+eng") reads with every model it names.
		s = ocrCacheFormat + "\x00" + string(ver)
		for _, l := range strings.Split(lang, "+") {
			sum, err := fileSum(filepath.Join(string(m[1]), l+".traineddata"))
			if err != nil {
				s = ""
				break
			}
			s += "\x00" + l + "\x00" + sum
		}
	}
	if st.stamps == nil {
		st.stamps = map[string]string{}
	}
	st.stamps[lang] = s
	return s, nil
}

// fileSum is the hex SHA-256 of a file's bytes.
func fileSum(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ocrKey is the cache key of Tesseract's output for the image's bytes read
// with args under stamp.
func ocrKey(stamp string, args []string, img io.Reader) (string, error) {
	h := sha256.New()
	io.WriteString(h, stamp)
	for _, a := range args {
		io.WriteString(h, "\x00"+a)
	}
	io.WriteString(h, "\x00\x00")
	if _, err := io.Copy(h, img); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// tesseract runs `tesseract IMG stdout ARGS…` and returns its output,
// from the OCR cache when Options.OCRCache holds it.
func (r *Reader) tesseract(ctx context.Context, img string, args ...string) ([]byte, error) {
	run := func() ([]byte, error) {
		r.ocrRuns.Add(1)
		return r.tools.run(ctx, "tesseract", append([]string{img, "stdout"}, args...), r.opt.Limits.MaxText)
	}
	if r.opt.OCRCache == "" {
		return run()
	}
	stamp, err := r.ocrStamp(ctx, r.opt.Lang)
	if err != nil {
		return nil, err
	}
	if stamp == "" {
		return run()
	}
	f, err := os.Open(img)
	if err != nil {
		return nil, fmt.Errorf("ocr cache: %w", err)
	}
	key, err := ocrKey(stamp, args, f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("ocr cache: %s: %w", img, err)
	}
	entry := filepath.Join(r.opt.OCRCache, key[:2], key+".tsv")
	if out, ok := getCache(entry); ok && int64(len(out)) <= r.opt.Limits.MaxText {
		r.ocrHits.Add(1)
		return out, nil
	}
	out, err := run()
	if err != nil {
		return out, err
	}
	putCache(entry, out)
	return out, nil
}

// entryHead is an entry's first line: the body's length and hex SHA-256.
const entryHead = "%d %x\n"

// getCache returns an entry's body, and false when the entry is missing or
// not whole (its first line does not match the body after it).
func getCache(entry string) ([]byte, bool) {
	b, err := os.ReadFile(entry)
	if err != nil {
		return nil, false
	}
	head, body, ok := bytes.Cut(b, []byte("\n"))
	if !ok {
		return nil, false
	}
	sum := sha256.Sum256(body)
	if string(head)+"\n" != fmt.Sprintf(entryHead, len(body), sum) {
		return nil, false
	}
	return body, true
}

// putCache writes an entry whole: a temporary file beside it, renamed. A
// failure leaves no entry (and no temporary file) and is not reported:
// the cache saves work, it is never needed.
func putCache(entry string, out []byte) {
	dir := filepath.Dir(entry)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, "."+strings.TrimSuffix(filepath.Base(entry), ".tsv")+"-*")
	if err != nil {
		return
	}
	sum := sha256.Sum256(out)
	_, err = fmt.Fprintf(f, entryHead, len(out), sum)
	if err == nil {
		_, err = f.Write(out)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), entry)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// CheckOCRCache reports whether dir can be an OCR cache: an existing
// directory this process can write in (a file is made there and removed).
// A cache that fails later is still no error (putCache); this is for a
// configuration naming one, so that a missing or read-only directory is
// told before any work rather than found out as OCR done again and again.
func CheckOCRCache(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s does not exist", dir)
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("%s is not a directory", dir)
	}
	f, err := os.CreateTemp(dir, ".vanban-probe-*")
	if err != nil {
		return fmt.Errorf("%s is not writable: %w", dir, err)
	}
	f.Close()
	return os.Remove(f.Name())
}
