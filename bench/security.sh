#!/usr/bin/env bash
# What security costs the data path: acknowledged ingest over REST (20,000- and 100-sample
# requests) and the 24 h raw query (86,400 points), with a bearer token against the demo runtime,
# next to the same runtime with authentication switched off (armature.security.enforce=false: the
# REST layer runs without the security bundle's filter), in the same run, alternating.
# Usage: bench/security.sh [rounds, default 2]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${1:-2}"
mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.skip=true install -pl runtime -am
WORK="$(mktemp -d /tmp/armature-security-bench.XXXX)"
trap 'pkill -f "armature.home=$WORK" 2>/dev/null || true; sleep 1; rm -rf "$WORK"' EXIT

run() { # label enforce -> prints the bench line
  local label=$1 enforce=$2 home="$WORK/$1-$RANDOM"
  cp -r "$ROOT/runtime/target/armature/." "$home/"
  rm -rf "$home/data" "$home/logs" && mkdir -p "$home/data" "$home/logs"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # the launcher's default JVM options (bin/armature) plus the switch, the same for both runs
  local opts
  opts="$(sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' "$home/bin/armature") -Darmature.security.enforce=$enforce"
  ARMATURE_JAVA_OPTS="$opts" "$home/bin/armature" --port "$port" > "$home/bench.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do grep -q "ready in" "$home/bench.log" && break; sleep 0.5; done
  local token=-
  [ "$enforce" = true ] && token=$(cat "$home/data/secrets/admin.token")
  java -Xmx512m "$ROOT/bench/SecurityBench.java" "http://127.0.0.1:$port" "$token" "$label"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

results="$WORK/results.txt"
for round in $(seq "$ROUNDS"); do
  run without-security false | tee -a "$results"
  run with-token true | tee -a "$results"
done
python3 - "$results" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    label, *fields = line.split()
    for f in fields:
        k, v = f.split("=")
        rows.setdefault(label, {}).setdefault(k, []).append(float(v))
off, on = rows["without-security"], rows["with-token"]
for k in off:
    a, b = statistics.median(off[k]), statistics.median(on[k])
    better = "ms" not in k
    ratio = b / a
    print(f"{k}: with token {b:,.1f}  without security {a:,.1f}  ratio {ratio:.3f}"
          f"  ({'overhead' if (ratio < 1) == better else 'gain'} {abs(1 - ratio) * 100:.1f} %)")
PY
