package hostile

import (
	"testing"
)

// TestSettings: the URL and language settings of site.toml. base_url,
// icp_url and every other URL must be an absolute http(s) URL without
// credentials, spaces or markup characters, and a language a BCP 47 tag:
// each an error at its line, before anything is built.
func TestSettings(t *testing.T) {
	baseURL := lineOf(t, siteFile, "base_url = ")
	icpURL := lineOf(t, siteFile, "icp_url = ")
	lang := lineOf(t, siteFile, "language = ")
	base := func(toml string) func(e *env) {
		return func(e *env) { e.setLine(siteFile, baseURL, "base_url = "+toml) }
	}
	icp := func(toml string) func(e *env) {
		return func(e *env) {
			e.setLine(siteFile, icpURL, "icp_url = "+toml)
			e.replace(siteFile, `icp = ""`, `icp = "粵ICP備00000000號"`)
		}
	}
	language := func(tag string) func(e *env) {
		return func(e *env) { e.replaceAll(siteFile, `language = "zh-Hant"`, `language = "`+tag+`"`) }
	}
	cases := []hcase{
		buildFails("base_url_with_space", base(`"https://x.example/a b/"`), at(siteFile, baseURL)).proves(15),
		buildFails("base_url_with_credentials", base(`"https://user:pass@x.example/"`), at(siteFile, baseURL)).proves(15),
		buildFails("base_url_with_quote", base(`"https://x.example/\"><script>alert(1)</script>/"`), at(siteFile, baseURL)).proves(15),
		buildFails("base_url_with_angle_brackets", base(`"https://x.example/<b>/"`), at(siteFile, baseURL)).proves(15),
		buildFails("base_url_javascript", base(`"javascript:alert(1)"`), at(siteFile, baseURL)),
		buildFails("base_url_ftp", base(`"ftp://x.example/"`), at(siteFile, baseURL)),
		buildFails("base_url_relative", base(`"nansha3/"`), at(siteFile, baseURL)),
		buildFails("base_url_without_host", base(`"https:///nansha3/"`), at(siteFile, baseURL)),
		builds("base_url_of_the_portal", base(`"https://www.gz.gov.cn/nansha3/"`), func(e *env, r *result) {
			e.outHolds("sitemap.xml", "https://www.gz.gov.cn/nansha3/measures/05.html")
		}),
		buildFails("language_underscore", language("zh_Hant"), at(siteFile, lang)).proves(15),
		buildFails("language_with_space", language("zh Hant"), at(siteFile, lang)).proves(15),
		buildFails("language_markup", language(`zh\"><b>`), at(siteFile, lang)).proves(15),
		buildFails("edition_language_not_a_tag", func(e *env) {
			e.replace(siteFile, `language = "zh-Hans"`, `language = "zh-Hans-"`)
		}, entry(t, `language = "zh-Hans"`)).proves(15),
		buildFails("icp_url_javascript", icp(`"javascript:alert(1)"`), at(siteFile, icpURL)).proves(15),
		buildFails("icp_url_with_space", icp(`"https://beian.miit.gov.cn/ x"`), at(siteFile, icpURL)).proves(15),
		builds("icp_url_of_the_ministry", icp(`"https://beian.miit.gov.cn/"`), func(e *env, r *result) {
			e.outHolds("index.html", "https://beian.miit.gov.cn/")
		}),
	}
	runCases(t, "settings", cases)
}
