#!/bin/sh
# Seeds the fuzz corpora from the fixtures: fuzz/corpus/<target>/ (git-ignored).
# Run from anywhere; safe to run again (files are named by content).
set -eu

fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")
corpus="$fuzz/corpus"
mkdir -p "$corpus/parse_body" "$corpus/differential" "$corpus/flow_reply" "$corpus/timestamp"

# Writes standard input to $1/<checksum of the content>.
put() {
    tmp=$(mktemp)
    cat >"$tmp"
    sum=$(cksum <"$tmp" | cut -d' ' -f1)
    mv "$tmp" "$1/seed-$sum"
}

# parse_body and differential: every golden and edge fixture, and every regression, as it
# is.
for f in "$root"/fixtures/*.json "$root"/fixtures/edge/*.json "$root"/tests/regressions/*; do
    [ -f "$f" ] && put "$corpus/parse_body" <"$f"
    [ -f "$f" ] && put "$corpus/differential" <"$f"
done

# flow_reply: the FLOW texts of the fixtures, odd texts, and the fixtures themselves
# (JSON documents of every shape).
printf '%s' '{"screen_0_Name_0":"Ivan","screen_0_Order_number_1":"6","screen_0_Choose_a_topic_2":"0_order","flow_token":"example"}' | put "$corpus/flow_reply"
printf '%s' '{"flow_token":"example"}' | put "$corpus/flow_reply"
printf '%s' '{"flow_token":null,"a":[1,2.5,"x",{"b":null}]}' | put "$corpus/flow_reply"
printf '%s' '{"flow_token":7}' | put "$corpus/flow_reply"
printf '%s' '[{"flow_token":"t"}]' | put "$corpus/flow_reply"
printf '%s' 'Hello, not JSON' | put "$corpus/flow_reply"
if command -v jq >/dev/null 2>&1; then
    for f in "$root"/fixtures/*.json "$root"/fixtures/edge/*.json; do
        jq -r '.. | objects | select(has("text")) | .text | strings' "$f" 2>/dev/null |
            while IFS= read -r text; do printf '%s' "$text" | put "$corpus/flow_reply"; done
    done
fi
for f in "$root"/fixtures/*.json; do
    put "$corpus/flow_reply" <"$f"
done

# timestamp: every timestamp in the fixtures, and every documented form.
{
    cat "$root"/fixtures/*.json "$root"/fixtures/edge/*.json |
        grep -oE '"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][^"]*"' | tr -d '"'
    cat <<'FORMS'
2023-10-31T11:07:56Z
2023-10-31T14:07:56+03:00
2020-01-10T19:03:52.355+0300
2021-10-20T08:42:51.354+0000
2023-10-31t11:07:56.123456789z
2024-08-05T08: 24: 14Z
2023-10-31T01:07:56.1-05:30
0000-01-01T00:00:00-00:00
9999-12-31T23:59:59.999999999+23:59
2024-02-29T12:00:00-2359
FORMS
} | sort -u | while IFS= read -r ts; do printf '%s' "$ts" | put "$corpus/timestamp"; done

for t in parse_body differential flow_reply timestamp; do
    echo "$t: $(ls "$corpus/$t" | wc -l) seeds"
done
