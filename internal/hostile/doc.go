// Package hostile is the hostile-input suite (issue 12): the real microsite
// command, built once per test run, run as a subprocess against a fresh
// scratch copy of the repository's sources and of the site built from them,
// each copy first given one hostile mutation — a file's bytes, a symlink, a
// permission, an extra file, a flag, an environment variable.
//
// Every case names the exit code it expects and the positions or paths its
// messages must hold (file:line, a path, a flag's value: never English
// wording, which issue 14 translates). After every case the suite compares
// full snapshots of the scratch tree — paths, bytes, modes, symlinks — taken
// around the command, and holds that:
//   - a command that failed changed nothing at all: the previous public/ is
//     byte-identical;
//   - nothing outside what the command writes (its output folder, its zip,
//     a new measure file) changed or went away, sibling folders and $HOME
//     included; no source file changed;
//   - no staging folder (.public.new-*, .public.old-*) or temporary file is
//     left after the command exits;
//   - a site it built verifies against its SHA256SUMS, and an archive holds
//     exactly the files SHA256SUMS lists; neither holds anything from
//     outside the source tree.
//
// The serve cases run "microsite serve --port 0" (some with --bind, opened
// to the network), read the address from the http://ADDRESS:PORT/ it prints
// first, talk to it over raw HTTP and stop it with a signal. Run as root, every command runs as nobody (uid 65534),
// so that a permission means to it what it means to an editor.
//
// The package holds tests only, and nothing depends on it:
//
//	go test ./internal/hostile/          # every case
//	go test -short ./internal/hostile/   # but the three heavy ones
//	go test -v ./internal/hostile/       # and the totals by class
//
// A case that proves one of issue 12's defects says which (defect N), and
// one that proves a defect this suite found says what it is (finding);
// until the defect is fixed the case fails, by design. The totals list every
// failing case with its defect.
package hostile
