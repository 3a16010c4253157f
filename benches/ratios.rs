//! The ratio report: for every body that parses (edna's 22 example bodies in
//! `fixtures/*.json`, every edge fixture in `fixtures/edge/` but the `bad-*` ones, and the
//! benchmark-only bodies of `benches/bodies/`), how long `parse_body` takes next to
//! serde_json's bare scan of the same bytes (`IgnoredAny`), the direct typed parse, a
//! plain serde-derive model of the same bodies (the anchor: what a user would write
//! instead) and `serde_json::Value`, all measured in this one process, interleaved; then
//! the timestamp parser next to `time`'s strict RFC 3339 parser, and the allocations of
//! each parse.
//!
//! ```text
//! cargo bench --bench ratios            # about 45 s once built
//! cargo bench --bench ratios -- --quick # about 9 s, noisier
//! ```
//!
//! Columns (times in ns per call):
//!
//! - `scan`: `serde_json::from_slice::<IgnoredAny>`, the floor of any serde_json-based parse.
//! - `typed`: the direct typed parse, `serde_json::from_slice::<IncomingMessage>` and the
//!   others (`Vec<T>` for an array; `Vec<Callback>` for an array of mixed kinds or none).
//! - `body`: `parse_body`.
//! - `Value`: `serde_json::from_slice::<Value>`.
//! - `own`: not a parse but cloning (and dropping) what `parse_body` returned: the cost of
//!   allocating and filling the owned values alone.
//! - `derive`: the anchor, `benches/common/derive_model.rs`: `#[derive(Deserialize)]`
//!   structs with `#[serde(flatten)] extra` on every object, open enums with an untagged
//!   `Unknown(String)`, untagged ids, tolerant timestamps, the kind chosen by
//!   `#[serde(untagged)]`. `-` where it cannot read the body (listed below the table).
//! - `body/scan` (the ratio the targets are about), `body/typed`, `Value/body`,
//!   `floor/scan` (`(scan + own) / scan`: what a parser as fast as the bare scan would
//!   still take to build those values) and `derive/scan`.
//!
//! Each time is the median, over many rounds, of one batch's time per call (a batch of
//! about 100 µs, sized for each body and method); the rounds interleave the six
//! measurements of every body, so that a slower moment of a busy machine falls on all of
//! them alike. Ratios are of medians; "geomean" is over the bodies. The summary gives the
//! geomean of `body/scan` over edna's 22 examples and over every body, and the worst body,
//! each next to its target (issue #16), and the share of the rest of `body` (`body` -
//! `own`: reading, checking and typing, with `own` held as it is) at which each target
//! would be met (1.00: met as it is); then the anchor's. The timestamp table covers the
//! timestamps of edna's 22 examples.
//!
//! `--profile METHOD BODY N` runs one parse N times for a profiler instead (see
//! `benches/callgrind.sh`); `--list` prints the names of the bodies.

mod common;
#[path = "common/derive_model.rs"]
mod derive_model;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::{all_bodies, count, timestamps, Allocs, CountingAlloc, Fixture, Group};
use edna_callbacks::Timestamp;
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// Issue #16's target for `body/scan`: the geomean over edna's examples.
const EDNA_TARGET: f64 = 1.70;
/// Issue #16's target for `body/scan`: the geomean over every body that parses.
const ALL_TARGET: f64 = 1.80;
/// Issue #16's target for `body/scan`: every body.
const BODY_TARGET: f64 = 3.00;

/// How long one timed batch should take.
const BATCH: Duration = Duration::from_micros(100);

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_owned())
}

/// How many calls of `f` fill one [`BATCH`].
fn calibrate(mut f: impl FnMut()) -> u32 {
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < Duration::from_millis(5) {
        f();
        n += 1;
    }
    let per_call = start.elapsed().as_secs_f64() / f64::from(n);
    ((BATCH.as_secs_f64() / per_call).ceil() as u32).max(1)
}

/// Nanoseconds per call of one batch of `n` calls.
fn batch(n: u32, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed().as_secs_f64() * 1e9 / f64::from(n)
}

/// The median; NaN when nothing was measured (a body the derive model cannot read).
fn median(samples: &mut [f64]) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    samples.sort_by(f64::total_cmp);
    let mid = samples.len() / 2;
    if samples.len() % 2 == 1 {
        samples[mid]
    } else {
        (samples[mid - 1] + samples[mid]) / 2.0
    }
}

fn geomean(values: impl IntoIterator<Item = f64>) -> f64 {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0u32), |(s, n), v| (s + v.ln(), n + 1));
    (sum / f64::from(n)).exp()
}

const SCAN: usize = 0;
const TYPED: usize = 1;
const BODY: usize = 2;
const VALUE: usize = 3;
/// Not a parse: cloning (and dropping) what `parse_body` returned, which allocates and
/// fills the same owned values. A parse that builds them cannot take less than its
/// scan of the bytes plus about this.
const OWN: usize = 4;
/// The anchor: the serde-derive model of [`derive_model`].
const DERIVE: usize = 5;
const METHODS: usize = 6;

/// Which bodies a geomean is over.
type Keep = fn(&Fixture) -> bool;

/// Reading a body with the serde-derive model.
fn derive(body: &[u8]) -> bool {
    black_box(derive_model::parse(body)).is_ok()
}

/// `--profile METHOD BODY N`: only runs one parse `N` times, for a profiler
/// (`valgrind --tool=callgrind`). METHOD is `scan`, `typed`, `body`, `value` or `derive`;
/// BODY a name as `--list` prints it (`pulse-status-read.en`, `edge/status-key-order`,
/// `bodies/status-channel-type`), or `all`.
fn profile(args: &[String]) {
    let [method, name, n] = args else {
        panic!("usage: --profile scan|typed|body|value|derive BODY|all N");
    };
    let n: u32 = n.parse().expect("N");
    for f in all_bodies() {
        if name != "all" && *name != f.name {
            continue;
        }
        let parse = match method.as_str() {
            "scan" => common::scan,
            "typed" => f.typed,
            "body" => common::body,
            "value" => common::value,
            "derive" => derive,
            other => panic!("unknown method {other}"),
        };
        for _ in 0..n {
            assert!(parse(black_box(&f.body)));
        }
    }
}

/// JSON with every `null` member of an object removed: the derive model cannot tell an
/// absent key from a `null` one.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

/// Whether the derive model reads `f`'s body (`Err` with serde's message if not) and
/// writes back the JSON `parse_body`'s values write (`null` members aside).
fn check_derive(f: &Fixture) -> Result<bool, String> {
    let model = derive_model::parse(&f.body).map_err(|e| e.to_string())?;
    let ours = serde_json::to_value(&model).map_err(|e| e.to_string())?;
    let callbacks = edna_callbacks::parse_body(&f.body).expect("body parses");
    let theirs = match (&model, callbacks.as_slice()) {
        (derive_model::Body::One(_), [one]) => serde_json::to_value(one),
        _ => serde_json::to_value(&callbacks),
    }
    .expect("writes");
    Ok(without_nulls(ours) == without_nulls(theirs))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--profile") {
        return profile(&args[i + 1..]);
    }
    if args.iter().any(|a| a == "--list") {
        for f in all_bodies() {
            println!("{}", f.name);
        }
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let rounds = if quick { 200 } else { 1000 };
    let fixtures = all_bodies();
    let count_of = |g: Group| fixtures.iter().filter(|f| f.group == g).count();
    let (golden, edge, bench) = (
        count_of(Group::Golden),
        count_of(Group::Edge),
        count_of(Group::Bench),
    );
    println!(
        "edna-callbacks ratio report: {} bodies that parse ({golden} of edna's examples, {edge} edge fixtures, {bench} of benches/bodies), {rounds} interleaved rounds, load average at start {}",
        fixtures.len(),
        load()
    );

    // The anchor must read every body; those it cannot read are listed and not timed.
    let checks: Vec<Result<bool, String>> = fixtures.iter().map(check_derive).collect();
    let derive_reads: Vec<bool> = checks.iter().map(Result::is_ok).collect();

    // One row per body: the parses, each `fn(&[u8]) -> bool` (`OWN` is not one).
    let parses: Vec<[common::Parse; METHODS]> = fixtures
        .iter()
        .map(|f| {
            [
                common::scan,
                f.typed,
                common::body,
                common::value,
                common::body,
                derive,
            ]
        })
        .collect();
    let owned: Vec<Vec<edna_callbacks::Callback>> = fixtures
        .iter()
        .map(|f| edna_callbacks::parse_body(&f.body).expect("body parses"))
        .collect();
    let measured = |i: usize, m: usize| m != DERIVE || derive_reads[i];
    // The batch size of each body and method, so that every batch takes about `BATCH`.
    let batches: Vec<[u32; METHODS]> = fixtures
        .iter()
        .enumerate()
        .map(|(i, f)| {
            std::array::from_fn(|m| match m {
                OWN => calibrate(|| drop(black_box(black_box(&owned[i]).clone()))),
                _ if measured(i, m) => calibrate(|| {
                    black_box(parses[i][m](black_box(&f.body)));
                }),
                _ => 0,
            })
        })
        .collect();
    let mut samples = vec![[(); METHODS].map(|()| Vec::with_capacity(rounds)); fixtures.len()];
    for round in 0..rounds {
        for (i, f) in fixtures.iter().enumerate() {
            for k in 0..METHODS {
                let m = (round + k) % METHODS; // rotate which one goes first
                if !measured(i, m) {
                    continue;
                }
                let n = batches[i][m];
                let ns = if m == OWN {
                    batch(n, || drop(black_box(black_box(&owned[i]).clone())))
                } else {
                    let parse = parses[i][m];
                    batch(n, || {
                        black_box(parse(black_box(&f.body)));
                    })
                };
                samples[i][m].push(ns);
            }
        }
    }
    let medians: Vec<[f64; METHODS]> = samples
        .iter_mut()
        .map(|s| std::array::from_fn(|m| median(&mut s[m])))
        .collect();

    let width = fixtures
        .iter()
        .map(|f| f.name.len())
        .max()
        .unwrap_or(0)
        .max(22);
    println!();
    println!(
        "{:<width$} {:>5} {:>7} {:>8} {:>7} {:>8} {:>6} {:>9} {:>9} {:>10} {:>10} {:>10} {:>11}",
        "body",
        "bytes",
        "scan ns",
        "typed ns",
        "body ns",
        "Value ns",
        "own ns",
        "derive ns",
        "body/scan",
        "body/typed",
        "Value/body",
        "floor/scan",
        "derive/scan"
    );
    let ratio = |m: &[f64; METHODS], a: usize| m[a] / m[SCAN];
    let floor = |m: &[f64; METHODS]| (m[SCAN] + m[OWN]) / m[SCAN];
    let cell = |v: f64, digits: usize, w: usize| {
        if v.is_finite() {
            format!("{v:>w$.digits$}")
        } else {
            format!("{:>w$}", "-")
        }
    };
    let row = |name: &str, bytes: String, m: &[f64; METHODS], r: [f64; 5]| {
        println!(
            "{name:<width$} {bytes:>5} {:>7.0} {:>8.0} {:>7.0} {:>8.0} {:>6.0} {} {:>9.2} {:>10.2} {:>10.2} {:>10.2} {}",
            m[SCAN],
            m[TYPED],
            m[BODY],
            m[VALUE],
            m[OWN],
            cell(m[DERIVE], 0, 9),
            r[0],
            r[1],
            r[2],
            r[3],
            cell(r[4], 2, 11),
        );
    };
    for (f, m) in fixtures.iter().zip(&medians) {
        let r = [
            ratio(m, BODY),
            m[BODY] / m[TYPED],
            m[VALUE] / m[BODY],
            floor(m),
            ratio(m, DERIVE),
        ];
        row(&f.name, f.body.len().to_string(), m, r);
    }
    // Geomeans over a subset of the bodies (the derive ones over those it reads).
    let of = |keep: Keep, value: &dyn Fn(&[f64; METHODS]) -> f64| {
        geomean(
            fixtures
                .iter()
                .zip(&medians)
                .filter(|(f, _)| keep(f))
                .map(|(_, m)| value(m))
                .filter(|v| v.is_finite()),
        )
    };
    let golden_only: Keep = |f| f.group == Group::Golden;
    let any: Keep = |_| true;
    let subsets: [(String, Keep); 4] = [
        (format!("geomean, edna's {golden}"), golden_only),
        (format!("geomean, edge/ ({edge})"), |f| {
            f.group == Group::Edge
        }),
        (format!("geomean, bodies/ ({bench})"), |f| {
            f.group == Group::Bench
        }),
        (format!("geomean, all {}", fixtures.len()), any),
    ];
    for &(ref label, keep) in &subsets {
        let m: [f64; METHODS] = std::array::from_fn(|k| of(keep, &|m| m[k]));
        let r = [
            of(keep, &|m| ratio(m, BODY)),
            of(keep, &|m| m[BODY] / m[TYPED]),
            of(keep, &|m| m[VALUE] / m[BODY]),
            of(keep, &floor),
            of(keep, &|m| ratio(m, DERIVE)),
        ];
        row(label, String::new(), &m, r);
    }

    println!();
    for (f, check) in fixtures.iter().zip(&checks) {
        match check {
            Err(e) => println!("derive model cannot read {}: {e}", f.name),
            Ok(false) => println!(
                "derive model reads {} but writes back other JSON than parse_body's values (nulls aside)",
                f.name
            ),
            Ok(true) => {}
        }
    }
    let same = checks.iter().filter(|c| matches!(c, Ok(true))).count();
    println!(
        "derive model: reads {} of {} bodies; writes back the JSON parse_body's values write (null members aside) for {same}",
        derive_reads.iter().filter(|r| **r).count(),
        fixtures.len()
    );

    println!();
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    let body_scan = |keep: Keep| of(keep, &|m| ratio(m, BODY));
    let worst = |a: usize| {
        fixtures
            .iter()
            .zip(&medians)
            .map(|(f, m)| (f.name.as_str(), ratio(m, a)))
            .filter(|(_, r)| r.is_finite())
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or(("none", f64::NAN))
    };
    let all_n = fixtures.len();
    let (golden_scan, all_scan) = (body_scan(golden_only), body_scan(any));
    let (worst_name, worst_scan) = worst(BODY);
    println!("targets of issue #16, parse_body/IgnoredAny (body/scan):");
    let target = |label: String, limit: f64, value: f64| {
        println!(
            "  {label:<40} <= {limit:.2}:  {value:>5.2}  {}",
            verdict(value <= limit)
        );
    };
    target(
        format!("geomean over edna's {golden} examples"),
        EDNA_TARGET,
        golden_scan,
    );
    target(
        format!("geomean over all {all_n} bodies that parse"),
        ALL_TARGET,
        all_scan,
    );
    target(format!("worst body, {worst_name}"), BODY_TARGET, worst_scan);
    let mut above: Vec<(&str, f64)> = fixtures
        .iter()
        .zip(&medians)
        .map(|(f, m)| (f.name.as_str(), ratio(m, BODY)))
        .filter(|(_, r)| *r > BODY_TARGET)
        .collect();
    above.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!("  bodies above {BODY_TARGET:.2}: {}", above.len());
    for (name, r) in &above {
        println!("    {r:>6.2}  {name}");
    }

    // What the targets ask of the rest of `body` (`body - own`: reading, checking and
    // typing the bytes, telling the kind), with `own` (building and dropping the values)
    // held as it is: the share of today's rest at which each target would be met.
    let with_rest = |m: &[f64; METHODS], k: f64| (m[OWN] + k * (m[BODY] - m[OWN])) / m[SCAN];
    let share = |keep: Keep, limit: f64| {
        if of(keep, &|m| with_rest(m, 1.0)) <= limit {
            return 1.0;
        }
        let (mut low, mut high) = (0.0, 1.0);
        for _ in 0..50 {
            let k = (low + high) / 2.0;
            if of(keep, &|m| with_rest(m, k)) <= limit {
                low = k;
            } else {
                high = k;
            }
        }
        low
    };
    let (tightest, tightest_share) = fixtures
        .iter()
        .zip(&medians)
        .map(|(f, m)| {
            let k = (BODY_TARGET * m[SCAN] - m[OWN]) / (m[BODY] - m[OWN]);
            (f.name.as_str(), k.min(1.0))
        })
        .filter(|(_, k)| k.is_finite())
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or(("none", f64::NAN));
    println!("  the rest (body - own), own as it is, would meet each at this share of its time:");
    println!(
        "    edna's {golden} <= {EDNA_TARGET:.2}: {:.2}   all {all_n} <= {ALL_TARGET:.2}: {:.2}   every body <= {BODY_TARGET:.2}: {tightest_share:.2} ({tightest})",
        share(golden_only, EDNA_TARGET),
        share(any, ALL_TARGET),
    );

    // The 15 golden bodies of 0.1.0 (edna's four pages), and the 7 of edna's other
    // webhook pages added with issue #9.
    fn added(f: &Fixture) -> bool {
        ["pulse-template-", "pulse-link-", "pulse-status-delivered-"]
            .iter()
            .any(|p| f.name.starts_with(p))
    }
    let old_scan = body_scan(|f| f.group == Group::Golden && !added(f));
    let new_scan = body_scan(|f| f.group == Group::Golden && added(f));
    println!("parse_body/IgnoredAny on the 15 golden bodies of 0.1.0:         {old_scan:.2}");
    println!("parse_body/IgnoredAny on the 7 bodies of edna's other webhooks: {new_scan:.2}");
    println!(
        "parse_body/IgnoredAny on the {edge} edge fixtures:                 {:.2}",
        body_scan(|f| f.group == Group::Edge)
    );

    println!();
    println!("the anchor, the serde-derive model (derive/IgnoredAny, derive/parse_body):");
    let (worst_derive_name, worst_derive) = worst(DERIVE);
    for (label, keep) in [
        (format!("edna's {golden}"), golden_only),
        (format!("all {all_n}"), any),
    ] {
        println!(
            "  geomean over {label:<10} derive/scan {:.2}   derive/body {:.2}",
            of(keep, &|m| ratio(m, DERIVE)),
            of(keep, &|m| m[DERIVE] / m[BODY]),
        );
    }
    println!("  worst body   derive/scan {worst_derive:.2}  ({worst_derive_name})");

    println!();
    println!("earlier targets and geomeans, over edna's {golden} examples (all {all_n} bodies in brackets):");
    let both = |value: &dyn Fn(&[f64; METHODS]) -> f64| (of(golden_only, value), of(any, value));
    let (typed_scan, typed_scan_all) = both(&|m| ratio(m, TYPED));
    let (value_typed, value_typed_all) = both(&|m| m[VALUE] / m[TYPED]);
    let (floor_scan, floor_scan_all) = both(&floor);
    let (value_body, value_body_all) = both(&|m| m[VALUE] / m[BODY]);
    let (body_typed, body_typed_all) = both(&|m| m[BODY] / m[TYPED]);
    println!("typed/IgnoredAny (direct typed parse / scan), geomean: {typed_scan:.2}  ({typed_scan_all:.2})");
    println!("Value/typed (Value / direct typed parse), geomean:     {value_typed:.2}  ({value_typed_all:.2})");
    println!(
        "floor/scan ((scan + own) / scan: the bare scan plus building the owned values), geomean: {floor_scan:.2}  ({floor_scan_all:.2})"
    );
    println!(
        "target parse_body/IgnoredAny <= 1.30:  {golden_scan:.2}  {}  ({all_scan:.2})",
        verdict(golden_scan <= 1.30)
    );
    println!(
        "target Value/parse_body >= 2.50:       {value_body:.2}  {}  ({value_body_all:.2})",
        verdict(value_body >= 2.50)
    );
    println!(
        "target parse_body/typed <= 1.10:       {body_typed:.2}  {}  ({body_typed_all:.2})",
        verdict(body_typed <= 1.10)
    );

    // Timestamps: the tolerant parser next to time's strict RFC 3339 parser, on every
    // timestamp of edna's examples that both read, then on the forms only the tolerant one
    // reads.
    let examples: Vec<Fixture> = common::fixtures();
    let strings = timestamps(&examples);
    let (both, tolerant_only): (Vec<&String>, Vec<&String>) = strings
        .iter()
        .partition(|s| OffsetDateTime::parse(s, &Rfc3339).is_ok());
    println!();
    println!(
        "{:<34} {:>12} {:>12} {:>10}",
        "timestamp", "tolerant ns", "time ns", "tol/time"
    );
    let mut ts_ratios = Vec::new();
    for s in &both {
        let ours = || {
            black_box(Timestamp::parse(black_box(s)).is_ok());
        };
        let theirs = || {
            black_box(OffsetDateTime::parse(black_box(s), &Rfc3339).is_ok());
        };
        let n = calibrate(theirs) * 4;
        let mut a = Vec::with_capacity(rounds);
        let mut b = Vec::with_capacity(rounds);
        for _ in 0..rounds / 2 {
            a.push(batch(n, ours));
            b.push(batch(n, theirs));
        }
        let (a, b) = (median(&mut a), median(&mut b));
        ts_ratios.push(a / b);
        println!("{:<34} {:>12.1} {:>12.1} {:>10.2}", s, a, b, a / b);
    }
    for s in &tolerant_only {
        let ours = || {
            black_box(Timestamp::parse(black_box(s)).is_ok());
        };
        let n = calibrate(ours) * 4;
        let mut a: Vec<f64> = (0..rounds / 2).map(|_| batch(n, ours)).collect();
        println!(
            "{:<34} {:>12.1} {:>12} {:>10}",
            s,
            median(&mut a),
            "(not RFC 3339)",
            ""
        );
    }
    let ts = geomean(ts_ratios.iter().copied());
    println!(
        "target tolerant/time <= 1.00 (geomean): {ts:.2}  {}",
        verdict(ts <= 1.0)
    );

    // Allocations per body.
    println!();
    println!(
        "{:<width$} {:>16} {:>16} {:>16} {:>16}",
        "allocations per body", "parse_body", "typed", "Value", "derive"
    );
    let show = |a: Allocs| format!("{} ({} B)", a.allocs + a.reallocs, a.bytes);
    for (f, reads) in fixtures.iter().zip(&derive_reads) {
        let body = count(common::body, &f.body);
        let typed = count(f.typed, &f.body);
        let value = count(common::value, &f.body);
        let derived = if *reads {
            show(count(derive, &f.body))
        } else {
            "-".to_owned()
        };
        println!(
            "{:<width$} {:>16} {:>16} {:>16} {:>16}",
            f.name,
            show(body),
            show(typed),
            show(value),
            derived
        );
        if body.reallocs > 0 {
            println!(
                "  ({} of the parse_body allocations are reallocs)",
                body.reallocs
            );
        }
    }
    println!();
    println!("load average at end {}", load());
}
