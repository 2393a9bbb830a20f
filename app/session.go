package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/regulars-app/regulars/auth"
	"github.com/regulars-app/regulars/config"
)

// sessionFile keeps the signed-in member's refresh token in the app's
// storage between launches, readable by the member's OS account alone
// (0600; on a phone the app's sandbox). The token never goes to a log or an
// error message: the file's errors name the file, not its content.
// The zero value keeps nothing.
type sessionFile struct{ path string }

// savedSession is the file's content: what Refresh needs, and who it was.
type savedSession struct {
	UID          string `json:"uid"`
	Email        string `json:"email"`
	RefreshToken string `json:"refreshToken"`
}

// newSessionFile names the session of cfg's project and community in dir,
// so that a developer's emulator and cloud sessions do not mix.
func newSessionFile(dir string, cfg config.Config) sessionFile {
	return sessionFile{path: filepath.Join(dir, "session-"+cfg.Project+"-"+cfg.Community+".json")}
}

// Load returns the saved session, with no ID token (Refresh gets one);
// ok is false when there is none.
func (f sessionFile) Load() (s auth.Session, ok bool, err error) {
	if f.path == "" {
		return auth.Session{}, false, nil
	}
	data, err := os.ReadFile(f.path)
	if errors.Is(err, os.ErrNotExist) {
		return auth.Session{}, false, nil
	}
	if err != nil {
		return auth.Session{}, false, fmt.Errorf("read the session: %w", err)
	}
	// A file others may read (copied in, or left by an older build) is
	// made the owner's alone before it is used.
	if info, err := os.Stat(f.path); err == nil && info.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(f.path, 0o600); err != nil {
			return auth.Session{}, false, fmt.Errorf("read the session: %w", err)
		}
	}
	var saved savedSession
	if err := json.Unmarshal(data, &saved); err != nil || saved.RefreshToken == "" {
		_ = os.Remove(f.path) // unusable: start signed out
		return auth.Session{}, false, nil
	}
	return auth.Session{UID: saved.UID, Email: saved.Email, RefreshToken: saved.RefreshToken}, true, nil
}

// Save keeps s's refresh token: written beside the file, then renamed over
// it, so that a crash leaves the old session or the new one.
func (f sessionFile) Save(s auth.Session) error {
	if f.path == "" {
		return nil
	}
	data, err := json.Marshal(savedSession{UID: s.UID, Email: s.Email, RefreshToken: s.RefreshToken})
	if err != nil {
		return err
	}
	dir := filepath.Dir(f.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("save the session: %w", err)
	}
	// MkdirAll leaves an existing folder as it is: Fyne makes the desktop's
	// app storage 0755, which shows other accounts the file's name and
	// time. The folder is the app's own: only its owner lists it.
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("save the session: %w", err)
	}
	tmp := f.path + ".new"
	_ = os.Remove(tmp)
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("save the session: %w", err)
	}
	if err := os.Rename(tmp, f.path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("save the session: %w", err)
	}
	return nil
}

// Remove forgets the session (sign out, account deleted).
func (f sessionFile) Remove() error {
	if f.path == "" {
		return nil
	}
	if err := os.Remove(f.path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove the session: %w", err)
	}
	return nil
}
