#!/usr/bin/env bash
# Headless-Chromium screenshots of the K-SCON pages in Korean and English.
#
# Usage: scripts/screenshots.sh [BASE_URL] [OUTDIR]
#   BASE_URL  running server (default http://127.0.0.1:8080), e.g. started with `swift run scon serve`
#   OUTDIR    where the PNGs go (default ./screenshots, git-ignored)
#
# Desktop shots (1280x1000) of every page in ko and en, named like organisations-ko.png,
# countries-TH-en.png, home-ko.png (for /); phone shots (390x844) of / and /organisations in
# ko, named home-ko-phone.png and organisations-ko-phone.png.
#
# Installs nothing. Needs Debian's chromium (apt-get install -y chromium) and, for Korean
# text, a CJK font (apt-get install -y fonts-noto-cjk). CHROMIUM=/path overrides the browser;
# SCON_SHOT_PAGES="/ /organisations" limits the desktop pages (space-separated).
set -euo pipefail

BASE_URL=${1:-http://127.0.0.1:8080}
BASE_URL=${BASE_URL%/}
OUTDIR=${2:-./screenshots}

PAGES=(/ /countries /countries/TH /cities /organisations "/organisations?type=ministry" /signin /signup /marketplace)
if [ -n "${SCON_SHOT_PAGES:-}" ]; then read -r -a PAGES <<<"$SCON_SHOT_PAGES"; fi
LANGS=(ko en)
PHONE_PAGES=(/ /organisations)
DESKTOP_SIZE=1280,1000
PHONE_SIZE=390,844

die() { printf 'screenshots.sh: ERROR: %s\n' "$*" >&2; exit 1; }

CHROME=${CHROMIUM:-}
if [ -z "$CHROME" ]; then
    CHROME=$(command -v chromium 2>/dev/null || true)
fi
[ -n "$CHROME" ] && [ -x "$CHROME" ] || die "chromium not found. Install it with: apt-get install -y chromium"

if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=ko 2>/dev/null)" ]; then
    echo "screenshots.sh: WARNING: no Korean font found (fc-list :lang=ko is empty); Korean text will show as boxes." >&2
    echo "                Install one with: apt-get install -y fonts-noto-cjk" >&2
fi

if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null --max-time 5 "$BASE_URL/" \
        || die "$BASE_URL/ does not answer; start the server first (swift run scon serve)"
fi

mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)
WORK=$(mktemp -d /tmp/scon-shots.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# "/" -> home, "/countries/TH" -> countries-TH, "/organisations?type=ministry" -> organisations-type-ministry
page_name() {
    local p=${1#/}
    [ -z "$p" ] && { echo home; return; }
    p=${p//\//-}
    p=${p//\?/-}
    p=${p//=/-}
    p=${p//&/-}
    echo "$p"
}

with_lang() {
    local url=$1 lang=$2
    if [[ "$url" == *\?* ]]; then echo "$url&lang=$lang"; else echo "$url?lang=$lang"; fi
}

OK=0
FAILED=()
shot() {
    local name=$1 size=$2 url=$3 out="$OUTDIR/$1.png" log="$WORK/$1.log"
    rm -f "$out"
    # Own profile dir per shot: no clash with a running Chromium or a leftover lock.
    if timeout 60 "$CHROME" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
            --hide-scrollbars --window-size="$size" --user-data-dir="$WORK/profile-$name" \
            --screenshot="$out" "$url" >"$log" 2>&1 </dev/null && [ -s "$out" ]; then
        printf '  ok    %-40s %s\n' "$name.png" "$url"
        OK=$((OK + 1))
    else
        printf '  FAIL  %-40s %s\n' "$name.png" "$url" >&2
        grep -vE 'unexpected operator|dbus/' "$log" | tail -n 5 | sed 's/^/        /' >&2 || true
        FAILED+=("$name")
    fi
}

echo "Screenshots of $BASE_URL into $OUTDIR"
for page in "${PAGES[@]}"; do
    for lang in "${LANGS[@]}"; do
        shot "$(page_name "$page")-$lang" "$DESKTOP_SIZE" "$(with_lang "$BASE_URL$page" "$lang")"
    done
done
for page in "${PHONE_PAGES[@]}"; do
    shot "$(page_name "$page")-ko-phone" "$PHONE_SIZE" "$(with_lang "$BASE_URL$page" ko)"
done

echo "$OK screenshot(s) written to $OUTDIR"
if [ "${#FAILED[@]}" -gt 0 ]; then
    die "${#FAILED[@]} failed: ${FAILED[*]}"
fi
