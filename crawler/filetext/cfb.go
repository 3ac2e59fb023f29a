package filetext

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// An OLE2 compound file (MS-CFB) is a small FAT file system: Word 97–2003
// keeps its text in a stream named "WordDocument", Excel in "Workbook"
// (BIFF8) or "Book" (BIFF5), PowerPoint in "PowerPoint Document". Sniff
// reads the names of the file's streams from its directory to tell them
// apart: only the header (sector size, the FAT's sectors, the directory's
// first sector) and the directory's sector chain are read; a chain that
// comes back to a sector it passed is an error at that step, so a damaged
// or hostile file costs at most one pass over its sectors.

// errCFB is a compound file whose directory cannot be read.
var errCFB = errors.New("unreadable OLE2 directory")

// cfbSignature opens every compound file.
const cfbSignature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// Special sector numbers of the FAT.
const (
	cfbMaxSector = 0xFFFFFFFA // larger values are markers
	cfbEnd       = 0xFFFFFFFE
)

// cfb is a compound file whose header and FAT sector list were read.
type cfb struct {
	data    []byte
	ss      int      // sector size
	sectors int      // whole sectors after the header's
	fat     []uint32 // the FAT's sectors
}

// openCFB reads the header of the compound file data and the list of its
// FAT's sectors (109 in the header, the rest in the DIFAT chain).
func openCFB(data []byte) (*cfb, error) {
	if len(data) < 512 || string(data[:8]) != cfbSignature {
		return nil, fmt.Errorf("%w: no compound file header", errCFB)
	}
	le := binary.LittleEndian
	shift := le.Uint16(data[0x1E:])
	if shift != 9 && shift != 12 {
		return nil, fmt.Errorf("%w: sector shift %d", errCFB, shift)
	}
	f := &cfb{data: data, ss: 1 << shift}
	f.sectors = len(data)/f.ss - 1
	if f.sectors <= 0 {
		return nil, fmt.Errorf("%w: no sectors", errCFB)
	}
	per := f.ss / 4
	nFAT := int(le.Uint32(data[0x2C:]))
	if nFAT <= 0 || nFAT > f.sectors {
		return nil, fmt.Errorf("%w: %d FAT sectors", errCFB, nFAT)
	}
	f.fat = make([]uint32, 0, min(nFAT, 109))
	for i := 0; i < 109 && len(f.fat) < nFAT; i++ {
		f.fat = append(f.fat, le.Uint32(data[0x4C+4*i:]))
	}
	next := le.Uint32(data[0x44:])
	seen := map[uint32]bool{} // sectors of the chain walked: a loop is an error at once
	for len(f.fat) < nFAT && next < cfbMaxSector {
		s := f.sector(next)
		if s == nil || seen[next] {
			return nil, fmt.Errorf("%w: DIFAT chain at sector %#x", errCFB, next)
		}
		seen[next] = true
		for i := 0; i < per-1 && len(f.fat) < nFAT; i++ {
			f.fat = append(f.fat, le.Uint32(s[4*i:]))
		}
		next = le.Uint32(s[4*(per-1):])
	}
	if len(f.fat) < nFAT {
		return nil, fmt.Errorf("%w: %d of %d FAT sectors listed", errCFB, len(f.fat), nFAT)
	}
	return f, nil
}

// sector returns sector n's bytes, nil when n is a marker or past the file.
func (f *cfb) sector(n uint32) []byte {
	if n >= cfbMaxSector || int64(n) >= int64(f.sectors) {
		return nil
	}
	off := (int(n) + 1) * f.ss
	return f.data[off : off+f.ss]
}

// next returns the sector after n in its chain, false when the FAT does
// not hold n.
func (f *cfb) next(n uint32) (uint32, bool) {
	per := f.ss / 4
	i := int(n) / per
	if i >= len(f.fat) {
		return 0, false
	}
	s := f.sector(f.fat[i])
	if s == nil {
		return 0, false
	}
	return binary.LittleEndian.Uint32(s[4*(int(n)%per):]), true
}

// chain returns the bytes of the sector chain from start, at most limit
// bytes; a chain that revisits a sector or leaves the file is an error.
func (f *cfb) chain(start uint32, limit int) ([]byte, error) {
	var out []byte
	seen := map[uint32]bool{}
	for n := start; n != cfbEnd && len(out) < limit; {
		s := f.sector(n)
		if s == nil || seen[n] {
			return nil, fmt.Errorf("%w: chain at sector %#x", errCFB, n)
		}
		seen[n] = true
		out = append(out, s...)
		var ok bool
		if n, ok = f.next(n); !ok {
			return nil, fmt.Errorf("%w: chain leaves the FAT", errCFB)
		}
	}
	if len(out) < limit {
		return nil, fmt.Errorf("%w: chain of %d bytes, want %d", errCFB, len(out), limit)
	}
	return out[:limit], nil
}

// cfbEntry is a directory entry: a stream (type 2), a storage (1) or the
// root (5), whose start sector and size locate its bytes.
type cfbEntry struct {
	name  string
	typ   byte
	start uint32
	size  uint64
}

// entries returns the directory's used entries, in directory order.
func (f *cfb) entries() ([]cfbEntry, error) {
	le := binary.LittleEndian
	var out []cfbEntry
	seen := map[uint32]bool{}
	for dir := le.Uint32(f.data[0x30:]); dir != cfbEnd; {
		s := f.sector(dir)
		if s == nil || seen[dir] {
			return nil, fmt.Errorf("%w: directory chain at sector %#x", errCFB, dir)
		}
		seen[dir] = true
		for off := 0; off+128 <= len(s); off += 128 {
			e := s[off : off+128]
			typ := e[0x42]
			n := int(le.Uint16(e[0x40:]))
			if typ == 0 || n < 2 || n > 64 || n%2 != 0 {
				continue // unused entry
			}
			u := make([]uint16, 0, n/2-1)
			for i := 0; i < n-2; i += 2 {
				u = append(u, le.Uint16(e[i:]))
			}
			size := le.Uint64(e[0x78:])
			if f.ss == 512 {
				size &= 0xFFFFFFFF // version 3: the high half may hold garbage
			}
			out = append(out, cfbEntry{name: string(utf16.Decode(u)), typ: typ, start: le.Uint32(e[0x74:]), size: size})
		}
		var ok bool
		if dir, ok = f.next(dir); !ok {
			return nil, fmt.Errorf("%w: directory chain leaves the FAT", errCFB)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: empty directory", errCFB)
	}
	return out, nil
}

// cfbStreams returns the names of the streams (and storages) in the
// directory of the compound file data, in directory order.
func cfbStreams(data []byte) ([]string, error) {
	f, err := openCFB(data)
	if err != nil {
		return nil, err
	}
	es, err := f.entries()
	if err != nil {
		return nil, err
	}
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.name
	}
	return names, nil
}

// cfbStream returns the bytes of the stream named name (case-blind): from
// the mini stream when it is under the header's cutoff (4,096 bytes),
// else from its sector chain. A stream larger than the file, a chain that
// loops or ends early, is an error; the cost is one pass over its sectors.
func cfbStream(data []byte, name string) ([]byte, error) {
	f, err := openCFB(data)
	if err != nil {
		return nil, err
	}
	es, err := f.entries()
	if err != nil {
		return nil, err
	}
	var root, want *cfbEntry
	for i := range es {
		switch {
		case es[i].typ == 5 && root == nil:
			root = &es[i]
		case es[i].typ == 2 && want == nil && strings.EqualFold(es[i].name, name):
			want = &es[i]
		}
	}
	if want == nil {
		return nil, fmt.Errorf("%w: no stream %q", errCFB, name)
	}
	if want.size > uint64(len(data)) {
		return nil, fmt.Errorf("%w: stream %q of %d bytes in a file of %d", errCFB, name, want.size, len(data))
	}
	size := int(want.size)
	le := binary.LittleEndian
	if size >= int(le.Uint32(data[0x38:])) {
		return f.chain(want.start, size)
	}
	// The mini stream: the root's chain, in 64-byte sectors listed by
	// the mini FAT (a chain of its own).
	if root == nil || root.size > uint64(len(data)) {
		return nil, fmt.Errorf("%w: no mini stream", errCFB)
	}
	mini, err := f.chain(root.start, int(root.size))
	if err != nil {
		return nil, err
	}
	nMiniFAT := int(le.Uint32(data[0x40:]))
	if nMiniFAT > f.sectors {
		return nil, fmt.Errorf("%w: %d mini FAT sectors", errCFB, nMiniFAT)
	}
	mfat, err := f.chain(le.Uint32(data[0x3C:]), nMiniFAT*f.ss)
	if err != nil {
		return nil, err
	}
	const ms = 64
	out := make([]byte, 0, size)
	seen := map[uint32]bool{}
	for n := want.start; len(out) < size; {
		if seen[n] || int(n) >= len(mfat)/4 || (int(n)+1)*ms > len(mini) {
			return nil, fmt.Errorf("%w: mini chain at sector %#x", errCFB, n)
		}
		seen[n] = true
		out = append(out, mini[int(n)*ms:(int(n)+1)*ms]...)
		n = le.Uint32(mfat[4*n:])
	}
	return out[:size], nil
}

// oleKind tells a compound file's kind by its streams: a Word document
// holds "WordDocument"; a workbook "Workbook" or "Book"; a password-
// protected DOCX or XLSX "EncryptedPackage" (ErrEncrypted). A file whose
// directory cannot be read is left to antiword and catdoc as a DOC (they
// judge a damaged file, as before this reader); one whose directory holds
// neither is not a file we read.
func oleKind(data []byte) (Kind, error) {
	names, err := cfbStreams(data)
	if err != nil {
		return DOC, nil
	}
	has := func(want string) bool {
		for _, n := range names {
			if strings.EqualFold(n, want) {
				return true
			}
		}
		return false
	}
	switch {
	case has("EncryptedPackage"):
		// ECMA-376 encryption: a password-protected DOCX or XLSX is a
		// compound file holding the encrypted package.
		return "", fmt.Errorf("%w: a password-protected Office file (an encrypted DOCX or XLSX package)", ErrEncrypted)
	case has("WordDocument"):
		return DOC, nil
	case has("Workbook") || has("Book"):
		return XLS, nil
	case has("PowerPoint Document"):
		return "", fmt.Errorf("%w: a PowerPoint 97–2003 presentation", ErrUnsupported)
	}
	return "", fmt.Errorf("%w: an OLE2 compound file holding neither a Word document nor a workbook (streams %q)", ErrUnsupported, names[:min(len(names), 8)])
}
