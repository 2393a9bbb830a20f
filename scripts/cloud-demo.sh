#!/usr/bin/env bash
# cloud-demo.sh: the owner's and a member's windows side by side, synced through
# Cloud Firestore and signed in through Firebase Auth, both emulated on loopback.
# No Google account, no network. Run it as `make run-cloud-demo`.
#
# It starts
#   - the Cloud Firestore emulator: java and the jar of the Debian package
#     google-cloud-cli-firestore-emulator (or $REGULARS_FIRESTORE_EMULATOR_JAR),
#     on 127.0.0.1:$FIRESTORE_PORT (8080), enforcing deploy/firebase/firestore.rules;
#   - the Firebase Auth emulator: node_modules/.bin/firebase (`npm ci`) with
#     deploy/firebase/firebase.json (auth on 127.0.0.1:9099, hub 4400, logging 4500);
# builds the app once (so that the windows are the app's processes, not `go run`
# wrappers that outlive a kill), then runs
#   regulars admin seed            once, as administrator
#   regulars -profile owner        window 1, cloud mode
#   regulars -profile member       window 2, cloud mode
# and stops the emulators when both windows are closed, or on Ctrl-C.
#
# What it expects of the app (written elsewhere; this script only sets the stage):
#   - cloud mode is chosen by REGULARS_BACKEND=firestore and configured by
#       REGULARS_PROJECT_ID           the Firebase project: demo-regulars
#       REGULARS_FIRESTORE_EMULATOR   host:port of Firestore. The app connects with
#                                     option.WithEndpoint, insecure gRPC and the
#                                     member's ID token as a per-RPC credential, so
#                                     that the security rules apply
#       REGULARS_AUTH_EMULATOR        host:port serving the Identity Toolkit REST API
#                                     (http://HOST/identitytoolkit.googleapis.com/v1/...)
#   - `admin seed` creates the demo community in Firestore, creates the demo
#     accounts in Auth and grants the owner their role. It runs with the Admin
#     SDK's variables set as well, FIRESTORE_EMULATOR_HOST and
#     FIREBASE_AUTH_EMULATOR_HOST, with which the Go Firestore client is an
#     administrator (rules do not apply); the windows never get those two.
#   - `-profile owner|member` signs in as the demo account `admin seed` made for
#     that profile.
#
# Environment: FIRESTORE_PORT (8080); REGULARS_FIRESTORE_EMULATOR_JAR; JAVA_HOME;
# REGULARS_DEMO_BIN, an app binary to run instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

project=demo-regulars
fs_port=${FIRESTORE_PORT:-8080}
auth_port=9099 # deploy/firebase/firebase.json
fs_host=127.0.0.1:$fs_port
auth_host=127.0.0.1:$auth_port

die() { echo "cloud-demo: $*" >&2; exit 1; }

# --- what it needs -----------------------------------------------------------
java=java
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java=$JAVA_HOME/bin/java
command -v "$java" >/dev/null || die "java not found: sudo apt-get install -y openjdk-17-jre-headless"
command -v curl >/dev/null || die "curl not found: sudo apt-get install -y curl"

jar=${REGULARS_FIRESTORE_EMULATOR_JAR:-}
if [ -z "$jar" ]; then
	jar=$(dpkg -L google-cloud-cli-firestore-emulator 2>/dev/null | grep 'emulator.jar$' | head -n 1 || true)
fi
if [ -z "$jar" ]; then
	jar=/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar
fi
[ -f "$jar" ] || die "Firestore emulator jar not found: install the Debian package google-cloud-cli-firestore-emulator, or set REGULARS_FIRESTORE_EMULATOR_JAR"
[ -x node_modules/.bin/firebase ] || die "node_modules/.bin/firebase missing: run \`npm ci\` (or make deps)"

for port in "$fs_port" "$auth_port" 4400 4500; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		die "port $port is in use (another emulator or demo still running?)"
	fi
done

# --- start the emulators -----------------------------------------------------
tmp=$(mktemp -d)
pids=() # process groups of the emulators
apps=() # the app's processes
cleanup() {
	local pid
	for pid in "${apps[@]}"; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
	done
	sleep 1
	for pid in "${pids[@]}"; do
		kill -KILL -- "-$pid" 2>/dev/null || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Each emulator leads its own process group, so that cleanup ends all of it.
# java runs directly: killing the gcloud wrapper script would leave java running.
setsid "$java" -Xmx512m -Duser.language=en -cp "$jar" \
	com.google.cloud.datastore.emulator.firestore.CloudFirestore start \
	--host=127.0.0.1 --port="$fs_port" --rules="$root/deploy/firebase/firestore.rules" \
	>"$tmp/firestore.log" 2>&1 &
pids+=($!)

# CI/NO_UPDATE_NOTIFIER: no update check, no message of the day (no network).
(cd "$tmp" && CI=true NO_UPDATE_NOTIFIER=1 TMPDIR=$tmp exec setsid "$root/node_modules/.bin/firebase" \
	emulators:start --only auth --project "$project" --config "$root/deploy/firebase/firebase.json" \
	>"$tmp/auth.log" 2>&1) &
pids+=($!)

# wait_for NAME URL PATTERN LOG: poll URL until its body matches PATTERN.
wait_for() {
	local name=$1 url=$2 pattern=$3 log=$4 i body
	for ((i = 0; i < 900; i++)); do
		body=$(curl -fsS --max-time 2 "$url" 2>/dev/null || true)
		if grep -q "$pattern" <<<"$body"; then
			echo "cloud-demo: $name ready at $(sed -e "s,^http://,," -e "s,/$,," <<<"$url")"
			return 0
		fi
		sleep 0.1
	done
	tail -n 30 "$log" >&2
	die "$name did not start in 90 s"
}
wait_for "Firestore emulator" "http://$fs_host/" '^Ok' "$tmp/firestore.log"
wait_for "Auth emulator" "http://$auth_host/" '"ready": *true' "$tmp/auth.log"

# --- seed, then the two windows -----------------------------------------------
app=${REGULARS_DEMO_BIN:-}
if [ -z "$app" ]; then
	echo "cloud-demo: building the app"
	app=$tmp/regulars
	go build -o "$app" .
fi

export REGULARS_BACKEND=firestore
export REGULARS_PROJECT_ID=$project
export REGULARS_FIRESTORE_EMULATOR=$fs_host
export REGULARS_AUTH_EMULATOR=$auth_host

echo "cloud-demo: admin seed"
FIRESTORE_EMULATOR_HOST=$fs_host FIREBASE_AUTH_EMULATOR_HOST=$auth_host \
	GOOGLE_CLOUD_PROJECT=$project "$app" admin seed

echo "cloud-demo: owner and member windows; close both (or Ctrl-C) to stop"
"$app" -profile owner &
owner=$!
apps+=("$owner")
"$app" -profile member &
member=$!
apps+=("$member")
status=0
wait "$owner" || status=$?
wait "$member" || status=$?
exit "$status"
