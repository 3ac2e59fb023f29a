package filetexttest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ODS writes an OpenDocument spreadsheet as LibreOffice Calc saves one:
// "mimetype" first and stored, then the manifest and content.xml, whose
// tables hold runs of empty cells and rows as number-columns-repeated and
// number-rows-repeated (each sheet ending in the 1,048,576-row sheet's
// empty rows as one repeated row), merged ranges as spans over covered
// cells, integers as floats and Sheet.Dates as dates shown dd/mm/yyyy;
// runs of spaces as <text:s text:c="n"/>.
func ODS(sheets ...Sheet) []byte {
	return odf("application/vnd.oasis.opendocument.spreadsheet", `<office:spreadsheet>`+odsTables(sheets)+`</office:spreadsheet>`)
}

// ODT writes an OpenDocument text document whose body is the given
// content.xml fragment (paragraphs, headings, lists, tables).
func ODT(body string) []byte {
	return odf("application/vnd.oasis.opendocument.text", `<office:text>`+body+`</office:text>`)
}

func odf(mimetype, body string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	must := func(err error) {
		if err != nil {
			panic("filetexttest: " + err.Error())
		}
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	must(err)
	_, err = w.Write([]byte(mimetype))
	must(err)
	for _, f := range []struct{ name, text string }{
		{"META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="` + mimetype + `"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`},
		{"content.xml", `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body>` + body + `</office:body></office:document-content>`},
	} {
		w, err := zw.Create(f.name)
		must(err)
		_, err = w.Write([]byte(f.text))
		must(err)
	}
	must(zw.Close())
	return b.Bytes()
}

func odsTables(sheets []Sheet) string {
	var b strings.Builder
	for _, sh := range sheets {
		span := map[[2]int][2]int{} // top-left → rows, columns
		covered := map[[2]int]bool{}
		for _, m := range sh.Merged {
			r0, c0, r1, c1 := parseRange(m)
			span[[2]int{r0, c0}] = [2]int{r1 - r0 + 1, c1 - c0 + 1}
			for r := r0; r <= r1; r++ {
				for c := c0; c <= c1; c++ {
					if r != r0 || c != c0 {
						covered[[2]int{r, c}] = true
					}
				}
			}
		}
		width := 0
		for _, r := range sh.Rows {
			width = max(width, len(r))
		}
		for k := range covered {
			width = max(width, k[1]+1)
		}
		fmt.Fprintf(&b, `<table:table table:name="%s"><table:table-column table:number-columns-repeated="1024"/>`, html.EscapeString(sh.Name))
		empty := 0
		flush := func() {
			if empty > 0 {
				fmt.Fprintf(&b, `<table:table-row table:number-rows-repeated="%d"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>`, empty)
				empty = 0
			}
		}
		for ri, row := range sh.Rows {
			if !slices.ContainsFunc(row, func(s string) bool { return s != "" }) && !coveredRow(covered, ri, width) {
				empty++
				continue
			}
			flush()
			b.WriteString(`<table:table-row>`)
			blank := 0
			for ci := 0; ci < width; ci++ {
				c := ""
				if ci < len(row) {
					c = row[ci]
				}
				k := [2]int{ri, ci}
				if c == "" && !covered[k] {
					blank++
					continue
				}
				if blank > 0 {
					fmt.Fprintf(&b, `<table:table-cell table:number-columns-repeated="%d"/>`, blank)
					blank = 0
				}
				if covered[k] {
					b.WriteString(`<table:covered-table-cell/>`)
					continue
				}
				attrs := ""
				if s, ok := span[k]; ok {
					attrs = fmt.Sprintf(` table:number-rows-spanned="%d" table:number-columns-spanned="%d"`, s[0], s[1])
				}
				switch {
				case isInt(c) && slices.Contains(sh.Dates, CellName(ri, ci)):
					n, _ := strconv.Atoi(c)
					d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
					fmt.Fprintf(&b, `<table:table-cell office:value-type="date" office:date-value="%s"%s><text:p>%s</text:p></table:table-cell>`, d.Format("2006-01-02"), attrs, d.Format("02/01/2006"))
				case isInt(c):
					fmt.Fprintf(&b, `<table:table-cell office:value-type="float" office:value="%s"%s><text:p>%s</text:p></table:table-cell>`, c, attrs, c)
				default:
					fmt.Fprintf(&b, `<table:table-cell office:value-type="string"%s><text:p>%s</text:p></table:table-cell>`, attrs, odfSpaces(c))
				}
			}
			fmt.Fprintf(&b, `<table:table-cell table:number-columns-repeated="%d"/></table:table-row>`, 1024-width)
		}
		empty += 1048576 - len(sh.Rows)
		flush()
		b.WriteString(`</table:table>`)
	}
	return b.String()
}

func coveredRow(covered map[[2]int]bool, r, width int) bool {
	for c := 0; c < width; c++ {
		if covered[[2]int{r, c}] {
			return true
		}
	}
	return false
}

// odfSpaces escapes s, writing each run of n > 1 spaces as one space and
// <text:s text:c="n-1"/>, as ODF stores them.
func odfSpaces(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != ' ' {
			j := strings.IndexByte(s[i:], ' ')
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(html.EscapeString(s[i : i+j]))
			i += j
			continue
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		b.WriteByte(' ')
		if j-i > 1 {
			fmt.Fprintf(&b, `<text:s text:c="%d"/>`, j-i-1)
		}
		i = j
	}
	return b.String()
}
