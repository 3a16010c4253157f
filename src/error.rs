//! The crate's one error type, and how a failed parse is located.

use serde::de::DeserializeOwned;

/// Why a body, or a value inside one, could not be read.
///
/// Every variant says where (a JSON path such as `statusAt` or
/// `messageContent.items[0].identifier`, `.` for the body itself, `[1]` for the second
/// callback of an array body) and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The body is not well-formed JSON (or ends too early).
    #[error("body is not valid JSON: {message} (line {line}, column {column})")]
    Syntax {
        /// What the JSON parser expected.
        message: String,
        /// 1-based line of the offending byte.
        line: usize,
        /// 1-based column of the offending byte.
        column: usize,
    },
    /// The body is JSON, but `path` holds no callback edna documents.
    #[error("`{path}` is not an edna callback: {message}")]
    UnknownCallback {
        /// Where the object is: `.` for the body, `[i]` for an element of an array body.
        path: String,
        /// Why no kind matched.
        message: String,
    },
    /// The body is a known callback, but the value at `path` is wrong (wrong JSON type, a
    /// bad timestamp, a required field missing, a key given twice).
    #[error("invalid `{path}`: {message}")]
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
    #[error("invalid FLOW reply in `{path}`: {message}")]
    Flow {
        /// Always `messageContent.text`.
        path: String,
        /// What was wrong with it.
        message: String,
    },
}

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

/// Starts the message of an error that means "this value is no callback at all" (as
/// opposed to a known callback with a bad field); [`locate`] strips it.
pub(crate) const NOT_A_CALLBACK: char = '\u{2}';

/// Marks a message that carries a path below the value being read (a field of a value that
/// had to be read in two steps): `\u{1}path\u{1}message`.
const NESTED: char = '\u{1}';

/// An error for a value read in a second step (from an already parsed JSON value), keeping
/// the path inside that value.
pub(crate) fn nested<E: serde::de::Error>(
    inner: serde_path_to_error::Error<serde_json::Error>,
) -> E {
    let path = format_path(inner.path());
    let message = message_of(inner.inner());
    E::custom(format_args!("{NESTED}{path}{NESTED}{message}"))
}

/// serde_json's message without its " at line L column C" suffix, and without the values
/// serde quotes in it (see [`redact`]).
fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    redact(text.strip_suffix(&suffix).unwrap_or(&text))
}

/// Removes the values serde repeats in its messages (`invalid type: string "Ivan"`,
/// `integer `79000000000``), so that an error is safe to log: what stays is the kind of
/// value and what was expected. Field names stay.
fn redact(message: &str) -> String {
    const QUOTED: [(&str, char); 4] = [
        ("string \"", '"'),
        ("integer `", '`'),
        ("floating point `", '`'),
        ("character `", '`'),
    ];
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    'scan: while !rest.is_empty() {
        for (marker, close) in QUOTED {
            if let Some(after) = rest.strip_prefix(marker) {
                // Keep the kind ("string"), drop the space, the quotes and the value.
                out.push_str(marker.get(..marker.len() - 2).unwrap_or_default());
                let mut chars = after.char_indices();
                let mut end = after.len();
                while let Some((i, c)) = chars.next() {
                    if c == '\\' && close == '"' {
                        chars.next();
                    } else if c == close {
                        end = i + c.len_utf8();
                        break;
                    }
                }
                rest = after.get(end..).unwrap_or_default();
                continue 'scan;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
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
            Segment::Map { key } => push_key(&mut out, key),
            Segment::Enum { variant } => push_key(&mut out, variant),
            Segment::Unknown => out.push_str(".?"),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// Appends `.key` to a path, or `["key"]` (the key as a JSON string) when the key is empty
/// or holds anything but letters, digits, `_`, `-` and `@`, so that a key such as
/// `messageContent.type` or `` cannot be mistaken for another path.
fn push_key(out: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'@'));
    if plain {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(key);
    } else {
        out.push('[');
        out.push_str(&serde_json::Value::from(key).to_string());
        out.push(']');
    }
}

/// `path` with the field `key` appended.
fn field_path(path: &str, key: &str) -> String {
    let mut out = if path == "." {
        String::new()
    } else {
        path.to_owned()
    };
    push_key(&mut out, key);
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

fn syntax(e: &serde_json::Error) -> Error {
    Error::Syntax {
        message: message_of(e),
        line: e.line(),
        column: e.column(),
    }
}

/// Turns the error of a failed `serde_json::from_slice::<T>(body)` into an [`Error`]
/// naming the path. Only a failed parse gets here: it parses the body a second time with
/// `serde_path_to_error`, so that a successful parse pays nothing for paths.
pub(crate) fn locate<T: DeserializeOwned>(body: &[u8], first: serde_json::Error) -> Error {
    // A wrong value can stop the parse before it reaches a syntax error further on (`[1`,
    // `{"status":5`): a body that is not JSON at all is a syntax error, whatever else.
    if !first.is_data() {
        return syntax(&first);
    }
    if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(body) {
        return syntax(&e);
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let (path, inner) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => (format_path(e.path()), e.into_inner()),
        // Not expected: the same bytes failed a moment ago. Report the first error.
        Ok(_) => (".".to_owned(), first),
    };
    let message = message_of(&inner);
    if let Some(rest) = message.strip_prefix(NESTED) {
        if let Some((below, message)) = rest.split_once(NESTED) {
            return Error::Invalid {
                path: join_path(&path, below),
                message: message.to_owned(),
                line: inner.line(),
                column: inner.column(),
            };
        }
    }
    if let Some(message) = message.strip_prefix(NOT_A_CALLBACK) {
        return Error::UnknownCallback {
            path,
            message: message.to_owned(),
        };
    }
    // A missing or repeated field is reported by serde at its object; name the field.
    let field = ["missing field `", "duplicate field `"]
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix)?.strip_suffix('`'));
    let path = match field {
        Some(field) => field_path(&path, field),
        None => path,
    };
    Error::Invalid {
        path,
        message,
        line: inner.line(),
        column: inner.column(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redact_removes_values_and_keeps_field_names() {
        assert_eq!(
            redact("invalid type: string \"Ivan \\\"the\\\" Terrible\", expected an object"),
            "invalid type: string, expected an object"
        );
        assert_eq!(
            redact("invalid type: integer `79000000000`, expected a string"),
            "invalid type: integer, expected a string"
        );
        assert_eq!(
            redact("invalid type: floating point `55.75`, expected an id"),
            "invalid type: floating point, expected an id"
        );
        assert_eq!(
            redact("missing field `statusAt`"),
            "missing field `statusAt`"
        );
        assert_eq!(
            redact("invalid type: boolean `true`, expected a string"),
            "invalid type: boolean `true`, expected a string"
        );
        assert_eq!(redact("unterminated string \"abc"), "unterminated string");
    }
}
