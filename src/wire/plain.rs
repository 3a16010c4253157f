//! Numbers and JSON values written as plain numbers in every format.
//!
//! With serde_json's `arbitrary_precision` feature (which a user's build may turn on), a
//! `serde_json::Number` writes itself as a one-field struct that only serde_json's own
//! writer reads back as a number: CBOR and MessagePack would hold a map (or an array) where
//! the body had a number, and a callback written there would not read back equal. Here a
//! number is written as the format's own number when the format is not human-readable
//! (CBOR, MessagePack, …); a human-readable format (JSON) gets serde_json's own writing,
//! which keeps the text exactly as it came.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::{Map, Number, Value};

/// Writes `number` as a plain number where the format is not human-readable.
pub(crate) fn number<S: Serializer>(number: &Number, serializer: S) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        return number.serialize(serializer);
    }
    if let Some(n) = number.as_i64() {
        serializer.serialize_i64(n)
    } else if let Some(n) = number.as_u64() {
        serializer.serialize_u64(n)
    } else if let Some(n) = number.as_f64() {
        serializer.serialize_f64(n)
    } else {
        number.serialize(serializer)
    }
}

/// A JSON value written with [`number`] for each of its numbers.
pub(crate) struct Plain<'a>(pub(crate) &'a Value);

impl Serialize for Plain<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Number(n) => number(n, serializer),
            Value::Array(items) if !serializer.is_human_readable() => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Plain(item))?;
                }
                seq.end()
            }
            Value::Object(map) if !serializer.is_human_readable() => {
                PlainMap(map).serialize(serializer)
            }
            other => other.serialize(serializer),
        }
    }
}

/// An object written with [`number`] for each of its numbers.
pub(crate) struct PlainMap<'a>(pub(crate) &'a Map<String, Value>);

impl Serialize for PlainMap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return self.0.serialize(serializer);
        }
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, &Plain(value))?;
        }
        map.end()
    }
}
