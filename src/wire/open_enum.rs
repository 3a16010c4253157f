//! The machinery of open enums: every value edna controls is declared with `open_enum!`,
//! whose known values are matched without regard to ASCII case, and anything else is kept
//! in `Unknown` exactly as it came. The enums themselves live beside the objects that use
//! them (`common/` for those several sources share).

use std::fmt;

use serde::{Serialize, Serializer};

/// Where `s` is among `wire`: spelled as documented, else ignoring ASCII case (one copy
/// for every enum).
pub(crate) fn known_at(wire: &[&str], s: &str) -> Option<usize> {
    // (`same`: a word compare for short spellings, where `==` calls `memcmp`.)
    wire.iter()
        .position(|w| super::read::same(w.as_bytes(), s.as_bytes()))
        .or_else(|| wire.iter().position(|w| w.eq_ignore_ascii_case(s)))
}

/// Declares an open enum: the listed variants, plus `Unknown(String)`.
///
/// Each variant carries the spelling edna uses in the Pulse API; that is what `as_str`
/// returns and what `Serialize` writes. Fields of the legacy SME API, which writes the same
/// values in lower case, are written through [`Lower`].
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the crate does not know, kept exactly as edna sent it
            /// and written back byte for byte.
            Unknown(String),
        }

        impl $name {
            /// Every known value, in the order of the documentation.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as written on the wire: the documented spelling for a known value,
            /// the original string for an `Unknown` one.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(s) => s,
                }
            }

            /// Whether this is a value the crate does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }

            /// Every known value's spelling, in the order of [`KNOWN`](Self::KNOWN).
            const WIRE: &'static [&'static str] = &[$($wire),+];

            /// The known value `s` names: spelled as documented, else ignoring ASCII case.
            pub(crate) fn known(s: &str) -> Option<Self> {
                Self::KNOWN.get($crate::wire::open_enum::known_at(Self::WIRE, s)?).cloned()
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self::known(s).unwrap_or_else(|| Self::Unknown(s.to_owned()))
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self::known(&s).unwrap_or(Self::Unknown(s))
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        Ok($name::from(v))
                    }
                    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<$name, E> {
                        Ok($name::from(v))
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }

        impl $crate::wire::read::Placeholder for $name {
            fn placeholder() -> Self {
                Self::Unknown(String::new())
            }
        }

        impl $crate::wire::read::Field for $name {
            const EXPECTING: &'static str = concat!("a string (", stringify!($name), ")");
            #[inline(never)]
            fn read(slot: &mut Self, r: &mut $crate::wire::read::Reader<'_>) -> Option<()> {
                *slot = match r.expect_string(<Self as $crate::wire::read::Field>::EXPECTING)? {
                    std::borrow::Cow::Borrowed(s) => Self::from(s),
                    std::borrow::Cow::Owned(s) => Self::from(s),
                };
                Some(())
            }
        }

        impl $crate::wire::survey::Survey for $name {
            fn survey(
                &self,
                path: &mut $crate::wire::survey::Path,
                out: &mut Vec<$crate::wire::survey::Unrecognized>,
            ) {
                if self.is_unknown() {
                    path.found($crate::wire::survey::Unfamiliar::UnknownValue, out);
                }
            }
        }

        #[cfg(feature = "arbitrary")]
        impl $crate::wire::generate::Generate for $name {
            /// A known value most of the time, else a string no known value matches.
            fn generate(u: &mut ::arbitrary::Unstructured<'_>) -> ::arbitrary::Result<Self> {
                $crate::wire::generate::open(u, Self::KNOWN, |s| {
                    Self::known(&s).is_none().then_some(Self::Unknown(s))
                })
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<'a> ::arbitrary::Arbitrary<'a> for $name {
            /// A known value most of the time, else an `Unknown` one.
            fn arbitrary(u: &mut ::arbitrary::Unstructured<'a>) -> ::arbitrary::Result<Self> {
                $crate::wire::generate::Generate::generate(u)
            }
        }

        impl $crate::wire::open_enum::OpenEnum for $name {
            fn wire(&self) -> &str {
                self.as_str()
            }
            fn is_known(&self) -> bool {
                !self.is_unknown()
            }
        }
    };
}

/// What [`Lower`] needs of an open enum.
pub(crate) trait OpenEnum {
    fn wire(&self) -> &str;
    fn is_known(&self) -> bool;
}

/// Writes a known value in lower case and an unknown one unchanged: the legacy SME API
/// writes `read`, `whatsapp` and `text` where Pulse writes `READ`, `WHATSAPP` and `TEXT`.
pub(crate) struct Lower<'a, T>(pub(crate) &'a T);

impl<T: OpenEnum> Serialize for Lower<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct AsciiLower<'a>(&'a str);
        impl fmt::Display for AsciiLower<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                for c in self.0.chars() {
                    fmt::Write::write_char(f, c.to_ascii_lowercase())?;
                }
                Ok(())
            }
        }
        let wire = self.0.wire();
        if self.0.is_known() && wire.bytes().any(|b| b.is_ascii_uppercase()) {
            serializer.collect_str(&AsciiLower(wire))
        } else {
            serializer.serialize_str(wire)
        }
    }
}

impl<T: OpenEnum> Serialize for Lower<'_, Option<T>> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(v) => Lower(v).serialize(serializer),
            None => serializer.serialize_none(),
        }
    }
}
