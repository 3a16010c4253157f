//! Generating valid values, for the `arbitrary` feature: the wire's share (strings, ids,
//! numbers, timestamps, JSON values, `extra` members, and through `wire_object!` and
//! `open_enum!` every object and every open enum). What is generated is what edna could
//! send: written and read back, it is equal to itself.
//!
//! Nothing here knows a kind of callback; the kinds' share (the choice of a kind, events,
//! objects of no known kind) is in `crate::generate`.

use arbitrary::{Arbitrary, Result, Unstructured};
use serde_json::{Map, Number, Value};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::{Id, Numeric, Timestamp};

/// A value generated to be valid: written as JSON and read back, it is equal to itself.
/// The one trait every field type implements (`arbitrary`'s own `Arbitrary` cannot be
/// implemented for `String` or `serde_json::Value` here).
pub(crate) trait Generate: Sized {
    /// A valid value drawn from `u`.
    fn generate(u: &mut Unstructured<'_>) -> Result<Self>;

    /// A valid value that is not written as `null` (which an optional field reads as
    /// absent): the value of a present optional field.
    fn generate_present(u: &mut Unstructured<'_>) -> Result<Self> {
        Self::generate(u)
    }
}

/// How deep generated JSON values nest (far within the reader's limit of 127).
const MAX_DEPTH: u32 = 3;

/// Strings a handler should survive, drawn now and then instead of arbitrary ones.
const ODD_STRINGS: &[&str] = &[
    "",
    " ",
    "Иван Петров",
    "79001112233",
    "+7 900 111-22-33",
    "line\nbreak\ttab",
    "quote \" backslash \\ slash /",
    "\u{0}\u{1f}\u{7f}",
    "emoji 🙂 and \u{200d}",
    "{\"json\":\"inside\"}",
    "2025-01-30T11:07:55Z",
    "42",
];

impl Generate for String {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        if u.ratio(1, 4)? {
            return Ok((*u.choose(ODD_STRINGS)?).to_owned());
        }
        String::arbitrary(u)
    }
}

impl Generate for bool {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        bool::arbitrary(u)
    }
}

impl<T: Generate> Generate for Option<T> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        if bool::arbitrary(u)? {
            T::generate_present(u).map(Some)
        } else {
            Ok(None)
        }
    }
}

impl<T: Generate> Generate for Box<T> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        T::generate(u).map(Box::new)
    }

    fn generate_present(u: &mut Unstructured<'_>) -> Result<Self> {
        T::generate_present(u).map(Box::new)
    }
}

impl<T: Generate> Generate for Vec<T> {
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let len = u.int_in_range(0..=3)?;
        (0..len).map(|_| T::generate(u)).collect()
    }
}

impl Generate for Id {
    /// A number (`i64`), an unsigned number above `i64::MAX`, or a string (digits too:
    /// `"42"` stays a string).
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Ok(match u.int_in_range(0..=5)? {
            0 => Id::Unsigned(u.int_in_range(i64::MAX as u64 + 1..=u64::MAX)?),
            1 | 2 => Id::Number(i64::arbitrary(u)?),
            3 => Id::Text(u64::arbitrary(u)?.to_string()),
            _ => Id::Text(String::generate(u)?),
        })
    }
}

/// A JSON number: an integer of either sign, or a finite float.
fn number(u: &mut Unstructured<'_>) -> Result<Number> {
    Ok(match u.int_in_range(0..=2)? {
        0 => Number::from(i64::arbitrary(u)?),
        1 => Number::from(u64::arbitrary(u)?),
        _ => Number::from_f64(f64::arbitrary(u)?).unwrap_or_else(|| Number::from(0)),
    })
}

impl Generate for Numeric {
    /// A number, or a string (a decimal one, or any).
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Ok(match u.int_in_range(0..=3)? {
            0 | 1 => Numeric::Number(number(u)?),
            2 => Numeric::Text(format!("{}", f64::from(i32::arbitrary(u)?) / 100.0)),
            _ => Numeric::Text(String::generate(u)?),
        })
    }
}

impl Generate for Timestamp {
    /// An instant of the years 0000 to 9999 (as written in its own offset), with 0 to 9
    /// fractional digits and an offset within ±23:59, `Z` often.
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let year = if u.ratio(1, 8)? {
            u.int_in_range(0..=9999)?
        } else {
            u.int_in_range(1970..=2100)?
        };
        let month = Month::try_from(u.int_in_range(1..=12)?).unwrap_or(Month::January);
        let day = u.int_in_range(1..=month.length(year))?;
        let date = Date::from_calendar_date(year, month, day).unwrap_or(Date::MIN);
        let nanos = match u.int_in_range(0..=3)? {
            0 => 0,
            1 => u.int_in_range(0..=999)? * 1_000_000,
            _ => u.int_in_range(0..=999_999_999)?,
        };
        let time = Time::from_hms_nano(
            u.int_in_range(0..=23)?,
            u.int_in_range(0..=59)?,
            u.int_in_range(0..=59)?,
            nanos,
        )
        .unwrap_or(Time::MIDNIGHT);
        let offset = if bool::arbitrary(u)? {
            UtcOffset::UTC
        } else {
            let minutes = u.int_in_range(-(23 * 60 + 59)..=23 * 60 + 59)?;
            UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(UtcOffset::UTC)
        };
        let at: OffsetDateTime = PrimitiveDateTime::new(date, time).assume_offset(offset);
        Ok(Timestamp::new(at))
    }
}

impl Generate for Value {
    /// Any JSON value, nested at most a few levels.
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        json(u, 0)
    }

    /// Any JSON value but `null`.
    fn generate_present(u: &mut Unstructured<'_>) -> Result<Self> {
        match json(u, 0)? {
            Value::Null => Ok(Value::Bool(false)),
            value => Ok(value),
        }
    }
}

impl Generate for super::Kept<Value> {
    /// Any JSON value (an unknown event's payload), as [`Value`]'s.
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Value::generate(u).map(Self::from)
    }

    fn generate_present(u: &mut Unstructured<'_>) -> Result<Self> {
        Value::generate_present(u).map(Self::from)
    }
}

impl Generate for super::Kept<Map<String, Value>> {
    /// Any JSON object of a few members, as [`Map`]'s.
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        Map::generate(u).map(Self::from)
    }
}

impl Generate for Map<String, Value> {
    /// Any JSON object of a few members (as the calling settings' `requestUriUserParams`).
    fn generate(u: &mut Unstructured<'_>) -> Result<Self> {
        let mut map = Map::new();
        for _ in 0..u.int_in_range(0..=3)? {
            map.insert(String::generate(u)?, json(u, 1)?);
        }
        Ok(map)
    }
}

/// Any JSON value, `depth` levels down.
pub(crate) fn json(u: &mut Unstructured<'_>, depth: u32) -> Result<Value> {
    let kinds = if depth >= MAX_DEPTH { 4 } else { 6 };
    Ok(match u.choose_index(kinds)? {
        0 => Value::Null,
        1 => Value::Bool(bool::arbitrary(u)?),
        2 => Value::Number(number(u)?),
        3 => Value::String(String::generate(u)?),
        4 => {
            let len = u.int_in_range(0..=3)?;
            Value::Array(
                (0..len)
                    .map(|_| json(u, depth + 1))
                    .collect::<Result<_>>()?,
            )
        }
        _ => {
            let len = u.int_in_range(0..=3)?;
            let mut map = Map::new();
            for _ in 0..len {
                map.insert(String::generate(u)?, json(u, depth + 1)?);
            }
            Value::Object(map)
        }
    })
}

/// Members this version does not model, for an object's `extra`: none most of the time,
/// else one or two, each key `x-` and any text (so that it is no documented key of any
/// object, and no key that tells a kind), each value any JSON.
pub(crate) fn extra(u: &mut Unstructured<'_>) -> Result<Map<String, Value>> {
    let mut map = Map::new();
    if u.ratio(1, 4)? {
        for _ in 0..u.int_in_range(1..=2)? {
            map.insert(format!("x-{}", String::generate(u)?), json(u, 1)?);
        }
    }
    Ok(map)
}

/// A value of an open enum: one of `known` most of the time, else a string no known value
/// matches (kept as `Unknown`).
pub(crate) fn open<T: Clone>(
    u: &mut Unstructured<'_>,
    known: &[T],
    unknown: impl Fn(String) -> Option<T>,
) -> Result<T> {
    if u.ratio(1, 5)? {
        if let Some(value) = unknown(String::generate(u)?) {
            return Ok(value);
        }
    }
    u.choose(known).cloned()
}

/// `Arbitrary` for the wire's public values, through [`Generate`].
macro_rules! arbitrary_by_generate {
    ($($ty:ty)*) => {
        $(
            impl<'a> Arbitrary<'a> for $ty {
                fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
                    Generate::generate(u)
                }
            }
        )*
    };
}

arbitrary_by_generate! { Id Numeric Timestamp }
