package build

import (
	"bytes"
	"encoding/xml"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/site"
)

func TestCrawlerFilesGolden(t *testing.T) {
	files := readTree(t, buildTree(t, sourceTree(t, with(smallSite, map[string]string{"site.toml": withBaseURL(t, "https://www.gz.gov.cn/nansha3/")}))))
	golden(t, "crawler/sitemap.xml", files[site.SitemapPath])
	golden(t, "crawler/robots.txt", files[site.RobotsPath])
}

var (
	canonical = regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)
	alternate = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">`)
)

// TestAbsoluteURLsOnlyWithBaseURL builds the real site with and without a
// base_url: with one, every page but 404.html names its canonical URL and
// its URL in each edition (<link rel="alternate" hreflang>), and
// sitemap.xml lists exactly those; without, no absolute URL of the site
// appears anywhere, and no alternate link either: a relative one fails
// search engines' (and Lighthouse's) hreflang check.
func TestAbsoluteURLsOnlyWithBaseURL(t *testing.T) {
	const base = "https://www.gz.gov.cn/nansha3/"
	plain := readTree(t, buildTree(t, repo))
	for _, name := range []string{site.SitemapPath, site.RobotsPath} {
		if _, ok := plain[name]; ok {
			t.Errorf("%s written without a base_url", name)
		}
	}
	for name, data := range plain {
		for _, s := range []string{`rel="canonical"`, `rel="alternate"`, `property="og:`, "SiteDomain"} {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s: %s without a base_url", name, s)
			}
		}
	}

	files := readTree(t, buildTree(t, sourceTree(t, map[string]string{"site.toml": withBaseURL(t, base)})))
	var want []string
	for name, data := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		m := canonical.FindAllSubmatch(data, -1)
		alts := alternate.FindAllStringSubmatch(string(data), -1)
		if path.Base(name) == site.NotFoundPath {
			if len(m) != 0 || len(alts) != 0 {
				t.Errorf("%s has a canonical URL or alternates %q: it has no address of its own", name, alts)
			}
			continue
		}
		pageURL := func(name string) string {
			if edition, ok := strings.CutSuffix(name, site.HomePath); ok && (edition == "" || edition == "zh-hans/") {
				return base + edition // an edition's home page, as the portal links it …
			}
			return base + name // … other pages by their file
		}
		wantURL := pageURL(name)
		inHant := strings.TrimPrefix(name, "zh-hans/")
		wantAlts := [][]string{
			{"zh-Hant", pageURL(inHant)},
			{"zh-Hans", pageURL("zh-hans/" + inHant)},
		}
		if !slices.EqualFunc(alts, wantAlts, func(a, b []string) bool { return slices.Equal(a[1:], b) }) {
			t.Errorf("%s: alternates %q, want %q", name, alts, wantAlts)
		}
		if len(m) != 1 || string(m[0][1]) != wantURL {
			t.Errorf("%s: canonical %q, want one, %s", name, m, wantURL)
		}
		if !bytes.Contains(data, []byte(`<meta property="og:url" content="`+wantURL+`">`)) {
			t.Errorf("%s: no og:url %s", name, wantURL)
		}
		want = append(want, wantURL)
	}
	var set struct {
		URLs []string `xml:"url>loc"`
	}
	if err := xml.Unmarshal(files[site.SitemapPath], &set); err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	got := slices.Sorted(slices.Values(set.URLs))
	if !slices.Equal(got, want) {
		t.Errorf("sitemap.xml lists\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r := string(files[site.RobotsPath]); !strings.Contains(r, "\nSitemap: "+base+"sitemap.xml\n") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", r)
	}
}
