#!/usr/bin/env bash
# check-app-deps.sh: fails when the members' app (the main package at the top
# of the module) links test code: Fyne's test driver or the testing package.
# Tools that need them (screenshots, bench, admin, calendar) are commands of
# their own under cmd/, so that they never ship to members. `make test` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

forbidden='fyne\.io/fyne/v2/test|testing'
deps=$(go list -deps .)
bad=$(grep -xE "$forbidden" <<<"$deps" || true)
if [ -z "$bad" ]; then
	echo "check-app-deps: the app links neither fyne.io/fyne/v2/test nor testing"
	exit 0
fi
{
	echo "check-app-deps: the members' app (go list -deps .) links test code:"
	for pkg in $bad; do
		# Who imports it, among the app's own dependencies.
		importers=$(go list -deps -f '{{.ImportPath}}{{range .Imports}} {{.}}{{end}}' . |
			awk -v p="$pkg" '{ for (i = 2; i <= NF; i++) if ($i == p) { print $1; break } }' | paste -sd ' ' -)
		echo "  $pkg, imported by: ${importers:-?}"
	done
	echo "Move the code that needs it into a command under cmd/ (or a _test.go file): the app binary must not link it."
} >&2
exit 1
