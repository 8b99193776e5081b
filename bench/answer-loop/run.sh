#!/usr/bin/env bash
# The answer-loop benchmark (issue #5; bench/README.md, "Answer loop").
#
# Starts target/studyloop-*.jar with -Xmx512m on a new data folder (embedded PostgreSQL 18,
# fsync and synchronous_commit on) and a free port, with the per-address sign-in limits raised,
# waits for /actuator/health, then drives the answer API with AnswerLoad.java:
#   1. closed loop: STUDENTS students each answer as fast as they can -> sustained answers/s;
#   2. open loop at each of RATES answers/s -> latency percentiles measured from the intended send
#      time (an arrival never sent because every student was busy counts as missed, with a latency
#      lower bound: an overloaded run says "NOT SUSTAINED").
# Prints the figures with the CPU use and load average of each window, and stops the app.
#
# Build first (this script builds nothing):
#   ./mvnw -B -q -DskipTests package
#   bench/answer-loop/run.sh
# Settings (environment): STUDENTS=128 WARMUP=60 DURATION=60 RATES="800" ANSWERS_PER_SESSION=20
#   PHASES="closed open" (or one of them)   KEEP=1 keeps the data folder for floor.sh
#   BENCH_WORK=DIR uses DIR (created if missing) instead of a new folder under /tmp
#   JAR=path measures another build; APP_JAVA_OPTS="-D..." passes JVM options to the app
# A fresh JVM compiles its hot code for a minute or more on 2 busy cores: keep WARMUP at 60.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

STUDENTS=${STUDENTS:-128}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-60}
RATES=${RATES:-${RATE:-800}}
ANSWERS_PER_SESSION=${ANSWERS_PER_SESSION:-20}
PHASES=${PHASES:-closed open}
KEEP=${KEEP:-0}

WORK=${BENCH_WORK:-$(mktemp -d /tmp/studyloop-answer-loop.XXXXXX)}
mkdir -p "$WORK"
DATA=$WORK/data
LOG=$WORK/app.log
PORT=$(free_port)
APP_PID=

cleanup() {
    stop_app
    if [ "$KEEP" = 1 ]; then
        echo "kept: $WORK (data folder $DATA; bench/answer-loop/floor.sh $DATA)"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

echo "== answer loop benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(load_now)"
echo "jar: $(find_jar)"
start_app "$DATA" "$PORT" "$LOG"
wait_healthy "$PORT"
wait_idle "$APP_PID"
echo "app pid $APP_PID on port $PORT, data $DATA; PostgreSQL: $(sql "$DATA" -c "select 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit') || ' ' || split_part(version(), ' on ', 1)")"
PM=$(head -1 "$DATA/postgres/postmaster.pid")

load() {
    "$JAVA" "$BENCH_DIR/AnswerLoad.java" --base-url "http://127.0.0.1:$PORT" --log "$LOG" \
        --accounts "$WORK/accounts.txt" --students "$STUDENTS" --warmup "$WARMUP" --duration "$DURATION" \
        --answers-per-session "$ANSWERS_PER_SESSION" --cpu-pids "app=$APP_PID,pg=$PM" "$@"
}

for phase in $PHASES; do
    case $phase in
    closed)
        echo
        echo "== closed loop: $STUDENTS students answering as fast as they can (load $(load_now))"
        load
        ;;
    open)
        for rate in $RATES; do
            echo
            echo "== open loop: $rate answers/s over $STUDENTS students (load $(load_now))"
            load --rate "$rate"
        done
        ;;
    *) die "unknown phase $phase" ;;
    esac
done

echo
echo "== what the database holds now"
sql "$DATA" -F ' ' -c "select 'attempts=' || (select count(*) from practice.attempts) || ' sessions=' || (select count(*) from practice.sessions) || ' receipts=' || (select count(*) from practice.answer_receipts) || ' template_instances=' || (select count(*) from catalog.template_instance) || ' instance_attempts=' || (select count(*) from practice.attempts where substr(item_id::text, 15, 1) = '8') || ' event_publications=' || (select count(*) from modulith.event_publication)"
