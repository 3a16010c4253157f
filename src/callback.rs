//! Any callback body: telling the kind from the keys while reading it.

use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess,
    Visitor,
};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{locate, Error, NOT_A_CALLBACK};
use crate::incoming::IncomingMessage;
use crate::legacy_incoming::LegacyIncomingMessage;
use crate::legacy_status::LegacyStatusCallback;
use crate::object::fast::{self, Members, Reader};
use crate::object::{bit, fill, keep_extra, read_rest, Key, Placeholder, WireObject};
use crate::scalar::Id;
use crate::status::StatusCallback;
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
        if IncomingMessage::KEYS.contains(&key) {
            Some(Self::Incoming)
        } else if StatusCallback::KEYS.contains(&key) {
            Some(Self::Status)
        } else if LegacyStatusCallback::KEYS.contains(&key) {
            Some(Self::LegacyStatus)
        } else if LegacyIncomingMessage::KEYS.contains(&key) {
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
/// wait here as the JSON they came as: typed once the kind is known and has the field,
/// kept in `extra` exactly as they came otherwise.
#[derive(Default)]
struct Shared {
    id: Option<Value>,
    subject: Option<Value>,
    subject_id: Option<Value>,
    received_at: Option<Value>,
}

impl Shared {
    fn slot(&mut self, key: &str) -> Option<(&mut Option<Value>, &'static str)> {
        Some(match key {
            "id" => (&mut self.id, "id"),
            "subject" => (&mut self.subject, "subject"),
            "subjectId" => (&mut self.subject_id, "subjectId"),
            "receivedAt" => (&mut self.received_at, "receivedAt"),
            _ => return None,
        })
    }

    fn accept<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match self.slot(key) {
            Some((slot, key)) => fill(slot, key, map),
            None => Ok(false),
        }
    }
}

/// Reads a shared value as the type of its field, with an error naming `key`.
fn typed<T: DeserializeOwned, E: de::Error>(key: &'static str, value: Value) -> Result<T, E> {
    /// A one-member map whose value is read as `T`, so that an error names the member.
    struct Member<T>(T);
    impl<'de, T: Deserialize<'de>> Deserialize<'de> for Member<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct MemberVisitor<T>(std::marker::PhantomData<T>);
            impl<'de, T: Deserialize<'de>> Visitor<'de> for MemberVisitor<T> {
                type Value = Member<T>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("one member")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Member<T>, A::Error> {
                    map.next_key::<de::IgnoredAny>()?;
                    map.next_value().map(Member)
                }
            }
            deserializer.deserialize_map(MemberVisitor(std::marker::PhantomData))
        }
    }
    let member =
        de::value::MapDeserializer::<_, serde_json::Error>::new(std::iter::once((key, value)));
    match serde_path_to_error::deserialize::<_, Member<T>>(member) {
        Ok(Member(value)) => Ok(value),
        Err(e) => Err(crate::error::nested(e)),
    }
}

// The common cases of `typed`, without its bookkeeping; anything else goes through it.

fn shared_id<E: de::Error>(key: &'static str, value: Value) -> Result<Id, E> {
    match value {
        Value::String(s) => Ok(Id::Text(s)),
        Value::Number(n) => match n.as_i64() {
            Some(n) => Ok(Id::Number(n)),
            None => typed(key, Value::Number(n)),
        },
        other => typed(key, other),
    }
}

fn shared_opt_id<E: de::Error>(key: &'static str, value: Value) -> Result<Option<Id>, E> {
    match value {
        Value::Null => Ok(None),
        other => shared_id(key, other).map(Some),
    }
}

fn shared_opt_string<E: de::Error>(key: &'static str, value: Value) -> Result<Option<String>, E> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        other => typed(key, other),
    }
}

fn shared_timestamp<E: de::Error>(key: &'static str, value: Value) -> Result<Timestamp, E> {
    match value {
        Value::String(s) => match Timestamp::parse(&s) {
            Ok(t) => Ok(t),
            Err(_) => typed(key, Value::String(s)),
        },
        other => typed(key, other),
    }
}

/// Moves a shared value read before the kind was known into its field.
#[inline(always)]
fn put<T, E>(
    field: &mut T,
    value: Option<Value>,
    seen: &mut u64,
    bit: u64,
    key: &'static str,
    read: fn(&'static str, Value) -> Result<T, E>,
) -> Result<(), E> {
    if let Some(value) = value {
        *field = read(key, value)?;
        *seen |= bit;
    }
    Ok(())
}

/// Keeps a shared value the chosen kind does not have, as it came.
fn spill(extra: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        extra.insert(key.to_owned(), value);
    }
}

/// Where a callback is read into: the body's `Vec`, or a value of its own.
trait Place {
    /// Puts a placeholder of `kind` in place.
    fn put(&mut self, kind: CallbackKind) -> Option<&mut Callback>;
}

/// A placeholder of `kind`.
#[inline(always)]
fn placeholder(kind: CallbackKind) -> Callback {
    match kind {
        CallbackKind::Incoming => Callback::Incoming(Placeholder::placeholder()),
        CallbackKind::Status => Callback::Status(Placeholder::placeholder()),
        CallbackKind::LegacyIncoming => Callback::LegacyIncoming(Placeholder::placeholder()),
        CallbackKind::LegacyStatus => Callback::LegacyStatus(Placeholder::placeholder()),
    }
}

impl Place for Vec<Callback> {
    #[inline(always)]
    fn put(&mut self, kind: CallbackKind) -> Option<&mut Callback> {
        // Built where it lies (a `push` would build it aside and copy it: 584 bytes).
        self.resize_with(self.len() + 1, || placeholder(kind));
        self.last_mut()
    }
}

impl Place for Option<Callback> {
    #[inline(always)]
    fn put(&mut self, kind: CallbackKind) -> Option<&mut Callback> {
        Some(self.insert(placeholder(kind)))
    }
}

/// Puts a placeholder of `kind` in place (straight into the body's `Vec`), with the
/// shared values and the unknown fields read before the kind was known; returns it and
/// the fields given so far.
#[inline(always)]
fn start<E: de::Error>(
    place: &mut impl Place,
    kind: CallbackKind,
    shared: Shared,
    mut extra: Map<String, Value>,
) -> Result<(&mut Callback, u64), E> {
    let Shared {
        id,
        subject,
        subject_id,
        received_at,
    } = shared;
    let Some(callback) = place.put(kind) else {
        return Err(E::custom(
            "internal error: the callback was not put in place",
        ));
    };
    let mut seen = 0;
    match &mut *callback {
        Callback::Incoming(m) => {
            type T = IncomingMessage;
            put(
                &mut m.id,
                id,
                &mut seen,
                const { bit(T::KEYS, "id") },
                "id",
                shared_id,
            )?;
            let b = const { bit(T::KEYS, "subject") };
            put(
                &mut m.subject,
                subject,
                &mut seen,
                b,
                "subject",
                shared_opt_string,
            )?;
            let b = const { bit(T::KEYS, "subjectId") };
            put(
                &mut m.subject_id,
                subject_id,
                &mut seen,
                b,
                "subjectId",
                shared_opt_id,
            )?;
            let b = const { bit(T::KEYS, "receivedAt") };
            put(
                &mut m.received_at,
                received_at,
                &mut seen,
                b,
                "receivedAt",
                shared_timestamp,
            )?;
            m.extra = extra;
        }
        Callback::Status(s) => {
            type T = StatusCallback;
            spill(&mut extra, "id", id);
            spill(&mut extra, "receivedAt", received_at);
            let b = const { bit(T::KEYS, "subject") };
            put(
                &mut s.subject,
                subject,
                &mut seen,
                b,
                "subject",
                shared_opt_string,
            )?;
            let b = const { bit(T::KEYS, "subjectId") };
            put(
                &mut s.subject_id,
                subject_id,
                &mut seen,
                b,
                "subjectId",
                shared_opt_id,
            )?;
            s.extra = extra;
        }
        Callback::LegacyIncoming(m) => {
            type T = LegacyIncomingMessage;
            spill(&mut extra, "subject", subject);
            spill(&mut extra, "subjectId", subject_id);
            put(
                &mut m.id,
                id,
                &mut seen,
                const { bit(T::KEYS, "id") },
                "id",
                shared_id,
            )?;
            let b = const { bit(T::KEYS, "receivedAt") };
            put(
                &mut m.received_at,
                received_at,
                &mut seen,
                b,
                "receivedAt",
                shared_timestamp,
            )?;
            m.extra = extra;
        }
        Callback::LegacyStatus(s) => {
            spill(&mut extra, "id", id);
            spill(&mut extra, "subject", subject);
            spill(&mut extra, "subjectId", subject_id);
            spill(&mut extra, "receivedAt", received_at);
            s.extra = extra;
        }
    }
    Ok((callback, seen))
}

/// Why an object is no callback of any kind.
fn no_kind<E: de::Error>() -> E {
    E::custom(format_args!(
        "{NOT_A_CALLBACK}it has none of the keys that mark a callback \
         (messageContent for an incoming message, status or statusAt for a status, \
         imOutMessageId or dlvStatus for a legacy status, imType or contentType for \
         a legacy incoming message)"
    ))
}

/// Reads one callback object into `place`, telling its kind from its keys.
///
/// Until a key of one kind only is seen, the shared keys wait in [`Shared`] and unknown
/// ones in `extra`; then a placeholder of that kind is put in place and the rest of the
/// object is read into it.
#[inline]
fn read_callback<'de, A: MapAccess<'de>>(
    map: &mut A,
    place: &mut impl Place,
) -> Result<(), A::Error> {
    let mut shared = Shared::default();
    let mut extra = Map::new();
    let (kind, key) = loop {
        let Some(key) = map.next_key::<Key<'de>>()? else {
            return Err(no_kind());
        };
        if shared.accept(&key, map)? {
            continue;
        }
        match CallbackKind::marked_by(&key) {
            Some(kind) => break (kind, key),
            None => keep_extra(&mut extra, key, map)?,
        }
    };
    let (callback, seen) = start(place, kind, shared, extra)?;
    match callback {
        Callback::Incoming(m) => read_from(m, seen, key, map),
        Callback::Status(s) => read_from(s, seen, key, map),
        Callback::LegacyIncoming(m) => read_from(m, seen, key, map),
        Callback::LegacyStatus(s) => read_from(s, seen, key, map),
    }
}

/// Reads the member `key` (the one that told the kind), then the rest of the object.
#[inline]
fn read_from<'de, T: WireObject, A: MapAccess<'de>>(
    out: &mut T,
    mut seen: u64,
    key: Key<'de>,
    map: &mut A,
) -> Result<(), A::Error> {
    if !out.accept(&mut seen, &key, map)? {
        keep_extra(out.extra_mut(), key, map)?;
    }
    read_rest(out, seen, map)
}

/// [`read_callback`] on the fast path. The kind is told without holding any value aside:
///
/// - a first key of one kind only tells it at once;
/// - a first shared key (`id`, `subject`, `subjectId`, `receivedAt`) is read as the Pulse
///   incoming message (the only kind with all four, and the commonest body), giving up at
///   the first key of another kind (a key no kind documents goes to `extra`, as it would
///   whatever the kind);
/// - otherwise (or when that guess was wrong, as for a legacy incoming message, which
///   starts with `id`) the members before the first key of one kind only are skipped, and
///   the object is read again from its start as that kind.
#[inline]
fn read_callback_fast(r: &mut Reader<'_>, place: &mut Vec<Callback>) -> Option<()> {
    let start = r.mark();
    let mut members = r.open_object()?;
    let first = r.next_key(&mut members)??;
    if !is_shared(first) {
        if let Some(kind) = CallbackKind::marked_by(first) {
            return read_kind_fast(r, place, kind, Some(first), false, &mut members);
        }
    } else {
        r.rewind(start);
        let mut members = r.open_object()?;
        if let Some(Callback::Incoming(m)) = place.put(CallbackKind::Incoming) {
            if m.read_members_fast(0, None, of_another_kind, r, &mut members)
                .is_some()
            {
                return Some(());
            }
        }
        place.pop();
        r.rewind(start);
        members = r.open_object()?;
        r.next_key(&mut members)??;
    }
    r.skip()?;
    let kind = loop {
        let key = r.next_key(&mut members)??;
        if !is_shared(key) {
            if let Some(kind) = CallbackKind::marked_by(key) {
                break kind;
            }
        }
        r.skip()?;
    };
    r.rewind(start);
    let mut members = r.open_object()?;
    read_kind_fast(r, place, kind, None, true, &mut members)
}

/// Whether `key` is one several kinds have.
#[inline(always)]
fn is_shared(key: &str) -> bool {
    matches!(key, "id" | "subject" | "subjectId" | "receivedAt")
}

/// Whether an undocumented key of an incoming message read on a guess is a key of another
/// kind, which proves the guess wrong.
fn of_another_kind(key: &str) -> bool {
    CallbackKind::marked_by(key).is_some()
}

/// Puts a placeholder of `kind` in place and reads the object's members into it.
///
/// `after_skipping`: members came before the kind's first key. The serde path keeps the
/// shared ones among them that the kind does not document (a status's `id`) in `extra`
/// after the unknown members that came before that key; this path would keep them where
/// they came. With serde_json's `preserve_order` on, `extra` keeps that order, so such a
/// callback (with another member in `extra` to be out of order with) gives up and is
/// read by the serde path.
#[inline(always)]
fn read_kind_fast<'a>(
    r: &mut Reader<'a>,
    place: &mut Vec<Callback>,
    kind: CallbackKind,
    first: Option<&'a str>,
    after_skipping: bool,
    members: &mut Members,
) -> Option<()> {
    let extra = match place.put(kind)? {
        Callback::Incoming(m) => {
            return m.read_members_fast(0, first, fast::never, r, members);
        }
        Callback::Status(s) => {
            s.read_members_fast(0, first, fast::never, r, members)?;
            &s.extra
        }
        Callback::LegacyIncoming(m) => {
            m.read_members_fast(0, first, fast::never, r, members)?;
            &m.extra
        }
        Callback::LegacyStatus(s) => {
            s.read_members_fast(0, first, fast::never, r, members)?;
            &s.extra
        }
    };
    (!after_skipping || extra.len() < 2 || !extra.keys().any(|k| is_shared(k))).then_some(())
}

/// [`parse_body`] on the fast path: `None` when the body is anything but a well-formed
/// body the fast path reads in full (the serde path then gives the value or the error).
fn parse_body_fast(text: &str) -> Option<Vec<Callback>> {
    let mut r = Reader::new(text);
    let mut callbacks = Vec::with_capacity(1);
    match r.peek()? {
        b'{' => read_callback_fast(&mut r, &mut callbacks)?,
        b'[' => {
            let mut elements = r.open_array()?;
            while r.next_element(&mut elements)? {
                read_callback_fast(&mut r, &mut callbacks)?;
            }
        }
        _ => return None,
    }
    r.at_end().then_some(callbacks)
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
        let mut callback = None;
        read_callback(&mut map, &mut callback)?;
        callback.ok_or_else(|| de::Error::custom("internal error: no callback was read"))
    }
}

/// Reads one callback (an element of an array body) straight into the body's `Vec`.
struct Push<'a>(&'a mut Vec<Callback>);

impl<'de> DeserializeSeed<'de> for Push<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Push<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an edna callback object")
    }

    refuse_non_objects!();

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(not_a_callback("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        read_callback(&mut map, self.0)
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
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Body, A::Error> {
                let mut callbacks = Vec::with_capacity(1);
                read_callback(&mut map, &mut callbacks)?;
                Ok(Body(callbacks))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Body, A::Error> {
                let mut callbacks = Vec::with_capacity(seq.size_hint().unwrap_or(1).min(64));
                while seq.next_element_seed(Push(&mut callbacks))?.is_some() {}
                Ok(Body(callbacks))
            }
        }
        deserializer.deserialize_any(BodyVisitor)
    }
}

/// Reads a callback body as edna POSTs it: one callback object, or a JSON array of them
/// (FLOW replies come as arrays). The kind of each object is told from its keys while it
/// is read, by a reader written for these objects, in one pass; only the members before
/// the first key of one kind are read up to three times when they are keys several kinds
/// share and the object is not a Pulse incoming message (a legacy incoming message starts
/// with `id`). The reader gives up on anything it does not read exactly as serde_json
/// would (a bad body, an escaped key, deep nesting); such a body is read again through
/// serde, which gives the value, or the error and its path. The README's Performance
/// section has the numbers.
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
    if let Some(callbacks) = std::str::from_utf8(body).ok().and_then(parse_body_fast) {
        return Ok(callbacks);
    }
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
    // Checking the whole body is UTF-8 at once is cheaper than serde_json checking every
    // string and key on its own (as it must when reading bytes); a body that is not UTF-8
    // is read as bytes, so that the error is the one serde_json gives for them.
    let parsed = match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    };
    parsed.map_err(|first| locate::<T>(body, first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_shared_keys_belong_to_more_than_one_kind() {
        let kinds: [&[&str]; 4] = [
            IncomingMessage::KEYS,
            StatusCallback::KEYS,
            LegacyStatusCallback::KEYS,
            LegacyIncomingMessage::KEYS,
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
        // The fast path's test and the serde path's `Shared` name the same keys.
        for key in kinds.concat() {
            let mut shared = Shared::default();
            assert_eq!(is_shared(key), shared.slot(key).is_some(), "{key}");
            assert_eq!(is_shared(key), overlapping.contains(&key), "{key}");
        }
        // Every other key of a kind marks that kind.
        for (kind, keys) in [
            CallbackKind::Incoming,
            CallbackKind::Status,
            CallbackKind::LegacyStatus,
            CallbackKind::LegacyIncoming,
        ]
        .into_iter()
        .zip(kinds)
        {
            for key in keys.iter().filter(|k| !is_shared(k)) {
                assert_eq!(CallbackKind::marked_by(key), Some(kind), "{key}");
            }
        }
    }

    /// `parse_body` allocates one `Callback` per object; above 1 032 bytes glibc's malloc
    /// leaves its per-thread cache for a slower path (9 % of a parse when the rarely
    /// filled `MessageContent` objects were not boxed and a `Callback` was 1 240 bytes).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_callback_stays_small_enough_for_the_allocators_fast_path() {
        if std::mem::size_of::<Map<String, Value>>() != 24 {
            // serde_json's `preserve_order` makes every `extra` an IndexMap.
            return;
        }
        assert_eq!(std::mem::size_of::<Callback>(), 584);
        assert_eq!(std::mem::size_of::<crate::MessageContent>(), 208);
    }

    fn fixture_files(dir: &str) -> Vec<(String, Vec<u8>)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
            .collect();
        files.sort();
        files
    }

    /// The fast path either gives up or gives exactly what the serde path gives.
    fn same_as_serde_path(label: &str, body: &[u8]) -> bool {
        let Some(fast) = std::str::from_utf8(body).ok().and_then(parse_body_fast) else {
            return false;
        };
        match parse_as::<Body>(body) {
            Ok(Body(slow)) => {
                assert_eq!(fast, slow, "{label}");
                assert_eq!(
                    serde_json::to_string(&fast).unwrap(),
                    serde_json::to_string(&slow).unwrap(),
                    "{label}"
                );
            }
            Err(e) => panic!("{label}: the fast path read a body the serde path refuses: {e}"),
        }
        true
    }

    /// Every way the fast path tells the kind: a first key of one kind only, a first
    /// shared key read as a Pulse incoming message, and the fall-back when that guess
    /// is wrong (another kind, or an incoming message with a key it does not document).
    #[test]
    fn the_fast_path_tells_every_kind_as_the_serde_path_does() {
        let at = r#""2022-04-29T15:30:08Z""#;
        let content = r#"{"type":"TEXT","text":"hi"}"#;
        let read = [
            // A first key of one kind only.
            format!(r#"{{"messageContent":{content},"id":1,"receivedAt":{at}}}"#),
            format!(r#"{{"status":"READ","statusAt":{at},"id":1,"subject":"s"}}"#),
            format!(r#"{{"imOutMessageId":"a","dlvStatus":"read","dlvStatusAt":{at}}}"#),
            format!(r#"{{"imType":"whatsapp","id":1,"receivedAt":{at}}}"#),
            // First shared keys: the guess is right.
            format!(
                r#"{{"id":1,"subject":"s","subjectId":2,"messageContent":{content},"receivedAt":{at}}}"#
            ),
            format!(r#"{{"receivedAt":{at},"id":"x","messageContent":{content}}}"#),
            // The guess is wrong: another kind...
            format!(r#"{{"id":1,"imSubject":"s","receivedAt":{at}}}"#),
            format!(r#"{{"subject":"s","subjectId":2,"status":"READ","statusAt":{at}}}"#),
            format!(r#"{{"id":7,"subject":"s","status":"READ","statusAt":{at}}}"#),
            format!(r#"{{"id":1,"receivedAt":{at},"x":[1],"imType":"viber"}}"#),
            format!(r#"{{"id":1,"x":1,"imSubject":"s","receivedAt":{at}}}"#),
            // An incoming message with a key no kind documents, before or after the key
            // that tells its kind: kept in `extra` on the guess.
            format!(r#"{{"id":1,"x":{{"y":null}},"messageContent":{content},"receivedAt":{at}}}"#),
            format!(r#"{{"id":1,"messageContent":{content},"receivedAt":{at},"x":true}}"#),
            // A shared key the kind does not document, after the key that tells the kind.
            format!(r#"{{"status":"READ","statusAt":{at},"receivedAt":{at}}}"#),
        ];
        // A shared key the kind does not document, kept in `extra`: the serde path puts it
        // after the unknown keys read before the kind was known, so with serde_json's
        // `preserve_order` the order would differ; the fast path gives up, and the serde
        // path reads them.
        let handed_over = [
            format!(r#"{{"id":2,"x":1,"status":"READ","statusAt":{at}}}"#),
            format!(
                r#"{{"id":1,"receivedAt":{at},"subject":"s","subjectId":3,"imOutMessageId":"a","dlvStatus":"read","dlvStatusAt":{at}}}"#
            ),
            format!(
                r#"{{"subjectId":"1","subject":"s","id":"q","receivedAt":{at},"imType":"viber"}}"#
            ),
        ];
        for body in &handed_over {
            assert!(!same_as_serde_path(body, body.as_bytes()), "{body}: read");
            assert!(parse_body(body.as_bytes()).is_ok(), "{body}");
        }
        for body in &read {
            assert!(same_as_serde_path(body, body.as_bytes()), "{body}: gave up");
        }
        // What the serde path refuses, the fast path gives up on.
        let refused = [
            format!(r#"{{"id":1,"subject":"s","receivedAt":{at}}}"#),
            r#"{"id":1,"x":2}"#.to_owned(),
            format!(r#"{{"id":1,"messageContent":{content}}}"#),
            format!(r#"{{"id":1,"id":2,"messageContent":{content},"receivedAt":{at}}}"#),
            format!(r#"{{"subject":5,"status":"READ","statusAt":{at}}}"#),
            "{}".to_owned(),
        ];
        for body in &refused {
            assert!(parse_as::<Body>(body.as_bytes()).is_err(), "{body}");
            assert!(!same_as_serde_path(body, body.as_bytes()), "{body}");
        }
        // The kinds read.
        let kinds: Vec<_> = read
            .iter()
            .map(|b| parse_body(b.as_bytes()).unwrap()[0].kind().as_str())
            .collect();
        assert_eq!(
            kinds,
            [
                "incoming",
                "status",
                "legacy-status",
                "legacy-incoming",
                "incoming",
                "incoming",
                "legacy-incoming",
                "status",
                "status",
                "legacy-incoming",
                "legacy-incoming",
                "incoming",
                "incoming",
                "status"
            ]
        );
    }

    #[test]
    fn the_fast_path_reads_every_golden_fixture_as_the_serde_path_does() {
        for (name, body) in fixture_files("fixtures") {
            assert!(
                same_as_serde_path(&name, &body),
                "{name}: the fast path gave up"
            );
        }
        // The edge files: most are read by the fast path, the bad ones by the serde path.
        for (name, body) in fixture_files("fixtures/edge") {
            same_as_serde_path(&name, &body);
        }
    }

    /// Unknown fields nested around the depth where the fast path stops and around the
    /// recursion limit: the fast path never keeps one the serde path refuses.
    #[test]
    fn the_fast_path_agrees_with_the_serde_path_on_deep_unknown_fields() {
        for levels in [
            1, 2, 30, 60, 61, 62, 63, 64, 65, 100, 125, 126, 127, 128, 129, 200,
        ] {
            let nested = format!("{}1{}", "[".repeat(levels), "]".repeat(levels));
            let objects = format!("{}1{}", r#"{"a":"#.repeat(levels), "}".repeat(levels));
            for value in [&nested, &objects] {
                let status =
                    format!(r#"{{"status":"READ","statusAt":"2023-10-31T11:07:56Z","x":{value}}}"#);
                let incoming = format!(
                    r#"[{{"id":1,"messageContent":{{"type":"TEXT","x":{value}}},"receivedAt":"2022-04-29T15:30:08Z"}}]"#
                );
                for body in [status, incoming] {
                    same_as_serde_path(&format!("{levels} levels"), body.as_bytes());
                }
            }
        }
    }

    /// Every one-byte change of every golden fixture: whatever the fast path reads, it
    /// reads as the serde path does (and it never reads what the serde path refuses).
    #[test]
    fn the_fast_path_agrees_with_the_serde_path_on_mutated_fixtures() {
        let mut fast = 0;
        let mut total = 0;
        for (name, body) in fixture_files("fixtures") {
            for at in 0..body.len() {
                let mut variants = vec![];
                let mut deleted = body.clone();
                deleted.remove(at);
                variants.push(deleted);
                let mut doubled = body.clone();
                doubled.insert(at, body[at]);
                variants.push(doubled);
                // 0x80, 0xC3 and 0xFF make the body invalid UTF-8 wherever they land.
                for b in [
                    b'"', b'\\', b'{', b']', b',', b':', b'0', b'-', b'n', 0x01, 0x80, 0xC3, 0xFF,
                ] {
                    let mut replaced = body.clone();
                    replaced[at] = b;
                    variants.push(replaced);
                }
                for variant in variants {
                    total += 1;
                    if same_as_serde_path(&format!("{name} at {at}"), &variant) {
                        fast += 1;
                    }
                }
            }
        }
        assert!(fast > 0 && total > fast, "{fast} of {total}");
    }
}
