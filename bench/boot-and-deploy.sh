#!/usr/bin/env bash
# Runtime foundation benchmark: cold boot of the demo profile to /health UP (median of N),
# hot-deploy latency of the plugin template (jar copied -> plugin listed; median of N),
# resident memory when ready. Baseline measured in the same run: the JVM floor, i.e. the
# same JVM and launcher classpath doing nothing but printing --help.
# Each boot is a new JVM on a clean data directory; kept, as on a real installation, are the
# class-data-sharing archive bin/armature writes on the first run and the embedded database
# cluster the first run creates (initdb): the first boot after install pays for both.
# Usage: bench/boot-and-deploy.sh [runs]   (builds nothing: run `./armature run` or `mvn install` first)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-5}"
SRC="$ROOT/runtime/target/armature"
JAR="$(ls "$ROOT"/plugin-template/target/com.example.signal-*.jar | head -1)"
PORT="${BENCH_PORT:-18765}"
[ -x "$SRC/bin/armature" ] || { echo "no runtime at $SRC: run ./armature run or mvn install first" >&2; exit 1; }

now() { date +%s%N; }
# Polling must not steal the CPU it measures: no curl or sleep processes, only bash builtins.
exec 9<> <(:)
nap() { read -rt 0.01 -u 9 || true; }
http_get() {
  { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null || return 1
  local auth=""
  [ -f "$HOME_DIR/data/secrets/admin.token" ] && auth="Authorization: Bearer $(<"$HOME_DIR/data/secrets/admin.token")"$'\r\n'
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n%s\r\n' "$1" "$auth" >&3
  local response=""; IFS= read -r -d '' response <&3 || true; exec 3<&-
  printf '%s' "$response"
}
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

work="$(mktemp -d)"
trap 'pkill -f "armature.home=$work" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$SRC" "$work/home"
HOME_DIR="$work/home"

floor=()
for i in $(seq "$RUNS"); do
  t0=$(now); java -cp "$HOME_DIR/lib/*" io.armature.runtime.Main --help >/dev/null; t1=$(now)
  floor+=("$(ms "$t0" "$t1")")
done

boots=(); deploys=(); rss=(); first_boot=""
for i in $(seq 0 "$RUNS"); do
  find "$HOME_DIR/data" -mindepth 1 -maxdepth 1 -not -name "*.jsa" -not -name postgres -exec rm -rf {} + 2>/dev/null || true
  rm -f "$HOME_DIR"/deploy/*
  t0=$(now)
  "$HOME_DIR/bin/armature" --port "$PORT" > "$work/run-$i.log" 2>&1 &
  until [[ "$(http_get /health)" == *'"status":"UP"'* ]]; do nap; done
  t1=$(now)
  if [ "$i" -eq 0 ]; then first_boot="$(ms "$t0" "$t1")"; else boots+=("$(ms "$t0" "$t1")"); fi
  pid=$(pgrep -f "armature.home=$HOME_DIR" | head -1)
  [ "$i" -eq 0 ] || rss+=("$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")")

  t0=$(now)
  cp "$JAR" "$HOME_DIR/deploy/signal.jar"
  until [[ "$(http_get /api/v1/system/plugins)" == *'"bundle_symbolic_name":"com.example.signal"'* ]]; do nap; done
  t1=$(now)
  [ "$i" -eq 0 ] || deploys+=("$(ms "$t0" "$t1")")

  kill -TERM "$pid"; wait 2>/dev/null || true
done

floor_ms=$(printf '%s\n' "${floor[@]}" | median)
boot_ms=$(printf '%s\n' "${boots[@]}" | median)
deploy_ms=$(printf '%s\n' "${deploys[@]}" | median)
rss_mb=$(printf '%s\n' "${rss[@]}" | median)
bundles=$(find "$HOME_DIR/system" -name '*.jar' | wc -l)
echo "runs: $RUNS   bundles in system/: $bundles   cpus: $(nproc)   java: $(java -version 2>&1 | head -1)"
echo "first boot after install  ${first_boot} ms   (no class-data-sharing archive yet, it is written at exit; initdb of the embedded database)"
echo "cold boot to /health UP   median ${boot_ms} ms   (runs: ${boots[*]})   target < 2000 ms"
echo "baseline JVM floor        median ${floor_ms} ms   (runs: ${floor[*]})"
echo "boot / JVM floor          $(awk "BEGIN {printf \"%.1f\", $boot_ms / $floor_ms}")x"
echo "hot deploy to listed      median ${deploy_ms} ms   (runs: ${deploys[*]})   target < 2000 ms; FileInstall polls every 500 ms"
echo "RSS when ready            median ${rss_mb} MB   (runs: ${rss[*]})   target < 256 MB"
