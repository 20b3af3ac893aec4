#!/usr/bin/env bash
# Throw-away PostgreSQL 15 cluster for K-SCON tests and benchmarks.
#
# Usage: scripts/postgres.sh start|stop|status|url [DBNAME]
#
#   start   initialise (first time) and start the cluster, make sure role `scon`
#           and databases `scon_test` and `scon_bench` exist, print the test URL.
#           Already running -> just (re)checks the role/databases and prints the URL.
#   stop    stop the cluster (the data dir is kept; delete it to start from scratch).
#   status  exit 0 if running, 3 if not.
#   url     print postgres://scon:scon@127.0.0.1:PORT/scon_test
#           (`url scon_bench` prints the benchmark database's URL).
#
# Environment:
#   SCON_PG_DIR   data dir (default /tmp/scon-pg); the unix socket lives here too.
#                 Must be reachable by the `postgres` OS user when run as root.
#   SCON_PG_PORT  TCP port on 127.0.0.1 (default 54329)
#   SCON_PG_BIN   PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
#
# Needs Debian's `postgresql` package: apt-get install -y --no-install-recommends postgresql
# Authentication is `trust` (local, throw-away); the password `scon` is only part of the URL.
set -euo pipefail

PG_BIN=${SCON_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=${SCON_PG_DIR:-/tmp/scon-pg}
PG_PORT=${SCON_PG_PORT:-54329}
PG_LOG="$PG_DIR/server.log"
DATABASES=(scon_test scon_bench)

say() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
    sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
}

# Run a command as the `postgres` OS user when we are root (PostgreSQL refuses to
# run as root), otherwise as ourselves. cd / so the other user never needs our cwd.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || die "OS user 'postgres' is missing (apt-get install -y postgresql creates it)"
        if command -v runuser >/dev/null 2>&1; then
            (cd / && runuser -u postgres -- "$@")
        else
            (cd / && su postgres -s /bin/bash -c "$(printf '%q ' "$@")")
        fi
    else
        (cd / && "$@")
    fi
}

url_for() { printf 'postgres://scon:scon@127.0.0.1:%s/%s\n' "$PG_PORT" "${1:-scon_test}"; }

is_running() {
    [ -f "$PG_DIR/PG_VERSION" ] || return 1
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1
}

# psql as the superuser over the unix socket in the data dir.
su_psql() {
    as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

check_binaries() {
    local b
    for b in initdb pg_ctl psql; do
        [ -x "$PG_BIN/$b" ] || die "$PG_BIN/$b not found; install PostgreSQL 15: apt-get install -y --no-install-recommends postgresql"
    done
}

has_c_utf8() {
    locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'
}

init_cluster() {
    mkdir -p "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$PG_DIR"
    fi
    chmod 700 "$PG_DIR"
    if [ -n "$(ls -A "$PG_DIR" 2>/dev/null)" ]; then
        die "$PG_DIR exists, is not empty and holds no cluster (no PG_VERSION); remove it or set SCON_PG_DIR"
    fi
    say "initdb in $PG_DIR"
    local out
    if has_c_utf8 && out=$(as_pg "$PG_BIN/initdb" -D "$PG_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 2>&1); then
        :
    else
        [ -n "${out:-}" ] && say "initdb with --locale=C.UTF-8 failed, retrying with --no-locale"
        # Clear a half-initialised dir (keep the dir itself: it is chowned).
        find "$PG_DIR" -mindepth 1 -delete
        out=$(as_pg "$PG_BIN/initdb" -D "$PG_DIR" -U postgres -A trust -E UTF8 --no-locale 2>&1) \
            || { printf '%s\n' "$out" >&2; die "initdb failed"; }
    fi
}

ensure_role_and_databases() {
    su_psql -c "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scon') THEN
            CREATE ROLE scon LOGIN PASSWORD 'scon';
        ELSE
            ALTER ROLE scon LOGIN PASSWORD 'scon';
        END IF;
    END \$\$;"
    local db exists
    for db in "${DATABASES[@]}"; do
        exists=$(su_psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")
        if [ "$exists" != 1 ]; then
            su_psql -c "CREATE DATABASE $db OWNER scon ENCODING 'UTF8' TEMPLATE template0"
            say "created database $db"
        else
            su_psql -c "ALTER DATABASE $db OWNER TO scon"
        fi
    done
}

cmd_start() {
    check_binaries
    if is_running; then
        say "already running (dir $PG_DIR, port $PG_PORT)"
        ensure_role_and_databases
        url_for scon_test
        return 0
    fi
    [ -f "$PG_DIR/PG_VERSION" ] || init_cluster
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DIR"; fi
    # The log lives in the data dir, so the postgres user can always write it.
    say "starting on 127.0.0.1:$PG_PORT (socket dir $PG_DIR, log $PG_LOG)"
    # Every test suite runs in parallel with its own pool of connections: more than the default 100.
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_LOG" -w -t 60 \
        -o "-p $PG_PORT -k '$PG_DIR' -c listen_addresses=127.0.0.1 -c max_connections=400" start >/dev/null; then
        tail -n 30 "$PG_LOG" >&2 2>/dev/null || true
        die "pg_ctl start failed (port $PG_PORT in use? see $PG_LOG)"
    fi
    ensure_role_and_databases
    url_for scon_test
}

cmd_stop() {
    check_binaries
    if is_running; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w -t 60 stop >/dev/null
        say "stopped"
    else
        say "not running"
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status)
        if is_running; then say "running (dir $PG_DIR, port $PG_PORT)"; exit 0
        else say "not running"; exit 3; fi ;;
    url) url_for "${2:-scon_test}" ;;
    -h|--help|help) usage ;;
    *) usage; exit 2 ;;
esac
