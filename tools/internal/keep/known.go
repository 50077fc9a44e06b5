package keep

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"
)

// Known is what a build knows of the site's files from where it already read
// or wrote them (the scan reads every page and stylesheet, the zip every other
// file): each one's hash and size, and its size and time on disk when it was
// read. The worker's list is made from it (Known.List), so keeping the pack
// reads no file of the site again. Safe for concurrent use.
type Known struct {
	mu    sync.Mutex
	files map[string]known
}

type known struct {
	File
	mtime time.Time // on disk when read; zero: written by the build, not checked
}

// Read records the bytes of a file of the site (rel: slash path) as read, with
// its time on disk taken just before it was read: a file changed since then is
// not listed with a stale hash (List fails instead).
func (k *Known) Read(rel string, b []byte, mtime time.Time) {
	k.add(known{File{Path: rel, Hash: Hash(b), Size: int64(len(b))}, mtime})
}

// Add records a file whose hash is already known (f.Size is its size on disk),
// read with its time on disk mtime.
func (k *Known) Add(f File, mtime time.Time) { k.add(known{f, mtime}) }

// Wrote records the bytes the build has just written to a file of the site.
func (k *Known) Wrote(rel string, b []byte) { k.Read(rel, b, time.Time{}) }

func (k *Known) add(f known) {
	k.mu.Lock()
	if k.files == nil {
		k.files = map[string]known{}
	}
	k.files[f.Path] = f
	k.mu.Unlock()
}

// List lists the files of the site folder the worker keeps (as Walk does), with
// the hashes k knows, reading none of them. A file k does not know, or changed
// on disk since it was read, is an error: the list would not be the site's.
func (k *Known) List(site, pack, version string) (List, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	l := List{Pack: pack, Version: version}
	var unread, changed []string
	err := walkListed(site, func(_, rel string, d fs.DirEntry) error {
		f, ok := k.files[rel]
		if !ok {
			unread = append(unread, rel)
			return nil
		}
		if !f.mtime.IsZero() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			if fi.Size() != f.Size || !fi.ModTime().Equal(f.mtime) {
				changed = append(changed, rel)
				return nil
			}
		}
		l.Files = append(l.Files, f.File)
		return nil
	})
	if err != nil {
		return l, err
	}
	sort.Slice(l.Files, func(i, j int) bool { return l.Files[i].Path < l.Files[j].Path })
	if err := stale("changed after the build read them", changed); err != nil {
		return l, err
	}
	return l, stale("that the build did not read", unread)
}

func stale(why string, files []string) error {
	if len(files) == 0 {
		return nil
	}
	sort.Strings(files)
	list := strings.Join(files[:min(len(files), 10)], ", ")
	if len(files) > 10 {
		list += fmt.Sprintf(" and %d more", len(files)-10)
	}
	n := fmt.Sprintf("%d files", len(files))
	if len(files) == 1 {
		n = "1 file"
	}
	return fmt.Errorf("%s: cannot list %s %s: %s\nhint: nothing was published; was the build's folder changed while it ran? Build again", Worker, n, why, list)
}
