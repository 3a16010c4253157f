//! Reading a body: telling each object's kind by the rule (see the README's "How the kind
//! is told"), reading it with the one reader, and the public entry points.

use std::borrow::Cow;
use std::ops::Range;

use serde::de::{Deserialize, DeserializeOwned, Deserializer};

use crate::callback::{
    from_envelope, is_event, kind_of, placeholder, read_members, rule_of, Callback, CallbackKind,
    Says, UnknownCallback, RULES,
};
use crate::pulse::event::Envelope;
use crate::wire::error::{self, Body, Lines, Stop};
use crate::wire::read::{self, FailureKind, Members, Reader};
use crate::wire::{json, safe, Error};

// The kind rule. Each kind is told by its *markers*: keys it requires and no other kind
// documents at the top level, so that an optional key added to one kind can never turn
// a body into another kind. The table is `RULES` (made by the registry from each kind's
// written rule); the README's "How the kind is told" shows it, and `tests/kinds.rs`
// checks it.
//
// 1. A body with the markers of exactly one kind is of that kind, whatever else it has
//    and whatever the order of its keys (every other key is kept in `extra`).
// 2. A body with the markers of two kinds, or with no marker, is of no kind this version
//    knows: `Callback::Unknown`, kept whole.
//
// Every kind has a marker, so no body is ever read as a kind because of a key that kind
// does not require.
//
// How it is computed, in one read of the body when its first keys say its kind: the first
// key names the kind to read the object as (for a key several kinds' bodies start with,
// such as `id`, the next few keys may say another kind at once), and the read stops at a
// marker of another kind. Each kind requires its markers, so a read that gets to the end
// found the markers of its kind and of no other: the rule's answer. A body whose first
// keys say nothing is looked over for its first key that says a kind, then read once as
// that kind. Only a read that stops (a marker of another kind, a wrong value) has the
// whole rule tell the kind ([`decide`]) before the body is read again, as that kind or
// kept whole; a wrong value of the kind the rule names is the body's error.

/// The key of an object as the expected type of an error: "an edna callback object".
const OBJECT: &str = "an edna callback object";

/// The slot of a key in [`NAMED`]: from its length and its first and last bytes.
const fn slot_of(key: &[u8]) -> usize {
    let (first, last) = match (key.first(), key.last()) {
        (Some(first), Some(last)) => (*first as usize, *last as usize),
        _ => (0, 0),
    };
    (key.len() * 31 + first * 7 + last * 13) % SLOTS
}

/// How many slots [`NAMED`] has.
const SLOTS: usize = 256;

/// How many keys the rules may name in all (a rule naming more fails to compile).
const NAMED_MAX: usize = 96;

/// A key a rule names, as the kind rule looks it up: what it says of the kind (the first
/// rule to name it, a marker before a key it resembles, as `callback::says` answers), and the rule
/// whose bodies start with it.
#[derive(Clone, Copy)]
struct Named {
    key: &'static str,
    /// 0: it says nothing; 1: a marker; 2: a key the rule resembles.
    says: u8,
    /// The rule it is a marker or resembled key of.
    rule: u8,
    /// The rule whose `first_keys` hold it, plus 1 (0: none).
    starts: u8,
    /// The next key of the same slot, plus 1 (0: none).
    next: u8,
}

/// Every key the rules name, looked up by [`slot_of`] and chained within a slot: one
/// comparison or two where `callback::says` compares a key with every key of every rule (most keys
/// of a body are in no rule, and their slot is empty).
struct Names {
    slots: [u8; SLOTS],
    keys: [Named; NAMED_MAX],
}

/// Adds `key` to `names` (`says` and `starts` as in [`Named`], 0 for none): the first
/// rule to say something of a key keeps it.
const fn name(
    names: &mut Names,
    len: &mut usize,
    key: &'static str,
    says: u8,
    rule: u8,
    starts: u8,
) {
    let slot = slot_of(key.as_bytes());
    let mut at = names.slots[slot];
    while at != 0 {
        let named = &mut names.keys[at as usize - 1];
        if crate::wire::object::const_eq(named.key.as_bytes(), key.as_bytes()) {
            if named.says == 0 && says != 0 {
                named.says = says;
                named.rule = rule;
            }
            if named.starts == 0 {
                named.starts = starts;
            }
            return;
        }
        at = named.next;
    }
    assert!(*len < NAMED_MAX, "the rules name more keys than NAMED_MAX");
    names.keys[*len] = Named {
        key,
        says,
        rule,
        starts,
        next: names.slots[slot],
    };
    *len += 1;
    names.slots[slot] = *len as u8;
}

/// The keys of [`RULES`], in [`Names`].
const fn names() -> Names {
    let empty = Named {
        key: "",
        says: 0,
        rule: 0,
        starts: 0,
        next: 0,
    };
    let mut names = Names {
        slots: [0; SLOTS],
        keys: [empty; NAMED_MAX],
    };
    let mut len = 0;
    let mut i = 0;
    while i < RULES.len() {
        let rule = &RULES[i].1;
        let mut j = 0;
        while j < rule.markers.len() {
            name(&mut names, &mut len, rule.markers[j], 1, i as u8, 0);
            j += 1;
        }
        let mut j = 0;
        while j < rule.resembles.len() {
            name(&mut names, &mut len, rule.resembles[j], 2, i as u8, 0);
            j += 1;
        }
        let mut j = 0;
        while j < rule.first_keys.len() {
            name(&mut names, &mut len, rule.first_keys[j], 0, 0, i as u8 + 1);
            j += 1;
        }
        i += 1;
    }
    names
}

/// The keys the rules name.
static NAMED: Names = names();

/// The entry of `key` in [`NAMED`], if a rule names it.
#[inline]
fn named(key: &str) -> Option<&'static Named> {
    let mut at = *NAMED.slots.get(slot_of(key.as_bytes()))?;
    while at != 0 {
        let named = NAMED.keys.get(usize::from(at) - 1)?;
        if read::same(named.key.as_bytes(), key.as_bytes()) {
            return Some(named);
        }
        at = named.next;
    }
    None
}

/// What `key`, at the top level of an object, says of its kind: what `callback::says` answers,
/// looked up in [`NAMED`].
#[inline]
fn says_of(key: &str) -> Says {
    match named(key) {
        Some(named) if named.says == 1 => Says::Marker {
            rule: usize::from(named.rule),
            marker: named.key,
        },
        Some(named) if named.says == 2 => Says::Own {
            rule: usize::from(named.rule),
        },
        _ => Says::Nothing,
    }
}

/// Whether `key` marks a kind: a `give_up_on` for [`read_members`] that stops a read at a
/// marker of another kind (the kind's own markers are its fields, never looked up here).
fn is_marker(key: &str) -> bool {
    matches!(says_of(key), Says::Marker { .. })
}

/// Whether `key` says a kind (it marks it, or only that kind documents it): as one of the
/// first keys of an object read on a hint, and not a key of the hinted kind, it says the
/// hint was wrong.
fn says_another(key: &str) -> bool {
    !matches!(says_of(key), Says::Nothing)
}

/// What the first key of an object says of the kind to read it as.
enum FirstKey {
    /// A marker, or a key only one kind documents that its bodies start with: read it as
    /// that kind.
    Read(CallbackKind),
    /// A key that says nothing on its own but that a kind's bodies start with (`id`,
    /// `payload`): that kind, unless one of the next few keys, one the kind does not
    /// document, says another (a template status starts with `id`, as an incoming message does).
    Hint(CallbackKind),
    /// Nothing to go on: the object is looked over for its first marker.
    Look,
}

/// What the first key `key` says (see [`FirstKey`]).
fn first_key(key: &str) -> FirstKey {
    let Some(named) = named(key) else {
        return FirstKey::Look;
    };
    let starts = usize::from(named.starts).checked_sub(1);
    let rule = usize::from(named.rule);
    match named.says {
        1 => kind_of(rule).map_or(FirstKey::Look, FirstKey::Read),
        2 if starts == Some(rule) => kind_of(rule).map_or(FirstKey::Look, FirstKey::Read),
        0 => starts
            .and_then(kind_of)
            .map_or(FirstKey::Look, FirstKey::Hint),
        _ => FirstKey::Look,
    }
}

/// What the whole rule says of an object.
enum Decision {
    /// It is of this kind.
    Of(CallbackKind),
    /// It has the markers of no kind, or of more than one: no kind this version knows.
    Unknown,
}

/// The whole rule: looks over the object's keys (skipping their values) and tells its
/// kind. The reader is left inside the object.
#[cold]
#[inline(never)]
fn decide(r: &mut Reader<'_>) -> Option<Decision> {
    let mut members = r.open_object(OBJECT)?;
    let mut marked: Option<CallbackKind> = None;
    let mut several = false;
    while let Some(key) = r.next_key(&mut members)? {
        if let Says::Marker { rule, .. } = says_of(&key) {
            match (marked, kind_of(rule)) {
                (None, Some(kind)) => marked = Some(kind),
                (Some(seen), Some(kind)) if seen != kind => several = true,
                _ => {}
            }
        }
        r.skip()?;
    }
    Some(match marked {
        Some(kind) if !several => Decision::Of(kind),
        _ => Decision::Unknown,
    })
}

/// The kind of the object's first marker, or of the first key after its first that only
/// one kind documents (a guess, which the read checks), its values skipped; `Some(None)`
/// when it has neither, so no marker at all.
#[cold]
#[inline(never)]
fn first_saying(r: &mut Reader<'_>) -> Option<Option<CallbackKind>> {
    let mut members = r.open_object(OBJECT)?;
    let mut first = true;
    while let Some(key) = r.next_key(&mut members)? {
        match says_of(&key) {
            Says::Marker { rule, .. } => return Some(kind_of(rule)),
            Says::Own { rule } if !first => return Some(kind_of(rule)),
            _ => {}
        }
        first = false;
        r.skip()?;
    }
    Some(None)
}

/// Puts a placeholder of `kind` at the end of `place` and reads the object's members
/// into it (built where it lies: a `push` would build it aside and copy it, 576 bytes).
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
        let envelope = Envelope::read(r, first, give_up_on, members)?;
        let event = from_envelope(envelope, r)?;
        place.push(event);
        return Some(());
    }
    let len = place.len();
    place.resize_with(len + 1, || placeholder(kind));
    let read = read_members(place.last_mut()?, first, give_up_on, r, members);
    if read.is_none() {
        // Dropped where it lies (`pop` would copy it out first).
        place.truncate(len);
    }
    read
}

/// Reads the object from its start as `kind`, stopping at a marker of another kind.
fn read_as(r: &mut Reader<'_>, place: &mut Vec<Callback>, kind: CallbackKind) -> Option<()> {
    let mut members = r.open_object(OBJECT)?;
    read_kind(r, place, kind, None, is_marker, &mut members)
}

/// Keeps the object ahead whole: of no kind this version knows.
#[cold]
#[inline(never)]
fn read_unknown(r: &mut Reader<'_>, place: &mut Vec<Callback>) -> Option<()> {
    if r.peek()? != b'{' {
        return None;
    }
    let text = r.check()?;
    keep_unknown(place, text);
    Some(())
}

/// Puts an object of no known kind, its text checked, at the end of `place`.
fn keep_unknown(place: &mut Vec<Callback>, text: &str) {
    let mut body = Some(crate::wire::Kept::from_checked(text));
    // Built where it lies, as in `read_kind`: a `push` copies all 576 bytes.
    place.resize_with(place.len() + 1, || {
        Callback::Unknown(UnknownCallback::new(body.take().unwrap_or_default()))
    });
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

/// Reads one callback object onto the end of `place`, telling its kind by [`RULES`] (see
/// the comment at the top of this file).
#[inline]
fn read_callback(r: &mut Reader<'_>, place: &mut Vec<Callback>) -> Option<()> {
    if r.peek()? != b'{' {
        return not_an_object(r);
    }
    let start = r.mark();
    let mut members = r.open_object(OBJECT)?;
    let Some(first) = r.next_key(&mut members)? else {
        // `{}`: no kind this version knows.
        place.push(Callback::Unknown(UnknownCallback::new(
            serde_json::Map::new(),
        )));
        return Some(());
    };
    let kind = match first_key(&first) {
        FirstKey::Read(kind) => {
            if read_kind(r, place, kind, Some(first), is_marker, &mut members).is_some() {
                return Some(());
            }
            kind
        }
        FirstKey::Hint(kind) => {
            // A key of the next few that the kind does not document may say another
            // kind (a template status starts with `id`, as an incoming message does).
            r.give_up_early(says_another);
            if read_kind(r, place, kind, Some(first), is_marker, &mut members).is_some() {
                return Some(());
            }
            kind
        }
        FirstKey::Look => return read_looked(r, place, start),
    };
    read_again(r, place, start, kind)
}

/// [`read_callback`] for an object whose first key says nothing: read as the kind its
/// first keys that say one say ([`first_saying`]), or kept whole when it has no marker.
#[cold]
#[inline(never)]
fn read_looked(r: &mut Reader<'_>, place: &mut Vec<Callback>, start: read::Mark) -> Option<()> {
    r.rewind(start);
    let said = first_saying(r)?;
    r.rewind(start);
    let Some(kind) = said else {
        return read_unknown(r, place);
    };
    if read_as(r, place, kind).is_some() {
        return Some(());
    }
    read_again(r, place, start, kind)
}

/// [`read_callback`] once the read as `tried` stopped: at a marker of another kind (or,
/// as one of its first keys, a key only another kind has), at a wrong value, or at text
/// that is not JSON. At a key of another kind, the object is read as that kind (a marker
/// of `tried`, or of a third kind, stops that read too). Else the whole rule tells the
/// kind: a wrong value of the kind it names is the object's error; another kind is read
/// from the start; no kind keeps the object whole.
#[cold]
#[inline(never)]
fn read_again(
    r: &mut Reader<'_>,
    place: &mut Vec<Callback>,
    start: read::Mark,
    mut tried: CallbackKind,
) -> Option<()> {
    if r.failure_kind().is_none() {
        // A marker of another kind, or, among the first keys, a key only another kind has.
        let said = r.take_given_up().and_then(|key| says_of(&key).kind());
        if let Some(kind) = said.filter(|kind| *kind != tried) {
            r.rewind(start);
            if read_as(r, place, kind).is_some() {
                return Some(());
            }
            tried = kind;
        }
    }
    let failure = r.take_failure();
    r.rewind(start);
    if let Some(failure) = failure.as_ref().filter(|f| lacks_its_only_marker(f, tried)) {
        // The read went over every key without meeting a marker of another kind (it would
        // have stopped there), and `tried` lacks its one marker: no marker at all. The
        // read of every kind but an event (which skips its payload) checked every value
        // up to the object's end, where it found the marker missing: the object's text is
        // JSON as it stands.
        if !is_event(tried) {
            let text = r.text().get(start.pos()..failure.pos);
            if let Some(text) = text.filter(|text| text.ends_with('}')) {
                r.rewind_to(failure.pos);
                keep_unknown(place, text);
                return Some(());
            }
        }
        return read_unknown(r, place);
    }
    let decision = decide(r)?;
    r.rewind(start);
    match decision {
        Decision::Of(kind) if kind == tried && failure.is_some() => {
            r.restore_failure(failure);
            None
        }
        Decision::Of(kind) => {
            let mut members = r.open_object(OBJECT)?;
            read_kind(r, place, kind, None, read::never, &mut members)
        }
        Decision::Unknown => read_unknown(r, place),
    }
}

/// Whether `failure` says that the object read as `kind` lacks the one marker of `kind`
/// (at its top level).
fn lacks_its_only_marker(failure: &read::Failure, kind: CallbackKind) -> bool {
    let Some(rule) = rule_of(kind) else {
        return false;
    };
    match (rule.markers, failure.path.as_slice()) {
        ([marker], [read::Segment::Key(_)]) => failure.missing == Some(*marker),
        _ => false,
    }
}

/// Reads a whole body into `callbacks`: one object, or an array of them.
#[inline(always)]
fn read_body(r: &mut Reader<'_>, callbacks: &mut Vec<Callback>) -> Option<()> {
    match r.peek()? {
        b'{' => read_callback(r, callbacks)?,
        b'[' => {
            let mut elements = r.open_array("an array")?;
            let mut i = 0;
            let start = r.pos();
            while r.next_element(&mut elements)? {
                if i == 1 {
                    // Room for as many more callbacks as are as long as the first one
                    // (edna's arrays are of alike objects), at most 256 and none shorter
                    // than 64 bytes: one allocation, where growing by doubling copies the
                    // callbacks read so far each time.
                    let first = r.pos().saturating_sub(start).max(64);
                    let rest = r.text().len().saturating_sub(r.pos());
                    callbacks.reserve((rest / first + 1).min(256));
                }
                read_callback(r, callbacks).or_else(|| r.at_index(i))?;
                i += 1;
            }
        }
        _ => return not_an_object(r),
    }
    r.at_end().then_some(())
}

/// Reads one callback object from where the reader is (for `Deserialize`).
pub(crate) fn read_one(r: &mut Reader<'_>) -> Option<Callback> {
    let mut callbacks = Vec::with_capacity(1);
    read_callback(r, &mut callbacks)?;
    callbacks.pop()
}

/// Reads a callback body as edna POSTs it: one callback object, or a JSON array of them
/// (FLOW replies come as arrays). The kind of each object is told from its keys (the rule
/// is in the README's "Callback kinds"), and the object read in one pass by the crate's
/// reader, written for these objects. A body that fails is read no further; the error says
/// where. The README's Performance section has the numbers. [`parse_body_each`] keeps the
/// good callbacks of an array with a bad one.
///
/// The body is JSON exactly when serde_json reads it as a `serde_json::Value` (a leading
/// UTF-8 byte-order mark aside, which is skipped); a body it refuses is an
/// [`Error::Syntax`] with serde_json's message, line and column, whatever else is wrong
/// with it. An empty array gives an empty `Vec`.
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
///   them);
/// - [`Error::Invalid`] when an object is a known kind but a field is wrong: the path
///   names the field (`statusAt`, `[0].messageContent.items[0].identifier`).
pub fn parse_body(body: &[u8]) -> Result<Vec<Callback>, Error> {
    let body = Body::new(body);
    let text = std::str::from_utf8(body.bytes).map_err(|e| error::not_utf8(body, &e))?;
    let mut r = Reader::new(text);
    let mut callbacks = Vec::with_capacity(1);
    match read_body(&mut r, &mut callbacks) {
        Some(()) => Ok(callbacks),
        None => Err(error::from_reader(body, &mut r)),
    }
}

/// Reads a body as a given type (one of the callback types, or anything else), with
/// errors that name the path like [`parse_body`]'s.
///
/// The body is JSON exactly when serde_json reads it as a `serde_json::Value` (a leading
/// UTF-8 byte-order mark is skipped); then it is handed to `T` through the crate's one
/// safe-error layer: an error holds only the crate's own words, the field and variant
/// names `T` declares, JSON kinds, positions and the path, and a key `T` does not declare
/// (a map's key, whatever it looks like) is shown as `<undocumented>`. A type of the crate
/// inside `T` gives exactly the error [`parse_body`] gives.
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
    let body = Body::new(body);
    // Checking the whole body is UTF-8 at once is cheaper than serde_json checking every
    // string and key on its own (as it must when reading bytes); a body that is not UTF-8
    // is read as bytes, so that the error is the one serde_json gives for them.
    let text = std::str::from_utf8(body.bytes).map_err(|e| error::not_utf8(body, &e))?;
    if let Err(e) = json::check_str(text) {
        return Err(error::syntax(body, &e));
    }
    safe::read::<T>(text).map_err(|e| error::from_safe(body, &e))
}

/// One element of a body as [`parse_body_each`] reads it: where it is, its exact text, and
/// the callback it holds or why it holds none.
///
/// `text` is the element exactly as it is in the body (the white space around it left
/// out): what a handler dead-letters, or replays once the crate reads it, without the
/// other elements of the array. It holds whatever the callback holds (names, phone
/// numbers, message texts): store it as carefully as the body, and never log it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Element<'a> {
    /// Its index in the array body; 0 for a body that is one object.
    pub index: usize,
    /// Its exact text: a slice of the body, from its first byte to its last.
    pub text: &'a str,
    /// Where `text` is in the body, in bytes (a leading byte-order mark counted):
    /// `&body[element.range.clone()] == element.text.as_bytes()`.
    pub range: Range<usize>,
    /// The callback, or why the element holds none. The error's path starts with the
    /// element's index (`[3]`, `[3].receivedAt`) in an array body.
    pub result: Result<Callback, Error>,
}

impl Element<'_> {
    /// Whether the element was read.
    pub fn is_ok(&self) -> bool {
        self.result.is_ok()
    }

    /// The callback, or why the element holds none.
    pub fn into_result(self) -> Result<Callback, Error> {
        self.result
    }
}

/// Reads a body as [`parse_body`] does, but each callback of an array body on its own:
/// one bad element costs only itself. Each [`Element`] holds its index, its exact text in
/// the body (what to dead-letter when it is bad) and its callback or its error, which
/// names its place (`[3]`, `[3].receivedAt`); a body that is one object gives one element.
///
/// ```
/// use edna_callbacks::{parse_body_each, CallbackKind};
///
/// let body = br#"[{"status":"READ","statusAt":"2023-10-31T11:07:56Z"},
///                 {"status":"READ","statusAt":"yesterday"}]"#;
/// let each = parse_body_each(body)?;
/// assert_eq!(each[0].result.as_ref().map(|c| c.kind()).ok(), Some(CallbackKind::Status));
/// assert_eq!(each[1].result.as_ref().map_err(|e| e.path()).err(), Some("[1].statusAt"));
/// assert_eq!(each[1].text, r#"{"status":"READ","statusAt":"yesterday"}"#);
/// # Ok::<(), edna_callbacks::Error>(())
/// ```
///
/// # Errors
///
/// Only what is wrong with the body as a whole: [`Error::Syntax`] when it is not JSON (as
/// serde_json reads a `Value`: one element nested too deep, or with a lone surrogate, makes
/// the whole body no JSON), [`Error::UnknownCallback`] at `.` when it is neither an
/// object nor an array.
pub fn parse_body_each(body: &[u8]) -> Result<Vec<Element<'_>>, Error> {
    let whole = body.len();
    let body = Body::new(body);
    // A byte-order mark skipped: ranges count from the start of what was given.
    let offset = whole - body.bytes.len();
    let text = std::str::from_utf8(body.bytes).map_err(|e| error::not_utf8(body, &e))?;
    let element = |index: usize, range: Range<usize>, result| Element {
        index,
        text: text.get(range.clone()).unwrap_or_default(),
        range: range.start + offset..range.end + offset,
        result,
    };
    let mut r = Reader::new(text);
    let mut lines = Lines::default();
    match r.peek() {
        Some(b'[') => {}
        Some(b'{') => {
            let from = r.pos();
            let result = match read_one(&mut r) {
                Some(callback) if r.at_end() => Ok(callback),
                _ => match error::stop(body, &mut r, false, &mut lines) {
                    Stop::Body(error) => return Err(error),
                    Stop::Element(error) => Err(error),
                },
            };
            // The body is JSON here: one object, white space around it.
            let to = text.trim_end_matches([' ', '\t', '\n', '\r']).len();
            return Ok(vec![element(0, from..to, result)]);
        }
        // Neither an object nor an array: the body's error.
        _ => {
            not_an_object(&mut r);
            return Err(error::from_reader(body, &mut r));
        }
    }
    let mut out = Vec::new();
    let mut scratch = Vec::with_capacity(1);
    let mut body_checked = false;
    let mut elements = match r.open_array("an array") {
        Some(elements) => elements,
        None => return Err(error::from_reader(body, &mut r)),
    };
    let mut i = 0;
    loop {
        match r.next_element(&mut elements) {
            Some(true) => {}
            Some(false) => break,
            None => return Err(error::from_reader(body, &mut r)),
        }
        // At the element's first byte.
        let _ = r.peek();
        let start = r.mark();
        let from = r.pos();
        let result = if read_callback(&mut r, &mut scratch).is_some() {
            scratch
                .pop()
                .ok_or_else(|| error::internal("a callback read, none kept"))
        } else {
            r.at_index(i);
            // The first bad element has the body checked to be JSON; a body that is not
            // is refused whole.
            let error = match error::stop(body, &mut r, body_checked, &mut lines) {
                Stop::Body(error) => return Err(error),
                Stop::Element(error) => error,
            };
            body_checked = true;
            scratch.clear();
            r.rewind(start);
            if r.skip().is_none() {
                return Err(error::from_reader(body, &mut r));
            }
            Err(error)
        };
        out.push(element(i, from..r.pos(), result));
        i += 1;
    }
    if !r.at_end() {
        return Err(error::from_reader(body, &mut r));
    }
    Ok(out)
}

impl<'de> Deserialize<'de> for Callback {
    /// Reads one callback object with the crate's reader, telling its kind as
    /// [`parse_body`] does, from any self-describing format.
    ///
    /// Through serde_json's deserializers (`from_slice`, `from_str`, `from_reader`,
    /// `from_value`), a text serde_json would not read as a `serde_json::Value` is its own
    /// syntax error, at its line and column, and the levels are counted from the root of the
    /// whole document: `from_slice::<Vec<Callback>>` refuses the 128th level where
    /// serde_json does. A wrong value is a data error (as any type's error is), at the end
    /// of the callback, and stops serde_json before a syntax error further on, as with any
    /// serde type; `parse_body` says `Error::Syntax` for such a body.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::bridge::deserialize(deserializer, read_one)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callback::{fields, says};
    use crate::pulse::event::ENVELOPE_KEYS;
    use crate::wire::Id;

    /// The table the rule is computed with answers as the registry's `says` does, for
    /// every key a rule names and for keys no rule names; and the first key says what the
    /// rules' `first_keys` say.
    #[test]
    fn the_table_of_named_keys_answers_as_the_rules() {
        let mut keys: Vec<&str> = RULES
            .iter()
            .flat_map(|(_, rule)| {
                rule.markers
                    .iter()
                    .chain(rule.resembles)
                    .chain(rule.first_keys)
                    .copied()
            })
            .collect();
        for kind in CallbackKind::ALL {
            keys.extend(documented(*kind));
        }
        keys.extend(["", "x", "zzUndocumented", "futureField", "statusAT", "Id"]);
        for key in keys {
            assert_eq!(says_of(key), says(key), "{key:?}");
            let starts = RULES
                .iter()
                .find(|(_, rule)| rule.first_keys.contains(&key));
            let expected = match says(key) {
                Says::Marker { rule, .. } => kind_of(rule).map(|k| ("read", k)),
                Says::Own { rule } => match (RULES.get(rule), starts) {
                    (Some((kind, _)), Some((first, _))) if kind == first => Some(("read", *kind)),
                    _ => None,
                },
                Says::Nothing => starts.map(|(kind, _)| ("hint", *kind)),
            };
            let got = match first_key(key) {
                FirstKey::Read(kind) => Some(("read", kind)),
                FirstKey::Hint(kind) => Some(("hint", kind)),
                FirstKey::Look => None,
            };
            assert_eq!(got, expected, "{key:?}");
        }
    }

    /// Every key a kind documents at the top level: its struct's, or the envelope's.
    fn documented(kind: CallbackKind) -> &'static [&'static str] {
        if is_event(kind) {
            return ENVELOPE_KEYS;
        }
        fields(&placeholder(kind)).map_or(&[], |(_, keys)| keys)
    }

    /// The written rules agree with the structs: every marker is a key its kind requires
    /// and no other kind documents; every key a kind is said to resemble is documented by
    /// that kind alone; every key a body is said to start with is documented by its kind.
    #[test]
    fn the_written_rules_agree_with_the_structs() {
        for (kind, rule) in RULES {
            let keys = documented(*kind);
            assert!(!rule.markers.is_empty(), "{}", rule.name);
            for key in rule.markers.iter().chain(rule.resembles) {
                assert!(keys.contains(key), "{key} of {}", rule.name);
                for (other, _) in RULES.iter().filter(|(o, _)| o != kind) {
                    assert!(!documented(*other).contains(key), "{key} also of {other}");
                }
            }
            for key in rule.first_keys {
                assert!(keys.contains(key), "{key} of {}", rule.name);
            }
            for marker in rule.markers {
                assert_eq!(says(marker).kind(), Some(*kind), "{marker}");
                assert!(matches!(says(marker), Says::Marker { .. }), "{marker}");
                // Required: with every other documented field given, it is what is missing.
                let missing = match fields(&placeholder(*kind)).filter(|_| !is_event(*kind)) {
                    Some((body, keys)) => {
                        let others = keys
                            .iter()
                            .enumerate()
                            .filter(|(_, k)| *k != marker)
                            .fold(0u64, |seen, (i, _)| seen | 1 << i);
                        body.missing_in(others)
                    }
                    // The envelope requires `type`, `timestamp` and `payload`.
                    None => ["type", "timestamp", "payload"]
                        .into_iter()
                        .find(|k| k == marker),
                };
                assert_eq!(missing, Some(*marker), "{}", rule.name);
                // And a body without it is refused, naming it.
                let body = r#"{"zzUnknown":null}"#;
                let mut r = Reader::new(body);
                let mut place = Vec::new();
                let read = r.open_object("an object").and_then(|mut m| {
                    read_kind(&mut r, &mut place, *kind, None, read::never, &mut m)
                });
                assert!(read.is_none(), "{}: read without {marker}", rule.name);
            }
        }
    }

    /// What `parse_body` makes of a body, by kind: each callback's kind, or the error's
    /// variant and element (a known kind refused, or no kind).
    fn outcome(body: &[u8]) -> String {
        match parse_body(body) {
            Ok(callbacks) => callbacks
                .iter()
                .map(|c| c.kind().as_str())
                .collect::<Vec<_>>()
                .join(","),
            Err(Error::Invalid { path, .. }) => {
                let element = path.split_once(']').map_or("", |(index, _)| index);
                format!("invalid at {element}")
            }
            Err(Error::UnknownCallback { path, .. }) => format!("unknown at {path}"),
            Err(other) => format!("{other:?}"),
        }
    }

    /// Adding a field to a struct never changes the kind of a body: the rule reads only
    /// the written rules. For every fixture and every callback object in it, adding any key
    /// that is not a marker (every key any kind documents at the top level, and keys no
    /// kind documents) leaves what `parse_body` makes of it unchanged. (To an object
    /// without a marker, only the keys no rule lists are added: a key a rule says a kind
    /// has is what tells which kind such an object resembles.)
    #[test]
    fn no_key_but_a_marker_changes_what_any_fixture_is() {
        use serde_json::Value;
        let markers: Vec<&str> = RULES
            .iter()
            .flat_map(|(_, rule)| rule.markers.iter().copied())
            .collect();
        let resembled: Vec<&str> = RULES
            .iter()
            .flat_map(|(_, rule)| rule.resembles.iter().copied())
            .collect();
        let mut keys: Vec<&str> = RULES
            .iter()
            .flat_map(|(kind, _)| documented(*kind).iter().copied())
            .filter(|key| !markers.contains(key))
            .collect();
        keys.extend(["zzUndocumented", "channelType", "lastMessage"]);
        keys.sort_unstable();
        keys.dedup();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut files = Vec::new();
        for folder in [dir.clone(), dir.join("edge")] {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                if entry.path().extension().is_some_and(|e| e == "json") {
                    files.push(entry.path());
                }
            }
        }
        assert!(files.len() > 50, "{}", files.len());
        let mut checked = 0;
        for file in files {
            let body = std::fs::read(&file).unwrap();
            let Ok(value) = serde_json::from_slice::<Value>(&body) else {
                continue;
            };
            // As serde_json writes it (a key given twice is given once then).
            let before = outcome(&serde_json::to_vec(&value).unwrap());
            let objects = match &value {
                Value::Array(items) => items.len(),
                Value::Object(_) => 1,
                _ => 0,
            };
            for i in 0..objects {
                for key in &keys {
                    let mut changed = value.clone();
                    let object = match &mut changed {
                        Value::Array(items) => items.get_mut(i),
                        object => Some(object),
                    };
                    let Some(Value::Object(map)) = object else {
                        continue;
                    };
                    let marked = map.keys().any(|k| markers.contains(&k.as_str()));
                    if map.contains_key(*key) || (!marked && resembled.contains(key)) {
                        continue;
                    }
                    map.insert((*key).to_owned(), Value::Null);
                    let after = outcome(&serde_json::to_vec(&changed).unwrap());
                    assert_eq!(after, before, "{} with `{key}` at [{i}]", file.display());
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn every_kind_is_told_by_a_rule_or_by_an_events_type() {
        for kind in CallbackKind::ALL {
            let told = RULES.iter().any(|(k, _)| k == kind);
            assert!(
                told || is_event(*kind) || *kind == CallbackKind::Unknown,
                "{kind}"
            );
        }
        assert!(is_event(CallbackKind::TemplateCategoryChanged));
        assert!(is_event(CallbackKind::ShortLinkVisited));
        assert!(is_event(CallbackKind::UnknownEvent));
    }

    /// `flow_reply_as` keeps the messages of the crate's own `serde_with` adapters.
    #[cfg(feature = "serde_with")]
    #[test]
    fn the_serde_with_adapters_messages_pass() {
        use crate::serde_as::{EdnaId, EdnaTimestamp, FlowText};
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Form {
            #[serde(with = "serde_with::As::<EdnaId>")]
            n: i64,
            #[serde(default, with = "serde_with::As::<Option<EdnaTimestamp>>")]
            at: Option<time::OffsetDateTime>,
            #[serde(default, with = "serde_with::As::<Option<FlowText>>")]
            inner: Option<serde_json::Value>,
        }
        for (text, expected) in [
            (
                r#"{"n":"Ivan"}"#,
                "at `n` in the text: expected an id that is an integer from -2^63 to 2^63-1, \
                 found a string that is no such integer",
            ),
            (
                r#"{"n":1,"at":"Ivan"}"#,
                "at `at` in the text: invalid timestamp: four-digit year at byte 0",
            ),
            (
                r#"{"n":1,"inner":"{Ivan"}"#,
                "at `inner` in the text: the FLOW text is not JSON: key must be a string \
                 (line 1, column 2 of the text)",
            ),
        ] {
            let e = crate::MessageContent::flow(text)
                .flow_reply_as::<Form>()
                .unwrap_err();
            assert_eq!(e.message(), expected, "{text}");
        }
    }

    /// `parse_body` allocates one `Callback` per object; above 1 032 bytes glibc's malloc
    /// leaves its per-thread cache for a slower path. An upper bound, so that a field added
    /// to a struct fails this test only when it would cost that.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_callback_stays_small_enough_for_the_allocators_fast_path() {
        assert!(std::mem::size_of::<Callback>() <= 1032);
        assert!(std::mem::size_of::<crate::MessageContent>() <= 320);
    }

    const BODY: &str =
        r#"{"requestId":"r-1","messageId":ID,"status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#;

    fn message_id(id: &str) -> Result<Option<Id>, Error> {
        let callbacks = parse_body(BODY.replace("ID", id).as_bytes())?;
        let status = callbacks.first().and_then(|c| c.as_status());
        Ok(status.and_then(|s| s.message_id.clone()))
    }

    #[test]
    fn parse_body_reads_ids_above_i64_and_writes_them_back() {
        assert_eq!(
            message_id("18446744073709551615").unwrap(),
            Some(Id::Unsigned(u64::MAX))
        );
        assert_eq!(
            message_id("9223372036854775807").unwrap(),
            Some(Id::Number(i64::MAX))
        );
        let body = BODY.replace("ID", "18446744073709551615");
        let callbacks = parse_body(body.as_bytes()).unwrap();
        let written = serde_json::to_string(&callbacks[0]).unwrap();
        assert!(
            written.contains(r#""messageId":18446744073709551615"#),
            "{written}"
        );
    }

    #[test]
    fn parse_body_says_an_integer_id_is_past_64_bits() {
        let incoming = |id: &str| {
            let body = format!(
                r#"{{"id":{id},"messageContent":{{"type":"TEXT"}},"receivedAt":"2022-04-29T15:30:08Z"}}"#
            );
            parse_body(body.as_bytes())
        };
        for id in ["123456789012345678901234567890", "-9223372036854775809"] {
            let e = incoming(id).unwrap_err();
            assert_eq!(e.path(), "id");
            assert_eq!(e.message(), "an integer id past 64 bits");
        }
        let e = incoming("1.5").unwrap_err();
        assert_eq!(e.path(), "id");
        assert_eq!(
            e.message(),
            "invalid type: floating point, expected an id (an integer or a string)"
        );
    }

    /// An optional id edna sends in a form the crate cannot read is kept as it came: the
    /// status is still applied.
    #[test]
    fn an_odd_optional_id_is_kept_as_it_came() {
        for id in ["123456789012345678901234567890", "1.5", "true", "{}"] {
            let body = BODY.replace("ID", id);
            let callbacks = parse_body(body.as_bytes()).unwrap();
            let status = callbacks[0].as_status().unwrap();
            assert_eq!(status.message_id, None, "{id}");
            let kept: serde_json::Value = serde_json::from_str(id).unwrap();
            assert_eq!(status.extra.get("messageId"), Some(&kept), "{id}");
            assert_eq!(
                status.get("messageId"),
                Some(kept.clone()).filter(|v| !v.is_null())
            );
            let written: serde_json::Value = serde_json::to_value(&callbacks[0]).unwrap();
            let original: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_eq!(written["messageId"], original["messageId"], "{id}");
            // Written once, in its place.
            let text = serde_json::to_string(&callbacks[0]).unwrap();
            assert_eq!(text.matches("\"messageId\"").count(), 1, "{text}");
        }
    }
}
