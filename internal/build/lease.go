package build

import "sync"

// A lease is a value that several outputs share, made when the first of
// them asks for it and dropped when the last is done with it, rather than
// kept until every output of its edition is written: the search page's
// shards of a large site are made from postings as large as its texts,
// which no page needs.
//
// Uses are counted, not users: when fewer than all its users ask for it
// (a test that generates one shard), the value stays until the edition is
// dropped; a use past the last makes it again. Either way it is never
// wrong, only kept longer or made twice.
type lease[T any] struct {
	make  func() (T, error)
	users int // how many outputs use it, each once

	mu   sync.Mutex
	left int // users still to come for the value made
	made bool
	v    T
	err  error
}

// newLease returns a lease of what makeValue makes, for users outputs.
func newLease[T any](users int, makeValue func() (T, error)) *lease[T] {
	return &lease[T]{make: makeValue, users: users}
}

// use calls f with the value, made first if it must be, and drops the
// value once its last user's f has returned.
func (l *lease[T]) use(f func(T) error) error {
	l.mu.Lock()
	if !l.made {
		l.v, l.err = l.make()
		l.made, l.left = true, l.users
	}
	v, err := l.v, l.err
	l.mu.Unlock()
	if err == nil {
		err = f(v)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.left--; l.left <= 0 {
		var zero T
		l.v, l.err, l.made = zero, nil, false
	}
	return err
}
