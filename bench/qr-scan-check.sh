#!/bin/bash
# Manual check that the app's QR codes scan: draw each text as SVG (trainingbench svg),
# render it to PNG (rsvg-convert, Debian librsvg2-bin) and decode it (zbarimg, Debian
# zbar-tools). Usage: bench/qr-scan-check.sh PATH/TO/trainingbench
set -u
bench=${1:?path to the trainingbench binary}
dir=$(mktemp -d)
pass=0; fail=0
check() {
    local text=$1 level=$2
    "$bench" svg "$text" "$level" > "$dir/code.svg"
    rsvg-convert -o "$dir/code.png" "$dir/code.svg"
    local read
    read=$(zbarimg --quiet --raw -Sbinary "$dir/code.png" 2>/dev/null)
    if [ "$read" == "$text" ]; then pass=$((pass + 1)); echo "ok   $level ${#text} chars: ${text:0:70}"
    else fail=$((fail + 1)); echo "FAIL $level: $text → $read"; fi
}
check "https://kscon.example/certificates/K7QF-9MZC-XR3T" M
check "https://kscon.example/training/cohorts/2026-1/check-in?session=6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b" Q
check "otpauth://totp/K-SCON:officer%40kscon.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=K-SCON&algorithm=SHA1&digits=6&period=30" M
check "HTTPS://KSCON.EXAMPLE/C/K7QF9MZCXR3T" H
check "https://kscon.example/ko/초청연수/수료증?code=K7QF-9MZC-XR3T" L
check "0123456789012345678901234567890123456789" M
check "$(printf 'https://kscon.example/open-data/projects.csv?page=%d&' $(seq 1 40))" L
check "$(printf 'https://kscon.example/open-data/projects.csv?page=%d&' $(seq 1 36))" M
rm -rf "$dir"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
