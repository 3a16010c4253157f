//! The payloads of edna Pulse's event envelopes `{ "type", "version", "timestamp",
//! "payload" }`: a WhatsApp template's category changed, a recipient clicked a link button.
//!
//! The envelope's `type` is an [`EventType`](crate::EventType); these are the `payload`s of
//! the two known ones. The envelope is meant to grow: a `type` this version does not know
//! is not an error, and its payload is kept whole.

use std::borrow::Cow;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::enums::{Channel, EventType, TemplateCategory};
use crate::object::read::{self, Field, Members, Reader};
use crate::object::Placeholder;
use crate::retry::DedupKey;
use crate::scalar::Id;
use crate::timestamp::Timestamp;

wire_object! {
    /// The `payload` of a `message_matcher.category_changed` event: WhatsApp moved a
    /// template to another category (golden examples in
    /// `fixtures/pulse-template-category-changed*.json`).
    ///
    /// ```
    /// use edna_callbacks::{Id, TemplateCategory, TemplateCategoryChanged};
    ///
    /// let payload = r#"{"id": 123, "name": "Promotion", "channelType": "WHATSAPP",
    ///     "category": "MARKETING"}"#;
    /// let changed: TemplateCategoryChanged = serde_json::from_str(payload)?;
    /// assert_eq!(changed.id, Id::Number(123));
    /// assert_eq!(changed.category, TemplateCategory::Marketing);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct TemplateCategoryChanged {
        /// edna's id of the template.
        req id: Id = "id",
        /// The template's name.
        opt name: Option<String> = "name",
        /// The channel (`WHATSAPP`).
        opt channel_type: Option<Channel> = "channelType",
        /// The new category (`MARKETING`, `UTILITY`, `AUTHORIZATION`, ...).
        req category: TemplateCategory = "category",
    }
}

wire_object! {
    /// The `payload` of a `short_link_visited` event: a recipient clicked a link button of
    /// a template message (golden examples in `fixtures/pulse-link-button-clicked*.json`).
    ///
    /// Every field is optional: a click is worth keeping even if edna leaves a field out.
    pub struct ShortLinkVisited {
        /// The subject (the business's channel name) the message was sent from.
        opt sender: Option<String> = "sender",
        /// edna's id of the template the button belongs to.
        opt template_id: Option<Id> = "templateId",
        /// The channel (`WHATSAPP`).
        opt channel_type: Option<Channel> = "channelType",
        /// edna's id of the message the button was in.
        opt out_message_id: Option<Id> = "outMessageId",
        /// The recipient's phone number, who clicked. **Personal data**: do not log it or
        /// keep it longer than the handler needs. Kept as sent (a string on edna's pages, a
        /// number tolerated).
        opt phone: Option<Id> = "phone",
        /// The button's link, its static and dynamic parts.
        opt url: Option<String> = "url",
        /// The short link that was visited: its code (`f42kL`) on the newer page, the
        /// whole link (`https://evtb.me/link/f42kL`) on the older one.
        opt short_link: Option<String> = "shortLink",
        /// The request id the message was sent with (newer page only).
        opt request_id: Option<Id> = "requestId",
    }
}

impl TemplateCategoryChanged {
    /// A category change of the template `id` to `category`; every other field empty.
    pub fn new(id: impl Into<Id>, category: TemplateCategory) -> Self {
        Self {
            id: id.into(),
            category,
            ..Placeholder::placeholder()
        }
    }

    /// The key that identifies this delivery, given the envelope's `timestamp`: see
    /// [`DedupKey::TemplateCategoryChanged`].
    pub fn dedup_key(&self, timestamp: impl Into<Option<Timestamp>>) -> DedupKey {
        DedupKey::TemplateCategoryChanged {
            template_id: self.id.key(),
            category: self.category.clone(),
            timestamp: timestamp.into(),
        }
    }
}

impl ShortLinkVisited {
    /// A click on the short link `short_link` of the message `out_message_id`; every other
    /// field empty.
    pub fn new(out_message_id: impl Into<Id>, short_link: impl Into<String>) -> Self {
        Self {
            out_message_id: Some(out_message_id.into()),
            short_link: Some(short_link.into()),
            ..Placeholder::placeholder()
        }
    }

    /// The key that identifies this delivery, given the envelope's `timestamp`: see
    /// [`DedupKey::ShortLinkVisited`].
    pub fn dedup_key(&self, timestamp: impl Into<Option<Timestamp>>) -> DedupKey {
        DedupKey::ShortLinkVisited {
            out_message_id: self.out_message_id.as_ref().map(Id::key),
            short_link: self.short_link.clone(),
            timestamp: timestamp.into(),
        }
    }
}

impl Default for ShortLinkVisited {
    /// Every field empty (written as `null`), no `extra`.
    fn default() -> Self {
        Placeholder::placeholder()
    }
}

/// An event envelope as edna Pulse POSTs it: `{ "type", "version", "timestamp", "payload" }`
/// (golden examples in `fixtures/pulse-template-category-changed*.json` and
/// `fixtures/pulse-link-button-clicked*.json`).
///
/// `P` is the payload: [`TemplateCategoryChanged`] for `message_matcher.category_changed`,
/// [`ShortLinkVisited`] for `short_link_visited`, and the whole payload as a
/// `serde_json::Value` for an event type this version does not know, so that edna's next
/// event reaches the handler instead of a dead letter.
///
/// ```
/// use edna_callbacks::{parse_body, Callback, EventType};
///
/// let body = br#"{"type":"message_matcher.quality_changed","version":"v2",
///     "timestamp":"2025-09-01T10:00:00Z","payload":{"id":123}}"#;
/// let callbacks = parse_body(body)?;
/// let Callback::Event(event) = &callbacks[0] else { panic!("an event") };
/// assert_eq!(event.event_type, EventType::from("message_matcher.quality_changed"));
/// assert_eq!(event.payload["id"], 123);
/// # Ok::<(), edna_callbacks::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Event<P> {
    /// `type`: which event this is.
    pub event_type: EventType,
    /// `version` (`v1`; absent on older pages).
    pub version: Option<String>,
    /// `timestamp`: when it happened (seen with 0 and with 9 fractional digits).
    pub timestamp: Timestamp,
    /// `payload`: what happened.
    pub payload: P,
    /// Fields this version of the crate does not model, kept exactly as they came and
    /// written back after the documented ones.
    pub extra: Map<String, Value>,
}

impl<P> Event<P> {
    /// An event of `event_type` at `timestamp` with `payload`, version `v1`.
    pub fn new(event_type: EventType, timestamp: Timestamp, payload: P) -> Self {
        Self {
            event_type,
            version: Some("v1".to_owned()),
            timestamp,
            payload,
            extra: Map::new(),
        }
    }
}

impl Event<TemplateCategoryChanged> {
    /// The key that identifies this delivery: see [`DedupKey::TemplateCategoryChanged`].
    pub fn dedup_key(&self) -> DedupKey {
        self.payload.dedup_key(self.timestamp)
    }
}

impl Event<ShortLinkVisited> {
    /// The key that identifies this delivery: see [`DedupKey::ShortLinkVisited`].
    pub fn dedup_key(&self) -> DedupKey {
        self.payload.dedup_key(self.timestamp)
    }
}

impl Event<Value> {
    /// The key that identifies this delivery: see [`DedupKey::Event`].
    pub fn dedup_key(&self) -> DedupKey {
        DedupKey::event(self.event_type.clone(), self.timestamp, &self.payload)
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
        for (key, value) in &self.extra {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, P: Field + Placeholder> Deserialize<'de> for Event<P> {
    /// Reads the envelope with the crate's reader, as [`parse_body`](crate::parse_body)
    /// does, and its payload as `P` whatever its `type`. Needs one of serde_json's
    /// deserializers.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::object::deserialize_text(deserializer, read::read_text::<Event<P>>)
    }
}

impl<P: Placeholder> Placeholder for Event<P> {
    fn placeholder() -> Self {
        Self {
            event_type: EventType::Unknown(String::new()),
            version: None,
            timestamp: Timestamp::placeholder(),
            payload: P::placeholder(),
            extra: Map::new(),
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
    extra: Map<String, Value>,
    /// Where the payload starts.
    payload: read::Mark,
    /// Where the envelope ends.
    end: read::Mark,
    _text: std::marker::PhantomData<&'a str>,
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
        let mut extra = Map::new();
        let mut seen = 0u64;
        let mut key = match first {
            Some(key) => Some(key),
            None => r.next_key(members)?,
        };
        while let Some(k) = key {
            let bit: u64 = match &*k {
                "type" => 1,
                "version" => 2,
                "timestamp" => 4,
                "payload" => 8,
                _ => 0,
            };
            if bit == 0 {
                if give_up_on(&k) {
                    return None;
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
                            // Required, as `type` and `timestamp` are: `null` is no payload.
                            if r.peek()? == b'n' {
                                return r.wrong_type("the event's payload");
                            }
                            payload = Some(r.mark());
                            r.skip().map(|_| ())
                        }
                    })
                    .or_else(|| r.at_key(name))?;
            }
            key = r.next_key(members)?;
        }
        for (bit, name) in [(1, "type"), (4, "timestamp"), (8, "payload")] {
            if seen & bit == 0 {
                r.invalid::<()>(format!("missing field `{name}`"))
                    .or_else(|| r.at_key(name))?;
            }
        }
        Some(Self {
            event_type: event_type?,
            version,
            timestamp,
            extra,
            payload: payload?,
            end: r.mark(),
            _text: std::marker::PhantomData,
        })
    }

    /// The whole event, its payload read as `P`.
    pub(crate) fn with_payload<P: Field + Placeholder>(
        self,
        r: &mut Reader<'a>,
    ) -> Option<Event<P>> {
        r.rewind(self.payload);
        let mut payload = P::placeholder();
        Field::read(&mut payload, r).or_else(|| r.at_key("payload"))?;
        r.rewind(self.end);
        Some(Event {
            event_type: self.event_type,
            version: self.version,
            timestamp: self.timestamp,
            payload,
            extra: self.extra,
        })
    }
}
