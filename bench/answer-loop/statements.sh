#!/usr/bin/env bash
# What SQL one answer runs (bench/README.md, "Answer loop"): starts the jar on a new data folder
# with pg_stat_statements loaded and PostgreSQL's statement log on, drives a short closed-loop
# load, and prints
#   1. every statement the server ran during the load, with its calls per recorded answer and its
#      mean execution time — the list sql-floor.sql mirrors;
#   2. the statements of one answer's transaction as PostgreSQL logged them (text and parameters).
# Both instruments cost time: the figures of run.sh are taken without them.
#
#   ./mvnw -B -q -DskipTests package
#   bench/answer-loop/statements.sh
# Settings: STUDENTS=32 DURATION=20 ANSWERS_PER_SESSION=20 KEEP=1 keeps the work folder.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

STUDENTS=${STUDENTS:-32}
DURATION=${DURATION:-20}
ANSWERS_PER_SESSION=${ANSWERS_PER_SESSION:-20}
KEEP=${KEEP:-0}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/studyloop-statements.XXXXXX)}
mkdir -p "$WORK"
DATA=$WORK/data
LOG=$WORK/app.log
APP_PID=
cleanup() {
    stop_app
    if [ "$KEEP" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

PORT=$(free_port)
start_app "$DATA" "$PORT" "$LOG"
wait_healthy "$PORT"
# Loaded at server start only: set it, and restart the app on the same data.
sql "$DATA" -c "alter system set shared_preload_libraries = 'pg_stat_statements'" \
    -c "alter system set pg_stat_statements.track = 'all'" \
    -c "alter system set logging_collector = on" -c "alter system set log_directory = '$WORK/pglog'" \
    -c "alter system set log_line_prefix = '%m [%p] vxid=%v '"
stop_app
start_app "$DATA" "$PORT" "$LOG"
wait_healthy "$PORT"
wait_idle "$APP_PID" >/dev/null
sql "$DATA" -c "create extension if not exists pg_stat_statements"

load() {
    "$JAVA" "$BENCH_DIR/AnswerLoad.java" --base-url "http://127.0.0.1:$PORT" --log "$LOG" \
        --accounts "$WORK/accounts.txt" --answers-per-session "$ANSWERS_PER_SESSION" "$@"
}
# Sign in and warm up first, so that the statistics hold the answer loop and little else.
load --students "$STUDENTS" --warmup 0 --duration 10 >/dev/null
A0=$(sql "$DATA" -c "select count(*) from practice.attempts")
sql "$DATA" -c "select pg_stat_statements_reset()" >/dev/null
load --students "$STUDENTS" --warmup 0 --duration "$DURATION" | grep -E '^(answers/s|counts)'
A1=$(sql "$DATA" -c "select count(*) from practice.attempts")
ANSWERS=$((A1 - A0))
echo
echo "== statements run while $ANSWERS answers were recorded (sign-ins and session starts included; ${ANSWERS_PER_SESSION} answers a session)"
echo "calls/answer  mean ms  statement"
sql "$DATA" -F '  ' -c "
select to_char(calls::numeric / $ANSWERS, '9990.000'), to_char(mean_exec_time, '990.000'),
    left(regexp_replace(query, '\s+', ' ', 'g'), 150)
from pg_stat_statements
where dbid = (select oid from pg_database where datname = 'studyloop') and calls >= $ANSWERS / 1000
order by calls desc, query"

echo
echo "== one answer's transaction, as PostgreSQL logged it"
sql "$DATA" -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
sleep 1
load --students 1 --warmup 0 --duration 2 >/dev/null
sql "$DATA" -c "alter system set log_statement = 'none'" -c "select pg_reload_conf()" >/dev/null
# The first logged transaction that claims a receipt, from its first statement to its COMMIT;
# parameters shortened.
cat "$WORK"/pglog/*.log | awk '
    /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / {
        match($0, /vxid=[^ ]*/); vx = substr($0, RSTART + 5, RLENGTH - 5)
    }
    { lines[vx] = lines[vx] $0 "\n" }
    /insert into practice.answer_receipts/ && want == "" { want = vx }
    want != "" && vx == want && /COMMIT/ { printf "%s", lines[want]; exit }
' | sed -E 's/^[0-9-]+ [0-9:.]+ UTC \[[0-9]+\] vxid=[^ ]* //' | cut -c1-220
