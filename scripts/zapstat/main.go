// Command zapstat says where the bytes of a bleve index go: for every
// field of every zap segment, the term dictionary (vellum FST), the
// postings bitmaps, the freq/norm chunks, the location chunks (and within
// them what the positions, byte offsets and array positions take), the doc
// values; and the stored fields. Figures are bytes per document of the
// segments given (docs/log/i21-disk.md).
//
//	go run ./scripts/zapstat DATA/index          # every segment of an index
//	go run ./scripts/zapstat -locs=false FILE.zap…
//
// It reads zap v17 (bleve's default segment format in this module) and
// refuses any other version.
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"

	"github.com/blevesearch/vellum"
	zap "github.com/blevesearch/zapx/v17"
)

// part is the bytes of one field, by kind.
type part struct {
	dict, postings, freqNorm, locs, docValues int64
	terms, oneHit                             int64
	// within locs, the varint bytes of each location's parts (as zap
	// writes them for a new segment; a merge copies them as they are)
	locField, locPos, locStart, locEnd, locArray, locCount, locHeader int64
	occurrences                                                       int64
}

func (p part) total() int64 { return p.dict + p.postings + p.freqNorm + p.locs + p.docValues }

func main() {
	locs := flag.Bool("locs", true, "break the location bytes into their parts (reads every posting)")
	flag.Parse()
	var files []string
	for _, a := range flag.Args() {
		if st, err := os.Stat(a); err == nil && st.IsDir() {
			m, _ := filepath.Glob(filepath.Join(a, "store", "*.zap"))
			m2, _ := filepath.Glob(filepath.Join(a, "*.zap"))
			files = append(append(files, m...), m2...)
			continue
		}
		files = append(files, a)
	}
	if len(files) == 0 {
		fmt.Fprintln(os.Stderr, "usage: zapstat [-locs=false] INDEX-DIR|FILE.zap…")
		os.Exit(2)
	}
	fields := map[string]*part{}
	var docs, stored, fileBytes int64
	storedRaw := map[string]int64{}
	for _, f := range files {
		n, s, err := segment(f, fields, storedRaw, *locs)
		if err != nil {
			fmt.Fprintf(os.Stderr, "zapstat: %s: %v\n", f, err)
			os.Exit(1)
		}
		st, _ := os.Stat(f)
		fileBytes += st.Size()
		docs += n
		stored += s
	}
	report(fields, storedRaw, docs, stored, fileBytes, *locs)
}

// termNotEncoded is zap's offset of a term's chunks that were not written
// (a field without locations).
const termNotEncoded = 0

func uvarint(b []byte, at uint64) (uint64, uint64) {
	v, n := binary.Uvarint(b[at:min(uint64(len(b)), at+binary.MaxVarintLen64)])
	return v, at + uint64(n)
}

func varintLen(v uint64) int64 {
	var buf [binary.MaxVarintLen64]byte
	return int64(binary.PutUvarint(buf[:], v))
}

// segment adds one segment's bytes to fields and storedRaw and returns its
// document count and the bytes of its stored-field section.
func segment(path string, fields map[string]*part, storedRaw map[string]int64, locs bool) (int64, int64, error) {
	sg, err := (&zap.ZapPlugin{}).Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer sg.Close()
	s, ok := sg.(*zap.Segment)
	if !ok || s.Version() != 17 {
		return 0, 0, fmt.Errorf("not a zap v17 segment")
	}
	mem := s.Data()
	numDocs := int64(s.NumDocs())
	// stored fields: the records and the index of their offsets
	storedBytes := int64(s.StoredIndexOffset()) + 8*numDocs
	for d := uint64(0); d < uint64(numDocs); d++ {
		err := s.VisitStoredFields(d, func(field string, _ byte, value []byte, _ []uint64) bool {
			storedRaw[field] += int64(len(value))
			return true
		})
		if err != nil {
			return 0, 0, err
		}
	}
	// the sections index: per field, the address of its inverted-index record
	pos := s.SectionsIndexOffset()
	nf, pos := uvarint(mem, pos)
	for i := uint64(0); i < nf; i++ {
		addr := binary.BigEndian.Uint64(mem[pos : pos+8])
		pos += 8
		if addr == 0 {
			continue
		}
		nameLen, at := uvarint(mem, addr)
		name := string(mem[at : at+nameLen])
		at += nameLen
		_, at = uvarint(mem, at) // options
		ns, at := uvarint(mem, at)
		var inv uint64
		for j := uint64(0); j < ns; j++ {
			typ := binary.BigEndian.Uint16(mem[at : at+2])
			a := binary.BigEndian.Uint64(mem[at+2 : at+10])
			at += 10
			if typ == zap.SectionInvertedTextIndex {
				inv = a
			}
		}
		if inv == 0 {
			continue
		}
		p := fields[name]
		if p == nil {
			p = &part{}
			fields[name] = p
		}
		if err := field(s, mem, name, inv, p, locs); err != nil {
			return 0, 0, fmt.Errorf("field %s: %w", name, err)
		}
	}
	return numDocs, storedBytes, nil
}

func field(s *zap.Segment, mem []byte, name string, inv uint64, p *part, locs bool) error {
	dvStart, at := uvarint(mem, inv)
	dvEnd, at := uvarint(mem, at)
	dictAt, _ := uvarint(mem, at)
	if dvStart != ^uint64(0) && dvEnd > dvStart {
		p.docValues += int64(dvEnd - dvStart)
	}
	fstLen, fstAt := uvarint(mem, dictAt)
	p.dict += int64(fstAt-dictAt) + int64(fstLen)
	fst, err := vellum.Load(mem[fstAt : fstAt+fstLen])
	if err != nil {
		return err
	}
	it, err := fst.Iterator(nil, nil)
	for err == nil {
		_, off := it.Current()
		p.terms++
		if off&zap.FSTValEncodingMask == zap.FSTValEncoding1Hit {
			p.oneHit++
		} else {
			freqAt, a := uvarint(mem, off)
			locAt, a := uvarint(mem, a)
			rl, a := uvarint(mem, a)
			if locAt == termNotEncoded { // no locations
				locAt = off
			}
			p.freqNorm += int64(locAt - freqAt)
			p.locs += int64(off - locAt)
			p.postings += int64(a-off) + int64(rl)
		}
		err = it.Next()
	}
	if err != vellum.ErrIteratorDone {
		return err
	}
	if !locs {
		return nil
	}
	return locations(s, name, p)
}

// locations adds the varint bytes of every location's parts, as zap's
// writer lays them out (field, pos, start, end, array count, array
// positions, and per posting the count of their bytes).
func locations(s *zap.Segment, name string, p *part) error {
	d, err := s.Dictionary(name)
	if err != nil {
		return err
	}
	fieldID := uint64(0)
	for i, f := range s.Fields() {
		if f == name {
			fieldID = uint64(i)
		}
	}
	it := d.AutomatonIterator(nil, nil, nil)
	for e, err := it.Next(); e != nil && err == nil; e, err = it.Next() {
		pl, err := d.PostingsList([]byte(e.Term), nil, nil)
		if err != nil {
			return err
		}
		pit := pl.Iterator(true, true, true, nil)
		for po, err := pit.Next(); po != nil; po, err = pit.Next() {
			if err != nil {
				return err
			}
			ls := po.Locations()
			if len(ls) == 0 {
				continue
			}
			var n int64
			for _, l := range ls {
				f, ps, st, en := varintLen(fieldID), varintLen(l.Pos()), varintLen(l.Start()), varintLen(l.End())
				ap := varintLen(uint64(len(l.ArrayPositions())))
				var arr int64
				for _, a := range l.ArrayPositions() {
					arr += varintLen(a)
				}
				p.locField += f
				p.locPos += ps
				p.locStart += st
				p.locEnd += en
				p.locCount += ap
				p.locArray += arr
				n += f + ps + st + en + ap + arr
				p.occurrences++
			}
			p.locHeader += varintLen(uint64(n))
		}
	}
	return nil
}

func report(fields map[string]*part, storedRaw map[string]int64, docs, stored, fileBytes int64, locs bool) {
	names := make([]string, 0, len(fields))
	var sum part
	for n, p := range fields {
		names = append(names, n)
		sum.dict += p.dict
		sum.postings += p.postings
		sum.freqNorm += p.freqNorm
		sum.locs += p.locs
		sum.docValues += p.docValues
		sum.terms += p.terms
		sum.oneHit += p.oneHit
		sum.locField += p.locField
		sum.locPos += p.locPos
		sum.locStart += p.locStart
		sum.locEnd += p.locEnd
		sum.locCount += p.locCount
		sum.locArray += p.locArray
		sum.locHeader += p.locHeader
		sum.occurrences += p.occurrences
	}
	sort.Slice(names, func(i, j int) bool { return fields[names[i]].total() > fields[names[j]].total() })
	per := func(b int64) string { return fmt.Sprintf("%.1f", float64(b)/float64(docs)) }
	fmt.Printf("%d documents, %d bytes of segment files: %s bytes per document\n\n", docs, fileBytes, per(fileBytes))
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "field\tterms\t1-hit\tdictionary\tpostings\tfreq/norm\tlocations\tdoc values\ttotal\t")
	row := func(n string, p part) {
		fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", n, p.terms, p.oneHit, per(p.dict), per(p.postings),
			per(p.freqNorm), per(p.locs), per(p.docValues), per(p.total()))
	}
	for _, n := range names {
		row(n, *fields[n])
	}
	row("all fields", sum)
	w.Flush()
	fmt.Printf("\nstored fields: %s bytes per document (compressed, with the offset index); raw values:", per(stored))
	sn := make([]string, 0, len(storedRaw))
	for n := range storedRaw {
		sn = append(sn, n)
	}
	sort.Strings(sn)
	for _, n := range sn {
		fmt.Printf(" %s %s", n, per(storedRaw[n]))
	}
	other := fileBytes - sum.total() - stored
	fmt.Printf("\nother (field records, sections index, footer): %s bytes per document\n", per(other))
	if !locs || sum.occurrences == 0 {
		return
	}
	fmt.Printf("\nlocations: %d occurrences, %s per document; varint bytes per document (as written by a new segment):\n", sum.occurrences, per(sum.occurrences))
	w = tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "field\toccurrences\tfield id\tposition\tstart\tend\tarray count\tarray positions\tper-posting size\tchunk overhead\t")
	for _, n := range names {
		p := fields[n]
		if p.occurrences == 0 {
			continue
		}
		parts := p.locField + p.locPos + p.locStart + p.locEnd + p.locCount + p.locArray + p.locHeader
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", n, per(p.occurrences), per(p.locField), per(p.locPos),
			per(p.locStart), per(p.locEnd), per(p.locCount), per(p.locArray), per(p.locHeader), per(p.locs-parts))
	}
	w.Flush()
}
