# Regulars: developer and CI entry points.
#
#   make run              the app on the embedded demo community
#   make test             the app's dependency check, go vet, staticcheck, every test
#                         (with the Firestore and Auth emulators)
#   make vet              go vet and staticcheck only
#   make test-firestore   only the packages that talk to the emulators
#   make fuzz             every fuzz target for $(FUZZTIME) each
#   make bench            every benchmark; results.json, docs/performance.md and the README table from them
#   make screenshots      PNGs of every screen in $(LANGS) into $(OUT)
#   make i18n             extract new messages, write translate.*.toml for what is missing
#   make i18n-apply       fold translated translate.*.toml back into active.*.toml
#   make run-cloud-demo   owner and member windows synced through local emulators
#   make package          Linux archive + Windows .exe in dist/, the .exe checked under Wine
#
# `make deps` installs what the targets need and does nothing when it is there.
# The Go tests start the emulators themselves (internal/emulators); the Firestore
# emulator comes from the Debian package google-cloud-cli-firestore-emulator,
# which cannot be installed from here, so deps only warns when it is missing.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Debian packages: headers Fyne's cgo build needs (GL, X11), a virtual display,
# ImageMagick and fonts for screenshots (Noto core covers Arabic, Persian and Hebrew,
# Urdu Nastaliq and Naskh, Devanagari; Noto CJK covers ja, ko, zh).
APT_PACKAGES := libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev xvfb imagemagick \
	fonts-noto-core fonts-noto-cjk pkg-config
# make package only: the Windows cross-compiler and Wine to start its output.
PACKAGE_APT := gcc-mingw-w64-x86-64 wine wine64 xdotool x11-utils

# sudo only when we are not already root (CI and these machines run as root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Packages whose tests reach Firestore or Auth (their TestMain calls
# emulators.Main). Directories that do not exist are left out, so the list can
# name packages before they are written.
FIRESTORE_DIRS := community/firestore internal/emulators auth admin cmd/calendar config deploy/firebase/rulestest app
FIRESTORE_PKGS = $(foreach d,$(FIRESTORE_DIRS),$(if $(wildcard $(d)),./$(d)/...))

TEST_TIMEOUT := 25m
FUZZTIME ?= 20s
FUZZ_PKGS ?= ./...
OUT ?= docs/screenshots
LANGS ?= en,ar

I18N_DIR := i18n/locales
GOI18N := go run github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0
# staticcheck, pinned; `go run pkg@version` keeps its dependencies out of the
# app's go.mod. Its first run builds it and analyses every dependency: about
# 100 s of CPU on top of a cold go vet (see docs/architecture.md, "Checks").
STATICCHECK := go run honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: help deps deps-apt deps-npm run test vet app-deps test-firestore bench fuzz \
	screenshots i18n i18n-apply run-cloud-demo package

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

deps: deps-apt deps-npm ## install what is missing (idempotent)
	@dpkg -s google-cloud-cli-firestore-emulator >/dev/null 2>&1 || \
		echo "warning: google-cloud-cli-firestore-emulator is not installed: the Firestore tests will fail" >&2

deps-apt:
	@missing=(); \
	for p in $(APT_PACKAGES); do \
		dpkg -s "$$p" >/dev/null 2>&1 || missing+=("$$p"); \
	done; \
	if (( $${#missing[@]} )); then \
		echo "apt-get install: $${missing[*]}"; \
		$(SUDO) apt-get update -q; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$${missing[@]}"; \
	fi

# firebase-tools, pinned in package-lock.json, for the Auth emulator. No install
# scripts: the only ones are protobufjs's version check and re2's native build
# (an optional dependency the Auth emulator does not use), which would try to
# download a prebuilt binary.
deps-npm:
	@if [ ! -x node_modules/.bin/firebase ]; then \
		echo "npm ci (firebase-tools)"; \
		npm ci --ignore-scripts --no-audit --no-fund; \
	fi

run: deps ## run the app (local mode, demo community)
	go run .

vet: deps ## go vet and staticcheck over ./...
	go vet ./...
	$(STATICCHECK) ./...

# The members' app must not link test code (tools live under cmd/).
app-deps: ## fail if the app binary links fyne.io/fyne/v2/test or testing
	scripts/check-app-deps.sh

# The gallery's tests (cmd/screenshots: every screen drawn in many languages
# and both themes, checked for bidi order, contrast and touch targets) run on
# one goroutine: the race detector finds nothing there and makes them take
# over 15 minutes, so they run without it, after the rest. (The list is made
# in the recipe, whose shell fails on a failed `go list`: an empty list would
# test nothing.)
test: deps app-deps vet ## the app's dependency check, go vet, staticcheck, then every test (with the race detector, but the gallery's)
	pkgs=$$(go list ./... | grep -v '/cmd/screenshots$$'); \
	echo "go test -race -timeout $(TEST_TIMEOUT) ($$(wc -w <<<"$$pkgs") packages: all but cmd/screenshots)"; \
	go test -race -timeout $(TEST_TIMEOUT) $$pkgs
	go test -timeout $(TEST_TIMEOUT) ./cmd/screenshots/

test-firestore: deps ## tests of the Firestore store, the emulators and auth
	@pkgs="$(FIRESTORE_PKGS)"; \
	if [ -z "$$pkgs" ]; then echo "none of $(FIRESTORE_DIRS) exists yet" >&2; exit 1; fi; \
	echo go test -race -timeout $(TEST_TIMEOUT) $$pkgs; \
	go test -race -timeout $(TEST_TIMEOUT) $$pkgs

bench: deps ## measure on the Firestore emulator, the embedded store and Xvfb; writes internal/bench/results.json, docs/performance.md, the README table
	@command -v xwininfo >/dev/null || { echo "apt-get install: x11-utils (xwininfo)"; $(SUDO) apt-get update -q; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends x11-utils; }
	@dpkg -s google-cloud-cli-firestore-emulator >/dev/null 2>&1 || { echo "bench: the Firestore emulator (Debian package" \
		"google-cloud-cli-firestore-emulator) is not installed and cannot be installed from here" >&2; exit 1; }
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; go build -o "$$tmp/bench" ./cmd/bench && "$$tmp/bench" $(BENCH_FLAGS)

# go test -list prints a package's matching names, then "ok <package> <time>";
# each fuzz target must run alone, with its own package. Every target runs even
# after a failure; Go saves a failing input under the package's testdata/fuzz/.
fuzz: deps ## every Fuzz* target for FUZZTIME (default 20s) each, in FUZZ_PKGS
	@go test -list '^Fuzz' $(FUZZ_PKGS) | \
	awk '/^Fuzz/ { f[n++] = $$1; next } /^ok/ { for (i = 0; i < n; i++) print $$2, f[i]; n = 0 }' | \
	{ failed=(); \
	while read -r pkg fn; do \
		echo "== $$pkg $$fn"; \
		go test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) "$$pkg" </dev/null || failed+=("$$pkg.$$fn"); \
	done; \
	if (( $${#failed[@]} )); then echo "fuzz failures: $${failed[*]}" >&2; exit 1; fi; }

screenshots: deps ## PNG of every screen: OUT=docs/screenshots LANGS=en,ar
	go run ./cmd/screenshots -out $(OUT) -langs $(LANGS)

# goi18n extract only finds messages written as i18n.Message literals in Go; the
# catalog itself is hand-written in $(I18N_DIR)/active.en.toml. Extracting into
# a scratch file and merging it with the catalog adds new messages and never
# drops hand-written ones (a plain extract would overwrite active.en.toml).
# merge rewrites active.*.toml in goi18n's form (sorted, with hashes) and writes
# translate.<lang>.toml for each language missing or outdated messages.
i18n: ## extract messages, write translate.*.toml for what is missing
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(GOI18N) extract -sourceLanguage en -format toml -outdir "$$tmp" .; \
	mv "$$tmp/active.en.toml" "$$tmp/extracted.en.toml"; \
	$(GOI18N) merge -sourceLanguage en -format toml -outdir $(I18N_DIR) \
		"$$tmp/extracted.en.toml" $(I18N_DIR)/active.*.toml; \
	ls $(I18N_DIR)/translate.*.toml 2>/dev/null || echo "every language has every message"

i18n-apply: ## merge translated translate.*.toml into active.*.toml
	@if ! ls $(I18N_DIR)/translate.*.toml >/dev/null 2>&1; then echo "no translate.*.toml to apply"; exit 0; fi; \
	$(GOI18N) merge -sourceLanguage en -format toml -outdir $(I18N_DIR) \
		$(I18N_DIR)/active.*.toml $(I18N_DIR)/translate.*.toml; \
	rm -f $(I18N_DIR)/translate.*.toml

run-cloud-demo: deps ## owner + member windows on the Firestore and Auth emulators
	scripts/cloud-demo.sh

# A café's app: the fyne tool (pinned) packages FyneApp.toml's [Release]
# settings into the binaries, with CAFE_* over them (see docs/deploy.md):
#   make package CAFE_PROJECT=lumen-prod CAFE_API_KEY=AIza... CAFE_COMMUNITY=cafe-lumen
# Without them the packages open the local demo community. The Windows build
# is cross-compiled with mingw-w64, then started under Wine on Xvfb and its
# window saved as docs/screenshots/package-windows-wine.png.
# Installed into dist/.tools first: `go run` would build the tool itself with
# the Windows cross-compiler of CC.
FYNE_VERSION := v1.7.4
FYNE_TOOL := dist/.tools/fyne
CAFE_METADATA = $(if $(CAFE_PROJECT),-metadata project=$(CAFE_PROJECT)) \
	$(if $(CAFE_API_KEY),-metadata api_key=$(CAFE_API_KEY)) \
	$(if $(CAFE_COMMUNITY),-metadata community=$(CAFE_COMMUNITY))

package: deps ## Linux archive and Windows .exe in dist/ (fyne tool, mingw-w64), the .exe checked under Wine
	@missing=(); for p in $(PACKAGE_APT); do dpkg -s "$$p" >/dev/null 2>&1 || missing+=("$$p"); done; \
	if (( $${#missing[@]} )); then echo "apt-get install: $${missing[*]}"; $(SUDO) apt-get update -q; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$${missing[@]}"; fi
	mkdir -p dist
	GOBIN=$(CURDIR)/dist/.tools go install fyne.io/tools/cmd/fyne@$(FYNE_VERSION)
	@# fyne package rewrites FyneApp.toml (build number + 1, comments dropped):
	@# the committed file is put back however the packaging ends.
	cp FyneApp.toml dist/.FyneApp.toml; trap 'cp dist/.FyneApp.toml FyneApp.toml' EXIT; set -e; \
	$(FYNE_TOOL) package -os linux -release $(CAFE_METADATA); \
	mv -f Regulars.tar.xz dist/; \
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(FYNE_TOOL) package -os windows -release $(CAFE_METADATA); \
	mv -f Regulars.exe dist/
	scripts/wine-check.sh dist/Regulars.exe docs/screenshots/package-windows-wine.png
