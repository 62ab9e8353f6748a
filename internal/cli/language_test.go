package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// inEnv sets the locale variables for a test, MICROSITE_LANG and the
// others left unset unless given, and puts the language back after it.
func inEnv(t *testing.T, env map[string]string) {
	t.Helper()
	for _, k := range []string{"MICROSITE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		t.Setenv(k, env[k])
	}
	t.Cleanup(func() { l10n.Use(l10n.English) })
}

// TestChineseByDefault: an editor whose computer speaks Chinese, or says
// nothing of its language (Windows), reads Chinese; English where the
// locale or a flag asks for it; each run chooses anew.
func TestChineseByDefault(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string // the whole of stderr
	}{
		{"a Chinese locale", map[string]string{"LANG": "zh_TW.UTF-8"}, []string{"bild"},
			"microsite: 未知的命令 \"bild\"：您是指 build 嗎？（運行 \"microsite help\" 查看說明）\n"},
		{"a Simplified one", map[string]string{"LC_ALL": "zh_CN.UTF-8"}, []string{"bild"},
			"microsite: 未知的命令 \"bild\"：您是指 build 嗎？（運行 \"microsite help\" 查看說明）\n"},
		{"no locale at all", nil, []string{"serve", "--opne"},
			"microsite serve: 未知的選項 \"--opne\"：您是指 --open 嗎？（參閱 \"microsite serve -h\"）\n"},
		{"the C locale", map[string]string{"LANG": "C.UTF-8"}, []string{"bild"},
			"microsite: unknown command \"bild\": did you mean build? (run \"microsite help\")\n"},
		{"--lang en over a Chinese locale", map[string]string{"LANG": "zh_TW.UTF-8"}, []string{"--lang", "en", "bild"},
			"microsite: unknown command \"bild\": did you mean build? (run \"microsite help\")\n"},
		{"--lang after the command", map[string]string{"LANG": "zh_TW.UTF-8"}, []string{"serve", "--lang=en", "--opne"},
			"microsite serve: unknown flag \"--opne\": did you mean --open? (see \"microsite serve -h\")\n"},
		{"MICROSITE_LANG over the locale", map[string]string{"MICROSITE_LANG": "zh", "LANG": "en_US.UTF-8"}, []string{"new"},
			"microsite new: 請說明要創建什麼：microsite new measure …（參閱 \"microsite new -h\"）\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inEnv(t, tt.env)
			var stdout, stderr bytes.Buffer
			if code := Main(tt.args, &stdout, &stderr); code != exitUsage {
				t.Errorf("exit code %d, want %d", code, exitUsage)
			}
			if stderr.String() != tt.want {
				t.Errorf("stderr\n got %q\nwant %q", stderr.String(), tt.want)
			}
		})
	}
}

// TestBuildInChinese: a build's problems and its summary, in Chinese, with
// the positions and carets of the English.
func TestBuildInChinese(t *testing.T) {
	inEnv(t, map[string]string{"LANG": "zh_TW.UTF-8"})
	src := srctest.Copy(t, "../..")
	writeFiles(t, src, map[string]string{"content/measures/5.md": "+++\nnumber = 5\ntitle = \"重複\"\ncategory = \"trade\"\nlead_units = [\"深圳海關\"]\nscope = \"全市\"\n+++\n\n見[第99項](99.md)。\n"})
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"build", "--source", src, "--out", filepath.Join(t.TempDir(), "public")}, &stdout, &stderr); code != exitFail {
		t.Fatalf("exit code %d, want %d", code, exitFail)
	}
	want := `content/measures/5.md:2:1: 序號 5 已被 content/measures/05.md 使用
content/measures/5.md:5:1: 未知的牽頭單位 "深圳海關"：請把它加入 site.toml 的 [[units]]，或使用其中已有的名稱
    | lead_units = ["深圳海關"]
    | ^
content/measures/5.md:9:9: 鏈接 "99.md"：沒有這個源文件：content/measures/99.md（鏈接到其他內容時，寫出其文件名，如 03.md 或 ../notice.md，相對於當前文件所在的文件夾）
    | 見[第99項](99.md)。
    |            ^
microsite: 3 個錯誤；原有網站保持不變
`
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
}

// TestEveryCommandSpeaksChinese: every command's summary and help, and the
// overview, have their Chinese: a help text changed without its
// translation would come out in English.
func TestEveryCommandSpeaksChinese(t *testing.T) {
	inEnv(t, map[string]string{"LANG": "zh_TW.UTF-8"})
	chinese := func(s string) bool {
		n := 0
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				n++
			}
		}
		return n > len([]rune(s))/10 // more than the Chinese examples an English text quotes
	}
	for _, c := range commands {
		for _, args := range [][]string{{"help", c.name}, {c.name, "-h"}} {
			if c.name == "help" && args[0] == "help" {
				args = []string{"help", "help"}
			}
			var stdout, stderr bytes.Buffer
			if code := Main(args, &stdout, &stderr); code != exitOK {
				t.Fatalf("%s: exit code %d: %s", strings.Join(args, " "), code, stderr.String())
			}
			if out := stdout.String(); !chinese(out) || out == string(c.usage) {
				t.Errorf("microsite %s is not in Chinese:\n%s", strings.Join(args, " "), out)
			}
		}
		if s := c.summary.String(); !chinese(s) {
			t.Errorf("%s's summary %q is not in Chinese", c.name, s)
		}
	}
	var stdout, stderr bytes.Buffer
	Main([]string{"help"}, &stdout, &stderr)
	if !strings.Contains(stdout.String(), "命令：\n  build   生成網站") {
		t.Errorf("the overview:\n%s", stdout.String())
	}
}
