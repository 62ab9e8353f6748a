package content

import (
	"fmt"

	"github.com/gzgov/nansha-microsite/internal/diag"
)

// errs collects the problems of a load.
type errs struct{ list diag.List }

func (c *errs) add(pos diag.Pos, format string, args ...any) {
	c.list = append(c.list, &diag.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (c *errs) addErr(e *diag.Error) { c.list = append(c.list, e) }

// err is every problem, sorted by file, line and column, or nil.
func (c *errs) err() error {
	if len(c.list) == 0 {
		return nil
	}
	return c.list.Sorted()
}
