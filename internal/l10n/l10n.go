// Package l10n is the program's words in the editor's language: every
// message, summary, help text and the preview's error page, in Chinese, in
// the site's script (Traditional, as the content), or in English when the
// environment or the command line asks for it (Choose).
//
// A message is written in the code in English, as a format (Sprintf,
// Errorf, Msg), and that English is its key in the catalog
// (golang.org/x/text/message/catalog), which holds its translation
// (catalog.go); the translation may reorder the arguments (%[2]s). A test
// holds every key the code uses to the catalog, with both languages and
// the same arguments. Numbers are written as they are, never grouped
// (1000, not 1,000): they are counts, measure numbers, ports and lines.
//
// The language is the process's (Use): one editor, one terminal. It is
// English until a command chooses, so that a library's messages in tests
// are the English of the code.
package l10n

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The languages of the messages: Chinese, in the site's script, and
// English.
var (
	Chinese = language.TraditionalChinese
	English = language.English
)

// supported are the languages the catalog holds, the first the one chosen
// when nothing asks for another.
var supported = []language.Tag{Chinese, English}

// current is the language of the messages, and its printer.
var current atomic.Pointer[struct {
	tag language.Tag
	p   *message.Printer
}]

func init() { Use(English) }

// Use makes tag, one of Chinese and English, the language of every
// message from now on.
func Use(tag language.Tag) {
	current.Store(&struct {
		tag language.Tag
		p   *message.Printer
	}{tag, message.NewPrinter(tag, message.Catalog(cat))})
}

// Current is the language of the messages.
func Current() language.Tag { return current.Load().tag }

// Sprintf formats the message key (an English format) in the current
// language.
func Sprintf(key string, args ...any) string {
	return current.Load().p.Sprintf(key, plain(args)...)
}

// Fprintf writes the message key to w in the current language.
func Fprintf(w io.Writer, key string, args ...any) {
	io.WriteString(w, Sprintf(key, args...))
}

// Errorf is fmt.Errorf for the message key in the current language: %w
// wraps an error (errors.Is and errors.As find it) and shows it as %v.
func Errorf(key string, args ...any) error {
	cause := fmt.Errorf(key, args...) // for what it wraps
	msg := Sprintf(strings.ReplaceAll(key, "%w", "%v"), args...)
	switch u := cause.(type) {
	case interface{ Unwrap() error }:
		return &wrapped{msg, u.Unwrap()}
	case interface{ Unwrap() []error }:
		return &wrappedAll{msg, u.Unwrap()}
	}
	return errors.New(msg)
}

type wrapped struct {
	msg   string
	cause error
}

func (e *wrapped) Error() string { return e.msg }
func (e *wrapped) Unwrap() error { return e.cause }

type wrappedAll struct {
	msg    string
	causes []error
}

func (e *wrappedAll) Error() string   { return e.msg }
func (e *wrappedAll) Unwrap() []error { return e.causes }

// Msg is a message kept as its key, and said in the language current when
// it is shown: a help text, or a command's summary, made before the
// language is chosen.
type Msg string

// String is the message in the current language; it takes no argument.
func (m Msg) String() string { return Sprintf(string(m)) }

// Sprintf is the message, a format, in the current language with args.
func (m Msg) Sprintf(args ...any) string { return Sprintf(string(m), args...) }

// plain wraps the integers of args, so that they are written as fmt
// writes them: the message printer would group their digits.
func plain(args []any) []any {
	out := args
	for i, a := range args {
		switch a.(type) {
		case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr:
			if &out[0] == &args[0] {
				out = append([]any(nil), args...)
			}
			out[i] = number{a}
		}
	}
	return out
}

// number is an integer written by fmt.
type number struct{ v any }

func (n number) Format(f fmt.State, verb rune) { fmt.Fprintf(f, fmt.FormatString(f, verb), n.v) }

// cat is the catalog: every key in both languages.
var cat = func() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(English))
	for _, e := range entries {
		if err := b.SetString(English, e.en, e.en); err != nil {
			panic(err)
		}
		if err := b.SetString(Chinese, e.en, e.zh); err != nil {
			panic(err)
		}
	}
	return b
}()

// entry is a message in both languages; en is its key.
type entry struct{ en, zh string }

// Choose returns the language the messages are to be in: flag's, when
// given (--lang); else the environment's MICROSITE_LANG; else that of the
// POSIX locale, LC_ALL, LC_MESSAGES or LANG, the first that is set:
// Chinese for a Chinese locale (zh_TW.UTF-8, zh_CN), English for any other
// (C, en_US.UTF-8, fr_FR); Chinese when none is set. Tags are matched by
// x/text's language matcher: zh, zh-TW, zh-Hans-CN are Chinese; en, en-GB
// English. An explicit choice (the flag, MICROSITE_LANG) that is neither
// is an error.
func Choose(flag string, getenv func(string) string) (language.Tag, error) {
	if flag != "" {
		return explicit("--lang", flag)
	}
	if v := getenv("MICROSITE_LANG"); v != "" {
		return explicit("MICROSITE_LANG", v)
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if tag, ok := match(posix(v)); ok {
				return tag, nil
			}
			return English, nil
		}
	}
	return supported[0], nil
}

// explicit is the language a flag or variable names, or an error.
func explicit(what, v string) (language.Tag, error) {
	if tag, ok := match(posix(v)); ok {
		return tag, nil
	}
	return English, Errorf("%s %q: expected zh (Chinese) or en (English)", what, v)
}

var matcher = language.NewMatcher(supported)

// match finds the supported language of a BCP 47 tag, if any.
func match(tag string) (language.Tag, bool) {
	t, err := language.Parse(tag)
	if err != nil {
		return English, false
	}
	_, i, conf := matcher.Match(t)
	if conf == language.No {
		return English, false
	}
	return supported[i], true
}

// posix turns a POSIX locale (zh_TW.UTF-8, en_US@euro) into a BCP 47 tag.
func posix(v string) string {
	v, _, _ = strings.Cut(v, ".")
	v, _, _ = strings.Cut(v, "@")
	return strings.ReplaceAll(v, "_", "-")
}
