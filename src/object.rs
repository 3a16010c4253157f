//! How every JSON object of the crate is read and written: the documented fields typed,
//! every other field kept in `extra` and written back, in one pass and without
//! `#[serde(flatten)]` (which buffers the whole object before reading it).
//!
//! An object is read in place: it starts as a placeholder (every field `None`, every
//! required field a dummy value), each member is written straight into its field, a bit
//! per field records which were given (a key given twice is an error, a required key never
//! given is an error where the object ends), and an object inside it is read into its
//! field the same way. Nothing is built and then moved up through the layers of the
//! deserializer: the objects are large (an incoming message is 584 bytes, and it was over
//! a kilobyte when such moves were measured at a tenth of the time of a parse).
//!
//! [`parse_body`](crate::parse_body) first tries the fast path in [`fast`], which reads
//! the same objects from the text without serde's machinery and gives up on anything it
//! does not read exactly as this serde path does; this path is the reference, and it is
//! what every error comes from.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

pub(crate) mod fast;

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

/// An object declared with `wire_object!`.
pub(crate) trait WireObject: Placeholder {
    /// The keys of the documented fields, in order; field `i` has bit `1 << i`.
    const KEYS: &'static [&'static str];
    /// What `expecting` says when the value is not an object.
    const EXPECTING: &'static str;
    /// Reads the value of `key` into its field if `key` is a documented field, marking it
    /// in `seen`; `Ok(false)` leaves the value unread for the caller to keep in `extra`.
    fn accept<'de, A: MapAccess<'de>>(
        &mut self,
        seen: &mut u64,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error>;
    /// As [`accept`](Self::accept), on the fast path (`None` gives up).
    fn accept_fast(&mut self, seen: &mut u64, key: &str, r: &mut fast::Reader<'_>) -> Option<bool>;
    /// Reads the rest of an object on the fast path (`None` gives up): the member whose
    /// key `first` was already read, if any, then every member to the end of the object.
    /// Members in the documented order are read by straight-line code, one comparison of
    /// the key in place per field; a key out of that order falls back to
    /// [`accept_fast`](Self::accept_fast). A key the object does not document goes to
    /// `extra`, unless `give_up_on` says it gives up (to read a callback of a kind only
    /// guessed so far, which a key of another kind proves wrong).
    fn read_members_fast<'a>(
        &mut self,
        seen: u64,
        first: Option<&'a str>,
        give_up_on: fn(&str) -> bool,
        r: &mut fast::Reader<'a>,
        members: &mut fast::Members,
    ) -> Option<()>;
    /// Where the fields no struct documents go.
    fn extra_mut(&mut self) -> &mut Map<String, Value>;
    /// The first required field (in declaration order) that `seen` lacks.
    fn missing(seen: u64) -> Option<&'static str>;
}

impl<T: Placeholder> Placeholder for Box<T> {
    fn placeholder() -> Self {
        Box::new(T::placeholder())
    }
}

/// A boxed object is read in place like the object itself (the box is allocated once,
/// when the value is not `null`).
impl<T: WireObject> WireObject for Box<T> {
    const KEYS: &'static [&'static str] = T::KEYS;
    const EXPECTING: &'static str = T::EXPECTING;
    #[inline]
    fn accept<'de, A: MapAccess<'de>>(
        &mut self,
        seen: &mut u64,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        (**self).accept(seen, key, map)
    }
    #[inline]
    fn accept_fast(&mut self, seen: &mut u64, key: &str, r: &mut fast::Reader<'_>) -> Option<bool> {
        (**self).accept_fast(seen, key, r)
    }
    #[inline]
    fn read_members_fast<'a>(
        &mut self,
        seen: u64,
        first: Option<&'a str>,
        give_up_on: fn(&str) -> bool,
        r: &mut fast::Reader<'a>,
        members: &mut fast::Members,
    ) -> Option<()> {
        (**self).read_members_fast(seen, first, give_up_on, r, members)
    }
    #[inline]
    fn extra_mut(&mut self) -> &mut Map<String, Value> {
        (**self).extra_mut()
    }
    #[inline]
    fn missing(seen: u64) -> Option<&'static str> {
        T::missing(seen)
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

/// Marks `bit` in `seen`; a key given twice is an error: keeping either value would
/// silently drop the other.
#[inline(always)]
pub(crate) fn first_time<E: de::Error>(
    seen: &mut u64,
    bit: u64,
    key: &'static str,
) -> Result<(), E> {
    if *seen & bit != 0 {
        return Err(E::duplicate_field(key));
    }
    *seen |= bit;
    Ok(())
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

/// Reads the remaining members of an object into `out`, `seen` marking the fields already
/// given, then checks that every required field was given (so that the error is reported
/// where the object ends, naming the object).
#[inline]
pub(crate) fn read_rest<'de, T: WireObject, A: MapAccess<'de>>(
    out: &mut T,
    mut seen: u64,
    map: &mut A,
) -> Result<(), A::Error> {
    while let Some(key) = map.next_key::<Key<'de>>()? {
        if !out.accept(&mut seen, &key, map)? {
            keep_extra(out.extra_mut(), key, map)?;
        }
    }
    match T::missing(seen) {
        Some(key) => Err(de::Error::missing_field(key)),
        None => Ok(()),
    }
}

/// Reads one object into a `T` of its own.
pub(crate) struct ObjectVisitor<T>(PhantomData<T>);

impl<T> Default for ObjectVisitor<T> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<'de, T: WireObject> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut out = T::placeholder();
        read_rest(&mut out, 0, &mut map)?;
        Ok(out)
    }
}

/// Reads one object into the field it borrows.
pub(crate) struct InPlace<'a, T>(pub(crate) &'a mut T);

impl<'de, T: WireObject> DeserializeSeed<'de> for InPlace<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: WireObject> Visitor<'de> for InPlace<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        read_rest(self.0, 0, &mut map)
    }
}

/// As [`InPlace`], for an optional object (`null` leaves it `None`).
pub(crate) struct OptionInPlace<'a, T>(pub(crate) &'a mut Option<T>);

impl<'de, T: WireObject> DeserializeSeed<'de> for OptionInPlace<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: WireObject> Visitor<'de> for OptionInPlace<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        InPlace(self.0.insert(T::placeholder())).deserialize(deserializer)
    }
}

/// Declares a JSON object: the struct, its `Serialize` (documented fields in order, then
/// `extra`), and its one-pass, in-place `Deserialize`.
///
/// Each field is `req` (absence is an error) or `opt` (absence and `null` are the same),
/// and may name a wrapper that writes it (`=> Lower` for the legacy lower-case fields).
/// An `opt` field is written as `null` when empty, as edna writes it. A field holding
/// another declared object (or an `Option` of one) is marked `nested`, so that it is read
/// in place too.
macro_rules! wire_object {
    (@read req $slot:expr, $map:ident, nested) => {
        $map.next_value_seed($crate::object::InPlace(&mut $slot))?
    };
    (@read opt $slot:expr, $map:ident, nested) => {
        $map.next_value_seed($crate::object::OptionInPlace(&mut $slot))?
    };
    (@read $req:ident $slot:expr, $map:ident) => {
        $slot = $map.next_value()?
    };
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

            #[inline]
            fn accept<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                seen: &mut u64,
                key: &str,
                map: &mut A,
            ) -> Result<bool, A::Error> {
                match key {
                    $( $key => {
                        $crate::object::first_time(
                            seen,
                            const { $crate::object::bit(<$name as $crate::object::WireObject>::KEYS, $key) },
                            $key,
                        )?;
                        wire_object!(@read $req self.$field, map $(, $nested)?);
                        Ok(true)
                    } )*
                    _ => Ok(false),
                }
            }

            #[inline]
            fn accept_fast(
                &mut self,
                seen: &mut u64,
                key: &str,
                r: &mut $crate::object::fast::Reader<'_>,
            ) -> Option<bool> {
                match key {
                    $( $key => {
                        $crate::object::fast::first_time(
                            seen,
                            const { $crate::object::bit(<$name as $crate::object::WireObject>::KEYS, $key) },
                        )?;
                        $crate::object::fast::FastField::read_fast(&mut self.$field, r)?;
                        Some(true)
                    } )*
                    _ => Some(false),
                }
            }

            #[inline]
            fn read_members_fast<'a>(
                &mut self,
                mut seen: u64,
                first: Option<&'a str>,
                give_up_on: fn(&str) -> bool,
                r: &mut $crate::object::fast::Reader<'a>,
                members: &mut $crate::object::fast::Members,
            ) -> Option<()> {
                if let Some(key) = first {
                    $crate::object::fast::accept_or_keep(self, &mut seen, key, give_up_on, r)?;
                }
                let mut more = r.member_start(members)?;
                $(
                    if more && r.key_is(concat!("\"", $key, "\"").as_bytes())? {
                        $crate::object::fast::first_time(
                            &mut seen,
                            const { $crate::object::bit(<$name as $crate::object::WireObject>::KEYS, $key) },
                        )?;
                        $crate::object::fast::FastField::read_fast(&mut self.$field, r)?;
                        more = r.member_start(members)?;
                    }
                )*
                while more {
                    let key = r.key_here()?;
                    $crate::object::fast::accept_or_keep(self, &mut seen, key, give_up_on, r)?;
                    more = r.member_start(members)?;
                }
                <Self as $crate::object::WireObject>::missing(seen).is_none().then_some(())
            }

            fn extra_mut(&mut self) -> &mut serde_json::Map<String, serde_json::Value> {
                &mut self.extra
            }

            fn missing(seen: u64) -> Option<&'static str> {
                $( wire_object!(@missing $req $name, seen, $key); )*
                let _ = seen;
                None
            }
        }

        impl $crate::object::fast::FastField for $name {
            #[inline]
            fn read_fast(slot: &mut Self, r: &mut $crate::object::fast::Reader<'_>) -> Option<()> {
                $crate::object::fast::read_object(slot, r)
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
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_map($crate::object::ObjectVisitor::<$name>::default())
            }
        }
    };
}
