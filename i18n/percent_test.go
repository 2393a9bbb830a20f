package i18n

import "testing"

func TestLocalizer_Percent(t *testing.T) {
	tests := []struct {
		code  string
		share float64
		want  string
	}{
		{"en", 0.4375, "44%"},
		{"en", 1, "100%"},
		{"en", 0, "0%"},
		{"de", 0.7, "70\u00a0%"},
		{"fr", 0.52, "52\u00a0%"},
		{"tr", 0.4, "%40"},
		{"ar", 0.4375, "٤٤٪\u061c"},
		{"fa", 0.4375, "۴۴٪"},
		{"hi", 0.7, "70%"},
		{"ja", 0.7, "70%"},
	}
	for _, tt := range tests {
		if got := New(tt.code).Percent(tt.share); got != tt.want {
			t.Errorf("%s Percent(%v) = %q, want %q", tt.code, tt.share, got, tt.want)
		}
	}
}
