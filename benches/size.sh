#!/usr/bin/env bash
# What edna-callbacks adds to a user's build: the stripped size of a minimal release binary
# and the time of its clean release build, against the same program without the crate.
#
#   benches/size.sh [body.json]      # default: fixtures/pulse-status-read.en.json
#
# Builds two programs, each in a crate of its own in a temporary directory outside this
# workspace, with `strip = true` in the release profile and the versions of this
# repository's Cargo.lock:
#
#   edna        reads a file and parses it with `edna_callbacks::parse_body` (a path
#               dependency on this repository), printing the number of callbacks or the error;
#   plain       the same program reading a Pulse status into a plain
#               `#[derive(serde::Deserialize)]` struct (requestId, status, statusAt as
#               strings) with serde_json.
#
# Each build starts from an empty target directory of its own (the crates are downloaded
# first, outside the timing), one after the other. The wall-clock times move with whatever
# else the machine runs, the CPU times less, the sizes not at all. It measures and exits 0;
# it enforces nothing.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
body=$(cd "$repo" && realpath "${1:-fixtures/pulse-status-read.en.json}")
work=$(mktemp -d "${TMPDIR:-/tmp}/edna-callbacks-size.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A crate `$1` with the dependencies `$2` and the `main.rs` read from standard input.
new_crate() {
    mkdir -p "$work/$1/src"
    cat >"$work/$1/Cargo.toml" <<EOF
[package]
name = "size-$1"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$2

[profile.release]
strip = true

# A workspace of its own, outside the repository's.
[workspace]
EOF
    cat >"$work/$1/src/main.rs"
    # The same versions as the repository's build (cargo drops the entries it does not use).
    cp "$repo/Cargo.lock" "$work/$1/Cargo.lock"
}

new_crate edna "edna-callbacks = { path = \"$repo\" }" <<'EOF'
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: size-edna BODY.json");
        return ExitCode::from(2);
    };
    let body = match std::fs::read(path) {
        Ok(body) => body,
        Err(e) => {
            eprintln!("cannot read the body: {e}");
            return ExitCode::from(2);
        }
    };
    match edna_callbacks::parse_body(&body) {
        Ok(callbacks) => {
            println!("{} callback(s)", callbacks.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
EOF

new_crate plain 'serde = { version = "1.0.200", features = ["derive"] }
serde_json = "1.0.120"' <<'EOF'
use std::process::ExitCode;

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // Read, as a handler would, but not printed.
struct Status {
    request_id: String,
    status: String,
    status_at: String,
}

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: size-plain BODY.json");
        return ExitCode::from(2);
    };
    let body = match std::fs::read(path) {
        Ok(body) => body,
        Err(e) => {
            eprintln!("cannot read the body: {e}");
            return ExitCode::from(2);
        }
    };
    match serde_json::from_slice::<Status>(&body) {
        Ok(_) => {
            println!("1 callback(s)");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
EOF

# Builds crate `$1` from an empty target directory; sets `size` (bytes), `wall` and `cpu`
# (seconds: wall clock, and user + system time of the build's processes).
build() {
    local dir=$work/$1 times
    (cd "$dir" && cargo fetch --quiet)
    # `time` reports on the group's standard error (captured); cargo's goes to ours (fd 3).
    times=$({
        TIMEFORMAT='%R %U %S'
        time (cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo build --release --quiet 2>&3)
    } 3>&2 2>&1)
    read -r wall cpu <<<"$(awk '{ printf "%.1f %.1f", $1, $2 + $3 }' <<<"$times")"
    local bin=$dir/target/release/size-$1
    size=$(wc -c <"$bin" | tr -d ' ')
    printf '  %-6s on %s: %s\n' "$1" "${body#"$repo"/}" "$("$bin" "$body" 2>&1)"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a; }
echo "building both programs, load average $(loadavg)"
build edna
edna_size=$size edna_wall=$wall edna_cpu=$cpu
build plain
plain_size=$size plain_wall=$wall plain_cpu=$cpu
echo "built, load average $(loadavg) (other work on the machine stretches the wall clock)"

kb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1024 }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }
row() { printf '%-44s %8s KB %10s s %10s s\n' "$@"; }
echo
printf '%-44s %11s %12s %12s\n' "minimal release binary (stripped)" "size" "build wall" "build CPU"
row "parse_body (edna-callbacks)" "$(kb "$edna_size")" "$edna_wall" "$edna_cpu"
row "serde_json into a plain Deserialize struct" "$(kb "$plain_size")" "$plain_wall" "$plain_cpu"
row "added by edna-callbacks" "$(kb $((edna_size - plain_size)))" \
    "$(minus "$edna_wall" "$plain_wall")" "$(minus "$edna_cpu" "$plain_cpu")"
echo
echo "added by edna-callbacks: $(kb $((edna_size - plain_size))) KB ($((edna_size - plain_size)) bytes; KB = 1024 bytes)"
