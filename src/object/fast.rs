//! The fast path of [`parse_body`](crate::parse_body): a reader of the JSON text written
//! for the crate's own objects, which builds the same values as the serde path without
//! the cost of serde's generic machinery (a visitor call, a `Result` and a key copy per
//! member).
//!
//! It is strict and it never reports an error: anything it does not read exactly as the
//! serde path would (a syntax error, an escaped key, a duplicate key, a wrong type, a
//! number it does not parse itself, nesting near the limit) makes it give up (`None`),
//! and the body is read again by the serde path, which gives the value or the error with
//! its path. Values it does not read itself (unknown fields, numbers other than plain
//! integers, strings with escapes, `paymentData`) are handed to serde_json as the slice of
//! text they span, so their meaning is serde_json's by construction.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use super::{Placeholder, WireObject};
use crate::scalar::{Id, Numeric};
use crate::timestamp::Timestamp;

/// How deep the fast path goes; deeper bodies are left to the serde path (whose limit is
/// serde_json's recursion limit of 128, well above this).
const MAX_DEPTH: usize = 64;

/// A position in the body being read.
pub(crate) struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

/// Where one object's members are: before the first, or after one.
pub(crate) struct Members {
    first: bool,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        }
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
    pub(crate) fn mark(&self) -> (usize, usize) {
        (self.pos, self.depth)
    }

    /// Goes back to a [`mark`](Self::mark).
    pub(crate) fn rewind(&mut self, (pos, depth): (usize, usize)) {
        self.pos = pos;
        self.depth = depth;
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
        (self.depth <= MAX_DEPTH).then_some(())
    }

    /// Consumes `{` and starts reading members.
    #[inline]
    pub(crate) fn open_object(&mut self) -> Option<Members> {
        self.eat(b'{')?;
        self.enter()?;
        Some(Members { first: true })
    }

    /// The next member's key, its `:` consumed; `Some(None)` once the object is closed.
    #[inline]
    pub(crate) fn next_key(&mut self, members: &mut Members) -> Option<Option<&'a str>> {
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
    /// consumed.
    #[inline]
    pub(crate) fn key_here(&mut self) -> Option<&'a str> {
        let key = self.key()?;
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

    /// Consumes `[` and starts reading elements.
    pub(crate) fn open_array(&mut self) -> Option<Members> {
        self.eat(b'[')?;
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

    /// A key: a string without escapes (an escaped key is left to the serde path).
    #[inline]
    fn key(&mut self) -> Option<&'a str> {
        if self.peek()? != b'"' {
            return None;
        }
        let (start, end, escaped) = self.string_span()?;
        if escaped {
            return None;
        }
        self.text.get(start..end)
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

    /// A string value: borrowed when it has no escapes, decoded by serde_json otherwise.
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
    /// exponent, `-0`, a value beyond `i64`) is left to the serde path.
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
                let start = self.pos;
                let outer = self.depth;
                loop {
                    match *self.bytes.get(self.pos)? {
                        b'"' => {
                            self.string_span()?;
                            continue;
                        }
                        b'{' | b'[' => self.enter()?,
                        b'}' | b']' => {
                            self.depth -= 1;
                            if self.depth == outer {
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

    /// Reads one value with serde_json, from the text it spans.
    pub(crate) fn delegate<T: DeserializeOwned>(&mut self) -> Option<T> {
        let text = self.skip()?;
        serde_json::from_str(text).ok()
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
                        self.delegate()
                    }
                }
            }
            b'{' | b'[' => self.container(),
            _ => None,
        }
    }

    /// An object or array read by serde_json in one pass from here, as long as it does
    /// not nest deeper than the fast path goes (serde_json counts its recursion limit from
    /// where it starts, the serde path from the body's root).
    fn container(&mut self) -> Option<Value> {
        let rest = self.text.get(self.pos..)?;
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        let value = values.next()?.ok()?;
        let len = values.byte_offset();
        let budget = MAX_DEPTH.checked_sub(self.depth)?;
        // Nesting deeper than `budget` takes more than two bytes a level.
        if len > 2 * budget && deeper_than(&value, budget) {
            return None;
        }
        self.pos += len;
        Some(value)
    }

    /// Keeps an unknown member in `extra`; a key given twice gives up.
    pub(crate) fn extra(&mut self, extra: &mut Map<String, Value>, key: &str) -> Option<()> {
        let value = self.value()?;
        match extra.entry(key) {
            serde_json::map::Entry::Vacant(slot) => {
                slot.insert(value);
                Some(())
            }
            serde_json::map::Entry::Occupied(_) => None,
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

/// A field type the fast path reads.
pub(crate) trait FastField: Sized {
    /// Reads the next value into `slot` (which holds a placeholder); `None` gives up.
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()>;
}

/// A `give_up_on` for [`WireObject::read_members_fast`] that keeps every undocumented key.
pub(crate) fn never(_: &str) -> bool {
    false
}

/// Reads the value of `key` into its field of `out`, or keeps it in `extra` when `out`
/// does not document `key` (unless `give_up_on(key)`, which gives up).
#[inline(always)]
pub(crate) fn accept_or_keep<T: WireObject>(
    out: &mut T,
    seen: &mut u64,
    key: &str,
    give_up_on: fn(&str) -> bool,
    r: &mut Reader<'_>,
) -> Option<()> {
    if !out.accept_fast(seen, key, r)? {
        if give_up_on(key) {
            return None;
        }
        r.extra(out.extra_mut(), key)?;
    }
    Some(())
}

/// Reads one object into `out` (a placeholder).
#[inline]
pub(crate) fn read_object<T: WireObject>(out: &mut T, r: &mut Reader<'_>) -> Option<()> {
    let mut members = r.open_object()?;
    out.read_members_fast(0, None, never, r, &mut members)
}

/// Marks `bit` in `seen`, giving up if it was already there (a key given twice).
#[inline(always)]
pub(crate) fn first_time(seen: &mut u64, bit: u64) -> Option<()> {
    if *seen & bit != 0 {
        return None;
    }
    *seen |= bit;
    Some(())
}

impl<T: FastField + Placeholder> FastField for Option<T> {
    #[inline]
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        if r.null()? {
            *slot = None;
            Some(())
        } else {
            T::read_fast(slot.insert(T::placeholder()), r)
        }
    }
}

impl<T: FastField + Placeholder> FastField for Vec<T> {
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        let mut elements = r.open_array()?;
        slot.clear();
        while r.next_element(&mut elements)? {
            slot.push(T::placeholder());
            T::read_fast(slot.last_mut()?, r)?;
        }
        Some(())
    }
}

impl<T: FastField> FastField for Box<T> {
    #[inline]
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        T::read_fast(slot, r)
    }
}

impl FastField for String {
    #[inline]
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        *slot = r.string()?.into_owned();
        Some(())
    }
}

impl FastField for bool {
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        match r.peek()? {
            b't' => {
                r.literal(b"true")?;
                *slot = true;
            }
            b'f' => {
                r.literal(b"false")?;
                *slot = false;
            }
            _ => return None,
        }
        Some(())
    }
}

impl FastField for Value {
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        *slot = r.value()?;
        Some(())
    }
}

impl FastField for Id {
    #[inline]
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        *slot = match r.peek()? {
            b'"' => Id::Text(r.string()?.into_owned()),
            _ => Id::Number(r.integer()?),
        };
        Some(())
    }
}

impl FastField for Numeric {
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        *slot = match r.peek()? {
            b'"' => Numeric::Text(r.string()?.into_owned()),
            _ => r.delegate()?,
        };
        Some(())
    }
}

impl FastField for Timestamp {
    #[inline]
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        *slot = Timestamp::parse(&r.string()?).ok()?;
        Some(())
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
