#!/usr/bin/env bash
# Ingest benchmark: samples/s through Armature's ingest path into a real PostgreSQL, next to raw
# binary COPY of the same rows in the same run. Usage: bench/ingest.sh [samples, default 1000000]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
mvn -B -q -f "$ROOT/pom.xml" -DskipTests -Dspotless.skip=true install -pl bundles/storage-postgres -am
mvn -B -q -f "$ROOT/bundles/storage-postgres/pom.xml" -Dspotless.skip=true test-compile exec:java \
  -Dexec.mainClass=io.armature.storage.postgres.internal.IngestBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-1000000}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
