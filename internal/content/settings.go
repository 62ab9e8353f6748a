package content

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"
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
			return "it holds a space: percent-encode it (%20) or remove it"
		case r < 0x20 || r == 0x7f:
			return fmt.Sprintf("it holds control character %U", r)
		case strings.ContainsRune("\"'<>\\`{}|^", r):
			return fmt.Sprintf("it holds %q, which an address cannot: percent-encode it or remove it", r)
		case r >= 0x80:
			return fmt.Sprintf("it holds %q: write the host in its ASCII form (xn--…) and percent-encode the path", r)
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "it does not parse: " + err.Error()
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "it does not start with https:// or http://"
	case u.Opaque != "" || u.Host == "" && !strings.HasPrefix(s[len(u.Scheme)+1:], "//"):
		return "expected // after " + u.Scheme + ":"
	case u.User != nil:
		return "it holds a user name or password (…@): a published address must not"
	case !hostName.MatchString(u.Hostname()) && net.ParseIP(u.Hostname()) == nil:
		return fmt.Sprintf("host %q: expected a host name of ASCII letters, digits, hyphens and dots", u.Hostname())
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Sprintf("port %s: expected 1 to 65535", p)
		}
	}
	if folder && (u.RawQuery != "" || u.ForceQuery) {
		return "it has a query (?…): expected the address of the folder the site is published in"
	}
	if folder && (u.Fragment != "" || strings.Contains(s, "#")) {
		return "it has a fragment (#…): expected the address of the folder the site is published in"
	}
	return ""
}

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
		return "not a well-formed tag"
	}
	if _, err := language.Parse(tag); err != nil {
		var ve language.ValueError
		if errors.As(err, &ve) {
			return fmt.Sprintf("unknown subtag %q", ve.Subtag())
		}
		return "not a well-formed tag"
	}
	return ""
}
