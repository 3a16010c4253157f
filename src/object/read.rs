//! The one reader of the wire format: a reader of the JSON text written for the crate's
//! own objects. It builds the values in place, without serde's generic machinery (a
//! visitor call, a `Result` and a key copy per member), and it is the only code that reads
//! a callback: [`parse_body`](crate::parse_body), [`parse_as`](crate::parse_as) and every
//! type's `Deserialize` come here.
//!
//! Every step returns an `Option`: `None` stops the read. Where the JSON is well-formed
//! but a value is wrong (a wrong type, a bad timestamp, a key given twice, a required key
//! missing), the step records a [`Failure`] before it returns `None`, and each object and
//! array it returns through adds its field or index to the failure's path, on that cold
//! way out only. Where the text is not JSON the step records nothing: the caller asks
//! serde_json's own scan of the body for the syntax error and its line and column (see
//! [`crate::error`]). Of the values the crate keeps as they came (unknown fields), the
//! reader reads strings, plain integers, booleans and `null` itself; objects, arrays and
//! numbers other than plain integers are handed to serde_json as the slice of text they
//! span, so their meaning is serde_json's by construction.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_json::{Map, Number, Value};

use super::{Fields, Placeholder, WireObject};
use crate::scalar::{Id, Numeric};
use crate::timestamp::Timestamp;

/// serde_json's recursion limit: it refuses to enter a 128th level of nesting. The reader
/// counts the same levels from the body's root, so a body is too deep for both or neither.
const MAX_DEPTH: usize = 127;

/// A position in the body being read, and what went wrong if the read stopped.
pub(crate) struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    failure: Option<Failure>,
}

/// Why a read of well-formed JSON stopped, and where.
pub(crate) struct Failure {
    /// What kind of error this becomes.
    pub(crate) kind: FailureKind,
    /// The crate's own words: never a value or an undocumented key from the body.
    pub(crate) message: Cow<'static, str>,
    /// The byte where the reader stopped.
    pub(crate) pos: usize,
    /// Where the value is, innermost first.
    pub(crate) path: Vec<Segment>,
}

/// What a [`Failure`] becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FailureKind {
    /// A known callback with a wrong value: `Error::Invalid`.
    Invalid,
    /// A value that is no callback of any kind: `Error::UnknownCallback`.
    NotACallback,
    /// Nested deeper than serde_json's recursion limit: `Error::Syntax`.
    TooDeep,
}

/// One step of a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Segment {
    /// A documented key.
    Key(&'static str),
    /// A key the crate does not document (never shown: it may be anything).
    Undocumented,
    /// An element of an array.
    Index(usize),
}

/// Where one object's members are: before the first, or after one.
pub(crate) struct Members {
    first: bool,
}

/// A mark to come back to with [`Reader::rewind`].
#[derive(Clone, Copy)]
pub(crate) struct Mark {
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            failure: None,
        }
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

    /// Goes back to a [`mark`](Self::mark), forgetting any failure since.
    pub(crate) fn rewind(&mut self, mark: Mark) {
        self.pos = mark.pos;
        self.depth = mark.depth;
        self.failure = None;
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

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail(FailureKind::TooDeep, "recursion limit exceeded");
        }
        Some(())
    }

    // Failures: recorded on the way down, given a path on the way up. All cold.

    /// Records a failure at the current position; always `None`.
    #[cold]
    #[inline(never)]
    pub(crate) fn fail<T>(
        &mut self,
        kind: FailureKind,
        message: impl Into<Cow<'static, str>>,
    ) -> Option<T> {
        if self.failure.is_none() {
            self.failure = Some(Failure {
                kind,
                message: message.into(),
                pos: self.pos,
                path: Vec::new(),
            });
        }
        None
    }

    /// Records a wrong value at the current position; always `None`.
    #[cold]
    #[inline(never)]
    pub(crate) fn invalid<T>(&mut self, message: impl Into<Cow<'static, str>>) -> Option<T> {
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
        self.invalid(format!("invalid type: {found}, expected {expected}"))
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
        self.invalid(format!("duplicate field `{key}`"))
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
        if self.bytes.get(self.pos..end) != Some(quoted) {
            return Some(false);
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
    fn integer(&mut self) -> Option<i64> {
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

    /// Skips one value and returns its text (checked by whoever reads that text).
    pub(crate) fn skip(&mut self) -> Option<&'a str> {
        let start = match self.peek()? {
            b'"' => {
                let start = self.pos;
                self.string_span()?;
                start
            }
            b'{' | b'[' => {
                // No recursion and no limit: the levels are only counted.
                let start = self.pos;
                let mut levels = 0usize;
                loop {
                    match *self.bytes.get(self.pos)? {
                        b'"' => {
                            self.string_span()?;
                            continue;
                        }
                        b'{' | b'[' => levels += 1,
                        b'}' | b']' => {
                            levels = levels.checked_sub(1)?;
                            if levels == 0 {
                                self.pos += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
                start
            }
            _ => {
                let start = self.pos;
                while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E' | b'a'..=b'z') =
                    self.bytes.get(self.pos)
                {
                    self.pos += 1;
                }
                start
            }
        };
        self.text.get(start..self.pos)
    }

    /// Reads any JSON value, as serde_json would.
    pub(crate) fn value(&mut self) -> Option<Value> {
        match self.peek()? {
            b'n' => {
                self.literal(b"null")?;
                Some(Value::Null)
            }
            b't' => {
                self.literal(b"true")?;
                Some(Value::Bool(true))
            }
            b'f' => {
                self.literal(b"false")?;
                Some(Value::Bool(false))
            }
            b'"' => self.string().map(|s| Value::String(s.into_owned())),
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                match self.integer() {
                    Some(n) if n >= 0 => Some(Value::Number(Number::from(n.unsigned_abs()))),
                    Some(n) => Some(Value::Number(Number::from(n))),
                    None => {
                        self.pos = start;
                        self.number().map(Value::Number)
                    }
                }
            }
            b'{' | b'[' => self.container(),
            _ => None,
        }
    }

    /// Any JSON number, read by serde_json from the text it spans.
    pub(crate) fn number(&mut self) -> Option<Number> {
        let text = self.skip()?;
        text.parse().ok()
    }

    /// An object or array read by serde_json in one pass from here. serde_json counts its
    /// recursion limit from where it starts; the reader counts from the body's root, so a
    /// value that nests deeper than the levels left is too deep.
    fn container(&mut self) -> Option<Value> {
        let rest = self.text.get(self.pos..)?;
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        let value = match values.next()? {
            Ok(value) => value,
            Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
                return self.fail(FailureKind::TooDeep, "recursion limit exceeded");
            }
            // Not JSON: a syntax error, unless it nests too deep before it stops.
            Err(_) => {
                if self.opens_deeper_than(MAX_DEPTH - self.depth) {
                    return self.fail(FailureKind::TooDeep, "recursion limit exceeded");
                }
                return None;
            }
        };
        let len = values.byte_offset();
        let budget = MAX_DEPTH - self.depth;
        // Nesting deeper than `budget` takes more than two bytes a level.
        if len > 2 * budget && deeper_than(&value, budget) {
            return self.fail(FailureKind::TooDeep, "recursion limit exceeded");
        }
        self.pos += len;
        Some(value)
    }

    /// Whether the text from here opens more than `levels` objects and arrays, one in
    /// another (whether or not it is well-formed JSON otherwise).
    #[cold]
    fn opens_deeper_than(&self, levels: usize) -> bool {
        let mut level = 0usize;
        let mut at = self.pos;
        let mut in_string = false;
        while let Some(&b) = self.bytes.get(at) {
            match (in_string, b) {
                (true, b'\\') => at += 1,
                (true, b'"') | (false, b'"') => in_string = !in_string,
                (false, b'{' | b'[') => {
                    level += 1;
                    if level > levels {
                        return true;
                    }
                }
                (false, b'}' | b']') => level = level.saturating_sub(1),
                _ => {}
            }
            at += 1;
        }
        false
    }

    /// Keeps a member the object does not document in `extra`. A key given twice is an
    /// error, as it is for the documented fields; the path shows the key as a placeholder.
    #[inline]
    pub(crate) fn extra(
        &mut self,
        extra: &mut Map<String, Value>,
        key: Cow<'_, str>,
    ) -> Option<()> {
        let Some(value) = self.value() else {
            return self.at_undocumented();
        };
        match extra.entry(key) {
            serde_json::map::Entry::Vacant(slot) => {
                slot.insert(value);
                Some(())
            }
            serde_json::map::Entry::Occupied(_) => self
                .invalid("duplicate field (a key the crate does not document)")
                .or_else(|| self.at_undocumented()),
        }
    }
}

/// Whether `value` nests more than `levels` objects and arrays deep.
fn deeper_than(value: &Value, levels: usize) -> bool {
    let Some(inner) = levels.checked_sub(1) else {
        return matches!(value, Value::Object(_) | Value::Array(_));
    };
    match value {
        Value::Object(map) => map.values().any(|v| deeper_than(v, inner)),
        Value::Array(items) => items.iter().any(|v| deeper_than(v, inner)),
        _ => false,
    }
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
}

/// A `give_up_on` for [`read_members`] that keeps every undocumented key.
pub(crate) fn never(_: &str) -> bool {
    false
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
    match out.keys().iter().position(|k| *k == key) {
        Some(i) => out.read_field(i, seen, r),
        None if give_up_on(&key) => None,
        None => r.extra(out.extra_mut(), key),
    }
}

/// Reads the rest of an object into `out`: the member whose key `first` was already read,
/// if any, then every member to the end of the object, then checks that every required
/// field was given. The one loop over members, for every object.
///
/// Members in the documented order take one comparison of the key in place each; a key
/// out of that order is looked up among the keys. A key the object does not document
/// goes to `extra`, unless `give_up_on` says to stop (to read a callback of a kind only
/// guessed so far, which a key of another kind proves wrong).
pub(crate) fn read_members<'a>(
    out: &mut dyn Fields,
    mut seen: u64,
    first: Option<Cow<'a, str>>,
    give_up_on: fn(&str) -> bool,
    r: &mut Reader<'a>,
    members: &mut Members,
) -> Option<()> {
    if let Some(key) = first {
        accept_or_keep(out, &mut seen, key, give_up_on, r)?;
    }
    let mut more = r.member_start(members)?;
    let quoted = out.quoted_keys();
    let mut i = 0;
    while more && i < quoted.len() {
        if r.key_is(quoted.get(i)?.as_bytes())? {
            out.read_field(i, &mut seen, r)?;
            more = r.member_start(members)?;
        }
        i += 1;
    }
    while more {
        let key = r.key_here()?;
        accept_or_keep(out, &mut seen, key, give_up_on, r)?;
        more = r.member_start(members)?;
    }
    check_required(out, r, seen)
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

/// The end of an object: every required field must have been given.
pub(crate) fn check_required(out: &dyn Fields, r: &mut Reader<'_>, seen: u64) -> Option<()> {
    match out.missing_in(seen) {
        None => Some(()),
        Some(key) => r
            .invalid(format!("missing field `{key}`"))
            .or_else(|| r.at_key(key)),
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
            T::read(slot.insert(T::placeholder()), r)
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

impl Field for Id {
    const EXPECTING: &'static str = "an id (an integer or a string)";
    #[inline(never)]
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        *slot = match r.peek()? {
            b'"' => Id::Text(r.string()?.into_owned()),
            b'-' | b'0'..=b'9' => {
                let start = r.mark();
                match r.integer() {
                    Some(n) => Id::Number(n),
                    None => {
                        r.rewind(start);
                        read_odd_id(r)?
                    }
                }
            }
            _ => return r.wrong_type(Self::EXPECTING),
        };
        Some(())
    }
}

/// A number id that is not a plain `i64`: an unsigned one above `i64::MAX`, or an error
/// (past 64 bits, or not an integer).
#[cold]
#[inline(never)]
fn read_odd_id(r: &mut Reader<'_>) -> Option<Id> {
    let text = r.skip()?;
    // A malformed number (`011`, `1.`) is a syntax error.
    text.parse::<Number>().ok()?;
    if let Ok(n) = text.parse::<u64>() {
        return Some(Id::Unsigned(n));
    }
    // (`-0` is an integer to Rust, a float to serde_json.)
    if !text.contains(['.', 'e', 'E']) && text.parse::<i64>().is_err() {
        return r.invalid("an integer id past 64 bits");
    }
    r.invalid(format!(
        "invalid type: floating point, expected {}",
        <Id as Field>::EXPECTING
    ))
}

impl Field for Numeric {
    const EXPECTING: &'static str = "a number or a string";
    #[inline(never)]
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        *slot = match r.peek()? {
            b'"' => Numeric::Text(r.string()?.into_owned()),
            b'-' | b'0'..=b'9' => Numeric::Number(r.number()?),
            _ => return r.wrong_type(Self::EXPECTING),
        };
        Some(())
    }
}

impl Field for Timestamp {
    const EXPECTING: &'static str = "a timestamp string such as 2023-10-31T11:07:56Z";
    #[inline(never)]
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        let text = r.expect_string(Self::EXPECTING)?;
        match Timestamp::parse(&text) {
            Ok(t) => {
                *slot = t;
                Some(())
            }
            Err(e) => r.invalid(e.to_string()),
        }
    }
}

/// Reads a whole text as one `T`, with the error [`parse_body`](crate::parse_body)
/// would give.
pub(crate) fn read_text<T: Field + Placeholder>(text: &str) -> Result<T, crate::Error> {
    let mut r = Reader::new(text);
    let mut out = T::placeholder();
    match T::read(&mut out, &mut r).and_then(|()| r.at_end().then_some(())) {
        Some(()) => Ok(out),
        None => Err(crate::error::from_reader(text.as_bytes(), &mut r)),
    }
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
