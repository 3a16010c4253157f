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
# that parse, benches/bodies/). When both `scan` and `body` are measured, it ends with the
# ratio report's summary in instructions instead of time (deterministic, unlike time):
# the geomean of body/scan over edna's examples and over every body, the worst body, and
# how many are above 3.0.
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
table() {
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
}
# The summary of the ratio report, in instructions: needs the scan and body columns.
summary() {
    awk -v methods="$methods" '
        BEGIN { k = split(methods, m, " "); for (i = 1; i <= k; i++) col[m[i]] = i + 1 }
        { print }
        NR > 1 && ("scan" in col) && ("body" in col) && $col["scan"] > 0 {
            r = $col["body"] / $col["scan"]
            all += log(r); n++
            if ($1 !~ /^(edge|bodies)\//) { edna += log(r); e++ }
            if (r > 3.0) above++
            if (r > worst) { worst = r; name = $1 }
        }
        END {
            if (n == 0) exit
            printf "\nbody/scan in instructions:\n"
            if (e > 0) printf "  geomean over edna'"'"'s %d examples  %5.3f\n", e, exp(edna / e)
            printf "  geomean over all %d bodies     %5.3f\n", n, exp(all / n)
            printf "  worst body, %s  %5.2f\n", name, worst
            printf "  bodies above 3.0: %d\n", above
        }'
}
table | summary
