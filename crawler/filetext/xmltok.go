package filetext

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
)

// xmlTokens reads the tokens of an XML part (an XLSX sheet or its shared
// strings, an OpenDocument content.xml) with the bounds every XML reader
// of this package keeps, one owner for them: a decoding error is
// ErrDamaged naming the part (an ErrTooLarge of the part's reader, the
// expansion cap, passes as it is), elements nest at most maxXMLDepth
// deep, and ctx is looked at every 4,096 tokens.
type xmlTokens struct {
	d     *xml.Decoder
	ctx   context.Context
	part  string // "content.xml", "" for a sheet
	depth int
	n     int
	err   error // what ended tokens, nil at the part's end
}

func newXMLTokens(ctx context.Context, r io.Reader, part string) *xmlTokens {
	return &xmlTokens{d: xml.NewDecoder(r), ctx: ctx, part: part}
}

// damaged is ErrDamaged naming the part.
func (x *xmlTokens) damaged(msg any) error {
	if x.part == "" {
		return fmt.Errorf("%w: %v", ErrDamaged, msg)
	}
	return fmt.Errorf("%w: %s: %v", ErrDamaged, x.part, msg)
}

// next is the part's next token, io.EOF after the last.
func (x *xmlTokens) next() (xml.Token, error) {
	tok, err := x.d.Token()
	switch {
	case errors.Is(err, io.EOF):
		return nil, io.EOF
	case errors.Is(err, ErrTooLarge):
		return nil, err
	case err != nil:
		return nil, x.damaged(err)
	}
	if x.n++; x.n%4096 == 0 && x.ctx.Err() != nil {
		return nil, x.ctx.Err()
	}
	switch tok.(type) {
	case xml.StartElement:
		if x.depth++; x.depth > maxXMLDepth {
			return nil, x.damaged(fmt.Sprintf("elements nested over %d deep", maxXMLDepth))
		}
	case xml.EndElement:
		x.depth--
	}
	return tok, nil
}

// tokens yields the part's tokens, to its end or the first error (next's),
// which x.err then holds: a reader ranges over them and returns x.err
// after the loop.
func (x *xmlTokens) tokens() iter.Seq[xml.Token] {
	return func(yield func(xml.Token) bool) {
		for {
			tok, err := x.next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					x.err = err
				}
				return
			}
			if !yield(tok) {
				return
			}
		}
	}
}

// skip passes over the rest of the element next has just started, its
// end included.
func (x *xmlTokens) skip() error {
	if err := x.d.Skip(); err != nil {
		if errors.Is(err, ErrTooLarge) {
			return err
		}
		return x.damaged(err)
	}
	x.depth--
	return nil
}
