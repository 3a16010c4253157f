//! Any callback body: telling the kind from its keys, and reading it with the one reader.

use std::fmt;

use std::borrow::Cow;

use serde::de::{DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize};

use serde_json::Value;

use crate::enums::EventType;
use crate::error::{locate, Error, Stop};
use crate::event::{Envelope, Event, ShortLinkVisited, TemplateCategoryChanged, ENVELOPE_KEYS};
use crate::incoming::IncomingMessage;
use crate::legacy_incoming::LegacyIncomingMessage;
use crate::legacy_status::LegacyStatusCallback;
use crate::object::read::{self, FailureKind, Members, Reader};
use crate::object::{Placeholder, WireObject};
use crate::status::StatusCallback;
use crate::template::{MessageMatcher, MessageMatcherStatus};

/// One callback of any kind edna POSTs.
///
/// `Serialize` writes the callback's own object, exactly the shape edna sent: no wrapper,
/// no tag. `Deserialize` tells the kind from the keys (see [`parse_body`]).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // One per body; boxing would cost an allocation each.
pub enum Callback {
    /// An edna Pulse incoming message (told by `messageContent`).
    Incoming(IncomingMessage),
    /// An edna Pulse status callback (told by `statusAt`).
    Status(StatusCallback),
    /// A legacy SME incoming message (told by `imType`).
    LegacyIncoming(LegacyIncomingMessage),
    /// A legacy SME delivery status (told by `imOutMessageId`, `dlvStatus` or
    /// `dlvStatusAt`).
    LegacyStatus(LegacyStatusCallback),
    /// An edna Pulse template status: one template (a "message matcher"; told by
    /// `updatedAt`), as each element of the array edna POSTs.
    TemplateStatus(MessageMatcher),
    /// The older form of the template status, `{messageMatcher, subjectIds}` (told by
    /// `messageMatcher`).
    MessageMatcherStatus(MessageMatcherStatus),
    /// An event envelope of type `message_matcher.category_changed`: a WhatsApp template
    /// moved to another category.
    TemplateCategoryChanged(Event<TemplateCategoryChanged>),
    /// An event envelope of type `short_link_visited`: a recipient clicked a link button.
    LinkClicked(Event<ShortLinkVisited>),
    /// An event envelope of a type this version does not know, kept whole (its payload as
    /// JSON) and written back unchanged.
    Event(Event<Value>),
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
    /// [`Callback::TemplateStatus`].
    TemplateStatus,
    /// [`Callback::MessageMatcherStatus`].
    MessageMatcherStatus,
    /// [`Callback::TemplateCategoryChanged`].
    TemplateCategoryChanged,
    /// [`Callback::LinkClicked`].
    LinkClicked,
    /// [`Callback::Event`]: an event type this version does not know.
    Event,
}

impl CallbackKind {
    /// A short name: `incoming`, `status`, `legacy-incoming`, `legacy-status`,
    /// `template-status`, `message-matcher-status`, `template-category-changed`,
    /// `link-clicked`, `event`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Incoming => "incoming",
            Self::Status => "status",
            Self::LegacyIncoming => "legacy-incoming",
            Self::LegacyStatus => "legacy-status",
            Self::TemplateStatus => "template-status",
            Self::MessageMatcherStatus => "message-matcher-status",
            Self::TemplateCategoryChanged => "template-category-changed",
            Self::LinkClicked => "link-clicked",
            Self::Event => "event",
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
            Self::TemplateStatus(_) => CallbackKind::TemplateStatus,
            Self::MessageMatcherStatus(_) => CallbackKind::MessageMatcherStatus,
            Self::TemplateCategoryChanged(_) => CallbackKind::TemplateCategoryChanged,
            Self::LinkClicked(_) => CallbackKind::LinkClicked,
            Self::Event(_) => CallbackKind::Event,
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

    /// The template of a template status, in either form.
    pub fn as_template(&self) -> Option<&MessageMatcher> {
        match self {
            Self::TemplateStatus(t) => Some(t),
            Self::MessageMatcherStatus(s) => Some(&s.message_matcher),
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
            Self::TemplateStatus(t) => t.serialize(serializer),
            Self::MessageMatcherStatus(s) => s.serialize(serializer),
            Self::TemplateCategoryChanged(e) => e.serialize(serializer),
            Self::LinkClicked(e) => e.serialize(serializer),
            Self::Event(e) => e.serialize(serializer),
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

impl From<MessageMatcher> for Callback {
    fn from(value: MessageMatcher) -> Self {
        Self::TemplateStatus(value)
    }
}

impl From<MessageMatcherStatus> for Callback {
    fn from(value: MessageMatcherStatus) -> Self {
        Self::MessageMatcherStatus(value)
    }
}

impl From<Event<TemplateCategoryChanged>> for Callback {
    fn from(value: Event<TemplateCategoryChanged>) -> Self {
        Self::TemplateCategoryChanged(value)
    }
}

impl From<Event<ShortLinkVisited>> for Callback {
    fn from(value: Event<ShortLinkVisited>) -> Self {
        Self::LinkClicked(value)
    }
}

impl From<Event<Value>> for Callback {
    fn from(value: Event<Value>) -> Self {
        Self::Event(value)
    }
}

// The kind rule. Each kind is told by its *markers*: keys it requires and no other kind
// documents at the top level, so that an optional key added to one kind can never turn
// a body into another kind. The table is `RULES`; the README's "Callback kinds" section
// shows it, and `tests::the_kind_rule_*` check it.
//
// 1. A body with the markers of exactly one kind is of that kind, whatever else it has
//    and whatever the order of its keys (every other key is kept in `extra`).
// 2. A body with the markers of two kinds is refused (`UnknownCallback`, naming them).
// 3. A body with no marker is refused. To say what it lacks, it is read as the one kind
//    whose *own* keys (documented by that kind alone) it carries, which fails on the
//    missing marker and names it (`{"requestId":…,"status":…}` lacks `statusAt`); with own
//    keys of no kind, or of several, the error names every kind's markers.
//
// Every kind has a marker, so no body is ever read as a kind because of a key that kind
// does not require.

/// How one kind is told: see the rule above.
struct Rule {
    kind: CallbackKind,
    /// The kind's name in an error.
    name: &'static str,
    /// Every key the kind documents at the top level.
    keys: &'static [&'static str],
    /// The keys it requires that no other kind documents.
    markers: &'static [&'static str],
}

/// The kind rule's table.
const RULES: &[Rule] = &[
    Rule {
        kind: CallbackKind::Incoming,
        name: "an incoming message",
        keys: IncomingMessage::KEYS,
        markers: &["messageContent"],
    },
    Rule {
        kind: CallbackKind::Status,
        name: "a status",
        keys: StatusCallback::KEYS,
        markers: &["statusAt"],
    },
    Rule {
        kind: CallbackKind::LegacyStatus,
        name: "a legacy status",
        keys: LegacyStatusCallback::KEYS,
        markers: &["imOutMessageId", "dlvStatus", "dlvStatusAt"],
    },
    Rule {
        kind: CallbackKind::TemplateStatus,
        name: "a template status",
        keys: MessageMatcher::KEYS,
        // Not `channelType`: statuses have been seen carrying it.
        markers: &["updatedAt"],
    },
    Rule {
        kind: CallbackKind::MessageMatcherStatus,
        name: "a template status object",
        keys: MessageMatcherStatus::KEYS,
        markers: &["messageMatcher"],
    },
    Rule {
        kind: CallbackKind::Event,
        name: "an event",
        keys: ENVELOPE_KEYS,
        markers: &["timestamp"],
    },
    Rule {
        kind: CallbackKind::LegacyIncoming,
        name: "a legacy incoming message",
        keys: LegacyIncomingMessage::KEYS,
        markers: &["imType"],
    },
];

/// What a top-level key says of the kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Says {
    /// A marker of the kind of `RULES[rule]`.
    Marker {
        /// The index of the kind's rule.
        rule: usize,
        /// The marker (the key, as the table spells it).
        marker: &'static str,
    },
    /// A key only the kind of `RULES[rule]` documents, but not a marker.
    Own {
        /// The index of the kind's rule.
        rule: usize,
    },
    /// A key several kinds document, or none.
    Nothing,
}

impl Says {
    /// The kind the key says, if it says one.
    fn kind(self) -> Option<CallbackKind> {
        match self {
            Self::Marker { rule, .. } | Self::Own { rule } => RULES.get(rule).map(|r| r.kind),
            Self::Nothing => None,
        }
    }
}

fn says(key: &str) -> Says {
    let mut owner = None;
    for (i, rule) in RULES.iter().enumerate() {
        if let Some(marker) = rule.markers.iter().find(|m| **m == key) {
            return Says::Marker { rule: i, marker };
        }
        if rule.keys.contains(&key) {
            if owner.is_some() {
                return Says::Nothing;
            }
            owner = Some(i);
        }
    }
    owner.map_or(Says::Nothing, |rule| Says::Own { rule })
}

/// The kind to read a body as on a guess, from its first key: the kind the key is a
/// marker or own key of, else a Pulse incoming message (the commonest body, which starts
/// with `id`). The guess is checked while reading (see [`of_another_kind`]).
#[inline]
fn guess(first: &str) -> CallbackKind {
    match first {
        "id" | "subject" | "subjectId" | "receivedAt" => CallbackKind::Incoming,
        "requestId" => CallbackKind::Status,
        "imOutMessageId" => CallbackKind::LegacyStatus,
        "payload" | "type" => CallbackKind::Event,
        _ => says(first).kind().unwrap_or(CallbackKind::Incoming),
    }
}

/// Whether an undocumented key of a callback read on a guess belongs to another kind:
/// then the guess may be wrong, and the kind is told by the whole rule.
fn of_another_kind(key: &str) -> bool {
    says(key) != Says::Nothing
}

/// The whole rule: reads the object's keys (skipping their values) and tells its kind, or
/// records why it has none. The reader is left inside the object.
#[cold]
#[inline(never)]
fn decide(r: &mut Reader<'_>) -> Option<CallbackKind> {
    let mut members = r.open_object("an edna callback object")?;
    // By the index of the kind's rule: the first marker of it seen, and whether an own
    // key of it was seen.
    let mut markers: [Option<&'static str>; RULES.len()] = [None; RULES.len()];
    let mut owners = [false; RULES.len()];
    while let Some(key) = r.next_key(&mut members)? {
        match says(&key) {
            Says::Marker { rule, marker } => {
                if let Some(slot) = markers.get_mut(rule) {
                    slot.get_or_insert(marker);
                }
            }
            Says::Own { rule } => {
                if let Some(owner) = owners.get_mut(rule) {
                    *owner = true;
                }
            }
            Says::Nothing => {}
        }
        r.skip()?;
    }
    let kind_of = |i: usize| RULES.get(i).map(|rule| rule.kind);
    let marked: Vec<usize> = (0..RULES.len())
        .filter(|&i| markers.get(i).is_some_and(Option::is_some))
        .collect();
    let owned: Vec<usize> = (0..RULES.len())
        .filter(|&i| owners.get(i).copied().unwrap_or(false))
        .collect();
    match (marked.as_slice(), owned.as_slice()) {
        ([i], _) | ([], [i]) => kind_of(*i),
        ([], _) => r.fail(FailureKind::NotACallback, no_kind_message()),
        // In the table's order, so that the error is the same whatever the key order.
        _ => {
            let mut message = String::from("it has the keys of more than one kind:");
            for (n, &i) in marked.iter().enumerate() {
                let (Some(rule), Some(Some(marker))) = (RULES.get(i), markers.get(i)) else {
                    continue;
                };
                message.push_str(if n == 0 { " " } else { ", " });
                message.push_str(marker);
                message.push_str(" (");
                message.push_str(rule.name);
                message.push(')');
            }
            r.fail(FailureKind::NotACallback, message)
        }
    }
}

/// Why an object is no callback: the keys each kind needs, from the table.
fn no_kind_message() -> String {
    let mut message = String::from("it has none of the keys that mark a callback (");
    let mut first = true;
    for rule in RULES {
        if !first {
            message.push_str("; ");
        }
        first = false;
        message.push_str(&rule.markers.join(" or "));
        message.push_str(" for ");
        message.push_str(rule.name);
    }
    message.push(')');
    message
}

/// A placeholder of `kind`.
#[inline(always)]
fn placeholder(kind: CallbackKind) -> Callback {
    match kind {
        CallbackKind::Incoming => Callback::Incoming(Placeholder::placeholder()),
        CallbackKind::Status => Callback::Status(Placeholder::placeholder()),
        CallbackKind::LegacyIncoming => Callback::LegacyIncoming(Placeholder::placeholder()),
        CallbackKind::LegacyStatus => Callback::LegacyStatus(Placeholder::placeholder()),
        CallbackKind::TemplateStatus => Callback::TemplateStatus(Placeholder::placeholder()),
        CallbackKind::MessageMatcherStatus => {
            Callback::MessageMatcherStatus(Placeholder::placeholder())
        }
        // Events are put in place once read (see `read_kind`).
        CallbackKind::TemplateCategoryChanged | CallbackKind::LinkClicked | CallbackKind::Event => {
            Callback::Event(Placeholder::placeholder())
        }
    }
}

/// Puts a placeholder of `kind` at the end of `place` and reads the object's members
/// into it (built where it lies: a `push` would build it aside and copy it, 584 bytes).
#[inline(always)]
fn read_kind<'a>(
    r: &mut Reader<'a>,
    place: &mut Vec<Callback>,
    kind: CallbackKind,
    first: Option<Cow<'a, str>>,
    give_up_on: fn(&str) -> bool,
    members: &mut Members,
) -> Option<()> {
    if is_event(kind) {
        let event = read_event(r, first, give_up_on, members)?;
        place.push(event);
        return Some(());
    }
    place.resize_with(place.len() + 1, || placeholder(kind));
    let read = match place.last_mut()? {
        Callback::Incoming(m) => read::read_members(m, 0, first, give_up_on, r, members),
        Callback::Status(s) => read::read_members(s, 0, first, give_up_on, r, members),
        Callback::LegacyIncoming(m) => read::read_members(m, 0, first, give_up_on, r, members),
        Callback::LegacyStatus(s) => read::read_members(s, 0, first, give_up_on, r, members),
        Callback::TemplateStatus(t) => read::read_members(t, 0, first, give_up_on, r, members),
        Callback::MessageMatcherStatus(s) => {
            read::read_members(s, 0, first, give_up_on, r, members)
        }
        Callback::TemplateCategoryChanged(_) | Callback::LinkClicked(_) | Callback::Event(_) => {
            None
        }
    };
    if read.is_none() {
        place.pop();
    }
    read
}

fn is_event(kind: CallbackKind) -> bool {
    matches!(
        kind,
        CallbackKind::TemplateCategoryChanged | CallbackKind::LinkClicked | CallbackKind::Event
    )
}

/// Reads an event envelope, then its payload as the type its `type` names.
#[inline(never)]
fn read_event<'a>(
    r: &mut Reader<'a>,
    first: Option<Cow<'a, str>>,
    give_up_on: fn(&str) -> bool,
    members: &mut Members,
) -> Option<Callback> {
    let envelope = Envelope::read(r, first, give_up_on, members)?;
    Some(match envelope.event_type {
        EventType::TemplateCategoryChanged => {
            Callback::TemplateCategoryChanged(envelope.with_payload(r)?)
        }
        EventType::ShortLinkVisited => Callback::LinkClicked(envelope.with_payload(r)?),
        _ => Callback::Event(envelope.with_payload(r)?),
    })
}

/// Records that the value ahead is no callback object; always `None`.
#[cold]
#[inline(never)]
fn not_an_object(r: &mut Reader<'_>) -> Option<()> {
    let what = match r.peek()? {
        b'[' => "an array",
        b'"' => "a string",
        b'n' => "null",
        b't' | b'f' => "a boolean",
        b'-' | b'0'..=b'9' => "a number",
        _ => return None,
    };
    r.fail(
        FailureKind::NotACallback,
        format!("it is {what}, not a JSON object"),
    )
}

/// Reads one callback object onto the end of `place`, telling its kind by [`RULES`].
///
/// The kind is guessed from the first key and the object read as that kind, stopping at
/// a key of another kind; a body that proves the guess wrong (or fails to read) is read
/// again from its start, once the whole rule has told its kind.
#[inline]
fn read_callback(r: &mut Reader<'_>, place: &mut Vec<Callback>) -> Option<()> {
    if r.peek()? != b'{' {
        return not_an_object(r);
    }
    let start = r.mark();
    let mut members = r.open_object("an edna callback object")?;
    let Some(first) = r.next_key(&mut members)? else {
        return r.fail(FailureKind::NotACallback, no_kind_message());
    };
    let kind = guess(&first);
    if read_kind(r, place, kind, Some(first), of_another_kind, &mut members).is_some() {
        return Some(());
    }
    read_callback_again(r, place, start, kind)
}

/// [`read_callback`] once the guess was wrong, or the read failed: a second guess, from
/// the first key that says another kind (a legacy incoming message or a template status
/// starts with `id`, which the first guess reads as a Pulse incoming message), then the
/// whole rule.
#[cold]
#[inline(never)]
fn read_callback_again(
    r: &mut Reader<'_>,
    place: &mut Vec<Callback>,
    start: read::Mark,
    tried: CallbackKind,
) -> Option<()> {
    if r.failure_kind() == Some(FailureKind::TooDeep) {
        return None;
    }
    r.rewind(start);
    if let Some(kind) = next_guess(r, tried) {
        r.rewind(start);
        let mut members = r.open_object("an edna callback object")?;
        if read_kind(r, place, kind, None, of_another_kind, &mut members).is_some() {
            return Some(());
        }
        if r.failure_kind() == Some(FailureKind::TooDeep) {
            return None;
        }
    }
    r.rewind(start);
    let kind = decide(r)?;
    r.rewind(start);
    let mut members = r.open_object("an edna callback object")?;
    read_kind(r, place, kind, None, read::never, &mut members)
}

/// The kind the first key of another kind than `tried` says, if one does.
fn next_guess(r: &mut Reader<'_>, tried: CallbackKind) -> Option<CallbackKind> {
    let mut members = r.open_object("an edna callback object")?;
    while let Some(key) = r.next_key(&mut members)? {
        match says(&key).kind() {
            Some(kind) if kind != tried => return Some(kind),
            _ => {}
        }
        r.skip()?;
    }
    None
}

/// Reads a whole body into `callbacks`: one object, or an array of them.
fn read_body(r: &mut Reader<'_>, callbacks: &mut Vec<Callback>) -> Option<()> {
    match r.peek()? {
        b'{' => read_callback(r, callbacks)?,
        b'[' => {
            let mut elements = r.open_array("an array")?;
            let mut i = 0;
            while r.next_element(&mut elements)? {
                read_callback(r, callbacks).or_else(|| r.at_index(i))?;
                i += 1;
            }
        }
        _ => return not_an_object(r),
    }
    r.at_end().then_some(())
}

/// Reads a body's text with the reader, or says why it could not.
fn read_body_text(body: &[u8]) -> Result<Vec<Callback>, Error> {
    let text = std::str::from_utf8(body).map_err(|e| crate::error::not_utf8(body, &e))?;
    let mut r = Reader::new(text);
    let mut callbacks = Vec::with_capacity(1);
    match read_body(&mut r, &mut callbacks) {
        Some(()) => Ok(callbacks),
        None => Err(crate::error::from_reader(body, &mut r)),
    }
}

/// Reads one callback object from its text (the whole text).
fn read_one(text: &str) -> Result<Callback, Error> {
    let mut r = Reader::new(text);
    let mut callbacks = Vec::with_capacity(1);
    match read_callback(&mut r, &mut callbacks).and_then(|()| r.at_end().then_some(())) {
        Some(()) => callbacks
            .pop()
            .ok_or_else(|| crate::error::internal("no callback was read")),
        None => Err(crate::error::from_reader(text.as_bytes(), &mut r)),
    }
}

impl<'de> Deserialize<'de> for Callback {
    /// Reads one callback object with the crate's reader, telling its kind as
    /// [`parse_body`] does. Needs one of serde_json's deserializers.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::object::deserialize_text(deserializer, read_one)
    }
}

/// Reads a callback body as edna POSTs it: one callback object, or a JSON array of them
/// (FLOW replies come as arrays). The kind of each object is told from its keys (the rule
/// is in the README's "Callback kinds"), and the object read in one pass by the crate's
/// reader, written for these objects: a body whose first key guesses its kind wrong is
/// read again from its start. A body that fails is read no further; the error says where
/// (and, for a body that is not JSON, serde_json's scan of it says where). The README's
/// Performance section has the numbers. [`parse_body_each`] keeps the good callbacks of
/// an array with a bad one.
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
    read_body_text(body)
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
    // Checking the whole body is UTF-8 at once is cheaper than serde_json checking every
    // string and key on its own (as it must when reading bytes); a body that is not UTF-8
    // is read as bytes, so that the error is the one serde_json gives for them.
    let parsed = match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    };
    parsed.map_err(|first| locate::<T>(body, first))
}

/// Reads a body as [`parse_body`] does, but each callback of an array body on its own:
/// one bad element costs only itself. Each element's error names its place (`[3]`,
/// `[3].receivedAt`); a body that is one object gives one element.
///
/// ```
/// use edna_callbacks::{parse_body_each, CallbackKind};
///
/// let body = br#"[{"status":"READ","statusAt":"2023-10-31T11:07:56Z"},
///                 {"status":"READ","statusAt":"yesterday"}]"#;
/// let each = parse_body_each(body)?;
/// assert_eq!(each[0].as_ref().map(|c| c.kind()).ok(), Some(CallbackKind::Status));
/// assert_eq!(each[1].as_ref().map_err(|e| e.path()).err(), Some("[1].statusAt"));
/// # Ok::<(), edna_callbacks::Error>(())
/// ```
///
/// # Errors
///
/// Only what is wrong with the body as a whole: [`Error::Syntax`] when it is not JSON,
/// [`Error::UnknownCallback`] at `.` when it is neither an object nor an array. An element
/// nested deeper than serde_json's recursion limit is that element's error (an
/// `Error::Syntax` saying so), not the body's.
pub fn parse_body_each(body: &[u8]) -> Result<Vec<Result<Callback, Error>>, Error> {
    let text = std::str::from_utf8(body).map_err(|e| crate::error::not_utf8(body, &e))?;
    let mut r = Reader::new(text);
    match r.peek() {
        Some(b'[') => {}
        Some(b'{') => {
            let mut one = Vec::with_capacity(1);
            if read_callback(&mut r, &mut one).is_some() && r.at_end() {
                return Ok(one.into_iter().map(Ok).collect());
            }
            let mut lines = crate::error::Lines::default();
            return match crate::error::stop(body, &mut r, false, &mut lines) {
                Stop::Body(error) => Err(error),
                Stop::Element(error) => Ok(vec![Err(error)]),
            };
        }
        _ => return read_body_text(body).map(|all| all.into_iter().map(Ok).collect()),
    }
    let mut out = Vec::new();
    let mut scratch = Vec::with_capacity(1);
    let mut body_checked = false;
    let mut lines = crate::error::Lines::default();
    let mut elements = match r.open_array("an array") {
        Some(elements) => elements,
        None => return Err(crate::error::from_reader(body, &mut r)),
    };
    let mut i = 0;
    loop {
        match r.next_element(&mut elements) {
            Some(true) => {}
            Some(false) => break,
            None => return Err(crate::error::from_reader(body, &mut r)),
        }
        let start = r.mark();
        if read_callback(&mut r, &mut scratch).is_some() {
            out.extend(scratch.drain(..).map(Ok));
        } else {
            r.at_index(i);
            // The first bad element has the body checked to be JSON; a body that is not
            // is refused whole.
            match crate::error::stop(body, &mut r, body_checked, &mut lines) {
                Stop::Body(error) => return Err(error),
                Stop::Element(error) => out.push(Err(error)),
            }
            body_checked = true;
            scratch.clear();
            r.rewind(start);
            if r.skip().is_none() {
                return Err(crate::error::from_reader(body, &mut r));
            }
        }
        i += 1;
    }
    if !r.at_end() {
        return Err(crate::error::from_reader(body, &mut r));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::Fields;

    /// The table's claims: every marker is a key its kind documents and requires, and no
    /// other kind documents it.
    #[test]
    fn every_marker_is_required_by_its_kind_and_documented_by_no_other() {
        for rule in RULES {
            assert!(!rule.markers.is_empty(), "{}", rule.name);
            for marker in rule.markers {
                assert!(rule.keys.contains(marker), "{marker}");
                for other in RULES.iter().filter(|o| o.kind != rule.kind) {
                    assert!(!other.keys.contains(marker), "{marker} in {}", other.name);
                }
                assert_eq!(says(marker).kind(), Some(rule.kind), "{marker}");
                assert!(matches!(says(marker), Says::Marker { .. }), "{marker}");
                // Required: with every other documented field given, it is what is missing.
                let others = rule
                    .keys
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| *k != marker)
                    .fold(0u64, |seen, (i, _)| seen | 1 << i);
                let missing = match placeholder(rule.kind) {
                    Callback::Incoming(m) => m.missing_in(others),
                    Callback::Status(s) => s.missing_in(others),
                    Callback::LegacyIncoming(m) => m.missing_in(others),
                    Callback::LegacyStatus(s) => s.missing_in(others),
                    Callback::TemplateStatus(t) => t.missing_in(others),
                    Callback::MessageMatcherStatus(s) => s.missing_in(others),
                    // The envelope requires `type`, `timestamp` and `payload`.
                    _ => ["type", "timestamp", "payload"]
                        .into_iter()
                        .find(|k| k == marker),
                };
                assert_eq!(missing, Some(*marker), "{}", rule.name);
                // And a body without it is refused, naming it.
                let body = r#"{"zzUnknown":null}"#;
                let mut r = Reader::new(body);
                let mut place = Vec::new();
                let read = r.open_object("an object").and_then(|mut m| {
                    read_kind(&mut r, &mut place, rule.kind, None, read::never, &mut m)
                });
                assert!(read.is_none(), "{}: read without {marker}", rule.name);
            }
        }
    }

    #[test]
    fn every_kind_has_a_rule_and_a_name() {
        let kinds: Vec<CallbackKind> = RULES.iter().map(|r| r.kind).collect();
        for kind in [
            CallbackKind::Incoming,
            CallbackKind::Status,
            CallbackKind::LegacyIncoming,
            CallbackKind::LegacyStatus,
            CallbackKind::TemplateStatus,
            CallbackKind::MessageMatcherStatus,
            CallbackKind::Event,
        ] {
            assert!(kinds.contains(&kind), "{kind}");
        }
        // The three kinds of event are told by one rule, then by `type`.
        assert!(is_event(CallbackKind::TemplateCategoryChanged));
        assert!(is_event(CallbackKind::LinkClicked));
    }

    /// `parse_body` allocates one `Callback` per object; above 1 032 bytes glibc's malloc
    /// leaves its per-thread cache for a slower path.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_callback_stays_small_enough_for_the_allocators_fast_path() {
        if std::mem::size_of::<serde_json::Map<String, Value>>() != 24 {
            // serde_json's `preserve_order` makes every `extra` an IndexMap.
            return;
        }
        assert_eq!(std::mem::size_of::<Callback>(), 584);
        assert_eq!(std::mem::size_of::<crate::MessageContent>(), 208);
    }
}
