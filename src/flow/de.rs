//! Reads a FLOW text into the caller's type with errors that are safe to log, by
//! construction.
//!
//! The text is first read into a [`Node`] tree (serde_json's parser; keys keep their order
//! and a key given twice stays twice, so the caller's type sees exactly what serde_json
//! would have shown it). The tree is then handed to the caller's `Deserialize` through a
//! deserializer of our own whose error type, [`SafeError`], keeps only what cannot hold a
//! value of the text: the JSON kind of an unexpected value (never the value), what the
//! caller's type expected, its static field names, lengths, and a path made of the caller's
//! field and variant names and array indices. A key the caller's type does not declare is
//! shown as `?`, never by name; a custom message is replaced by a fixed text.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};
use serde::Deserialize;

/// A JSON value as serde_json read it, with object members in order and duplicates kept.
pub(crate) enum Node {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(String),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
                Node::deserialize(d)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
                Ok(Node::Bool(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
                Ok(Node::U64(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
                Ok(Node::I64(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
                Ok(Node::F64(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
                Ok(Node::Str(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
                Ok(Node::Str(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(node) = seq.next_element()? {
                    out.push(node);
                }
                Ok(Node::Array(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
                while let Some((key, value)) = map.next_entry::<String, Node>()? {
                    out.push((key, value));
                }
                Ok(Node::Object(out))
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

impl Node {
    /// The node's kind, for an error raised by the deserializer itself.
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Node::Null => Unexpected::Unit,
            Node::Bool(b) => Unexpected::Bool(*b),
            Node::U64(n) => Unexpected::Unsigned(*n),
            Node::I64(n) => Unexpected::Signed(*n),
            Node::F64(n) => Unexpected::Float(*n),
            Node::Str(s) => Unexpected::Str(s),
            Node::Array(_) => Unexpected::Seq,
            Node::Object(_) => Unexpected::Map,
        }
    }

    /// Hands the node to `visitor`; `fields` are the caller's declared field names when an
    /// object is read as a struct.
    fn visit<'de, V: Visitor<'de>>(
        self,
        fields: Option<&'static [&'static str]>,
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        match self {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(b),
            Node::U64(n) => visitor.visit_u64(n),
            Node::I64(n) => visitor.visit_i64(n),
            Node::F64(n) => visitor.visit_f64(n),
            Node::Str(s) => visitor.visit_string(s),
            Node::Array(items) => {
                let len = items.len();
                let mut seq = Seq {
                    items: items.into_iter(),
                    index: 0,
                };
                let value = visitor.visit_seq(&mut seq)?;
                if seq.items.len() == 0 {
                    Ok(value)
                } else {
                    Err(de::Error::invalid_length(len, &"fewer elements in array"))
                }
            }
            Node::Object(members) => {
                let len = members.len();
                let mut map = Map {
                    members: members.into_iter(),
                    value: None,
                    segment: Segment::Undeclared,
                    fields,
                };
                let value = visitor.visit_map(&mut map)?;
                if map.members.len() == 0 {
                    Ok(value)
                } else {
                    Err(de::Error::invalid_length(len, &"fewer elements in map"))
                }
            }
        }
    }
}

/// One step of the path to an error: only names and numbers the caller's type gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Segment {
    /// A field or variant the caller's type declares.
    Declared(&'static str),
    /// An array index.
    Index(usize),
    /// A key the caller's type does not declare (a map's key, an unknown field).
    Undeclared,
}

/// The error of reading a FLOW text into the caller's type. Holds only the crate's own
/// words, JSON kinds, the caller's `expected` texts and static names, and numbers.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SafeError {
    /// The path, innermost step first.
    path: Vec<Segment>,
    message: String,
}

impl SafeError {
    fn new(message: String) -> Self {
        SafeError {
            path: Vec::new(),
            message,
        }
    }

    /// The error seen from one level up: `segment` is where it happened.
    fn at(mut self, segment: Segment) -> Self {
        self.path.push(segment);
        self
    }

    /// What was wrong, without the path.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    /// The path inside the text: `topic`, `answers[2].rating`, `.` for the text itself.
    pub(crate) fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.path.iter().rev() {
            match segment {
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
                Segment::Declared(name) => push_name(&mut out, name),
                Segment::Undeclared => push_name(&mut out, "?"),
            }
        }
        if out.is_empty() {
            out.push('.');
        }
        out
    }
}

/// Appends `.name`, or `["name"]` when the name holds anything but letters, digits, `_`,
/// `-` and `@` (so that a declared name such as `a.b` or `?` reads as one key).
fn push_name(out: &mut String, name: &str) {
    let plain = name == "?"
        || (!name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'@')));
    if plain {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(name);
    } else {
        out.push('[');
        out.push_str(&serde_json::Value::from(name).to_string());
        out.push(']');
    }
}

impl fmt::Display for SafeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at `{}`: {}", self.path(), self.message)
    }
}

impl std::error::Error for SafeError {}

/// The JSON kind of an unexpected value, without the value.
fn kind(unexpected: &Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Bool(_) => "boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "integer",
        Unexpected::Float(_) => "floating point",
        Unexpected::Char(_) => "character",
        Unexpected::Str(_) => "string",
        Unexpected::Bytes(_) => "byte array",
        Unexpected::Unit => "null",
        Unexpected::Option => "optional value",
        Unexpected::NewtypeStruct => "newtype struct",
        Unexpected::Seq => "sequence",
        Unexpected::Map => "map",
        Unexpected::Enum => "enum",
        Unexpected::UnitVariant => "unit variant",
        Unexpected::NewtypeVariant => "newtype variant",
        Unexpected::TupleVariant => "tuple variant",
        Unexpected::StructVariant => "struct variant",
        // Its text comes from the visitor and may describe the value: not repeated.
        Unexpected::Other(_) => "value of another kind",
    }
}

/// serde's "one of" list of the names the caller's type declares.
fn one_of(names: &'static [&'static str], none: &str) -> String {
    match names {
        [] => none.to_owned(),
        [only] => format!("expected `{only}`"),
        [first, second] => format!("expected `{first}` or `{second}`"),
        _ => {
            let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("expected one of {}", list.join(", "))
        }
    }
}

/// The fixed text that stands for a message the caller's type wrote itself.
pub(crate) const REFUSED: &str = "the caller's type refused the value";

impl de::Error for SafeError {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        SafeError::new(REFUSED.to_owned())
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        SafeError::new(format!(
            "invalid type: {}, expected {expected}",
            kind(&unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        SafeError::new(format!(
            "invalid value: {}, expected {expected}",
            kind(&unexpected)
        ))
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        SafeError::new(format!("invalid length {len}, expected {expected}"))
    }

    fn unknown_variant(_variant: &str, expected: &'static [&'static str]) -> Self {
        SafeError::new(format!(
            "unknown variant, {}",
            one_of(expected, "there are no variants")
        ))
    }

    fn unknown_field(_field: &str, expected: &'static [&'static str]) -> Self {
        SafeError::new(format!(
            "unknown field, {}",
            one_of(expected, "there are no fields")
        ))
    }

    fn missing_field(field: &'static str) -> Self {
        SafeError::new(format!("missing field `{field}`")).at(Segment::Declared(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        SafeError::new(format!("duplicate field `{field}`")).at(Segment::Declared(field))
    }
}

impl<'de> Deserializer<'de> for Node {
    type Error = SafeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        self.visit(None, visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self {
            Node::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        self.visit(Some(fields), visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        match self {
            Node::Str(variant) => visitor.visit_enum(Enum {
                variant,
                value: None,
                variants,
            }),
            Node::Object(members) => {
                let mut members = members.into_iter();
                match (members.next(), members.next()) {
                    (Some((variant, value)), None) => visitor.visit_enum(Enum {
                        variant,
                        value: Some(value),
                        variants,
                    }),
                    _ => Err(de::Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    )),
                }
            }
            other => Err(de::Error::invalid_type(
                other.unexpected(),
                &"string or map",
            )),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self {
            Node::Str(s) => visitor.visit_byte_buf(s.into_bytes()),
            other => other.visit(None, visitor),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_unit()
    }

    /// A map only from an object, as serde_json reads text (its `Value` would hand `null`
    /// to the visitor as a unit, which `serde_json::Map` takes for an empty map).
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self {
            Node::Object(_) => self.visit(None, visitor),
            other => Err(de::Error::invalid_type(other.unexpected(), &visitor)),
        }
    }

    /// A sequence only from an array, as serde_json reads text.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self {
            Node::Array(_) => self.visit(None, visitor),
            other => Err(de::Error::invalid_type(other.unexpected(), &visitor)),
        }
    }

    /// A unit only from `null`, as serde_json reads text.
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        match self {
            Node::Null => visitor.visit_unit(),
            other => Err(de::Error::invalid_type(other.unexpected(), &visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        unit_struct tuple tuple_struct identifier
    }
}

/// The elements of an array, each read with its index on the path.
struct Seq {
    items: std::vec::IntoIter<Node>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Seq {
    type Error = SafeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, SafeError> {
        let Some(node) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(node)
            .map(Some)
            .map_err(|e| e.at(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The members of an object. A value's errors are placed under its key when the caller's
/// type declares that key (then the name comes from the type, not from the text), under
/// `?` otherwise.
struct Map {
    members: std::vec::IntoIter<(String, Node)>,
    value: Option<Node>,
    segment: Segment,
    fields: Option<&'static [&'static str]>,
}

fn declared(names: Option<&'static [&'static str]>, key: &str) -> Segment {
    names
        .and_then(|names| names.iter().find(|name| **name == key))
        .map_or(Segment::Undeclared, |name| Segment::Declared(name))
}

impl<'de> MapAccess<'de> for Map {
    type Error = SafeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, SafeError> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.segment = declared(self.fields, &key);
        self.value = Some(value);
        seed.deserialize(Key(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, SafeError> {
        let segment = self.segment;
        match self.value.take() {
            Some(value) => seed.deserialize(value).map_err(|e| e.at(segment)),
            None => Err(SafeError::new(
                "a value was asked for before its key".to_owned(),
            )),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// An object key, read as a string, or as a number or boolean when the caller's map is
/// keyed by one (as serde_json does).
struct Key(String);

macro_rules! parsed_key {
    ($($method:ident => $visit:ident: $t:ty,)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
            match self.0.parse::<$t>() {
                Ok(v) => visitor.$visit(v),
                Err(_) => Err(de::Error::invalid_type(Unexpected::Str(&self.0), &visitor)),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for Key {
    type Error = SafeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_string(self.0)
    }

    parsed_key! {
        deserialize_bool => visit_bool: bool,
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_i128 => visit_i128: i128,
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
        deserialize_u128 => visit_u128: u128,
        deserialize_f32 => visit_f32: f32,
        deserialize_f64 => visit_f64: f64,
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        visitor.visit_enum(Enum {
            variant: self.0,
            value: None,
            variants,
        })
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_byte_buf(self.0.into_bytes())
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_byte_buf(self.0.into_bytes())
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SafeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        char str string unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

/// An enum: a string (a unit variant) or an object of one member (the variant and its
/// content). Errors in the content are placed under the variant's name when the caller's
/// type declares it.
struct Enum {
    variant: String,
    value: Option<Node>,
    variants: &'static [&'static str],
}

impl<'de> EnumAccess<'de> for Enum {
    type Error = SafeError;
    type Variant = Variant;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Variant), SafeError> {
        let segment = declared(Some(self.variants), &self.variant);
        let variant = seed.deserialize(Key(self.variant))?;
        Ok((
            variant,
            Variant {
                value: self.value,
                segment,
            },
        ))
    }
}

/// The content of an enum variant.
struct Variant {
    value: Option<Node>,
    segment: Segment,
}

impl<'de> VariantAccess<'de> for Variant {
    type Error = SafeError;

    fn unit_variant(self) -> Result<(), SafeError> {
        match self.value {
            None | Some(Node::Null) => Ok(()),
            Some(other) => Err(<SafeError as de::Error>::invalid_type(
                other.unexpected(),
                &"unit variant",
            )
            .at(self.segment)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, SafeError> {
        match self.value {
            Some(value) => seed.deserialize(value).map_err(|e| e.at(self.segment)),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        match self.value {
            Some(value @ Node::Array(_)) => {
                value.visit(None, visitor).map_err(|e| e.at(self.segment))
            }
            Some(other) => Err(<SafeError as de::Error>::invalid_type(
                other.unexpected(),
                &"tuple variant",
            )
            .at(self.segment)),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SafeError> {
        match self.value {
            Some(value @ (Node::Object(_) | Node::Array(_))) => value
                .visit(Some(fields), visitor)
                .map_err(|e| e.at(self.segment)),
            Some(other) => Err(<SafeError as de::Error>::invalid_type(
                other.unexpected(),
                &"struct variant",
            )
            .at(self.segment)),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, SafeError> {
        let node: Node = serde_json::from_str(text).expect("JSON");
        T::deserialize(node)
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"b":[1,-2,3.5,"x",null,true],"a":{"c":{}},"b":"last"}"#;
        let ours: serde_json::Value = read(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
        let map: std::collections::BTreeMap<u32, bool> = read(r#"{"7":true,"10":false}"#).unwrap();
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [(7, true), (10, false)]
        );
        let tuple: (u8, Option<String>, f32) = read(r#"[1,null,2.5]"#).unwrap();
        assert_eq!(tuple, (1, None, 2.5));
    }

    #[test]
    fn paths_name_declared_fields_and_indices_only() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            n: u8,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            list: Vec<Inner>,
            by_name: std::collections::HashMap<String, Inner>,
        }
        let e = read::<Outer>(r#"{"by_name":{},"list":[{"n":1},{"n":"MARKER"}]}"#).unwrap_err();
        assert_eq!(e.path(), "list[1].n");
        assert_eq!(e.message(), "invalid type: string, expected u8");
        let e = read::<Outer>(r#"{"list":[],"by_name":{"MARKER":{"n":-1}}}"#).unwrap_err();
        assert_eq!(e.path(), "by_name.?.n");
        assert_eq!(e.message(), "invalid value: integer, expected u8");
        let e = read::<Outer>(r#"{"list":[]}"#).unwrap_err();
        assert_eq!(e.path(), "by_name");
        assert_eq!(e.message(), "missing field `by_name`");
        let e = read::<Outer>(r#"{"list":[],"list":[],"by_name":{}}"#).unwrap_err();
        assert_eq!(
            (e.path().as_str(), e.message()),
            ("list", "duplicate field `list`")
        );
    }

    #[test]
    fn one_of_follows_serde() {
        assert_eq!(one_of(&[], "there are no fields"), "there are no fields");
        assert_eq!(one_of(&["a"], ""), "expected `a`");
        assert_eq!(one_of(&["a", "b"], ""), "expected `a` or `b`");
        assert_eq!(
            one_of(&["a", "b", "c"], ""),
            "expected one of `a`, `b`, `c`"
        );
    }

    #[test]
    fn odd_declared_names_are_quoted() {
        let mut out = String::new();
        push_name(&mut out, "a");
        push_name(&mut out, "b.c");
        push_name(&mut out, "?");
        assert_eq!(out, r#"a["b.c"].?"#);
    }
}
