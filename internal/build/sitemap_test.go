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

var canonical = regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)

// TestAbsoluteURLsOnlyWithBaseURL builds the real site with and without a
// base_url: with one, every page but 404.html names its canonical URL, and
// sitemap.xml lists exactly those; without, no absolute URL of the site
// appears anywhere.
func TestAbsoluteURLsOnlyWithBaseURL(t *testing.T) {
	const base = "https://www.gz.gov.cn/nansha3/"
	plain := readTree(t, buildTree(t, repo))
	for _, name := range []string{site.SitemapPath, site.RobotsPath} {
		if _, ok := plain[name]; ok {
			t.Errorf("%s written without a base_url", name)
		}
	}
	for name, data := range plain {
		for _, s := range []string{`rel="canonical"`, `property="og:`, "SiteDomain"} {
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
		if path.Base(name) == site.NotFoundPath {
			if len(m) != 0 {
				t.Errorf("%s has a canonical URL", name)
			}
			continue
		}
		wantURL := base + name // pages by their file …
		if edition, ok := strings.CutSuffix(name, site.HomePath); ok && (edition == "" || edition == "zh-hans/") {
			wantURL = base + edition // … but an edition's home page, as the portal links it
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
