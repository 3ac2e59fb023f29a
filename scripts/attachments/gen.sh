#!/usr/bin/env bash
# Regenerates the demo portal's attachments (demo/site/files) from the texts
# in scripts/attachments/src, written for the demo (fictional tỉnh Phú An):
#   236-KH-UBND.docx  DOCX written directly (numbered lists, tables)
#   45-KH-UBND.pdf    born-digital PDF (DOCX → LibreOffice → PDF)
#   612-QD-UBND.doc   Word 97 DOC in the TCVN3 (.VnTime) font encoding
#   1579-QD-UBND.pdf  scanned PDF: the PDF rendered at 150 dpi, greyed and
#                     noised, wrapped as images only (needs OCR)
# and crawler/filetext/testdata/encrypted.pdf (a PDF with an open password).
# Needs go, poppler-utils and LibreOffice, an offline tool only
# (apt-get install libreoffice-writer-nogui); vanban never runs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=demo/site/files
src=scripts/attachments/src
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
go build -o "$work/attachments" ./scripts/attachments
gen() { "$work/attachments" "$@"; }
office() { soffice --headless -env:UserInstallation="file://$work/lo" --convert-to "$1" --outdir "$work" "$2" >/dev/null; }

gen docx "$src/236-KH-UBND.txt" "$out/236-KH-UBND.docx"

gen docx "$src/45-KH-UBND.txt" "$work/45-KH-UBND.docx"
office pdf "$work/45-KH-UBND.docx"
cp "$work/45-KH-UBND.pdf" "$out/"

gen docx -tcvn3 "$src/612-QD-UBND.txt" "$work/612-QD-UBND.docx"
office 'doc:MS Word 97' "$work/612-QD-UBND.docx"
cp "$work/612-QD-UBND.doc" "$out/"

gen docx "$src/1579-QD-UBND.txt" "$work/1579-QD-UBND.docx"
office pdf "$work/1579-QD-UBND.docx"
pdftoppm -r 150 -gray "$work/1579-QD-UBND.pdf" "$work/scan"
gen scan "$out/1579-QD-UBND.pdf" "$work"/scan-*.pgm

gen docx "$src/236-KH-UBND.txt" "$work/encrypted.docx"
office 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"vanban"}}' "$work/encrypted.docx"
cp "$work/encrypted.pdf" crawler/filetext/testdata/encrypted.pdf

ls -l "$out"
