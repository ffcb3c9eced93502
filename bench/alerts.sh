#!/usr/bin/env bash
# Alert rule evaluation: samples/s through 100 threshold rules covering 10,000 series, next to the
# acknowledged ingest rate without rules in the same run, and the latency from a sample to its
# alert on the stream (median, p99). Usage: bench/alerts.sh [samples per phase, default 1000000]
# (SKIP_BUILD=1 uses the runtime built last)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.skip=true install -pl runtime -am
WORK="$(mktemp -d /tmp/armature-alerts-bench.XXXX)"
trap 'pkill -f "armature.home=$WORK" 2>/dev/null || true; sleep 1; rm -rf "$WORK"' EXIT
cp -r "$ROOT/runtime/target/armature/." "$WORK/"
rm -rf "$WORK/data" "$WORK/logs" && mkdir -p "$WORK/data" "$WORK/logs"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$WORK/bin/armature" --port "$port" > "$WORK/bench.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do grep -q "ready in" "$WORK/bench.log" && break; sleep 0.5; done
java -Xmx1g "$ROOT/bench/AlertsBench.java" "http://127.0.0.1:$port" "$(cat "$WORK/data/secrets/admin.token")" "${1:-1000000}"
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
