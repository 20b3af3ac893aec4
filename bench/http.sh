#!/usr/bin/env bash
# HTTP benchmark for K-SCON (see ../shared/PERFORMANCE.md for the method).
#
# Usage: bench/http.sh [--postgres] [--portal] [--runs N] [--duration S]
#   --postgres     use the throw-away PostgreSQL (scripts/postgres.sh), database scon_bench,
#                  with its public schema dropped and recreated first (default: a fresh SQLite file)
#   --portal       also measure the portal's home page `/` over 2,000 projects, 500 agreements
#                  and 5,000 outcomes (`scon portal-fill` after the first start; all sample)
#   --runs N       measured runs per route, interleaved across routes (default 3)
#   --duration S   seconds per wrk run (default 10)
#
# Environment:
#   SCON_BIN         server binary to run (default: `swift build -c release --product scon`)
#   SCON_BENCH_PORT  port on 127.0.0.1 (default 8181)
#
# Measures: cold start (spawn -> first 200 from /healthz; first start migrates+seeds, second
# start is against the already-seeded database), idle RSS after warm-up, peak RSS (VmHWM)
# after the runs, and per route `wrk -t2 -c64 -dS --latency`: median req/s, median p99,
# ratio to the bare /__ceiling route. Prints a Markdown table and saves it to
# bench/results/http-<sqlite|postgres>-<UTC timestamp>.md.
#
# Exit status: 0 all targets met, 1 error, 2 a target was missed.
# Only ever targets 127.0.0.1. Needs wrk and curl (apt-get install -y wrk curl).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

DB_KIND=sqlite
PORTAL=0
RUNS=3
DURATION=10
PORT=${SCON_BENCH_PORT:-8181}
HOST=127.0.0.1
BASE="http://$HOST:$PORT"
ROUTES=(/__ceiling /organisations /api/v1/organisations)
WRK_THREADS=2
WRK_CONNS=64
WARMUP_S=2
STARTUP_TIMEOUT_S=180

# Targets: minimum ratio of median req/s to /__ceiling, maximum median p99 (ms).
declare -A MIN_RATIO=([/organisations]=0.25 [/api/v1/organisations]=0.35)
declare -A MAX_P99=([/organisations]=25 [/api/v1/organisations]=25)
# The portal's home page (--portal): docs/portal.md.
MIN_RATIO[/]=0.15
MAX_P99[/]=50

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf 'bench/http.sh: ERROR: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --postgres) DB_KIND=postgres ;;
        --portal) PORTAL=1 ;;
        --runs) [ $# -ge 2 ] || die "--runs needs a value"; RUNS=$2; shift ;;
        --runs=*) RUNS=${1#*=} ;;
        --duration) [ $# -ge 2 ] || die "--duration needs a value"; DURATION=$2; shift ;;
        --duration=*) DURATION=${1#*=} ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || die "--duration must be a positive integer (seconds)"

for tool in wrk curl awk; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found (apt-get install -y wrk curl)"
done

# ------------------------------------------------------------------ helpers (parsing)

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wrk prints latencies like 812.00us, 1.23ms, 2.01s, 1.50m -> milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v; sub(/[a-z]+$/, "", n); u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") f = 0.001; else if (u == "ms") f = 1; else if (u == "s") f = 1000;
        else if (u == "m") f = 60000; else if (u == "h") f = 3600000; else { print "NaN"; exit }
        printf "%.3f\n", n * f }'
}

# Parse one wrk --latency output file: prints "REQ_PER_S P99_MS NON2XX SOCKET_ERRORS".
parse_wrk() {
    local file=$1 rps p99raw p99 non2xx sockerr
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$file")
    p99raw=$(awk '$1 == "99%" {print $2}' "$file")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file")
    sockerr=$(awk '/Socket errors:/ {
        s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) { x = $i; sub(/,/, "", x); s += x }
        print s }' "$file")
    [ -n "$rps" ] && [ -n "$p99raw" ] || { cat "$file" >&2; die "could not parse wrk output $file"; }
    p99=$(to_ms "$p99raw")
    echo "$rps $p99 ${non2xx:-0} ${sockerr:-0}"
}

# Median of the numbers given as arguments.
median() {
    printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END {
        if (NR == 0) { print "NaN"; exit }
        if (NR % 2) printf "%.3f\n", a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

proc_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status" 2>/dev/null || true; }
kb_to_mb() { awk -v k="${1:-0}" 'BEGIN { printf "%.1f", k / 1024 }'; }

# ------------------------------------------------------------------ server control

SERVER_PID=
TMP=$(mktemp -d /tmp/scon-bench.XXXXXX)

cleanup() {
    local rc=$?
    stop_server
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        local i
        for i in $(seq 1 100); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}

http_code() { curl -s -o "${2:-/dev/null}" -w '%{http_code}' --max-time "${3:-5}" "$BASE$1" 2>/dev/null || true; }

# Starts the server and sets COLD_MS to the ms from spawn to the first 200 from /healthz.
COLD_MS=
start_server() {
    local t0 code
    t0=$(now_ms)
    DATABASE_URL="$DATABASE_URL" SCON_BENCH_CEILING=1 LOG_LEVEL=notice \
        "$BIN" serve --hostname "$HOST" --port "$PORT" >>"$TMP/server.log" 2>&1 </dev/null &
    SERVER_PID=$!
    while :; do
        code=$(http_code /healthz /dev/null 1)
        [ "$code" = 200 ] && break
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            tail -n 40 "$TMP/server.log" >&2
            die "server exited before /healthz answered 200 (log above)"
        fi
        if [ $(( $(now_ms) - t0 )) -gt $(( STARTUP_TIMEOUT_S * 1000 )) ]; then
            tail -n 40 "$TMP/server.log" >&2
            die "/healthz did not answer 200 within ${STARTUP_TIMEOUT_S}s (last code: $code)"
        fi
        sleep 0.02
    done
    COLD_MS=$(( $(now_ms) - t0 ))
}

# ------------------------------------------------------------------ setup

if curl -s -o /dev/null --max-time 1 "$BASE/" 2>/dev/null; then
    die "something already listens on $HOST:$PORT; stop it or set SCON_BENCH_PORT"
fi

if [ -n "${SCON_BIN:-}" ]; then
    BIN=$SCON_BIN
    [ -x "$BIN" ] || die "SCON_BIN=$BIN is not executable"
else
    command -v swift >/dev/null 2>&1 || { [ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"; } \
        || die "swift not found (set SCON_BIN to a built binary)"
    say "building: swift build -c release --product scon"
    swift build -c release --product scon
    BIN="$(swift build -c release --show-bin-path)/scon"
    [ -x "$BIN" ] || die "built binary not found at $BIN"
fi

if [ "$DB_KIND" = postgres ]; then
    command -v psql >/dev/null 2>&1 || die "psql not found (apt-get install -y postgresql)"
    say "starting PostgreSQL (scripts/postgres.sh start)"
    "$ROOT/scripts/postgres.sh" start >/dev/null
    DATABASE_URL=$("$ROOT/scripts/postgres.sh" url scon_bench)
    say "resetting schema public in scon_bench"
    psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 \
        -c 'DROP SCHEMA IF EXISTS public CASCADE' -c 'CREATE SCHEMA public' >/dev/null 2>&1 \
        || psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 -c 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public' \
        || die "could not reset scon_bench (is scripts/postgres.sh start working?)"
else
    DATABASE_URL="sqlite:$TMP/bench.sqlite"
fi
export DATABASE_URL

# ------------------------------------------------------------------ cold start

say "cold start #1 (empty database: migrate + seed) with $BIN"
start_server
COLD_FIRST_MS=$COLD_MS
say "  ${COLD_FIRST_MS} ms; stopping"
stop_server
if [ "$PORTAL" = 1 ]; then
    say "filling the database for the portal (2,000 projects, 500 agreements, 5,000 outcomes)"
    LOG_LEVEL=warning "$BIN" portal-fill >&2 || die "scon portal-fill failed"
    ROUTES+=(/)
fi
say "cold start #2 (seeded database)"
start_server
COLD_WARMDB_MS=$COLD_MS
say "  ${COLD_WARMDB_MS} ms (server pid $SERVER_PID)"

# ------------------------------------------------------------------ sanity check

for route in "${ROUTES[@]}"; do
    code=$(http_code "$route" "$TMP/check.body" 10)
    if [ "$code" != 200 ]; then
        printf '\n!!! GET %s answered %s (expected 200). First lines of the body:\n' "$route" "${code:-no answer}" >&2
        head -c 1000 "$TMP/check.body" >&2 2>/dev/null || true
        printf '\n!!! server log tail:\n' >&2
        tail -n 20 "$TMP/server.log" >&2
        die "GET $BASE$route is not 200"
    fi
    say "check GET $route -> 200 ($(wc -c <"$TMP/check.body") bytes)"
done

# ------------------------------------------------------------------ warm-up + idle RSS

for route in "${ROUTES[@]}"; do
    say "warm-up ${WARMUP_S}s: $route"
    wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${WARMUP_S}s" "$BASE$route" >"$TMP/warmup.txt" 2>&1 \
        || { cat "$TMP/warmup.txt" >&2; die "wrk warm-up failed on $route"; }
done
sleep 1
RSS_IDLE_KB=$(proc_kb "$SERVER_PID" VmRSS)

# ------------------------------------------------------------------ measured runs

declare -A RPS_LIST=() P99_LIST=() ERRS=()
for route in "${ROUTES[@]}"; do RPS_LIST[$route]=""; P99_LIST[$route]=""; ERRS[$route]=0; done
RAW_ROWS=()

for run in $(seq 1 "$RUNS"); do
    for route in "${ROUTES[@]}"; do
        say "run $run/$RUNS: wrk -t$WRK_THREADS -c$WRK_CONNS -d${DURATION}s --latency $route"
        out="$TMP/wrk-$run-${route//\//_}.txt"
        wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${DURATION}s" --latency "$BASE$route" >"$out" 2>&1 \
            || { cat "$out" >&2; die "wrk failed on $route"; }
        read -r rps p99 non2xx sockerr < <(parse_wrk "$out")
        say "  $rps req/s, p99 $p99 ms, non-2xx $non2xx, socket errors $sockerr"
        RPS_LIST[$route]+=" $rps"
        P99_LIST[$route]+=" $p99"
        ERRS[$route]=$(( ${ERRS[$route]} + non2xx ))
        RAW_ROWS+=("| $run | \`$route\` | $rps | $p99 | $non2xx | $sockerr |")
    done
done

RSS_PEAK_KB=$(proc_kb "$SERVER_PID" VmHWM)
kill -0 "$SERVER_PID" 2>/dev/null || die "server died during the benchmark"

# ------------------------------------------------------------------ report

declare -A MED_RPS=() MED_P99=()
for route in "${ROUTES[@]}"; do
    # shellcheck disable=SC2086  # word-splitting the space-separated lists is intended
    MED_RPS[$route]=$(median ${RPS_LIST[$route]})
    # shellcheck disable=SC2086
    MED_P99[$route]=$(median ${P99_LIST[$route]})
done
CEIL=${MED_RPS[/__ceiling]}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no commit")
ALL_PASS=1
REPORT="$TMP/report.md"
{
    echo "## K-SCON HTTP benchmark ($DB_KIND, $STAMP)"
    echo
    echo "- commit: $COMMIT; binary: \`$BIN\`; $(nproc) cores; host 127.0.0.1:$PORT"
    echo "- \`wrk -t$WRK_THREADS -c$WRK_CONNS -d${DURATION}s --latency\`, $RUNS run(s) per route, interleaved; ${WARMUP_S}s warm-up per route; LOG_LEVEL=notice"
    echo
    echo "| route | median req/s | median p99 ms | ratio to /__ceiling | target | result |"
    echo "|---|---:|---:|---:|---|---|"
    for route in "${ROUTES[@]}"; do
        rps=${MED_RPS[$route]} p99=${MED_P99[$route]}
        ratio=$(awk -v a="$rps" -v b="$CEIL" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "NaN" }')
        if [ -n "${MIN_RATIO[$route]:-}" ]; then
            target="≥ ${MIN_RATIO[$route]}, p99 ≤ ${MAX_P99[$route]} ms"
            if awk -v r="$ratio" -v mr="${MIN_RATIO[$route]}" -v p="$p99" -v mp="${MAX_P99[$route]}" \
                    'BEGIN { exit !((r + 0 >= mr + 0) && (p + 0 <= mp + 0)) }' && [ "${ERRS[$route]}" -eq 0 ]; then
                result=PASS
            else
                result=FAIL; ALL_PASS=0
            fi
            [ "${ERRS[$route]}" -eq 0 ] || result="$result (${ERRS[$route]} non-2xx)"
        else
            target="(reference)"; result="—"
            [ "${ERRS[$route]}" -eq 0 ] || { result="${ERRS[$route]} non-2xx!"; ALL_PASS=0; }
        fi
        printf '| `%s` | %.0f | %.2f | %s | %s | %s |\n' "$route" "$rps" "$p99" "$ratio" "$target" "$result"
    done
    echo
    echo "- cold start (spawn → first 200 from /healthz): first start incl. migrate+seed **${COLD_FIRST_MS} ms**; second start on the seeded database **${COLD_WARMDB_MS} ms** (polled every 20 ms)"
    echo "- RSS idle after warm-up: **$(kb_to_mb "$RSS_IDLE_KB") MB**; peak RSS (VmHWM) after the runs: **$(kb_to_mb "$RSS_PEAK_KB") MB**"
    echo "- overall: $([ "$ALL_PASS" = 1 ] && echo PASS || echo FAIL)"
    echo
    echo "<details><summary>raw runs</summary>"
    echo
    echo "| run | route | req/s | p99 ms | non-2xx | socket errors |"
    echo "|---:|---|---:|---:|---:|---:|"
    printf '%s\n' "${RAW_ROWS[@]}"
    echo
    echo "</details>"
} >"$REPORT"

mkdir -p "$ROOT/bench/results"
OUT_FILE="$ROOT/bench/results/http-$DB_KIND-$STAMP.md"
cp "$REPORT" "$OUT_FILE"
echo
cat "$REPORT"
echo
say "saved $OUT_FILE"

[ "$ALL_PASS" = 1 ] || exit 2
