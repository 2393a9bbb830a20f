#!/usr/bin/env bash
# cloud-demo.sh: the owner's and a member's windows side by side, synced through
# Cloud Firestore and signed in through Firebase Auth, both emulated on loopback.
# No Google account, no network. Run it as `make run-cloud-demo`.
#
# It starts
#   - the Cloud Firestore emulator: java and the jar of the Debian package
#     google-cloud-cli-firestore-emulator (or $REGULARS_FIRESTORE_EMULATOR_JAR),
#     on 127.0.0.1:$FIRESTORE_PORT (8080), enforcing deploy/firebase/firestore.rules;
#   - the Firebase Auth emulator: node_modules/.bin/firebase (`npm ci`) on
#     127.0.0.1:$AUTH_PORT (9099), UI off, hub and logging on $AUTH_PORT+1, +2;
# builds the app and the admin command once (the windows are then the app's
# own processes, not `go run` wrappers that outlive a kill), then runs
#   admin seed-demo -accounts            once (cmd/admin): the demo café into
#                                        community cafe-lumen, and sign-ins for
#                                        its owner, a barista and a member
#   regulars -cloud -profile owner       window 1, signed in as the owner
#   regulars -cloud -profile member      window 2, signed in as the member
# and stops everything when both windows are closed, or on Ctrl-C (trap).
#
# What the app needs to wire (main.go, app/), and what this script sets:
#   - `admin ARGS...` (cmd/admin) calls admin.Run(ctx, ARGS, os.Stdout).
#   - `-cloud` loads config.Load(path of -config, "" for the default) and runs on
#     Firestore; the configuration comes from the environment here:
#       REGULARS_FIREBASE_PROJECT=demo-regulars
#       REGULARS_COMMUNITY=cafe-lumen
#       REGULARS_FIRESTORE_ENDPOINT=127.0.0.1:8080   (plain gRPC; the app's client
#           uses config.FirestoreOptions: the member's ID token per call, so the
#           rules apply. FIRESTORE_EMULATOR_HOST is never set for the windows:
#           it would make the Go client an administrator.)
#       FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099   (config.AuthClient)
#       REGULARS_FIREBASE_API_KEY is not needed with the Auth emulator.
#   - `-profile NAME` keeps each window's local state (session, cache) apart.
#   - REGULARS_EMAIL and REGULARS_PASSWORD, set per window: sign in with them at
#     start (auth.Client.SignIn) instead of showing the sign-in screen.
#
# Environment: FIRESTORE_PORT (8080), AUTH_PORT (9099); REGULARS_FIRESTORE_EMULATOR_JAR;
# JAVA_HOME; REGULARS_DEMO_BIN, an app binary to run instead of building one
# (the admin command is built all the same);
# CLOUD_DEMO_WINDOWS=0 to start and seed, print the settings, and wait for
# Ctrl-C without opening windows (to run the app yourself, or on a headless box).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

project=demo-regulars
community=cafe-lumen
password=regulars-demo              # admin.DemoPassword
owner_email=own-lucia@example.com   # admin.DemoEmail(demo.OwnerID)
member_email=mem-amira@example.com  # admin.DemoEmail(demo.MemberID)
fs_port=${FIRESTORE_PORT:-8080}
auth_port=${AUTH_PORT:-9099}
hub_port=$((auth_port + 1))
log_port=$((auth_port + 2))
fs_host=127.0.0.1:$fs_port
auth_host=127.0.0.1:$auth_port

die() { echo "cloud-demo: $*" >&2; exit 1; }

# --- what it needs -----------------------------------------------------------
java=java
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java=$JAVA_HOME/bin/java
command -v "$java" >/dev/null || die "java not found: sudo apt-get install -y openjdk-17-jre-headless"
command -v curl >/dev/null || die "curl not found: sudo apt-get install -y curl"
command -v setsid >/dev/null || die "setsid not found (util-linux)"

jar=${REGULARS_FIRESTORE_EMULATOR_JAR:-}
if [ -z "$jar" ]; then
	jar=$(dpkg -L google-cloud-cli-firestore-emulator 2>/dev/null | grep 'emulator.jar$' | head -n 1 || true)
fi
if [ -z "$jar" ]; then
	jar=/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar
fi
[ -f "$jar" ] || die "Firestore emulator jar not found: install the Debian package google-cloud-cli-firestore-emulator, or set REGULARS_FIRESTORE_EMULATOR_JAR"
[ -x node_modules/.bin/firebase ] || die "node_modules/.bin/firebase missing: run \`npm ci\` (or make deps)"

for port in "$fs_port" "$auth_port" "$hub_port" "$log_port"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		die "port $port is in use (another emulator or demo still running?); set FIRESTORE_PORT / AUTH_PORT"
	fi
done

# --- start the emulators -----------------------------------------------------
tmp=$(mktemp -d)
pids=() # process groups of the emulators
apps=() # the app's processes
cleanup() {
	local pid
	for pid in ${apps[@]+"${apps[@]}"}; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	for pid in ${pids[@]+"${pids[@]}"}; do
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
	done
	sleep 1
	for pid in ${pids[@]+"${pids[@]}"}; do
		kill -KILL -- "-$pid" 2>/dev/null || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Each emulator leads its own process group (setsid), so that cleanup ends all
# of it. java runs directly: killing the gcloud wrapper would leave java running.
setsid "$java" -Xmx512m -Duser.language=en -cp "$jar" \
	com.google.cloud.datastore.emulator.firestore.CloudFirestore start \
	--host=127.0.0.1 --port="$fs_port" --rules="$root/deploy/firebase/firestore.rules" \
	>"$tmp/firestore.log" 2>&1 &
pids+=($!)

# The Auth emulator's own firebase.json: the chosen ports, no UI.
cat >"$tmp/firebase.json" <<EOF
{
  "emulators": {
    "singleProjectMode": true,
    "auth": {"host": "127.0.0.1", "port": $auth_port},
    "hub": {"host": "127.0.0.1", "port": $hub_port},
    "logging": {"host": "127.0.0.1", "port": $log_port},
    "ui": {"enabled": false}
  }
}
EOF
# CI/NO_UPDATE_NOTIFIER: no update check, no message of the day (no network);
# firebase-debug.log and the hub's locator file stay in $tmp.
(cd "$tmp" && CI=true NO_UPDATE_NOTIFIER=1 TMPDIR=$tmp exec setsid "$root/node_modules/.bin/firebase" \
	emulators:start --only auth --project "$project" --config "$tmp/firebase.json" \
	>"$tmp/auth.log" 2>&1) &
pids+=($!)

# wait_for NAME URL PATTERN LOG: poll URL until its body matches PATTERN.
wait_for() {
	local name=$1 url=$2 pattern=$3 log=$4 i body
	for ((i = 0; i < 900; i++)); do
		body=$(curl -fsS --max-time 2 "$url" 2>/dev/null || true)
		if grep -q "$pattern" <<<"$body"; then
			echo "cloud-demo: $name ready at ${url#http://}"
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
admin=$tmp/admin
if [ -z "$app" ]; then
	echo "cloud-demo: building the app and cmd/admin"
	app=$tmp/regulars
	go build -o "$tmp/" . ./cmd/admin
else
	echo "cloud-demo: building cmd/admin"
	go build -o "$admin" ./cmd/admin
fi

export REGULARS_FIREBASE_PROJECT=$project
export REGULARS_COMMUNITY=$community
export REGULARS_FIRESTORE_ENDPOINT=$fs_host
export FIREBASE_AUTH_EMULATOR_HOST=$auth_host
unset FIRESTORE_EMULATOR_HOST REGULARS_FIREBASE_API_KEY

echo "cloud-demo: admin seed-demo -accounts"
"$admin" seed-demo -accounts -password "$password"

if [ "${CLOUD_DEMO_WINDOWS:-1}" = 0 ]; then
	cat <<EOF
cloud-demo: emulators running; run the app yourself with
  REGULARS_FIREBASE_PROJECT=$project REGULARS_COMMUNITY=$community \\
  REGULARS_FIRESTORE_ENDPOINT=$fs_host FIREBASE_AUTH_EMULATOR_HOST=$auth_host \\
  REGULARS_EMAIL=$owner_email REGULARS_PASSWORD=$password go run . -cloud -profile owner
(member: REGULARS_EMAIL=$member_email). Ctrl-C stops the emulators.
EOF
	# wait, unlike a foreground sleep, lets the TERM trap run at once.
	while :; do
		sleep 3600 &
		apps=($!) # cleanup ends it
		wait "${apps[0]}" || true
	done
fi

echo "cloud-demo: owner and member windows; close both (or Ctrl-C) to stop"
REGULARS_EMAIL=$owner_email REGULARS_PASSWORD=$password "$app" -cloud -profile owner &
apps+=($!)
REGULARS_EMAIL=$member_email REGULARS_PASSWORD=$password "$app" -cloud -profile member &
apps+=($!)
status=0
for pid in "${apps[@]}"; do
	wait "$pid" || status=$?
done
exit "$status"
