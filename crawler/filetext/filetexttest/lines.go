package filetexttest

import (
	"html"
	"strings"
)

// DOCX and ODTLines write a text's lines as a file, the way an office
// saves a document typed in Word or Writer: a line holding cells joined
// by " | " is a row of a table (a run of them one table: the ND 30
// header's two columns, a signature beside "Nơi nhận"), any other line a
// paragraph. Tests write the lines; these make them a real file for the
// readers.

// DOCX writes lines as an Office Open XML document (word/document.xml
// only, which is all a reader needs).
func DOCX(lines []string) []byte {
	var b strings.Builder
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	para := func(s string) string {
		return `<w:p><w:r><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`
	}
	tables(lines, &b, para, "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>")
	b.WriteString("</w:body></w:document>")
	data, err := Zip(map[string]string{"word/document.xml": b.String()})
	if err != nil {
		panic(err) // writing to memory
	}
	return data
}

// ODTLines writes lines as an OpenDocument text (ODT).
func ODTLines(lines []string) []byte {
	var b strings.Builder
	para := func(s string) string { return "<text:p>" + html.EscapeString(s) + "</text:p>\n" }
	tables(lines, &b, para, `<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>`, "</table:table>\n",
		"<table:table-row>", "</table:table-row>", "<table:table-cell>", "</table:table-cell>")
	return ODT(b.String())
}

// tables writes lines to b: runs of lines with cells as tables, the others
// as paragraphs.
func tables(lines []string, b *strings.Builder, para func(string) string, tbl, tblEnd, row, rowEnd, cell, cellEnd string) {
	inTable := false
	for _, l := range lines {
		cs := strings.Split(l, " | ")
		if len(cs) > 1 != inTable {
			if inTable {
				b.WriteString(tblEnd)
			} else {
				b.WriteString(tbl)
			}
			inTable = !inTable
		}
		if !inTable {
			b.WriteString(para(l))
			continue
		}
		b.WriteString(row)
		for _, c := range cs {
			b.WriteString(cell + para(strings.TrimSpace(c)) + cellEnd)
		}
		b.WriteString(rowEnd)
	}
	if inTable {
		b.WriteString(tblEnd)
	}
}
