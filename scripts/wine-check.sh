#!/usr/bin/env bash
# wine-check.sh EXE PNG: starts a Windows build under Wine on a virtual X
# display of its own, waits for its window, saves a screenshot of the screen
# to PNG and fails when no window of the app appeared or Wine reported a
# crash. A fresh Wine prefix each time: no state from an earlier run.
set -euo pipefail
exe=$(realpath "$1")
png=$2
tmp=$(mktemp -d)
xvfb_pid="" wine_pid=""
cleanup() {
	[[ -n $wine_pid ]] && kill "$wine_pid" 2>/dev/null || true
	[[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
	WINEPREFIX=$tmp/prefix wineserver -k 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

# A free display number.
for n in $(seq 70 120); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || break; done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

export WINEPREFIX=$tmp/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot -i >"$tmp/wineboot.log" 2>&1 || true
# Wine 8 has no bcryptprimitives.dll, which the Go runtime loads at start
# (Windows 10 and later have it): a shim built from scripts/wine/ goes into
# this throwaway prefix only.
sys32=$WINEPREFIX/drive_c/windows/system32
if [[ ! -e $sys32/bcryptprimitives.dll ]]; then
	src=$(dirname "$(realpath "$0")")/wine
	x86_64-w64-mingw32-gcc -O2 -shared -o "$sys32/bcryptprimitives.dll" \
		"$src/bcryptprimitives.c" "$src/bcryptprimitives.def" -ladvapi32
	echo "wine-check: $(wine --version) lacks bcryptprimitives.dll; using the shim of scripts/wine/"
fi
wine "$exe" >"$tmp/wine.log" 2>&1 &
wine_pid=$!

# Wait for the app's window (its title is the app's name), then let it draw.
found=""
for _ in $(seq 120); do
	if ! kill -0 "$wine_pid" 2>/dev/null; then break; fi
	if xdotool search --name 'Regulars|Lumen|Café' >/dev/null 2>&1; then found=1; break; fi
	sleep 1
done
if [[ -z $found ]]; then
	echo "wine-check: no window of $exe appeared; wine said:" >&2
	tail -40 "$tmp/wine.log" >&2
	exit 1
fi
# The first start seeds the demo community (slow under Wine): wait until the
# screen stops changing (loading animations move), at most 3 minutes.
mkdir -p "$(dirname "$png")"
import -window root "$tmp/a.png"
for _ in $(seq 60); do
	sleep 3
	import -window root "$tmp/b.png"
	if [[ $(compare -metric AE "$tmp/a.png" "$tmp/b.png" null: 2>&1) == 0 ]]; then break; fi
	mv "$tmp/b.png" "$tmp/a.png"
done
cp "$tmp/b.png" "$png"
if grep -qiE 'unhandled exception|panic:|fatal error' "$tmp/wine.log"; then
	echo "wine-check: the app failed under Wine:" >&2
	tail -40 "$tmp/wine.log" >&2
	exit 1
fi
echo "wine-check: $exe showed its window; screenshot in $png"
