package build

import (
	"bytes"
	"fmt"
	"strconv"

	qr "github.com/piglig/go-qr"
)

// qrQuiet is the light margin around a QR code, in modules: the four that
// ISO/IEC 18004 asks for, so that a reader finds the code on any page.
const qrQuiet = 4

// qrCode writes the QR code of the page's address (its canonical URL) as an
// SVG image, black on white, for 「掃一掃在手機打開當前頁」 on screen and
// on paper.
//
// github.com/piglig/go-qr encodes it: level M (15% of the code may be
// lost), the usual choice for a code on screen and paper, raised by the
// library where the address fits the same size anyway, and the mask chosen
// as ISO/IEC 18004 says, so that a phone reads it at a glance. The SVG is
// written here rather than by the library's renderer, which takes fifty
// times as long (it traces the outlines of the dark areas) and writes a
// larger file: one module is one unit of the viewBox, and each run of dark
// modules in a row is one stroke of a single path.
func qrCode(in formatInput, b *bytes.Buffer) error {
	addr := in.page.Canonical()
	code, err := qr.EncodeText(addr, qr.Medium)
	if err != nil {
		// content.Load keeps every address within what sitemaps allow,
		// well within what a code holds: this is a bug, not bad input.
		return fmt.Errorf("the QR code of %s: %w", addr, err)
	}
	writeQRSVG(b, code.Size(), code.Module)
	return nil
}

// writeQRSVG writes the SVG of a QR code of size×size modules, dark(x, y)
// telling the dark ones. crispEdges keeps the rows from showing seams
// where a screen scales the code by a fraction.
func writeQRSVG(b *bytes.Buffer, size int, dark func(x, y int) bool) {
	side := strconv.Itoa(size + 2*qrQuiet)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + side + " " + side + `" shape-rendering="crispEdges">`)
	b.WriteString(`<rect width="` + side + `" height="` + side + `" fill="#fff"/><path stroke="#000" d="`)
	var num [20]byte
	put := func(prefix byte, n int, suffix string) {
		b.WriteByte(prefix)
		b.Write(strconv.AppendInt(num[:0], int64(n), 10))
		b.WriteString(suffix)
	}
	for y := 0; y < size; y++ {
		end := -1 // where the row's last run ended; -1 before the first
		for x := 0; x < size; {
			if !dark(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < size && dark(x+run, y) {
				run++
			}
			if end < 0 {
				// The stroke is one module wide, centred on the row.
				put('M', x+qrQuiet, "")
				put(' ', y+qrQuiet, ".5")
			} else {
				put('m', x-end, " 0")
			}
			put('h', run, "")
			x += run
			end = x
		}
	}
	b.WriteString(`"/></svg>`)
}
