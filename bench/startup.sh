#!/usr/bin/env bash
# Measures what an operator sees: from `java -jar` in an empty folder to /actuator/health = UP,
# first on a new data folder (initdb included), then again on the same data; then the resident
# memory of the JVM and the proportional memory of the embedded PostgreSQL after a minute idle.
# Usage: bench/startup.sh [path/to/studyloop.jar]   (build it first: ./mvnw package -DskipTests)
set -euo pipefail
jar=$(realpath "${1:-$(ls target/studyloop-*.jar | head -1)}")
port=${PORT:-18080}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"

start_and_wait() {
    local t0 t1
    t0=$(date +%s.%N)
    java -jar "$jar" --server.port="$port" > "$work/app.log" 2>&1 &
    app=$!
    until curl -sf "localhost:$port/actuator/health" | grep -q '"UP"'; do
        kill -0 "$app" 2>/dev/null || { echo "the application died; see $work/app.log"; exit 1; }
        sleep 0.1
    done
    t1=$(date +%s.%N)
    elapsed=$(echo "$t1 - $t0" | bc)
}

start_and_wait
echo "first start (new data folder): health UP after ${elapsed} s"
kill "$app"; wait "$app" || true
start_and_wait
echo "second start (same data):      health UP after ${elapsed} s"
sleep "${IDLE_SECONDS:-60}"
rss=$(awk '/VmRSS/ {print $2}' /proc/$app/status)
pg=0
for p in $(pgrep -f "postgres -D $work/data/postgres" || true) $(pgrep -P "$(pgrep -f "postgres -D $work/data/postgres" | head -1)" || true); do
    v=$(awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0)
    pg=$((pg + v))
done
echo "idle memory: JVM RSS $((rss / 1024)) MiB, PostgreSQL PSS $((pg / 1024)) MiB"
kill "$app"; wait "$app" || true
