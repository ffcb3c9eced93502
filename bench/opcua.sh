#!/usr/bin/env bash
# OPC UA driver benchmark on the demo profile (embedded PostgreSQL): a Milo server SDK test server
# with N Double variables changing every 100 ms; baseline: a plain Milo client subscribing to them;
# then an opcua driver instance with one subscription of the N monitored items at 100 ms:
# samples/s committed and the latency from the server's value change to the committed row.
# Usage: bench/opcua.sh [items, default 1000] [window seconds, default 30]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.skip=true install -pl runtime,integration-tests -am
CP_FILE="$(mktemp)"
mvn -B -q -f "$ROOT/integration-tests/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
HOME_DIR="$(mktemp -d /tmp/armature-opcua-bench.XXXX)"
cp -r "$ROOT/runtime/target/armature/." "$HOME_DIR/"
rm -rf "$HOME_DIR/data" "$HOME_DIR/logs" && mkdir -p "$HOME_DIR/data" "$HOME_DIR/logs"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$HOME_DIR/bin/armature" --port "$PORT" > "$HOME_DIR/bench.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$HOME_DIR" "$CP_FILE"' EXIT
for _ in $(seq 1 120); do grep -q "ready in" "$HOME_DIR/bench.log" && break; sleep 0.5; done
DB_PORT=$(sed -n 's/.*embedded PostgreSQL ready on port \([0-9]*\).*/\1/p' "$HOME_DIR/bench.log" | head -1)
export ARMATURE_TOKEN=$(cat "$HOME_DIR/data/secrets/admin.token")
export ARMATURE_DB_PASSWORD=$(cat "$HOME_DIR/data/secrets/postgres.password")
java -Xmx1g -cp "$(cat "$CP_FILE"):$ROOT/integration-tests/target/test-classes" "$ROOT/bench/OpcUaBench.java" \
  "http://127.0.0.1:$PORT" "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" "${1:-1000}" "${2:-30}"
