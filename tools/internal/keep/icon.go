package keep

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"regexp"
	"sort"
	"strconv"
)

// book is the book icon of layouts/_partials/icon.html (a 24×24 SVG path; a
// test checks the two agree), drawn on the pack's brand colour.
const book = "M1.5 5.5C4.5 4 8.5 4 11.25 6v14C8.5 18.2 4.5 18.2 1.5 19.5zM22.5 5.5C19.5 4 15.5 4 12.75 6v14c2.75-1.8 6.75-1.8 9.75-.5zM3.5 8.6v1.5c2-.6 4-.6 5.75.2V8.8C7.5 8 5.5 8 3.5 8.6zM20.5 8.6v1.5c-2-.6-4-.6-5.75.2V8.8c1.75-.8 3.75-.8 5.75-.2z"

// BookPath is the path the icons draw, for the test that compares it with the page icon.
func BookPath() string { return book }

// Icon draws the pack's icon, size × size pixels, as PNG: the book in fg on bg.
// A maskable icon keeps the book inside the middle 60 % (the safe zone a phone's
// mask never cuts); the other fills 75 %. The same arguments give the same bytes.
func Icon(size int, maskable bool, bg, fg color.RGBA) []byte {
	part := 0.75
	if maskable {
		part = 0.6
	}
	scale := float64(size) * part / 24
	off := (float64(size) - 24*scale) / 2
	var edges [][4]float64 // x0, y0, x1, y1 in pixels
	for _, poly := range flatten(book) {
		for i := range poly {
			a, b := poly[i], poly[(i+1)%len(poly)]
			edges = append(edges, [4]float64{a[0]*scale + off, a[1]*scale + off, b[0]*scale + off, b[1]*scale + off})
		}
	}
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	cover := make([]float64, size)
	const sub = 4 // rows of samples a pixel
	for y := range size {
		clear(cover)
		for s := range sub {
			sy := float64(y) + (float64(s)+0.5)/sub
			var xs []float64
			for _, e := range edges {
				if (e[1] <= sy) != (e[3] <= sy) {
					xs = append(xs, e[0]+(sy-e[1])*(e[2]-e[0])/(e[3]-e[1]))
				}
			}
			sort.Float64s(xs)
			for i := 0; i+1 < len(xs); i += 2 { // even-odd: the page lines are holes
				span(cover, xs[i], xs[i+1], 1.0/sub)
			}
		}
		for x := range size {
			c := min(cover[x], 1)
			mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-c) + float64(b)*c)) }
			img.SetRGBA(x, y, color.RGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), 255})
		}
	}
	var b bytes.Buffer
	(&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img) // into memory: cannot fail
	return b.Bytes()
}

// span adds w times the part of each pixel that [x0, x1) covers.
func span(cover []float64, x0, x1, w float64) {
	x0, x1 = max(x0, 0), min(x1, float64(len(cover)))
	for x := int(x0); x < len(cover) && float64(x) < x1; x++ {
		l, r := max(x0, float64(x)), min(x1, float64(x+1))
		if r > l {
			cover[x] += (r - l) * w
		}
	}
}

var pathToken = regexp.MustCompile(`[MmCcVvHhLlZz]|-?(?:\d+\.?\d*|\.\d+)`)

// flatten turns an SVG path of M, L, H, V, C and Z commands (absolute or
// relative) into polygons, each curve as 16 straight pieces.
func flatten(d string) [][][2]float64 {
	toks := pathToken.FindAllString(d, -1)
	var polys [][][2]float64
	var cur [][2]float64
	var x, y float64
	cmd := ""
	num := func(i *int) float64 {
		v, err := strconv.ParseFloat(toks[*i], 64)
		if err != nil {
			panic(fmt.Sprintf("icon path: %q is not a number", toks[*i])) // a constant of this file
		}
		*i++
		return v
	}
	for i := 0; i < len(toks); {
		if c := toks[i]; c[0] >= 'A' {
			cmd = c
			i++
			if cmd == "Z" || cmd == "z" {
				polys = append(polys, cur)
				cur = nil
				continue
			}
		}
		rel := cmd[0] >= 'a'
		bx, by := 0.0, 0.0
		if rel {
			bx, by = x, y
		}
		switch cmd {
		case "M", "m", "L", "l":
			x, y = bx+num(&i), by+num(&i)
		case "H", "h":
			x = bx + num(&i)
		case "V", "v":
			y = by + num(&i)
		case "C", "c":
			x0, y0 := x, y
			x1, y1 := bx+num(&i), by+num(&i)
			x2, y2 := bx+num(&i), by+num(&i)
			x, y = bx+num(&i), by+num(&i)
			for k := 1; k < 16; k++ {
				t := float64(k) / 16
				u := 1 - t
				cur = append(cur, [2]float64{
					u*u*u*x0 + 3*u*u*t*x1 + 3*u*t*t*x2 + t*t*t*x,
					u*u*u*y0 + 3*u*u*t*y1 + 3*u*t*t*y2 + t*t*t*y,
				})
			}
		}
		cur = append(cur, [2]float64{x, y})
	}
	return polys
}
