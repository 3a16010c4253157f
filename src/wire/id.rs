//! Ids, which edna sends as JSON integers or strings: kept as they came, compared by [`IdKey`].

use std::borrow::Cow;
use std::fmt;

use super::read::{Field, Placeholder, Reader};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// An identifier that edna sends either as a JSON integer or as a JSON string.
///
/// edna documents `subjectId` as a number and `requestId` as a string, shows
/// `items[].identifier` (documented as an integer) as `"01"`, and
/// `replyOutMessageExternalRequestId` (documented as long) as a UUID. `Id` accepts both
/// forms for every id and writes back the form it read: `"01"` stays the string `"01"`
/// and never becomes `1`, `7` stays the number `7`.
///
/// ```
/// use edna_callbacks::Id;
///
/// let text: Id = serde_json::from_str(r#""01""#)?;
/// assert_eq!(text, Id::Text("01".into()));
/// assert_eq!(text.as_i64(), Some(1));
/// assert_eq!(serde_json::to_string(&text)?, r#""01""#);
///
/// let number: Id = serde_json::from_str("43407125")?;
/// assert_eq!(number, Id::Number(43407125));
/// assert_eq!(number.to_string(), "43407125");
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// # Comparing ids: `==` or [`IdKey`]
///
/// edna may send the same id as `42` in one callback and as `"42"` in another. `Id`'s
/// `PartialEq`, `Hash` and `Ord` compare the *wire form*: `Id::Number(42)` and
/// `Id::Text("42")` are different values, because they are written back differently. Use
/// them to check that a value round-trips.
///
/// To ask "is this the same id?", as a `HashMap` or `HashSet` key, to drop repeats or to
/// join records, use the canonical form [`IdKey`] ([`Id::key`]) or [`Id::same_as`]. Under
/// it a string is the same id as a number exactly when it is that number's decimal
/// spelling: `"42"` is `42`, but `"042"`, `"+42"` and `"42.0"` are not, and `"01"` is not
/// `1`.
///
/// ```
/// use std::collections::HashMap;
/// use edna_callbacks::{Id, IdKey};
///
/// let (number, text) = (Id::from(42), Id::from("42"));
/// assert_ne!(number, text); // different on the wire
/// assert!(number.same_as(&text)); // the same id
/// assert!(!Id::from("042").same_as(&number));
///
/// let mut seen: HashMap<IdKey, u32> = HashMap::new();
/// *seen.entry(number.key()).or_default() += 1;
/// *seen.entry(text.key()).or_default() += 1;
/// assert_eq!(seen.len(), 1);
/// assert_eq!(seen[&IdKey::from(&number)], 2);
/// ```
///
/// # Integers past `i64`
///
/// An integer id from `i64::MIN` to `i64::MAX` is an [`Id::Number`]; one from
/// `i64::MAX + 1` to `u64::MAX` an [`Id::Unsigned`]. An integer past 64 bits (either
/// way) is refused with the error "an integer id past 64 bits"; a number with a fraction
/// or an exponent is not an id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Id {
    /// The id came as a JSON integer that fits an `i64`.
    Number(i64),
    /// The id came as a JSON integer above `i64::MAX` (up to `u64::MAX`). The crate reads
    /// and converts every integer that fits an `i64` into [`Id::Number`], never into this.
    Unsigned(u64),
    /// The id came as a JSON string.
    Text(String),
}

impl Id {
    /// The id as an integer: the number itself, or the string when it is an integer in
    /// decimal (`"01"` gives 1, `"test-001"` gives `None`). `None` for a number above
    /// `i64::MAX` (an [`Id::Unsigned`]).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Number(n) => Some(*n),
            Self::Unsigned(n) => i64::try_from(*n).ok(),
            Self::Text(s) => s.parse().ok(),
        }
    }

    /// The id as an unsigned integer: the number when it is not negative, or the string
    /// when it is a non-negative integer in decimal.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Self::Number(n) => u64::try_from(*n).ok(),
            Self::Unsigned(n) => Some(*n),
            Self::Text(s) => s.parse().ok(),
        }
    }

    /// The string, when the id came as one.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Number(_) | Self::Unsigned(_) => None,
            Self::Text(s) => Some(s),
        }
    }

    /// The id as text, as [`Display`](fmt::Display) writes it: the string itself (borrowed)
    /// or the number in decimal.
    ///
    /// ```
    /// use edna_callbacks::Id;
    ///
    /// assert_eq!(Id::from("test-001").as_str(), "test-001");
    /// assert_eq!(Id::from(43407125).as_str(), "43407125");
    /// ```
    pub fn as_str(&self) -> Cow<'_, str> {
        match self {
            Self::Number(n) => Cow::Owned(n.to_string()),
            Self::Unsigned(n) => Cow::Owned(n.to_string()),
            Self::Text(s) => Cow::Borrowed(s),
        }
    }

    /// The canonical form of the id, for `HashMap` keys, dropping repeats and joins: see
    /// [`IdKey`] and "Comparing ids" above.
    pub fn key(&self) -> IdKey {
        IdKey(match self.canonical() {
            Canonical::Number(n) => KeyRepr::Number(n),
            Canonical::Text(s) => KeyRepr::Text(s.to_owned()),
        })
    }

    /// Whether two ids are the same id, whichever JSON type each came as: `42` and
    /// `"42"` are, `42` and `"042"` are not. The same as comparing their [`key`](Id::key)s,
    /// without allocating.
    pub fn same_as(&self, other: &Id) -> bool {
        self.canonical() == other.canonical()
    }

    fn canonical(&self) -> Canonical<'_> {
        match self {
            Self::Number(n) => Canonical::Number(i128::from(*n)),
            Self::Unsigned(n) => Canonical::Number(i128::from(*n)),
            Self::Text(s) => canonical_integer(s).map_or(Canonical::Text(s), Canonical::Number),
        }
    }
}

/// An id in its canonical form, borrowed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Canonical<'a> {
    Number(i128),
    Text(&'a str),
}

/// The integer `s` spells in canonical decimal (an optional `-`, no leading zero, no
/// `+`, not `-0`), when it is within `i64::MIN..=u64::MAX`: the strings that are the
/// same id as a number.
pub(crate) fn canonical_integer(s: &str) -> Option<i128> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let canonical = match digits.as_bytes() {
        [] => false,
        [b'0'] => digits.len() == s.len(), // "0", not "-0"
        [b'0', ..] => false,
        bytes => bytes.len() <= 20 && bytes.iter().all(u8::is_ascii_digit),
    };
    if !canonical {
        return None;
    }
    let n: i128 = s.parse().ok()?;
    (i128::from(i64::MIN)..=i128::from(u64::MAX))
        .contains(&n)
        .then_some(n)
}

/// The canonical form of an [`Id`]: equal for the same id whichever JSON type it came as.
///
/// Use it as the key of a `HashMap`/`HashSet`/`BTreeMap`, to drop repeats and to join
/// records; use [`Id`] itself to store and write back what edna sent. Obtained with
/// [`Id::key`] or `IdKey::from(&id)`.
///
/// A number and a string are the same key exactly when the string is the number's
/// decimal spelling (`42` and `"42"`); `"042"`, `"+42"`, `"42.0"` and `"-0"` stay
/// strings, different from every number. Two strings are the same key when they are
/// equal.
///
/// `Display` writes the id (`42`, `test-001`); no two different keys display the same,
/// and `FromStr` reads that text back as the equal key (a column that stores
/// `key.to_string()` gives the key back with `parse`). `Ord` puts numbers first, in
/// numeric order, then strings, in byte order.
///
/// ```
/// use std::collections::HashSet;
/// use edna_callbacks::{Id, IdKey};
///
/// let ids = [Id::from(42), Id::from("42"), Id::from("042"), Id::from(u64::MAX)];
/// let keys: HashSet<IdKey> = ids.iter().map(Id::key).collect();
/// assert_eq!(keys.len(), 3);
/// assert_eq!(Id::from("42").key().to_string(), "42");
/// assert_eq!(Id::from("18446744073709551615").key(), Id::from(u64::MAX).key());
///
/// let stored = Id::from("42").key().to_string();
/// assert_eq!(stored.parse::<IdKey>(), Ok(Id::from(42).key()));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IdKey(KeyRepr);

#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyRepr {
    Number(i128),
    Text(String),
}

impl IdKey {
    /// The key of the number `n` (one of `i64::MIN..=u64::MAX`, as
    /// [`canonical_integer`] gives).
    pub(crate) fn from_number(n: i128) -> Self {
        Self(KeyRepr::Number(n))
    }

    /// The number, when the key is one.
    pub(crate) fn number(&self) -> Option<i128> {
        match &self.0 {
            KeyRepr::Number(n) => Some(*n),
            KeyRepr::Text(_) => None,
        }
    }

    /// The string, when the key is one.
    pub(crate) fn text(&self) -> Option<&str> {
        match &self.0 {
            KeyRepr::Number(_) => None,
            KeyRepr::Text(s) => Some(s),
        }
    }
}

impl fmt::Display for IdKey {
    /// The id without JSON quotes: `42`, `test-001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            KeyRepr::Number(n) => fmt::Display::fmt(n, f),
            KeyRepr::Text(s) => f.write_str(s),
        }
    }
}

impl std::str::FromStr for IdKey {
    type Err = std::convert::Infallible;

    /// The key whose `Display` is `s`: the number when `s` is the canonical decimal
    /// spelling of an integer from `i64::MIN` to `u64::MAX`, else the string. Every text
    /// is some key's, so this never fails: `s.parse::<IdKey>()` is `IdKey::from(Id::from(s))`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self(match canonical_integer(s) {
            Some(n) => KeyRepr::Number(n),
            None => KeyRepr::Text(s.to_owned()),
        }))
    }
}

impl fmt::Debug for IdKey {
    /// `IdKey(42)`, `IdKey("test-001")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            KeyRepr::Number(n) => f.debug_tuple("IdKey").field(n).finish(),
            KeyRepr::Text(s) => f.debug_tuple("IdKey").field(s).finish(),
        }
    }
}

impl From<&Id> for IdKey {
    fn from(value: &Id) -> Self {
        value.key()
    }
}

impl From<Id> for IdKey {
    fn from(value: Id) -> Self {
        match value {
            Id::Text(s) => match canonical_integer(&s) {
                Some(n) => Self(KeyRepr::Number(n)),
                None => Self(KeyRepr::Text(s)),
            },
            other => other.key(),
        }
    }
}

impl fmt::Display for Id {
    /// The id as edna wrote it, without JSON quotes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(n) => fmt::Display::fmt(n, f),
            Self::Unsigned(n) => fmt::Display::fmt(n, f),
            Self::Text(s) => f.write_str(s),
        }
    }
}

impl From<i64> for Id {
    fn from(value: i64) -> Self {
        Self::Number(value)
    }
}

impl From<i32> for Id {
    fn from(value: i32) -> Self {
        Self::Number(value.into())
    }
}

impl From<u32> for Id {
    fn from(value: u32) -> Self {
        Self::Number(value.into())
    }
}

impl From<u64> for Id {
    /// [`Id::Number`] when the value fits an `i64`, [`Id::Unsigned`] above.
    fn from(value: u64) -> Self {
        i64::try_from(value).map_or(Self::Unsigned(value), Self::Number)
    }
}

impl From<String> for Id {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}

impl From<&str> for Id {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl From<Id> for String {
    /// The string itself, or the number in decimal (as `Display` writes the id).
    fn from(value: Id) -> Self {
        match value {
            Id::Text(s) => s,
            other => other.to_string(),
        }
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(n) => serializer.serialize_i64(*n),
            Self::Unsigned(n) => serializer.serialize_u64(*n),
            Self::Text(s) => serializer.serialize_str(s),
        }
    }
}

/// The error for an integer id that neither `i64` nor `u64` holds.
pub(crate) const PAST_64_BITS: &str = "an integer id past 64 bits";

/// The errors for an id that is no integer of the type asked for (the `serde_with`
/// adapter `EdnaId` into `i64` and `u64`): a string that is no such integer, or an
/// integer out of its range.
pub(crate) const NOT_I64: [&str; 2] = [
    "expected an id that is an integer from -2^63 to 2^63-1, found a string that is no such integer",
    "expected an id that is an integer from -2^63 to 2^63-1, found an integer out of that range",
];
/// As [`NOT_I64`], for `u64`.
pub(crate) const NOT_U64: [&str; 2] = [
    "expected an id that is an integer from 0 to 2^64-1, found a string that is no such integer",
    "expected an id that is an integer from 0 to 2^64-1, found an integer out of that range",
];

/// Every error text of ids: fixed texts that never repeat the value, which the
/// safe-error layer lets through.
pub(crate) const MESSAGES: [&str; 5] =
    [PAST_64_BITS, NOT_I64[0], NOT_I64[1], NOT_U64[0], NOT_U64[1]];

/// Reads an [`Id`]; its errors never repeat the value.
pub(crate) struct IdVisitor;

impl<'de> de::Visitor<'de> for IdVisitor {
    type Value = Id;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an id (an integer or a string)")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
        Ok(Id::Number(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
        Ok(Id::from(v))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Id, E> {
        if let Ok(n) = i64::try_from(v) {
            Ok(Id::Number(n))
        } else if let Ok(n) = u64::try_from(v) {
            Ok(Id::Unsigned(n))
        } else {
            Err(E::custom(PAST_64_BITS))
        }
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Id, E> {
        u64::try_from(v)
            .map(Id::from)
            .map_err(|_| E::custom(PAST_64_BITS))
    }
    /// serde_json hands an integer that neither `i64` nor `u64` holds to `visit_f64`
    /// (with `float_roundtrip`, as the nearest `f64`); an integral value there, at or
    /// beyond `-2^63` or `2^64`, is such an integer. Anything else is a number with a
    /// fraction or an exponent, which is no id.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Id, E> {
        const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;
        const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;
        if v.is_finite() && v.fract() == 0.0 && (v >= TWO_POW_64 || v <= -TWO_POW_63) {
            Err(E::custom(PAST_64_BITS))
        } else {
            Err(E::invalid_type(
                de::Unexpected::Other("floating point"),
                &self,
            ))
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
        Ok(Id::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Id, E> {
        Ok(Id::Text(v))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Id, E> {
        Err(E::invalid_type(de::Unexpected::Other("bytes"), &self))
    }
    /// A number under serde_json's `arbitrary_precision`, which hands every number it
    /// does not read as `u64` or `i64` over as a map: read from its text.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Id, A::Error> {
        let Some(text) = super::numeric::number_text(&mut map)? else {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        };
        if !super::numeric::is_integer(&text) {
            return Err(de::Error::invalid_type(
                de::Unexpected::Other("floating point"),
                &self,
            ));
        }
        if let Ok(n) = text.parse::<i64>() {
            return Ok(Id::Number(n));
        }
        text.parse::<u64>()
            .map(Id::Unsigned)
            .map_err(|_| de::Error::custom(PAST_64_BITS))
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(IdVisitor)
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
    text.parse::<serde_json::Number>().ok()?;
    if let Ok(n) = text.parse::<u64>() {
        return Some(Id::Unsigned(n));
    }
    // (`-0` is an integer to Rust, a float to serde_json.)
    if !text.contains(['.', 'e', 'E']) && text.parse::<i64>().is_err() {
        return r.invalid(PAST_64_BITS);
    }
    r.invalid(super::read::Message::WrongType {
        found: "floating point",
        expected: <Id as Field>::EXPECTING,
    })
}

impl Placeholder for Id {
    fn placeholder() -> Self {
        Self::Number(0)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashMap};

    use super::*;

    fn read(json: &str) -> Result<Id, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn a_hash_map_keyed_by_id_key_holds_one_entry_for_42_and_the_string_42() {
        let mut map: HashMap<IdKey, Vec<Id>> = HashMap::new();
        for id in [read("42"), read(r#""42""#)] {
            let id = id.unwrap();
            map.entry(id.key()).or_default().push(id);
        }
        assert_eq!(map.len(), 1);
        assert_eq!(
            map[&Id::Number(42).key()],
            [Id::Number(42), Id::Text("42".into())]
        );
        // The ids themselves still differ, and write back what they read.
        assert_ne!(Id::Number(42), Id::Text("42".into()));
        assert_eq!(
            serde_json::to_string(&map[&Id::from(42).key()]).unwrap(),
            r#"[42,"42"]"#
        );
    }

    #[test]
    fn only_the_canonical_decimal_spelling_is_the_number() {
        let same = [
            (Id::Number(42), "42"),
            (Id::Number(0), "0"),
            (Id::Number(-7), "-7"),
            (Id::Number(i64::MIN), "-9223372036854775808"),
            (Id::Number(i64::MAX), "9223372036854775807"),
            (Id::Unsigned(u64::MAX), "18446744073709551615"),
            (Id::Unsigned(1 << 63), "9223372036854775808"),
        ];
        for (number, text) in same {
            let text = Id::from(text);
            assert!(number.same_as(&text), "{number} and {text:?}");
            assert!(text.same_as(&number), "{text:?} and {number}");
            assert_eq!(number.key(), text.key());
            assert_eq!(IdKey::from(text.clone()), number.key());
            assert_eq!(number.key().to_string(), text.to_string());
        }
        let different = [
            (Id::Number(42), "042"),
            (Id::Number(42), "+42"),
            (Id::Number(42), "42.0"),
            (Id::Number(42), " 42"),
            (Id::Number(42), "42 "),
            (Id::Number(42), "4_2"),
            (Id::Number(1), "01"),
            (Id::Number(0), "-0"),
            (Id::Number(0), "00"),
            (Id::Number(0), ""),
            (Id::Number(0), "-"),
            (Id::Number(-1), "--1"),
        ];
        for (number, text) in different {
            let text = Id::from(text);
            assert!(!number.same_as(&text), "{number} and {text:?}");
            assert_ne!(number.key(), text.key(), "{number} and {text:?}");
            assert_ne!(IdKey::from(text.clone()), number.key());
            // No two different keys display alike.
            assert_ne!(number.key().to_string(), text.key().to_string());
        }
        // Past 64 bits, a string is only ever a string.
        let big = Id::from("18446744073709551616");
        assert_eq!(
            format!("{:?}", big.key()),
            r#"IdKey("18446744073709551616")"#
        );
        assert_eq!(format!("{:?}", Id::from("42").key()), "IdKey(42)");
        assert!(Id::from("abc").same_as(&Id::from("abc")));
        assert!(!Id::from("abc").same_as(&Id::from("ABC")));
        assert!(Id::Unsigned(5).same_as(&Id::Number(5)));
    }

    #[test]
    fn a_keys_text_reads_back_as_the_key() {
        for id in [
            Id::from(42),
            Id::from("42"),
            Id::from("042"),
            Id::from("-0"),
            Id::from(""),
            Id::from(i64::MIN),
            Id::from(u64::MAX),
            Id::from("18446744073709551616"),
            Id::from("test-001"),
            Id::from("\"quoted\" : text"),
        ] {
            let key = id.key();
            let text = key.to_string();
            assert_eq!(text.parse::<IdKey>(), Ok(key.clone()), "{id:?}");
            assert_eq!(
                text.parse::<IdKey>(),
                Ok(IdKey::from(Id::from(text.as_str())))
            );
        }
        assert_eq!("7".parse::<IdKey>(), Ok(Id::Number(7).key()));
        assert_eq!("07".parse::<IdKey>(), Ok(Id::from("07").key()));
    }

    #[test]
    fn keys_order_numbers_first_then_strings() {
        let keys: BTreeSet<IdKey> = [
            Id::from("b"),
            Id::from(u64::MAX),
            Id::from("10"),
            Id::from(-3),
            Id::from("a"),
            Id::from(2),
        ]
        .iter()
        .map(Id::key)
        .collect();
        let written: Vec<String> = keys.iter().map(ToString::to_string).collect();
        assert_eq!(written, ["-3", "2", "10", "18446744073709551615", "a", "b"]);
    }

    #[test]
    fn conversions() {
        assert_eq!(Id::from(7i32), Id::Number(7));
        assert_eq!(Id::from(-7i32), Id::Number(-7));
        assert_eq!(Id::from(7u32), Id::Number(7));
        assert_eq!(Id::from(u32::MAX), Id::Number(4_294_967_295));
        assert_eq!(Id::from(7u64), Id::Number(7));
        assert_eq!(Id::from(i64::MAX as u64), Id::Number(i64::MAX));
        assert_eq!(Id::from(i64::MAX as u64 + 1), Id::Unsigned(1 << 63));
        assert_eq!(Id::from(7i64), Id::Number(7));
        assert_eq!(Id::from("x"), Id::Text("x".into()));
        assert_eq!(Id::from(String::from("x")), Id::Text("x".into()));
        assert_eq!(String::from(Id::from("01")), "01");
        assert_eq!(String::from(Id::from(-5)), "-5");
        assert_eq!(String::from(Id::from(u64::MAX)), "18446744073709551615");
        assert!(matches!(Id::from("01").as_str(), Cow::Borrowed("01")));
        assert_eq!(Id::from(u64::MAX).as_str(), "18446744073709551615");
        assert_eq!(Id::from(u64::MAX).as_i64(), None);
        assert_eq!(Id::from(u64::MAX).as_u64(), Some(u64::MAX));
        assert_eq!(Id::from(-1).as_u64(), None);
        assert_eq!(Id::from("07").as_u64(), Some(7));
        assert_eq!(Id::from("x").as_u64(), None);
        assert_eq!(Id::from(u64::MAX).as_text(), None);
    }

    #[test]
    fn integers_up_to_u64_max_round_trip_exactly() {
        for json in [
            "0",
            "-1",
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "18446744073709551615",
            r#""18446744073709551615""#,
            r#""01""#,
        ] {
            let id = read(json).unwrap();
            assert_eq!(serde_json::to_string(&id).unwrap(), json);
        }
        assert_eq!(read("18446744073709551615"), Ok(Id::Unsigned(u64::MAX)));
        assert_eq!(read("9223372036854775807"), Ok(Id::Number(i64::MAX)));
        assert_eq!(read("9223372036854775808"), Ok(Id::Unsigned(1 << 63)));
    }

    #[test]
    fn an_integer_past_64_bits_says_so() {
        for json in [
            "123456789012345678901234567890",
            "18446744073709551616",
            "-9223372036854775809",
            "-123456789012345678901234567890",
        ] {
            let e = read(json).unwrap_err();
            let expected = format!("an integer id past 64 bits at line 1 column {}", json.len());
            assert_eq!(e, expected, "{json}");
        }
        for json in ["1.5", "-0.25", "42.0", "1e3", "-0"] {
            let e = read(json).unwrap_err();
            assert!(
                e.starts_with("invalid type: floating point, expected an id"),
                "{json}: {e}"
            );
            assert!(!e.contains(json), "{json}: {e}");
        }
        assert_eq!(
            read("true").unwrap_err(),
            "invalid type: boolean `true`, expected an id (an integer or a string) at line 1 column 4"
        );
    }

    #[test]
    fn i128_and_u128_inputs() {
        use serde::de::{value, IntoDeserializer};
        let id = |v: i128| Id::deserialize(IntoDeserializer::<value::Error>::into_deserializer(v));
        assert_eq!(id(-5), Ok(Id::Number(-5)));
        assert_eq!(id(1 << 63), Ok(Id::Unsigned(1 << 63)));
        assert_eq!(id(1 << 64).unwrap_err().to_string(), PAST_64_BITS);
        let id = |v: u128| Id::deserialize(IntoDeserializer::<value::Error>::into_deserializer(v));
        assert_eq!(id(5), Ok(Id::Number(5)));
        assert_eq!(id(u128::from(u64::MAX)), Ok(Id::Unsigned(u64::MAX)));
        assert_eq!(id(1 << 64).unwrap_err().to_string(), PAST_64_BITS);
    }
}
