package build

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	qr "github.com/piglig/go-qr"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// readQRSVG reads back the modules of an SVG that writeQRSVG wrote: the
// dark ones, by row and column, and the side of the viewBox.
func readQRSVG(t *testing.T, svg string) (side int, dark map[[2]int]bool) {
	t.Helper()
	m := regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`).FindStringSubmatch(svg)
	if m == nil || m[1] != m[2] {
		t.Fatalf("no square viewBox in %.200s", svg)
	}
	side, _ = strconv.Atoi(m[1])
	d := regexp.MustCompile(` d="([^"]*)"`).FindStringSubmatch(svg)
	if d == nil {
		t.Fatalf("no path in %.200s", svg)
	}
	dark = map[[2]int]bool{}
	x, y := 0, 0
	for _, c := range regexp.MustCompile(`[Mmh][^Mmh]*`).FindAllString(d[1], -1) {
		args := strings.Fields(c[1:])
		switch c[0] {
		case 'M': // absolute, to the middle of a row: "4 5.5"
			x, _ = strconv.Atoi(args[0])
			y, _ = strconv.Atoi(strings.TrimSuffix(args[1], ".5"))
		case 'm':
			dx, _ := strconv.Atoi(args[0])
			x += dx
		case 'h':
			n, _ := strconv.Atoi(args[0])
			for i := 0; i < n; i++ {
				dark[[2]int{x + i, y}] = true
			}
			x += n
		}
	}
	return side, dark
}

// TestQRSVG checks that the SVG shows exactly the modules the library
// encoded, inside the quiet zone, for addresses of several lengths (codes
// of several sizes). A real reader decodes every page's code in the e2e
// tests (TestQRCodes).
func TestQRSVG(t *testing.T) {
	for _, addr := range []string{
		"https://x.example/",
		"https://www.gz.gov.cn/nansha3/measures/03.html",
		"https://www.gz.gov.cn/nansha3/zh-hans/units/human-resources-social-security.html",
		"https://www.gz.gov.cn/" + strings.Repeat("a", 2000) + "/index.html",
	} {
		t.Run(strconv.Itoa(len(addr)), func(t *testing.T) {
			code, err := qr.EncodeText(addr, qr.Medium)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			writeQRSVG(&b, code.Size(), code.Module)
			side, dark := readQRSVG(t, b.String())
			if side != code.Size()+2*qrQuiet {
				t.Errorf("viewBox %d wide for %d modules, want a quiet zone of %d", side, code.Size(), qrQuiet)
			}
			n := 0
			for y := -qrQuiet; y < code.Size()+qrQuiet; y++ {
				for x := -qrQuiet; x < code.Size()+qrQuiet; x++ {
					want := x >= 0 && y >= 0 && x < code.Size() && y < code.Size() && code.Module(x, y)
					if dark[[2]int{x + qrQuiet, y + qrQuiet}] != want {
						t.Fatalf("module %d,%d: dark %v, want %v", x, y, !want, want)
					}
					if want {
						n++
					}
				}
			}
			if n != len(dark) {
				t.Errorf("%d dark modules drawn, %d encoded", len(dark), n)
			}
		})
	}
}

// TestQRFiles checks which pages get a QR code: with a base_url, every
// page with an address of its own, in its edition's qr/ folder, each
// depending on no measure (a preview never makes it again for an edit);
// not the 404 page, which a server shows at every missing address; and
// without a base_url none, since the address is unknown.
func TestQRFiles(t *testing.T) {
	qrFiles := func(t *testing.T, src string) (pages, codes map[string]bool) {
		t.Helper()
		outs, err := Outputs(os.DirFS(src))
		if err != nil {
			t.Fatal(err)
		}
		pages, codes = map[string]bool{}, map[string]bool{}
		for _, o := range outs {
			switch {
			case o.Page:
				pages[o.Path] = true
			case strings.Contains(o.Path, site.QRDir+"/"):
				codes[o.Path] = true
				if o.Deps == nil || len(o.Deps) > 0 {
					t.Errorf("%s depends on %v, want no measure", o.Path, o.Deps)
				}
			}
		}
		return pages, codes
	}
	t.Run("without a base_url", func(t *testing.T) {
		if _, codes := qrFiles(t, sourceTree(t, nil)); len(codes) > 0 {
			t.Errorf("%d QR codes, want none", len(codes))
		}
	})
	t.Run("with a base_url", func(t *testing.T) {
		pages, codes := qrFiles(t, sourceTree(t, map[string]string{"site.toml": withBaseURL(t, "https://www.example.gov.cn/nansha3/")}))
		for p := range pages {
			prefix, rel := "", p
			if after, ok := strings.CutPrefix(p, "zh-hans/"); ok {
				prefix, rel = "zh-hans/", after
			}
			code := prefix + site.QRPath(rel)
			if want := rel != site.NotFoundPath; codes[code] != want {
				t.Errorf("%s: QR code %s written %v, want %v", p, code, codes[code], want)
			}
			delete(codes, code)
		}
		for c := range codes {
			t.Errorf("%s is the code of no page", c)
		}
	})
}
