//! [`Kept`]: JSON the crate does not model, kept as the text it came as and read into a
//! `serde_json` value only when it is used.
//!
//! Reading a body builds no `serde_json::Value` for what it keeps (members in `extra`, an
//! object of no known kind, an unknown event's payload, an unknown `paymentData`): the
//! reader checks the kept text is JSON exactly as serde_json reads it, and keeps the text.
//! Building a `Value` (a `String` per string, a B-tree node per object) costs three to four
//! times serde_json's bare scan of the same bytes; a handler that never looks at what it
//! did not ask for should not pay for it.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// JSON the crate does not model, kept exactly as it came: a `serde_json::Map` (an
/// object's members it does not document, an object of no known kind) or a
/// `serde_json::Value` (an unknown event's payload, a field whose shape edna does not
/// document, such as `lastMessage`).
///
/// It is used as the `T` it holds: `Kept<T>` dereferences to `T`, read from the kept text
/// the first time it is used (once; later uses share it), so `extra.get("key")`,
/// `extra["key"]`, `extra.len()` and iteration work as on a map. A change through
/// `DerefMut` (`extra.insert(…)`) reads it first and then holds the changed value. It is
/// written (`Serialize`) and compared (`PartialEq`) as the `T` it holds; the text as it
/// came is [`json`](Self::json).
///
/// ```
/// use edna_callbacks::parse_body;
/// use serde_json::json;
///
/// let callbacks = parse_body(br#"{"requestId":"r-1","status":"READ",
///     "statusAt":"2023-10-31T11:07:56Z","channelType":"WHATSAPP","note": {"a" : 1}}"#)?;
/// let status = callbacks[0].as_status().expect("a status");
/// assert_eq!(status.extra["channelType"], "WHATSAPP");
/// assert_eq!(status.extra.len(), 2);
/// assert_eq!(status.extra.json(), Some(r#"{"channelType":"WHATSAPP","note":{"a" : 1}}"#));
/// assert_eq!(status.extra, json!({"channelType": "WHATSAPP", "note": {"a": 1}}).as_object().cloned().unwrap());
/// # Ok::<(), edna_callbacks::Error>(())
/// ```
pub struct Kept<T> {
    /// `None` when nothing is kept (most objects' `extra`): eight bytes, no allocation.
    inner: Option<Box<Inner<T>>>,
}

struct Inner<T> {
    /// The JSON text kept, empty when the value was built or changed (then `value` holds
    /// it).
    text: String,
    /// `text` read, once used.
    value: OnceLock<T>,
    /// How many members [`Kept::push_member`] wrote into `text`; [`UNCOUNTED`] for text
    /// kept whole.
    members: usize,
    /// Where the keys of the first [`SPANS`] members are in `text`, each compared there
    /// with the keys after it.
    spans: [(u32, u32); SPANS],
}

/// The member count of a text not written member by member.
const UNCOUNTED: usize = usize::MAX;

/// How many keys of a kept object are compared as they are added; past that, the whole
/// text is looked over at the object's end ([`read::unique_keys`](super::read)).
const SPANS: usize = 8;

impl<T> Inner<T> {
    fn new(text: String, value: OnceLock<T>) -> Box<Self> {
        Box::new(Self {
            text,
            value,
            members: UNCOUNTED,
            spans: [(0, 0); SPANS],
        })
    }
}

impl<T> Kept<T> {
    /// Whether the kept text may hold a key twice that [`push_member`](Self::push_member)
    /// did not compare: it was kept whole, or has more members than were compared.
    pub(crate) fn may_repeat_a_key(&self) -> bool {
        self.inner
            .as_deref()
            .is_some_and(|inner| !inner.text.is_empty() && inner.members > SPANS)
    }

    /// The JSON text kept as it came, when this value was read from a body and not changed
    /// since: for an object's `extra`, an object of the members kept (each key as JSON
    /// writes it, each value's text exactly as it came); else the value's own text.
    /// `None` for a value built in code or changed through `DerefMut`, and for an empty
    /// `extra`.
    pub fn json(&self) -> Option<&str> {
        self.inner
            .as_deref()
            .map(|inner| inner.text.as_str())
            .filter(|text| !text.is_empty())
    }

    /// The value held when it was built in code (or changed) and holds no text: what a
    /// member kept while reading into it joins instead of the text.
    pub(crate) fn built_mut(&mut self) -> Option<&mut T> {
        let inner = self.inner.as_deref_mut()?;
        if inner.text.is_empty() {
            inner.value.get_mut()
        } else {
            None
        }
    }

    /// Text the reader checked to be JSON of the shape `T` reads (an object for a map).
    pub(crate) fn from_checked(text: &str) -> Self {
        Self {
            inner: Some(Inner::new(text.to_owned(), OnceLock::new())),
        }
    }
}

/// The value of a kept text. The reader kept only text that serde_json reads as `T` (JSON
/// as serde_json reads it, nested less deeply than the body it came in), so the fallback
/// to `T::default()` is never taken; it is there so that nothing here can panic.
fn read<T: DeserializeOwned + Default>(text: &str) -> T {
    if text.is_empty() {
        return T::default();
    }
    serde_json::from_str(text).unwrap_or_default()
}

/// What a `Kept<T>` holds is the `T` its text reads as: the two kinds of JSON it keeps.
macro_rules! kept_as {
    ($($ty:ty => $empty:expr, $plain:path;)*) => {$(
        impl Kept<$ty> {
            /// The value held, read from the kept text on first use.
            fn get(&self) -> &$ty {
                match self.inner.as_deref() {
                    Some(inner) => inner.value.get_or_init(|| read(&inner.text)),
                    None => $empty,
                }
            }

            /// The value held, out of its wrapper.
            pub fn into_inner(self) -> $ty {
                match self.inner {
                    Some(inner) => match inner.value.into_inner() {
                        Some(value) => value,
                        None => read(&inner.text),
                    },
                    None => <$ty>::default(),
                }
            }
        }

        impl Deref for Kept<$ty> {
            type Target = $ty;

            fn deref(&self) -> &$ty {
                self.get()
            }
        }

        impl DerefMut for Kept<$ty> {
            /// Reads the kept text (if not yet), forgets it, and hands out the value to
            /// change.
            fn deref_mut(&mut self) -> &mut $ty {
                let inner = self
                    .inner
                    .get_or_insert_with(|| Inner::new(String::new(), OnceLock::new()));
                let value = match inner.value.take() {
                    Some(value) => value,
                    None => read(&inner.text),
                };
                inner.text = String::new();
                inner.value = OnceLock::from(value);
                match inner.value.get_mut() {
                    Some(value) => value,
                    // Set just above.
                    None => unreachable!("Kept::deref_mut: the value was just set"),
                }
            }
        }

        impl fmt::Debug for Kept<$ty> {
            /// As the value it holds.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self.get(), f)
            }
        }

        impl PartialEq for Kept<$ty> {
            fn eq(&self, other: &Self) -> bool {
                match (self.json(), other.json()) {
                    (Some(a), Some(b)) if a == b => true,
                    _ => self.get() == other.get(),
                }
            }
        }

        impl PartialEq<$ty> for Kept<$ty> {
            fn eq(&self, other: &$ty) -> bool {
                self.get() == other
            }
        }

        impl Serialize for Kept<$ty> {
            /// As the value it holds (its numbers as the format's own: see `wire::plain`).
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $plain(self.get()).serialize(serializer)
            }
        }
    )*};
}

/// The empty object, for an `extra` that keeps nothing.
fn empty_map() -> &'static Map<String, Value> {
    static EMPTY: OnceLock<Map<String, Value>> = OnceLock::new();
    EMPTY.get_or_init(Map::new)
}

/// `null`, for a kept value built empty.
static NULL: Value = Value::Null;

kept_as! {
    Map<String, Value> => empty_map(), super::plain::PlainMap;
    Value => &NULL, super::plain::Plain;
}

impl Kept<Map<String, Value>> {
    /// Adds a member to a kept object's text: `key` (decoded; escaped here as serde_json
    /// writes it, so that one key has one form) and the text of its value, checked.
    /// `decoded` says the key came with escapes: only such a key can hold a character
    /// JSON escapes (one that came without is the raw text, which the reader checked has
    /// none; a documented key has none), so only it is looked over.
    /// Returns `true` when the key is one of the first [`SPANS`] keys already kept (a key
    /// given twice); keys past those are compared at the object's end
    /// ([`read::unique_keys`](super::read)).
    pub(crate) fn push_member(&mut self, key: &str, decoded: bool, value: &str) -> bool {
        let inner = self.inner.get_or_insert_with(|| {
            let mut inner = Inner::new(String::new(), OnceLock::new());
            inner.members = 0;
            inner
        });
        inner.value = OnceLock::new();
        let text = &mut inner.text;
        // `{"key":value}` or `,"key":value}`; escapes, if any, grow it further.
        text.reserve(key.len() + value.len() + 5);
        if text.len() > 2 {
            text.pop();
            text.push(',');
        } else {
            text.clear();
            text.push('{');
        }
        text.push('"');
        let start = text.len();
        if decoded && key.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
            escape_into(text, key);
        } else {
            text.push_str(key);
        }
        let end = text.len();
        text.push_str("\":");
        text.push_str(value);
        text.push('}');
        let text = &inner.text;
        let this = text.get(start..end);
        let compared = inner.spans.get(..inner.members).unwrap_or_default();
        let repeated = compared
            .iter()
            .any(|&(from, to)| text.get(from as usize..to as usize) == this);
        match (u32::try_from(start), u32::try_from(end)) {
            (Ok(start), Ok(end)) => {
                if let Some(span) = inner.spans.get_mut(inner.members) {
                    *span = (start, end);
                }
                inner.members = inner.members.saturating_add(1);
            }
            // Past 4 GB of kept text: compared at the object's end.
            _ => inner.members = UNCOUNTED,
        }
        repeated
    }
}

/// `text` written as the content of a JSON string, as serde_json writes it.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
}

impl<T> Default for Kept<T> {
    /// Nothing kept: an empty map, `Value::Null`.
    fn default() -> Self {
        Self { inner: None }
    }
}

impl<T> From<T> for Kept<T> {
    fn from(value: T) -> Self {
        Self {
            inner: Some(Inner::new(String::new(), OnceLock::from(value))),
        }
    }
}

impl<T: Clone> Clone for Kept<T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.as_ref().map(|inner| {
                let mut copy = Inner::new(inner.text.clone(), inner.value.clone());
                copy.members = inner.members;
                copy.spans = inner.spans;
                copy
            }),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Kept<T> {
    /// As the value it holds.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_kept_object_is_read_on_first_use_and_changed_through_deref_mut() {
        let mut kept: Kept<Map<String, Value>> = Kept::from_checked(r#"{"a" : [1, 2]}"#);
        assert_eq!(kept.json(), Some(r#"{"a" : [1, 2]}"#));
        assert_eq!(kept["a"], json!([1, 2]));
        kept.insert("b".to_owned(), json!(true));
        assert_eq!(kept.json(), None);
        assert_eq!(
            Value::Object((*kept).clone()),
            json!({"a": [1, 2], "b": true})
        );
    }

    #[test]
    fn members_are_added_with_their_keys_escaped_and_a_repeated_key_is_told() {
        let mut kept: Kept<Map<String, Value>> = Kept::default();
        assert_eq!(kept.json(), None);
        assert!(!kept.push_member("a\"b\n\u{1}", true, "1"));
        assert!(!kept.push_member("cd", false, r#"{"x" : null}"#));
        assert!(kept.push_member("a\"b\n\u{1}", true, "2"));
        assert_eq!(
            kept.json(),
            Some(r#"{"a\"b\n\u0001":1,"cd":{"x" : null},"a\"b\n\u0001":2}"#)
        );
        assert_eq!(kept["cd"], json!({"x": null}));
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn a_value_built_in_code_is_told_from_a_kept_text() {
        let mut kept: Kept<Map<String, Value>> = Kept::from(Map::new());
        kept.insert("a".to_owned(), json!(1));
        if let Some(map) = kept.built_mut() {
            map.insert("b".to_owned(), json!(2));
            map.insert("a".to_owned(), json!(3));
        } else {
            panic!("a map built in code");
        }
        assert_eq!(kept.json(), None);
        let mut read: Kept<Map<String, Value>> = Kept::default();
        read.push_member("a", false, "1");
        assert!(read.built_mut().is_none());
        assert_eq!(
            kept,
            json!({"a": 3, "b": 2})
                .as_object()
                .cloned()
                .unwrap_or_default()
        );
    }
}
