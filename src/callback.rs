//! The registry of callback kinds: the one list from which [`Callback`], [`CallbackKind`],
//! the kind rule's table and the reading of every kind are made.
//!
//! Each kind declares everything about itself in its own file (its type, how it is told,
//! what its dedup key, party, time and delivery are: see [`crate::kind`]); this file only
//! lists it once. Adding a kind is its own file plus one line below; a kind whose file
//! lacks a part of the declaration does not compile.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::dedup::{DedupKey, KeyError};
use crate::kind::{CallbackBody, Rule, Told};
use crate::legacy::incoming::LegacyIncomingMessage;
use crate::legacy::status::LegacyStatusCallback;
use crate::pulse::calling::CallingSettingsStatus;
use crate::pulse::event::{
    Envelope, Event, EventPayload, EventType, ShortLinkVisited, TemplateCategoryChanged,
    ENVELOPE_RULE,
};
use crate::pulse::incoming::IncomingMessage;
use crate::pulse::status::StatusCallback;
use crate::pulse::template::{MessageMatcher, MessageMatcherStatus};
use crate::view::{Delivery, Party};
use crate::wire::read::{self, Members, Reader};
use crate::wire::survey::{Path, Survey, Unfamiliar, Unrecognized};
use crate::wire::{Kept, Timestamp};

/// Makes the registry from its list: the bodies told by their own markers, the event
/// payloads told by the envelope's `type`, and the event of any other `type`.
macro_rules! callbacks {
    (
        told by their own markers {
            $( $(#[$kmeta:meta])* $kind:ident($kty:ty), $kas:ident; )*
        }
        events told by their type {
            $( $(#[$emeta:meta])* $event:ident($ety:ty), $eas:ident; )*
        }
        $(#[$ometa:meta])* any other event: $other:ident, $oas:ident;
        $(#[$umeta:meta])* any other body: $unknown:ident($uty:ty), $uas:ident;
    ) => {
        /// One callback of any kind edna POSTs.
        ///
        /// `Serialize` writes the callback's own object, exactly the shape edna sent: no
        /// wrapper, no tag. `Deserialize` tells the kind from the keys (see
        /// [`parse_body`](crate::parse_body)).
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)] // One per body; boxing would cost an allocation each.
        pub enum Callback {
            $( $(#[$kmeta])* $kind($kty), )*
            $( $(#[$emeta])* $event(Event<$ety>), )*
            $(#[$ometa])* $other(Event<Kept<Value>>),
            $(#[$umeta])* $unknown($uty),
        }

        /// Which kind a [`Callback`] is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum CallbackKind {
            $( #[doc = concat!("[`Callback::", stringify!($kind), "`].")] $kind, )*
            $( #[doc = concat!("[`Callback::", stringify!($event), "`].")] $event, )*
            #[doc = concat!("[`Callback::", stringify!($other), "`]: an event type this version does not know.")]
            $other,
            #[doc = concat!("[`Callback::", stringify!($unknown), "`]: a body of no kind this version knows.")]
            $unknown,
        }

        impl CallbackKind {
            /// Whether this is the kind of an event envelope (`{type, version, timestamp,
            /// payload}`), of a known `type` or not: the kinds
            /// [`Callback::as_event`] answers for.
            pub fn is_event(self) -> bool {
                is_event(self)
            }

            /// Every kind, in the registry's order.
            pub const ALL: &'static [CallbackKind] = &[
                $( CallbackKind::$kind, )*
                $( CallbackKind::$event, )*
                CallbackKind::$other,
                CallbackKind::$unknown,
            ];

            /// The kind's short name: `incoming`, `status`, `legacy-incoming`,
            /// `legacy-status`, `message-matcher`, `message-matcher-status`,
            /// `calling-settings-status`, `template-category-changed`, `short-link-visited`,
            /// `unknown-event`, `unknown`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Self::$kind => <$kty as CallbackBody>::NAME, )*
                    $( Self::$event => <Event<$ety> as CallbackBody>::NAME, )*
                    Self::$other => <Event<Kept<Value>> as CallbackBody>::NAME,
                    Self::$unknown => <$uty as CallbackBody>::NAME,
                }
            }
        }

        impl Callback {
            /// Which kind this is.
            pub fn kind(&self) -> CallbackKind {
                match self {
                    $( Self::$kind(_) => CallbackKind::$kind, )*
                    $( Self::$event(_) => CallbackKind::$event, )*
                    Self::$other(_) => CallbackKind::$other,
                    Self::$unknown(_) => CallbackKind::$unknown,
                }
            }

            $(
                #[doc = concat!("The [`", stringify!($kty), "`], if this is a [`Callback::", stringify!($kind), "`].")]
                pub fn $kas(&self) -> Option<&$kty> {
                    match self {
                        Self::$kind(body) => Some(body),
                        _ => None,
                    }
                }
            )*
            $(
                #[doc = concat!("The event, if this is a [`Callback::", stringify!($event), "`].")]
                pub fn $eas(&self) -> Option<&Event<$ety>> {
                    match self {
                        Self::$event(event) => Some(event),
                        _ => None,
                    }
                }
            )*
            #[doc = concat!("The event, if this is a [`Callback::", stringify!($other), "`] (a type this version does not know).")]
            pub fn $oas(&self) -> Option<&Event<Kept<Value>>> {
                match self {
                    Self::$other(event) => Some(event),
                    _ => None,
                }
            }

            #[doc = concat!("The body, if this is a [`Callback::", stringify!($unknown), "`] (of no kind this version knows).")]
            pub fn $uas(&self) -> Option<&$uty> {
                match self {
                    Self::$unknown(body) => Some(body),
                    _ => None,
                }
            }

            /// The envelope of an event of any type (`type`, `version`, `timestamp` and
            /// undocumented members), whatever its payload: of a
            $( #[doc = concat!("[`Callback::", stringify!($event), "`], ")] )*
            #[doc = concat!("or a [`Callback::", stringify!($other), "`]. `None` for the kinds that are no event.")]
            ///
            /// ```
            /// use edna_callbacks::{parse_body, EventType};
            ///
            /// let body = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/edge/mixed-all-webhooks.json"));
            /// for callback in parse_body(body)? {
            ///     if let Some(event) = callback.as_event() {
            ///         assert_eq!(callback.event_type(), Some(event.event_type));
            ///         assert!(callback.kind().is_event());
            ///         println!("{} at {}", event.event_type, event.timestamp);
            ///     }
            /// }
            /// # Ok::<(), edna_callbacks::Error>(())
            /// ```
            pub fn as_event(&self) -> Option<EventEnvelope<'_>> {
                match self {
                    $( Self::$event(event) => Some(EventEnvelope::of(event)), )*
                    Self::$other(event) => Some(EventEnvelope::of(event)),
                    _ => None,
                }
            }

            /// The kind's answers (see [`CallbackBody`]), whatever the kind.
            fn body(&self) -> &dyn Answers {
                match self {
                    $( Self::$kind(body) => body, )*
                    $( Self::$event(event) => event, )*
                    Self::$other(event) => event,
                    Self::$unknown(body) => body,
                }
            }
        }

        #[cfg(feature = "arbitrary")]
        impl Callback {
            /// A valid callback of `kind` drawn from `u` (the `arbitrary` feature): see
            /// [`Callback`]'s `Arbitrary`.
            ///
            /// # Errors
            ///
            /// Only what [`arbitrary`](::arbitrary) itself returns (never for running out of
            /// data: then the rest is the simplest valid value).
            pub fn arbitrary_of(
                kind: CallbackKind,
                u: &mut ::arbitrary::Unstructured<'_>,
            ) -> ::arbitrary::Result<Callback> {
                use ::arbitrary::Arbitrary;
                use crate::wire::generate::Generate;
                Ok(match kind {
                    $( CallbackKind::$kind => Callback::$kind(<$kty as Generate>::generate(u)?), )*
                    $( CallbackKind::$event => Callback::$event(Event::<$ety>::arbitrary(u)?), )*
                    CallbackKind::$other => Callback::$other(Event::<Kept<Value>>::arbitrary(u)?),
                    CallbackKind::$unknown => Callback::$unknown(<$uty>::arbitrary(u)?),
                })
            }
        }

        /// A valid callback of any kind (the `arbitrary` feature), to fuzz a handler with:
        /// written as a body (`serde_json::to_vec`), it is read back by
        /// [`parse_body`](crate::parse_body) as the equal callback.
        ///
        /// Every kind of [`CallbackKind::ALL`] is drawn alike, [`Unknown`](Callback::Unknown)
        /// and [`UnknownEvent`](Callback::UnknownEvent) included (a handler meets them
        /// when edna adds a webhook or an event type). Each field is generated (each
        /// optional one present or not): odd and arbitrary strings, ids and numbers in both
        /// JSON types, known and unknown enum values, timestamps in any offset with up to
        /// nine fractional digits, and now and then undocumented members (`x-…`) kept in
        /// `extra`. Use [`Callback::arbitrary_of`] for one kind.
        #[cfg(feature = "arbitrary")]
        impl<'a> ::arbitrary::Arbitrary<'a> for Callback {
            fn arbitrary(u: &mut ::arbitrary::Unstructured<'a>) -> ::arbitrary::Result<Self> {
                let kind = *u.choose(CallbackKind::ALL)?;
                Callback::arbitrary_of(kind, u)
            }
        }

        impl Survey for Callback {
            fn survey(&self, path: &mut Path, out: &mut Vec<Unrecognized>) {
                match self {
                    $( Self::$kind(body) => body.survey(path, out), )*
                    $( Self::$event(event) => event.survey(path, out), )*
                    Self::$other(event) => event.survey(path, out),
                    Self::$unknown(body) => body.survey(path, out),
                }
            }
        }

        impl Serialize for Callback {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$kind(body) => body.serialize(serializer), )*
                    $( Self::$event(event) => event.serialize(serializer), )*
                    Self::$other(event) => event.serialize(serializer),
                    Self::$unknown(body) => body.serialize(serializer),
                }
            }
        }

        $(
            impl From<$kty> for Callback {
                fn from(value: $kty) -> Self {
                    Self::$kind(value)
                }
            }
        )*
        $(
            impl From<Event<$ety>> for Callback {
                fn from(value: Event<$ety>) -> Self {
                    Self::$event(value)
                }
            }
        )*
        impl From<Event<Kept<Value>>> for Callback {
            fn from(value: Event<Kept<Value>>) -> Self {
                Self::$other(value)
            }
        }
        /// An event of a type this version does not know, its payload built in code.
        impl From<Event<Value>> for Callback {
            fn from(value: Event<Value>) -> Self {
                Self::$other(value.map_payload(Kept::from))
            }
        }
        impl From<$uty> for Callback {
            fn from(value: $uty) -> Self {
                Self::$unknown(value)
            }
        }

        /// The kind rule's table: each kind told by its own markers, in the registry's
        /// order, then the event envelope (whose `type` then says which event).
        pub(crate) const RULES: &[(CallbackKind, Rule)] = &[
            $( (CallbackKind::$kind, <$kty as Told>::RULE), )*
            (CallbackKind::$other, ENVELOPE_RULE),
        ];

        /// Whether `kind` is read as an event envelope.
        pub(crate) fn is_event(kind: CallbackKind) -> bool {
            match kind {
                $( CallbackKind::$kind => false, )*
                $( CallbackKind::$event => true, )*
                CallbackKind::$other => true,
                CallbackKind::$unknown => false,
            }
        }

        /// A placeholder of a kind told by its own markers. Never asked for an event (which
        /// is built once read): it gives an incoming message then.
        #[inline(always)]
        pub(crate) fn placeholder(kind: CallbackKind) -> Callback {
            use crate::wire::read::Placeholder;
            match kind {
                $( CallbackKind::$kind => Callback::$kind(Placeholder::placeholder()), )*
                _ => Callback::Incoming(Placeholder::placeholder()),
            }
        }

        /// Reads the members of a body (its first key `first` already read, if any) into
        /// the placeholder `callback`.
        #[inline(always)]
        pub(crate) fn read_members<'a>(
            callback: &mut Callback,
            first: Option<std::borrow::Cow<'a, str>>,
            give_up_on: fn(&str) -> bool,
            r: &mut Reader<'a>,
            members: &mut Members,
        ) -> Option<()> {
            match callback {
                $( Callback::$kind(body) => read::read_members(body, 0, first, give_up_on, r, members), )*
                _ => None,
            }
        }

        /// The kind rule as the README shows it: each kind, and what tells it.
        #[cfg(test)]
        pub(crate) fn kind_table() -> String {
            let mut table = String::from("| kind | `CallbackKind` | told by |\n|---|---|---|\n");
            let markers = |rule: &Rule| {
                rule.markers.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(" or ")
            };
            $(
                table.push_str(&format!(
                    "| {} | `{}` | {} |\n",
                    <$kty as Told>::RULE.name,
                    stringify!($kind),
                    markers(&<$kty as Told>::RULE),
                ));
            )*
            $(
                table.push_str(&format!(
                    "| {}: `{}` | `{}` | {}, then `type` |\n",
                    ENVELOPE_RULE.name,
                    <$ety as EventPayload>::EVENT_TYPE.unwrap_or_default(),
                    stringify!($event),
                    markers(&ENVELOPE_RULE),
                ));
            )*
            table.push_str(&format!(
                "| {} of any other type | `{}` | {}, then `type` |\n",
                ENVELOPE_RULE.name,
                stringify!($other),
                markers(&ENVELOPE_RULE),
            ));
            table.push_str(&format!(
                "| any other object: no marker, or the markers of two kinds | `{}` | kept whole |\n",
                stringify!($unknown),
            ));
            table
        }

        /// The fields of a body told by its own markers, for the tests of the kind rule.
        #[cfg(test)]
        pub(crate) fn fields(callback: &Callback) -> Option<(&dyn crate::wire::read::Fields, &'static [&'static str])> {
            use crate::wire::read::WireObject;
            match callback {
                $( Callback::$kind(body) => Some((body, <$kty as WireObject>::KEYS)), )*
                _ => None,
            }
        }

        /// The `type` each event payload of the registry declares, for the test that each
        /// is a known [`EventType`] (a typo would send its events to the catch-all kind).
        #[cfg(test)]
        pub(crate) fn declared_event_types() -> Vec<Option<&'static str>> {
            vec![ $( <$ety as EventPayload>::EVENT_TYPE, )* ]
        }

        /// The event an envelope holds, its payload read as its `type` says.
        pub(crate) fn from_envelope<'a>(envelope: Envelope<'a>, r: &mut Reader<'a>) -> Option<Callback> {
            $(
                if envelope.event_type.as_str() == <$ety as EventPayload>::EVENT_TYPE.unwrap_or_default() {
                    return Some(Callback::$event(envelope.with_payload(r)?));
                }
            )*
            Some(Callback::$other(envelope.with_payload(r)?))
        }
    };
}

callbacks! {
    told by their own markers {
        /// An edna Pulse incoming message (told by `messageContent`).
        Incoming(IncomingMessage), as_incoming;
        /// An edna Pulse status callback (told by `statusAt`).
        Status(StatusCallback), as_status;
        /// A legacy SME delivery status (told by `imOutMessageId`, `smsOutMessageId`,
        /// `dlvStatus` or `dlvStatusAt`).
        LegacyStatus(LegacyStatusCallback), as_legacy_status;
        /// An edna Pulse template status: one template (a "message matcher"; told by
        /// `updatedAt`), as each element of the array edna POSTs.
        MessageMatcher(MessageMatcher), as_message_matcher;
        /// The older form of the template status, `{messageMatcher, subjectIds}` (told by
        /// `messageMatcher`).
        MessageMatcherStatus(MessageMatcherStatus), as_message_matcher_status;
        /// A legacy SME incoming message (told by `imType`).
        LegacyIncoming(LegacyIncomingMessage), as_legacy_incoming;
        /// The outcome of a request to change a WhatsApp sender's calling settings (told by
        /// `calling`).
        CallingSettingsStatus(CallingSettingsStatus), as_calling_settings_status;
    }
    events told by their type {
        /// An event envelope of type `message_matcher.category_changed`: a WhatsApp
        /// template moved to another category.
        TemplateCategoryChanged(TemplateCategoryChanged), as_template_category_changed;
        /// An event envelope of type `short_link_visited`: a recipient clicked a link
        /// button.
        ShortLinkVisited(ShortLinkVisited), as_short_link_visited;
    }
    /// An event envelope of a type this version does not know, kept whole (its payload
    /// as JSON, `null` included) and written back unchanged.
    any other event: UnknownEvent, as_unknown_event;
    /// A JSON object of no kind this version knows (a new edna webhook, a renamed marker,
    /// another product's webhook sent to the same URL), kept whole and written back
    /// unchanged: see [`UnknownCallback`].
    any other body: Unknown(UnknownCallback), as_unknown;
}

/// What a top-level key says of the kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Says {
    /// A marker of the kind of `RULES[rule]`.
    Marker {
        /// The index of the kind's rule.
        rule: usize,
        /// The marker (the key, as the table spells it).
        marker: &'static str,
    },
    /// A key the kind of `RULES[rule]` resembles (see [`Rule::resembles`](crate::kind::Rule)).
    Own {
        /// The index of the kind's rule.
        rule: usize,
    },
    /// A key several kinds document, or none.
    Nothing,
}

impl Says {
    /// The kind the key says, if it says one.
    pub(crate) fn kind(self) -> Option<CallbackKind> {
        match self {
            Self::Marker { rule, .. } | Self::Own { rule } => kind_of(rule),
            Self::Nothing => None,
        }
    }
}

/// The kind of `RULES[rule]`.
pub(crate) fn kind_of(rule: usize) -> Option<CallbackKind> {
    RULES.get(rule).map(|(kind, _)| *kind)
}

/// The written rule of `kind`.
pub(crate) fn rule_of(kind: CallbackKind) -> Option<&'static Rule> {
    RULES.iter().find(|(k, _)| *k == kind).map(|(_, rule)| rule)
}

/// What `key`, at the top level of an object, says of its kind.
pub(crate) fn says(key: &str) -> Says {
    for (i, (_, rule)) in RULES.iter().enumerate() {
        if let Some(marker) = rule.markers.iter().find(|m| **m == key) {
            return Says::Marker { rule: i, marker };
        }
        if rule.resembles.contains(&key) {
            return Says::Own { rule: i };
        }
    }
    Says::Nothing
}

/// A JSON object of no kind this version knows, kept whole and written back unchanged:
/// a webhook edna added after this version, a body whose marker edna renamed, another
/// product's webhook sent to the same URL (edna Chat Center's `INIT_CHAT`).
///
/// It is not an error: nothing edna sends is refused for being new. A handler should keep
/// it and alert on it, so that a renamed field of a known kind is not missed quietly;
/// [`diagnosis`](Self::diagnosis) says, in the crate's own words and documented names
/// only, which kind it resembles and what that kind would lack.
///
/// ```
/// use edna_callbacks::{parse_body, CallbackKind};
///
/// let body = br#"{"requestId":"r-1","cascadeStageUUID":"s-1","status":"READ","at":"2026-06-01T10:00:00Z"}"#;
/// let callbacks = parse_body(body)?;
/// let unknown = callbacks[0].as_unknown().expect("no kind this version knows");
/// assert_eq!(unknown.resembles(), Some(CallbackKind::Status));
/// assert_eq!(unknown.lacks(), ["statusAt"]);
/// assert_eq!(
///     unknown.diagnosis(),
///     "no kind this version knows: it resembles a status (cascadeStageUUID), which needs statusAt"
/// );
///
/// // Keys several kinds share resemble no kind: `requestId` and `status` are a status's
/// // and a calling-settings status's, so this is not called a broken status.
/// let callbacks = parse_body(br#"{"requestId":"r-1","status":"READ"}"#)?;
/// let unknown = callbacks[0].as_unknown().expect("no kind this version knows");
/// assert_eq!(unknown.resembles(), None);
/// assert!(unknown.diagnosis().starts_with("no kind this version knows: it has none of the keys"));
/// # Ok::<(), edna_callbacks::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct UnknownCallback {
    /// The whole object, as it came (its text, read into a map on first use: see
    /// [`Kept`]; a key given twice keeps its last value, as serde_json reads it).
    pub body: Kept<serde_json::Map<String, Value>>,
}

impl UnknownCallback {
    /// An object of no known kind.
    pub fn new(body: impl Into<Kept<serde_json::Map<String, Value>>>) -> Self {
        Self { body: body.into() }
    }

    /// The kinds whose markers the object has (more than one, or it would be of that kind).
    pub fn marked_kinds(&self) -> Vec<CallbackKind> {
        let mut kinds: Vec<CallbackKind> = self
            .body
            .keys()
            .filter_map(|key| match says(key) {
                marker @ Says::Marker { .. } => marker.kind(),
                _ => None,
            })
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }

    /// The kind the object resembles: when it has no marker, the one kind whose own keys
    /// it has (keys the kind's rule lists, and no other kind documents). `None` when it
    /// resembles no kind, or several.
    pub fn resembles(&self) -> Option<CallbackKind> {
        let mut resembled = self.body.keys().filter_map(|key| match says(key) {
            own @ Says::Own { .. } => own.kind(),
            _ => None,
        });
        let first = resembled.next()?;
        (self.marked_kinds().is_empty() && resembled.all(|kind| kind == first)).then_some(first)
    }

    /// What the kind it [`resembles`](Self::resembles) would need to be that kind: its
    /// markers (any one of them). Empty when it resembles no kind.
    pub fn lacks(&self) -> &'static [&'static str] {
        self.resembles()
            .and_then(rule_of)
            .map_or(&[], |rule| rule.markers)
    }

    /// Why it is of no kind, safe to log: the crate's own words and documented key names
    /// only, never the object's own keys or values.
    pub fn diagnosis(&self) -> String {
        let name = |kind: CallbackKind| rule_of(kind).map_or(kind.as_str(), |rule| rule.name);
        let marked = self.marked_kinds();
        if marked.len() > 1 {
            let kinds: Vec<&str> = marked.iter().map(|kind| name(*kind)).collect();
            return format!(
                "no kind this version knows: it has the markers of {}",
                kinds.join(" and ")
            );
        }
        if let Some((kind, rule)) = self
            .resembles()
            .and_then(|kind| Some((kind, rule_of(kind)?)))
        {
            let own: Vec<&str> = rule
                .resembles
                .iter()
                .copied()
                .filter(|key| self.body.contains_key(*key))
                .collect();
            return format!(
                "no kind this version knows: it resembles {} ({}), which needs {}",
                name(kind),
                own.join(", "),
                rule.markers.join(" or ")
            );
        }
        let mut message = String::from(
            "no kind this version knows: it has none of the keys that mark a callback (",
        );
        for (i, (_, rule)) in RULES.iter().enumerate() {
            if i > 0 {
                message.push_str("; ");
            }
            message.push_str(&rule.markers.join(" or "));
            message.push_str(" for ");
            message.push_str(rule.name);
        }
        message.push(')');
        message
    }
}

impl Serialize for UnknownCallback {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for UnknownCallback {
    /// Any object, whole.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Kept::deserialize(deserializer).map(Self::new)
    }
}

impl Survey for UnknownCallback {
    fn survey(&self, path: &mut Path, out: &mut Vec<Unrecognized>) {
        path.found(Unfamiliar::UnknownKind, out);
    }
}

impl crate::kind::Sealed for UnknownCallback {}

/// An object of no known kind has no id this version knows: its key is the digest of the
/// whole object (see [`Part::digest`](crate::Part::digest)), which a retry repeats.
impl CallbackBody for UnknownCallback {
    const NAME: &'static str = "unknown";

    fn dedup_key(&self) -> DedupKey {
        DedupKey::new(Self::NAME, [crate::dedup::Part::digest_map(&self.body)])
    }

    fn party(&self) -> Option<Party<'_>> {
        None
    }

    fn occurred_at(&self) -> Option<Timestamp> {
        None
    }

    fn delivery(&self) -> Option<Delivery<'_>> {
        None
    }
}

/// What every kind answers, object-safe, so that [`Callback`] asks its kind through one
/// reference instead of a `match` per question.
trait Answers {
    fn dedup_key(&self) -> DedupKey;
    fn party(&self) -> Option<Party<'_>>;
    fn occurred_at(&self) -> Option<Timestamp>;
    fn delivery(&self) -> Option<Delivery<'_>>;
}

impl<T: CallbackBody> Answers for T {
    fn dedup_key(&self) -> DedupKey {
        CallbackBody::dedup_key(self)
    }
    fn party(&self) -> Option<Party<'_>> {
        CallbackBody::party(self)
    }
    fn occurred_at(&self) -> Option<Timestamp> {
        CallbackBody::occurred_at(self)
    }
    fn delivery(&self) -> Option<Delivery<'_>> {
        CallbackBody::delivery(self)
    }
}

impl Callback {
    /// The key that identifies this delivery, so that a retry of it can be recognised:
    /// see [`DedupKey`], and each kind's [`CallbackBody`] for its parts.
    ///
    /// ```
    /// use edna_callbacks::parse_body;
    ///
    /// let body = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pulse-status-read.en.json"));
    /// let callbacks = parse_body(body)?;
    /// assert_eq!(
    ///     callbacks[0].dedup_key().to_string(),
    ///     r#"status:"test-00135":"001-test001":"READ""#
    /// );
    /// # Ok::<(), edna_callbacks::Error>(())
    /// ```
    pub fn dedup_key(&self) -> DedupKey {
        self.body().dedup_key()
    }

    /// Who the callback concerns: the sender of an incoming message (`subscriber`'s
    /// `identifier`, or a legacy message's `address`), or who clicked a link button.
    /// `None` for kinds that name no person (statuses, templates, other events) and when
    /// edna left the field out (it may omit `subscriber`).
    pub fn party(&self) -> Option<Party<'_>> {
        self.body().party()
    }

    /// When it happened: `receivedAt` of a message, `statusAt`/`dlvStatusAt` of a status,
    /// `updatedAt` of a template status, `timestamp` of an event. `None` for a template
    /// status whose `updatedAt` is `null`, a calling-settings status (edna gives no time)
    /// and a body of no known kind.
    ///
    /// ```
    /// use edna_callbacks::parse_body;
    ///
    /// let body = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/legacy-status.en.json"));
    /// let at = parse_body(body)?[0].occurred_at().expect("a status has a time");
    /// assert_eq!(at.to_string(), "2020-01-10T19:03:52.355+03:00");
    /// # Ok::<(), edna_callbacks::Error>(())
    /// ```
    pub fn occurred_at(&self) -> Option<Timestamp> {
        self.body().occurred_at()
    }

    /// The delivery a Pulse or legacy status reports, in one shape; `None` for the other
    /// kinds.
    ///
    /// ```
    /// use edna_callbacks::{parse_body, Status};
    ///
    /// for body in [
    ///     &include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pulse-status-read.en.json"))[..],
    ///     &include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/legacy-status.en.json"))[..],
    /// ] {
    ///     let callbacks = parse_body(body)?;
    ///     let delivery = callbacks[0].delivery().expect("a status");
    ///     assert_eq!(delivery.status, &Status::Read);
    ///     assert!(!delivery.failed());
    /// }
    /// # Ok::<(), edna_callbacks::Error>(())
    /// ```
    pub fn delivery(&self) -> Option<Delivery<'_>> {
        self.body().delivery()
    }

    /// What this callback carried that this version did not understand, by path from its
    /// object and never by value: keys it does not document, values of sets edna controls
    /// that it does not know, documented fields whose value came in a form it cannot read,
    /// an event type or a kind it does not know. Everything listed was kept as it came and
    /// is written back; count them to learn that edna sent something new.
    pub fn unrecognized(&self) -> Vec<Unrecognized> {
        crate::wire::survey::survey(self)
    }

    /// The template of a template status, in either form.
    pub fn as_template(&self) -> Option<&MessageMatcher> {
        match self {
            Self::MessageMatcher(template) => Some(template),
            Self::MessageMatcherStatus(status) => Some(&status.message_matcher),
            _ => None,
        }
    }

    /// The `type` of an event of any type (see [`as_event`](Self::as_event)); `None` for
    /// the kinds that are no event.
    pub fn event_type(&self) -> Option<&EventType> {
        self.as_event().map(|event| event.event_type)
    }
}

/// The envelope of an event, whatever its payload: what
/// [`Callback::as_event`] gives for every event kind, so that a handler can log, store
/// or route events by `type` and `timestamp` without a `match` over the payload types.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct EventEnvelope<'a> {
    /// `type`: which event this is.
    pub event_type: &'a EventType,
    /// `version` (`v1`; absent on older pages).
    pub version: Option<&'a str>,
    /// `timestamp`: when it happened.
    pub timestamp: Timestamp,
    /// The envelope's members this version does not model, as they came.
    pub extra: &'a serde_json::Map<String, Value>,
}

impl<'a> EventEnvelope<'a> {
    /// The envelope of `event`.
    pub fn of<P>(event: &'a Event<P>) -> Self {
        Self {
            event_type: &event.event_type,
            version: event.version.as_deref(),
            timestamp: event.timestamp,
            extra: &event.extra,
        }
    }
}

/// The names of earlier versions.
#[allow(non_snake_case, non_upper_case_globals)]
impl Callback {
    /// A template status: [`Callback::MessageMatcher`], the variant's name since the kind
    /// took the name of its type.
    #[deprecated(note = "use `Callback::MessageMatcher`")]
    pub fn TemplateStatus(template: MessageMatcher) -> Self {
        Self::MessageMatcher(template)
    }

    /// A link click: [`Callback::ShortLinkVisited`], the variant's name since the kind
    /// took the name edna gives the event.
    #[deprecated(note = "use `Callback::ShortLinkVisited`")]
    pub fn LinkClicked(event: Event<ShortLinkVisited>) -> Self {
        Self::ShortLinkVisited(event)
    }

    /// An event of a type this version does not know: [`Callback::UnknownEvent`], the
    /// variant's name since [`Callback::as_event`] gives the envelope of *every* event
    /// (the name `Event` read as "any event", which this variant never was).
    #[deprecated(note = "use `Callback::UnknownEvent`")]
    pub fn Event(event: Event<Value>) -> Self {
        Self::from(event)
    }
}

/// The names of earlier versions.
#[allow(non_upper_case_globals)]
impl CallbackKind {
    /// [`CallbackKind::MessageMatcher`].
    #[deprecated(note = "use `CallbackKind::MessageMatcher`")]
    pub const TemplateStatus: CallbackKind = CallbackKind::MessageMatcher;

    /// [`CallbackKind::ShortLinkVisited`].
    #[deprecated(note = "use `CallbackKind::ShortLinkVisited`")]
    pub const LinkClicked: CallbackKind = CallbackKind::ShortLinkVisited;

    /// [`CallbackKind::UnknownEvent`].
    #[deprecated(note = "use `CallbackKind::UnknownEvent`")]
    pub const Event: CallbackKind = CallbackKind::UnknownEvent;
}

impl std::str::FromStr for DedupKey {
    type Err = KeyError;

    /// Reads a key's text (its `Display`) back as the equal key: the name of a kind this
    /// version knows, then its parts, each after a `:`.
    ///
    /// ```
    /// use edna_callbacks::DedupKey;
    ///
    /// let key: DedupKey = r#"status:"test-00135":"READ""#.parse()?;
    /// assert_eq!(key.kind(), "status");
    /// assert_eq!(key.parts().len(), 2);
    /// assert_eq!(key.to_string(), r#"status:"test-00135":"READ""#);
    /// assert!("status:READ".parse::<DedupKey>().is_err());
    /// # Ok::<(), edna_callbacks::KeyError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (name, rest) = match s.split_once(':') {
            Some((name, rest)) => (name, Some((rest, name.len() + 1))),
            None => (s, None),
        };
        let kind = name.parse::<CallbackKind>()?;
        DedupKey::from_parts_text(kind.as_str(), rest)
    }
}

impl std::str::FromStr for CallbackKind {
    type Err = KeyError;

    /// The kind whose short name ([`as_str`](CallbackKind::as_str), its `Display`) is `s`,
    /// so that a kind stored or used as a metric label reads back.
    ///
    /// ```
    /// use edna_callbacks::CallbackKind;
    ///
    /// assert_eq!("short-link-visited".parse(), Ok(CallbackKind::ShortLinkVisited));
    /// assert!("link-clicked".parse::<CallbackKind>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CallbackKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.as_str() == s)
            .ok_or(KeyError::new("the name of a kind this version knows", 0))
    }
}

impl fmt::Display for CallbackKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// Callbacks cross threads (a handler hands them to a queue or a task): every kind, and
// the `Kept` values in them (a `OnceLock` inside), is `Send + Sync`.
const _: fn() = || {
    fn crosses_threads<T: Send + Sync + 'static>() {}
    crosses_threads::<Callback>();
    crosses_threads::<crate::Error>();
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Each event payload's declared `type` is a known [`EventType`] in its documented
    /// spelling, so that `from_envelope` routes its events to it.
    #[test]
    fn every_declared_event_type_is_a_known_event_type() {
        let declared = declared_event_types();
        assert!(!declared.is_empty());
        for declared in declared {
            let declared = declared.expect("a known event payload declares its type");
            let known = EventType::from(declared.to_owned());
            assert!(!known.is_unknown(), "{declared}");
            assert_eq!(known.as_str(), declared);
        }
    }

    /// The README's table of the kind rule is the registry's: a kind added, renamed or
    /// given another marker fails here until the README says so (the message holds the
    /// table to paste).
    #[test]
    fn the_readme_table_is_the_registrys() {
        let readme = include_str!("../README.md");
        let start = readme.find("<!-- kind-rule:start -->\n").map(|i| i + 25);
        let end = readme.find("<!-- kind-rule:end -->");
        let (Some(start), Some(end)) = (start, end) else {
            panic!("the README has no kind-rule markers");
        };
        let table = kind_table();
        assert_eq!(
            readme.get(start..end),
            Some(table.as_str()),
            "the README's kind table should be:\n{table}"
        );
    }

    #[test]
    fn every_kinds_name_reads_back_as_the_kind() {
        for kind in CallbackKind::ALL {
            assert_eq!(kind.to_string().parse::<CallbackKind>(), Ok(*kind));
        }
        assert!("".parse::<CallbackKind>().is_err());
        assert!("Status".parse::<CallbackKind>().is_err());
    }

    #[test]
    fn every_kind_has_a_name_of_its_own() {
        let mut names: Vec<&str> = CallbackKind::ALL.iter().map(|k| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CallbackKind::ALL.len());
    }
}
