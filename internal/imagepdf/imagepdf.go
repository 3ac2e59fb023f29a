// Package imagepdf writes image-only PDFs — every page one grey JPEG, as
// a scanner makes them — and reads the grey PGM images pdftoppm writes.
// It is the one writer behind the demo's scanned fixtures
// (scripts/attachments) and the OCR tests' scans (filetexttest), so both
// produce the same PDF structure.
package imagepdf

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"strconv"
	"strings"
)

// Write encodes every page as a grey JPEG of the given quality and
// returns the PDF; a page's size is its pixels at dpi.
func Write(pages []*image.Gray, dpi float64, quality int) ([]byte, error) {
	if dpi <= 0 {
		return nil, fmt.Errorf("imagepdf: dpi %v", dpi)
	}
	var objs [][]byte // object bodies, 1-based numbering
	add := func(b []byte) int { objs = append(objs, b); return len(objs) }
	add(nil) // 1: catalog, filled below
	add(nil) // 2: pages
	var kids []string
	for i, img := range pages {
		var jb bytes.Buffer
		if err := jpeg.Encode(&jb, img, &jpeg.Options{Quality: quality}); err != nil {
			return nil, fmt.Errorf("imagepdf: page %d: %w", i+1, err)
		}
		w, h := img.Rect.Dx(), img.Rect.Dy()
		pw, ph := float64(w)*72/dpi, float64(h)*72/dpi
		imgObj := add(fmt.Appendf(nil, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream", w, h, jb.Len(), jb.String()))
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", pw, ph)
		contObj := add(fmt.Appendf(nil, "<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
		page := add(fmt.Appendf(nil, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", pw, ph, imgObj, contObj))
		kids = append(kids, strconv.Itoa(page)+" 0 R")
	}
	objs[0] = []byte("<< /Type /Catalog /Pages 2 0 R >>")
	objs[1] = fmt.Appendf(nil, "<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes(), nil
}

// ReadPGM reads a binary PGM (P5, 8-bit) as pdftoppm -gray writes it.
func ReadPGM(data []byte) (*image.Gray, error) {
	br := bytes.NewReader(data)
	r := bufio.NewReader(br)
	var magic string
	var w, h, maxv int
	if _, err := fmt.Fscan(r, &magic, &w, &h, &maxv); err != nil || magic != "P5" || maxv != 255 || w <= 0 || h <= 0 {
		return nil, errors.New("not an 8-bit PGM")
	}
	if w > 1<<15 || h > 1<<15 {
		return nil, fmt.Errorf("PGM of %d×%d pixels: larger than a page at any scanner's resolution", w, h)
	}
	if _, err := r.ReadByte(); err != nil {
		return nil, err
	}
	// The pixels must be there before the image is made: a header alone
	// would otherwise cost up to 1 GiB (TestReadPGMShortCost).
	if left := br.Len() + r.Buffered(); left < w*h {
		return nil, fmt.Errorf("PGM pixels: %d×%d wanted, %d bytes left: %w", w, h, left, io.ErrUnexpectedEOF)
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	if _, err := io.ReadFull(r, img.Pix); err != nil {
		return nil, fmt.Errorf("PGM pixels: %w", err)
	}
	return img, nil
}
