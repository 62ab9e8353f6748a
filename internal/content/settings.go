package content

import (
	"errors"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// urlProblem says what is wrong with s as an absolute address the site
// publishes (base_url, in the sitemap and every page's canonical link) or
// links to (icp_url), or returns "". The address must be http(s), name a
// host, carry no user name or password, and hold nothing an address cannot
// without percent-encoding: no space, quote, angle bracket or other markup
// character, no non-ASCII character. A folder (base_url) has no query and
// no fragment either: page paths are appended to it.
func urlProblem(s string, folder bool) string {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			return l10n.Sprintf("it holds a space: percent-encode it (%%20) or remove it")
		case r < 0x20 || r == 0x7f:
			return l10n.Sprintf("it holds control character %U", r)
		case strings.ContainsRune("\"'<>\\`{}|^", r):
			return l10n.Sprintf("it holds %q, which an address cannot: percent-encode it or remove it", r)
		case r >= 0x80:
			return l10n.Sprintf("it holds %q: write the host in its ASCII form (xn--…) and percent-encode the path", r)
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return l10n.Sprintf("it does not parse: %v", err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return l10n.Sprintf("it does not start with https:// or http://")
	case u.Opaque != "" || u.Host == "" && !strings.HasPrefix(s[len(u.Scheme)+1:], "//"):
		return l10n.Sprintf("expected // after %s:", u.Scheme)
	case u.User != nil:
		return l10n.Sprintf("it holds a user name or password (…@): a published address must not")
	case !hostName.MatchString(u.Hostname()) && net.ParseIP(u.Hostname()) == nil:
		return l10n.Sprintf("host %q: expected a host name of ASCII letters, digits, hyphens and dots", u.Hostname())
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return l10n.Sprintf("port %s: expected 1 to 65535", p)
		}
	}
	if folder && (u.RawQuery != "" || u.ForceQuery) {
		return l10n.Sprintf("it has a query (?…): expected the address of the folder the site is published in")
	}
	if folder && (u.Fragment != "" || strings.Contains(s, "#")) {
		return l10n.Sprintf("it has a fragment (#…): expected the address of the folder the site is published in")
	}
	return ""
}

// BaseURL checks u, a base URL given for a build instead of site.toml's
// (a flag, the environment), as site.toml's base_url is checked, and
// returns it as the site holds it: with a final slash.
func BaseURL(u string) (string, error) {
	if p := urlProblem(u, true); p != "" {
		return "", l10n.Errorf("%q: %s: expected an absolute http(s) URL such as \"https://www.example.gov.cn/nansha/\"", u, p)
	}
	return folderURL(u), nil
}

// folderURL is a base URL with its final slash, once.
func folderURL(u string) string { return strings.TrimSuffix(u, "/") + "/" }

// hostName is a DNS name: labels of letters, digits and inner hyphens.
var hostName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$`)

// tagShape is the shape of a BCP 47 tag: subtags of ASCII letters and
// digits joined by hyphens (x/text's parser also takes underscores).
var tagShape = regexp.MustCompile(`^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*$`)

// languageProblem says what is wrong with tag as the language of an
// edition (<html lang>, hreflang, og:locale), or returns "". Beyond being
// well-formed BCP 47, every subtag must be a registered one, which catches
// typos such as "zh-Hnat".
func languageProblem(tag string) string {
	if !tagShape.MatchString(tag) {
		return l10n.Sprintf("not a well-formed tag")
	}
	if _, err := language.Parse(tag); err != nil {
		var ve language.ValueError
		if errors.As(err, &ve) {
			return l10n.Sprintf("unknown subtag %q", ve.Subtag())
		}
		return l10n.Sprintf("not a well-formed tag")
	}
	return ""
}
