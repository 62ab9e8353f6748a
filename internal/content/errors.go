package content

import (
	"github.com/gzgov/nansha-microsite/internal/diag"
)

// errs collects the problems of a load.
type errs struct{ list diag.List }

// add adds the problem msg (in the editor's language: l10n.Sprintf) at pos.
func (c *errs) add(pos diag.Pos, msg string) {
	c.list = append(c.list, &diag.Error{Pos: pos, Msg: msg})
}

func (c *errs) addErr(e *diag.Error) { c.list = append(c.list, e) }

// err is every problem, sorted by file, line and column, or nil.
func (c *errs) err() error {
	if len(c.list) == 0 {
		return nil
	}
	return c.list.Sorted()
}
