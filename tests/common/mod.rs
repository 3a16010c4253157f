//! Helpers shared by the integration tests: reading fixtures and the round-trip comparator.
//!
//! Each test crate uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use edna_callbacks::{parse_body, Callback, Timestamp};
use serde::Serialize;
use serde_json::Value;

/// The crate's `fixtures/` folder.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// The bytes of `fixtures/<name>` (`name` may be `edge/<file>`).
pub fn fixture(name: &str) -> Vec<u8> {
    let path = fixtures_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The names of the `.json` files directly in `fixtures/<folder>` (`""` for `fixtures/`),
/// sorted.
pub fn json_files(folder: &str) -> Vec<String> {
    let dir = fixtures_dir().join(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// `parse_body` of `fixtures/<name>`, panicking with the error if it fails.
pub fn parse_fixture(name: &str) -> Vec<Callback> {
    parse_body(&fixture(name)).unwrap_or_else(|e| panic!("{name} should parse: {e}"))
}

/// The differences between what edna sent (`original`) and what the crate wrote back
/// (`written`), one line per difference, each naming its JSON path (`.` for the root,
/// `messageContent.items[0].identifier`, `[1].receivedAt`).
///
/// Rules: objects are compared on the union of their keys, and a key missing on one side
/// equals `null` on the other; arrays must have the same length; two different strings are
/// equal only when both are timestamps ([`Timestamp::parse`]) of the same instant; every
/// other value (numbers included: `5` is not `5.0`) must be equal as a `serde_json::Value`.
pub fn differences(original: &Value, written: &Value) -> Vec<String> {
    let mut out = Vec::new();
    compare(&mut String::new(), original, written, &mut out);
    out
}

fn shown(path: &str) -> &str {
    if path.is_empty() {
        "."
    } else {
        path
    }
}

fn compare(path: &mut String, original: &Value, written: &Value, out: &mut Vec<String>) {
    match (original, written) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                compare(
                    path,
                    a.get(key).unwrap_or(&Value::Null),
                    b.get(key).unwrap_or(&Value::Null),
                    out,
                );
                path.truncate(len);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                out.push(format!(
                    "{}: array of {} elements written as {} elements",
                    shown(path),
                    a.len(),
                    b.len()
                ));
                return;
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                compare(path, x, y, out);
                path.truncate(len);
            }
        }
        (Value::String(a), Value::String(b)) if a != b => {
            let same_instant = match (Timestamp::parse(a), Timestamp::parse(b)) {
                (Ok(x), Ok(y)) => x == y,
                _ => false,
            };
            if !same_instant {
                out.push(format!("{}: {original} written as {written}", shown(path)));
            }
        }
        _ => {
            if original != written {
                out.push(format!("{}: {original} written as {written}", shown(path)));
            }
        }
    }
}

/// Asserts that `written`, serialized, is the JSON of `original_bytes` (see
/// [`differences`]).
pub fn assert_round_trip<T: Serialize + ?Sized>(label: &str, original_bytes: &[u8], written: &T) {
    let original: Value = serde_json::from_slice(original_bytes)
        .unwrap_or_else(|e| panic!("{label}: the original is not JSON: {e}"));
    let written =
        serde_json::to_value(written).unwrap_or_else(|e| panic!("{label}: cannot serialize: {e}"));
    let diffs = differences(&original, &written);
    assert!(
        diffs.is_empty(),
        "{label}: writing back changed the JSON:\n  {}",
        diffs.join("\n  ")
    );
}

/// Parses a body with `parse_body` and asserts that writing the callbacks back gives the
/// same JSON: the one callback for an object body, the array of them for an array body.
/// Returns the callbacks.
pub fn assert_body_round_trips(label: &str, body: &[u8]) -> Vec<Callback> {
    let callbacks =
        parse_body(body).unwrap_or_else(|e| panic!("{label} should parse, got error: {e}"));
    let original: Value = serde_json::from_slice(body).unwrap();
    if original.is_array() {
        assert_round_trip(label, body, &callbacks);
    } else {
        assert_eq!(
            callbacks.len(),
            1,
            "{label}: an object body is one callback"
        );
        assert_round_trip(label, body, &callbacks[0]);
    }
    callbacks
}
