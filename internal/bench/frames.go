package bench

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The start measurements read the virtual display's framebuffer from
// outside the program under test: Xvfb started with -fbdir keeps its screen
// as an XWD file it updates in place (memory-mapped), so polling that file
// sees every frame the X server has been given, without asking the program
// or the server anything.

// frame is a coarse picture of the screen: the mean of each 8x8 block.
type frame struct {
	at    time.Duration // since the program's exec, when the read ended
	cells []byte
}

const cell = 8

// screenFile is the framebuffer file of screen 0 of a display started with -fbdir dir.
func screenFile(dir string) string { return filepath.Join(dir, "Xvfb_screen0") }

// readFrame reads the XWD framebuffer at path into a frame.
func readFrame(path string) (frame, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return frame{}, err
	}
	if len(data) < 100 {
		return frame{}, errors.New("xwd: short header")
	}
	h := func(i int) int { return int(binary.BigEndian.Uint32(data[4*i:])) }
	headerSize, width, height := h(0), h(4), h(5)
	bpp, bytesPerLine, ncolors := h(11), h(12), h(19)
	if bpp != 32 {
		return frame{}, fmt.Errorf("xwd: %d bits per pixel, want 32", bpp)
	}
	off := headerSize + 12*ncolors
	if off+height*bytesPerLine > len(data) {
		return frame{}, errors.New("xwd: short image")
	}
	cw, ch := width/cell, height/cell
	cells := make([]byte, cw*ch)
	for cy := range ch {
		for cx := range cw {
			sum := 0
			// Every other pixel of every other row: the reader shares the
			// CPU with the program it watches.
			for y := cy * cell; y < (cy+1)*cell; y += 2 {
				row := data[off+y*bytesPerLine:]
				for x := cx * cell; x < (cx+1)*cell; x += 2 {
					p := row[4*x:]
					sum += int(p[0]) + int(p[1]) + int(p[2])
				}
			}
			cells[cy*cw+cx] = byte(sum / (3 * cell * cell / 4))
		}
	}
	return frame{cells: cells}, nil
}

// same reports whether two frames show the same picture: at least 99.5 % of
// their blocks within 2 levels of each other.
func same(a, b frame) bool {
	if len(a.cells) != len(b.cells) || len(a.cells) == 0 {
		return false
	}
	off := 0
	for i := range a.cells {
		d := int(a.cells[i]) - int(b.cells[i])
		if d > 2 || d < -2 {
			off++
		}
	}
	return off*200 <= len(a.cells)
}

// blank reports whether a frame is one flat colour (nothing painted yet).
func blank(f frame) bool {
	for _, c := range f.cells {
		if c != f.cells[0] {
			return false
		}
	}
	return true
}

// firstFinal returns the time of the first frame from which on every frame
// shows what the last one shows: the first frame with the content the
// program settled on.
func firstFinal(frames []frame) (time.Duration, bool) {
	if len(frames) == 0 {
		return 0, false
	}
	last := frames[len(frames)-1]
	if blank(last) {
		return 0, false
	}
	i := len(frames) - 1
	for i > 0 && same(frames[i-1], last) {
		i--
	}
	return frames[i].at, true
}
