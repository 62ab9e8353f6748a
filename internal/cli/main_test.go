package cli

import (
	"os"
	"testing"
)

// TestMain runs the tests in English, whatever the machine's locale: most
// compare whole messages, as the code writes them. The tests of the
// language itself (language_test.go) set what they need.
func TestMain(m *testing.M) {
	os.Setenv("MICROSITE_LANG", "en")
	os.Exit(m.Run())
}
