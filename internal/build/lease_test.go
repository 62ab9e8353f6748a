package build

import (
	"errors"
	"sync"
	"testing"
)

func TestLeaseMakesOnceAndDropsAfterLastUser(t *testing.T) {
	made := 0
	l := newLease(3, func() (*[]byte, error) {
		made++
		b := make([]byte, 10)
		return &b, nil
	})
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if err := l.use(func(b *[]byte) error {
				if len(*b) != 10 {
					t.Errorf("got %d bytes", len(*b))
				}
				return nil
			}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if made != 1 {
		t.Errorf("made %d times for 3 users, want 1", made)
	}
	if l.v != nil || l.made {
		t.Error("the value is still held after its last user")
	}
	// Asked for again (a preview regenerating a shard), it is made anew.
	l.use(func(b *[]byte) error { return nil })
	if made != 2 {
		t.Errorf("made %d times, want 2 after a use past the last", made)
	}
}

func TestLeaseReportsItsError(t *testing.T) {
	boom := errors.New("boom")
	l := newLease(2, func() (int, error) { return 0, boom })
	called := false
	for range 2 {
		if err := l.use(func(int) error { called = true; return nil }); !errors.Is(err, boom) {
			t.Errorf("got %v, want %v", err, boom)
		}
	}
	if called {
		t.Error("f was called though the value could not be made")
	}
}
