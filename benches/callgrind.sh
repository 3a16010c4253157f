#!/bin/sh
# Instructions per parse, counted by callgrind (stable on a noisy machine, unlike time).
#
#   benches/callgrind.sh            # every method over every body of the ratio report
#   benches/callgrind.sh body pulse-status-read.en
#   benches/callgrind.sh "body derive" "edge/status-key-order bodies/status-channel-type"
#
# Builds the ratios bench with debug info, then runs its --profile mode under callgrind
# with N=0 and N=200 calls and prints (Ir(200) - Ir(0)) / 200 per body and method. The
# bodies are those of the ratio report (`--list`: the golden fixtures, the edge fixtures
# that parse, benches/bodies/).
set -eu
cd "$(dirname "$0")/.."
export CARGO_PROFILE_BENCH_DEBUG=true
bin=$(cargo bench --bench ratios --no-run --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*ratios[^"]*\)".*/\1/p' | tail -n 1)
methods=${1:-"scan typed body value derive"}
fixtures=${2:-$("$bin" --list)}
n=200
ir() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --profile "$1" "$2" "$3" 2>&1 |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
printf '%-52s' body
for m in $methods; do printf ' %10s' "$m"; done
echo
for f in $fixtures; do
    printf '%-52s' "$f"
    for m in $methods; do
        base=$(ir "$m" "$f" 0)
        full=$(ir "$m" "$f" $n)
        printf ' %10d' $(((full - base) / n))
    done
    echo
done
