//! Values edna documents as one JSON type and sends as another: kept exactly as they came.

use std::fmt;

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
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Id {
    /// The id came as a JSON integer.
    Number(i64),
    /// The id came as a JSON string.
    Text(String),
}

impl Id {
    /// The id as an integer: the number itself, or the string when it is an integer in
    /// decimal (`"01"` gives 1, `"test-001"` gives `None`).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Number(n) => Some(*n),
            Self::Text(s) => s.parse().ok(),
        }
    }

    /// The string, when the id came as one.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Number(_) => None,
            Self::Text(s) => Some(s),
        }
    }
}

impl fmt::Display for Id {
    /// The id as edna wrote it, without JSON quotes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(n) => fmt::Display::fmt(n, f),
            Self::Text(s) => f.write_str(s),
        }
    }
}

impl From<i64> for Id {
    fn from(value: i64) -> Self {
        Self::Number(value)
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

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(n) => serializer.serialize_i64(*n),
            Self::Text(s) => serializer.serialize_str(s),
        }
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (an integer or a string)")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
                Ok(Id::Number(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
                i64::try_from(v)
                    .map(Id::Number)
                    .map_err(|_| E::custom("id is a number larger than a 64-bit signed integer"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
                Ok(Id::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Id, E> {
                Ok(Id::Text(v))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

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
            Self::Number(n) => n.serialize(serializer),
            Self::Text(s) => serializer.serialize_str(s),
        }
    }
}

impl<'de> Deserialize<'de> for Numeric {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
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
                    .ok_or_else(|| E::custom("number is not finite"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Numeric, E> {
                Ok(Numeric::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Numeric, E> {
                Ok(Numeric::Text(v))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
