#!/usr/bin/env bash
# Console chart benchmark: a demo runtime with 30 days of one 1 Hz series (2.59 M samples) loaded
# over REST, then Debian's headless Chromium timing the console from navigation to the drawn chart
# for 24 h and 30 days, with the bytes transferred; baselines in the same run: the same bucket
# queries fetched directly, and fetching every raw sample of the range.
# Usage: bench/console.sh [warm runs per range, default 5]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.skip=true install -pl runtime,plugin-template,integration-tests/probe-bundle -am
CP_FILE="$(mktemp)"
mvn -B -q -f "$ROOT/integration-tests/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
HOME_DIR="$(mktemp -d /tmp/armature-console-bench.XXXX)"
cp -r "$ROOT/runtime/target/armature/." "$HOME_DIR/"
rm -rf "$HOME_DIR/data" "$HOME_DIR/logs" && mkdir -p "$HOME_DIR/data" "$HOME_DIR/logs"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$HOME_DIR/bin/armature" --port "$PORT" > "$HOME_DIR/bench.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$HOME_DIR" "$CP_FILE"' EXIT
for _ in $(seq 1 120); do grep -q "ready in" "$HOME_DIR/bench.log" && break; sleep 0.5; done
export ARMATURE_TOKEN=$(cat "$HOME_DIR/data/secrets/admin.token")
java -Xmx2g -cp "$(cat "$CP_FILE")" "$ROOT/bench/ConsoleBench.java" "http://127.0.0.1:$PORT" \
  "$(cat "$HOME_DIR/data/secrets/admin.password")" "${1:-5}"
