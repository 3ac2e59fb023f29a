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

// cfbStreams returns the names of the streams (and storages) in the
// directory of the compound file data, in directory order.
func cfbStreams(data []byte) ([]string, error) {
	if len(data) < 512 || string(data[:8]) != cfbSignature {
		return nil, fmt.Errorf("%w: no compound file header", errCFB)
	}
	le := binary.LittleEndian
	shift := le.Uint16(data[0x1E:])
	if shift != 9 && shift != 12 {
		return nil, fmt.Errorf("%w: sector shift %d", errCFB, shift)
	}
	ss := 1 << shift
	sectors := len(data)/ss - 1 // whole sectors after the header's
	if sectors <= 0 {
		return nil, fmt.Errorf("%w: no sectors", errCFB)
	}
	sector := func(n uint32) []byte {
		if n >= cfbMaxSector || int64(n) >= int64(sectors) {
			return nil
		}
		off := (int(n) + 1) * ss
		return data[off : off+ss]
	}
	// The FAT's sectors: 109 in the header, the rest in the DIFAT chain.
	per := ss / 4
	nFAT := int(le.Uint32(data[0x2C:]))
	if nFAT <= 0 || nFAT > sectors {
		return nil, fmt.Errorf("%w: %d FAT sectors", errCFB, nFAT)
	}
	fat := make([]uint32, 0, min(nFAT, 109))
	for i := 0; i < 109 && len(fat) < nFAT; i++ {
		fat = append(fat, le.Uint32(data[0x4C+4*i:]))
	}
	next := le.Uint32(data[0x44:])
	seen := map[uint32]bool{} // sectors of the chain walked: a loop is an error at once
	for len(fat) < nFAT && next < cfbMaxSector {
		s := sector(next)
		if s == nil || seen[next] {
			return nil, fmt.Errorf("%w: DIFAT chain at sector %#x", errCFB, next)
		}
		seen[next] = true
		for i := 0; i < per-1 && len(fat) < nFAT; i++ {
			fat = append(fat, le.Uint32(s[4*i:]))
		}
		next = le.Uint32(s[4*(per-1):])
	}
	if len(fat) < nFAT {
		return nil, fmt.Errorf("%w: %d of %d FAT sectors listed", errCFB, len(fat), nFAT)
	}
	nextOf := func(n uint32) (uint32, bool) {
		i := int(n) / per
		if i >= len(fat) {
			return 0, false
		}
		s := sector(fat[i])
		if s == nil {
			return 0, false
		}
		return le.Uint32(s[4*(int(n)%per):]), true
	}
	var names []string
	dir := le.Uint32(data[0x30:])
	clear(seen)
	for dir != cfbEnd {
		s := sector(dir)
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
			names = append(names, string(utf16.Decode(u)))
		}
		var ok bool
		if dir, ok = nextOf(dir); !ok {
			return nil, fmt.Errorf("%w: directory chain leaves the FAT", errCFB)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: empty directory", errCFB)
	}
	return names, nil
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
