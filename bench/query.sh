#!/usr/bin/env bash
# Query benchmark through REST on the demo profile (embedded PostgreSQL): 24 h of 1 Hz raw data of
# one metric among 100 series, and 30 days as 1 h buckets; medians next to the same reads done
# directly over JDBC in the same run; bytes on disk per stored sample.
# Usage: bench/query.sh [runs, default 21]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.skip=true install -pl runtime -am
HOME_DIR="$(mktemp -d /tmp/armature-query-bench.XXXX)"
cp -r "$ROOT/runtime/target/armature/." "$HOME_DIR/"
rm -rf "$HOME_DIR/data" "$HOME_DIR/logs" && mkdir -p "$HOME_DIR/data" "$HOME_DIR/logs"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$HOME_DIR/bin/armature" --port "$PORT" > "$HOME_DIR/bench.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$HOME_DIR"' EXIT
for _ in $(seq 1 120); do grep -q "ready in" "$HOME_DIR/bench.log" && break; sleep 0.5; done
DB_PORT=$(sed -n 's/.*embedded PostgreSQL ready on port \([0-9]*\).*/\1/p' "$HOME_DIR/bench.log" | head -1)
export ARMATURE_TOKEN=$(cat "$HOME_DIR/data/secrets/admin.token")
export ARMATURE_DB_PASSWORD=$(cat "$HOME_DIR/data/secrets/postgres.password")
PGJDBC=$(find "$HOME_DIR/system" -name 'postgresql-*.jar' | head -1)
java -Xmx1g -cp "$PGJDBC" "$ROOT/bench/QueryBench.java" "http://127.0.0.1:$PORT" \
  "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" "${1:-21}"
