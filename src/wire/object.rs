//! How every JSON object of the crate is declared, read and written: the documented
//! fields typed, every other field kept in `extra` and written back, in one pass and
//! without `#[serde(flatten)]` (which buffers the whole object before reading it).
//!
//! An object is read in place by the one reader in [`read`](super::read): it starts as a
//! placeholder (every field `None`, every required field a dummy value), each member is
//! written straight into its field, a bit per field records which were given (a key given
//! twice is an error, a required key never given is an error where the object ends), and
//! an object inside it is read into its field the same way. Nothing is built and then
//! moved up through layers of a deserializer: the objects are large (an incoming message
//! is several hundred bytes).
//!
//! Each type's `Deserialize` hands the text of its value to the same reader (see
//! [`bridge`](super::bridge)), so `serde_json::from_str::<StatusCallback>` reads exactly
//! what `parse_body` reads, with the same errors.

use serde_json::{Map, Value};

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

/// Whether two byte strings are equal, in a constant.
pub(crate) const fn const_eq(a: &[u8], b: &[u8]) -> bool {
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

/// The `one` fields of an object (see `wire_object!`), gathered as the required-field
/// check goes over them: whether one holds a value, and which to name if none does (the
/// first not given, else the first).
pub(crate) struct OneOf {
    named: &'static str,
    named_is_absent: bool,
    held: bool,
}

impl OneOf {
    /// The group, starting with its first field `key` (given or not).
    pub(crate) fn new(key: &'static str, given: bool) -> Self {
        Self {
            named: key,
            named_is_absent: !given,
            held: false,
        }
    }

    /// Adds field `key`: whether it was given, and whether it holds a value.
    pub(crate) fn add(&mut self, key: &'static str, given: bool, held: bool) {
        self.held |= held;
        if !given && !self.named_is_absent {
            self.named = key;
            self.named_is_absent = true;
        }
    }

    /// The field to name as missing, if no field of the group holds a value.
    pub(crate) fn missing(self) -> Option<&'static str> {
        (!self.held).then_some(self.named)
    }
}

/// The documented member `key` of an object as JSON, for `get`: the typed field written as
/// JSON when it holds a value, else what `extra` keeps under the key; `None` for an empty
/// field, an absent key and `null`.
pub(crate) fn member<T: serde::Serialize + ?Sized>(
    typed: Option<&T>,
    extra: &Map<String, Value>,
    key: &str,
) -> Option<Value> {
    match typed {
        Some(value) => serde_json::to_value(value).ok().filter(|v| !v.is_null()),
        None => extra.get(key).filter(|v| !v.is_null()).cloned(),
    }
}

/// Declares a JSON object: the struct (`#[non_exhaustive]`, every field public), its
/// chainable setters, `get`, its `Serialize` (documented fields in order, then `extra`),
/// its one-pass, in-place reading, and a `Deserialize` that hands the value to that
/// reading (see [`bridge`](super::bridge)).
///
/// Each field is declared on one line, the one place it is added:
///
/// ```text
/// /// Docs.
/// opt subject_id: Id = "subjectId", with_subject_id;
/// ```
///
/// - `req`: required, never `null` (the field is `T`);
/// - `opt`: optional, absence and `null` are the same (the field is `Option<T>`, written
///   as `null` when empty, as edna writes it);
/// - `nul`: required, but `null` is allowed (the field is `Option<T>`);
/// - `one`: one of a group: every `one` field of the object is optional on its own (the
///   field is `Option<T>`, absence and `null` the same), but the object needs at least one
///   of them holding a value, else it is refused naming the first of them not given (a
///   legacy status has `imOutMessageId` or `smsOutMessageId`). Unlike `opt`, a value it
///   cannot read is refused, not kept.
///
/// `=> Lower` after the key writes a known enum value in lower case (the legacy API's
/// spelling). The last name is the setter, `with_<field>`, which takes `impl Into<T>`.
macro_rules! wire_object {
    (@type req $ty:ty) => { $ty };
    (@type opt $ty:ty) => { Option<$ty> };
    (@type nul $ty:ty) => { Option<$ty> };
    (@type one $ty:ty) => { Option<$ty> };
    (@wrap req $value:expr) => { $value };
    (@wrap opt $value:expr) => { Some($value) };
    (@wrap nul $value:expr) => { Some($value) };
    (@wrap one $value:expr) => { Some($value) };
    (@placeholder req $ty:ty) => { <$ty as $crate::wire::read::Placeholder>::placeholder() };
    (@placeholder opt $ty:ty) => { None };
    (@placeholder nul $ty:ty) => { None };
    (@placeholder one $ty:ty) => { None };
    (@missing req $name:ident, $seen:ident, $key:literal) => {
        if $seen & const { $crate::wire::object::bit(<$name as $crate::wire::read::WireObject>::KEYS, $key) } == 0 {
            return Some($key);
        }
    };
    (@missing nul $name:ident, $seen:ident, $key:literal) => {
        wire_object!(@missing req $name, $seen, $key)
    };
    (@missing opt $name:ident, $seen:ident, $key:literal) => {};
    (@missing one $name:ident, $seen:ident, $key:literal) => {};
    (@one one $group:ident, $value:expr, $name:ident, $seen:ident, $key:literal) => {{
        let given = $seen & const { $crate::wire::object::bit(<$name as $crate::wire::read::WireObject>::KEYS, $key) } != 0;
        let group = $group.get_or_insert($crate::wire::object::OneOf::new($key, given));
        group.add($key, given, $value.is_some());
    }};
    (@one $req:ident $group:ident, $value:expr, $name:ident, $seen:ident, $key:literal) => {};
    (@is_kept opt $self:ident, $field:ident, $key:literal) => {
        $self.$field.is_none() && $self.extra.contains_key($key)
    };
    (@is_kept $req:ident $self:ident, $field:ident, $key:literal) => { false };
    (@is_one one) => { true };
    (@is_one $req:ident) => { false };
    (@some_one one $value:expr) => { $value.is_some() };
    (@some_one $req:ident $value:expr) => { false };
    (@one_fill one $value:expr, $ty:ty, $u:ident, $done:ident) => {
        if !$done {
            $value = Some(<$ty as $crate::wire::generate::Generate>::generate($u)?);
            $done = true;
        }
    };
    (@one_fill $req:ident $value:expr, $ty:ty, $u:ident, $done:ident) => {};
    (@optional req) => { 0 };
    (@optional nul) => { 0 };
    (@optional one) => { 0 };
    (@optional opt) => { 1 };
    (@typed req $value:expr) => { Some(&$value) };
    (@typed opt $value:expr) => { $value.as_ref() };
    (@typed nul $value:expr) => { $value.as_ref() };
    (@typed one $value:expr) => { $value.as_ref() };
    (@get $req:ident, $value:expr, $extra:expr, $key:literal) => {
        $crate::wire::object::member(wire_object!(@typed $req $value), $extra, $key)
    };
    (@get $req:ident, $value:expr, $extra:expr, $key:literal, $wrap:ident) => {
        $crate::wire::object::member(
            wire_object!(@typed $req $value).map($crate::wire::open_enum::$wrap).as_ref(),
            $extra,
            $key,
        )
    };
    (@kept opt $self:ident, $map:ident, $key:literal, $field:ident $(, $wrap:ident)?) => {
        match (&$self.$field, $self.extra.get($key)) {
            (None, Some(kept)) => serde::ser::SerializeMap::serialize_entry(&mut *$map, $key, &$crate::wire::plain::Plain(kept))?,
            _ => wire_object!(@entry $map, $key, &$self.$field $(, $wrap)?),
        }
    };
    (@kept $req:ident $self:ident, $map:ident, $key:literal, $field:ident $(, $wrap:ident)?) => {
        wire_object!(@entry $map, $key, &$self.$field $(, $wrap)?)
    };
    (@entry $map:ident, $key:literal, $value:expr) => {
        serde::ser::SerializeMap::serialize_entry(&mut *$map, $key, $value)?
    };
    (@entry $map:ident, $key:literal, $value:expr, $wrap:ident) => {
        serde::ser::SerializeMap::serialize_entry(&mut *$map, $key, &$crate::wire::open_enum::$wrap($value))?
    };
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $req:ident $field:ident : $ty:ty = $key:literal $(=> $wrap:ident)?, $with:ident;
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: wire_object!(@type $req $ty), )*
            /// Fields this version of the crate does not model, kept exactly as they came
            /// (as their text, read into a map on first use: see `Kept`) and written back
            /// after the documented ones.
            pub extra: $crate::wire::kept::Kept<serde_json::Map<String, serde_json::Value>>,
        }

        impl $crate::wire::read::Placeholder for $name {
            #[inline(always)]
            fn placeholder() -> Self {
                $name {
                    $( $field: wire_object!(@placeholder $req $ty), )*
                    extra: $crate::wire::kept::Kept::default(),
                }
            }
        }

        impl $crate::wire::read::WireObject for $name {
            const KEYS: &'static [&'static str] = &[$($key),*];
            const EXPECTING: &'static str = concat!("an object (", stringify!($name), ")");
        }

        // The bits of `seen`: at most 64 documented fields.
        const _: () = assert!(<$name as $crate::wire::read::WireObject>::KEYS.len() <= 64);

        impl $crate::wire::read::Fields for $name {
            fn keys(&self) -> &'static [&'static str] {
                <Self as $crate::wire::read::WireObject>::KEYS
            }

            fn quoted_keys(&self) -> &'static [&'static str] {
                &[$(concat!("\"", $key, "\"")),*]
            }

            /// The one place each field is read.
            fn read_field(
                &mut self,
                i: usize,
                seen: &mut u64,
                r: &mut $crate::wire::read::Reader<'_>,
            ) -> Option<()> {
                let key = *<Self as $crate::wire::read::WireObject>::KEYS.get(i)?;
                $crate::wire::read::first_time(r, seen, 1 << i, key)?;
                let mut at = 0usize;
                $(
                    if i == at {
                        return $crate::wire::read::Field::read(&mut self.$field, r);
                    }
                    at += 1;
                )*
                let _ = at;
                None
            }

            fn extra_mut(&mut self) -> &mut $crate::wire::kept::Kept<serde_json::Map<String, serde_json::Value>> {
                &mut self.extra
            }

            fn extra_ref(&self) -> &$crate::wire::kept::Kept<serde_json::Map<String, serde_json::Value>> {
                &self.extra
            }

            fn missing_in(&self, seen: u64) -> Option<&'static str> {
                $( wire_object!(@missing $req $name, seen, $key); )*
                // The `one` fields: at least one must hold a value.
                #[allow(unused_mut)]
                let mut group: Option<$crate::wire::object::OneOf> = None;
                $( wire_object!(@one $req group, self.$field, $name, seen, $key); )*
                let _ = seen;
                group.and_then($crate::wire::object::OneOf::missing)
            }

            fn optional(&self) -> u64 {
                const OPTIONAL: u64 = {
                    let mut mask = 0u64;
                    let mut at = 0u32;
                    $(
                        mask |= wire_object!(@optional $req) << at;
                        at += 1;
                    )*
                    let _ = at;
                    mask
                };
                OPTIONAL
            }
        }

        impl $crate::wire::survey::Survey for $name {
            fn survey(
                &self,
                path: &mut $crate::wire::survey::Path,
                out: &mut Vec<$crate::wire::survey::Unrecognized>,
            ) {
                $(
                    let back = path.key($key);
                    if wire_object!(@is_kept $req self, $field, $key) {
                        path.found($crate::wire::survey::Unfamiliar::OddValue, out);
                    } else {
                        $crate::wire::survey::Survey::survey(&self.$field, path, out);
                    }
                    path.back(back);
                )*
                $crate::wire::survey::undocumented(
                    <Self as $crate::wire::read::WireObject>::KEYS,
                    &self.extra,
                    path,
                    out,
                );
            }
        }

        impl $crate::wire::read::Field for $name {
            const EXPECTING: &'static str = <$name as $crate::wire::read::WireObject>::EXPECTING;
            #[inline]
            fn read(slot: &mut Self, r: &mut $crate::wire::read::Reader<'_>) -> Option<()> {
                $crate::wire::read::read_object(slot, r)
            }
        }

        impl $name {
            /// How many documented fields the object writes.
            const FIELD_COUNT: usize = <$name as $crate::wire::read::WireObject>::KEYS.len();

            $(
                #[doc = concat!("Sets `", $key, "` ([`", stringify!($field), "`](Self::", stringify!($field), ")).")]
                #[must_use]
                pub fn $with(mut self, value: impl Into<$ty>) -> Self {
                    self.$field = wire_object!(@wrap $req value.into());
                    self
                }
            )*

            /// What this object carried that this version did not understand (undocumented
            /// keys, unknown values, values kept as they came), by path from this object,
            /// never by value.
            pub fn unrecognized(&self) -> Vec<$crate::wire::survey::Unrecognized> {
                $crate::wire::survey::survey(self)
            }

            /// The member `key` as JSON, whether this version reads it into a field or keeps
            /// it in [`extra`](Self::extra): code that reads a key through `get` keeps
            /// working when a later version turns that key from `extra` into a typed field.
            /// `None` when the key is absent, `null`, or its field is empty.
            pub fn get(&self, key: &str) -> Option<serde_json::Value> {
                $(
                    if key == $key {
                        return wire_object!(@get $req, self.$field, &self.extra, $key $(, $wrap)?);
                    }
                )*
                self.extra.get(key).filter(|v| !v.is_null()).cloned()
            }

            /// Writes the documented fields, then `extra`, into a map being serialized. A
            /// documented key that `extra` holds (a value its optional field could not
            /// read, kept as it came) is written in its field's place while the field is
            /// empty, and never twice.
            pub(crate) fn serialize_entries<M: serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> Result<(), M::Error> {
                $( wire_object!(@kept $req self, map, $key, $field $(, $wrap)?); )*
                for (key, value) in self.extra.iter() {
                    if !<Self as $crate::wire::read::WireObject>::KEYS.contains(&key.as_str()) {
                        map.serialize_entry(key, &$crate::wire::plain::Plain(value))?;
                    }
                }
                Ok(())
            }

            /// How many members `serialize_entries` writes.
            pub(crate) fn entry_count(&self) -> usize {
                let keys = <Self as $crate::wire::read::WireObject>::KEYS;
                let kept = if self.extra.is_empty() {
                    0
                } else {
                    self.extra.keys().filter(|key| keys.contains(&key.as_str())).count()
                };
                Self::FIELD_COUNT + self.extra.len() - kept
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(self.entry_count()))?;
                self.serialize_entries(&mut map)?;
                map.end()
            }
        }

        #[cfg(feature = "arbitrary")]
        impl $crate::wire::generate::Generate for $name {
            /// Every field generated (each optional one present or not), and sometimes
            /// undocumented members.
            fn generate(u: &mut ::arbitrary::Unstructured<'_>) -> ::arbitrary::Result<Self> {
                let mut value = <Self as $crate::wire::read::Placeholder>::placeholder();
                $(
                    value.$field = <wire_object!(@type $req $ty) as $crate::wire::generate::Generate>::generate(u)?;
                )*
                // The `one` fields: at least one holds a value.
                let needs_one = false $( || wire_object!(@is_one $req) )*;
                let some_one = false $( || wire_object!(@some_one $req value.$field) )*;
                #[allow(unused_mut)]
                let mut done = !needs_one || some_one;
                $( wire_object!(@one_fill $req value.$field, $ty, u, done); )*
                let _ = done;
                value.extra = $crate::wire::generate::extra(u)?.into();
                Ok(value)
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<'a> ::arbitrary::Arbitrary<'a> for $name {
            /// A valid value: written as JSON, it reads back equal. Every field generated
            /// (each optional one present or not: strings odd and arbitrary, ids and
            /// numbers in both JSON types, known and unknown enum values, timestamps in
            /// any offset), and sometimes undocumented members.
            fn arbitrary(u: &mut ::arbitrary::Unstructured<'a>) -> ::arbitrary::Result<Self> {
                $crate::wire::generate::Generate::generate(u)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            /// Reads the value with the crate's reader: what `parse_body` reads, with the
            /// same errors. Works with any self-describing format; serde_json's
            /// deserializers hand the reader the text itself.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::wire::bridge::deserialize(deserializer, $crate::wire::read::read_one::<$name>)
            }
        }
    };
}

/// `Default` for objects declared with [`wire_object!`] whose fields are all optional:
/// every field empty (written as `null`), no `extra`. An object with a required field has
/// no empty value, so no `Default`.
macro_rules! empty_default {
    ($($name:ident)*) => {
        $(
            impl Default for $name {
                /// Every field empty (written as `null`), no `extra`.
                fn default() -> Self {
                    <Self as $crate::wire::read::Placeholder>::placeholder()
                }
            }
        )*
    };
}
