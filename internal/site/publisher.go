package site

import (
	"net/url"
	"strings"
)

// The national services a government site's footer links to: their
// addresses are fixed by the ministries, not by the site.
const (
	// MIITFilingURL is the MIIT's ICP filing site, where an ICP number
	// must link to.
	MIITFilingURL = "https://beian.miit.gov.cn/"
	// MPSFilingURL is the public-security filing site's search, which the
	// digits of a 公安機關備案號 complete.
	MPSFilingURL = "https://beian.mps.gov.cn/#/query/webSearch?code="
	// ErrorReportURL is the State Council's 「我為政府網站找錯」 service,
	// as its own script (jiucuo.js) opens it: with the site's code and the
	// address of the page, encoded.
	ErrorReportURL = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html"
)

// ICPLink is where the ICP number links to: icp_url, else the MIIT's filing
// site.
func (p *Publisher) ICPLink() string {
	if p.ICPURL != "" {
		return p.ICPURL
	}
	return MIITFilingURL
}

// PoliceLink is the public-security filing site's page of the site's
// 公安機關備案號: its digits (粵公網安備 44010402000001號 → 44010402000001)
// name the record. "" when the number has no digits.
func (p *Publisher) PoliceLink() string {
	digits := PoliceDigits(p.PoliceReg)
	if digits == "" {
		return ""
	}
	return MPSFilingURL + digits
}

// PoliceDigits is the record number in a 公安機關備案號: its ASCII digits.
func PoliceDigits(reg string) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, reg)
}

// ErrorReport is the address of the error-report service for the page at
// pageURL, an absolute address; "" without a site code or an address.
func (p *Publisher) ErrorReport(pageURL string) string {
	if p.SiteCode == "" || pageURL == "" {
		return ""
	}
	return ErrorReportURL + "?site_code=" + url.QueryEscape(p.SiteCode) + "&url=" + url.QueryEscape(pageURL)
}
