//! The crate's one error type, and how a failed parse is located.

use serde::de::DeserializeOwned;

use crate::object::read::{write_path, FailureKind, Reader};

/// Why a body, or a value inside one, could not be read.
///
/// Every variant says where (a JSON path such as `statusAt` or
/// `messageContent.items[0].identifier`, `.` for the body itself, `[1]` for the second
/// callback of an array body) and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The body is not well-formed JSON (or ends too early).
    Syntax {
        /// What the JSON parser expected.
        message: String,
        /// 1-based line of the offending byte.
        line: usize,
        /// 1-based column of the offending byte.
        column: usize,
    },
    /// The body is JSON, but `path` holds no callback edna documents.
    UnknownCallback {
        /// Where the object is: `.` for the body, `[i]` for an element of an array body.
        path: String,
        /// Why no kind matched.
        message: String,
    },
    /// The body is a known callback, but the value at `path` is wrong (wrong JSON type, a
    /// bad timestamp, a required field missing, a key given twice).
    Invalid {
        /// Where the wrong value is, such as `messageContent.items[0].identifier`.
        path: String,
        /// What was wrong with it.
        message: String,
        /// 1-based line where the parser stopped.
        line: usize,
        /// 1-based column where the parser stopped.
        column: usize,
    },
    /// A FLOW message's `messageContent.text` does not hold the reply that was asked for.
    /// The message itself parsed; only this view of it failed.
    Flow {
        /// Always `messageContent.text`.
        path: String,
        /// What was wrong with it.
        message: String,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Syntax {
                message,
                line,
                column,
            } => write!(
                f,
                "body is not valid JSON: {message} (line {line}, column {column})"
            ),
            Self::UnknownCallback { path, message } => {
                write!(f, "`{path}` is not an edna callback: {message}")
            }
            Self::Invalid { path, message, .. } => write!(f, "invalid `{path}`: {message}"),
            Self::Flow { path, message } => {
                write!(f, "invalid FLOW reply in `{path}`: {message}")
            }
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// The JSON path the error names (`.` for a syntax error, which has a line and column
    /// instead).
    pub fn path(&self) -> &str {
        match self {
            Self::Syntax { .. } => ".",
            Self::UnknownCallback { path, .. }
            | Self::Invalid { path, .. }
            | Self::Flow { path, .. } => path,
        }
    }
}

impl Error {
    /// What was wrong, without the path.
    pub fn message(&self) -> &str {
        match self {
            Self::Syntax { message, .. }
            | Self::UnknownCallback { message, .. }
            | Self::Invalid { message, .. }
            | Self::Flow { message, .. } => message,
        }
    }
}

/// Line and column (both 1-based, the column in bytes) of the byte before `pos`: where
/// serde_json would say it stopped.
fn line_column(body: &[u8], pos: usize) -> (usize, usize) {
    let before = body.get(..pos).unwrap_or(body);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count();
    (line, column)
}

/// Whether the byte serde_json stopped at (line and column, 1-based) closes an object or
/// array right after a comma.
fn trailing_comma(body: &[u8], line: usize, column: usize) -> bool {
    let mut start = 0;
    for _ in 1..line {
        match body
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        {
            Some(at) => start += at + 1,
            None => return false,
        }
    }
    let Some(at) = (start + column).checked_sub(1) else {
        return false;
    };
    if !matches!(body.get(at), Some(b'}' | b']')) {
        return false;
    }
    let before = body.get(..at).unwrap_or_default();
    before
        .iter()
        .rev()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b',')
}

/// What the commonest wrong bodies look like, said without quoting them.
fn hint(body: &[u8]) -> Option<&'static str> {
    if body.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Some("the body starts with a UTF-8 byte-order mark, which JSON does not allow");
    }
    if body.starts_with(&[0x1F, 0x8B]) {
        return Some(
            "the body looks gzip-compressed (it starts with the bytes 1f 8b): decompress it first",
        );
    }
    let form = body.iter().position(|&b| b == b'=').is_some_and(|at| {
        at > 0
            && body
                .iter()
                .all(|&b| b.is_ascii_graphic() && b != b'"' && b != b'{' && b != b'[')
            && body.first().is_some_and(|b| b.is_ascii_alphabetic())
    });
    if form {
        return Some("the body looks form-encoded (key=value&...), not JSON");
    }
    None
}

/// A syntax error serde_json found in `body`, with a hint for the commonest wrong bodies.
pub(crate) fn syntax(body: &[u8], e: &serde_json::Error) -> Error {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let mut message = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
    if trailing_comma(body, e.line(), e.column()) {
        // serde_json's scan says "key must be a string" or "expected value" where its
        // typed reading says what is really wrong.
        message = "trailing comma".to_owned();
    }
    if let Some(hint) = hint(body) {
        message.push_str("; ");
        message.push_str(hint);
    }
    Error::Syntax {
        message,
        line: e.line(),
        column: e.column(),
    }
}

/// A body that is not UTF-8: serde_json's error where it finds one, or where the bytes
/// stop being UTF-8.
pub(crate) fn not_utf8(body: &[u8], e: &std::str::Utf8Error) -> Error {
    if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(body) {
        return syntax(body, &e);
    }
    let (line, column) = line_column(body, e.valid_up_to() + 1);
    let mut message = String::from("invalid unicode code point");
    if let Some(hint) = hint(body) {
        message.push_str("; ");
        message.push_str(hint);
    }
    Error::Syntax {
        message,
        line,
        column,
    }
}

/// An error that should not happen (the reader stopped where nothing was wrong).
pub(crate) fn internal(what: &str) -> Error {
    Error::Invalid {
        path: ".".to_owned(),
        message: format!("internal error: {what}"),
        line: 0,
        column: 0,
    }
}

/// The error of a read that stopped (see [`crate::object::read`]).
pub(crate) fn from_reader(body: &[u8], r: &mut Reader<'_>) -> Error {
    from_reader_checked(body, r, false)
}

/// As [`from_reader`]; `json_checked` says the body is known to be JSON.
///
/// Nesting too deep is reported as serde_json would, first. Otherwise a body that is not
/// JSON is a syntax error whatever else is wrong (a wrong value can stop the read before
/// the syntax error further on: `{"status":5`), found by serde_json's scan of the body.
pub(crate) fn from_reader_checked(body: &[u8], r: &mut Reader<'_>, json_checked: bool) -> Error {
    let failure = r.take_failure();
    if let Some(f) = &failure {
        if f.kind == FailureKind::TooDeep {
            let (line, column) = line_column(body, f.pos + 1);
            return Error::Syntax {
                message: f.message.to_string(),
                line,
                column,
            };
        }
    }
    if !json_checked {
        if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(body) {
            return syntax(body, &e);
        }
    }
    let Some(failure) = failure else {
        return internal("the reader stopped on well-formed JSON");
    };
    let mut path = String::new();
    write_path(&mut path, &failure.path);
    match failure.kind {
        FailureKind::NotACallback => Error::UnknownCallback {
            path,
            message: failure.message.into_owned(),
        },
        _ => {
            let (line, column) = line_column(body, failure.pos);
            Error::Invalid {
                path,
                message: failure.message.into_owned(),
                line,
                column,
            }
        }
    }
}

/// serde_json's message without its " at line L column C" suffix.
fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_owned()
}

fn format_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => out.push_str(".?"),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

fn join_path(outer: &str, inner: &str) -> String {
    match (outer, inner) {
        (".", _) => inner.to_owned(),
        (_, ".") => outer.to_owned(),
        (_, _) if inner.starts_with('[') => format!("{outer}{inner}"),
        _ => format!("{outer}.{inner}"),
    }
}

/// An [`Error`] from its own `Display` text, as a type of the crate's hands it to serde
/// (see `object::deserialize_text`), below `outer`.
fn reparse(outer: &str, message: &str, line: usize, column: usize) -> Option<Error> {
    if let Some(rest) = message.strip_prefix("invalid `") {
        let (path, message) = rest.split_once("`: ")?;
        return Some(Error::Invalid {
            path: join_path(outer, path),
            message: message.to_owned(),
            line,
            column,
        });
    }
    if let Some(rest) = message.strip_prefix('`') {
        let (path, message) = rest.split_once("` is not an edna callback: ")?;
        return Some(Error::UnknownCallback {
            path: join_path(outer, path),
            message: message.to_owned(),
        });
    }
    let rest = message.strip_prefix("body is not valid JSON: ")?;
    let (message, _) = rest.rsplit_once(" (line ")?;
    Some(Error::Syntax {
        message: message.to_owned(),
        line,
        column,
    })
}

/// Turns the error of a failed `serde_json::from_str::<T>(body)` into an [`Error`] naming
/// the path. Only a failed parse gets here: it parses the body a second time with
/// `serde_path_to_error`, so that a successful parse pays nothing for paths. The crate's
/// own types give their error (with its path) as their message; other types' messages
/// keep only the words the crate allows (see [`allowed`]).
pub(crate) fn locate<T: DeserializeOwned>(body: &[u8], first: serde_json::Error) -> Error {
    if !first.is_data() {
        return syntax(body, &first);
    }
    if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(body) {
        return syntax(body, &e);
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let (path, inner) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => (format_path(e.path()), e.into_inner()),
        // Not expected: the same bytes failed a moment ago. Report the first error.
        Ok(_) => (".".to_owned(), first),
    };
    let message = message_of(&inner);
    if let Some(error) = reparse(&path, &message, inner.line(), inner.column()) {
        return error;
    }
    let message = allowed(&message);
    // A missing or repeated field is reported by serde at its object; name the field.
    let field = ["missing field `", "duplicate field `"]
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix)?.strip_suffix('`'));
    let path = match field {
        Some(field) => join_path(&path, field),
        None => path,
    };
    Error::Invalid {
        path,
        message,
        line: inner.line(),
        column: inner.column(),
    }
}

/// serde's message about a type that is not the crate's, kept only in the shapes serde
/// writes (and only their parts that come from the type, never from the body): anything
/// else, such as a custom message, becomes a fixed text.
pub(crate) fn allowed(message: &str) -> String {
    /// The kinds of value serde names, without the value it quotes after them.
    const KINDS: [&str; 13] = [
        "boolean",
        "integer",
        "floating point",
        "character",
        "string",
        "byte array",
        "Option value",
        "unit value",
        "newtype struct",
        "sequence",
        "map",
        "enum",
        "unit variant",
    ];
    let unexpected = |s: &str| -> Option<&'static str> {
        KINDS
            .iter()
            .copied()
            .find(|kind| s.starts_with(kind))
            .or((s == "null").then_some("null"))
    };
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            if let Some((what, expected)) = rest.rsplit_once(", expected ") {
                if let Some(kind) = unexpected(what) {
                    return format!("{prefix}{kind}, expected {expected}");
                }
            }
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        if let Some((length, expected)) = rest.split_once(", expected ") {
            if length.bytes().all(|b| b.is_ascii_digit()) {
                return format!("invalid length {length}, expected {expected}");
            }
        }
    }
    for (prefix, what) in [
        ("unknown variant `", "variant"),
        ("unknown field `", "field"),
    ] {
        if message.starts_with(prefix) {
            return match message.rsplit_once("`, expected ") {
                Some((_, expected)) => format!("unknown {what}, expected {expected}"),
                None => format!("unknown {what}"),
            };
        }
    }
    for prefix in ["missing field `", "duplicate field `"] {
        if message.starts_with(prefix) && message.ends_with('`') {
            return message.to_owned();
        }
    }
    "the value was refused by its type (its message is not shown: it may quote the value)"
        .to_owned()
}
