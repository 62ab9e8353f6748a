package search

import (
	"os"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
)

// TestMain runs the tests through browsertest.Main, which removes the
// browser's profile when they end.
func TestMain(m *testing.M) { os.Exit(browsertest.Main(m)) }
