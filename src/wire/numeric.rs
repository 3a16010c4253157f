//! Numbers edna sends as JSON numbers or strings: kept exactly as they came.

use std::fmt;

use super::read::{Field, Placeholder, Reader};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// serde_json's name for a number it hands to a visitor as a map of one member, when its
/// `arbitrary_precision` feature is on (any crate in a build can turn it on: cargo unifies
/// features).
pub(crate) const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The text of a number handed over as such a map; `None` (its first key read) when the
/// map is something else.
pub(crate) fn number_text<'de, A: de::MapAccess<'de>>(
    map: &mut A,
) -> Result<Option<String>, A::Error> {
    match map.next_key::<std::borrow::Cow<'de, str>>()? {
        Some(key) if key == NUMBER_TOKEN => map.next_value::<String>().map(Some),
        _ => Ok(None),
    }
}

/// Whether the text of a JSON number is an integer (`-0` is not: serde_json reads it as a
/// float).
pub(crate) fn is_integer(text: &str) -> bool {
    !text.contains(['.', 'e', 'E']) && text != "-0"
}

/// The error for a float that is no JSON number (infinite or NaN).
pub(crate) const NOT_FINITE: &str = "number is not finite";

/// A number that edna sends either as a JSON number or as a string (coordinates, prices,
/// quantities, sizes, rates).
///
/// Written back exactly as read: `5` stays `5` (not `5.0`), `"55.75"` stays a string.
///
/// ```
/// use edna_callbacks::Numeric;
///
/// let n: Numeric = serde_json::from_str(r#""55.7558""#)?;
/// assert_eq!(n.as_f64(), Some(55.7558));
/// assert_eq!(serde_json::to_string(&n)?, r#""55.7558""#);
/// let price: Numeric = serde_json::from_str("5")?;
/// assert_eq!(serde_json::to_string(&price)?, "5");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Numeric {
    /// The value came as a JSON number (integer or not, as written).
    Number(serde_json::Number),
    /// The value came as a JSON string.
    Text(String),
}

impl Numeric {
    /// The value as a float: the number, or the string parsed after trimming white space.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Self::Number(n) => n.as_f64(),
            Self::Text(s) => s.trim().parse().ok(),
        }
    }

    /// The value as an integer, when it is one (`5`, `"5"`).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Number(n) => n.as_i64(),
            Self::Text(s) => s.trim().parse().ok(),
        }
    }
}

impl fmt::Display for Numeric {
    /// The value as edna wrote it, without JSON quotes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(n) => fmt::Display::fmt(n, f),
            Self::Text(s) => f.write_str(s),
        }
    }
}

impl From<i64> for Numeric {
    fn from(value: i64) -> Self {
        Self::Number(value.into())
    }
}

impl From<&str> for Numeric {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl Serialize for Numeric {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(n) => super::plain::number(n, serializer),
            Self::Text(s) => serializer.serialize_str(s),
        }
    }
}

impl<'de> Deserialize<'de> for Numeric {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Numeric;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a string")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Numeric, E> {
                Ok(Numeric::Number(v.into()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Numeric, E> {
                Ok(Numeric::Number(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Numeric, E> {
                serde_json::Number::from_f64(v)
                    .map(Numeric::Number)
                    .ok_or_else(|| E::custom(NOT_FINITE))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Numeric, E> {
                Ok(Numeric::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Numeric, E> {
                Ok(Numeric::Text(v))
            }
            /// A number under serde_json's `arbitrary_precision`: kept as its text.
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Numeric, A::Error> {
                match number_text(&mut map)? {
                    Some(text) => text
                        .parse::<serde_json::Number>()
                        .map(Numeric::Number)
                        .map_err(|_| de::Error::custom(NOT_FINITE)),
                    None => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
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

impl Placeholder for Numeric {
    fn placeholder() -> Self {
        Self::Number(0.into())
    }
}
