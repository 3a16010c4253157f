//! The one reader of the wire format: a reader of the JSON text written for the crate's
//! own objects. It builds the values in place, without serde's generic machinery (a
//! visitor call, a `Result` and a key copy per member), and it is the only code that reads
//! a callback: `parse_body`, `parse_as` and every type's `Deserialize` come here.
//!
//! Every step returns an `Option`: `None` stops the read. Where the JSON is well-formed
//! but a value is wrong (a wrong type, a bad timestamp, a key given twice, a required key
//! missing), the step records a [`Failure`] before it returns `None`, and each object and
//! array it returns through adds its field or index to the failure's path, on that cold
//! way out only. Where the text is not JSON the step records nothing: the caller asks
//! serde_json's own reading of the body for the syntax error and its line and column (see
//! [`error`](super::error)).
//!
//! What the reader reads, it reads exactly as serde_json reads a `Value`: every string and
//! key decoded (an escape serde_json refuses stops the read), every number read (by
//! serde_json, from the text it spans, unless it is a plain integer), every level counted
//! from the body's root up to serde_json's recursion limit, and the text between values
//! checked. So a body the reader reads whole is a body serde_json reads. What it only
//! skips ([`Reader::skip`]: the values it passes on the way to the one it wants) it checks
//! less; whatever it skips on the way to a read that succeeds is read again, or the body is
//! checked whole by serde_json before anything is handed on.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_json::{Map, Number, Value};

use super::kept::Kept;

/// serde_json's recursion limit: it refuses to enter a 128th level of nesting. The reader
/// counts the same levels from the body's root, so a body is too deep for both or neither;
/// too deep is a syntax error, which serde_json's reading of the body then places.
const MAX_DEPTH: usize = 127;

/// A value a field holds before the body gave it one. It is never seen: an optional
/// field's placeholder is its empty value, and a required field that is never given is an
/// error.
pub(crate) trait Placeholder {
    fn placeholder() -> Self;
}

impl<T> Placeholder for Option<T> {
    fn placeholder() -> Self {
        None
    }
}

impl<T> Placeholder for Vec<T> {
    fn placeholder() -> Self {
        Vec::new()
    }
}

impl Placeholder for String {
    fn placeholder() -> Self {
        String::new()
    }
}

impl Placeholder for bool {
    fn placeholder() -> Self {
        false
    }
}

impl Placeholder for Value {
    fn placeholder() -> Self {
        Value::Null
    }
}

impl<T: Placeholder> Placeholder for Box<T> {
    fn placeholder() -> Self {
        Box::new(T::placeholder())
    }
}

/// What the reader needs of an object: an object-safe trait, so that the one loop over
/// an object's members ([`read_members`]) serves every object,
/// and only the reading of each field is the object's own code.
pub(crate) trait Fields {
    /// The keys of the documented fields, in order; field `i` has bit `1 << i`.
    fn keys(&self) -> &'static [&'static str];
    /// The same keys with their quotes, to compare with the text in place.
    fn quoted_keys(&self) -> &'static [&'static str];
    /// Reads the value of documented field `i` (its key just read), marking it in `seen`;
    /// the caller adds the key to the path of a failure ([`read_or_keep`]).
    fn read_field(&mut self, i: usize, seen: &mut u64, r: &mut Reader<'_>) -> Option<()>;
    /// Where the fields no struct documents go.
    fn extra_mut(&mut self) -> &mut Kept<Map<String, Value>>;
    /// The same, to look at.
    fn extra_ref(&self) -> &Kept<Map<String, Value>>;
    /// The first required field (in declaration order) that `seen` lacks.
    fn missing_in(&self, seen: u64) -> Option<&'static str>;
    /// The bits of the optional fields (an optional field keeps a value it cannot read as
    /// it came: see [`read_or_keep`]).
    fn optional(&self) -> u64;
}

/// An object declared with `wire_object!`.
pub(crate) trait WireObject: Fields + Placeholder {
    /// The keys of the documented fields, in order.
    const KEYS: &'static [&'static str];
    /// What a value of another JSON type is reported as expecting.
    const EXPECTING: &'static str;
}

/// A position in the body being read, and what went wrong if the read stopped.
pub(crate) struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    failure: Option<Failure>,
    /// The key a read gave up at (see [`read_members`]).
    given_up: Option<Cow<'a, str>>,
    /// A `give_up_on` for the second member of the next object read (see
    /// [`give_up_early`](Self::give_up_early)).
    early: Option<fn(&str) -> bool>,
}

/// Why a read of well-formed JSON stopped, and where.
pub(crate) struct Failure {
    /// What kind of error this becomes.
    pub(crate) kind: FailureKind,
    /// The crate's own words: never a value or an undocumented key from the body.
    pub(crate) message: Message,
    /// The byte where the reader stopped.
    pub(crate) pos: usize,
    /// Where the value is, innermost first.
    pub(crate) path: Segments,
    /// The required field found missing, when that is the failure (see
    /// [`Reader::missing`]).
    pub(crate) missing: Option<&'static str>,
}

/// What a [`Failure`] says, written only when it becomes an error: a failure the read
/// recovers from (an odd value kept as it came, a guess of the kind proved wrong) formats
/// nothing.
pub(crate) enum Message {
    /// Words of their own.
    Text(Cow<'static, str>),
    /// `invalid type: {found}, expected {expected}`.
    WrongType {
        found: &'static str,
        expected: &'static str,
    },
    /// `missing field `{0}``.
    Missing(&'static str),
    /// `duplicate field `{0}``.
    Duplicate(&'static str),
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Text(text) => f.write_str(text),
            Self::WrongType { found, expected } => {
                write!(f, "invalid type: {found}, expected {expected}")
            }
            Self::Missing(key) => write!(f, "missing field `{key}`"),
            Self::Duplicate(key) => write!(f, "duplicate field `{key}`"),
        }
    }
}

impl From<&'static str> for Message {
    fn from(text: &'static str) -> Self {
        Self::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Self::Text(Cow::Owned(text))
    }
}

/// What a [`Failure`] becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FailureKind {
    /// A known callback with a wrong value: `Error::Invalid`. Where the value is an
    /// optional field's, the field keeps it as it came instead (see [`read_members`]).
    Invalid,
    /// A key given twice: `Error::Invalid`, and never kept (keeping either value would
    /// silently drop the other).
    Duplicate,
    /// A value that is no callback of any kind: `Error::UnknownCallback`.
    NotACallback,
}

/// A failure's path, innermost first: a few steps without an allocation (a failure the
/// read recovers from, as an odd value kept as it came, allocates nothing for its path).
#[derive(Default)]
pub(crate) struct Segments {
    inline: [Segment; 4],
    len: usize,
    /// Every step, once there are more than `inline` holds.
    spilled: Vec<Segment>,
}

impl Segments {
    /// Adds the next step outwards.
    pub(crate) fn push(&mut self, segment: Segment) {
        if self.spilled.is_empty() {
            if let Some(slot) = self.inline.get_mut(self.len) {
                *slot = segment;
                self.len += 1;
                return;
            }
            self.spilled.extend_from_slice(&self.inline);
        }
        self.spilled.push(segment);
    }

    /// The steps, innermost first.
    pub(crate) fn as_slice(&self) -> &[Segment] {
        if self.spilled.is_empty() {
            self.inline.get(..self.len).unwrap_or_default()
        } else {
            &self.spilled
        }
    }
}

/// One step of a path.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Segment {
    /// A documented key.
    Key(&'static str),
    /// A key the crate does not document (never shown: it may be anything).
    #[default]
    Undocumented,
    /// An element of an array.
    Index(usize),
}

/// Where one object's members are: before the first, or after one.
#[derive(Clone, Copy)]
pub(crate) struct Members {
    first: bool,
}

/// A mark to come back to with [`Reader::rewind`].
#[derive(Clone, Copy)]
pub(crate) struct Mark {
    pos: usize,
    depth: usize,
}

/// What [`Reader::walk`] builds of a JSON value.
trait Build: Sized {
    type Object: Default;
    type Array: Default;
    fn null() -> Self;
    fn bool(value: bool) -> Self;
    fn string(value: Cow<'_, str>) -> Self;
    fn number(value: Number) -> Self;
    fn member(object: &mut Self::Object, key: Cow<'_, str>, value: Self);
    fn element(array: &mut Self::Array, value: Self);
    fn object(object: Self::Object) -> Self;
    fn array(array: Self::Array) -> Self;
}

/// A `Value`, as serde_json reads one.
impl Build for Value {
    type Object = Map<String, Value>;
    type Array = Vec<Value>;
    fn null() -> Self {
        Value::Null
    }
    fn bool(value: bool) -> Self {
        Value::Bool(value)
    }
    fn string(value: Cow<'_, str>) -> Self {
        Value::String(value.into_owned())
    }
    fn number(value: Number) -> Self {
        Value::Number(value)
    }
    fn member(object: &mut Map<String, Value>, key: Cow<'_, str>, value: Self) {
        object.insert(key.into_owned(), value);
    }
    fn element(array: &mut Vec<Value>, value: Self) {
        array.push(value);
    }
    fn object(object: Map<String, Value>) -> Self {
        Value::Object(object)
    }
    fn array(array: Vec<Value>) -> Self {
        Value::Array(array)
    }
}

/// Nothing: the walk only checks ([`Reader::check`]).
impl Build for () {
    type Object = ();
    type Array = ();
    fn null() -> Self {}
    fn bool(_: bool) -> Self {}
    fn string(_: Cow<'_, str>) -> Self {}
    fn number(_: Number) -> Self {}
    fn member(_: &mut (), _: Cow<'_, str>, _: Self) {}
    fn element(_: &mut (), _: Self) {}
    fn object(_: ()) -> Self {}
    fn array(_: ()) -> Self {}
}

impl Mark {
    /// Where the mark is, in bytes from the start of the text.
    pub(crate) fn pos(self) -> usize {
        self.pos
    }
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            failure: None,
            given_up: None,
            early: None,
        }
    }

    /// Has the next object read ([`read_members`], or an envelope) also give up at one of
    /// its first few members after the first when `give_up_on` says so of its key (and it
    /// is not one the object documents): a read of a kind the first key only hinted at,
    /// which the next keys can prove wrong early.
    pub(crate) fn give_up_early(&mut self, give_up_on: fn(&str) -> bool) {
        self.early = Some(give_up_on);
    }

    /// The `give_up_on` of [`give_up_early`](Self::give_up_early), for the object being
    /// read.
    pub(crate) fn take_early(&mut self) -> Option<fn(&str) -> bool> {
        self.early.take()
    }

    /// Stops a read at `key`, which the reader keeps for the caller; always `None`.
    #[cold]
    #[inline(never)]
    pub(crate) fn give_up_at<T>(&mut self, key: Cow<'a, str>) -> Option<T> {
        self.given_up = Some(key);
        None
    }

    /// The key the last read gave up at, if it gave up at one.
    pub(crate) fn take_given_up(&mut self) -> Option<Cow<'a, str>> {
        self.given_up.take()
    }

    /// What stopped the read, if it was not the JSON syntax.
    pub(crate) fn take_failure(&mut self) -> Option<Failure> {
        self.failure.take()
    }

    /// What kind of failure stopped the read, if one was recorded.
    pub(crate) fn failure_kind(&self) -> Option<FailureKind> {
        self.failure.as_ref().map(|f| f.kind)
    }

    /// Skips white space and returns the next byte (not consumed).
    #[inline(always)]
    pub(crate) fn peek(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.pos)?;
        if byte > b' ' {
            return Some(byte);
        }
        // One space, as in `"key": value, "next"`, the commonest white space.
        if byte == b' ' {
            if let Some(&next) = self.bytes.get(self.pos + 1) {
                if next > b' ' {
                    self.pos += 1;
                    return Some(next);
                }
            }
        }
        self.peek_after_space()
    }

    /// Where the reader is, to come back to with [`rewind`](Self::rewind).
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            pos: self.pos,
            depth: self.depth,
        }
    }

    /// Goes back to a [`mark`](Self::mark), forgetting any failure since (and any key a
    /// read gave up at).
    pub(crate) fn rewind(&mut self, mark: Mark) {
        self.pos = mark.pos;
        self.depth = mark.depth;
        self.failure = None;
        self.given_up = None;
        self.early = None;
    }

    /// Moves past a value whose read stopped at `pos` (the end of the object just read,
    /// at the depth of the mark it was read from).
    pub(crate) fn rewind_to(&mut self, pos: usize) {
        self.pos = pos;
    }

    /// The white-space part of [`peek`](Self::peek): classifies a byte with a bit mask
    /// (a `match` here compiled to a jump table, whose indirect jump mispredicted on
    /// every change between `": "`, `",\n    "` and no space at all), and skips runs of
    /// indentation eight bytes at a time.
    fn peek_after_space(&mut self) -> Option<u8> {
        const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
        const WHITE: u64 = 1 << b' ' | 1 << b'\t' | 1 << b'\n' | 1 << b'\r';
        loop {
            let byte = *self.bytes.get(self.pos)?;
            if byte > b' ' || (WHITE >> byte) & 1 == 0 {
                return Some(byte);
            }
            self.pos += 1;
            if byte == b'\n' {
                // The indentation that follows, up to eight spaces at a time.
                while let Some(Ok(chunk)) = self
                    .bytes
                    .get(self.pos..self.pos + 8)
                    .map(<[u8; 8]>::try_from)
                {
                    let spaces = (u64::from_le_bytes(chunk) ^ SPACES).trailing_zeros() / 8;
                    self.pos += spaces as usize;
                    if spaces < 8 {
                        break;
                    }
                }
            }
        }
    }

    /// Whether only white space is left.
    pub(crate) fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }

    /// Consumes `byte` after white space.
    #[inline(always)]
    pub(crate) fn eat(&mut self, byte: u8) -> Option<()> {
        if self.peek()? == byte {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    /// One level deeper; past serde_json's recursion limit the read stops (a syntax
    /// error, recorded as nothing).
    #[inline(always)]
    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }

    /// The whole text being read.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// Where the reader is, in bytes from the start of the text.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Puts back a failure taken with [`take_failure`](Self::take_failure).
    pub(crate) fn restore_failure(&mut self, failure: Option<Failure>) {
        self.failure = failure;
    }

    // Failures: recorded on the way down, given a path on the way up. All cold.

    /// Records a failure at the current position; always `None`.
    #[cold]
    #[inline(never)]
    pub(crate) fn fail<T>(&mut self, kind: FailureKind, message: impl Into<Message>) -> Option<T> {
        if self.failure.is_none() {
            self.failure = Some(Failure {
                kind,
                message: message.into(),
                pos: self.pos,
                path: Segments::default(),
                missing: None,
            });
        }
        None
    }

    /// Records that the required field `key` of the object just read is missing, at the
    /// object's end, with the key as its path; always `None`.
    #[cold]
    #[inline(never)]
    pub(crate) fn missing<T>(&mut self, key: &'static str) -> Option<T> {
        if self.failure.is_none() {
            self.invalid::<()>(Message::Missing(key));
            if let Some(failure) = self.failure.as_mut() {
                failure.missing = Some(key);
            }
        }
        self.at_key(key)?;
        None
    }

    /// Records a wrong value at the current position; always `None`.
    #[cold]
    #[inline(never)]
    pub(crate) fn invalid<T>(&mut self, message: impl Into<Message>) -> Option<T> {
        self.fail(FailureKind::Invalid, message)
    }

    /// Records that the value ahead is of the wrong JSON type (naming the type it is, never
    /// the value), and consumes it; always `None`. A value that is not JSON records
    /// nothing: that is a syntax error.
    #[cold]
    #[inline(never)]
    pub(crate) fn wrong_type<T>(&mut self, expected: &'static str) -> Option<T> {
        let found = match self.peek()? {
            b'n' => "null",
            b't' | b'f' => "boolean",
            b'"' => "string",
            b'[' => "sequence",
            b'{' => "map",
            b'-' | b'0'..=b'9' => {
                let number = self.skip()?;
                match number.parse::<Number>().ok()? {
                    n if n.is_f64() => "floating point",
                    _ => "integer",
                }
            }
            _ => return None,
        };
        if !matches!(found, "integer" | "floating point") {
            self.skip()?;
        }
        self.invalid(Message::WrongType { found, expected })
    }

    /// Adds `key` to the path of a failure on its way out; always `None`.
    #[cold]
    #[inline(never)]
    pub(crate) fn at_key(&mut self, key: &'static str) -> Option<()> {
        self.at(Segment::Key(key))
    }

    /// Adds an element's index to the path of a failure on its way out; always `None`.
    #[cold]
    #[inline(never)]
    pub(crate) fn at_index(&mut self, index: usize) -> Option<()> {
        self.at(Segment::Index(index))
    }

    /// Adds a key the crate does not document to the path, as a placeholder; always
    /// `None`.
    #[cold]
    #[inline(never)]
    pub(crate) fn at_undocumented(&mut self) -> Option<()> {
        self.at(Segment::Undocumented)
    }

    fn at(&mut self, segment: Segment) -> Option<()> {
        if let Some(failure) = &mut self.failure {
            failure.path.push(segment);
        }
        None
    }

    /// A key given twice: keeping either value would silently drop the other.
    #[cold]
    #[inline(never)]
    pub(crate) fn duplicate(&mut self, key: &'static str) -> Option<()> {
        self.fail(FailureKind::Duplicate, Message::Duplicate(key))
    }

    /// Consumes `{` and starts reading members; anything else is a wrong type.
    #[inline]
    pub(crate) fn open_object(&mut self, expected: &'static str) -> Option<Members> {
        if self.peek()? != b'{' {
            return self.wrong_type(expected);
        }
        self.pos += 1;
        self.enter()?;
        Some(Members { first: true })
    }

    /// The next member's key, its `:` consumed; `Some(None)` once the object is closed.
    #[inline]
    pub(crate) fn next_key(&mut self, members: &mut Members) -> Option<Option<Cow<'a, str>>> {
        if self.member_start(members)? {
            self.key_here().map(Some)
        } else {
            Some(None)
        }
    }

    /// Moves to the next member: `Some(true)` at its key's opening `"`, `Some(false)` once
    /// the object is closed (its `}` consumed).
    #[inline(always)]
    pub(crate) fn member_start(&mut self, members: &mut Members) -> Option<bool> {
        let byte = self.peek()?;
        if members.first {
            members.first = false;
            if byte == b'"' {
                return Some(true);
            }
        } else if byte == b',' {
            self.pos += 1;
            // A key must follow the comma.
            return (self.peek()? == b'"').then_some(true);
        }
        if byte == b'}' {
            self.pos += 1;
            self.depth -= 1;
            return Some(false);
        }
        None
    }

    /// The key at the current `"` (after [`member_start`](Self::member_start)), its `:`
    /// consumed: borrowed from the body, or decoded when it has escapes.
    #[inline]
    pub(crate) fn key_here(&mut self) -> Option<Cow<'a, str>> {
        let key = self.string()?;
        self.eat(b':')?;
        Some(key)
    }

    /// Whether the key at the current `"` is `quoted` (a documented key with its quotes);
    /// if so, it and its `:` are consumed. One comparison of a known length, where
    /// [`key_here`](Self::key_here) scans for the end of the key and then compares it:
    /// members in the documented order take this way.
    #[inline(always)]
    pub(crate) fn key_is(&mut self, quoted: &[u8]) -> Option<bool> {
        let end = self.pos + quoted.len();
        match self.bytes.get(self.pos..end) {
            Some(here) if same(here, quoted) => {}
            _ => return Some(false),
        }
        self.pos = end;
        self.eat(b':')?;
        Some(true)
    }

    /// Consumes `[` and starts reading elements; anything else is a wrong type.
    pub(crate) fn open_array(&mut self, expected: &'static str) -> Option<Members> {
        if self.peek()? != b'[' {
            return self.wrong_type(expected);
        }
        self.pos += 1;
        self.enter()?;
        Some(Members { first: true })
    }

    /// Whether another element follows (its `,` consumed); `Some(false)` once the array
    /// is closed.
    pub(crate) fn next_element(&mut self, members: &mut Members) -> Option<bool> {
        let byte = self.peek()?;
        if members.first {
            members.first = false;
            if byte != b']' {
                return Some(true);
            }
        } else if byte == b',' {
            self.pos += 1;
            return Some(true);
        } else if byte != b']' {
            return None;
        }
        self.pos += 1;
        self.depth -= 1;
        Some(false)
    }

    /// The string starting at the current `"`: the span of its content, and whether it
    /// has escapes. Fails on a control character or a missing end.
    #[inline]
    fn string_span(&mut self) -> Option<(usize, usize, bool)> {
        let start = self.pos + 1;
        let mut at = start;
        let mut escaped = false;
        loop {
            at = find_special(self.bytes, at);
            match self.bytes.get(at)? {
                b'"' => {
                    self.pos = at + 1;
                    return Some((start, at, escaped));
                }
                b'\\' => {
                    // The escape itself is checked by serde_json when the string is decoded.
                    escaped = true;
                    at += 2;
                }
                _ => return None,
            }
        }
    }

    /// A string value: borrowed when it has no escapes, decoded otherwise. Anything but a
    /// string stops the read (callers that expect a string check the type first).
    #[inline]
    pub(crate) fn string(&mut self) -> Option<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return None;
        }
        let (start, end, escaped) = self.string_span()?;
        let raw = self.text.get(start..end)?;
        if escaped {
            unescape(raw).map(Cow::Owned)
        } else {
            Some(Cow::Borrowed(raw))
        }
    }

    /// A string value, or a wrong type naming `expected`.
    #[inline]
    pub(crate) fn expect_string(&mut self, expected: &'static str) -> Option<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return self.wrong_type(expected);
        }
        self.string()
    }

    /// Consumes `null` if it comes next.
    #[inline(always)]
    pub(crate) fn null(&mut self) -> Option<bool> {
        if self.peek()? == b'n' {
            self.literal(b"null")?;
            Some(true)
        } else {
            Some(false)
        }
    }

    fn literal(&mut self, literal: &[u8]) -> Option<()> {
        let end = self.pos + literal.len();
        if self.bytes.get(self.pos..end)? == literal {
            self.pos = end;
            Some(())
        } else {
            None
        }
    }

    /// A JSON integer as serde_json reads it into an `i64`; anything else (a fraction, an
    /// exponent, `-0`, a value beyond `i64`) is left to the caller.
    #[inline]
    pub(crate) fn integer(&mut self) -> Option<i64> {
        let negative = self.bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let first = *self.bytes.get(self.pos)?;
        let mut value = match first {
            b'0' => 0u64,
            b'1'..=b'9' => u64::from(first - b'0'),
            _ => return None,
        };
        self.pos += 1;
        if first != b'0' {
            while let Some(&digit @ b'0'..=b'9') = self.bytes.get(self.pos) {
                value = value
                    .checked_mul(10)?
                    .checked_add(u64::from(digit - b'0'))?;
                self.pos += 1;
            }
        }
        if let Some(b'.' | b'e' | b'E' | b'0'..=b'9') = self.bytes.get(self.pos) {
            return None;
        }
        if negative {
            // serde_json reads `-0` as a float.
            if value == 0 {
                return None;
            }
            0i64.checked_sub_unsigned(value)
        } else {
            i64::try_from(value).ok()
        }
    }

    /// Skips one value and returns its text. A scalar is checked to be JSON (`true`, `null`,
    /// a number's grammar), so that what follows it is where serde_json would look next; a
    /// string and an object or array only for where they end (not their escapes, their
    /// numbers' range, their nesting or the syntax inside them). Whatever is skipped on the
    /// way to a value that is read is read again (an envelope's payload, the members looked
    /// over to tell a kind), or the body is checked whole before anything is handed on
    /// (an error, an element `parse_body_each` passes over): see the module's documentation.
    pub(crate) fn skip(&mut self) -> Option<&'a str> {
        let byte = self.peek()?;
        let start = self.pos;
        match byte {
            b'"' => {
                self.string_span()?;
            }
            b'{' | b'[' => self.skip_container()?,
            b't' => self.literal(b"true")?,
            b'f' => self.literal(b"false")?,
            b'n' => self.literal(b"null")?,
            b'-' | b'0'..=b'9' => {
                self.number_span()?;
            }
            _ => return None,
        }
        self.text.get(start..self.pos)
    }

    /// Skips the object or array at the current `[` or `{` to just after its end: strings
    /// are passed whole (a bracket in one is no bracket), brackets only counted, with no
    /// recursion and no limit.
    fn skip_container(&mut self) -> Option<()> {
        let mut levels = 0usize;
        loop {
            let byte = *self.bytes.get(self.pos)?;
            match byte {
                b'"' => {
                    self.string_span()?;
                    continue;
                }
                b'{' | b'[' => levels += 1,
                b'}' | b']' => {
                    levels = levels.checked_sub(1)?;
                    if levels == 0 {
                        self.pos += 1;
                        return Some(());
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// The number at the current position, by JSON's grammar
    /// (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`), consumed: its text. Whether it is
    /// in range is serde_json's to say ([`number`](Self::number)).
    fn number_span(&mut self) -> Option<&'a str> {
        let bytes = self.bytes;
        let start = self.pos;
        let mut at = start;
        let digits = |at: &mut usize| {
            let from = *at;
            while let Some(b'0'..=b'9') = bytes.get(*at) {
                *at += 1;
            }
            (*at > from).then_some(())
        };
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        match bytes.get(at)? {
            b'0' => at += 1,
            b'1'..=b'9' => digits(&mut at)?,
            _ => return None,
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            digits(&mut at)?;
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            at += 1;
            if let Some(b'+' | b'-') = bytes.get(at) {
                at += 1;
            }
            digits(&mut at)?;
        }
        self.pos = at;
        self.text.get(start..at)
    }

    /// Reads any JSON value as serde_json reads a `Value`: an object's key given twice
    /// keeps its last value (in its first place, with `preserve_order`).
    pub(crate) fn value(&mut self) -> Option<Value> {
        self.walk()
    }

    /// The one walk over a JSON value, building a `B` as it goes: a `Value`
    /// ([`value`](Self::value)), or nothing ([`check`](Self::check)). One walk for both,
    /// so that a value kept as its checked text is exactly one the reader would read.
    fn walk<B: Build>(&mut self) -> Option<B> {
        match self.peek()? {
            b'n' => {
                self.literal(b"null")?;
                Some(B::null())
            }
            b't' => {
                self.literal(b"true")?;
                Some(B::bool(true))
            }
            b'f' => {
                self.literal(b"false")?;
                Some(B::bool(false))
            }
            b'"' => self.string().map(B::string),
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                match self.integer() {
                    Some(n) => Some(B::number(Number::from(n))),
                    None => {
                        self.pos = start;
                        self.number().map(B::number)
                    }
                }
            }
            b'{' => {
                self.pos += 1;
                self.enter()?;
                let mut object = B::Object::default();
                let mut members = Members { first: true };
                while let Some(key) = self.next_key(&mut members)? {
                    let value = self.walk()?;
                    B::member(&mut object, key, value);
                }
                Some(B::object(object))
            }
            b'[' => {
                self.pos += 1;
                self.enter()?;
                let mut array = B::Array::default();
                let mut elements = Members { first: true };
                while self.next_element(&mut elements)? {
                    let value = self.walk()?;
                    B::element(&mut array, value);
                }
                Some(B::array(array))
            }
            _ => None,
        }
    }

    /// Any JSON number, read by serde_json from the text it spans: refused where serde_json
    /// refuses it (out of range).
    pub(crate) fn number(&mut self) -> Option<Number> {
        if !matches!(self.peek()?, b'-' | b'0'..=b'9') {
            return None;
        }
        self.number_span()?.parse().ok()
    }

    /// Keeps a member the object does not document in `extra`, as its text. A key given
    /// twice is an error, as it is for the documented fields: found as it is added among
    /// the first kept keys ([`Kept::push_member`]), past those at the object's end
    /// ([`unique_keys`]).
    #[inline]
    pub(crate) fn extra(
        &mut self,
        extra: &mut Kept<Map<String, Value>>,
        key: Cow<'_, str>,
    ) -> Option<()> {
        let Some(value) = self.check() else {
            return self.at_undocumented();
        };
        if keep_member(extra, &key, matches!(key, Cow::Owned(_)), value) {
            return self.repeated_undocumented();
        }
        Some(())
    }

    /// A key the crate does not document, given twice: keeping either value would
    /// silently drop the other. The path shows the key as a placeholder; always `None`.
    #[cold]
    #[inline(never)]
    fn repeated_undocumented<T>(&mut self) -> Option<T> {
        self.fail::<()>(
            FailureKind::Duplicate,
            "duplicate field (a key the crate does not document)",
        );
        self.at_undocumented()?;
        None
    }

    /// Checks the value ahead exactly as [`value`](Self::value) reads it (strings decoded,
    /// numbers read, levels counted), building nothing, and returns its text.
    pub(crate) fn check(&mut self) -> Option<&'a str> {
        self.peek()?;
        let start = self.pos;
        self.walk::<()>()?;
        self.text.get(start..self.pos)
    }
}

/// Keeps a member (its key, and its value's checked text) in `extra`: in its text, or, in
/// a map built in code (never while reading a body: placeholders hold none), as the value
/// the reader reads from the text. Whether the key was kept already
/// ([`Kept::push_member`]).
fn keep_member(
    extra: &mut Kept<Map<String, Value>>,
    key: &str,
    decoded: bool,
    value: &str,
) -> bool {
    if let Some(map) = extra.built_mut() {
        let repeated = map.contains_key(key);
        map.insert(
            key.to_owned(),
            Reader::new(value).value().unwrap_or(Value::Null),
        );
        return repeated;
    }
    extra.push_member(key, decoded, value)
}

/// Checks that no key of a kept object is given twice (the members of `extra` are kept as
/// text, and compared here once the object is read); a key given twice is an error, as it
/// is for the documented fields. The path shows the key as a placeholder.
pub(crate) fn unique_keys(r: &mut Reader<'_>, kept: &Kept<Map<String, Value>>) -> Option<()> {
    let Some(text) = kept.json().filter(|_| kept.may_repeat_a_key()) else {
        return Some(());
    };
    // The keys into a map the reader already has code for (a sort or a set of its own
    // would add one to the binary: 2 to 4 KB); each key once, its value nothing.
    let mut keys = Map::new();
    let mut inner = Reader::new(text);
    let mut members = inner.open_object("a map")?;
    while let Some(key) = inner.next_key(&mut members)? {
        if keys.insert(key.into_owned(), Value::Null).is_some() {
            return r.repeated_undocumented();
        }
        inner.skip()?;
    }
    Some(())
}

/// The content of a string with escapes, decoded into a `String` of the right size (the
/// escaped form is never shorter). Whatever serde_json would refuse (an unknown escape, a
/// surrogate without its pair) gives up.
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        out.push_str(rest.get(..at)?);
        let mut chars = rest.get(at + 1..)?.chars();
        let decoded = match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let high = hex4(chars.as_str())?;
                chars = chars.as_str().get(4..)?.chars();
                match high {
                    0xD800..=0xDBFF => {
                        let pair = chars.as_str().strip_prefix("\\u")?;
                        let low = hex4(pair)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        chars = pair.get(4..)?.chars();
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
                    }
                    0xDC00..=0xDFFF => return None,
                    _ => char::from_u32(high)?,
                }
            }
            _ => return None,
        };
        out.push(decoded);
        rest = chars.as_str();
    }
    out.push_str(rest);
    Some(out)
}

/// Four hexadecimal digits at the start of `s`.
fn hex4(s: &str) -> Option<u32> {
    let digits = s.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

/// Whether `a` and `b`, of the same length, are equal: for the short keys of objects, in
/// two loads of up to eight bytes each where it can (the first and the last eight bytes,
/// which overlap), rather than a call to `memcmp`.
#[inline(always)]
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    let word = |s: &[u8], at: usize| {
        s.get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_le_bytes)
    };
    let half = |s: &[u8], at: usize| {
        s.get(at..at + 4)
            .and_then(|w| <[u8; 4]>::try_from(w).ok())
            .map(u32::from_le_bytes)
    };
    let len = a.len();
    if len != b.len() {
        return false;
    }
    match len {
        8..=16 => word(a, 0) == word(b, 0) && word(a, len - 8) == word(b, len - 8),
        4..=7 => half(a, 0) == half(b, 0) && half(a, len - 4) == half(b, len - 4),
        _ => a == b,
    }
}

/// The first byte at or after `at` that ends a plain run of string content (`"`, `\\` or a
/// control character), or the length of `bytes`. Eight bytes at a time, as serde_json does.
#[inline(always)]
fn find_special(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(chunk);
        let control = word.wrapping_sub(ONES * 0x20) & !word;
        let quote = word ^ (ONES * u64::from(b'"'));
        let quote = quote.wrapping_sub(ONES) & !quote;
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let backslash = backslash.wrapping_sub(ONES) & !backslash;
        let found = (control | quote | backslash) & HIGH;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return at;
        }
        at += 1;
    }
    at
}

/// A field type the reader reads.
pub(crate) trait Field: Sized {
    /// What a value of another JSON type is reported as expecting.
    const EXPECTING: &'static str;
    /// Reads the next value into `slot` (which holds a placeholder); `None` stops the read.
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()>;
    /// The field from text the reader already checked as JSON, where it is kept as JSON
    /// ([`Kept`]); `None` for any other type, which reads the text again.
    fn from_checked(text: &str) -> Option<Self> {
        let _ = text;
        None
    }
}

/// A `give_up_on` for [`read_members`] that keeps every undocumented key.
pub(crate) fn never(_: &str) -> bool {
    false
}

/// Reads documented field `i` of `out`. A value an optional field cannot read (a wrong
/// type, a bad timestamp, an object missing what it requires) is kept exactly as it came
/// in `extra`, under its key, and the field stays empty: a callback is refused only when
/// a field it cannot do without is unreadable. Not kept: a key given twice, nesting past
/// the limit, and text that is not JSON.
#[inline]
pub(crate) fn read_or_keep(
    out: &mut dyn Fields,
    i: usize,
    seen: &mut u64,
    r: &mut Reader<'_>,
) -> Option<()> {
    let start = r.mark();
    match out.read_field(i, seen, r) {
        Some(()) => Some(()),
        None => keep_as_it_came(out, i, start, r),
    }
}

/// [`read_or_keep`] once field `i` could not read its value, which starts at `start`.
#[cold]
#[inline(never)]
fn keep_as_it_came(out: &mut dyn Fields, i: usize, start: Mark, r: &mut Reader<'_>) -> Option<()> {
    let key = *out.keys().get(i)?;
    if r.failure_kind() != Some(FailureKind::Invalid) || out.optional() & (1 << i) == 0 {
        // The field's error (or the syntax's): its key joins the path on the way out.
        return r.at_key(key);
    }
    r.rewind(start);
    let value = r.check()?;
    // A documented key, kept once: `seen` refuses it a second time.
    keep_member(out.extra_mut(), key, false, value);
    Some(())
}

/// Reads the value of `key` into its field of `out`, or keeps it in `extra` when `out`
/// does not document `key` (unless `give_up_on(key)`, which stops the read).
pub(crate) fn accept_or_keep<'a>(
    out: &mut dyn Fields,
    seen: &mut u64,
    key: Cow<'a, str>,
    give_up_on: fn(&str) -> bool,
    r: &mut Reader<'a>,
) -> Option<()> {
    read_keyed(out, seen, key, give_up_on, r, 0).map(drop)
}

/// How many members of an object a `give_up_on` of [`Reader::give_up_early`] applies to.
pub(crate) const EARLY: usize = 4;

/// How many documented keys, from the one expected next, a member's key is compared with
/// in place before it is looked up among all of them: the optional fields an object may
/// lack between two it has.
const LOOKAHEAD: usize = 2;

/// Reads the rest of an object into `out`: the member whose key `first` was already read,
/// if any, then every member to the end of the object, then checks that every required
/// field was given. The one loop over members, for every object.
///
/// A member's key is compared in place with the documented keys expected next (those
/// after the last one read, a few of them: fields the object lacks are passed over); a key
/// out of that order is read and looked up among the keys, and the documented order
/// resumes after it, so that a key the object does not document (kept in `extra`) costs
/// only itself. A key the object does not document goes to `extra`, unless `give_up_on`
/// says to stop (to read a callback of a kind only guessed so far, which a key of another
/// kind proves wrong): then the reader keeps the key ([`Reader::take_given_up`]).
pub(crate) fn read_members<'a>(
    out: &mut dyn Fields,
    mut seen: u64,
    first: Option<Cow<'a, str>>,
    give_up_on: fn(&str) -> bool,
    r: &mut Reader<'a>,
    members: &mut Members,
) -> Option<()> {
    let quoted = out.quoted_keys();
    let mut next = 0;
    let early = r.take_early().filter(|_| first.is_some());
    // How many members were read so far (for `early`).
    let mut read = 0usize;
    if let Some(key) = first {
        next = read_keyed(out, &mut seen, key, give_up_on, r, next)?;
        read += 1;
    }
    let mut more = r.member_start(members)?;
    while more {
        // In the documented order, passing over the fields the object lacks.
        let mut i = next;
        while more && i < quoted.len() && i < next + LOOKAHEAD {
            if r.key_is(quoted.get(i)?.as_bytes())? {
                read_or_keep(out, i, &mut seen, r)?;
                more = r.member_start(members)?;
                next = i + 1;
                read += 1;
            }
            i += 1;
        }
        if more {
            // A key out of that order: looked up, and the order resumes after it. The
            // members read so far are the fields marked in `seen` and those in `extra`.
            let key = r.key_here()?;
            let give_up_on = match early {
                Some(early) if read < EARLY => early,
                _ => give_up_on,
            };
            next = read_keyed(out, &mut seen, key, give_up_on, r, next)?;
            read += 1;
            more = r.member_start(members)?;
        }
    }
    check_required(out, r, seen)
}

/// [`read_members`] for a member whose key was read: the documented field it names (the
/// documented order resumes after it), or `extra`, or the end of the read (`give_up_on`).
/// Returns the index of the documented key expected next.
#[inline]
fn read_keyed<'a>(
    out: &mut dyn Fields,
    seen: &mut u64,
    key: Cow<'a, str>,
    give_up_on: fn(&str) -> bool,
    r: &mut Reader<'a>,
    next: usize,
) -> Option<usize> {
    let bytes = key.as_bytes();
    match out.keys().iter().position(|k| same(k.as_bytes(), bytes)) {
        Some(i) => {
            read_or_keep(out, i, seen, r)?;
            Some(i + 1)
        }
        None if give_up_on(&key) => r.give_up_at(key),
        None => {
            r.extra(out.extra_mut(), key)?;
            Some(next)
        }
    }
}

/// Reads one object into `out` (a placeholder).
#[inline]
pub(crate) fn read_object<T: WireObject>(out: &mut T, r: &mut Reader<'_>) -> Option<()> {
    let mut members = r.open_object(T::EXPECTING)?;
    read_members(out, 0, None, never, r, &mut members)
}

/// Marks `bit` in `seen`; a key given twice is an error.
#[inline(always)]
pub(crate) fn first_time(
    r: &mut Reader<'_>,
    seen: &mut u64,
    bit: u64,
    key: &'static str,
) -> Option<()> {
    if *seen & bit != 0 {
        return r.duplicate(key);
    }
    *seen |= bit;
    Some(())
}

/// The end of an object: no key kept twice, and every required field given.
pub(crate) fn check_required(out: &dyn Fields, r: &mut Reader<'_>, seen: u64) -> Option<()> {
    unique_keys(r, out.extra_ref())?;
    match out.missing_in(seen) {
        None => Some(()),
        Some(key) => r.missing(key),
    }
}

impl<T: Field + Placeholder> Field for Option<T> {
    const EXPECTING: &'static str = T::EXPECTING;
    #[inline]
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        if r.null()? {
            *slot = None;
            Some(())
        } else {
            let read = T::read(slot.insert(T::placeholder()), r);
            if read.is_none() {
                // Empty again, whatever part of the value was read: an optional field
                // that cannot read its value keeps it as it came (see `read_or_keep`).
                *slot = None;
            }
            read
        }
    }
}

impl<T: Field + Placeholder> Field for Vec<T> {
    const EXPECTING: &'static str = "a sequence";
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        let mut elements = r.open_array(Self::EXPECTING)?;
        slot.clear();
        while r.next_element(&mut elements)? {
            slot.push(T::placeholder());
            let index = slot.len() - 1;
            match slot.last_mut() {
                Some(element) => T::read(element, r),
                None => None,
            }
            .or_else(|| r.at_index(index))?;
        }
        Some(())
    }
}

impl<T: Field> Field for Box<T> {
    const EXPECTING: &'static str = T::EXPECTING;
    #[inline]
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        T::read(slot, r)
    }
}

impl Field for String {
    const EXPECTING: &'static str = "a string";
    #[inline]
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        *slot = r.expect_string(Self::EXPECTING)?.into_owned();
        Some(())
    }
}

impl Field for bool {
    const EXPECTING: &'static str = "a boolean";
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        match r.peek()? {
            b't' => {
                r.literal(b"true")?;
                *slot = true;
            }
            b'f' => {
                r.literal(b"false")?;
                *slot = false;
            }
            _ => return r.wrong_type(Self::EXPECTING),
        }
        Some(())
    }
}

impl Field for Value {
    const EXPECTING: &'static str = "any JSON value";
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        *slot = r.value()?;
        Some(())
    }
}

/// An object kept whole as its text (an unknown `paymentData`, `requestUriUserParams`), a
/// key given twice an error.
impl Field for Kept<Map<String, Value>> {
    const EXPECTING: &'static str = "a map";
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        if r.peek()? != b'{' {
            return r.wrong_type(Self::EXPECTING);
        }
        *slot = Kept::from_checked(r.check()?);
        unique_keys(r, slot)
    }
}

impl Placeholder for Kept<Map<String, Value>> {
    fn placeholder() -> Self {
        Kept::default()
    }
}

/// Any JSON value kept as its text (an unknown event's payload).
impl Field for Kept<Value> {
    const EXPECTING: &'static str = "any JSON value";
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        *slot = Kept::from_checked(r.check()?);
        Some(())
    }
    fn from_checked(text: &str) -> Option<Self> {
        Some(Kept::from_checked(text))
    }
}

impl Placeholder for Kept<Value> {
    fn placeholder() -> Self {
        Kept::default()
    }
}

/// Reads one `T` from where the reader is (for [`bridge`](super::bridge)).
pub(crate) fn read_one<T: Field + Placeholder>(r: &mut Reader<'_>) -> Option<T> {
    let mut out = T::placeholder();
    T::read(&mut out, r)?;
    Some(out)
}

/// Appends a failure's path to `out` (`.` for the body itself): documented keys as
/// `.key`, undocumented ones as `<undocumented>`, elements as `[i]`.
pub(crate) fn write_path(out: &mut String, path: &[Segment]) {
    let start = out.len();
    for segment in path.iter().rev() {
        match segment {
            Segment::Key(key) => {
                if out.len() > start {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Undocumented => {
                if out.len() > start {
                    out.push('.');
                }
                out.push_str("<undocumented>");
            }
            Segment::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
        }
    }
    if out.len() == start {
        out.push('.');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `same` is `==` for slices of one length, whatever the length.
    #[test]
    fn same_is_equality() {
        let text = b"\"requestId\":\"cascadeStageUUID\"-replyOutMessageExternalRequestId";
        for a in 0..text.len() {
            for len in 0..=text.len() - a {
                for b in 0..=text.len() - len {
                    let (x, y) = (&text[a..a + len], &text[b..b + len]);
                    assert_eq!(same(x, y), x == y, "{x:?} {y:?}");
                }
            }
        }
        assert!(!same(b"ab", b"abc"));
    }

    #[test]
    fn unescape_reads_what_serde_json_reads_and_gives_up_on_what_it_refuses() {
        let cases = [
            r#"a\"b"#,
            r#"\\\/\b\f\n\r\t"#,
            r#"\u0041\u00e9\u041b\u0435"#,
            r#"\ud83d\ude00 smile"#,
            r#"\u0000"#,
            r#"\uD83D\uDE00"#,
            r#"{\"flow_token\":\"example\"}"#,
            r#"\ud83d"#,
            r#"\ude00"#,
            r#"\ud83d\u0041"#,
            r#"\ud83dx"#,
            r#"\x"#,
            r#"\u12"#,
            r#"\u12g4"#,
            r#"\"#,
            r#"end\"#,
        ];
        for raw in cases {
            let serde: Option<String> = serde_json::from_str(&format!("\"{raw}\"")).ok();
            assert_eq!(unescape(raw), serde, "{raw}");
        }
    }
}
