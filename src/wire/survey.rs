//! What a value carried that this version did not understand, listed by path and never by
//! value: keys it does not document, enum values it does not know, documented fields
//! whose value came in a form it cannot read, event types and kinds it does not know.
//! Everything listed was kept as it came and is written back.

use std::fmt;

/// One thing a callback carried that this version did not understand, kept as it came.
///
/// ```
/// use edna_callbacks::{parse_body, Unfamiliar};
///
/// let body = br#"{"requestId":"r-1","status":"SEEN_BY_BOT","statusAt":"2026-06-01T10:00:00Z",
///     "comment":42,"channelType":"WHATSAPP"}"#;
/// let callbacks = parse_body(body)?;
/// let found: Vec<String> = callbacks[0].unrecognized().iter().map(ToString::to_string).collect();
/// assert_eq!(
///     found,
///     [
///         "unknown-value at `status`",
///         "odd-value at `comment`",
///         "undocumented-key at `channelType`",
///     ]
/// );
/// # Ok::<(), edna_callbacks::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct Unrecognized {
    /// Where, from the callback's object: `channelType`, `messageContent.items[0].reaction`,
    /// `.` for the object itself. A key the crate does not document is part of the path
    /// (it is what edna added); a value never is.
    pub path: String,
    /// What was not understood.
    pub what: Unfamiliar,
}

/// What kind of thing a callback carried that this version did not understand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Unfamiliar {
    /// A key this version does not document, kept in its object's `extra`.
    UndocumentedKey,
    /// A value of a set edna controls (a status, a channel, a content type, …) that this
    /// version does not know, kept as `Unknown("…")`.
    UnknownValue,
    /// A documented, optional field whose value came in a form this version cannot read
    /// (a number where a string is documented, an object missing what it requires), kept
    /// as it came in `extra`, its typed field empty.
    OddValue,
    /// An event envelope of a `type` this version does not know, its payload kept whole.
    UnknownEventType,
    /// A body of no kind this version knows, kept whole.
    UnknownKind,
}

impl Unfamiliar {
    /// A short name, for a metric's label: `undocumented-key`, `unknown-value`,
    /// `odd-value`, `unknown-event-type`, `unknown-kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UndocumentedKey => "undocumented-key",
            Self::UnknownValue => "unknown-value",
            Self::OddValue => "odd-value",
            Self::UnknownEventType => "unknown-event-type",
            Self::UnknownKind => "unknown-kind",
        }
    }
}

impl fmt::Display for Unfamiliar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Unrecognized {
    /// `undocumented-key at `channelType``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at `{}`", self.what, self.path)
    }
}

/// The path being surveyed, grown and cut back as the survey goes in and out.
#[derive(Default)]
pub struct Path(String);

impl Path {
    /// Goes into member `key`; returns where to cut back to.
    pub(crate) fn key(&mut self, key: &str) -> usize {
        let len = self.0.len();
        let plain = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'@' | b'$'));
        if plain {
            if len > 0 {
                self.0.push('.');
            }
            self.0.push_str(key);
        } else {
            self.0.push('[');
            self.0.push_str(&serde_json::Value::from(key).to_string());
            self.0.push(']');
        }
        len
    }

    /// Goes into element `index`; returns where to cut back to.
    pub(crate) fn index(&mut self, index: usize) -> usize {
        let len = self.0.len();
        self.0.push('[');
        self.0.push_str(&index.to_string());
        self.0.push(']');
        len
    }

    /// Cuts back to `len`.
    pub(crate) fn back(&mut self, len: usize) {
        self.0.truncate(len);
    }

    /// Records `what` here.
    pub(crate) fn found(&self, what: Unfamiliar, out: &mut Vec<Unrecognized>) {
        let path = if self.0.is_empty() {
            ".".to_owned()
        } else {
            self.0.clone()
        };
        out.push(Unrecognized { path, what });
    }
}

/// A value whose parts this version may not have understood.
pub trait Survey {
    /// Adds what this value holds that was not understood, at `path`.
    fn survey(&self, path: &mut Path, out: &mut Vec<Unrecognized>);
}

/// Surveys `value` from its root.
pub(crate) fn survey<T: Survey + ?Sized>(value: &T) -> Vec<Unrecognized> {
    let mut out = Vec::new();
    value.survey(&mut Path::default(), &mut out);
    out
}

impl<T: Survey> Survey for Option<T> {
    fn survey(&self, path: &mut Path, out: &mut Vec<Unrecognized>) {
        if let Some(value) = self {
            value.survey(path, out);
        }
    }
}

impl<T: Survey> Survey for Box<T> {
    fn survey(&self, path: &mut Path, out: &mut Vec<Unrecognized>) {
        (**self).survey(path, out);
    }
}

impl<T: Survey> Survey for Vec<T> {
    fn survey(&self, path: &mut Path, out: &mut Vec<Unrecognized>) {
        for (i, item) in self.iter().enumerate() {
            let back = path.index(i);
            item.survey(path, out);
            path.back(back);
        }
    }
}

/// Values kept as they are, whatever they hold: nothing in them was expected.
macro_rules! understood {
    ($($ty:ty),*) => {$(
        impl Survey for $ty {
            fn survey(&self, _: &mut Path, _: &mut Vec<Unrecognized>) {}
        }
    )*};
}

understood!(
    String,
    bool,
    serde_json::Value,
    serde_json::Map<String, serde_json::Value>,
    super::kept::Kept<serde_json::Value>,
    super::kept::Kept<serde_json::Map<String, serde_json::Value>>,
    super::id::Id,
    super::numeric::Numeric,
    super::timestamp::Timestamp
);

/// The keys of `extra` of an object documenting `keys` that it does not document (a
/// documented key there is a value its field kept as it came, found at the field).
pub(crate) fn undocumented(
    keys: &[&str],
    extra: &serde_json::Map<String, serde_json::Value>,
    path: &mut Path,
    out: &mut Vec<Unrecognized>,
) {
    for key in extra.keys() {
        if !keys.contains(&key.as_str()) {
            let back = path.key(key);
            path.found(Unfamiliar::UndocumentedKey, out);
            path.back(back);
        }
    }
}
