//! Checks the fuzz targets share.

use edna_callbacks::{parse_as, Callback, Error, MessageContent};
use serde_json::Value;

/// The integration tests' helpers (`differences`, the round-trip comparator), which the
/// judge below uses.
#[path = "../../tests/common/mod.rs"]
mod common;

/// The judge of issue #16 (`tests/common/differential.rs`): every entry point against
/// serde_json's own reading of the body, shared with `tests/differential.rs`.
#[path = "../../tests/common/differential.rs"]
pub mod differential;

/// Whether serde_json reads every float exactly (its `float_roundtrip` feature). Without
/// it, a float of 17 significant digits may be read one unit in the last place off, so a
/// float written back is read as its neighbour; that is a known finding (see
/// `fuzz/README.md`), tolerated here so that the fuzzer can look for anything else.
fn floats_are_exact() -> bool {
    serde_json::from_str::<f64>("-161.10361699999999").ok() == Some(-161.103_616_999_999_99)
}

/// `a` and `b` differ at most by a float one unit in the last place off.
fn same_but_for_floats(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
            x == y || x.to_bits().abs_diff(y.to_bits()) <= 1
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_but_for_floats(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, x), (ky, y))| kx == ky && same_but_for_floats(x, y))
        }
        _ => a == b,
    }
}

/// Callbacks read again after being written are the ones that were written, and are
/// written again as the same bytes.
pub fn assert_same_callbacks(again: &[Callback], original: &[Callback]) {
    if again == original {
        let first = serde_json::to_vec(original).expect("written");
        let second = serde_json::to_vec(again).expect("written");
        assert_eq!(first, second, "written twice, not the same bytes");
        return;
    }
    let a = serde_json::to_value(again).expect("written");
    let b = serde_json::to_value(original).expect("written");
    assert!(
        !floats_are_exact() && same_but_for_floats(&a, &b),
        "read back differently:\n{again:?}\n{original:?}"
    );
}

/// Asks a message for its FLOW reply in both ways; only an `Error::Flow` may come back.
pub fn exercise_flow(content: &MessageContent) {
    for result in [
        content.flow_reply().map(drop),
        content.flow_reply_as::<Value>().map(drop),
    ] {
        if let Err(e) = result {
            assert_eq!(e.path(), "messageContent.text");
            assert!(!e.to_string().is_empty());
        }
    }
}

/// `parse_body` and the types' serde `Deserialize` through `parse_as` (which hands each
/// callback's text to the same reader) read the same callbacks, or both refuse the body;
/// both count the levels from the body's root (issue #16).
pub fn assert_fast_path_agrees(body: &[u8], fast: &Result<Vec<Callback>, Error>) {
    let first = body
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(body)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    let serde: Result<Vec<Callback>, Error> = if first == Some(&b'[') {
        parse_as::<Vec<Callback>>(body)
    } else {
        parse_as::<Callback>(body).map(|c| vec![c])
    };
    match (fast, &serde) {
        (Ok(a), Ok(b)) => assert!(
            a == b,
            "parse_body and Deserialize differ:\n{a:?}\n{b:?}"
        ),
        (Err(_), Err(_)) => {}
        _ => panic!("parse_body gave {fast:?}, Deserialize {serde:?}"),
    }
}
