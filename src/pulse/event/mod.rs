//! edna Pulse's event envelopes `{ "type", "version", "timestamp", "payload" }`: a WhatsApp
//! template's category changed ([`TemplateCategoryChanged`]), a recipient clicked a link
//! button ([`ShortLinkVisited`]), or an event of a type this version does not know (its
//! payload kept whole, as it came: a [`Kept`]`<serde_json::Value>`).
//!
//! The envelope is meant to grow: a `type` this version does not know is not an error. An
//! envelope is told by `timestamp`, then read up to its payload, which is read once `type`
//! says what it is.

mod category_changed;
mod short_link_visited;

pub use category_changed::TemplateCategoryChanged;
pub use short_link_visited::ShortLinkVisited;

use std::borrow::Cow;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::dedup::{DedupKey, Part};
use crate::kind::{CallbackBody, Rule, Sealed};
use crate::view::{Delivery, Party};
use crate::wire::read::Placeholder;
use crate::wire::read::{self, Field, Members, Reader};
use crate::wire::survey::{Path, Survey, Unfamiliar, Unrecognized};
use crate::wire::{Kept, Timestamp};

open_enum! {
    /// The `type` of an event envelope (`{type, version, timestamp, payload}`). The envelope
    /// is meant to grow: an event type this version does not know is `Unknown`, not an
    /// error.
    pub enum EventType {
        /// The category of a WhatsApp template changed
        /// ([`TemplateCategoryChanged`]).
        TemplateCategoryChanged = "message_matcher.category_changed",
        /// A recipient clicked a link button ([`ShortLinkVisited`]).
        ShortLinkVisited = "short_link_visited",
    }
}

/// The payload of an event: how its envelope's `type` names it, and what the one view of
/// every kind asks of it.
pub(crate) trait EventPayload: Field + Placeholder + Serialize + Sized {
    /// The envelope's `type` of this payload; `None` for the payload of any type this
    /// version does not know.
    const EVENT_TYPE: Option<&'static str>;
    /// The kind's short name.
    const NAME: &'static str;
    /// The key of an event with this payload.
    fn dedup_key(event: &Event<Self>) -> DedupKey;
    /// Who the event concerns.
    fn party(&self) -> Option<Party<'_>>;
}

/// The key of an event of a `type` this version does not know is its `type`, `timestamp`
/// and the digest of its whole `payload` ([`Part::digest`]): without knowing which payload
/// field identifies the event, only everything it carries tells two events of one `type`
/// and one `timestamp` apart, and a retry repeats it all. The digest keeps the payload's
/// text (which may hold personal data) out of the key. A payload kept as it came
/// ([`Kept`], as [`Callback::UnknownEvent`](crate::Callback::UnknownEvent) holds it) and
/// the same payload built as a `Value` give the same key.
macro_rules! any_payload {
    ($($ty:ty),*) => {$(
        impl EventPayload for $ty {
            const EVENT_TYPE: Option<&'static str> = None;
            const NAME: &'static str = "unknown-event";

            fn dedup_key(event: &Event<Self>) -> DedupKey {
                DedupKey::new(
                    Self::NAME,
                    [
                        Part::from(event.event_type.as_str()),
                        Part::from(event.timestamp),
                        Part::digest(&event.payload),
                    ],
                )
            }

            fn party(&self) -> Option<Party<'_>> {
                None
            }
        }
    )*};
}

any_payload!(Value, Kept<Value>);

/// How an envelope is told: by `timestamp`, which every event requires and no other kind
/// documents at the top level.
pub(crate) const ENVELOPE_RULE: Rule = Rule {
    name: "an event",
    markers: &["timestamp"],
    resembles: &["version"],
    first_keys: &["payload", "type", "timestamp"],
};

impl<P: EventPayload + Survey> Sealed for Event<P> {}

impl<P: EventPayload + Survey> CallbackBody for Event<P> {
    const NAME: &'static str = P::NAME;

    fn dedup_key(&self) -> DedupKey {
        P::dedup_key(self)
    }

    fn party(&self) -> Option<Party<'_>> {
        self.payload.party()
    }

    /// The envelope's `timestamp`.
    fn occurred_at(&self) -> Option<Timestamp> {
        Some(self.timestamp)
    }

    fn delivery(&self) -> Option<Delivery<'_>> {
        None
    }
}

/// An event envelope as edna Pulse POSTs it: `{ "type", "version", "timestamp", "payload" }`
/// (golden examples in `fixtures/pulse-template-category-changed*.json` and
/// `fixtures/pulse-link-button-clicked*.json`).
///
/// `P` is the payload: [`TemplateCategoryChanged`] for `message_matcher.category_changed`,
/// [`ShortLinkVisited`] for `short_link_visited`, and the whole payload kept as it came
/// ([`Kept`]`<serde_json::Value>`, used as a `Value`) for an event type this version does
/// not know, so that edna's next event reaches the handler instead of a dead letter.
///
/// ```
/// use edna_callbacks::{parse_body, Callback, EventType};
///
/// let body = br#"{"type":"message_matcher.quality_changed","version":"v2",
///     "timestamp":"2025-09-01T10:00:00Z","payload":{"id":123}}"#;
/// let callbacks = parse_body(body)?;
/// let Callback::UnknownEvent(event) = &callbacks[0] else { panic!("an event") };
/// assert_eq!(event.event_type, EventType::from("message_matcher.quality_changed"));
/// assert_eq!(event.payload["id"], 123);
/// # Ok::<(), edna_callbacks::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Event<P> {
    /// `type`: which event this is.
    pub event_type: EventType,
    /// `version` (`v1`; absent on older pages).
    pub version: Option<String>,
    /// `timestamp`: when it happened (seen with 0 and with 9 fractional digits).
    pub timestamp: Timestamp,
    /// `payload`: what happened.
    pub payload: P,
    /// Fields this version of the crate does not model, kept exactly as they came (see
    /// [`Kept`]) and written back after the documented ones.
    pub extra: Kept<Map<String, Value>>,
}

impl<P> Event<P> {
    /// An event of `event_type` at `timestamp` with `payload`, version `v1`.
    pub fn new(event_type: EventType, timestamp: Timestamp, payload: P) -> Self {
        Self {
            event_type,
            version: Some("v1".to_owned()),
            timestamp,
            payload,
            extra: Kept::default(),
        }
    }

    /// The same event with its payload turned into another type (as a payload built in
    /// code into a [`Kept`]: `event.map_payload(Kept::from)`).
    pub fn map_payload<Q>(self, f: impl FnOnce(P) -> Q) -> Event<Q> {
        Event {
            event_type: self.event_type,
            version: self.version,
            timestamp: self.timestamp,
            payload: f(self.payload),
            extra: self.extra,
        }
    }

    /// Sets `version` (`None` writes `null`, as the older page's events lack it).
    #[must_use]
    pub fn with_version(mut self, version: impl Into<Option<String>>) -> Self {
        self.version = version.into();
        self
    }
}

/// The keys of an envelope, in the order they are written.
pub(crate) const ENVELOPE_KEYS: &[&str] = &["type", "version", "timestamp", "payload"];

impl<P: Serialize> Serialize for Event<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(ENVELOPE_KEYS.len() + self.extra.len()))?;
        map.serialize_entry("type", &self.event_type)?;
        map.serialize_entry("version", &self.version)?;
        map.serialize_entry("timestamp", &self.timestamp)?;
        map.serialize_entry("payload", &self.payload)?;
        for (key, value) in self.extra.iter() {
            map.serialize_entry(key, &crate::wire::plain::Plain(value))?;
        }
        map.end()
    }
}

impl<'de, P: Field + Placeholder> Deserialize<'de> for Event<P> {
    /// Reads the envelope with the crate's reader, as [`parse_body`](crate::parse_body)
    /// does, and its payload as `P` whatever its `type`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::bridge::deserialize(deserializer, read::read_one::<Event<P>>)
    }
}

impl<P: Survey> Survey for Event<P> {
    /// An unknown `type` (whose payload is kept whole), the payload's own findings, and
    /// the envelope's undocumented keys.
    fn survey(&self, path: &mut Path, out: &mut Vec<Unrecognized>) {
        if self.event_type.is_unknown() {
            let back = path.key("type");
            path.found(Unfamiliar::UnknownEventType, out);
            path.back(back);
        }
        let back = path.key("payload");
        self.payload.survey(path, out);
        path.back(back);
        crate::wire::survey::undocumented(ENVELOPE_KEYS, &self.extra, path, out);
    }
}

impl<P: Placeholder> Placeholder for Event<P> {
    fn placeholder() -> Self {
        Self {
            event_type: EventType::Unknown(String::new()),
            version: None,
            timestamp: Timestamp::placeholder(),
            payload: P::placeholder(),
            extra: Kept::default(),
        }
    }
}

impl<P: Field + Placeholder> Field for Event<P> {
    const EXPECTING: &'static str = "an object (Event)";
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        let mut members = r.open_object(Self::EXPECTING)?;
        let envelope = Envelope::read(r, None, read::never, &mut members)?;
        *slot = envelope.with_payload(r)?;
        Some(())
    }
}

/// An envelope read up to its payload, which is read once `type` tells what it is (edna
/// writes `payload` first).
pub(crate) struct Envelope<'a> {
    /// `type`.
    pub(crate) event_type: EventType,
    version: Option<String>,
    timestamp: Timestamp,
    extra: Kept<Map<String, Value>>,
    /// Where the payload starts.
    payload: read::Mark,
    /// The payload's text, checked as JSON where `type` came first and names no payload
    /// this version knows (it is then kept as it came: no need to read it again).
    payload_text: Option<&'a str>,
    /// Where the envelope ends.
    end: read::Mark,
}

impl<'a> Envelope<'a> {
    /// Reads an envelope's members (the member `first` already begun, if any), skipping
    /// the payload; a key other kinds have stops the read when `give_up_on` says so.
    pub(crate) fn read(
        r: &mut Reader<'a>,
        first: Option<Cow<'a, str>>,
        give_up_on: fn(&str) -> bool,
        members: &mut Members,
    ) -> Option<Self> {
        let mut event_type = None;
        let mut version = None;
        let mut timestamp = Timestamp::placeholder();
        let mut payload = None;
        let mut payload_text = None;
        let mut extra = Kept::default();
        let mut seen = 0u64;
        // A key of another kind among the first members ends the read at once (see
        // `Reader::give_up_early`).
        let early = r.take_early().filter(|_| first.is_some());
        let mut key = match first {
            Some(key) => Some(key),
            None => r.next_key(members)?,
        };
        let mut index = 0usize;
        while let Some(k) = key {
            let early = early.filter(|_| (1..read::EARLY).contains(&index));
            index += 1;
            let bit: u64 = match &*k {
                "type" => 1,
                "version" => 2,
                "timestamp" => 4,
                "payload" => 8,
                _ => 0,
            };
            if bit == 0 {
                if give_up_on(&k) || early.is_some_and(|early| early(&k)) {
                    return r.give_up_at(k);
                }
                r.extra(&mut extra, k)?;
            } else {
                let name = ENVELOPE_KEYS.get(bit.trailing_zeros() as usize).copied()?;
                read::first_time(r, &mut seen, bit, name)
                    .and_then(|()| match bit {
                        1 => {
                            let mut value = EventType::placeholder();
                            Field::read(&mut value, r)?;
                            event_type = Some(value);
                            Some(())
                        }
                        2 => Field::read(&mut version, r),
                        4 => Field::read(&mut timestamp, r),
                        _ => {
                            // Required, as `type` and `timestamp` are; read once `type`
                            // says what it is (a known payload is an object, so `null` is
                            // refused then; an unknown type keeps any payload, `null` too).
                            // After a `type` this version does not know, it is read now.
                            payload = Some(r.mark());
                            match &event_type {
                                Some(t) if t.is_unknown() => {
                                    payload_text = Some(r.check()?);
                                    Some(())
                                }
                                _ => r.skip().map(|_| ()),
                            }
                        }
                    })
                    .or_else(|| r.at_key(name))?;
            }
            key = r.next_key(members)?;
        }
        read::unique_keys(r, &extra)?;
        for (bit, name) in [(1, "type"), (4, "timestamp"), (8, "payload")] {
            if seen & bit == 0 {
                r.missing::<()>(name)?;
            }
        }
        Some(Self {
            event_type: event_type?,
            version,
            timestamp,
            extra,
            payload: payload?,
            payload_text,
            end: r.mark(),
        })
    }

    /// The whole event, its payload read as `P`.
    pub(crate) fn with_payload<P: Field + Placeholder>(
        self,
        r: &mut Reader<'a>,
    ) -> Option<Event<P>> {
        let payload = match self.payload_text.and_then(P::from_checked) {
            Some(payload) => payload,
            None => {
                r.rewind(self.payload);
                let mut payload = P::placeholder();
                Field::read(&mut payload, r).or_else(|| r.at_key("payload"))?;
                r.rewind(self.end);
                payload
            }
        };
        Some(Event {
            event_type: self.event_type,
            version: self.version,
            timestamp: self.timestamp,
            payload,
            extra: self.extra,
        })
    }
}
