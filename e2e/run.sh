#!/usr/bin/env bash
# The end-to-end browser suite (issue 14): starts K-SCON on a fresh SQLite database with the
# demo data, makes one account per role, and walks each role's first hour in headless Chromium
# (Selenium 4.51.0 + Debian's chromium and chromium-driver), in Korean and English, at 1280
# and 390 px. Screenshots go to e2e/screenshots/ (git-ignored; CI keeps them as artefacts).
#   e2e/run.sh [SCON_BINARY]       (default .build/debug/scon)
# Needs: chromium, chromium-driver (apt), a Python with selenium==4.51.0 (SCON_E2E_PYTHON, or
# e2e/.venv made by `python3 -m venv e2e/.venv && e2e/.venv/bin/pip install selenium==4.51.0`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SCON=$(realpath "${1:-.build/debug/scon}")
PY=${SCON_E2E_PYTHON:-e2e/.venv/bin/python}
PORT=${SCON_E2E_PORT:-18441}
WORK=$(mktemp -d /tmp/scon-e2e.XXXXXX)
OUT=${SCON_E2E_SCREENSHOTS:-e2e/screenshots}
rm -rf "$OUT" && mkdir -p "$OUT"
export DATABASE_URL="sqlite:$WORK/scon.sqlite" SCON_BCRYPT_COST=4 LOG_LEVEL=error
cleanup() { [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT

"$SCON" seed >/dev/null
PASSWORD="e2e-Password-$RANDOM$RANDOM"
user() {   # email role [scope]
    "$SCON" user create --email "$1" --role "$2" ${3:+--scope "$3"} --password "$PASSWORD" >/dev/null
}
db() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$WORK/scon.sqlite" "$1"; }
ORG=$(db "select lower(organisation_id) from proposals order by created_at limit 1")
user officer@e2e.example programme-officer
user fund@e2e.example fund-manager
user reviewer@e2e.example reviewer
user focal@e2e.example country-focal-point country:TH
user member@e2e.example organisation-member "organisation:$ORG"
user admin@e2e.example admin

"$SCON" serve --hostname 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

status=0
SE_OFFLINE=true SCON_E2E_BASE="http://127.0.0.1:$PORT" SCON_E2E_PASSWORD="$PASSWORD" \
SCON_E2E_SCREENSHOTS="$OUT" SCON_E2E_DB="$WORK/scon.sqlite" "$PY" e2e/journeys.py || status=$?
if grep -q "Fatal\|panic\|Assertion failed" "$WORK/server.log"; then echo "the server log shows a crash:"; tail -n 30 "$WORK/server.log"; status=1; fi
echo "screenshots: $OUT ($(ls "$OUT" | wc -l) files); server log: $WORK/server.log"
exit $status
