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

/// Lines counted forward through a body: positions asked for in increasing order (the
/// errors of the elements of one array) cost one pass over the body in all.
#[derive(Default)]
pub(crate) struct Lines {
    pos: usize,
    line: usize,
    line_start: usize,
}

impl Lines {
    /// Line and column (both 1-based, the column in bytes) of the byte before `pos`.
    fn at(&mut self, body: &[u8], pos: usize) -> (usize, usize) {
        let pos = pos.min(body.len());
        if pos < self.pos || self.line == 0 {
            *self = Self {
                pos: 0,
                line: 1,
                line_start: 0,
            };
        }
        for (i, &b) in body
            .get(self.pos..pos)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.pos + i + 1;
            }
        }
        self.pos = pos;
        (self.line, pos - self.line_start)
    }
}

/// Line and column (both 1-based, the column in bytes) of the byte before `pos`: where
/// serde_json would say it stopped.
fn line_column(body: &[u8], pos: usize) -> (usize, usize) {
    Lines::default().at(body, pos)
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
    // `key=value&...`: starts with a letter, has an `=`, and nothing JSON-like at all.
    let form = body.first().is_some_and(u8::is_ascii_alphabetic)
        && body.contains(&b'=')
        && body
            .iter()
            .all(|&b| b.is_ascii_graphic() && !matches!(b, b'"' | b'{' | b'['));
    if form {
        return Some("the body looks form-encoded (key=value&...), not JSON");
    }
    None
}

/// A syntax error serde_json found in `body`, with a hint for the commonest wrong bodies.
pub(crate) fn syntax(body: &[u8], e: &serde_json::Error) -> Error {
    let mut message = message_of(e);
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
    match stop(body, r, false, &mut Lines::default()) {
        Stop::Body(e) | Stop::Element(e) => e,
    }
}

/// Why a read stopped: the body as a whole, or the value being read.
pub(crate) enum Stop {
    /// The body is not JSON: nothing in it can be read.
    Body(Error),
    /// The value being read (a callback of an array) is wrong.
    Element(Error),
}

/// Why a read stopped; `json_checked` says the body is known to pass serde_json's scan.
///
/// Nesting too deep is reported as serde_json would, first. Otherwise a body that is not
/// JSON is a syntax error whatever else is wrong (a wrong value can stop the read before
/// the syntax error further on: `{"status":5`), found by serde_json's scan of the body. A
/// read that stopped with nothing recorded met text serde_json's scan passes but its
/// reading refuses (a lone surrogate, a number out of range): serde_json's reading of the
/// body says where.
pub(crate) fn stop(body: &[u8], r: &mut Reader<'_>, json_checked: bool, lines: &mut Lines) -> Stop {
    let failure = r.take_failure();
    if let Some(f) = &failure {
        if f.kind == FailureKind::TooDeep {
            let (line, column) = lines.at(body, f.pos + 1);
            return Stop::Element(Error::Syntax {
                message: f.message.to_string(),
                line,
                column,
            });
        }
    }
    // The reader reads text, so the body is UTF-8 here; reading it as text shares
    // serde_json's code with the reader's own use of it.
    let text = std::str::from_utf8(body).unwrap_or_default();
    if !json_checked {
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return Stop::Body(syntax(body, &e));
        }
    }
    let Some(failure) = failure else {
        return match serde_json::from_str::<serde_json::Value>(text) {
            Err(e) => Stop::Body(syntax(body, &e)),
            Ok(_) => Stop::Element(internal("the reader stopped on well-formed JSON")),
        };
    };
    let mut path = String::new();
    write_path(&mut path, &failure.path);
    Stop::Element(match failure.kind {
        FailureKind::NotACallback => Error::UnknownCallback {
            path,
            message: failure.message.into_owned(),
        },
        _ => {
            let (line, column) = lines.at(body, failure.pos);
            Error::Invalid {
                path,
                message: failure.message.into_owned(),
                line,
                column,
            }
        }
    })
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
                // A struct's field or a map's key: serde does not say which, and a map's
                // key is the body's (a phone number, a name). Only what looks like a field
                // name is shown.
                out.push_str(if looks_like_a_field(key) {
                    key
                } else {
                    "<undocumented>"
                });
            }
            Segment::Unknown => out.push_str(".?"),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// Whether `key` looks like the name of a field (`statusAt`, `flow_token`, `@type`), not
/// like a value (`+79001234567`, `Ivan Ivanov`, `01`).
fn looks_like_a_field(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'@')
        && key.len() <= 64
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

thread_local! {
    /// The last error a type of the crate gave serde as text (see
    /// `object::deserialize_text`), so that [`locate`] can give it back whole.
    static OURS: std::cell::RefCell<Option<Error>> = const { std::cell::RefCell::new(None) };
}

/// Keeps `error`, which a type of the crate is about to give serde as text.
pub(crate) fn remember(error: &Error) {
    OURS.with(|ours| *ours.borrow_mut() = Some(error.clone()));
}

/// The error a type of the crate gave as `message`, if that is where `message` came from
/// (a type of yours writing the same words gets nothing).
fn recall(message: &str) -> Option<Error> {
    OURS.with(|ours| ours.borrow_mut().take())
        .filter(|error| error.to_string() == message)
}

/// Where the value starts that a crate's type read from the whole body: its line and
/// column before its first byte.
fn value_start(body: &[u8]) -> (usize, usize) {
    let lead = body
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .count();
    line_column(body, lead)
}

fn join_path(outer: &str, inner: &str) -> String {
    match (outer, inner) {
        (".", _) => inner.to_owned(),
        (_, ".") => outer.to_owned(),
        (_, _) if inner.starts_with('[') => format!("{outer}{inner}"),
        _ => format!("{outer}.{inner}"),
    }
}

/// An error of a crate's type (its path inside the value it read) as the error of the
/// body, the value being at `outer`. Its line and column were counted in the value's own
/// text: for the whole body they are moved to where the value starts; below it, where
/// serde_json says the value ended is the best there is.
fn below(outer: &str, ours: Error, body: &[u8], inner: &serde_json::Error) -> Error {
    let shift = |line: usize, column: usize| {
        if outer != "." {
            return (inner.line(), inner.column());
        }
        let (start_line, start_column) = value_start(body);
        if line <= 1 {
            (start_line, start_column + column)
        } else {
            (start_line + line - 1, column)
        }
    };
    match ours {
        Error::Invalid {
            path,
            message,
            line,
            column,
        } => {
            let (line, column) = shift(line, column);
            Error::Invalid {
                path: join_path(outer, &path),
                message,
                line,
                column,
            }
        }
        Error::UnknownCallback { path, message } => Error::UnknownCallback {
            path: join_path(outer, &path),
            message,
        },
        Error::Syntax {
            message,
            line,
            column,
        } => {
            let (line, column) = shift(line, column);
            Error::Syntax {
                message,
                line,
                column,
            }
        }
        other => other,
    }
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
    OURS.with(|ours| ours.borrow_mut().take());
    let mut de = serde_json::Deserializer::from_slice(body);
    let (path, inner) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => (format_path(e.path()), e.into_inner()),
        // Not expected: the same bytes failed a moment ago. Report the first error.
        Ok(_) => (".".to_owned(), first),
    };
    let message = message_of(&inner);
    if let Some(ours) = recall(&message) {
        return below(&path, ours, body, &inner);
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
