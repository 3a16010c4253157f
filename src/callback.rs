//! Any callback body: telling the kind from the keys, in the same pass that reads it.

use std::fmt;

use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{locate, Error, NOT_A_CALLBACK};
use crate::incoming::{IncomingMessage, IncomingMessagePartial};
use crate::legacy_incoming::{LegacyIncomingMessage, LegacyIncomingMessagePartial};
use crate::legacy_status::{LegacyStatusCallback, LegacyStatusCallbackPartial};
use crate::object::{fill, keep_extra, Key, Partial};
use crate::scalar::Id;
use crate::status::{StatusCallback, StatusCallbackPartial};
use crate::timestamp::Timestamp;

/// One callback of any kind edna POSTs.
///
/// `Serialize` writes the callback's own object, exactly the shape edna sent: no wrapper,
/// no tag. `Deserialize` tells the kind from the keys (see [`parse_body`]).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // One per body; boxing would cost an allocation each.
pub enum Callback {
    /// An edna Pulse incoming message (has `messageContent`).
    Incoming(IncomingMessage),
    /// An edna Pulse status callback (has `status`/`statusAt`).
    Status(StatusCallback),
    /// A legacy SME incoming message (has `imType`, `contentType`, `address`, ...).
    LegacyIncoming(LegacyIncomingMessage),
    /// A legacy SME delivery status (has `imOutMessageId`/`dlvStatus`).
    LegacyStatus(LegacyStatusCallback),
}

/// Which kind a [`Callback`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CallbackKind {
    /// [`Callback::Incoming`].
    Incoming,
    /// [`Callback::Status`].
    Status,
    /// [`Callback::LegacyIncoming`].
    LegacyIncoming,
    /// [`Callback::LegacyStatus`].
    LegacyStatus,
}

impl CallbackKind {
    /// A short name: `incoming`, `status`, `legacy-incoming`, `legacy-status`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Incoming => "incoming",
            Self::Status => "status",
            Self::LegacyIncoming => "legacy-incoming",
            Self::LegacyStatus => "legacy-status",
        }
    }

    /// The kind `key` marks, if it is a key of exactly one kind.
    fn marked_by(key: &str) -> Option<Self> {
        if IncomingMessagePartial::KEYS.contains(&key) {
            Some(Self::Incoming)
        } else if StatusCallbackPartial::KEYS.contains(&key) {
            Some(Self::Status)
        } else if LegacyStatusCallbackPartial::KEYS.contains(&key) {
            Some(Self::LegacyStatus)
        } else if LegacyIncomingMessagePartial::KEYS.contains(&key) {
            Some(Self::LegacyIncoming)
        } else {
            None
        }
    }
}

impl fmt::Display for CallbackKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Callback {
    /// Which kind this is.
    pub fn kind(&self) -> CallbackKind {
        match self {
            Self::Incoming(_) => CallbackKind::Incoming,
            Self::Status(_) => CallbackKind::Status,
            Self::LegacyIncoming(_) => CallbackKind::LegacyIncoming,
            Self::LegacyStatus(_) => CallbackKind::LegacyStatus,
        }
    }

    /// The Pulse incoming message, if this is one.
    pub fn as_incoming(&self) -> Option<&IncomingMessage> {
        match self {
            Self::Incoming(m) => Some(m),
            _ => None,
        }
    }

    /// The Pulse status callback, if this is one.
    pub fn as_status(&self) -> Option<&StatusCallback> {
        match self {
            Self::Status(s) => Some(s),
            _ => None,
        }
    }

    /// The legacy incoming message, if this is one.
    pub fn as_legacy_incoming(&self) -> Option<&LegacyIncomingMessage> {
        match self {
            Self::LegacyIncoming(m) => Some(m),
            _ => None,
        }
    }

    /// The legacy delivery status, if this is one.
    pub fn as_legacy_status(&self) -> Option<&LegacyStatusCallback> {
        match self {
            Self::LegacyStatus(s) => Some(s),
            _ => None,
        }
    }
}

impl Serialize for Callback {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Incoming(m) => m.serialize(serializer),
            Self::Status(s) => s.serialize(serializer),
            Self::LegacyIncoming(m) => m.serialize(serializer),
            Self::LegacyStatus(s) => s.serialize(serializer),
        }
    }
}

impl From<IncomingMessage> for Callback {
    fn from(value: IncomingMessage) -> Self {
        Self::Incoming(value)
    }
}

impl From<StatusCallback> for Callback {
    fn from(value: StatusCallback) -> Self {
        Self::Status(value)
    }
}

impl From<LegacyIncomingMessage> for Callback {
    fn from(value: LegacyIncomingMessage) -> Self {
        Self::LegacyIncoming(value)
    }
}

impl From<LegacyStatusCallback> for Callback {
    fn from(value: LegacyStatusCallback) -> Self {
        Self::LegacyStatus(value)
    }
}

/// The keys more than one kind has. Until a key of one kind only is seen, their values
/// wait here, already typed.
#[derive(Default)]
struct Shared {
    id: Option<Id>,
    subject: Option<Option<String>>,
    subject_id: Option<Option<Id>>,
    received_at: Option<Timestamp>,
}

impl Shared {
    fn accept<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "id" => fill(&mut self.id, "id", map),
            "subject" => fill(&mut self.subject, "subject", map),
            "subjectId" => fill(&mut self.subject_id, "subjectId", map),
            "receivedAt" => fill(&mut self.received_at, "receivedAt", map),
            _ => Ok(false),
        }
    }
}

/// Keeps a shared value the chosen kind does not have, as the JSON it came as.
fn spill<T: Serialize, E: de::Error>(
    extra: &mut Map<String, Value>,
    key: &str,
    slot: Option<T>,
) -> Result<(), E> {
    if let Some(value) = slot {
        let value = serde_json::to_value(value).map_err(E::custom)?;
        extra.insert(key.to_owned(), value);
    }
    Ok(())
}

/// A callback being read, once its kind is known.
#[allow(clippy::large_enum_variant)] // Lives on the stack while one object is read.
enum Reading {
    Incoming(IncomingMessagePartial),
    Status(StatusCallbackPartial),
    LegacyIncoming(LegacyIncomingMessagePartial),
    LegacyStatus(LegacyStatusCallbackPartial),
}

impl Reading {
    /// Starts reading a `kind`, moving the shared values read so far into it (or into
    /// `extra`, for the ones the kind does not have).
    fn start<E: de::Error>(
        kind: CallbackKind,
        shared: &mut Shared,
        extra: &mut Map<String, Value>,
    ) -> Result<Self, E> {
        let Shared {
            id,
            subject,
            subject_id,
            received_at,
        } = std::mem::take(shared);
        Ok(match kind {
            CallbackKind::Incoming => Self::Incoming(IncomingMessagePartial {
                id,
                subject,
                subject_id,
                received_at,
                ..Default::default()
            }),
            CallbackKind::Status => {
                spill(extra, "id", id)?;
                spill(extra, "receivedAt", received_at)?;
                Self::Status(StatusCallbackPartial {
                    subject,
                    subject_id,
                    ..Default::default()
                })
            }
            CallbackKind::LegacyIncoming => {
                spill(extra, "subject", subject)?;
                spill(extra, "subjectId", subject_id)?;
                Self::LegacyIncoming(LegacyIncomingMessagePartial {
                    id,
                    received_at,
                    ..Default::default()
                })
            }
            CallbackKind::LegacyStatus => {
                spill(extra, "id", id)?;
                spill(extra, "subject", subject)?;
                spill(extra, "subjectId", subject_id)?;
                spill(extra, "receivedAt", received_at)?;
                Self::LegacyStatus(LegacyStatusCallbackPartial::default())
            }
        })
    }

    fn accept<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match self {
            Self::Incoming(p) => p.accept(key, map),
            Self::Status(p) => p.accept(key, map),
            Self::LegacyIncoming(p) => p.accept(key, map),
            Self::LegacyStatus(p) => p.accept(key, map),
        }
    }

    fn finish<E: de::Error>(self, extra: Map<String, Value>) -> Result<Callback, E> {
        Ok(match self {
            Self::Incoming(p) => Callback::Incoming(Partial::finish(p, extra)?),
            Self::Status(p) => Callback::Status(Partial::finish(p, extra)?),
            Self::LegacyIncoming(p) => Callback::LegacyIncoming(Partial::finish(p, extra)?),
            Self::LegacyStatus(p) => Callback::LegacyStatus(Partial::finish(p, extra)?),
        })
    }
}

/// An error meaning "this value is no callback at all", which never repeats the value.
fn not_a_callback<E: de::Error>(what: &str) -> E {
    E::custom(format_args!(
        "{NOT_A_CALLBACK}it is {what}, not a JSON object"
    ))
}

/// Reads one callback object; anything but an object is "not a callback".
struct CallbackVisitor;

macro_rules! refuse_non_objects {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err(not_a_callback("a boolean"))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(not_a_callback("a number"))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(not_a_callback("a number"))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(not_a_callback("a number"))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(not_a_callback("a string"))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Err(not_a_callback("null"))
        }
    };
}

impl<'de> Visitor<'de> for CallbackVisitor {
    type Value = Callback;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an edna callback object")
    }

    refuse_non_objects!();

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Callback, A::Error> {
        Err(not_a_callback("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Callback, A::Error> {
        let mut shared = Shared::default();
        let mut extra = Map::new();
        let mut reading: Option<Reading> = None;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let accepted = match &mut reading {
                Some(r) => r.accept(&key, &mut map)?,
                None if shared.accept(&key, &mut map)? => true,
                None => match CallbackKind::marked_by(&key) {
                    Some(kind) => {
                        let r = reading.insert(Reading::start(kind, &mut shared, &mut extra)?);
                        r.accept(&key, &mut map)?
                    }
                    None => false,
                },
            };
            if !accepted {
                keep_extra(&mut extra, key, &mut map)?;
            }
        }
        match reading {
            Some(r) => r.finish(extra),
            None => Err(de::Error::custom(format_args!(
                "{NOT_A_CALLBACK}it has none of the keys that mark a callback \
                 (messageContent for an incoming message, status or statusAt for a status, \
                 imOutMessageId or dlvStatus for a legacy status, imType or contentType for \
                 a legacy incoming message)"
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for Callback {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CallbackVisitor)
    }
}

/// A whole body: one callback object, or an array of them.
struct Body(Vec<Callback>);

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BodyVisitor;
        impl<'de> Visitor<'de> for BodyVisitor {
            type Value = Body;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an edna callback object or an array of them")
            }
            refuse_non_objects!();
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Body, A::Error> {
                CallbackVisitor.visit_map(map).map(|c| Body(vec![c]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Body, A::Error> {
                let mut callbacks = Vec::with_capacity(seq.size_hint().unwrap_or(1).min(64));
                while let Some(callback) = seq.next_element::<Callback>()? {
                    callbacks.push(callback);
                }
                Ok(Body(callbacks))
            }
        }
        deserializer.deserialize_any(BodyVisitor)
    }
}

/// Reads a callback body as edna POSTs it: one callback object, or a JSON array of them
/// (FLOW replies come as arrays). The kind of each object is told from its keys while it
/// is read, so the body is parsed once.
///
/// An empty array gives an empty `Vec`.
///
/// ```
/// use edna_callbacks::{parse_body, CallbackKind, Status};
///
/// let callbacks = parse_body(br#"{"imOutMessageId":"test-001","dlvStatus":"read",
///     "dlvStatusAt":"2020-01-10T19:03:52.355+0300"}"#)?;
/// assert_eq!(callbacks[0].kind(), CallbackKind::LegacyStatus);
/// assert_eq!(callbacks[0].as_legacy_status().map(|s| &s.dlv_status), Some(&Status::Read));
/// # Ok::<(), edna_callbacks::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::Syntax`] when the body is not JSON;
/// - [`Error::UnknownCallback`] when it is JSON but not a callback object (or an array of
///   them), or an object has none of the keys that mark a known kind;
/// - [`Error::Invalid`] when an object is a known kind but a field is wrong: the path
///   names the field (`statusAt`, `[0].messageContent.items[0].identifier`).
pub fn parse_body(body: &[u8]) -> Result<Vec<Callback>, Error> {
    parse_as::<Body>(body).map(|b| b.0)
}

/// Reads a body as a given type (one of the callback types, or anything else), with
/// errors that name the path like [`parse_body`]'s.
///
/// ```
/// use edna_callbacks::{parse_as, Error, StatusCallback};
///
/// let err = parse_as::<StatusCallback>(br#"{"status":"READ","statusAt":"yesterday"}"#)
///     .unwrap_err();
/// assert_eq!(err.path(), "statusAt");
/// assert!(matches!(err, Error::Invalid { .. }));
/// ```
///
/// # Errors
///
/// [`Error::Syntax`] when the body is not JSON; [`Error::Invalid`] naming the path of the
/// first wrong value otherwise.
pub fn parse_as<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    serde_json::from_slice(body).map_err(|first| locate::<T>(body, first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_shared_keys_belong_to_more_than_one_kind() {
        let kinds: [&[&str]; 4] = [
            IncomingMessagePartial::KEYS,
            StatusCallbackPartial::KEYS,
            LegacyStatusCallbackPartial::KEYS,
            LegacyIncomingMessagePartial::KEYS,
        ];
        let mut overlapping: Vec<&str> = Vec::new();
        for (i, a) in kinds.iter().enumerate() {
            for b in kinds.iter().skip(i + 1) {
                overlapping.extend(a.iter().filter(|k| b.contains(k)));
            }
        }
        overlapping.sort_unstable();
        overlapping.dedup();
        assert_eq!(overlapping, ["id", "receivedAt", "subject", "subjectId"]);
    }
}
