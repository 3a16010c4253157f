//! The one safe-error layer: reads a JSON text into any `Deserialize` type (the crate's
//! own or the caller's) with errors that hold only the crate's own words, field and
//! variant names the type declares, JSON kinds, positions and the path. `parse_as` and
//! `flow_reply_as` read through it; `parse_body`'s reader builds its errors from the same
//! words (see [`read`](super::read)).
//!
//! The text is first checked to be JSON exactly as serde_json reads a `Value`
//! ([`json::check_str`](super::json::check_str)): that error is serde_json's. It is then
//! handed to the type level by level: each [`Node`] is the text of one value, and an
//! object or array is split into its members' texts by serde_json only when the type asks
//! for it. So a value the type skips is never read, and every value knows where it is in
//! the text.
//!
//! The error type, [`SafeError`], keeps:
//!
//! - for serde's own errors (a wrong type, a missing field, an unknown variant), the JSON
//!   kind of what was found (never the value), what the type expected, and its declared
//!   names; an unknown variant or field is not repeated;
//! - a message the type wrote itself (`Error::custom`) only when it is one of the crate's
//!   own fixed texts (a timestamp's or an id's error); any other is replaced by a fixed
//!   text, since it may quote the value;
//! - the path: the names the type declares (struct fields, enum variants) and indices; a
//!   key the type does not declare (a map's key, an ignored field) is `<undocumented>`,
//!   whatever it looks like;
//! - an error of one of the crate's types whole: such a type asks for the text of its
//!   value (as it does of serde_json) and reads it with the crate's reader, and gives its
//!   error back through a channel no other type can use (see [`ours`]), so that
//!   `parse_as::<StatusCallback>` says exactly what `parse_body` says.

use std::borrow::Cow;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::read::{write_path, Failure, FailureKind};

/// serde_json's name for a raw value: its `RawValue` asks for the text of a value under
/// this name; this layer hands the text over as serde_json does.
pub(crate) const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// The name of the newtype struct a type of the crate asks for its value as (see
/// [`bridge`](super::bridge)): this layer answers with the value's text, as bytes.
pub(crate) const TEXT_TOKEN: &str = "$edna_callbacks::private::Text";

/// The mark of an error a type of the crate gives through this layer: compared by
/// address, so no other type can give one.
pub(crate) static OURS: [&str; 1] = ["an error of a type of edna-callbacks"];

/// The text that stands for a message a type wrote itself.
pub(crate) const REFUSED: &str =
    "the value was refused by its type (its message is not shown: it may quote the value)";

/// The placeholder for a key the type does not declare.
pub(crate) const UNDOCUMENTED: &str = "<undocumented>";

/// An error of a type of the crate, given back through this layer (see [`OURS`]): what
/// the crate's reader recorded, its position counted in the value's own text.
pub(crate) fn ours<E: de::Error>(failure: &Failure) -> E {
    let kind = match failure.kind {
        FailureKind::NotACallback => 'N',
        _ => 'I',
    };
    let mut text = format!("{kind}\u{0}{}\u{0}", failure.pos);
    write_path(&mut text, failure.path.as_slice());
    text.push('\u{0}');
    let _ = std::fmt::Write::write_fmt(&mut text, format_args!("{}", failure.message));
    E::unknown_variant(&text, &OURS)
}

/// What becomes of a [`SafeError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A wrong value: `Error::Invalid`.
    Invalid,
    /// A value that is no callback: `Error::UnknownCallback`.
    NotACallback,
}

/// One step of the path to an error: only names and numbers the type gave.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    /// A field or variant the type declares.
    Declared(&'static str),
    /// An array index.
    Index(usize),
    /// A key the type does not declare (a map's key, an unknown field).
    Undeclared,
    /// The path a type of the crate wrote inside its value (`statusAt`,
    /// `messageContent.items[0]`; `.` for the value itself).
    Inner(String),
}

/// The error of reading a text through this layer. Holds only the crate's own words,
/// JSON kinds, the type's `expected` texts and declared names, numbers, and the paths the
/// crate's reader wrote.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SafeError {
    /// The path, innermost step first.
    path: Vec<Segment>,
    message: String,
    kind: Kind,
    /// The byte of the text where the error was found, once a value claimed it.
    pos: Option<usize>,
    /// Whether `pos` still counts from the start of the value a type of the crate read.
    relative: bool,
}

impl SafeError {
    fn new(message: String) -> Self {
        SafeError {
            path: Vec::new(),
            message,
            kind: Kind::Invalid,
            pos: None,
            relative: false,
        }
    }

    /// The error seen from one level up: `segment` is where it happened.
    fn at(mut self, segment: Segment) -> Self {
        self.path.push(segment);
        self
    }

    /// The error of a value whose text starts at byte `start` and ends before `end`: a
    /// position counted inside the value is moved to the whole text; an error without one
    /// is placed at the end of the value, where serde_json would have stopped.
    fn within(mut self, start: usize, end: usize) -> Self {
        if self.relative {
            self.pos = self.pos.map(|pos| start + pos);
            self.relative = false;
        } else if self.pos.is_none() {
            self.pos = Some(end);
        }
        self
    }

    /// What becomes of it.
    pub(crate) fn kind(&self) -> Kind {
        self.kind
    }

    /// What was wrong, without the path.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    /// The byte of the text where it was found (before which the reader stopped).
    pub(crate) fn pos(&self) -> Option<usize> {
        self.pos
    }

    /// The path inside the text: `topic`, `answers[2].rating`, `[0].statusAt`, `.` for the
    /// text itself.
    pub(crate) fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.path.iter().rev() {
            match segment {
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
                Segment::Declared(name) => push_name(&mut out, name),
                Segment::Undeclared => push_name(&mut out, UNDOCUMENTED),
                Segment::Inner(path) if path == "." => {}
                Segment::Inner(path) => {
                    if !out.is_empty() && !path.starts_with('[') {
                        out.push('.');
                    }
                    out.push_str(path);
                }
            }
        }
        if out.is_empty() {
            out.push('.');
        }
        out
    }

    /// An error a type of the crate gave (see [`ours`]), or `None` when `text` is not one.
    fn decode(text: &str) -> Option<Self> {
        let mut parts = text.splitn(4, '\u{0}');
        let kind = match parts.next()? {
            "N" => Kind::NotACallback,
            _ => Kind::Invalid,
        };
        let pos = parts.next()?.parse().ok()?;
        let path = parts.next()?.to_owned();
        let message = parts.next()?.to_owned();
        Some(SafeError {
            path: vec![Segment::Inner(path)],
            message,
            kind,
            pos: Some(pos),
            relative: true,
        })
    }
}

/// Appends `.name`, or `["name"]` when the name holds anything but letters, digits, `_`,
/// `-` and `@` (so that a declared name such as `a.b` reads as one key).
fn push_name(out: &mut String, name: &str) {
    let plain = name == UNDOCUMENTED
        || (!name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'@')));
    if plain {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(name);
    } else {
        out.push('[');
        out.push_str(&serde_json::Value::from(name).to_string());
        out.push(']');
    }
}

impl fmt::Display for SafeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at `{}`: {}", self.path(), self.message)
    }
}

impl std::error::Error for SafeError {}

/// The JSON kind of an unexpected value, without the value.
fn kind(unexpected: &Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Bool(_) => "boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "integer",
        Unexpected::Float(_) => "floating point",
        Unexpected::Char(_) => "character",
        Unexpected::Str(_) => "string",
        Unexpected::Bytes(_) => "byte array",
        Unexpected::Unit => "null",
        Unexpected::Option => "optional value",
        Unexpected::NewtypeStruct => "newtype struct",
        Unexpected::Seq => "sequence",
        Unexpected::Map => "map",
        Unexpected::Enum => "enum",
        Unexpected::UnitVariant => "unit variant",
        Unexpected::NewtypeVariant => "newtype variant",
        Unexpected::TupleVariant => "tuple variant",
        Unexpected::StructVariant => "struct variant",
        // The crate's own types name a JSON kind here; any other text comes from a visitor
        // and may describe the value: not repeated.
        Unexpected::Other(other) => KINDS
            .iter()
            .copied()
            .find(|k| k == other)
            .unwrap_or("value of another kind"),
    }
}

/// The kinds the crate's own types name in `Unexpected::Other`.
const KINDS: [&str; 5] = ["integer", "floating point", "bytes", "boolean", "string"];

/// serde's "one of" list of the names the type declares.
fn one_of(names: &'static [&'static str], none: &str) -> String {
    match names {
        [] => none.to_owned(),
        [only] => format!("expected `{only}`"),
        [first, second] => format!("expected `{first}` or `{second}`"),
        _ => {
            let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("expected one of {}", list.join(", "))
        }
    }
}

/// The hints `error.rs` adds to the syntax error of the commonest wrong bodies: fixed
/// texts, which this layer lets through (a UTF-16 byte-order mark, gzip, an empty body, a
/// form-encoded body).
pub(crate) const HINTS: [&str; 4] = [
    "the body starts with a UTF-16 byte-order mark: JSON on the web is UTF-8, decode it first",
    "the body looks gzip-compressed (it starts with the bytes 1f 8b): decompress it first",
    "the body is empty",
    "the body looks form-encoded (key=value&...), not JSON",
];

/// serde_json's syntax messages: fixed texts, which never quote a value.
const SYNTAX: [&str; 22] = [
    "EOF while parsing a list",
    "EOF while parsing an object",
    "EOF while parsing a string",
    "EOF while parsing a value",
    "expected `:`",
    "expected `,` or `]`",
    "expected `,` or `}`",
    "expected ident",
    "expected value",
    "expected `\"`",
    "invalid escape",
    "invalid number",
    "number out of range",
    "invalid unicode code point",
    "control character (\\u0000-\\u001F) found while parsing a string",
    "key must be a string",
    "invalid value: expected key to be a number in quotes",
    "float key must be finite (got NaN or +/-inf)",
    "lone leading surrogate in hex escape",
    "trailing comma",
    "trailing characters",
    "unexpected end of hex escape",
];

/// Whether `text` is all ASCII digits (and not empty).
fn digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a message a type wrote itself is one of the crate's own fixed texts, which
/// never quote a value: a timestamp's error, an id's, and the `serde_with` adapter
/// `FlowText`'s error for a text that is not JSON (serde_json's message, a hint of the
/// crate's, a line and a column).
fn allowed(message: &str) -> bool {
    if super::id::MESSAGES.contains(&message) || message == super::numeric::NOT_FINITE {
        return true;
    }
    let timestamp = message
        .strip_prefix("invalid timestamp: ")
        .and_then(|rest| rest.rsplit_once(" at byte "))
        .is_some_and(|(expected, at)| super::timestamp::EXPECTED.contains(&expected) && digits(at));
    let flow_not_json = message
        .strip_prefix("the FLOW text is not JSON: ")
        .and_then(|rest| rest.strip_suffix(" of the text)"))
        .and_then(|rest| rest.rsplit_once(" (line "))
        .and_then(|(why, at)| Some((why, at.split_once(", column ")?)))
        .is_some_and(|(why, (line, column))| {
            let (why, hint) = why
                .split_once("; ")
                .map_or((why, None), |(w, h)| (w, Some(h)));
            (SYNTAX.contains(&why) || why == "recursion limit exceeded")
                && hint.is_none_or(|hint| HINTS.contains(&hint))
                && digits(line)
                && digits(column)
        });
    timestamp || flow_not_json
}

/// A message a type wrote itself, as this layer keeps it: whole when [`allowed`]; the
/// `serde_with` adapter `FlowText`'s error for a value inside its text without the path
/// to that value (which, written into a message, cannot be told from a key of the body);
/// [`REFUSED`] otherwise.
fn kept(message: String) -> String {
    if allowed(&message) {
        return message;
    }
    let inner = message
        .strip_prefix("at `")
        .and_then(|rest| rest.split_once("` in the FLOW text: "))
        .map(|(_, inner)| inner)
        .filter(|inner| allowed(inner));
    match inner {
        Some(inner) => format!("in the FLOW text: {inner}"),
        None => REFUSED.to_owned(),
    }
}

impl de::Error for SafeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        SafeError::new(kept(message.to_string()))
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        SafeError::new(format!(
            "invalid type: {}, expected {expected}",
            kind(&unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        SafeError::new(format!(
            "invalid value: {}, expected {expected}",
            kind(&unexpected)
        ))
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        SafeError::new(format!("invalid length {len}, expected {expected}"))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        if std::ptr::eq(expected.as_ptr(), OURS.as_ptr()) {
            if let Some(ours) = SafeError::decode(variant) {
                return ours;
            }
        }
        SafeError::new(format!(
            "unknown variant, {}",
            one_of(expected, "there are no variants")
        ))
    }

    fn unknown_field(_field: &str, expected: &'static [&'static str]) -> Self {
        SafeError::new(format!(
            "unknown field, {}",
            one_of(expected, "there are no fields")
        ))
    }

    fn missing_field(field: &'static str) -> Self {
        SafeError::new(format!("missing field `{field}`")).at(Segment::Declared(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        SafeError::new(format!("duplicate field `{field}`")).at(Segment::Declared(field))
    }
}

/// An error of this layer itself (the text was checked to be JSON, so serde_json does not
/// refuse a part of it).
fn internal(what: &str) -> SafeError {
    SafeError::new(format!("internal error: {what}"))
}

/// Whether `b` is JSON white space.
fn white(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// The text of one JSON value, and where it is in the whole text. The text must be JSON as
/// serde_json reads a `Value` (see [`check_str`](super::json::check_str)).
#[derive(Clone, Copy)]
pub(crate) struct Node<'a> {
    /// The value's text, without white space around it.
    text: &'a str,
    /// Where it starts in the whole text.
    start: usize,
    /// The address of the whole text, to place the values inside it.
    origin: usize,
}

/// An object key, as serde_json's `Value` reads one: a string, borrowed when it can be.
pub(crate) struct Key<'a>(pub(crate) Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The members of an object, in order, a key given twice kept twice.
struct Members<'a>(Vec<(Key<'a>, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MembersVisitor;
        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    out.push((key, map.next_value::<&'de RawValue>()?));
                }
                Ok(Members(out))
            }
        }
        deserializer.deserialize_map(MembersVisitor)
    }
}

impl<'a> Node<'a> {
    /// The whole text (checked to be JSON).
    pub(crate) fn root(text: &'a str) -> Self {
        let trimmed = text.trim_start_matches(white);
        Node {
            start: text.len() - trimmed.len(),
            text: trimmed.trim_end_matches(white),
            origin: text.as_ptr() as usize,
        }
    }

    /// A value inside this one, as serde_json split it out.
    fn child(&self, raw: &'a RawValue) -> Node<'a> {
        let text = raw.get();
        Node {
            text,
            start: (text.as_ptr() as usize).saturating_sub(self.origin),
            origin: self.origin,
        }
    }

    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    fn first(&self) -> Option<u8> {
        self.text.as_bytes().first().copied()
    }

    /// Places an error found in this value.
    fn place(&self, e: SafeError) -> SafeError {
        e.within(self.start, self.end())
    }

    fn members(&self) -> Result<Vec<(Cow<'a, str>, Node<'a>)>, SafeError> {
        let Members(members) =
            serde_json::from_str(self.text).map_err(|_| internal("an object did not split"))?;
        Ok(members
            .into_iter()
            .map(|(key, raw)| (key.0, self.child(raw)))
            .collect())
    }

    fn elements(&self) -> Result<Vec<Node<'a>>, SafeError> {
        let elements: Vec<&'a RawValue> =
            serde_json::from_str(self.text).map_err(|_| internal("an array did not split"))?;
        Ok(elements.into_iter().map(|raw| self.child(raw)).collect())
    }

    fn string(&self) -> Result<Cow<'a, str>, SafeError> {
        let key: Key<'a> =
            serde_json::from_str(self.text).map_err(|_| internal("a string did not read"))?;
        Ok(key.0)
    }

    /// What the value is, for an error raised here.
    fn unexpected(&self) -> Unexpected<'static> {
        match self.first() {
            Some(b'{') => Unexpected::Map,
            Some(b'[') => Unexpected::Seq,
            Some(b'"') => Unexpected::Str(""),
            Some(b't' | b'f') => Unexpected::Bool(false),
            Some(b'n') | None => Unexpected::Unit,
            Some(_) if self.text.contains(['.', 'e', 'E']) => Unexpected::Float(0.0),
            Some(_) => Unexpected::Unsigned(0),
        }
    }

    /// Hands the value to `visitor` as serde_json's `deserialize_any` would; `fields` are
    /// the type's declared field names when an object is read as a struct.
    fn visit<V: Visitor<'a>>(
        self,
        fields: Option<&'static [&'static str]>,
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        match self.first() {
            Some(b'{') => {
                let members = self.members()?;
                let len = members.len();
                let mut map = Map {
                    members: members.into_iter(),
                    value: None,
                    segment: Segment::Undeclared,
                    fields,
                };
                let value = visitor.visit_map(&mut map)?;
                if map.members.len() == 0 {
                    Ok(value)
                } else {
                    Err(de::Error::invalid_length(len, &"fewer elements in map"))
                }
            }
            Some(b'[') => {
                let elements = self.elements()?;
                let len = elements.len();
                let mut seq = Seq {
                    items: elements.into_iter(),
                    index: 0,
                };
                let value = visitor.visit_seq(&mut seq)?;
                if seq.items.len() == 0 {
                    Ok(value)
                } else {
                    Err(de::Error::invalid_length(len, &"fewer elements in array"))
                }
            }
            Some(b'"') => match self.string()? {
                Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
                Cow::Owned(s) => visitor.visit_string(s),
            },
            Some(b't') => visitor.visit_bool(true),
            Some(b'f') => visitor.visit_bool(false),
            Some(b'n') => visitor.visit_unit(),
            Some(_) => self.number(visitor),
            None => Err(internal("an empty value")),
        }
    }

    /// A number, as serde_json hands it to `deserialize_any`: an integer that fits as
    /// `u64` (not negative) or `i64` (negative), anything else (`-0`, a fraction, an
    /// exponent, an integer beyond 64 bits) as the nearest `f64`.
    fn number<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        let text = self.text;
        let integral = !text.contains(['.', 'e', 'E']);
        if integral {
            if let Some(digits) = text.strip_prefix('-') {
                if digits != "0" {
                    if let Ok(n) = text.parse::<i64>() {
                        return visitor.visit_i64(n);
                    }
                }
            } else if let Ok(n) = text.parse::<u64>() {
                return visitor.visit_u64(n);
            }
        }
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() => visitor.visit_f64(n),
            _ => Err(internal("a number did not read")),
        }
    }
}

impl<'a> Deserializer<'a> for Node<'a> {
    type Error = SafeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        self.visit(None, visitor).map_err(|e| self.place(e))
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self.first() {
            Some(b'n') => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|e| self.place(e))
    }

    /// A type of the crate gets the text itself, as bytes (its errors come back whole:
    /// see [`ours`]); serde_json's `RawValue` gets it as serde_json hands it over; any other
    /// newtype the value.
    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        if name == TEXT_TOKEN {
            visitor.visit_borrowed_bytes(self.text.as_bytes())
        } else if name == RAW_VALUE_TOKEN {
            visitor.visit_map(RawMap {
                text: Some(self.text),
            })
        } else {
            visitor.visit_newtype_struct(self)
        }
        .map_err(|e| self.place(e))
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        self.visit(Some(fields), visitor).map_err(|e| self.place(e))
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        let read = match self.first() {
            Some(b'"') => self.string().and_then(|variant| {
                visitor.visit_enum(Enum {
                    variant,
                    value: None,
                    variants,
                })
            }),
            Some(b'{') => self.members().and_then(|members| {
                let mut members = members.into_iter();
                match (members.next(), members.next()) {
                    (Some((variant, value)), None) => visitor.visit_enum(Enum {
                        variant,
                        value: Some(value),
                        variants,
                    }),
                    _ => Err(de::Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    )),
                }
            }),
            _ => Err(de::Error::invalid_type(self.unexpected(), &"string or map")),
        };
        read.map_err(|e| self.place(e))
    }

    fn deserialize_bytes<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self.first() {
            Some(b'"') => self
                .string()
                .and_then(|s| visitor.visit_byte_buf(s.into_owned().into_bytes())),
            _ => self.visit(None, visitor),
        }
        .map_err(|e| self.place(e))
    }

    fn deserialize_byte_buf<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_unit()
    }

    /// A map only from an object, as serde_json reads text.
    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self.first() {
            Some(b'{') => self.visit(None, visitor),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
        .map_err(|e| self.place(e))
    }

    /// A sequence only from an array, as serde_json reads text.
    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self.first() {
            Some(b'[') => self.visit(None, visitor),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
        .map_err(|e| self.place(e))
    }

    /// A unit only from `null`, as serde_json reads text.
    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self.first() {
            Some(b'n') => visitor.visit_unit(),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
        .map_err(|e| self.place(e))
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        unit_struct tuple tuple_struct identifier
    }
}

/// The elements of an array, each read with its index on the path.
struct Seq<'a> {
    items: std::vec::IntoIter<Node<'a>>,
    index: usize,
}

impl<'a> SeqAccess<'a> for Seq<'a> {
    type Error = SafeError;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, SafeError> {
        let Some(node) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(node)
            .map(Some)
            .map_err(|e| node.place(e).at(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The members of an object. A value's errors are placed under its key when the type
/// declares that key (then the name comes from the type, not from the text), under
/// `<undocumented>` otherwise.
struct Map<'a> {
    members: std::vec::IntoIter<(Cow<'a, str>, Node<'a>)>,
    value: Option<Node<'a>>,
    segment: Segment,
    fields: Option<&'static [&'static str]>,
}

fn declared(names: Option<&'static [&'static str]>, key: &str) -> Segment {
    names
        .and_then(|names| names.iter().find(|name| **name == key))
        .map_or(Segment::Undeclared, |name| Segment::Declared(name))
}

impl<'a> MapAccess<'a> for Map<'a> {
    type Error = SafeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, SafeError> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.segment = declared(self.fields, &key);
        self.value = Some(value);
        seed.deserialize(KeyDeserializer(key))
            .map(Some)
            .map_err(|e| value.place(e).at(self.segment.clone()))
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, SafeError> {
        match self.value.take() {
            Some(value) => seed
                .deserialize(value)
                .map_err(|e| value.place(e).at(self.segment.clone())),
            None => Err(internal("a value was asked for before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// The text of a value, for a raw value: serde_json's `RawValue` reads it as a string.
struct RawMap<'a> {
    text: Option<&'a str>,
}

impl<'a> MapAccess<'a> for RawMap<'a> {
    type Error = SafeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, SafeError> {
        if self.text.is_none() {
            return Ok(None);
        }
        seed.deserialize(KeyDeserializer(Cow::Borrowed(RAW_VALUE_TOKEN)))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, SafeError> {
        match self.text.take() {
            Some(text) => seed.deserialize(RawText(text)),
            None => Err(internal("a raw value was asked for twice")),
        }
    }
}

/// The text of a raw value.
struct RawText<'a>(&'a str);

impl<'a> Deserializer<'a> for RawText<'a> {
    type Error = SafeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_borrowed_str(self.0)
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// An object key, read as a string, or as a number or boolean when the caller's map is
/// keyed by one (as serde_json does).
struct KeyDeserializer<'a>(Cow<'a, str>);

macro_rules! parsed_key {
    ($($method:ident => $visit:ident: $t:ty,)*) => {$(
        fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
            match self.0.parse::<$t>() {
                Ok(v) => visitor.$visit(v),
                Err(_) => Err(de::Error::invalid_type(Unexpected::Str(""), &visitor)),
            }
        }
    )*};
}

impl<'a> Deserializer<'a> for KeyDeserializer<'a> {
    type Error = SafeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self.0 {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    parsed_key! {
        deserialize_bool => visit_bool: bool,
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_i128 => visit_i128: i128,
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
        deserialize_u128 => visit_u128: u128,
        deserialize_f32 => visit_f32: f32,
        deserialize_f64 => visit_f64: f64,
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        visitor.visit_enum(Enum {
            variant: self.0,
            value: None,
            variants,
        })
    }

    fn deserialize_bytes<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_byte_buf(self.0.into_owned().into_bytes())
    }

    fn deserialize_byte_buf<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        char str string unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

/// An enum: a string (a unit variant) or an object of one member (the variant and its
/// content). Errors in the content are placed under the variant's name when the type
/// declares it.
struct Enum<'a> {
    variant: Cow<'a, str>,
    value: Option<Node<'a>>,
    variants: &'static [&'static str],
}

impl<'a> EnumAccess<'a> for Enum<'a> {
    type Error = SafeError;
    type Variant = Variant<'a>;

    fn variant_seed<V: DeserializeSeed<'a>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Variant<'a>), SafeError> {
        let segment = declared(Some(self.variants), &self.variant);
        let variant = seed.deserialize(KeyDeserializer(self.variant))?;
        Ok((
            variant,
            Variant {
                value: self.value,
                segment,
            },
        ))
    }
}

/// The content of an enum variant.
struct Variant<'a> {
    value: Option<Node<'a>>,
    segment: Segment,
}

impl<'a> Variant<'a> {
    /// A tuple or struct variant: its content must open with one of `opens`.
    fn compound<V: Visitor<'a>>(
        self,
        opens: &[u8],
        fields: Option<&'static [&'static str]>,
        expected: &'static str,
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        match self.value {
            Some(value) if value.first().is_some_and(|b| opens.contains(&b)) => value
                .visit(fields, visitor)
                .map_err(|e| value.place(e).at(self.segment)),
            Some(other) => Err(<SafeError as de::Error>::invalid_type(
                other.unexpected(),
                &expected,
            )
            .at(self.segment)),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &expected)),
        }
    }
}

impl<'a> VariantAccess<'a> for Variant<'a> {
    type Error = SafeError;

    fn unit_variant(self) -> Result<(), SafeError> {
        match self.value {
            None => Ok(()),
            Some(node) if node.first() == Some(b'n') => Ok(()),
            Some(other) => Err(<SafeError as de::Error>::invalid_type(
                other.unexpected(),
                &"unit variant",
            )
            .at(self.segment)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value, SafeError> {
        match self.value {
            Some(value) => seed
                .deserialize(value)
                .map_err(|e| value.place(e).at(self.segment)),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, SafeError> {
        self.compound(b"[", None, "tuple variant", visitor)
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        self.compound(b"{[", Some(fields), "struct variant", visitor)
    }
}

/// Reads `text` (checked to be JSON) into `T` through this layer.
pub(crate) fn read<T: de::DeserializeOwned>(text: &str) -> Result<T, SafeError> {
    let root = Node::root(text);
    T::deserialize(root).map_err(|e| root.place(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_as<T: de::DeserializeOwned>(text: &str) -> Result<T, SafeError> {
        assert!(crate::wire::json::check_str(text).is_ok(), "{text}");
        read(text)
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text =
            r#"{"b":[1,-2,3.5,"x",null,true,-0,18446744073709551615,1e2],"a":{"c":{}},"b":"last"}"#;
        let ours: serde_json::Value = read_as(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
        let map: std::collections::BTreeMap<u32, bool> =
            read_as(r#"{"7":true,"10":false}"#).unwrap();
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [(7, true), (10, false)]
        );
        let tuple: (u8, Option<String>, f32) = read_as(r#"[1,null,2.5]"#).unwrap();
        assert_eq!(tuple, (1, None, 2.5));
        let raw: Box<RawValue> = read_as(r#" {"a" : [1, 2]} "#).unwrap();
        assert_eq!(raw.get(), r#"{"a" : [1, 2]}"#);
    }

    #[test]
    fn paths_name_declared_fields_and_indices_only() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            n: u8,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            list: Vec<Inner>,
            by_name: std::collections::HashMap<String, Inner>,
        }
        let text = r#"{"by_name":{},"list":[{"n":1},{"n":"MARKER"}]}"#;
        let e = read_as::<Outer>(text).unwrap_err();
        assert_eq!(e.path(), "list[1].n");
        assert_eq!(e.message(), "invalid type: string, expected u8");
        // At the end of the value, where serde_json stops.
        assert_eq!(e.pos(), Some(text.find("MARKER").unwrap() + 7));
        let e = read_as::<Outer>(r#"{"list":[],"by_name":{"IvanPetrov":{"n":-1}}}"#).unwrap_err();
        assert_eq!(e.path(), "by_name.<undocumented>.n");
        assert_eq!(e.message(), "invalid value: integer, expected u8");
        let e = read_as::<Outer>(r#"{"list":[]}"#).unwrap_err();
        assert_eq!(e.path(), "by_name");
        assert_eq!(e.message(), "missing field `by_name`");
        let e = read_as::<Outer>(r#"{"list":[],"list":[],"by_name":{}}"#).unwrap_err();
        assert_eq!(
            (e.path().as_str(), e.message()),
            ("list", "duplicate field `list`")
        );
    }

    #[test]
    fn a_map_key_that_looks_like_a_name_is_still_a_placeholder() {
        let e =
            read_as::<std::collections::HashMap<String, u32>>(r#"{"IvanPetrov":"x"}"#).unwrap_err();
        assert_eq!(e.path(), "<undocumented>");
        assert!(!e.to_string().contains("Ivan"), "{e}");
    }

    #[test]
    fn only_the_crates_own_texts_pass_as_custom_messages() {
        use de::Error as _;
        assert_eq!(SafeError::custom("Ivan 79001112233").message(), REFUSED);
        assert_eq!(
            SafeError::custom("invalid timestamp: 79001112233 at byte 0").message(),
            REFUSED
        );
        let timestamp = crate::wire::timestamp::Timestamp::parse("31.10.2023")
            .unwrap_err()
            .to_string();
        assert_eq!(SafeError::custom(&timestamp).message(), timestamp);
        let past = crate::wire::id::PAST_64_BITS;
        assert_eq!(SafeError::custom(past).message(), past);
        // The mark of the crate's own errors is its address, not its words.
        let forged: &'static [&'static str] = &["an error of a type of edna-callbacks"];
        let e = SafeError::unknown_variant("I\u{0}0\u{0}x\u{0}Ivan", forged);
        assert!(!e.to_string().contains("Ivan"), "{e}");
        // The `FlowText` adapter's texts: serde_json's messages, the crate's hints, numbers.
        for text in [
            "the FLOW text is not JSON: key must be a string (line 1, column 2 of the text)",
            "the FLOW text is not JSON: EOF while parsing a value; the body is empty (line 1, \
             column 0 of the text)",
        ] {
            assert_eq!(SafeError::custom(text).message(), text);
        }
        assert_eq!(
            SafeError::custom(format!("at `n` in the FLOW text: {past}")).message(),
            format!("in the FLOW text: {past}")
        );
        for forged in [
            "the FLOW text is not JSON: Ivan (line 1, column 2 of the text)",
            "the FLOW text is not JSON: key must be a string (line Ivan, column 2 of the text)",
            "the FLOW text is not JSON: expected value; Ivan (line 1, column 2 of the text)",
            "at `Ivan` in the FLOW text: Ivan",
        ] {
            assert_eq!(SafeError::custom(forged).message(), REFUSED, "{forged}");
        }
    }

    #[test]
    fn one_of_follows_serde() {
        assert_eq!(one_of(&[], "there are no fields"), "there are no fields");
        assert_eq!(one_of(&["a"], ""), "expected `a`");
        assert_eq!(one_of(&["a", "b"], ""), "expected `a` or `b`");
        assert_eq!(
            one_of(&["a", "b", "c"], ""),
            "expected one of `a`, `b`, `c`"
        );
    }

    #[test]
    fn odd_declared_names_are_quoted() {
        let mut out = String::new();
        push_name(&mut out, "a");
        push_name(&mut out, "b.c");
        push_name(&mut out, UNDOCUMENTED);
        assert_eq!(out, r#"a["b.c"].<undocumented>"#);
    }
}
