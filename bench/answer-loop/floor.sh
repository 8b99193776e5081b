#!/usr/bin/env bash
# The pgbench floor of the answer loop (bench/README.md, "Answer loop"): runs sql-floor.sql —
# the SQL statements of one recorded answer, one transaction per answer — with pgbench against
# the database a run.sh run left behind, on the same embedded PostgreSQL 18 binaries and with the
# app's server settings (fsync, synchronous_commit and full_page_writes on), and prints tps and
# latency: closed (as fast as possible) at each client count, then at a fixed rate with latency
# percentiles from pgbench's per-transaction log (latency from the scheduled start).
#
#   KEEP=1 bench/answer-loop/run.sh          # prints the data folder it kept
#   bench/answer-loop/floor.sh /tmp/studyloop-answer-loop.XXXXXX/data
# The app must be stopped (run.sh stops it): this script starts the server itself, with
# max_connections raised to 300 so that pgbench can open more connections than the app's 100.
# The server runs on a copy of the data folder (the floor's own transactions would otherwise grow
# the tables of the next floor run); IN_PLACE=1 runs on the folder itself.
# Settings: CLIENTS="20 128" (20 is the app's connection pool; 128 run.sh's students)
#   DURATION=60 WARMUP=10 RATE=800 RATE_CLIENTS=20
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DATA=${1:?usage: floor.sh DATA_DIR (the data folder of a run.sh KEEP=1 run)}
DATA=$(cd "$DATA" && pwd)
CLIENTS=${CLIENTS:-20 128}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
RATE=${RATE:-800}
RATE_CLIENTS=${RATE_CLIENTS:-20}
PGDATA_DIR=$DATA/postgres
IN_PLACE=${IN_PLACE:-0}

[ -f "$PGDATA_DIR/PG_VERSION" ] || die "$PGDATA_DIR is not a PostgreSQL data folder"
if [ -f "$PGDATA_DIR/postmaster.pid" ] && kill -0 "$(head -1 "$PGDATA_DIR/postmaster.pid")" 2>/dev/null; then
    die "a server is running on $PGDATA_DIR: stop the app first"
fi
WORK=$(mktemp -d /tmp/studyloop-floor.XXXXXX)
if [ "$IN_PLACE" != 1 ]; then
    cp -a "$PGDATA_DIR" "$WORK/postgres"
    PGDATA_DIR=$WORK/postgres
fi
# The binaries the app extracted (zonky's embedded PostgreSQL) for this data folder's major version.
PGBIN=
for bin in /tmp/embedded-pg/PG-*/bin; do
    if "$bin/postgres" --version 2>/dev/null | grep -q " $(cat "$PGDATA_DIR/PG_VERSION")\."; then
        PGBIN=$bin
    fi
done
[ -n "$PGBIN" ] || die "no embedded PostgreSQL $(cat "$PGDATA_DIR/PG_VERSION") under /tmp/embedded-pg: start the app once"

# As the app's embedded PostgreSQL does (zonky), run it in a user namespace of its own when root:
# PostgreSQL refuses to run as root.
PG_CTL=("$PGBIN/pg_ctl")
[ "$(id -u)" != 0 ] || PG_CTL=(unshare -U "$PGBIN/pg_ctl")
PORT=$(free_port)
cleanup() {
    "${PG_CTL[@]}" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
# The options EmbeddedPostgresServer starts the server with, max_connections aside.
"${PG_CTL[@]}" -D "$PGDATA_DIR" -w -l "$WORK/postgres.log" -o "-p $PORT -F -c synchronous_commit=on \
-c full_page_writes=on -c max_connections=300 -c fsync=on -c timezone=UTC -c listen_addresses=localhost" \
    start >/dev/null
psql_() { "$PSQL" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d studyloop -v ON_ERROR_STOP=1 -At "$@"; }

echo "== pgbench floor of the answer loop, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(load_now)"
echo "server: $(psql_ -c "select split_part(version(), ' on ', 1) || ', fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit') || ' full_page_writes=' || current_setting('full_page_writes')"); $($PGBENCH --version)"

MAX_CLIENTS=$(printf '%s\n' $CLIENTS "$RATE_CLIENTS" | sort -n | tail -1)
# One student per pgbench client: its newest adaptive session, an item it answered there with the
# item's skills, another two of its skills, the session's arrays as the app writes them, and the
# body of one of its receipts; and a template of the catalog for the template branch.
psql_ <<SQL
drop schema if exists bench_floor cascade;
create schema bench_floor;
create table bench_floor.clients as
select (row_number() over (order by s.student_id) - 1)::int as client_id,
    s.student_id::text as student, s.id::text as session, a.item_id::text as item,
    a.skill_ids::text as skills, a.skill_ids[1]::text as skill1,
    coalesce(a.skill_ids[2], t2.skill_id, a.skill_ids[1])::text as skill2,
    coalesce(a.skill_ids[3], t3.skill_id, a.skill_ids[1])::text as skill3,
    s.seen::text as seen, s.answered_items::text as answered,
    r.request_hash, r.body,
    (select i.id from catalog.item i join catalog.item_version v on v.item_id = i.id and v.version = i.version
     where v.type = 'TEMPLATE' order by i.id limit 1)::text as template
from (select distinct on (student_id) * from practice.sessions
      where mode = 'ADAPTIVE' and answers > 0 order by student_id, started_at desc) s
join lateral (select item_id, skill_ids from practice.attempts where session_id = s.id
              order by answered_at desc limit 1) a on true
join lateral (select request_hash, body from practice.answer_receipts
              where student_id = s.student_id and body is not null limit 1) r on true
left join lateral (select skill_id from practice.skill_tallies where student_id = s.student_id
                   and skill_id <> a.skill_ids[1] order by skill_id limit 1) t2 on true
left join lateral (select skill_id from practice.skill_tallies where student_id = s.student_id
                   and skill_id <> a.skill_ids[1] order by skill_id offset 1 limit 1) t3 on true;
SQL
HAVE=$(psql_ -c "select count(*) from bench_floor.clients")
[ "$HAVE" -ge "$MAX_CLIENTS" ] || die "the database has $HAVE students with an answered session; $MAX_CLIENTS pgbench clients need as many (run run.sh with STUDENTS >= $MAX_CLIENTS)"
[ -n "$(psql_ -c "select template from bench_floor.clients limit 1")" ] || die "no template item in the catalog"

# The shares of answers that take each optional branch, as the load run left them: items with two
# or three skills; the first answer of a session (countSession); a template served next (the
# answers to template instances — ids of version 8, catalog.store.Ids — less those served first
# by a session start). Rows an earlier floor.sh inserted are left out: their ids are random
# (version 4) where the app's attempts have time-ordered ids (version 7).
read -r ANSWERS TWO THREE FIRST TEMPLATE <<<"$(psql_ -F ' ' -c "
with app_attempts as (select * from practice.attempts where substr(id::text, 15, 1) <> '4')
select count(*),
    count(*) filter (where cardinality(skill_ids) >= 2),
    count(*) filter (where cardinality(skill_ids) >= 3),
    (select count(*) from practice.sessions where answers > 0),
    greatest(0, count(*) filter (where substr(item_id::text, 15, 1) = '8')
        - (select count(*) from practice.sessions s
           where cardinality(s.answered_items) > 0 and substr(s.answered_items[1]::text, 15, 1) = '8'))
from app_attempts")"
bp() { echo $(( ($1 * 10000 + $ANSWERS / 2) / $ANSWERS )); }
TWO_BP=$(bp "$TWO"); THREE_BP=$(bp "$THREE"); FIRST_BP=$(bp "$FIRST"); TEMPLATE_BP=$(bp "$TEMPLATE")
echo "data: $ANSWERS attempts; per 10,000 answers: $TWO_BP with >= 2 skills, $THREE_BP with >= 3, $FIRST_BP first of a session, $TEMPLATE_BP serving a template next"
DEFS=(-D loaded=0 -D two_skill_bp="$TWO_BP" -D three_skill_bp="$THREE_BP" -D first_bp="$FIRST_BP" -D template_bp="$TEMPLATE_BP")

bench() {
    "$PGBENCH" -n -M prepared -h 127.0.0.1 -p "$PORT" -U postgres -f "$BENCH_DIR/sql-floor.sql" "${DEFS[@]}" "$@" studyloop
}

# percentiles LOGFILES... — p50/p95/p99/max in ms of pgbench's per-transaction logs (3rd field, µs).
percentiles() {
    cat "$@" | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END {
        if (NR == 0) { print "no transactions logged"; exit }
        n = NR; split("0.50 0.95 0.99", p, " ");
        printf "latency ms: p50=%.2f p95=%.2f p99=%.2f max=%.2f (n=%d)\n",
            v[int(n*0.50+0.999999)]/1000, v[int(n*0.95+0.999999)]/1000, v[int(n*0.99+0.999999)]/1000, v[n]/1000, n }'
}

echo "warm-up: ${WARMUP} s at $MAX_CLIENTS clients"
bench -c "$MAX_CLIENTS" -j 2 -T "$WARMUP" >/dev/null

for c in $CLIENTS; do
    echo
    echo "== closed: $c clients, ${DURATION} s (load $(load_now))"
    rm -f "$WORK"/tx*
    bench -c "$c" -j 2 -T "$DURATION" -r -l --log-prefix="$WORK/tx" >"$WORK/out" 2>&1 || { cat "$WORK/out"; die "pgbench failed"; }
    grep -E '^(number of transactions actually processed|number of failed|latency average|tps)' "$WORK/out"
    percentiles "$WORK"/tx*
    echo "per statement (ms, average):"
    sed -n '/statement latencies in milliseconds/,$p' "$WORK/out" | tail -n +2 | sed 's/^/  /' | cut -c1-120
    echo "load at end: $(load_now)"
done

echo
echo "== at $RATE transactions/s: $RATE_CLIENTS clients, ${DURATION} s (load $(load_now))"
rm -f "$WORK"/tx*
bench -c "$RATE_CLIENTS" -j 2 -T "$DURATION" -R "$RATE" -l --log-prefix="$WORK/tx" >"$WORK/out" 2>&1 || { cat "$WORK/out"; die "pgbench failed"; }
grep -E '^(number of transactions actually processed|number of failed|latency average|latency stddev|rate limit schedule lag|tps)' "$WORK/out"
percentiles "$WORK"/tx*
echo "load at end: $(load_now)"
psql_ -c "drop schema bench_floor cascade"
