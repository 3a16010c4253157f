//! The ratio report: for every golden fixture, how long `parse_body` takes next to
//! serde_json's bare scan of the same bytes (`IgnoredAny`), the direct typed parse
//! (`serde_json::from_slice::<IncomingMessage>` and the others) and `serde_json::Value`,
//! all measured in this one process, interleaved; then the timestamp parser next to
//! `time`'s strict RFC 3339 parser, and the allocations of each parse.
//!
//! ```text
//! cargo bench --bench ratios            # about 15 s once built
//! cargo bench --bench ratios -- --quick # about 3 s, noisier
//! ```
//!
//! Columns: `scan` is `serde_json::from_slice::<IgnoredAny>`, `typed` the direct typed
//! parse, `body` is `parse_body`, `Value` is `serde_json::from_slice::<Value>`, and `own`
//! is not a parse but cloning (and dropping) what `parse_body` returned: the cost of
//! allocating and filling the owned values alone. `floor/scan` is `(scan + own) / scan`,
//! what a parser as fast as the bare scan would still take to build those values.
//!
//! Each time is the median, over many rounds, of one batch's time per call; the rounds
//! interleave the five measurements of every fixture, so that a slower moment of a busy
//! machine falls on all of them alike. Ratios are of medians; "geomean" is over the
//! fixtures.
//!
//! `--profile METHOD FIXTURE N` runs one parse N times for a profiler instead (see
//! `benches/callgrind.sh`).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::{count, fixtures, timestamps, Allocs, CountingAlloc};
use edna_callbacks::Timestamp;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// How long one timed batch should take.
const BATCH: Duration = Duration::from_micros(200);

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

fn median(samples: &mut [f64]) -> f64 {
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
const METHODS: usize = 5;

/// `--profile METHOD FIXTURE N`: only runs one parse `N` times, for a profiler
/// (`valgrind --tool=callgrind`). METHOD is `scan`, `typed`, `body` or `value`; FIXTURE a
/// fixture name, or `all`.
fn profile(args: &[String]) {
    let [method, fixture, n] = args else {
        panic!("usage: --profile scan|typed|body|value FIXTURE|all N");
    };
    let n: u32 = n.parse().expect("N");
    for f in fixtures() {
        if fixture != "all" && *fixture != f.name {
            continue;
        }
        let parse = match method.as_str() {
            "scan" => common::scan,
            "typed" => f.typed,
            "body" => common::body,
            "value" => common::value,
            other => panic!("unknown method {other}"),
        };
        for _ in 0..n {
            assert!(parse(black_box(&f.body)));
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--profile") {
        return profile(&args[i + 1..]);
    }
    let quick = args.iter().any(|a| a == "--quick");
    let rounds = if quick { 200 } else { 1000 };
    let fixtures = fixtures();
    println!(
        "edna-callbacks ratio report: {} fixtures, {rounds} interleaved rounds, load average at start {}",
        fixtures.len(),
        load()
    );

    // One row per fixture: the four parses, each `fn(&[u8]) -> bool`.
    let parses: Vec<[common::Parse; 4]> = fixtures
        .iter()
        .map(|f| [common::scan, f.typed, common::body, common::value])
        .collect();
    let owned: Vec<Vec<edna_callbacks::Callback>> = fixtures
        .iter()
        .map(|f| edna_callbacks::parse_body(&f.body).expect("fixture parses"))
        .collect();
    let batches: Vec<u32> = fixtures
        .iter()
        .map(|f| calibrate(|| assert!(common::body(black_box(&f.body)))))
        .collect();
    let mut samples = vec![[(); METHODS].map(|()| Vec::with_capacity(rounds)); fixtures.len()];
    for round in 0..rounds {
        for (i, f) in fixtures.iter().enumerate() {
            for k in 0..METHODS {
                let m = (round + k) % METHODS; // rotate which one goes first
                let ns = match parses[i].get(m) {
                    Some(&parse) => batch(batches[i], || {
                        black_box(parse(black_box(&f.body)));
                    }),
                    None => batch(batches[i], || drop(black_box(black_box(&owned[i]).clone()))),
                };
                samples[i][m].push(ns);
            }
        }
    }
    let medians: Vec<[f64; METHODS]> = samples
        .iter_mut()
        .map(|s| [0, 1, 2, 3, 4].map(|m| median(&mut s[m])))
        .collect();

    println!();
    println!(
        "{:<30} {:>5} {:>7} {:>8} {:>7} {:>8} {:>6} {:>9} {:>10} {:>10} {:>10}",
        "fixture",
        "bytes",
        "scan ns",
        "typed ns",
        "body ns",
        "Value ns",
        "own ns",
        "body/scan",
        "body/typed",
        "Value/body",
        "floor/scan"
    );
    for (f, m) in fixtures.iter().zip(&medians) {
        println!(
            "{:<30} {:>5} {:>7.0} {:>8.0} {:>7.0} {:>8.0} {:>6.0} {:>9.2} {:>10.2} {:>10.2} {:>10.2}",
            f.name,
            f.body.len(),
            m[SCAN],
            m[TYPED],
            m[BODY],
            m[VALUE],
            m[OWN],
            m[BODY] / m[SCAN],
            m[BODY] / m[TYPED],
            m[VALUE] / m[BODY],
            (m[SCAN] + m[OWN]) / m[SCAN],
        );
    }
    let body_scan = geomean(medians.iter().map(|m| m[BODY] / m[SCAN]));
    let typed_scan = geomean(medians.iter().map(|m| m[TYPED] / m[SCAN]));
    let body_typed = geomean(medians.iter().map(|m| m[BODY] / m[TYPED]));
    let value_body = geomean(medians.iter().map(|m| m[VALUE] / m[BODY]));
    let value_typed = geomean(medians.iter().map(|m| m[VALUE] / m[TYPED]));
    let floor_scan = geomean(medians.iter().map(|m| (m[SCAN] + m[OWN]) / m[SCAN]));
    println!(
        "{:<30} {:>5} {:>7.0} {:>8.0} {:>7.0} {:>8.0} {:>6.0} {:>9.2} {:>10.2} {:>10.2} {:>10.2}",
        "geomean",
        "",
        geomean(medians.iter().map(|m| m[SCAN])),
        geomean(medians.iter().map(|m| m[TYPED])),
        geomean(medians.iter().map(|m| m[BODY])),
        geomean(medians.iter().map(|m| m[VALUE])),
        geomean(medians.iter().map(|m| m[OWN])),
        body_scan,
        body_typed,
        value_body,
        floor_scan,
    );
    println!();
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    // The 15 golden bodies of 0.1.0 (edna's four pages), and the 7 of edna's other
    // webhook pages added with issue #9.
    let added = |name: &str| {
        ["pulse-template-", "pulse-link-", "pulse-status-delivered-"]
            .iter()
            .any(|p| name.starts_with(p))
    };
    let of = |new: bool| {
        geomean(
            fixtures
                .iter()
                .zip(&medians)
                .filter(|(f, _)| added(&f.name) == new)
                .map(|(_, m)| m[BODY] / m[SCAN]),
        )
    };
    let (old_scan, new_scan) = (of(false), of(true));
    println!(
        "target parse_body/IgnoredAny <= 1.70 on the 15 golden bodies of 0.1.0: {old_scan:.2}  {}",
        verdict(old_scan <= 1.70)
    );
    println!("parse_body/IgnoredAny on the 7 bodies of edna's other webhooks:      {new_scan:.2}");
    println!("typed/IgnoredAny (direct typed parse / scan), geomean: {typed_scan:.2}");
    println!("Value/typed (Value / direct typed parse), geomean:     {value_typed:.2}");
    println!(
        "floor/scan ((scan + own) / scan: the bare scan plus building the owned values), geomean: {floor_scan:.2}"
    );
    println!(
        "target parse_body/IgnoredAny <= 1.30:  {body_scan:.2}  {}",
        verdict(body_scan <= 1.30)
    );
    println!(
        "target Value/parse_body >= 2.50:       {value_body:.2}  {}",
        verdict(value_body >= 2.50)
    );
    println!(
        "target parse_body/typed <= 1.10:       {body_typed:.2}  {}",
        verdict(body_typed <= 1.10)
    );

    // Timestamps: the tolerant parser next to time's strict RFC 3339 parser, on every
    // fixture timestamp that both read, then on the forms only the tolerant one reads.
    let strings = timestamps(&fixtures);
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
        "{:<34} {:>16} {:>16} {:>16}",
        "allocations per body", "parse_body", "typed", "Value"
    );
    let show = |a: Allocs| format!("{} ({} B)", a.allocs + a.reallocs, a.bytes);
    for f in &fixtures {
        let body = count(common::body, &f.body);
        let typed = count(f.typed, &f.body);
        let value = count(common::value, &f.body);
        println!(
            "{:<34} {:>16} {:>16} {:>16}",
            f.name,
            show(body),
            show(typed),
            show(value)
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
