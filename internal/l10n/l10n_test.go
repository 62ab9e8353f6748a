package l10n

import (
	"errors"
	"io/fs"
	"testing"

	"golang.org/x/text/language"
)

func TestChoose(t *testing.T) {
	tests := []struct {
		name string
		flag string
		env  map[string]string
		want language.Tag
		err  bool
	}{
		{"nothing set: Chinese", "", nil, Chinese, false},
		{"a Traditional locale", "", map[string]string{"LANG": "zh_TW.UTF-8"}, Chinese, false},
		{"a Simplified locale: the site's script still", "", map[string]string{"LANG": "zh_CN.UTF-8"}, Chinese, false},
		{"Hong Kong, with a modifier", "", map[string]string{"LANG": "zh_HK.Big5@stroke"}, Chinese, false},
		{"the C locale", "", map[string]string{"LANG": "C.UTF-8"}, English, false},
		{"POSIX", "", map[string]string{"LANG": "POSIX"}, English, false},
		{"an English locale", "", map[string]string{"LANG": "en_GB.UTF-8"}, English, false},
		{"another language", "", map[string]string{"LANG": "fr_FR.UTF-8"}, English, false},
		{"LC_ALL before LANG", "", map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "zh_TW.UTF-8"}, English, false},
		{"LC_MESSAGES before LANG", "", map[string]string{"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "C"}, Chinese, false},
		{"LC_ALL before LC_MESSAGES", "", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "C"}, Chinese, false},
		{"MICROSITE_LANG before the locale", "", map[string]string{"MICROSITE_LANG": "en", "LANG": "zh_TW.UTF-8"}, English, false},
		{"MICROSITE_LANG zh", "", map[string]string{"MICROSITE_LANG": "zh", "LC_ALL": "C"}, Chinese, false},
		{"MICROSITE_LANG as a tag", "", map[string]string{"MICROSITE_LANG": "zh-Hant-TW"}, Chinese, false},
		{"MICROSITE_LANG unknown", "", map[string]string{"MICROSITE_LANG": "klingon"}, English, true},
		{"the flag before everything", "zh", map[string]string{"MICROSITE_LANG": "en", "LC_ALL": "C"}, Chinese, false},
		{"the flag en", "en", map[string]string{"LANG": "zh_TW.UTF-8"}, English, false},
		{"the flag unknown", "fr", nil, English, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Choose(tt.flag, func(k string) string { return tt.env[k] })
			if got != tt.want || (err != nil) != tt.err {
				t.Errorf("got %v, %v; want %v, error %v", got, err, tt.want, tt.err)
			}
		})
	}
}

// TestSpeaks: a message comes out in the language in use, its numbers as
// written (no 1,000), its translation's order of arguments kept.
func TestSpeaks(t *testing.T) {
	t.Cleanup(func() { Use(English) })
	Use(English)
	if got, want := Sprintf("number %d is already used by %s", 1000, "content/measures/1000.md"), "number 1000 is already used by content/measures/1000.md"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if Current() != English {
		t.Errorf("Current is %v", Current())
	}
	Use(Chinese)
	if got, want := Sprintf("number %d is already used by %s", 1000, "content/measures/1000.md"), "序號 1000 已被 content/measures/1000.md 使用"; got != want {
		t.Errorf("Chinese: %q, want %q", got, want)
	}
	if got, want := Sprintf("put %s back from %s, where an interrupted build had left it", "public", ".public.new-1/old"), "已從 .public.new-1/old 恢復 public（中斷的生成把它留在了那裡）"; got != want {
		t.Errorf("reordered: %q, want %q", got, want)
	}
	if got, want := Msg("stopped").String(), "已停止"; got != want {
		t.Errorf("Msg: %q, want %q", got, want)
	}
	if got := Sprintf("a message the catalog lacks: %d", 12345); got != "a message the catalog lacks: 12345" {
		t.Errorf("a key without a translation: %q, want its English", got)
	}
}

// TestErrorf: an error in the language in use that wraps its cause, as
// fmt.Errorf's does, with one %w or several.
func TestErrorf(t *testing.T) {
	t.Cleanup(func() { Use(English) })
	Use(Chinese)
	err := Errorf("cannot package %s: %w", "public", fs.ErrPermission)
	if got, want := err.Error(), "無法打包 public："+fs.ErrPermission.Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Error("errors.Is does not find the cause")
	}
	if _, ok := err.(interface{ Unwrap() error }); !ok {
		t.Error("one %w: no Unwrap() error")
	}
	both := Errorf("%w; the previous site is in %s", errors.Join(fs.ErrExist, fs.ErrClosed), "x")
	if !errors.Is(both, fs.ErrClosed) {
		t.Error("a joined cause is not found")
	}
	if err := Errorf("a page without a path"); errors.Unwrap(err) != nil || err.Error() != "頁面沒有路徑" {
		t.Errorf("no %%w: %q unwraps to %v", err, errors.Unwrap(err))
	}
}
