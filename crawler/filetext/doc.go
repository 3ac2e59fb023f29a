package filetext

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// DOC (Word 97–2003 binary) is read by antiword (`-w 0`: one line per
// paragraph, tables as "|cell|cell|" lines), falling back to catdoc when
// antiword refuses the file or is not installed (run with catdocMaps, as
// xls2csv: catdoc's own maps drop U+00AD, TCVN3's "ư"; antiword keeps
// it). Both print the bytes of 8-bit text as windows-1252 glyphs, so TCVN3/VNI paragraphs arrive as
// mojibake and are decoded per cell (legacy.go). Lines whose parts are
// separated by tabs or wide spacing (the header typed with tabs) become
// "cell | cell" rows; table lines go through the same table rendering as
// DOCX. Form feeds are page breaks.

func (r *Reader) readDOC(ctx context.Context, data []byte, res *Result) ([]line, error) {
	dir, path, err := tempCopy(data, "in.doc")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out, err := r.tools.run(ctx, "antiword", []string{"-w", "0", "-m", "UTF-8.txt", path}, r.opt.Limits.MaxText)
	if err != nil && ctx.Err() == nil && !errors.Is(err, ErrOutputLimit) {
		env, merr := catdocMaps(dir)
		if merr != nil {
			return nil, merr
		}
		var cerr error
		out, cerr = r.tools.runEnv(ctx, "catdoc", []string{"-d", "utf-8", "-w", path}, env, r.opt.Limits.MaxText)
		if cerr != nil {
			var tm *ToolMissingError
			if errors.As(err, &tm) && !errors.As(cerr, &tm) {
				err = cerr
			}
			return nil, docError(err)
		}
		err = nil
	}
	if err != nil {
		if errors.Is(err, ErrOutputLimit) {
			return nil, fmt.Errorf("%w: %v", ErrTooLarge, err)
		}
		return nil, docError(err)
	}
	return wordLines(string(out), res)
}

// wordLines is the lines of a word processor's text as antiword writes it
// (a DOC, or an ODT written in its shape), its legacy encoding and pages
// noted in res; no text at all is ErrNoText.
func wordLines(text string, res *Result) ([]line, error) {
	lines, enc := docLines(text)
	if enc != asIs {
		res.Encoding = enc.String()
	}
	res.Pages = 1
	if n := len(lines); n > 0 {
		res.Pages = lines[n-1].page
	}
	if len(lines) == 0 {
		return nil, fmt.Errorf("%w: the document holds no text", ErrNoText)
	}
	return lines, nil
}

// docError classifies antiword's complaints; any other failure is a
// damaged file.
func docError(err error) error {
	return classify(err, []failure{
		{ErrEncrypted, "", []string{"encrypt", "password"}},
		{ErrUnsupported, "an OLE file that is not a Word document", []string{"not a word document", "is not a"}},
	}, ErrDamaged)
}

var cellGap = regexp.MustCompile(`\t+|\s{3,}`)

// docLines turns antiword/catdoc output into lines.
func docLines(s string) ([]line, encoding) {
	type raw struct {
		cells []string
		table bool
		page  int
	}
	var raws []raw
	page := 1
	for _, l := range strings.Split(s, "\n") {
		page += strings.Count(l, "\f")
		l = strings.ReplaceAll(l, "\f", "")
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && len(t) > 1 {
			parts := strings.Split(t[1:len(t)-1], "|")
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			raws = append(raws, raw{cells: parts, table: true, page: page})
			continue
		}
		var cells []string
		for _, c := range cellGap.Split(t, -1) {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		raws = append(raws, raw{cells: cells, page: page})
	}
	// Decode legacy runs: one run per cell, pages as the prior.
	var runs [][][]string
	for _, r := range raws {
		for len(runs) < r.page {
			runs = append(runs, nil)
		}
		for _, c := range r.cells {
			runs[r.page-1] = append(runs[r.page-1], strings.Fields(c))
		}
	}
	enc := decodeRuns(runs)
	k := make([]int, len(runs))
	for i := range raws {
		p := raws[i].page - 1
		for j := range raws[i].cells {
			raws[i].cells[j] = strings.Join(runs[p][k[p]], " ")
			k[p]++
		}
	}
	var out []line
	for i := 0; i < len(raws); {
		if raws[i].table {
			var rows [][][]string
			j := i
			for ; j < len(raws) && raws[j].table; j++ {
				row := make([][]string, len(raws[j].cells))
				for c, t := range raws[j].cells {
					if t != "" {
						row[c] = []string{t}
					}
				}
				rows = append(rows, row)
			}
			for _, t := range tableLines(rows) {
				out = append(out, line{text: t, page: raws[i].page})
			}
			i = j
			continue
		}
		if t := strings.Join(raws[i].cells, " | "); !ruleLine(t) {
			out = append(out, line{text: t, page: raws[i].page})
		}
		i++
	}
	return out, enc
}
