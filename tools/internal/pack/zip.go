// Package pack writes a built site as a reproducible zip: one top folder, sorted
// entries, fixed times, plain lower-case names, so the same sources give the same bytes.
package pack

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
)

// Epoch is the modification time of every entry (the zip format cannot say 1970).
var Epoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Options say what goes in the zip.
type Options struct {
	Top    string            // the one top folder, e.g. "social-media-guidance-1.0.0"
	Extra  map[string][]byte // more files under Top (e.g. README.txt), by slash path
	Skip   func(rel string) bool
	Writer io.Writer
	// Ready holds files already read and compressed (by Compress), by slash
	// path under dir: a build that reads every page anyway compresses it then,
	// so the zip need not read it again. They must still be in dir as they were.
	Ready map[string]Entry
	// Read, when set, is told the bytes of each file Write reads from dir
	// (not those in Ready or Extra), with the file's time on disk from just
	// before the read; from every core at once.
	Read func(rel string, raw []byte, mtime time.Time)
}

// Write zips the site in dir. Files are compressed in parallel (one worker per
// CPU) and written in sorted order.
func Write(dir string, o Options) error {
	files := map[string][]byte{}
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if o.Skip != nil && o.Skip(rel) {
			return nil
		}
		if rel != strings.ToLower(rel) || strings.ContainsAny(rel, " \\:*?\"<>|") {
			return fmt.Errorf("pack: %q: file names in the pack must be plain lower-case (no spaces or capitals), so they work on every system", rel)
		}
		names = append(names, rel)
		return nil
	})
	if err != nil {
		return err
	}
	for name, b := range o.Extra {
		files[name] = b
		names = append(names, name)
	}
	sort.Strings(names)

	// Compress on every core, a bounded window ahead of the writer, which writes
	// the entries in sorted order as they are ready: memory stays flat however
	// large the pack.
	results := make([]chan Entry, len(names))
	for i := range results {
		results[i] = make(chan Entry, 1)
	}
	window := make(chan struct{}, 8*runtime.GOMAXPROCS(0))
	jobs := make(chan int)
	go func() {
		for i := range names {
			window <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		go func() {
			for i := range jobs {
				if e, ok := o.Ready[names[i]]; ok {
					results[i] <- e
					continue
				}
				raw, ok := files[names[i]]
				if !ok {
					var err error
					raw, err = read(dir, names[i], o.Read)
					if err != nil {
						results[i] <- Entry{err: err}
						continue
					}
				}
				results[i] <- Compress(raw)
			}
		}()
	}
	zw := zip.NewWriter(o.Writer)
	var firstErr error
	for i, name := range names {
		e := <-results[i]
		<-window
		if firstErr != nil {
			continue // drain the workers
		}
		if e.err != nil {
			firstErr = e.err
			continue
		}
		h := &zip.FileHeader{
			Name:               path.Join(o.Top, name),
			Method:             e.method,
			CRC32:              e.crc,
			CompressedSize64:   uint64(len(e.data)),
			UncompressedSize64: e.size,
			Modified:           Epoch,
			// CreateRaw writes the MS-DOS date as given: 1 January 1980, 00:00.
			// Modified alone would not set it (CreateRaw skips that conversion).
			//lint:ignore SA1019 the raw MS-DOS field is the point: fixed bytes.
			ModifiedDate: 1<<5 | 1,
		}
		h.SetMode(0o644)
		w, err := zw.CreateRaw(h)
		if err == nil {
			_, err = w.Write(e.data)
		}
		if err != nil {
			firstErr = err
		}
	}
	if firstErr != nil {
		return firstErr
	}
	return zw.Close()
}

// read reads the file rel of dir, and tells seen (when set) its bytes and time.
func read(dir, rel string, seen func(string, []byte, time.Time)) ([]byte, error) {
	name := filepath.Join(dir, filepath.FromSlash(rel))
	if seen == nil {
		return os.ReadFile(name)
	}
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(name)
	if err == nil {
		seen(rel, raw, fi.ModTime())
	}
	return raw, err
}

// Entry is one compressed file, ready to write raw into the zip.
type Entry struct {
	data   []byte // compressed (or stored, when that is smaller)
	crc    uint32
	size   uint64
	method uint16
	err    error
}

// writers are reused: a deflate writer holds large tables, and making one per
// file costs more time and garbage than the compressing.
var writers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, 5) // klauspost/compress: level 5 is fast, and near the best ratio
	return w
}}

// Compress compresses one file's bytes as Write does (for Options.Ready). Safe
// on every core.
func Compress(raw []byte) (e Entry) {
	var buf bytes.Buffer
	buf.Grow(len(raw)/3 + 512) // HTML deflates to a fifth or so: one allocation, little slack
	fw := writers.Get().(*flate.Writer)
	fw.Reset(&buf)
	fw.Write(raw)
	fw.Close()
	writers.Put(fw)
	e.crc = crc(raw)
	e.size = uint64(len(raw))
	if buf.Len() < len(raw) {
		e.data, e.method = buf.Bytes(), zip.Deflate
	} else {
		e.data, e.method = raw, zip.Store
	}
	return e
}
