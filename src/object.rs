//! How every JSON object of the crate is read and written: the documented fields typed,
//! every other field kept in `extra` and written back, in one pass and without
//! `#[serde(flatten)]` (which buffers the whole object before reading it).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

/// An object key, borrowed from the body when it has no escapes.
pub(crate) struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    pub(crate) fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl Deref for Key<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
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

/// An object being read: one slot for each documented field.
pub(crate) trait Partial<'de>: Default {
    /// The finished object.
    type Output;
    /// What `expecting` says when the value is not an object.
    const EXPECTING: &'static str;
    /// Reads the value of `key` into its slot if `key` is a documented field; `Ok(false)`
    /// leaves the value unread for the caller to keep in `extra`.
    fn accept<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
    /// Builds the object, or names the first required field that was absent.
    fn finish<E: de::Error>(self, extra: Map<String, Value>) -> Result<Self::Output, E>;
}

/// Keeps a field no struct documents. A key given twice is an error, as it is for the
/// documented fields: keeping either value would silently drop the other.
pub(crate) fn keep_extra<'de, A: MapAccess<'de>>(
    extra: &mut Map<String, Value>,
    key: Key<'de>,
    map: &mut A,
) -> Result<(), A::Error> {
    let value: Value = map.next_value()?;
    match extra.entry(key.into_owned()) {
        serde_json::map::Entry::Vacant(slot) => {
            slot.insert(value);
            Ok(())
        }
        serde_json::map::Entry::Occupied(slot) => Err(de::Error::custom(format_args!(
            "duplicate field `{}`",
            slot.key()
        ))),
    }
}

/// Reads the value of `key` into its empty slot. A key given twice is an error: keeping
/// either value would silently drop the other.
pub(crate) fn fill<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    slot: &mut Option<T>,
    key: &'static str,
    map: &mut A,
) -> Result<bool, A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(key));
    }
    *slot = Some(map.next_value()?);
    Ok(true)
}

/// Reads one object into `P`.
pub(crate) struct ObjectVisitor<P>(PhantomData<P>);

impl<P> Default for ObjectVisitor<P> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<'de, P: Partial<'de>> Visitor<'de> for ObjectVisitor<P> {
    type Value = P::Output;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(P::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<P::Output, A::Error> {
        let mut partial = P::default();
        let mut extra = Map::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if !partial.accept(&key, &mut map)? {
                keep_extra(&mut extra, key, &mut map)?;
            }
        }
        partial.finish(extra)
    }
}

/// Declares a JSON object: the struct, its `Serialize` (documented fields in order, then
/// `extra`), and its one-pass `Deserialize`.
///
/// Each field is `req` (absence is an error) or `opt` (absence and `null` are the same),
/// and may name a wrapper that writes it (`=> Lower` for the legacy lower-case fields).
/// An `opt` field is written as `null` when empty, as edna writes it.
macro_rules! wire_object {
    (@finish req $slot:expr, $key:literal) => {
        match $slot {
            Some(value) => value,
            None => return Err(E::missing_field($key)),
        }
    };
    (@finish opt $slot:expr, $key:literal) => {
        $slot.unwrap_or_default()
    };
    (@entry $map:ident, $key:literal, $value:expr) => {
        serde::ser::SerializeMap::serialize_entry(&mut *$map, $key, $value)?
    };
    (@entry $map:ident, $key:literal, $value:expr, $wrap:ident) => {
        serde::ser::SerializeMap::serialize_entry(&mut *$map, $key, &$crate::enums::$wrap($value))?
    };
    (
        $(#[$meta:meta])*
        pub struct $name:ident / $partial:ident {
            $(
                $(#[$fmeta:meta])*
                $req:ident $field:ident : $fty:ty = $key:literal $(=> $wrap:ident)?,
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

        #[derive(Default)]
        pub(crate) struct $partial {
            $( pub(crate) $field: Option<$fty>, )*
        }

        impl $partial {
            /// The keys of the documented fields.
            pub(crate) const KEYS: &'static [&'static str] = &[$($key),*];
        }

        impl<'de> $crate::object::Partial<'de> for $partial {
            type Output = $name;
            const EXPECTING: &'static str = concat!("an object (", stringify!($name), ")");

            fn accept<A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> Result<bool, A::Error> {
                match key {
                    $( $key => $crate::object::fill(&mut self.$field, $key, map), )*
                    _ => Ok(false),
                }
            }

            fn finish<E: serde::de::Error>(
                self,
                extra: serde_json::Map<String, serde_json::Value>,
            ) -> Result<$name, E> {
                Ok($name {
                    $( $field: wire_object!(@finish $req self.$field, $key), )*
                    extra,
                })
            }
        }

        impl $name {
            /// How many documented fields the object writes.
            const FIELD_COUNT: usize = $partial::KEYS.len();

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
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_map($crate::object::ObjectVisitor::<$partial>::default())
            }
        }
    };
}
