//! What JSON is: exactly what serde_json reads as a `serde_json::Value`, checked without
//! building one.
//!
//! serde_json's bare scan (`IgnoredAny`) lets through what its reading of a value refuses
//! (a lone surrogate `"\ud800"`, a number out of range `1e400`, nesting past its
//! recursion limit), so it cannot say whether a body is JSON. [`check_str`] goes through
//! the same steps as reading a `Value` (every string and key decoded, every number read,
//! every level counted) and keeps nothing, so its answer and its error, with line and
//! column, are serde_json's own.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value read and dropped.
struct Checked;

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CheckedVisitor)
    }
}

struct CheckedVisitor;

impl<'de> Visitor<'de> for CheckedVisitor {
    type Value = Checked;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_none<E: de::Error>(self) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Checked, D::Error> {
        Checked::deserialize(deserializer)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Checked, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }

    /// An object; with serde_json's `arbitrary_precision`, also a number (a map of one
    /// member, read the same way).
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
        while map.next_key::<Checked>()?.is_some() {
            map.next_value::<Checked>()?;
        }
        Ok(Checked)
    }
}

/// Whether serde_json reads `text` as a `Value`: its error if not.
pub(crate) fn check_str(text: &str) -> Result<(), serde_json::Error> {
    serde_json::from_str::<Checked>(text).map(|_| ())
}

/// Whether serde_json reads `bytes` as a `Value` (bytes that are not UTF-8 included): its
/// error if not.
pub(crate) fn check_slice(bytes: &[u8]) -> Result<(), serde_json::Error> {
    serde_json::from_slice::<Checked>(bytes).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answer as reading a `Value`, error and position included.
    #[test]
    fn refuses_exactly_what_a_value_refuses() {
        let mut deep = "[".repeat(128);
        deep.push_str(&"]".repeat(128));
        let mut deep_ok = "[".repeat(127);
        deep_ok.push_str(&"]".repeat(127));
        let cases = [
            r#"{"a":"\ud800"}"#,
            r#"{"a":"\udc00\ud800"}"#,
            r#"{"a":1e400}"#,
            r#"{"a":-1e400}"#,
            r#"{"\ud800":1}"#,
            r#"{"a":1x}"#,
            r#"{"a":truee}"#,
            r#"[1,]"#,
            r#"{"a":1,}"#,
            "",
            " ",
            "{",
            r#"{"a":"\x"}"#,
            r#"{"a":01}"#,
            r#"{"a":-0}"#,
            r#"{"a":1E2,"b":[true,false,null],"c":"\u00e9\ud83d\ude00"}"#,
            r#"{"a":123456789012345678901234567890}"#,
            "\u{feff}{}",
            "{} x",
            &deep,
            &deep_ok,
        ];
        for text in cases {
            let ours = check_str(text).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<serde_json::Value>(text)
                .map(|_| ())
                .map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text:.40}");
            let ours = check_slice(text.as_bytes()).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text:.40}");
        }
        for bytes in [&b"{\"a\":\"\xff\"}"[..], b"\xff", b"{\"a\":1}\xc3"] {
            let ours = check_slice(bytes).map_err(|e| e.to_string());
            let theirs = serde_json::from_slice::<serde_json::Value>(bytes)
                .map(|_| ())
                .map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{bytes:?}");
        }
    }
}
