package hostile

import (
	"strings"
	"testing"
)

// TestCommandLine (issue 14): the flags and variables an editor used to
// Hugo types — a base URL for another host, the address to preview on,
// the language of the messages — given hostile values: refused as usage
// errors (exit 2), naming the value without letting it act on the
// terminal, and changing nothing.
func TestCommandLine(t *testing.T) {
	const esc = "\x1b]0;owned\x07\x1b[2J"
	build := func(flags ...string) []string { return append([]string{"build"}, flags...) }
	usage := func(name string, args []string, env []string, want ...string) hcase {
		return hcase{name: name, args: args, env: env, code: 2, want: want, not: []string{"\x1b", "\x07"}}
	}
	sitemapHolds := func(url string) func(e *env, r *result) {
		return func(e *env, r *result) { e.outHolds("sitemap.xml", "<loc>"+url) }
	}
	cases := []hcase{
		usage("base_url_javascript", build("--base-url", "javascript:alert(1)"), nil, "javascript:alert(1)"),
		usage("base_url_quote", build("--baseURL", `https://x.example/"><script>`), nil, "--base-url"),
		usage("base_url_credentials", build("-b", "https://user:pass@x.example/"), nil, "--base-url"),
		usage("base_url_escape_codes", build("--base-url", "https://x.example/"+esc), nil, "--base-url", `\x1b`),
		usage("base_url_query", build("--base-url", "https://x.example/?q=1"), nil, "--base-url"),
		usage("base_url_file", build("--base-url", "file:///etc/"), nil, "file:///etc/"),
		usage("env_base_url_javascript", build(), []string{"MICROSITE_BASE_URL=javascript:alert(1)"}, "MICROSITE_BASE_URL", "javascript:alert(1)"),
		usage("env_base_url_escape_codes", build(), []string{"MICROSITE_BASE_URL=https://x.example/" + esc}, "MICROSITE_BASE_URL"),
		usage("serve_base_url", []string{"serve", "--port", "0", "-b", "ftp://x.example/"}, nil, "ftp://x.example/"),
		{name: "base_url_staging", args: build("--base-url", "https://staging.example.gov.cn/nansha3"),
			then: sitemapHolds("https://staging.example.gov.cn/nansha3/")},
		{name: "env_base_url_staging", args: build(), env: []string{"MICROSITE_BASE_URL=https://staging.example.gov.cn/"},
			then: sitemapHolds("https://staging.example.gov.cn/")},
		// Valid, but too long for the pages' addresses: held to the same
		// limit as site.toml's base_url, which the flag replaces.
		{name: "base_url_too_long", args: build("--base-url", "https://x.example/"+strings.Repeat("a", 2040)+"/"), code: 1,
			want: []string{"--base-url", "2047"}},
		{name: "env_base_url_too_long", args: build(), env: []string{"MICROSITE_BASE_URL=https://x.example/" + strings.Repeat("a", 2040) + "/"}, code: 1,
			want: []string{"MICROSITE_BASE_URL", "2047"}},
		usage("bind_empty", []string{"serve", "--port", "0", "--bind", ""}, nil, `--bind ""`),
		usage("bind_url", []string{"serve", "--port", "0", "--bind", "http://0.0.0.0/"}, nil, "http://0.0.0.0/"),
		usage("bind_escape_codes", []string{"serve", "--port", "0", "--bind", esc}, nil, "--bind"),
		usage("bind_with_port", []string{"serve", "--port", "0", "--bind", "127.0.0.1:80"}, nil, "127.0.0.1:80"),
		{name: "bind_unknown_host", args: []string{"serve", "--port", "0", "--bind", "no-such-host.invalid"}, code: 1, want: []string{"no-such-host.invalid"}},
		usage("lang_unknown", []string{"--lang", "klingon", "build"}, nil, "klingon"),
		usage("lang_escape_codes", []string{"build", "--lang", esc}, nil, "--lang"),
		usage("lang_traversal", []string{"--lang=../../../etc/passwd", "build"}, nil, "../../../etc/passwd"),
		usage("env_lang_unknown", build(), []string{"MICROSITE_LANG=" + esc}, "MICROSITE_LANG"),
		usage("unknown_flag_escape_codes", build("--"+esc), nil, `\x1b`),
		usage("unknown_command_escape_codes", []string{esc}, nil, `\x1b`),
		usage("unknown_command_nearest", []string{"sever", "--port", "0"}, nil, `"sever"`, "serve"),
		usage("unknown_command_hugo", []string{"deploy"}, nil, `"deploy"`),
		usage("unknown_command_traversal", []string{"../../../etc/passwd"}, nil, "../../../etc/passwd"),
		usage("unknown_command_huge", []string{strings.Repeat("b", 64<<10)}, nil, "bbbbbbbb"),
		usage("unknown_command_after_lang", []string{"--lang", "en", "bild"}, nil, `"bild"`, "build"),
		usage("help_unknown_command", []string{"help", "../site.toml"}, nil, "../site.toml"),
		usage("base_url_fragment", build("--base-url", "https://x.example/nansha/#top"), nil, "https://x.example/nansha/#top"),
		usage("base_url_no_host", build("--base-url", "https:///nansha/"), nil, "https:///nansha/"),
		usage("base_url_bad_port", build("--base-url", "https://x.example:99999/"), nil, "99999"),
		usage("base_url_unicode_host", build("--base-url", "https://南沙.example/"), nil, "南沙"),
		usage("base_url_newline", build("--base-url", "https://x.example/\nX-Injected: 1"), nil, "--base-url", `\n`),
		usage("base_url_relative", build("--base-url", "/nansha3/"), nil, "/nansha3/"),
		usage("base_url_huge", build("--base-url", "https://x.example/"+strings.Repeat("a b", 20<<10)), nil, "--base-url"),
		usage("env_base_url_relative", build(), []string{"MICROSITE_BASE_URL=nansha3"}, "MICROSITE_BASE_URL", "nansha3"),
		usage("serve_env_base_url", []string{"serve", "--port", "0"}, []string{"MICROSITE_BASE_URL=javascript:alert(1)"}, "MICROSITE_BASE_URL"),
		// Whatever the locale, the command runs, in one language or the
		// other.
		{name: "locale_garbage", args: build(), env: []string{"LANG=" + esc, "LC_ALL=\xff\xfe"}},
		{name: "locale_chinese", args: build("--bogus"), env: []string{"LC_ALL=zh_TW.UTF-8"}, code: 2, want: []string{"--bogus", "未知"}},
		{name: "locale_english_flag_wins", args: []string{"--lang", "en", "build", "--bogus"}, env: []string{"LC_ALL=zh_TW.UTF-8"}, code: 2,
			want: []string{"unknown flag"}, not: []string{"未知"}},
		{name: "server_alias", args: []string{"server", "--help"}, want: []string{"--bind"}},
	}
	for i := range cases {
		if strings.HasPrefix(cases[i].name, "serve_") || strings.HasPrefix(cases[i].name, "bind_") {
			cases[i].writes = []string{"../tmp/*"}
		}
	}
	runCases(t, "commandline", cases)
}
