//! The crate's one error type, and how a failed parse is located.

use super::read::{write_path, FailureKind, Reader};
use super::safe::{self, SafeError};

/// Why a body, or a value inside one, could not be read.
///
/// Every variant says where (a JSON path such as `statusAt` or
/// `messageContent.items[0].identifier`, `.` for the body itself, `[1]` for the second
/// callback of an array body) and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The body is not JSON: exactly the bodies serde_json refuses to read as a
    /// `serde_json::Value` (it ends too early, a value or a comma is missing, a string holds
    /// a lone surrogate, a number is out of range, it nests deeper than 127 levels, its bytes
    /// are not UTF-8), with serde_json's own message and position. A UTF-8 byte-order mark
    /// at the start is skipped, not refused.
    Syntax {
        /// What serde_json expected, and, for the commonest wrong bodies (empty, gzip,
        /// form-encoded, UTF-16), a hint after `; ` that names what it looks like without
        /// quoting it.
        message: String,
        /// The line where serde_json stopped (1-based).
        line: usize,
        /// The column where serde_json stopped, in bytes: that of the offending byte
        /// (1-based), or, where the body ends too early, that of its last byte, which is
        /// 0 on an empty line (an empty body, or one that ends with a line break). A
        /// byte-order mark counts as the 3 bytes it is.
        column: usize,
    },
    /// The body is JSON, but `path` holds no JSON object (a string, a number, `null`, an
    /// array inside an array). An object of no kind this version knows is not an error: it
    /// is read as `Callback::Unknown`.
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

/// A body as the entry points read it: its bytes after a leading UTF-8 byte-order mark
/// (RFC 8259 lets a parser ignore one), and how many bytes that mark took, so that every
/// line and column counts in the body as it came.
#[derive(Clone, Copy)]
pub(crate) struct Body<'a> {
    /// The body after its byte-order mark.
    pub(crate) bytes: &'a [u8],
    /// The bytes of the byte-order mark before it: 3, or 0.
    bom: usize,
}

/// UTF-8's byte-order mark.
const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

impl<'a> Body<'a> {
    /// `body`, its UTF-8 byte-order mark skipped.
    pub(crate) fn new(body: &'a [u8]) -> Self {
        match body.strip_prefix(BOM) {
            Some(bytes) => Body {
                bytes,
                bom: BOM.len(),
            },
            None => Body {
                bytes: body,
                bom: 0,
            },
        }
    }

    /// A line and column counted in [`bytes`](Self::bytes), counted in the body as it came.
    fn place(&self, (line, column): (usize, usize)) -> (usize, usize) {
        if line == 1 {
            (line, column + self.bom)
        } else {
            (line, column)
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

/// What the commonest wrong bodies look like, said without quoting them.
fn hint(body: &[u8]) -> Option<&'static str> {
    let [utf16, gzip, empty, form] = safe::HINTS;
    if body.starts_with(&[0xFE, 0xFF]) || body.starts_with(&[0xFF, 0xFE]) {
        return Some(utf16);
    }
    if body.starts_with(&[0x1F, 0x8B]) {
        return Some(gzip);
    }
    let trimmed = body.trim_ascii();
    if trimmed.is_empty() {
        return Some(empty);
    }
    // `key=value&...`: starts with a letter, has an `=`, and nothing JSON-like at all.
    let looks_like_form = trimmed.first().is_some_and(u8::is_ascii_alphabetic)
        && trimmed.contains(&b'=')
        && trimmed
            .iter()
            .all(|&b| b.is_ascii_graphic() && !matches!(b, b'"' | b'{' | b'['));
    looks_like_form.then_some(form)
}

/// A syntax error serde_json found in `body`, with a hint for the commonest wrong bodies.
pub(crate) fn syntax(body: Body<'_>, e: &serde_json::Error) -> Error {
    syntax_at(body, message_of(e), (e.line(), e.column()))
}

/// The syntax error `message` at `at` (line and column in what was read), with the hint
/// for `body`.
fn syntax_at(body: Body<'_>, mut message: String, at: (usize, usize)) -> Error {
    if let Some(hint) = hint(body.bytes) {
        message.push_str("; ");
        message.push_str(hint);
    }
    let (line, column) = body.place(at);
    Error::Syntax {
        message,
        line,
        column,
    }
}

/// A body that is not UTF-8: serde_json's error where it finds one (as it does, reading
/// such a body as bytes), or where the bytes stop being UTF-8.
pub(crate) fn not_utf8(body: Body<'_>, e: &std::str::Utf8Error) -> Error {
    if let Err(e) = super::json::check_slice(body.bytes) {
        return syntax(body, &e);
    }
    syntax_at(
        body,
        String::from("invalid unicode code point"),
        line_column(body.bytes, e.valid_up_to() + 1),
    )
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

/// The error of a read that stopped (see [`read`](super::read)).
pub(crate) fn from_reader(body: Body<'_>, r: &mut Reader<'_>) -> Error {
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

/// Why a read stopped; `json_checked` says the body is known to be JSON.
///
/// A body that is not JSON is a syntax error whatever else is wrong (a wrong value can
/// stop the read before the syntax error further on: `{"status":5`), found by serde_json
/// reading the body as a `Value` ([`check_str`](super::json::check_str)): its message, line
/// and column, nesting past its recursion limit included. A read that stopped with nothing
/// recorded met text that is not JSON, so the body is always checked then.
pub(crate) fn stop(
    body: Body<'_>,
    r: &mut Reader<'_>,
    json_checked: bool,
    lines: &mut Lines,
) -> Stop {
    let failure = r.take_failure();
    if !json_checked || failure.is_none() {
        if let Err(e) = super::json::check_str(r.text()) {
            return Stop::Body(syntax(body, &e));
        }
    }
    let Some(failure) = failure else {
        return Stop::Element(internal("the reader stopped on well-formed JSON"));
    };
    let mut path = String::new();
    write_path(&mut path, failure.path.as_slice());
    Stop::Element(match failure.kind {
        FailureKind::NotACallback => Error::UnknownCallback {
            path,
            message: failure.message.to_string(),
        },
        _ => {
            let (line, column) = body.place(lines.at(body.bytes, failure.pos));
            Error::Invalid {
                path,
                message: failure.message.to_string(),
                line,
                column,
            }
        }
    })
}

/// serde_json's message without its " at line L column C" suffix.
pub(crate) fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_owned()
}

/// The error of reading `body` through the safe-error layer (see [`safe`]):
/// its path, and its line and column in `body`.
pub(crate) fn from_safe(body: Body<'_>, e: &SafeError) -> Error {
    let path = e.path();
    let message = e.message().to_owned();
    match e.kind() {
        safe::Kind::NotACallback => Error::UnknownCallback { path, message },
        safe::Kind::Invalid => {
            let (line, column) = body.place(line_column(body.bytes, e.pos().unwrap_or(0)));
            Error::Invalid {
                path,
                message,
                line,
                column,
            }
        }
    }
}
