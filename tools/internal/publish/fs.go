package publish

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/guidepack/guidepack/tools/internal/parallel"
)

// FS is every change Publish and Recover make to the file system, one method a
// step, so a test can stop them after any step (as a crash would) and check
// what Recover makes of it. Reads go to the os package directly.
type FS interface {
	Rename(from, to string) error
	RemoveAll(path string) error
	MkdirAll(path string) error
	CopyFile(from, to string) error
	WriteFile(path string, b []byte) error // whole or not at all, on disk when it returns
	SyncTree(path string) error            // a file or folder and all it holds, on disk
	SyncDir(path string) error             // a folder's entries (renames in it), on disk
}

// OS is the real file system.
var OS FS = osFS{}

type osFS struct{}

func (osFS) Rename(from, to string) error { return os.Rename(from, to) }
func (osFS) RemoveAll(path string) error  { return os.RemoveAll(path) }
func (osFS) MkdirAll(path string) error   { return os.MkdirAll(path, 0o755) }

func (osFS) CopyFile(from, to string) error { return CopyFile(from, to) }

// CopyFile copies the file from to the file to (created or truncated).
func CopyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func (osFS) WriteFile(path string, b []byte) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if serr := f.Sync(); err == nil {
		err = serr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(path))
}

func (osFS) SyncDir(path string) error { return syncDir(path) }

func (osFS) SyncTree(path string) error {
	if syncFS(path) == nil {
		return nil
	}
	var paths []string
	err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	errs := make([]error, len(paths))
	parallel.For(len(paths), func(i int) { errs[i] = syncFile(paths[i]) })
	return errors.Join(errs...)
}

func syncFile(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir syncs a folder's entries. Windows cannot open a folder to sync it
// (and its renames are on disk when they return).
func syncDir(p string) error {
	err := syncFile(p)
	if err != nil && isWindows {
		return nil
	}
	return err
}

// move renames from to to, or, across file systems, copies it (every file a
// step of fsys) and removes from.
func move(fsys FS, from, to string) error {
	err := fsys.Rename(from, to)
	var le *os.LinkError
	if err == nil || !errors.As(err, &le) || !crossDevice(le.Err) {
		return err
	}
	err = filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return fsys.MkdirAll(dst)
		}
		return fsys.CopyFile(p, dst)
	})
	if err != nil {
		return err
	}
	return fsys.RemoveAll(from)
}
