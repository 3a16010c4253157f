//! Criterion benchmarks, for every golden fixture: `parse_body`, the direct typed parse,
//! `serde_json::Value` and serde_json's bare scan (`IgnoredAny`) side by side; the
//! tolerant timestamp parser next to `time`'s strict RFC 3339 parser; serialization of
//! each fixture. Before them it prints the allocations of each parse.
//!
//! ```text
//! cargo bench --bench parse
//! cargo bench --bench parse -- parse/pulse-status   # one group
//! ```
//!
//! The side-by-side ratios come from `cargo bench --bench ratios`.

mod common;

use std::hint::black_box;

use common::{count, fixtures, timestamps, CountingAlloc};
use criterion::{BenchmarkId, Criterion, Throughput};
use edna_callbacks::{parse_body, Timestamp};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn report_allocations(fixtures: &[common::Fixture]) {
    println!(
        "{:<34} {:>22} {:>22} {:>22}",
        "allocations (+reallocs) per body", "parse_body", "typed", "Value"
    );
    for f in fixtures {
        let cell = |a: common::Allocs| format!("{}+{} ({} B)", a.allocs, a.reallocs, a.bytes);
        println!(
            "{:<34} {:>22} {:>22} {:>22}",
            f.name,
            cell(count(common::body, &f.body)),
            cell(count(f.typed, &f.body)),
            cell(count(common::value, &f.body)),
        );
    }
    println!();
}

fn parse(c: &mut Criterion, fixtures: &[common::Fixture]) {
    for f in fixtures {
        let mut group = c.benchmark_group(format!("parse/{}", f.name));
        group.throughput(Throughput::Bytes(f.body.len() as u64));
        group.bench_function("parse_body", |b| {
            b.iter(|| common::body(black_box(&f.body)))
        });
        group.bench_function(BenchmarkId::new("typed", f.typed_name), |b| {
            b.iter(|| (f.typed)(black_box(&f.body)))
        });
        group.bench_function("value", |b| b.iter(|| common::value(black_box(&f.body))));
        group.bench_function("ignored_any", |b| {
            b.iter(|| common::scan(black_box(&f.body)))
        });
        group.finish();
    }
}

fn timestamp(c: &mut Criterion, fixtures: &[common::Fixture]) {
    let mut strings = timestamps(fixtures);
    // The forms only the tolerant parser reads, from edna's pages.
    for extra in ["2020-01-10T19:03:52.355+0300", "2024-08-05T08: 24: 14Z"] {
        if !strings.iter().any(|s| s == extra) {
            strings.push(extra.to_owned());
        }
    }
    let mut group = c.benchmark_group("timestamp");
    for s in &strings {
        group.bench_with_input(BenchmarkId::new("tolerant", s), s, |b, s| {
            b.iter(|| Timestamp::parse(black_box(s)))
        });
        if OffsetDateTime::parse(s, &Rfc3339).is_ok() {
            group.bench_with_input(BenchmarkId::new("time_rfc3339", s), s, |b, s| {
                b.iter(|| OffsetDateTime::parse(black_box(s), &Rfc3339))
            });
        }
    }
    group.finish();
}

fn serialize(c: &mut Criterion, fixtures: &[common::Fixture]) {
    for f in fixtures {
        let callbacks = parse_body(&f.body).expect("fixture parses");
        let value: Value = serde_json::from_slice(&f.body).expect("fixture is JSON");
        let mut group = c.benchmark_group(format!("serialize/{}", f.name));
        group.throughput(Throughput::Bytes(f.body.len() as u64));
        group.bench_function("callbacks", |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(f.body.len());
                serde_json::to_writer(&mut out, black_box(&callbacks)).map(|()| out)
            })
        });
        group.bench_function("value", |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(f.body.len());
                serde_json::to_writer(&mut out, black_box(&value)).map(|()| out)
            })
        });
        group.finish();
    }
}

fn main() {
    let fixtures = fixtures();
    report_allocations(&fixtures);
    let mut c = Criterion::default().without_plots().configure_from_args();
    parse(&mut c, &fixtures);
    timestamp(&mut c, &fixtures);
    serialize(&mut c, &fixtures);
    c.final_summary();
}
