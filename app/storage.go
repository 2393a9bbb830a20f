package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
)

// storageDir is the folder of everything the app keeps (the local store,
// the session): Fyne's app storage, which is the app's sandbox on Android
// and iOS and ~/.config/fyne/<app ID> on a Linux desktop.
func storageDir(a fyne.App) (string, error) {
	root := a.Storage().RootURI()
	if root == nil || root.Scheme() != "file" {
		return "", fmt.Errorf("app storage %v is not a folder", root)
	}
	if err := os.MkdirAll(root.Path(), 0o700); err != nil {
		return "", fmt.Errorf("app storage: %w", err)
	}
	return root.Path(), nil
}

// storeFile is the local store's file name in the storage folder.
const storeFile = "community.db"

// legacyStorePaths are where desktop builds before Fyne's app storage kept
// the local store (under os.UserConfigDir; the second is the name the
// module's rename gave that folder for a while).
func legacyStorePaths(appID string) []string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return nil
	}
	base := filepath.Base(appID)
	return []string{
		filepath.Join(dir, "regulars", base, storeFile),
		filepath.Join(dir, "github.com", "regulars-app", "regulars", base, storeFile),
	}
}

// moveLegacy moves the first existing file of from to dst, once: when dst
// does not exist yet. It renames, or copies and removes across file systems.
// It reports the file it moved ("" when none).
func moveLegacy(dst string, from []string) (string, error) {
	if _, err := os.Stat(dst); err == nil || !errors.Is(err, os.ErrNotExist) {
		return "", nil // already there (or unreadable: leave everything alone)
	}
	for _, src := range from {
		if _, err := os.Stat(src); err != nil {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			return "", err
		}
		if err := os.Rename(src, dst); err == nil {
			return src, nil
		}
		if err := copyFile(src, dst); err != nil {
			_ = os.Remove(dst)
			return "", fmt.Errorf("move %s to app storage: %w", src, err)
		}
		_ = os.Remove(src)
		return src, nil
	}
	return "", nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst+".moving", os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Rename(dst+".moving", dst)
}
