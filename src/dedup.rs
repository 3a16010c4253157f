//! Retries: what a handler needs to recognise the same callback when edna sends it again.
//!
//! edna retries any callback not answered with 200 (up to 3 more times after 4, 128 and
//! 2048 seconds on the current pages; 10 times, doubling from 4 seconds, on an older one),
//! so the same callback can arrive more than once. [`Callback::dedup_key`] names a
//! delivery so a handler can drop repeats; each kind says in its own file which fields
//! make its key.
//!
//! [`Callback::dedup_key`]: crate::Callback::dedup_key

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::wire::{Id, IdKey, Timestamp};

/// What identifies one delivery of a callback, so that a retry of it can be recognised.
///
/// Built by [`Callback::dedup_key`](crate::Callback::dedup_key): the kind's name and the
/// parts a retry repeats (each kind documents its parts on its type). Two deliveries with
/// equal keys are the same callback. Ids are compared as [`IdKey`]s, so a retry that sends
/// an id as a string (`"101"`) has the same key as one that sent it as a number (`101`);
/// times are compared as instants.
///
/// # Its text
///
/// `Display` gives a compact, unambiguous string form for a key-value store, in which each
/// part is a JSON value after the kind's name: `incoming:234:101`,
/// `status:"test-00135":"001-test001":"READ"`. An id that is the decimal spelling of a number is written
/// as the number whichever type it came as (`"101"` gives `101`); every other id and text
/// is a quoted JSON string; a time is written in UTC; a digest as 32 hex digits in quotes.
///
/// Two keys are equal exactly when their texts are, and [`FromStr`] reads the text back as
/// the equal key, so a key can be stored as text and compared with a fresh one.
///
/// The text holds ids, values edna controls (statuses, types, channels), instants and
/// digests: where a kind's key needs a value that can hold free text (a template's name, a
/// link, an unknown payload), it holds its [digest](Part::text_digest) instead, so that no
/// message text, name or phone number of a body ends up in a key (or a log that prints
/// one). The text is short but not of a fixed width: for a fixed-width key (a primary key
/// column) use [`digest`](Self::digest).
///
/// ```
/// use edna_callbacks::{parse_body, DedupKey};
///
/// let body = include_bytes!("../fixtures/pulse-status-read.en.json");
/// let key: DedupKey = parse_body(body)?[0].dedup_key();
/// assert_eq!(key.kind(), "status");
/// assert_eq!(key.to_string(), r#"status:"test-00135":"001-test001":"READ""#);
/// assert_eq!(key.to_string().parse::<DedupKey>(), Ok(key.clone()));
/// assert_eq!(key.digest().to_string(), "6e1ba94c0a01f8dedecf329cf6169022");
/// # Ok::<(), edna_callbacks::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DedupKey {
    kind: &'static str,
    parts: Vec<Part>,
}

/// One part of a [`DedupKey`].
///
/// Parts compare as their text does (see [`DedupKey`]'s "Its text"): an [`Id`](Part::Id)
/// sent as a string and a [`Text`](Part::Text) of the same string are equal, and so are a
/// time and the text of its instant in UTC, a digest and the text of its hex digits. Within
/// one kind's key each place always holds the same sort of part, so this merges no two
/// deliveries; it is what lets a key read back from its text be equal to the original.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Part {
    /// A field that was absent or `null`.
    Null,
    /// An id, in its canonical form.
    Id(IdKey),
    /// A string (or a value edna controls, as written on the wire).
    Text(String),
    /// An instant.
    Time(Timestamp),
    /// The [`Digest`] of a value that may hold free text or personal data (see
    /// [`Part::digest`] and [`Part::text_digest`]), kept out of the key's text.
    Digest(Digest),
}

impl DedupKey {
    /// The key of a callback of the kind named `kind` (a
    /// [`CallbackKind::as_str`](crate::CallbackKind::as_str)) made of `parts`.
    pub fn new(kind: &'static str, parts: impl IntoIterator<Item = Part>) -> Self {
        Self {
            kind,
            parts: parts.into_iter().collect(),
        }
    }

    /// The key of a callback of the kind `kind` made of `parts`, with the digest of the
    /// whole callback as written ([`Part::digest`]) added when it has no reference
    /// (`referenced` false): two such callbacks that differ anywhere get two keys, and a
    /// retry, which repeats the body, gets the same one.
    pub(crate) fn of_parts_or_whole<T: serde::Serialize>(
        kind: &'static str,
        parts: impl IntoIterator<Item = Part>,
        referenced: bool,
        whole: &T,
    ) -> Self {
        if referenced {
            return Self::new(kind, parts);
        }
        let whole = serde_json::to_value(whole).unwrap_or(serde_json::Value::Null);
        Self::new(kind, parts.into_iter().chain([Part::digest(&whole)]))
    }

    /// The name of the callback's kind.
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The parts, in order.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// A fixed-width digest of the key: FNV-1a, 128 bits, of its text (the UTF-8 bytes of
    /// its `Display`), for a primary key or an index of 16 bytes ([`Digest::to_bytes`]) or
    /// 32 hex digits (`Display`).
    ///
    /// - **Stable**: FNV-1a is a published, fixed function (not std's `Hasher`, which may
    ///   change between Rust releases), and the key's text is documented; the same key
    ///   gives the same digest in every version, build and platform, whatever serde_json
    ///   features are on. A release that changes a kind's parts says so in its changelog.
    /// - **128 bits**: a store of `n` keys has a collision with a chance of about
    ///   `n² / 2¹²⁹`: with a billion deliveries kept (years of a busy webhook) that is
    ///   about 10⁻²¹, where 64 bits would give about 3 %, too much for a key that drops
    ///   a delivery it takes for a repeat.
    /// - **Not cryptographic**: it guards against accidental collisions, not against
    ///   someone who crafts bodies to collide; do not use it as a signature.
    ///
    /// Equal keys have equal digests.
    pub fn digest(&self) -> Digest {
        let mut hasher = Fnv128::new();
        // Writing into the hasher cannot fail.
        let _ = fmt::write(&mut hasher, format_args!("{self}"));
        hasher.finish()
    }

    /// Reads the text of a key whose kind is `kind` (already checked) from its parts,
    /// `rest` (after the `:` that follows the kind, or empty for a key of no parts).
    pub(crate) fn from_parts_text(
        kind: &'static str,
        rest: Option<(&str, usize)>,
    ) -> Result<Self, KeyError> {
        let parts = match rest {
            Some((text, offset)) => read_parts(text, offset)?,
            None => Vec::new(),
        };
        Ok(Self { kind, parts })
    }
}

impl Part {
    /// The digest part of a JSON value: [`Digest`] (FNV-1a, 128 bits) of its canonical
    /// text, which is serde_json's compact text with every object's keys in byte order.
    /// The same value gives the same digest in every version and build, whatever serde_json
    /// features are on (`preserve_order` changes the order of keys, not the canonical text).
    pub fn digest(value: &serde_json::Value) -> Part {
        let mut text = String::new();
        canonical(value, &mut text);
        Part::Digest(Digest::of(text.as_bytes()))
    }

    /// [`Part::digest`] of the object `map`, without copying it into a `Value`.
    pub(crate) fn digest_map(map: &serde_json::Map<String, serde_json::Value>) -> Part {
        let mut text = String::new();
        canonical_map(map, &mut text);
        Part::Digest(Digest::of(text.as_bytes()))
    }

    /// The part for a string that can hold free text (a name, a link, a message): its
    /// digest, so that the key's text never holds it; `Null` for `None`. The digest is that
    /// of the JSON string, so `Part::text_digest(Some(s))` is `Part::digest(&s.into())`.
    ///
    /// ```
    /// use edna_callbacks::Part;
    ///
    /// let part = Part::text_digest("https://evtb.me/link/f42kL");
    /// assert_eq!(part.to_string(), r#""b09e78018cdadde3fea7c034da50df58""#);
    /// assert_eq!(part, Part::digest(&"https://evtb.me/link/f42kL".into()));
    /// assert_eq!(Part::text_digest(None), Part::Null);
    /// ```
    pub fn text_digest<'a>(text: impl Into<Option<&'a str>>) -> Part {
        match text.into() {
            None => Part::Null,
            Some(text) => {
                let mut hasher = Fnv128::new();
                let _ = fmt::write(
                    &mut hasher,
                    format_args!("{}", serde_json::Value::from(text)),
                );
                Part::Digest(hasher.finish())
            }
        }
    }

    /// The part as its text says it (see [`DedupKey`]'s "Its text"), handed to `f`.
    fn view<R>(&self, f: impl FnOnce(View<'_>) -> R) -> R {
        match self {
            Part::Null => f(View::Null),
            Part::Id(id) => match (id.number(), id.text()) {
                (Some(n), _) => f(View::Number(n)),
                (None, text) => f(View::Text(text.unwrap_or_default())),
            },
            Part::Text(text) => f(View::Text(text)),
            Part::Time(at) => {
                let mut buf = [0u8; 40];
                f(View::Text(at.utc_key_text(&mut buf)))
            }
            Part::Digest(digest) => {
                let mut buf = [0u8; 32];
                f(View::Text(digest.hex(&mut buf)))
            }
        }
    }
}

/// A part as its text says it: `null`, a number, or a string.
#[derive(PartialEq, Eq, PartialOrd, Ord, Hash)]
enum View<'a> {
    Null,
    Number(i128),
    Text(&'a str),
}

impl PartialEq for Part {
    fn eq(&self, other: &Self) -> bool {
        self.view(|a| other.view(|b| a == b))
    }
}

impl Eq for Part {}

impl Hash for Part {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.view(|v| v.hash(state));
    }
}

impl PartialOrd for Part {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Part {
    /// `null` first, then numbers in numeric order, then strings in byte order.
    fn cmp(&self, other: &Self) -> Ordering {
        self.view(|a| other.view(|b| a.cmp(&b)))
    }
}

/// A fixed-width, stable digest: FNV-1a of 128 bits (the published parameters: offset
/// basis `0x6c62272e07bb014262b821756295c58d`, prime `2⁸⁸ + 0x13b`).
///
/// [`DedupKey::digest`] gives one for a whole key, [`Part::digest`] and
/// [`Part::text_digest`] for a value kept out of a key's text. `Display` writes 32
/// lowercase hex digits, which [`FromStr`] reads back (in either case); [`to_bytes`]
/// gives 16 bytes, most significant first, so that bytes and hex sort alike.
///
/// [`to_bytes`]: Digest::to_bytes
///
/// ```
/// use edna_callbacks::Digest;
///
/// let digest = Digest::of(b"a");
/// assert_eq!(digest.to_string(), "d228cb696f1a8caf78912b704e4a8964");
/// assert_eq!("d228cb696f1a8caf78912b704e4a8964".parse(), Ok(digest));
/// assert_eq!(Digest::from_bytes(digest.to_bytes()), digest);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digest(u128);

impl Digest {
    /// FNV-1a (128 bits) of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        let mut hasher = Fnv128::new();
        hasher.write(bytes);
        hasher.finish()
    }

    /// The digest as a number.
    pub const fn as_u128(self) -> u128 {
        self.0
    }

    /// The digest of the number `value` (as [`as_u128`](Self::as_u128) gave it).
    pub const fn from_u128(value: u128) -> Self {
        Self(value)
    }

    /// The 16 bytes, most significant first (a `BLOB`/`bytea` column, a UUID's bytes).
    pub const fn to_bytes(self) -> [u8; 16] {
        self.0.to_be_bytes()
    }

    /// The digest of the bytes [`to_bytes`](Self::to_bytes) gave.
    pub const fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(u128::from_be_bytes(bytes))
    }

    /// The 32 lowercase hex digits, written into `buf`.
    fn hex(self, buf: &mut [u8; 32]) -> &str {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        for (i, slot) in buf.iter_mut().enumerate() {
            let nibble = (self.0 >> (124 - 4 * i)) & 0xf;
            *slot = DIGITS.get(nibble as usize).copied().unwrap_or(b'0');
        }
        std::str::from_utf8(buf).unwrap_or_default()
    }
}

impl fmt::Display for Digest {
    /// 32 lowercase hex digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 32];
        f.write_str(self.hex(&mut buf))
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({self})")
    }
}

impl FromStr for Digest {
    type Err = KeyError;

    /// Exactly 32 hex digits, in either case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wrong = |at| KeyError::new("32 hex digits", at);
        if s.len() != 32 {
            return Err(wrong(s.len().min(32)));
        }
        let mut value = 0u128;
        for (at, c) in s.bytes().enumerate() {
            let digit = char::from(c).to_digit(16).ok_or(wrong(at))?;
            value = value << 4 | u128::from(digit);
        }
        Ok(Self(value))
    }
}

/// FNV-1a, 128 bits, fed by bytes or by `fmt::Write` (so that a text is hashed as it is
/// written, without a `String`).
struct Fnv128(u128);

impl Fnv128 {
    const OFFSET_BASIS: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

    fn new() -> Self {
        Self(Self::OFFSET_BASIS)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u128::from(byte);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    fn finish(self) -> Digest {
        Digest(self.0)
    }
}

impl fmt::Write for Fnv128 {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.write(s.as_bytes());
        Ok(())
    }
}

/// Why a text is not a key ([`DedupKey`], [`Digest`], [`TemplateKey`](crate::TemplateKey)):
/// what was expected, and at which byte. Its text never repeats the input, so it is safe
/// to log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyError {
    expected: &'static str,
    at: usize,
}

impl KeyError {
    pub(crate) const fn new(expected: &'static str, at: usize) -> Self {
        Self { expected, at }
    }

    /// What was expected (for example `"a JSON string, an integer or null"`).
    pub fn expected(&self) -> &'static str {
        self.expected
    }

    /// The byte offset in the text where it was expected.
    pub fn position(&self) -> usize {
        self.at
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid key: {} at byte {}", self.expected, self.at)
    }
}

impl std::error::Error for KeyError {}

/// One value of a key's text, as read: `null`, an integer, or a JSON string.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Scalar {
    /// `null`.
    Null,
    /// An integer in canonical form, within `i64::MIN..=u64::MAX`.
    Number(i128),
    /// A JSON string, unescaped.
    Text(String),
}

/// Reads parts separated by `:` (`text` starts at byte `offset` of the whole key, for
/// errors), each a JSON value as [`Part`]'s `Display` writes it.
pub(crate) fn read_parts(text: &str, offset: usize) -> Result<Vec<Part>, KeyError> {
    Ok(read_scalars(text, offset)?
        .into_iter()
        .map(|scalar| match scalar {
            Scalar::Null => Part::Null,
            Scalar::Number(n) => Part::Id(IdKey::from_number(n)),
            Scalar::Text(string) => Part::from_key_text(string),
        })
        .collect())
}

/// Reads values separated by `:` (`text` starts at byte `offset` of the whole key, for
/// errors): the grammar of every key's text.
pub(crate) fn read_scalars(text: &str, offset: usize) -> Result<Vec<Scalar>, KeyError> {
    let mut scalars = Vec::new();
    let mut at = 0;
    loop {
        let (scalar, end) =
            read_scalar(text, at).map_err(|e| KeyError::new(e.expected, e.at + offset))?;
        scalars.push(scalar);
        match text.as_bytes().get(end) {
            None => return Ok(scalars),
            Some(b':') => at = end + 1,
            Some(_) => return Err(KeyError::new("':' between parts", end + offset)),
        }
    }
}

/// Reads one value starting at byte `at` of `text`: the value and where it ends.
fn read_scalar(text: &str, at: usize) -> Result<(Scalar, usize), KeyError> {
    let bytes = text.as_bytes();
    match bytes.get(at) {
        Some(b'n') if bytes.get(at..at + 4) == Some(b"null") => Ok((Scalar::Null, at + 4)),
        Some(b'-' | b'0'..=b'9') => {
            let len = bytes
                .get(at + 1..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let end = at + 1 + len;
            let number = text
                .get(at..end)
                .and_then(crate::wire::id::canonical_integer)
                .ok_or(KeyError::new("an integer in canonical form", at))?;
            Ok((Scalar::Number(number), end))
        }
        Some(b'"') => {
            let mut end = at + 1;
            loop {
                match bytes.get(end) {
                    None => return Err(KeyError::new("the closing '\"'", end)),
                    Some(b'\\') => end += 2,
                    Some(b'"') => break,
                    Some(_) => end += 1,
                }
            }
            let string: String = text
                .get(at..=end)
                .and_then(|quoted| serde_json::from_str(quoted).ok())
                .ok_or(KeyError::new("a JSON string", at))?;
            Ok((Scalar::Text(string), end + 1))
        }
        _ => Err(KeyError::new("a JSON string, an integer or null", at)),
    }
}

impl Part {
    /// The part a string of a key's text stands for: a digest (32 lowercase hex digits),
    /// an instant (the UTC text of one), or a text. Any choice would be equal (parts
    /// compare as their text does); this one gives back the part the crate wrote.
    fn from_key_text(string: String) -> Part {
        if string.len() == 32 && !string.bytes().any(|b| b.is_ascii_uppercase()) {
            if let Ok(digest) = string.parse::<Digest>() {
                return Part::Digest(digest);
            }
        }
        if let Ok(at) = Timestamp::parse(&string) {
            let mut buf = [0u8; 40];
            if at.utc_key_text(&mut buf) == string {
                return Part::Time(at);
            }
        }
        Part::Text(string)
    }
}

/// The canonical text of the object `map` (see [`canonical`]).
fn canonical_map(map: &serde_json::Map<String, serde_json::Value>, out: &mut String) {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_unstable();
    out.push('{');
    for (i, key) in keys.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::Value::from(key.as_str()).to_string());
        out.push(':');
        if let Some(inner) = map.get(key) {
            canonical(inner, out);
        }
    }
    out.push('}');
}

/// `value`'s canonical text: compact, every object's keys in byte order.
fn canonical(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match value {
        Value::Object(map) => canonical_map(map, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

impl From<&Id> for Part {
    fn from(id: &Id) -> Self {
        Part::Id(id.key())
    }
}

impl From<Option<&Id>> for Part {
    fn from(id: Option<&Id>) -> Self {
        id.map_or(Part::Null, Part::from)
    }
}

impl From<&str> for Part {
    fn from(text: &str) -> Self {
        Part::Text(text.to_owned())
    }
}

impl From<Option<&str>> for Part {
    fn from(text: Option<&str>) -> Self {
        text.map_or(Part::Null, Part::from)
    }
}

impl From<Timestamp> for Part {
    fn from(at: Timestamp) -> Self {
        Part::Time(at)
    }
}

impl From<Option<Timestamp>> for Part {
    fn from(at: Option<Timestamp>) -> Self {
        at.map_or(Part::Null, Part::Time)
    }
}

impl From<Digest> for Part {
    fn from(digest: Digest) -> Self {
        Part::Digest(digest)
    }
}

impl fmt::Display for Part {
    /// The part as a JSON value: ids bare when they are numbers, strings quoted and
    /// escaped, times as a quoted RFC 3339 instant in UTC, digests as 32 hex digits in
    /// quotes, `null`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.view(|view| match view {
            View::Null => f.write_str("null"),
            View::Number(n) => write!(f, "{n}"),
            View::Text(text) => write!(f, "{}", serde_json::Value::from(text)),
        })
    }
}

impl fmt::Display for DedupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind)?;
        for part in &self.parts {
            write!(f, ":{part}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_parts_are_unambiguous() {
        let a = DedupKey::new(
            "incoming",
            [Part::from(&Id::from("1:2")), Part::from(&Id::Number(3))],
        );
        let b = DedupKey::new(
            "incoming",
            [Part::from(&Id::Number(1)), Part::from(&Id::from("2:3"))],
        );
        assert_eq!(a.to_string(), r#"incoming:"1:2":3"#);
        assert_eq!(b.to_string(), r#"incoming:1:"2:3""#);
        let c = DedupKey::new(
            "legacy-status",
            [Part::from(&Id::from("x\"y")), Part::from("DELIVERED")],
        );
        assert_eq!(c.to_string(), r#"legacy-status:"x\"y":"DELIVERED""#);
        let d = DedupKey::new("status", [Part::Null, Part::from("FAILED")]);
        assert_eq!(d.to_string(), r#"status:null:"FAILED""#);
    }

    #[test]
    fn an_id_sent_as_a_string_or_a_number_is_one_key() {
        let key = |subject: Id, id: Id| {
            DedupKey::new("incoming", [Part::from(&subject), Part::from(&id)])
        };
        let number = key(Id::from(234), Id::from(101));
        let text = key(Id::from("234"), Id::from("101"));
        assert_eq!(number, text);
        assert_eq!(number.to_string(), "incoming:234:101");
        assert_eq!(text.to_string(), "incoming:234:101");
        let padded = key(Id::from(234), Id::from("0101"));
        assert_ne!(number, padded);
        assert_eq!(padded.to_string(), r#"incoming:234:"0101""#);
        let set: std::collections::HashSet<DedupKey> = [number, text, padded].into();
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn a_digest_is_fnv1a_128_of_the_canonical_text() {
        // FNV-1a 128's published test vectors.
        assert_eq!(Digest::of(b"").as_u128(), Fnv128::OFFSET_BASIS);
        assert_eq!(
            Digest::of(b"a").as_u128(),
            0xd228_cb69_6f1a_8caf_7891_2b70_4e4a_8964
        );
        assert_eq!(
            Digest::of(b"foobar").as_u128(),
            0x343e_1662_793c_64bf_6f0d_3597_ba44_6f18
        );
        let a: serde_json::Value =
            serde_json::from_str(r#"{"b":[1,{"d":2,"c":"x"}],"a":null}"#).unwrap();
        let b: serde_json::Value =
            serde_json::from_str(r#"{"a":null,"b":[1,{"c":"x","d":2}]}"#).unwrap();
        assert_eq!(Part::digest(&a), Part::digest(&b));
        assert_eq!(
            Part::digest(&a),
            Part::Digest(Digest::of(br#"{"a":null,"b":[1,{"c":"x","d":2}]}"#))
        );
        let key = DedupKey::new("unknown", [Part::digest(&a)]);
        assert_eq!(key.to_string().len(), "unknown:".len() + 34);
        assert_eq!(
            Part::text_digest("Ivan Petrov"),
            Part::Digest(Digest::of(br#""Ivan Petrov""#))
        );
        assert!(!Part::text_digest("Ivan Petrov")
            .to_string()
            .contains("Ivan"));
    }

    #[test]
    fn a_keys_digest_is_that_of_its_text() {
        let key = DedupKey::new(
            "incoming",
            [Part::from(&Id::from(234)), Part::from(&Id::from("101"))],
        );
        assert_eq!(key.digest(), Digest::of(b"incoming:234:101"));
        let same = DedupKey::new(
            "incoming",
            [Part::from(&Id::from("234")), Part::from(&Id::from(101))],
        );
        assert_eq!(key.digest(), same.digest());
        let digest = key.digest();
        assert_eq!(digest.to_string().len(), 32);
        assert_eq!(digest.to_string().parse::<Digest>(), Ok(digest));
        assert_eq!(
            digest.to_string().to_uppercase().parse::<Digest>(),
            Ok(digest)
        );
        assert_eq!(Digest::from_bytes(digest.to_bytes()), digest);
        assert_eq!(Digest::from_u128(digest.as_u128()), digest);
        assert_eq!("12".parse::<Digest>().unwrap_err().position(), 2);
        assert_eq!(
            "g0000000000000000000000000000000"
                .parse::<Digest>()
                .unwrap_err()
                .to_string(),
            "invalid key: 32 hex digits at byte 0"
        );
    }

    #[test]
    fn parts_compare_as_their_text_does() {
        let id_text = Part::from(&Id::from("abc"));
        let text = Part::from("abc");
        assert_eq!(id_text, text);
        assert_eq!(id_text.to_string(), text.to_string());
        let hash = |part: &Part| {
            use std::collections::hash_map::DefaultHasher;
            let mut h = DefaultHasher::new();
            part.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&id_text), hash(&text));
        assert_ne!(Part::from(&Id::from(42)), Part::from("42"));
        let at = Timestamp::parse("2025-08-10T15:32:56+03:00").unwrap();
        assert_eq!(Part::from(at), Part::from("2025-08-10T12:32:56Z"));
        let digest = Digest::of(b"x");
        assert_eq!(Part::from(digest), Part::Text(digest.to_string()));
        let mut parts = vec![
            text.clone(),
            Part::from(&Id::from(-3)),
            Part::Null,
            Part::from(&Id::from(7)),
        ];
        parts.sort();
        assert_eq!(
            parts,
            [
                Part::Null,
                Part::from(&Id::from(-3)),
                Part::from(&Id::from(7)),
                text
            ]
        );
    }

    #[test]
    fn a_keys_text_reads_parts_back() {
        let at = Timestamp::parse("2025-08-10T15:32:56.5+03:00").unwrap();
        let digest = Digest::of(b"x");
        let parts = [
            Part::Null,
            Part::from(&Id::from(-42)),
            Part::from(&Id::from(u64::MAX)),
            Part::from("x:\"y\"\\z\n\u{1f}é"),
            Part::from(""),
            Part::from(at),
            Part::from(digest),
        ];
        let key = DedupKey::new("event", parts.clone());
        let text = key.to_string();
        let read = read_parts(text.strip_prefix("event:").unwrap(), 6).unwrap();
        assert_eq!(read, parts);
        // The parts the crate wrote come back as such.
        assert!(matches!(read[5], Part::Time(t) if t == at));
        assert!(matches!(read[6], Part::Digest(d) if d == digest));
        assert!(matches!(read[3], Part::Text(_)));
        for (bad, at, expected) in [
            ("", 0, "a JSON string, an integer or null"),
            ("READ", 0, "a JSON string, an integer or null"),
            ("1:", 2, "a JSON string, an integer or null"),
            ("01", 0, "an integer in canonical form"),
            ("-0", 0, "an integer in canonical form"),
            ("18446744073709551616", 0, "an integer in canonical form"),
            ("\"abc", 4, "the closing '\"'"),
            ("\"a\\", 4, "the closing '\"'"),
            ("\"a\\q\"", 0, "a JSON string"),
            ("1 2", 1, "':' between parts"),
            ("nul", 0, "a JSON string, an integer or null"),
        ] {
            let e = read_parts(bad, 0).unwrap_err();
            assert_eq!((e.expected(), e.position()), (expected, at), "{bad:?}");
        }
    }

    #[test]
    fn one_instant_in_two_offsets_is_one_key() {
        let at = |s| Timestamp::parse(s).map(Part::from);
        let utc = DedupKey::new("event", [at("2025-08-10T12:32:56Z").unwrap()]);
        let moscow = DedupKey::new("event", [at("2025-08-10T15:32:56+03:00").unwrap()]);
        assert_eq!(utc, moscow);
        assert_eq!(utc.to_string(), r#"event:"2025-08-10T12:32:56Z""#);
        assert_eq!(moscow.to_string(), utc.to_string());
    }
}
