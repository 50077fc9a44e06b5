package build

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/guidepack/guidepack/tools/internal/htmlpage"
	"github.com/guidepack/guidepack/tools/internal/idle"
	"github.com/guidepack/guidepack/tools/internal/keep"
	"github.com/guidepack/guidepack/tools/internal/memtune"
	"github.com/guidepack/guidepack/tools/internal/offline"
	"github.com/guidepack/guidepack/tools/internal/pack"
	"github.com/guidepack/guidepack/tools/internal/parallel"
	"github.com/guidepack/guidepack/tools/internal/search"
)

// scanned is what the search index, the offline check and the zip take from the
// built pages and stylesheets. Each is read and tokenized once, for all three.
type scanned struct {
	search []search.Page         // every page, in path order
	check  []offline.File        // every page, then every stylesheet
	zip    map[string]pack.Entry // each page and stylesheet, compressed for the zip
	known  *keep.Known           // each page and stylesheet's hash, for keep (the zip adds the rest)
}

// scanner reads the built site. It can start while Hugo is still writing it
// (watch): it then reads each page Hugo has written, on idle cores only, and
// finish reads what is left (pages written since, or changed after it read
// them) on every core. Hugo runs in a child process and leaves part of both
// cores idle; the pages read in that time are read for free.
type scanner struct {
	dir  string
	mu   sync.Mutex
	done map[string]*scannedFile // slash path → what was read
	stop chan struct{}
	wg   sync.WaitGroup

	restoreGC func() // puts back the collector's setting of before watch
}

type scannedFile struct {
	size  int64
	mtime time.Time
	page  bool
	srch  search.Page
	check offline.File
	zip   pack.Entry
	hash  string // keep.Hash of its bytes
	err   error
}

func newScanner(dir string) *scanner {
	return &scanner{dir: dir, done: map[string]*scannedFile{}}
}

// watch starts reading pages as they appear, on idle cores. It does nothing
// where threads cannot be given idle priority.
func (s *scanner) watch() {
	if !idle.Works() {
		return
	}
	stop := make(chan struct{})
	s.stop = stop
	s.restoreGC = memtune.BesideHugo()
	work := make(chan string, 256)
	s.wg.Add(1)
	go func() { // list new files every 250 ms until stopped, on an idle thread too
		defer s.wg.Done()
		defer close(work)
		if !idle.Thread() {
			return
		}
		queued := map[string]bool{}
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			files, _ := s.list() // a folder Hugo is writing may come and go: finish lists again
			for _, rel := range files {
				if queued[rel] {
					continue
				}
				queued[rel] = true
				select {
				case work <- rel:
				case <-stop:
					return
				}
			}
		}
	}()
	for range runtime.GOMAXPROCS(0) {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			if !idle.Thread() {
				for range work {
				}
				return
			}
			for rel := range work {
				s.scan(rel)
			}
		}()
	}
}

// list returns the site's pages and stylesheets, as slash paths, sorted.
func (s *scanner) list() ([]string, error) {
	all, err := offline.List(s.dir)
	files := all[:0]
	for _, rel := range all {
		if offline.Reads(rel) {
			files = append(files, rel)
		}
	}
	return files, err
}

// scan reads one file. Its size and time are taken before it is read, so a file
// read while Hugo was still writing it differs from them afterwards, and finish
// reads it again.
func (s *scanner) scan(rel string) {
	name := filepath.Join(s.dir, filepath.FromSlash(rel))
	f := &scannedFile{}
	fi, err := os.Stat(name)
	var b []byte
	if err == nil {
		f.size, f.mtime = fi.Size(), fi.ModTime()
		b, err = os.ReadFile(name)
	}
	if err == nil {
		f.hash = keep.Hash(b)
	}
	switch {
	case err != nil:
		f.err = err
	case strings.HasSuffix(rel, ".css"):
		f.check = offline.ScanCSS(rel, b)
		f.zip = pack.Compress(b)
	case htmlpage.NoIndex(b): // search leaves it out: the check needs its tags only
		f.page = true
		f.check = offline.ScanPage(htmlpage.ParseTags(rel, b))
		f.zip = pack.Compress(b)
	default:
		p := htmlpage.Parse(rel, b)
		f.page = true
		f.srch = search.Prepare(p)
		f.check = offline.ScanPage(p)
		f.zip = pack.Compress(b)
	}
	s.mu.Lock()
	s.done[rel] = f
	s.mu.Unlock()
}

// abandon stops reading (the build failed).
func (s *scanner) abandon() {
	if s.stop != nil {
		close(s.stop)
		s.stop = nil
	}
	s.wg.Wait()
	if s.restoreGC != nil {
		s.restoreGC()
		s.restoreGC = nil
	}
}

// finish stops watching and reads every page and stylesheet not read yet, or
// changed since it was read, on every core; the largest first, so no core is
// left with one big page at the end.
func (s *scanner) finish() (*scanned, error) {
	s.abandon()
	var todo []string
	var sizes []int64
	all, err := s.list()
	if err != nil {
		return nil, err
	}
	for _, rel := range all {
		fi, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		if f := s.done[rel]; f != nil && f.err == nil && f.size == fi.Size() && f.mtime.Equal(fi.ModTime()) {
			continue
		}
		todo = append(todo, rel)
		sizes = append(sizes, fi.Size())
	}
	order := make([]int, len(todo))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return sizes[order[a]] > sizes[order[b]] })
	parallel.For(len(todo), func(k int) { s.scan(todo[order[k]]) })

	sc := &scanned{zip: make(map[string]pack.Entry, len(all)), known: &keep.Known{}}
	var sheets []offline.File
	var errs []error
	for _, rel := range all {
		f := s.done[rel]
		if f.err != nil {
			errs = append(errs, f.err)
			continue
		}
		sc.zip[rel] = f.zip
		sc.known.Add(keep.File{Path: rel, Hash: f.hash, Size: f.size}, f.mtime)
		if f.page {
			sc.search = append(sc.search, f.srch)
			sc.check = append(sc.check, f.check)
		} else {
			sheets = append(sheets, f.check)
		}
	}
	sc.check = append(sc.check, sheets...)
	s.done = nil
	return sc, errors.Join(errs...)
}
