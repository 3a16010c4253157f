//! [`serde_with`] adapters that read edna's forms into your own types.
//!
//! edna's other API responses, and the rows a service stores, hold the same timestamps, ids
//! and FLOW texts as the callbacks. These adapters implement
//! [`SerializeAs`]/[`DeserializeAs`], so a field of your own type reads them with
//! `#[serde(with = "edna_callbacks::serde_as::As::<...>")]`:
//!
//! | adapter | reads | into |
//! |---|---|---|
//! | [`EdnaTimestamp`] | every form [`Timestamp::parse`] reads (`+0300`, `08: 24: 14`, ...) | [`OffsetDateTime`](https://docs.rs/time/0.3/time/struct.OffsetDateTime.html), [`Timestamp`] |
//! | [`EdnaId`] | an id given as a JSON integer or a JSON string | [`Id`], `String`, `i64`, `u64` |
//! | [`FlowText`] | a FLOW text: a JSON document inside a JSON string | any `T: Deserialize` |
//!
//! Each also works inside `Option<...>`, `Vec<...>` and the other wrappers `serde_with`
//! knows. Their errors name what was expected and never repeat the value read, so they are
//! safe to log.
//!
//! The module is behind the crate's `serde_with` feature. Each adapter works with
//! `#[serde_with::serde_as]` and `#[serde_as(as = "EdnaTimestamp")]` (which needs
//! `serde_with` 3 with its `macros` feature, on by default, in your own `Cargo.toml`), or
//! without that macro through serde's own attribute and [`As`] (re-exported here), as the
//! examples below do:
//! `#[serde(with = "edna_callbacks::serde_as::As::<EdnaTimestamp>")]`.
//!
//! The adapters read through `deserialize_any` in human-readable formats (JSON, YAML, ...),
//! which lets them name a wrong JSON type without quoting it, and through
//! `deserialize_str` (or the id's own impl) in binary ones.
//!
//! ```
//! use edna_callbacks::serde_as::{EdnaId, EdnaTimestamp};
//! use edna_callbacks::time::OffsetDateTime;
//!
//! #[derive(serde::Deserialize, serde::Serialize)]
//! struct Delivery {
//!     #[serde(with = "edna_callbacks::serde_as::As::<EdnaId>")]
//!     message_id: i64,
//!     #[serde(with = "edna_callbacks::serde_as::As::<Option<EdnaTimestamp>>")]
//!     delivered_at: Option<OffsetDateTime>,
//! }
//!
//! let d: Delivery = serde_json::from_str(
//!     r#"{"message_id":"5004321","delivered_at":"2020-01-10T19:03:52.355+0300"}"#,
//! )?;
//! assert_eq!(d.message_id, 5004321);
//! assert_eq!(d.delivered_at.map(|t| t.unix_timestamp()), Some(1_578_672_232));
//! assert_eq!(
//!     serde_json::to_string(&d)?,
//!     r#"{"message_id":5004321,"delivered_at":"2020-01-10T19:03:52.355+03:00"}"#
//! );
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde::de::{self, DeserializeOwned, Deserializer};
use serde::ser::{self, Serialize, Serializer};
use serde_with::{DeserializeAs, SerializeAs};
use time::OffsetDateTime;

use crate::wire::id::{Id, IdVisitor, NOT_I64, NOT_U64};
use crate::wire::timestamp::{read_str, Timestamp};
use crate::wire::Error;

/// `serde_with`'s adapter wrapper: `#[serde(with = "As::<EdnaTimestamp>")]` uses an
/// adapter of this module without the `#[serde_as]` attribute.
pub use serde_with::As;

/// Reads an edna timestamp (every form [`Timestamp::parse`] reads) into an
/// [`OffsetDateTime`](https://docs.rs/time/0.3/time/struct.OffsetDateTime.html) or a [`Timestamp`], keeping its offset; writes RFC 3339
/// (`2020-01-10T19:03:52.355+03:00`), as [`Timestamp`] does.
///
/// ```
/// use edna_callbacks::serde_as::EdnaTimestamp;
/// use edna_callbacks::time::{OffsetDateTime, UtcOffset};
///
/// #[derive(serde::Deserialize, serde::Serialize, Debug)]
/// struct Row {
///     #[serde(with = "edna_callbacks::serde_as::As::<EdnaTimestamp>")]
///     received_at: OffsetDateTime,
/// }
///
/// let row: Row = serde_json::from_str(r#"{"received_at":"2024-08-05T08: 24: 14Z"}"#)?;
/// assert_eq!(row.received_at.unix_timestamp(), 1_722_846_254);
/// assert_eq!(row.received_at.offset(), UtcOffset::UTC);
/// assert_eq!(serde_json::to_string(&row)?, r#"{"received_at":"2024-08-05T08:24:14Z"}"#);
///
/// let err = serde_json::from_str::<Row>(r#"{"received_at":"yesterday at noon"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "invalid timestamp: four-digit year at byte 0 at line 1 column 34");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct EdnaTimestamp;

impl<'de> DeserializeAs<'de, Timestamp> for EdnaTimestamp {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        de::Deserialize::deserialize(deserializer)
    }
}

impl<'de> DeserializeAs<'de, OffsetDateTime> for EdnaTimestamp {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<OffsetDateTime, D::Error> {
        <Timestamp as de::Deserialize>::deserialize(deserializer).map(Timestamp::get)
    }
}

impl SerializeAs<Timestamp> for EdnaTimestamp {
    fn serialize_as<S: Serializer>(source: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        source.serialize(serializer)
    }
}

impl SerializeAs<OffsetDateTime> for EdnaTimestamp {
    fn serialize_as<S: Serializer>(
        source: &OffsetDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        Timestamp::new(*source).serialize(serializer)
    }
}

/// Reads an id that edna gives as a JSON integer or a JSON string.
///
/// - into [`Id`]: as [`Id`] reads it, written back in the form it came in;
/// - into `String`: a string as it is, an integer in decimal (`42` gives `"42"`); written
///   as a string;
/// - into `i64`/`u64`: an integer, or a string that is an integer in decimal (`"42"`,
///   `"01"`); written as an integer. Anything else (`"test-001"`, an integer out of range)
///   is an error.
///
/// ```
/// use edna_callbacks::serde_as::EdnaId;
/// use edna_callbacks::Id;
///
/// #[derive(serde::Deserialize, serde::Serialize, Debug)]
/// struct Row {
///     #[serde(with = "edna_callbacks::serde_as::As::<EdnaId>")]
///     request_id: String,
///     #[serde(with = "edna_callbacks::serde_as::As::<EdnaId>")]
///     subject_id: i64,
///     #[serde(with = "edna_callbacks::serde_as::As::<Vec<EdnaId>>")]
///     items: Vec<Id>,
/// }
///
/// let row: Row = serde_json::from_str(
///     r#"{"request_id":7,"subject_id":"345","items":["01",2]}"#,
/// )?;
/// assert_eq!((row.request_id.as_str(), row.subject_id), ("7", 345));
/// assert_eq!(row.items, [Id::from("01"), Id::from(2)]);
/// assert_eq!(
///     serde_json::to_string(&row)?,
///     r#"{"request_id":"7","subject_id":345,"items":["01",2]}"#
/// );
///
/// let err = serde_json::from_str::<Row>(r#"{"request_id":"a","subject_id":"Ivan","items":[]}"#)
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "expected an id that is an integer from -2^63 to 2^63-1, found a string that is no \
///      such integer at line 1 column 37"
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct EdnaId;

fn read_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
    deserializer.deserialize_any(IdVisitor)
}

impl<'de> DeserializeAs<'de, Id> for EdnaId {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        read_id(deserializer)
    }
}

impl<'de> DeserializeAs<'de, String> for EdnaId {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        read_id(deserializer).map(String::from)
    }
}

/// The error for an id that does not fit the integer type asked for: the first of
/// `messages` for a string, the second for an integer out of range.
fn out_of_range<E: de::Error>(id: &Id, messages: [&'static str; 2]) -> E {
    let [text, integer] = messages;
    E::custom(match id {
        Id::Text(_) => text,
        Id::Number(_) | Id::Unsigned(_) => integer,
    })
}

impl<'de> DeserializeAs<'de, i64> for EdnaId {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        let id = read_id(deserializer)?;
        id.as_i64().ok_or_else(|| out_of_range(&id, NOT_I64))
    }
}

impl<'de> DeserializeAs<'de, u64> for EdnaId {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        let id = read_id(deserializer)?;
        id.as_u64().ok_or_else(|| out_of_range(&id, NOT_U64))
    }
}

impl SerializeAs<Id> for EdnaId {
    fn serialize_as<S: Serializer>(source: &Id, serializer: S) -> Result<S::Ok, S::Error> {
        source.serialize(serializer)
    }
}

impl SerializeAs<String> for EdnaId {
    fn serialize_as<S: Serializer>(source: &String, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(source)
    }
}

impl SerializeAs<i64> for EdnaId {
    fn serialize_as<S: Serializer>(source: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(*source)
    }
}

impl SerializeAs<u64> for EdnaId {
    fn serialize_as<S: Serializer>(source: &u64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(*source)
    }
}

/// Reads a FLOW text (the JSON document a WhatsApp Flows reply puts in a string, as in
/// `messageContent.text`) into any `T: Deserialize`; writes `T` back as compact JSON
/// inside a string.
///
/// The text is read as [`MessageContent::flow_reply_as`](crate::MessageContent::flow_reply_as)
/// reads it, with the same errors: they name the path inside the text (`at `screen_0_Age_1`
/// in the FLOW text: ...`), not the values in it. Writing gives the same document, not
/// byte for byte the text that was read.
///
/// ```
/// use edna_callbacks::serde_as::FlowText;
///
/// #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
/// struct OrderForm {
///     flow_token: String,
///     #[serde(rename = "screen_0_Order_number_1")]
///     order_number: String,
/// }
///
/// #[derive(serde::Deserialize, serde::Serialize, Debug)]
/// struct StoredReply {
///     #[serde(with = "edna_callbacks::serde_as::As::<FlowText>")]
///     text: OrderForm,
/// }
///
/// let stored: StoredReply = serde_json::from_str(
///     r#"{"text":"{\"flow_token\":\"example\",\"screen_0_Order_number_1\":\"6\"}"}"#,
/// )?;
/// assert_eq!(stored.text.order_number, "6");
/// assert_eq!(
///     serde_json::to_string(&stored)?,
///     r#"{"text":"{\"flow_token\":\"example\",\"screen_0_Order_number_1\":\"6\"}"}"#
/// );
///
/// let err = serde_json::from_str::<StoredReply>(r#"{"text":"{\"flow_token\":\"secret\"}"}"#)
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "at `screen_0_Order_number_1` in the FLOW text: missing field \
///      `screen_0_Order_number_1` at line 1 column 37"
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct FlowText;

impl<'de, T: DeserializeOwned> DeserializeAs<'de, T> for FlowText {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        read_str(
            deserializer,
            "a FLOW text (a JSON document in a string)",
            |text| {
                crate::parse_as::<T>(text.as_bytes()).map_err(|e| match e {
                    Error::Syntax {
                        message,
                        line,
                        column,
                    } => format!(
                        "the FLOW text is not JSON: {message} (line {line}, column {column} of the text)"
                    ),
                    other => format!(
                        "at `{}` in the FLOW text: {}",
                        other.path(),
                        other.message()
                    ),
                })
            },
        )
    }
}

impl<T: Serialize> SerializeAs<T> for FlowText {
    fn serialize_as<S: Serializer>(source: &T, serializer: S) -> Result<S::Ok, S::Error> {
        let text = serde_json::to_string(source).map_err(|_| {
            <S::Error as ser::Error>::custom("the FLOW reply could not be written as JSON")
        })?;
        serializer.serialize_str(&text)
    }
}
