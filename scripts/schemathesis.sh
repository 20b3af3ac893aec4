#!/usr/bin/env bash
# Runs schemathesis over every operation of the API, against the app on a fresh SQLite database,
# once per kind of caller (anonymous, programme officer, fund manager, organisation member, reviewer),
# with a bounded number of generated cases. Fails on a 5xx, a response that does not fit its
# schema, an undocumented status or content type.
#   scripts/schemathesis.sh [SCON_BINARY]      (default .build/debug/scon; needs schemathesis 4.32.5)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SCON=${1:-.build/debug/scon}
ST=${SCHEMATHESIS:-schemathesis}
EXAMPLES=${SCON_ST_EXAMPLES:-6}
WORK=$(mktemp -d /tmp/scon-st.XXXXXX)
PORT=${SCON_ST_PORT:-18431}
export DATABASE_URL="sqlite:$WORK/scon.sqlite" SCON_BCRYPT_COST=4 LOG_LEVEL=warning
cleanup() { [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT

"$SCON" seed >/dev/null
token() {   # email role [scope]
    "$SCON" user create --email "$1" --role "$2" ${3:+--scope "$3"} --password "st-password-$RANDOM$RANDOM" >/dev/null
    "$SCON" token create --email "$1" --name schemathesis | tail -n 1
}
ORG=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select lower(organisation_id) from proposals limit 1').fetchone()[0])" "$WORK/scon.sqlite")
declare -A TOKENS
TOKENS[officer]=$(token officer@st.example programme-officer)
TOKENS[fund]=$(token fund@st.example fund-manager)
TOKENS[member]=$(token member@st.example organisation-member "organisation:$ORG")
TOKENS[reviewer]=$(token reviewer@st.example reviewer)

"$SCON" serve --hostname 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

status=0
run() {   # name [header]
    echo "== schemathesis as $1"
    local args=(run "http://127.0.0.1:$PORT/openapi.json" --url "http://127.0.0.1:$PORT"
                --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
                --max-examples "$EXAMPLES" --phases examples,fuzzing --workers 2 --suppress-health-check all
                --exclude-path-regex '^/metrics$')
    if [ -n "${2:-}" ]; then args+=(-H "$2"); fi
    "$ST" "${args[@]}" >"$WORK/st-$1.log" 2>&1 || { status=1; echo "schemathesis found failures as $1:"; tail -n 60 "$WORK/st-$1.log"; }
    grep -E "^(Test cases|Summary|  [0-9]+ (passed|failed))" "$WORK/st-$1.log" | head -n 5 || true
    tail -n 3 "$WORK/st-$1.log"
}
run anonymous
for role in officer fund member reviewer; do run "$role" "Authorization: Bearer ${TOKENS[$role]}"; done
if grep -q "Fatal\|panic\|Assertion failed" "$WORK/server.log"; then echo "the server log shows a crash:"; tail -n 30 "$WORK/server.log"; status=1; fi
echo "logs: $WORK"
exit $status
