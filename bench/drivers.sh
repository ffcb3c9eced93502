#!/usr/bin/env bash
# Driver benchmarks on the demo profile (embedded PostgreSQL), each with its same-run baseline:
#   gRPC: armature.hub.v1 batches from a separate node process -> PostgreSQL, vs raw binary COPY
#   MQTT: mosquitto_pub -> Debian's Mosquitto -> the MQTT driver -> PostgreSQL, vs the broker's own
#         pub -> sub throughput for the same messages at QoS 1
#   device: bin/armature-device (a separate JVM) streaming one sensor to the hub -> PostgreSQL, vs raw COPY
# Usage: bench/drivers.sh [grpc|mqtt|both|device] [grpc samples, default 1000000] [mqtt messages, default 100000] [samples per message, default 10]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WHAT="${1:-both}"
mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.skip=true install -pl runtime -am
NODE_DIR="$ROOT/integration-tests/target/node-client"
mkdir -p "$NODE_DIR" && cp "$ROOT"/integration-tests/src/test/node/* "$NODE_DIR/"
[ -d "$NODE_DIR/node_modules/@grpc/grpc-js" ] || (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error)

run() { # $1 = grpc|mqtt, then DriverBench's arguments after the jdbc url
  local mode=$1; shift
  HOME_DIR="$(mktemp -d /tmp/armature-driver-bench.XXXX)"
  cp -r "$ROOT/runtime/target/armature/." "$HOME_DIR/"
  rm -rf "$HOME_DIR/data" "$HOME_DIR/logs" && mkdir -p "$HOME_DIR/data" "$HOME_DIR/logs"
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$HOME_DIR/bin/armature" --port "$PORT" > "$HOME_DIR/bench.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do grep -q "ready in" "$HOME_DIR/bench.log" && break; sleep 0.5; done
  DB_PORT=$(sed -n 's/.*embedded PostgreSQL ready on port \([0-9]*\).*/\1/p' "$HOME_DIR/bench.log" | head -1)
  export ARMATURE_TOKEN=$(cat "$HOME_DIR/data/secrets/admin.token")
  export ARMATURE_DB_PASSWORD=$(cat "$HOME_DIR/data/secrets/postgres.password")
  # the baseline's Paho subscriber gets the driver's faster CountingInputStream too (its classes
  # come before the Paho jar), so both sides of the ratio decode packets the same way
  PGJDBC=$(find "$HOME_DIR/system" -name 'postgresql-*.jar' | head -1):$ROOT/bundles/driver-mqtt/target/classes:$(find ~/.m2/repository/org/eclipse/paho/org.eclipse.paho.mqttv5.client -name '*.jar' | head -1)
  java -Xmx1g -cp "$PGJDBC" "$ROOT/bench/DriverBench.java" "$mode" "http://127.0.0.1:$PORT" \
    "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" "$@" || true
  kill $PID 2>/dev/null; wait $PID 2>/dev/null || true
  rm -rf "$HOME_DIR"
}

if [ "$WHAT" = grpc ] || [ "$WHAT" = both ]; then
  echo "== gRPC hub"
  run grpc "$NODE_DIR" "$ROOT/bundles/driver-grpc/src/main/proto" "${2:-1000000}" 5000
fi
if [ "$WHAT" = device ]; then
  echo "== bin/armature-device -> gRPC hub"
  run device "$ROOT/runtime/target/armature/bin/armature-device" "${2:-1000000}"
fi
if [ "$WHAT" = mqtt ] || [ "$WHAT" = both ]; then
  echo "== MQTT driver"
  BROKER_DIR="$(mktemp -d /tmp/mosquitto-bench.XXXX)"
  BROKER_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  printf 'listener %s 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\nmax_inflight_messages 0\nuser root\n' "$BROKER_PORT" > "$BROKER_DIR/mosquitto.conf"
  /usr/sbin/mosquitto -c "$BROKER_DIR/mosquitto.conf" > "$BROKER_DIR/log" 2>&1 &
  BROKER=$!
  sleep 0.5
  run mqtt "$BROKER_PORT" "${3:-100000}" "${4:-10}"
  kill $BROKER; wait $BROKER 2>/dev/null || true
  rm -rf "$BROKER_DIR"
fi
