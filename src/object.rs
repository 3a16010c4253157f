//! How every JSON object of the crate is declared, read and written: the documented
//! fields typed, every other field kept in `extra` and written back, in one pass and
//! without `#[serde(flatten)]` (which buffers the whole object before reading it).
//!
//! An object is read in place by the one reader in [`read`]: it starts as a placeholder
//! (every field `None`, every required field a dummy value), each member is written
//! straight into its field, a bit per field records which were given (a key given twice
//! is an error, a required key never given is an error where the object ends), and an
//! object inside it is read into its field the same way. Nothing is built and then moved
//! up through layers of a deserializer: the objects are large (an incoming message is 584
//! bytes).
//!
//! Each type's `Deserialize` hands the text of its value to the same reader (through
//! serde_json's `RawValue`), so `serde_json::from_str::<StatusCallback>` reads exactly what
//! [`parse_body`](crate::parse_body) reads, with the same errors.

use serde::de::{self, Deserialize, Deserializer};
use serde_json::{Map, Value};

pub(crate) mod read;

use read::Reader;

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

impl Placeholder for crate::scalar::Id {
    fn placeholder() -> Self {
        Self::Number(0)
    }
}

impl Placeholder for crate::scalar::Numeric {
    fn placeholder() -> Self {
        Self::Number(0.into())
    }
}

impl Placeholder for crate::timestamp::Timestamp {
    fn placeholder() -> Self {
        Self::new(time::OffsetDateTime::UNIX_EPOCH)
    }
}

/// What the reader needs of an object: an object-safe trait, so that the one loop over
/// an object's members ([`read::read_members`]) serves every object, and only the reading
/// of each field is the object's own code.
pub(crate) trait Fields {
    /// The keys of the documented fields, in order; field `i` has bit `1 << i`.
    fn keys(&self) -> &'static [&'static str];
    /// The same keys with their quotes, to compare with the text in place.
    fn quoted_keys(&self) -> &'static [&'static str];
    /// Reads the value of documented field `i` (its key just read), marking it in `seen`.
    fn read_field(&mut self, i: usize, seen: &mut u64, r: &mut Reader<'_>) -> Option<()>;
    /// Where the fields no struct documents go.
    fn extra_mut(&mut self) -> &mut Map<String, Value>;
    /// The first required field (in declaration order) that `seen` lacks.
    fn missing_in(&self, seen: u64) -> Option<&'static str>;
}

/// An object declared with `wire_object!`.
pub(crate) trait WireObject: Fields + Placeholder {
    /// The keys of the documented fields, in order.
    const KEYS: &'static [&'static str];
    /// What a value of another JSON type is reported as expecting.
    const EXPECTING: &'static str;
}

impl<T: Placeholder> Placeholder for Box<T> {
    fn placeholder() -> Self {
        Box::new(T::placeholder())
    }
}

/// The bit of `key` among `keys` (evaluated at compile time: a key that is not there, or
/// an object of more than 64 fields, does not compile).
pub(crate) const fn bit(keys: &[&str], key: &str) -> u64 {
    let mut i = 0;
    while i < keys.len() {
        if const_eq(keys[i].as_bytes(), key.as_bytes()) {
            assert!(i < 64, "an object has at most 64 documented fields");
            return 1 << i;
        }
        i += 1;
    }
    panic!("not a documented key of the object")
}

const fn const_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A type's `Deserialize`: the text of the value, read by `read` (the crate's reader).
/// Only serde_json's deserializers (and those that wrap one, or `serde_json::Value`) can
/// hand over the text; the error is the crate's [`Error`](crate::Error), as text.
pub(crate) fn deserialize_text<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    read: fn(&str) -> Result<T, crate::Error>,
) -> Result<T, D::Error> {
    let raw = <Box<serde_json::value::RawValue>>::deserialize(deserializer)?;
    read(raw.get()).map_err(|e| {
        crate::error::remember(&e);
        de::Error::custom(e)
    })
}

/// Declares a JSON object: the struct, its `Serialize` (documented fields in order, then
/// `extra`), its one-pass, in-place reading, and a `Deserialize` that hands the value's
/// text to that reading.
///
/// Each field is `req` (absence is an error) or `opt` (absence and `null` are the same),
/// and may name a wrapper that writes it (`=> Lower` for the legacy lower-case fields).
/// An `opt` field is written as `null` when empty, as edna writes it. This declaration is
/// the one place a field is added.
macro_rules! wire_object {
    (@missing req $name:ident, $seen:ident, $key:literal) => {
        if $seen & const { $crate::object::bit(<$name as $crate::object::WireObject>::KEYS, $key) } == 0 {
            return Some($key);
        }
    };
    (@missing opt $name:ident, $seen:ident, $key:literal) => {};
    (@entry $map:ident, $key:literal, $value:expr) => {
        serde::ser::SerializeMap::serialize_entry(&mut *$map, $key, $value)?
    };
    (@entry $map:ident, $key:literal, $value:expr, $wrap:ident) => {
        serde::ser::SerializeMap::serialize_entry(&mut *$map, $key, &$crate::enums::$wrap($value))?
    };
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $req:ident $field:ident : $fty:ty = $key:literal $(=> $wrap:ident)? $($nested:ident)?,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $fty, )*
            /// Fields this version of the crate does not model, kept exactly as they came
            /// and written back after the documented ones.
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        impl $crate::object::Placeholder for $name {
            #[inline(always)]
            fn placeholder() -> Self {
                $name {
                    $( $field: <$fty as $crate::object::Placeholder>::placeholder(), )*
                    extra: serde_json::Map::new(),
                }
            }
        }

        impl $crate::object::WireObject for $name {
            const KEYS: &'static [&'static str] = &[$($key),*];
            const EXPECTING: &'static str = concat!("an object (", stringify!($name), ")");
        }

        // The bits of `seen`: at most 64 documented fields.
        const _: () = assert!(<$name as $crate::object::WireObject>::KEYS.len() <= 64);

        impl $crate::object::Fields for $name {
            fn keys(&self) -> &'static [&'static str] {
                <Self as $crate::object::WireObject>::KEYS
            }

            fn quoted_keys(&self) -> &'static [&'static str] {
                &[$(concat!("\"", $key, "\"")),*]
            }

            /// The one place each field is read.
            fn read_field(
                &mut self,
                i: usize,
                seen: &mut u64,
                r: &mut $crate::object::read::Reader<'_>,
            ) -> Option<()> {
                let key = *<Self as $crate::object::WireObject>::KEYS.get(i)?;
                if $crate::object::read::first_time(r, seen, 1 << i, key).is_none() {
                    return r.at_key(key);
                }
                let mut at = 0usize;
                let read = 'read: {
                    $(
                        if i == at {
                            break 'read $crate::object::read::Field::read(&mut self.$field, r);
                        }
                        at += 1;
                    )*
                    let _ = at;
                    None
                };
                if read.is_none() {
                    return r.at_key(key);
                }
                Some(())
            }

            fn extra_mut(&mut self) -> &mut serde_json::Map<String, serde_json::Value> {
                &mut self.extra
            }

            fn missing_in(&self, seen: u64) -> Option<&'static str> {
                $( wire_object!(@missing $req $name, seen, $key); )*
                let _ = seen;
                None
            }
        }

        impl $crate::object::read::Field for $name {
            const EXPECTING: &'static str = <$name as $crate::object::WireObject>::EXPECTING;
            #[inline]
            fn read(slot: &mut Self, r: &mut $crate::object::read::Reader<'_>) -> Option<()> {
                $crate::object::read::read_object(slot, r)
            }
        }

        impl $name {
            /// How many documented fields the object writes.
            const FIELD_COUNT: usize = <$name as $crate::object::WireObject>::KEYS.len();

            /// Writes the documented fields, then `extra`, into a map being serialized.
            #[allow(dead_code)]
            pub(crate) fn serialize_entries<M: serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> Result<(), M::Error> {
                $( wire_object!(@entry map, $key, &self.$field $(, $wrap)?); )*
                for (key, value) in &self.extra {
                    map.serialize_entry(key, value)?;
                }
                Ok(())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(Self::FIELD_COUNT + self.extra.len()))?;
                self.serialize_entries(&mut map)?;
                map.end()
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            /// Reads the value with the crate's reader: what `parse_body` reads, with the
            /// same errors (as text). Needs one of serde_json's deserializers.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::object::deserialize_text(deserializer, $crate::object::read::read_text::<$name>)
            }
        }
    };
}
