# Shared helpers of the answer-loop benchmark scripts (run.sh, floor.sh, crash-check.sh,
# statements.sh): sourced, not run. Finds the JDK and the jar, picks a free port, starts
# StudyLoop on a data folder (embedded PostgreSQL, durable commits) in a process group of its
# own, waits for /actuator/health, stops it, and reads CPU time from /proc.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/../.." && pwd)
# A JDK 25 (the project's runtime; AnswerLoad.java needs 21+): BENCH_JAVA_HOME, else Temurin 25
# where this machine kind has it, else JAVA_HOME.
if [ -n "${BENCH_JAVA_HOME:-}" ]; then
    export JAVA_HOME=$BENCH_JAVA_HOME
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[ -n "${JAVA_HOME:-}" ] || { echo "error: set JAVA_HOME (or BENCH_JAVA_HOME) to a JDK 25" >&2; exit 1; }
JAVA="$JAVA_HOME/bin/java"
PSQL=${PSQL:-psql}
PGBENCH=${PGBENCH:-pgbench}

die() { echo "error: $*" >&2; exit 1; }

# JAR=path/to/studyloop.jar measures another build (e.g. a scratch copy with a change to try).
find_jar() {
    local jar
    if [ -n "${JAR:-}" ]; then
        [ -f "$JAR" ] || die "no jar $JAR"
        echo "$JAR"
        return
    fi
    jar=$(ls "$REPO_DIR"/target/studyloop-*.jar 2>/dev/null | grep -v -- '-plain\|sources\|javadoc' | head -1)
    [ -n "$jar" ] || die "no target/studyloop-*.jar: run ./mvnw -B -q -DskipTests package first"
    echo "$jar"
}

# A port nobody listens on, probed with bash's /dev/tcp.
free_port() {
    local port
    for _ in $(seq 100); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "no free port found"
}

# start_app DATA_DIR PORT LOG — starts the jar in the background (own session and process group,
# so that the embedded postmaster it forks can be killed along with it), sets APP_PID.
start_app() {
    local data=$1 port=$2 log=$3 jar
    jar=$(find_jar)
    # The per-address limits would refuse the benchmark's hundreds of sign-ins from 127.0.0.1.
    PORT=$port STUDYLOOP_DATA_DIR=$data \
        STUDYLOOP_IDENTITY_LIMITS_REGISTRATIONS_PER_IP_PER_HOUR=100000 \
        STUDYLOOP_IDENTITY_LIMITS_SIGN_INS_PER_IP_PER_MINUTE=100000 \
        setsid "$JAVA" -Xmx512m ${APP_JAVA_OPTS:-} -jar "$jar" >>"$log" 2>&1 &
    APP_PID=$!
}

# wait_healthy PORT [SECONDS] — until /actuator/health says UP.
wait_healthy() {
    local port=$1 limit=${2:-180} start=$SECONDS
    while [ $((SECONDS - start)) -lt "$limit" ]; do
        if curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"}$\|"status":"UP"'; then
            return 0
        fi
        if [ -n "${APP_PID:-}" ] && ! kill -0 "$APP_PID" 2>/dev/null; then
            die "the app exited before it was healthy (see its log)"
        fi
        sleep 0.5
    done
    die "the app was not healthy after ${limit} s"
}

# stop_app — SIGTERM, then wait (graceful shutdown stops the embedded PostgreSQL too).
stop_app() {
    [ -n "${APP_PID:-}" ] || return 0
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 120); do
        kill -0 "$APP_PID" 2>/dev/null || { APP_PID=; return 0; }
        sleep 0.5
    done
    echo "the app did not stop in 60 s; killing its process group" >&2
    kill -KILL -- "-$APP_PID" 2>/dev/null || true
    APP_PID=
}

# pg_port DATA_DIR — the embedded PostgreSQL's port (line 4 of postmaster.pid).
pg_port() {
    sed -n 4p "$1/postgres/postmaster.pid"
}

# sql DATA_DIR SQL... — runs SQL on the running server of a data folder, unaligned output.
sql() {
    local data=$1
    shift
    "$PSQL" -X -q -h 127.0.0.1 -p "$(pg_port "$data")" -U postgres -d studyloop -v ON_ERROR_STOP=1 -At "$@"
}

# cpu_ticks PID — user+system clock ticks of a process (threads included).
cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}

# pg_cpu_ticks DATA_DIR — the postmaster's ticks, those of its reaped children, and its live children's.
pg_cpu_ticks() {
    local pm total child
    pm=$(head -1 "$1/postgres/postmaster.pid")
    total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat" 2>/dev/null || echo 0)
    for child in $(pgrep -P "$pm"); do
        total=$((total + $(cpu_ticks "$child")))
    done
    echo "$total"
}

TICKS=$(getconf CLK_TCK)

# load_now — the 1-minute load average, to print next to every figure.
load_now() {
    cut -d' ' -f1-3 /proc/loadavg
}

# wait_idle PID [SECONDS] — until the process uses less than a tenth of a core over 5 s: a new
# data folder starts background work (the search module embeds the bundled courses, ~2 minutes
# on 2 cores) that would otherwise run inside the measured window.
wait_idle() {
    local pid=$1 limit=${2:-600} start=$SECONDS before after
    while [ $((SECONDS - start)) -lt "$limit" ]; do
        before=$(cpu_ticks "$pid")
        sleep 5
        after=$(cpu_ticks "$pid")
        if [ $((after - before)) -lt $((TICKS / 2)) ]; then
            echo "app idle after $((SECONDS - start)) s"
            return 0
        fi
    done
    echo "warning: the app was still busy after ${limit} s" >&2
}
