package srctest

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestSkipNote: the line a skipped test shows, with its name and reason.
func TestSkipNote(t *testing.T) {
	var b strings.Builder
	skipNote(&b, "TestX", "no tool")
	if got, want := b.String(), "--- SKIP: TestX: no tool\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// stand is a test that records how SkipOrFail ended it instead of ending.
type stand struct {
	testing.TB
	fatal, skip string
}

func (s *stand) Helper()      {}
func (s *stand) Name() string { return "TestX" }
func (s *stand) Fatalf(format string, args ...any) {
	s.fatal = fmt.Sprintf(format, args...)
}
func (s *stand) Skip(args ...any) { s.skip = fmt.Sprint(args...) }

// TestSkipOrFail: with the variable set, to any value, the test fails;
// unset, it is skipped and the line is written.
func TestSkipOrFail(t *testing.T) {
	const env = "SRCTEST_REQUIRE_X"
	for _, tt := range []struct {
		name, value string
		fatal, skip string
		note        string
	}{
		{"required", "1", "no x (apt-get install x), and SRCTEST_REQUIRE_X is set: this test must run", "", ""},
		{"required by any value", "yes", "no x (apt-get install x), and SRCTEST_REQUIRE_X is set: this test must run", "", ""},
		{"not required", "", "", "no x (apt-get install x); test skipped (set SRCTEST_REQUIRE_X to make this a failure)",
			"--- SKIP: TestX: no x (apt-get install x); test skipped (set SRCTEST_REQUIRE_X to make this a failure)\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(env, tt.value)
			var note strings.Builder
			noteOut = func() (io.Writer, func()) { return &note, func() {} }
			t.Cleanup(func() { noteOut = terminal })
			s := &stand{TB: t}
			SkipOrFail(s, env, "no %s (apt-get install %s)", "x", "x")
			if s.fatal != tt.fatal || s.skip != tt.skip {
				t.Errorf("failed with %q, skipped with %q;\nwant %q, %q", s.fatal, s.skip, tt.fatal, tt.skip)
			}
			if note.String() != tt.note {
				t.Errorf("wrote %q, want %q", note.String(), tt.note)
			}
		})
	}
}
