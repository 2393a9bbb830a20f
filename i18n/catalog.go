package i18n

import (
	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// parseCatalog parses one message file in goi18n's TOML layout.
func parseCatalog(data []byte, path string) (*i18n.MessageFile, error) {
	return i18n.ParseMessageFileBytes(data, path, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
}
