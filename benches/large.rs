//! Large bodies: `parse_body` on bodies of 10 KB, 1 MB and 10 MB of several shapes, to show
//! that the time grows linearly with the size (the throughput stays the same).
//!
//! ```text
//! cargo bench --bench large
//! cargo bench --bench large -- large/array     # one shape
//! ```
//!
//! Shapes: `array` (an array body of status callbacks, as FLOW replies come), `text` (one
//! message whose text is the whole body, with escapes and Cyrillic throughout), `extra`
//! (one status callback with a large unknown field), `error-at-end` (an array body whose
//! last callback has a bad `statusAt`: the failed parse plus the second pass that names
//! the path), `flow` (one FLOW message whose text is a large form, read with
//! `flow_reply`).
//!
//! Read the throughput across sizes: linear time is the same MiB/s at every size. The
//! `array` shape loses about half of it between 4 MB and 8 MB bodies (each `Callback` is
//! about 1.2 KB, so the result outgrows the caches; `serde_json::Value` shows the same
//! step), then stays flat.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use edna_callbacks::parse_body;
use serde_json::{json, Value};

const SIZES: [(&str, usize); 3] = [
    ("10KB", 10 * 1024),
    ("1MB", 1024 * 1024),
    ("10MB", 10 * 1024 * 1024),
];

/// The last element of the `error-at-end` bodies: hour 25.
const BAD_LAST: &str = r#"{"status":"READ","statusAt":"2023-10-31T25:07:56Z"}"#;

fn status_element(i: usize) -> String {
    format!(
        r#"{{"requestId":"req-{i}","cascadeId":11,"cascadeStageUUID":"001-test001","subject":"test_subject","subjectId":2,"status":"DELIVERED","statusAt":"2023-10-31T11:07:56.{:03}Z","error":null,"comment":null,"paymentData":{{"@type":"WhatsAppConversationPaymentData","conversationId":"c{i}","conversationType":"utility","chargeable":true}}}}"#,
        i % 1000
    )
}

/// An array of status callbacks of about `size` bytes, the last one given by `last`.
fn array(size: usize, last: &str) -> Vec<u8> {
    let mut body = String::with_capacity(size + 1024);
    body.push('[');
    let mut i = 0;
    while body.len() + last.len() + 1 < size {
        body.push_str(&status_element(i));
        body.push(',');
        i += 1;
    }
    body.push_str(last);
    body.push(']');
    body.into_bytes()
}

fn text(size: usize) -> Vec<u8> {
    let unit = "Привет, \"edna\"\n\\ ";
    let text = unit.repeat(size.saturating_sub(200) / (unit.len() + 4) + 1);
    serde_json::to_vec(&json!({
        "id": 1,
        "receivedAt": "2022-04-29T15:27:40Z",
        "messageContent": { "type": "TEXT", "text": text },
    }))
    .expect("written")
}

fn extra(size: usize) -> Vec<u8> {
    let mut items = Vec::new();
    let mut len = 0;
    let mut i = 0u64;
    while len < size {
        let item = json!({ "n": i, "f": i as f64 / 8.0, "s": format!("item {i}"), "b": i.is_multiple_of(2) });
        len += item.to_string().len() + 1;
        items.push(item);
        i += 1;
    }
    serde_json::to_vec(&json!({
        "status": "READ",
        "statusAt": "2023-10-31T11:07:56Z",
        "futureField": items,
    }))
    .expect("written")
}

fn flow(size: usize) -> Vec<u8> {
    let mut form = serde_json::Map::new();
    form.insert("flow_token".into(), Value::from("example"));
    let mut len = 0;
    let mut i = 0;
    while len < size * 2 / 3 {
        let key = format!("screen_{}_Field_{i}", i % 7);
        let value = Value::from(format!("answer {i}"));
        len += key.len() + value.to_string().len() + 6;
        form.insert(key, value);
        i += 1;
    }
    serde_json::to_vec(&json!({
        "id": 101,
        "receivedAt": "2024-08-05T08: 24: 14Z",
        "messageContent": { "type": "FLOW", "text": Value::Object(form).to_string() },
    }))
    .expect("written")
}

fn parse(body: &[u8]) -> usize {
    match parse_body(body) {
        Ok(callbacks) => callbacks.len(),
        Err(e) => e.path().len(),
    }
}

fn flow_reply(body: &[u8]) -> usize {
    let callbacks = parse_body(body).expect("a FLOW message");
    let message = callbacks[0].as_incoming().expect("an incoming message");
    message.flow_reply().map_or(0, |reply| reply.fields.len())
}

fn main() {
    let mut c = Criterion::default()
        .without_plots()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    type Shape = (&'static str, fn(usize) -> Vec<u8>, fn(&[u8]) -> usize);
    let shapes: [Shape; 5] = [
        ("array", |size| array(size, &status_element(0)), parse),
        ("text", text, parse),
        ("extra", extra, parse),
        ("error-at-end", |size| array(size, BAD_LAST), parse),
        ("flow", flow, flow_reply),
    ];
    for (name, build, run) in shapes {
        let mut group = c.benchmark_group(format!("large/{name}"));
        for (label, size) in SIZES {
            let body = build(size);
            // Check what is measured: the body parses (or fails where it should).
            match (name, parse_body(&body)) {
                ("error-at-end", Err(e)) => assert!(e.path().ends_with("].statusAt"), "{e}"),
                ("error-at-end", Ok(_)) => panic!("the last element should be refused"),
                (_, Err(e)) => panic!("{name} {label}: {e}"),
                (_, Ok(_)) => {}
            }
            group.throughput(Throughput::Bytes(body.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(label), &body, |b, body| {
                b.iter(|| run(black_box(body)))
            });
        }
        group.finish();
    }
    c.final_summary();
}
