package check

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// The fast paths (text skipped with IndexByte, plain relative paths
// resolved without url.Parse and path.Join) must read every page and
// resolve every reference exactly as the old check did (oracle_test.go).

// pageSeeds are pages whose edges the parser must read as before.
var pageSeeds = []string{
	page("", "", `<a href="measures/01.html#text">1</a>`),
	page("../", `<style>h1{background:url("a.png")}@import 'b.css';</style>`, `<p style="background:url(c.png)">x</p>`),
	`<!DOCTYPE html><HTML LANG="en"><HEAD><TITLE>A &amp; B</TITLE><META NAME="Description" CONTENT=" d "></HEAD><BODY><H1>x</H1><A HREF="x.html" NAME="n">y</A></BODY></HTML>`,
	`<html lang><title/>t</title><title>u</title><h1><h1>`,
	`<p>a < b and a<b> c </p><!-- <a href="no.html"> --><a href='q.html?x=1&amp;y=2#f'>q</a>`,
	`<img srcset=" a.png 1x,b.png 2x , ,https://x.example/c.png" src=d.png><link rel=" Preload  Stylesheet" href="e.css" imagesrcset="f.png 1x">`,
	`<link rel="alternate canonical" href="https://example.com/site/index.html"><link rel="" href="g.css"><link rel="ALTERNATE" href="h.html">`,
	`<svg><a xlink:href="in-svg.html"/><image href="i.png"/></svg><math><mi id="m"></mi></math><use xlink:href="#s"/>`,
	"<SVG ID=a><Image HREF='x.png' style=\"fill:url(#g)\"/><title>not the page's</title><h1>x</h1><style><![CDATA[a{b:url(c.png)}]]></style><foreignObject><img src=\"f.png\"></foreignObject></SVG>" +
		`<math><mglyph src="g.png"/><mi href="https://example.com/">x</mi></math><svg><image href="unclosed`,
	`<meta http-equiv="refresh" content="0;url=a.html"><meta HTTP-EQUIV=" Refresh " content="5 URL='b.html'"><meta http-equiv="refresh" content="5x;url=c.html">` +
		`<meta http-equiv="refresh" content="0"><meta http-equiv="content-type" content="0;url=d.html">`,
	`<script>if (a < b) { document.write("<a href='x.html'>") }</script><script><!-- <script> </script> --></script><a href="after.html">`,
	`<textarea><a href="not.html"></textarea><xmp><b id="no"></xmp><iframe src="f.html"><a href="no2.html"></iframe>`,
	`<form action="s.html"><input src="i.png" formaction="x.html"></form><video poster="p.png" src="v.mp4"></video><object data="o.svg"></object><area href="ar.html">`,
	`<my-el href="custom.html" id="c"></my-el><a id="" name="" href>e</a><div href="d.html" style="x:url('u.png')"></div>`,
	"<a href=\"\x00x.html\" id=\"a\x00b\">\x00</a><p>\x00<</p><",
	"<a hreſ=\"long-s.html\" xlin\u212a:href=\"kelvin.html\">k</a><lin\u212a rel=\"stylesheet\" href=\"k.css\"><TİTLE>t</TİTLE>",
	`<a href="  spaced.html  ">s</a><a href=" 'inner.html' ">i</a><a href='"dq.html"'>d</a>`,
	`<title>&nbsp;</title><meta name="description" content="&#32;"><h1 id="h">`,
	`<link rel="` + strings.Repeat("x", 40) + ` stylesheet" href="long.css"><link rel="alternate	next" href="n.html">`,
	`<plaintext><a href="no.html">`,
	`<a href="x.html"`,
	`<title>unclosed`,
	``,
}

func FuzzParsePage(f *testing.F) {
	for _, s := range pageSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// Room past the end, as in the build's buffers: the lexers may
		// use it, and must give it back.
		withRoom := func() []byte { return append(bytes.Clone(src), '!')[:len(src)] }
		oldSrc, newSrc := withRoom(), withRoom()
		want, wantErr := oldParsePage("p.html", oldSrc)
		got, err := ParsePage("p.html", newSrc)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("error %v, want %v", err, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("read\n%+v\nwant\n%+v", got, want)
		}
		if !bytes.Equal(newSrc, oldSrc) {
			t.Errorf("left the page as %q, want %q", newSrc, oldSrc)
		}
		if newSrc[:len(src)+1][len(src)] != '!' {
			t.Errorf("wrote past the end of the page")
		}
	})
}

func TestParsePageAsBefore(t *testing.T) {
	for i, s := range pageSeeds {
		want, wantErr := oldParsePage("p.html", []byte(s))
		got, err := ParsePage("p.html", []byte(s))
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Errorf("page %d %q: read\n%+v, %v\nwant\n%+v, %v", i, s, got, err, want, wantErr)
		}
	}
}

// outcomeSite is the site the references are resolved in.
var outcomeSite = []string{
	"index.html", "404.html", "measures/01.html", "measures/02.html", "measures/sub/x.html",
	"assets/site.css", "assets/bg.png", "a b.html", "ü.html", "q.html", "x:y.html", "measures/01.html.txt",
}

// outcomeFroms are the files references are resolved from, odd names too.
var outcomeFroms = []string{
	"index.html", "measures/01.html", "measures/sub/x.html", "assets/site.css", "./index.html",
	"measures//01.html", "../out.html", "/abs/index.html", "..", "a/../measures/01.html",
}

// outcomeRefs are references at the edges of the fast path.
var outcomeRefs = []string{
	"", "#", "#main", "#text", "index.html", "index.html#", "index.html#main", "./index.html", "../index.html",
	"../../index.html", "../../../index.html", "../measures/01.html#text", "01.html", "01.html#x", "sub/x.html",
	"sub/../01.html", "sub//x.html", "sub/x.html/", "measures", "measures/", "measures/sub", ".", "..", "../", "./",
	"../..", "x/..", "index.html?x=1", "index.html?x=1#main", "?x", "?", "index.html?", "#a?b", "#a:b", "a%20b.html",
	"a b.html", "%C3%BC.html", "ü.html", "%zz", "#%41", "#%zz", "/index.html", "//example.com/x.png",
	"///index.html", "https://example.com/", "HTTP://example.com", "mailto:a@example.com", "x:y.html",
	"./x:y.html", "data:,", "data:image/png;base64,AAAA", "javascript:void(0)", "*", "a\x01.html",
	"index.html\x7f", "\\index.html", "measures/01.html.txt#x", "assets/site.css#x", "q.html#q#r",
	"../../measures/01.html", "..index.html", "...", ".../x", "index.html#" + strings.Repeat("é", 40),
}

func FuzzOutcome(f *testing.F) {
	for i := range outcomeFroms {
		for _, ref := range outcomeRefs {
			f.Add(uint8(i), ref)
		}
	}
	s := newCollector(outcomeSite, nil).s
	f.Fuzz(func(t *testing.T, fromIndex uint8, ref string) {
		from := outcomeFroms[int(fromIndex)%len(outcomeFroms)]
		checkOutcome(t, &s, from, ref)
	})
}

func TestOutcomeAsBefore(t *testing.T) {
	s := newCollector(outcomeSite, nil).s
	for _, from := range outcomeFroms {
		for _, ref := range outcomeRefs {
			checkOutcome(t, &s, from, ref)
		}
	}
}

func checkOutcome(t *testing.T, s *siteFiles, from, ref string) {
	t.Helper()
	var pc pageCheck
	pc.start(s, from)
	want := oldOutcome(s, from, ref)
	got, _ := s.outcome(pc.from, pc.dir, []byte(ref), nil)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("from %q, %q: %+v, want %+v", from, ref, got, want)
	}
}

// TestSiteEdges pins what the whole check says at the edges of the fast
// path, from a page one folder down.
func TestSiteEdges(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"query", `<a href="../index.html?lang=en">q</a><a href="02.html?x">x</a>`,
			[]string{`measures/01.html: <a href="02.html?x">: no such file: measures/02.html`}},
		{"query and fragment", `<a href="../index.html?x#main">m</a><a href="../index.html?x#nowhere">n</a><a href="?x#text">t</a><a href="?x#gone">g</a>`,
			[]string{
				`measures/01.html: <a href="../index.html?x#nowhere">: no element with id "nowhere" in index.html`,
				`measures/01.html: <a href="?x#gone">: no element with id "gone" in measures/01.html`,
			}},
		{"percent-encoded", `<a href="../index%2Ehtml">e</a><a href="../assets/bg%2epng">b</a><a href="%zz.html">z</a><a href="#te%78t">t</a>`,
			[]string{`measures/01.html: <a href="%zz.html">: not a valid URL: parse "%zz.html": invalid URL escape "%zz"`}},
		{"climbing out", `<a href="../../index.html">a</a><a href="../measures/../../x.html">b</a><a href="..">c</a><a href="../..">d</a>`,
			[]string{
				`measures/01.html: <a href="../../index.html">: points outside the site`,
				`measures/01.html: <a href="../measures/../../x.html">: points outside the site`,
				`measures/01.html: <a href="..">: a bare directory (./): from file:// that lists the folder instead of a page; link the file`,
				`measures/01.html: <a href="../..">: points outside the site`,
			}},
		{"dot segments", `<a href="./01.html#text">a</a><a href="../measures/./01.html">b</a><a href=".././index.html#main">c</a><a href=".">d</a>`,
			[]string{`measures/01.html: <a href=".">: a bare directory (measures/): from file:// that lists the folder instead of a page; link the file`}},
		{"own fragments, before and after the id", `<a href="#later">l</a><a href="01.html#later">m</a><a href="01.html#never">n</a><b id="later">x</b>`,
			[]string{`measures/01.html: <a href="01.html#never">: no element with id "never" in measures/01.html`}},
		{"a name is an id", `<a href="#n">to</a><a name="n">n</a><span name="s"></span><a href="#s">s</a>`,
			[]string{`measures/01.html: <a href="#s">: no element with id "s" in measures/01.html`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblems(t, site(map[string]string{"measures/01.html": page("../", "", `<p id="text">x</p>`+tt.body)}), tt.want)
		})
	}
}

func TestIDSet(t *testing.T) {
	ids := []string{"", "a", strings.Repeat("x", 127), strings.Repeat("y", 128), strings.Repeat("z", 20000), "a\x00b"}
	var b []byte
	for _, id := range ids {
		b = appendID(b, []byte(id))
	}
	set := idSet(b)
	for _, id := range ids {
		if !set.has([]byte(id)) {
			t.Errorf("lacks %.10q (%d bytes)", id, len(id))
		}
	}
	for _, id := range []string{"b", "a\x00", strings.Repeat("x", 128), strings.Repeat("y", 127), "\x00b"} {
		if set.has([]byte(id)) {
			t.Errorf("has %.10q, never added", id)
		}
	}
}
