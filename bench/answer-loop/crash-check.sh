#!/usr/bin/env bash
# Crash check of the answer loop (bench/README.md, "Answer loop"): no acknowledged answer is
# lost or recorded twice when the process dies under load.
#
# Starts the jar on a new data folder (embedded PostgreSQL, durable commits), runs AnswerLoad
# (closed loop, writing one line per answer acknowledged with 200 and recorded=true), kills the
# app with SIGKILL in the middle of the load, restarts it on the same data folder, and checks:
#   - every acknowledged answer is in practice.attempts exactly once, at the position the
#     response gave (answers = n), and its receipt holds the very body acknowledged (SHA-256);
#   - each session's answer counter equals its attempts, each student's dashboard total equals
#     their attempts (the transaction is all-or-nothing);
#   - a sample of acknowledged answers, retried over HTTP with their idempotency keys, gets the
#     same body back and records nothing new.
# Prints "acknowledged=N found_once=N missing=0 duplicated=0" and exits non-zero on any loss,
# duplicate, drift or retry mismatch.
#
#   ./mvnw -B -q -DskipTests package
#   bench/answer-loop/crash-check.sh              # KILL=jvm: kill -9 of the JVM only; its
#                                                 # postmaster is orphaned and the next start stops it
#   KILL=all bench/answer-loop/crash-check.sh     # kill -9 of the JVM, the postmaster and every
#                                                 # backend at once (PostgreSQL crash recovery)
# Settings: STUDENTS=64 KILL_AFTER=20 (seconds of answering before the kill) RATE= (closed loop
#   when empty) SAMPLE=200 KEEP=1 keeps the work folder.
# What it cannot show: a power cut. Killed processes leave the kernel's page cache intact, so
# this checks that an answer is acknowledged only after its commit (and crash recovery), while
# fsync=on + synchronous_commit=on is what makes the commit reach the disk.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

STUDENTS=${STUDENTS:-64}
KILL_AFTER=${KILL_AFTER:-20}
KILL=${KILL:-jvm}
RATE=${RATE:-}
SAMPLE=${SAMPLE:-200}
KEEP=${KEEP:-0}
case $KILL in jvm | all) ;; *) die "KILL must be jvm or all" ;; esac

WORK=${BENCH_WORK:-$(mktemp -d /tmp/studyloop-crash.XXXXXX)}
mkdir -p "$WORK"
DATA=$WORK/data
LOG=$WORK/app.log
ACKS=$WORK/acks.tsv
APP_PID=
LOAD_PID=
cleanup() {
    [ -z "$LOAD_PID" ] || kill "$LOAD_PID" 2>/dev/null || true
    stop_app
    if [ "$KEEP" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "== crash check (KILL=$KILL), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(load_now)"
PORT=$(free_port)
start_app "$DATA" "$PORT" "$LOG"
wait_healthy "$PORT"
echo "app pid $APP_PID on port $PORT; PostgreSQL $(sql "$DATA" -c "select 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit')")"

# The load runs past the kill and gives up a few seconds later; sessions of 20 answers, so that
# within one session an item is never served twice (the courses have more items than that).
LOAD_ARGS=(--base-url "http://127.0.0.1:$PORT" --log "$LOG" --students "$STUDENTS" --warmup 0
    --duration "$((KILL_AFTER + 5))" --drain 5 --answers-per-session 20 --acks "$ACKS")
[ -z "$RATE" ] || LOAD_ARGS+=(--rate "$RATE")
"$JAVA" "$BENCH_DIR/AnswerLoad.java" "${LOAD_ARGS[@]}" >"$WORK/load.out" 2>&1 &
LOAD_PID=$!
# Answering starts once the students are signed in.
for _ in $(seq 600); do
    grep -q '^setup:' "$WORK/load.out" && break
    kill -0 "$LOAD_PID" 2>/dev/null || { cat "$WORK/load.out"; die "the load generator stopped"; }
    sleep 0.2
done
sleep "$KILL_AFTER"
PM=$(head -1 "$DATA/postgres/postmaster.pid")
BEFORE_KILL=$(wc -l <"$ACKS")
if [ "$KILL" = all ]; then
    kill -KILL "$APP_PID" "$PM" $(pgrep -P "$PM") 2>/dev/null || true
else
    kill -KILL "$APP_PID"
fi
echo "killed ($KILL) after ${KILL_AFTER} s of load, ~$BEFORE_KILL answers acknowledged so far (load $(load_now))"
wait "$APP_PID" 2>/dev/null || true
APP_PID=
wait "$LOAD_PID" || true
LOAD_PID=
sed -n '/^answers\/s/,$p' "$WORK/load.out" | head -8

PORT=$(free_port)
start_app "$DATA" "$PORT" "$LOG"
wait_healthy "$PORT"
echo "restarted: app pid $APP_PID on port $PORT"
grep -h 'orphaned PostgreSQL\|database system was interrupted\|redo ' "$LOG" | tail -3 | cut -c1-200 || true

RESULT=$(sql "$DATA" -F ' ' <<SQL
create temp table acks (session_id uuid, item_id uuid, idem text, email text, ordinal int, response text,
    body_sha text);
\copy acks from '$ACKS'
create temp table att as
select session_id, item_id, row_number() over (partition by session_id order by answered_at, id) as n
from practice.attempts where session_id in (select session_id from acks);
create index on att (session_id, item_id);
create index on acks (session_id);
analyze att;
analyze acks;
create temp table checked as
select a.*,
    (select count(*) from att t where t.session_id = a.session_id and t.item_id = a.item_id) as times,
    exists (select 1 from att t where t.session_id = a.session_id and t.n = a.ordinal
            and t.item_id = a.item_id) as at_position,
    exists (select 1 from practice.answer_receipts r join practice.sessions s on s.id = r.session_id
            where r.student_id = s.student_id and r.session_id = a.session_id and r.idempotency_key = a.idem
              and encode(sha256(convert_to(r.body, 'UTF8')), 'hex') = a.body_sha) as receipt
from acks a;
select 'acknowledged=' || count(*)
    || ' found_once=' || count(*) filter (where times = 1 and at_position and receipt)
    || ' missing=' || count(*) filter (where times = 0 or not at_position or not receipt)
    || ' duplicated=' || count(*) filter (where times > 1)
    || ' sessions_counter_drift=' || (select count(*) from practice.sessions s
        where s.answers <> (select count(*) from practice.attempts t where t.session_id = s.id))
    || ' totals_drift=' || (select count(*) from practice.learner_totals l
        where l.answers <> (select count(*) from practice.attempts t where t.student_id = l.student_id))
    || ' committed_not_acknowledged=' || ((select count(*) from practice.attempts
        where session_id in (select session_id from acks)) - count(*))
from checked;
SQL
)
echo "$RESULT"
ATTEMPTS_BEFORE=$(sql "$DATA" -c "select count(*) from practice.attempts")
"$JAVA" "$BENCH_DIR/AnswerLoad.java" --base-url "http://127.0.0.1:$PORT" --retry-acks "$ACKS" --sample "$SAMPLE" \
    | tee "$WORK/retry.out"
ATTEMPTS_AFTER=$(sql "$DATA" -c "select count(*) from practice.attempts")
echo "attempts before the retries=$ATTEMPTS_BEFORE after=$ATTEMPTS_AFTER"

ok=1
for k in missing duplicated sessions_counter_drift totals_drift; do
    v=$(sed -n "s/.*\\b$k=\\([0-9]*\\).*/\\1/p" <<<"$RESULT")
    [ "$v" = 0 ] || ok=0
done
grep -q '^acknowledged=[1-9]' <<<"$RESULT" || { echo "no answer was acknowledged before the kill"; ok=0; }
grep -q 'different_body=0 errors=0' "$WORK/retry.out" || ok=0
[ "$ATTEMPTS_BEFORE" = "$ATTEMPTS_AFTER" ] || ok=0
if [ "$ok" = 1 ]; then
    echo "crash check passed"
else
    echo "crash check FAILED"
    exit 1
fi
