package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/vanban/vanban/corpus"
	"github.com/vanban/vanban/indexer"
)

// lockWait is how long a command waits for another vanban process to release
// the store or the index before giving up with exit code 75.
const lockWait = 2 * time.Second

// exitLocked is the exit code when the data directory is in use (EX_TEMPFAIL).
const exitLocked = 75

func openStore(e *env, readOnly bool) (*corpus.Store, error) {
	s, err := corpus.OpenStore(e.data, readOnly, lockWait)
	if errors.Is(err, corpus.ErrLocked) {
		return nil, &exitError{code: exitLocked, err: fmt.Errorf("%w (is another vanban running on %s?)", err, e.data)}
	}
	return s, err
}

func openIndex(e *env, readOnly bool) (*indexer.Index, error) {
	ix, err := indexer.Open(indexer.DirFor(e.data), indexer.Options{ReadOnly: readOnly, Timeout: lockWait})
	if errors.Is(err, indexer.ErrLocked) {
		return nil, &exitError{code: exitLocked, err: fmt.Errorf("%w (is `vanban serve` running on %s?)", err, e.data)}
	}
	return ix, err
}
