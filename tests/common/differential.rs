//! The judge of issue #16, shared by `tests/differential.rs` and the fuzz target
//! `fuzz/fuzz_targets/differential.rs` (which include this file by its path).
//!
//! The rule: every entry point (`parse_body`, `parse_body_each`, `parse_as::<T>`, and the
//! types' `Deserialize` through `serde_json::from_slice`, `from_str`, `from_reader` and
//! `from_value`) refuses as a syntax error of the body exactly the bytes serde_json
//! refuses, at serde_json's line and column, and never changes a value of a body serde_json
//! reads. The judge is `serde_json::from_slice::<serde_json::Value>(body)`: serde_json's
//! own reading, never the crate's `Deserialize` (which uses the crate's reader). `T` is
//! `Callback` for a body that is an object (or neither object nor array), `Vec<Callback>`
//! for an array body.
//!
//! A value of a set edna controls (a status, a content type) is read in any ASCII case and
//! written in edna's spelling, on purpose: that is no change ([`changes`]).
//!
//! When the judge accepts a body, the entry points must also agree with `parse_body` on
//! whether it is read (the README: "each type is also a plain serde type ... with the
//! same reader and the same errors"); `from_value` only one way, since a `Value` has lost
//! a repeated key that the others refuse. `parse_body_each` must give each element's exact
//! text: the slice of the body its range names, which serde_json reads as the judge's
//! element.
//!
//! `from_reader` is judged by serde_json's own reading through a reader
//! (`from_reader::<Value>`), which places some errors a byte further on than its reading
//! of a slice.
//!
//! The crate's own entry points (`parse_body`, `parse_body_each`, `parse_as`) skip a
//! leading UTF-8 byte-order mark, as RFC 8259 lets a parser do: they are judged by
//! serde_json's reading of the body after it, its columns on the first line counted with
//! the mark's 3 bytes. serde_json's own entry points are judged by its reading of the body
//! as it is, which refuses the mark.
//!
//! Each includer uses only some of these.
#![allow(dead_code)]

use edna_callbacks::{parse_as, parse_body, parse_body_each, Callback, Error};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::common::differences;

/// serde_json's syntax error: its message (without " at line L column C"), line, column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Syntax {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Syntax {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Syntax `{}` at {}:{}",
            self.message, self.line, self.column
        )
    }
}

impl Syntax {
    fn of(e: &serde_json::Error) -> Self {
        Self {
            message: message_of(e),
            line: e.line(),
            column: e.column(),
        }
    }
}

/// serde_json's message without its " at line L column C" suffix.
pub fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_owned()
}

/// What serde_json makes of a body.
#[derive(Clone, Debug)]
pub enum Judge {
    Accepts(Value),
    Refuses(Syntax),
}

/// UTF-8's byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Judge {
    /// serde_json's own reading of `body`.
    pub fn of(body: &[u8]) -> Self {
        match serde_json::from_slice::<Value>(body) {
            Ok(value) => Self::Accepts(value),
            Err(e) => Self::Refuses(Syntax::of(&e)),
        }
    }

    /// serde_json's own reading of `body` through its reader (`from_reader`), which puts
    /// some errors a byte further on than its reading of a slice does (a number out of
    /// range, an error at the end of a line): the judge of `from_reader`.
    pub fn of_reader(body: &[u8]) -> Self {
        match serde_json::from_reader::<_, Value>(body) {
            Ok(value) => Self::Accepts(value),
            Err(e) => Self::Refuses(Syntax::of(&e)),
        }
    }

    /// The judge of the crate's own entry points: serde_json's reading of the body after a
    /// leading UTF-8 byte-order mark, placed in the body as it came (see the module's
    /// documentation); `None` when the body has no mark.
    pub fn of_bom(body: &[u8]) -> Option<Self> {
        let rest = body.strip_prefix(BOM)?;
        Some(match Self::of(rest) {
            Self::Refuses(s) if s.line == 1 => Self::Refuses(Syntax {
                column: s.column + BOM.len(),
                ..s
            }),
            judge => judge,
        })
    }
}

/// Whether `entry` is one of the crate's own entry points (which skip a byte-order mark).
pub fn is_crates(entry: &str) -> bool {
    entry.starts_with("parse_")
}

impl std::fmt::Display for Judge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Accepts(_) => f.write_str("serde_json reads it"),
            Self::Refuses(s) => write!(f, "serde_json: {s}"),
        }
    }
}

/// Why an entry point refused a body.
#[derive(Clone, Debug)]
pub enum Refusal {
    /// `Error::Syntax`, or a serde_json error whose `is_syntax()` or `is_eof()` is true.
    Syntax(Syntax),
    /// Any other error: what it is (`Invalid`, `UnknownCallback`, `a data error`) and its
    /// text.
    Other { kind: &'static str, text: String },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Syntax(s) => s.fmt(f),
            Self::Other { kind, text } => write!(f, "{kind} ({})", clip(text, 100)),
        }
    }
}

impl Refusal {
    fn of_crate(e: &Error) -> Self {
        let kind = match e {
            Error::Syntax {
                message,
                line,
                column,
            } => {
                return Self::Syntax(Syntax {
                    message: message.clone(),
                    line: *line,
                    column: *column,
                })
            }
            Error::Invalid { .. } => "Invalid",
            Error::UnknownCallback { .. } => "UnknownCallback",
            Error::Flow { .. } => "Flow",
            _ => "another error",
        };
        Self::Other {
            kind,
            text: e.to_string(),
        }
    }

    fn of_serde(e: &serde_json::Error) -> Self {
        if e.is_syntax() || e.is_eof() {
            return Self::Syntax(Syntax::of(e));
        }
        Self::Other {
            kind: if e.is_data() {
                "a data error"
            } else {
                "an I/O error"
            },
            text: e.to_string(),
        }
    }
}

/// What one entry point answered.
#[derive(Clone, Debug)]
pub enum Answer {
    /// The callbacks, written back with `serde_json::to_value` (the one callback of an
    /// object body, the array of an array body).
    Read(Value),
    /// `parse_body_each`'s answer: each element written back, or its error, with what
    /// serde_json reads from the element's text (`None` when it reads nothing, or the text
    /// is not the slice of the body its range names).
    Each(Vec<(Result<Value, Refusal>, Option<Value>)>),
    Refused(Refusal),
}

impl Answer {
    /// Whether the body was read whole (for `parse_body_each`: every element).
    fn reads(&self) -> bool {
        match self {
            Self::Read(_) => true,
            Self::Each(each) => each.iter().all(|(one, _)| one.is_ok()),
            Self::Refused(_) => false,
        }
    }
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Read(_) => f.write_str("Ok"),
            Self::Each(each) => {
                f.write_str("Ok[")?;
                for (i, (element, _)) in each.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    match element {
                        Ok(_) => f.write_str("Ok")?,
                        Err(e) => write!(f, "Err({e})")?,
                    }
                }
                f.write_str("]")
            }
            Self::Refused(r) => write!(f, "Err({r})"),
        }
    }
}

fn written<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value)
        .unwrap_or_else(|e| Value::String(format!("<cannot be written: {e}>")))
}

fn serde_answer<T: Serialize>(read: Result<T, serde_json::Error>) -> Answer {
    match read {
        Ok(value) => Answer::Read(written(&value)),
        Err(e) => Answer::Refused(Refusal::of_serde(&e)),
    }
}

/// Whether a body is an array body: the judge's value is an array, or (for a body it
/// refuses) its first byte after white space (and a byte-order mark) is `[`.
pub fn is_array_body(body: &[u8], judge: &Judge) -> bool {
    let bom = Judge::of_bom(body);
    let body = body.strip_prefix(BOM).unwrap_or(body);
    match bom.as_ref().unwrap_or(judge) {
        Judge::Accepts(value) => value.is_array(),
        Judge::Refuses(_) => {
            body.iter()
                .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                == Some(&b'[')
        }
    }
}

/// Every entry point's answer for `body` that `wanted` asks for, named
/// (`parse_as::<Vec<Callback>>`). `from_str` only for UTF-8 bodies, `from_value` only when
/// the judge reads the body.
pub fn answers(
    body: &[u8],
    judge: &Judge,
    wanted: impl Fn(&str) -> bool,
) -> Vec<(&'static str, Answer)> {
    let array = is_array_body(body, judge);
    let text = std::str::from_utf8(body).ok();
    let value = match judge {
        Judge::Accepts(value) => Some(value),
        Judge::Refuses(_) => None,
    };
    let mut out = Vec::with_capacity(7);
    let mut push = |entry: &'static str, answer: &dyn Fn() -> Option<Answer>| {
        if wanted(entry) {
            if let Some(answer) = answer() {
                out.push((entry, answer));
            }
        }
    };
    push("parse_body", &|| {
        Some(match parse_body(body) {
            Ok(callbacks) if !array && callbacks.len() == 1 => Answer::Read(written(&callbacks[0])),
            Ok(callbacks) => Answer::Read(written(&callbacks)),
            Err(e) => Answer::Refused(Refusal::of_crate(&e)),
        })
    });
    push("parse_body_each", &|| {
        Some(match parse_body_each(body) {
            Ok(each) => Answer::Each(
                each.iter()
                    .map(|element| {
                        let one = match &element.result {
                            Ok(callback) => Ok(written(callback)),
                            Err(e) => Err(Refusal::of_crate(e)),
                        };
                        let text = body
                            .get(element.range.clone())
                            .filter(|bytes| *bytes == element.text.as_bytes())
                            .and_then(|bytes| serde_json::from_slice::<Value>(bytes).ok());
                        (one, text)
                    })
                    .collect(),
            ),
            Err(e) => Answer::Refused(Refusal::of_crate(&e)),
        })
    });
    if array {
        type T = Vec<Callback>;
        push("parse_as::<Vec<Callback>>", &|| {
            Some(match parse_as::<T>(body) {
                Ok(value) => Answer::Read(written(&value)),
                Err(e) => Answer::Refused(Refusal::of_crate(&e)),
            })
        });
        push("from_slice::<Vec<Callback>>", &|| {
            Some(serde_answer(serde_json::from_slice::<T>(body)))
        });
        push("from_str::<Vec<Callback>>", &|| {
            text.map(|text| serde_answer(serde_json::from_str::<T>(text)))
        });
        push("from_reader::<Vec<Callback>>", &|| {
            Some(serde_answer(serde_json::from_reader::<_, T>(body)))
        });
        push("from_value::<Vec<Callback>>", &|| {
            value.map(|value| serde_answer(serde_json::from_value::<T>(value.clone())))
        });
    } else {
        type T = Callback;
        push("parse_as::<Callback>", &|| {
            Some(match parse_as::<T>(body) {
                Ok(value) => Answer::Read(written(&value)),
                Err(e) => Answer::Refused(Refusal::of_crate(&e)),
            })
        });
        push("from_slice::<Callback>", &|| {
            Some(serde_answer(serde_json::from_slice::<T>(body)))
        });
        push("from_str::<Callback>", &|| {
            text.map(|text| serde_answer(serde_json::from_str::<T>(text)))
        });
        push("from_reader::<Callback>", &|| {
            Some(serde_answer(serde_json::from_reader::<_, T>(body)))
        });
        push("from_value::<Callback>", &|| {
            value.map(|value| serde_answer(serde_json::from_value::<T>(value.clone())))
        });
    }
    out
}

/// One way the entry points disagreed with the judge: its class (the entry point, or
/// the family of serde_json's `from_slice`/`from_str`/`from_reader`, and what differed;
/// the same for every body that shows it) and what each entry point of the class
/// answered for this body.
#[derive(Clone, Debug)]
pub struct Disagreement {
    pub class: String,
    pub detail: String,
}

/// The family an entry point's disagreements are classed under: `from_slice`,
/// `from_str` and `from_reader` run the same `Deserialize` and answer alike.
pub fn family(entry: &str) -> String {
    for prefix in ["from_slice::", "from_str::", "from_reader::"] {
        if let Some(ty) = entry.strip_prefix(prefix) {
            return format!("from_slice/from_str/from_reader::{ty}");
        }
    }
    entry.to_owned()
}

/// Everything `body` shows that breaks the rule (see the module's documentation), with
/// the judge's answer and every entry point's.
pub fn check(body: &[u8]) -> (Judge, Vec<(&'static str, Answer)>, Vec<Disagreement>) {
    check_only(body, |_| true)
}

/// [`check`] with only the entry points `wanted` says (and `parse_body`, which the
/// others are compared with).
pub fn check_only(
    body: &[u8],
    wanted: impl Fn(&str) -> bool,
) -> (Judge, Vec<(&'static str, Answer)>, Vec<Disagreement>) {
    let judge = Judge::of(body);
    let answers = answers(body, &judge, |entry| entry == "parse_body" || wanted(entry));
    let found = disagreements(body, &judge, &answers);
    (judge, answers, found)
}

/// Whether a serde_json entry point's error may stand for a body the judge refuses: a
/// data error raised where the value that failed ends, at or before the byte serde_json
/// refuses. serde_json's own typed reading does the same (a type's error comes before a
/// syntax error after its value: `{"status":5} x`, `[{"status":5}, x]`), and the crate
/// cannot change it; a data error after that byte means the text serde_json refuses was
/// read. serde_json gives the position of an element's error (where the element ends),
/// not that of the body's own value: that one ends where serde_json's scan of the first
/// value does.
fn data_error_before(body: &[u8], refusal: &Refusal, expected: &Syntax) -> bool {
    let Refusal::Other { kind, text } = refusal else {
        return false;
    };
    if *kind != "a data error" {
        return false;
    }
    let end = match position_of(text) {
        Some(at) => at,
        None => {
            // The text the crate's `Deserialize` was given.
            let mut de = serde_json::Deserializer::from_slice(body);
            let Ok(raw) = <&RawValue>::deserialize(&mut de) else {
                return false;
            };
            let start = raw.get().as_ptr() as usize - body.as_ptr() as usize;
            line_column(body, start + raw.get().len())
        }
    };
    end <= (expected.line, expected.column)
}

/// serde_json's line and column (1-based, the column in bytes) of the byte before
/// `offset`: where it stands once it has read `offset` bytes.
fn line_column(body: &[u8], offset: usize) -> (usize, usize) {
    let before = &body[..offset.min(body.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    (line, before.len() - start)
}

/// The line and column at the end of a serde_json error's text.
fn position_of(text: &str) -> Option<(usize, usize)> {
    let (rest, column) = text.rsplit_once(" column ")?;
    let (_, line) = rest.rsplit_once(" at line ")?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// The disagreements of `answers` with `judge`, one per class.
pub fn disagreements(
    body: &[u8],
    judge: &Judge,
    answers: &[(&'static str, Answer)],
) -> Vec<Disagreement> {
    // (family, what differed, [(answer, the entry points that gave it)])
    type Found = (String, String, Vec<(String, Vec<&'static str>)>);
    let mut found: Vec<Found> = Vec::new();
    let mut add = |entry: &'static str, what: String, detail: String| {
        let family = family(entry);
        let at = match found
            .iter()
            .position(|(f, w, _)| *f == family && *w == what)
        {
            Some(at) => at,
            None => {
                found.push((family, what, Vec::new()));
                found.len() - 1
            }
        };
        let details = &mut found[at].2;
        match details.iter_mut().find(|(d, _)| *d == detail) {
            Some((_, entries)) => entries.push(entry),
            None => details.push((detail, vec![entry])),
        }
    };
    // The crate's own entry points skip a byte-order mark; serde_json's do not.
    let bom = Judge::of_bom(body);
    let reader = answers
        .iter()
        .any(|(entry, _)| entry.starts_with("from_reader"))
        .then(|| Judge::of_reader(body));
    let judge_of = |entry: &str| match (&bom, &reader) {
        (Some(bom), _) if is_crates(entry) => bom,
        (_, Some(reader)) if entry.starts_with("from_reader") => reader,
        _ => judge,
    };
    let reference = answers
        .iter()
        .find(|(entry, _)| *entry == "parse_body")
        .map(|(_, answer)| answer.reads());
    for (entry, answer) in answers {
        match judge_of(entry) {
            Judge::Refuses(expected) => {
                let why = &expected.message;
                let serde = entry.starts_with("from_");
                let what = match answer {
                    Answer::Read(_) => format!("reads a body serde_json refuses ({why})"),
                    Answer::Each(each) if each.iter().all(|(one, _)| one.is_ok()) => {
                        format!("reads every element of a body serde_json refuses ({why})")
                    }
                    Answer::Each(_) => {
                        format!("answers element by element for a body serde_json refuses ({why})")
                    }
                    Answer::Refused(refusal)
                        if serde && data_error_before(body, refusal, expected) =>
                    {
                        continue
                    }
                    Answer::Refused(Refusal::Other { kind, .. }) if serde => {
                        format!("answers {kind} past the byte serde_json refuses ({why})")
                    }
                    Answer::Refused(Refusal::Other { kind, .. }) => format!(
                        "answers {kind}, not a syntax error, for a body serde_json refuses ({why})"
                    ),
                    Answer::Refused(Refusal::Syntax(s))
                        if (s.line, s.column) != (expected.line, expected.column) =>
                    {
                        format!("puts the syntax error elsewhere than serde_json ({why})")
                    }
                    Answer::Refused(Refusal::Syntax(_)) => continue,
                };
                add(entry, what, answer.to_string());
            }
            Judge::Accepts(value) => {
                // `from_value` is judged by what serde_json's own `from_value` makes of the
                // judge's value (the same, but under `arbitrary_precision`, where it hands
                // `-0` over as `0`).
                let through_value;
                let value = match entry
                    .starts_with("from_value")
                    .then(|| serde_json::from_value::<Value>(value.clone()))
                {
                    Some(Ok(v)) => {
                        through_value = v;
                        &through_value
                    }
                    _ => value,
                };
                match answer {
                    Answer::Refused(Refusal::Syntax(s)) => add(
                        entry,
                        format!(
                            "refuses as a syntax error ({}) a body serde_json reads",
                            s.message
                        ),
                        answer.to_string(),
                    ),
                    Answer::Read(written) => {
                        let diffs = changes(value, written);
                        if !diffs.is_empty() {
                            add(
                                entry,
                                "changes a value of a body serde_json reads".to_owned(),
                                clip(&diffs.join("; "), 300),
                            );
                        }
                    }
                    Answer::Each(each) => {
                        let elements: Vec<&Value> = match value {
                            Value::Array(elements) => elements.iter().collect(),
                            other => vec![other],
                        };
                        if each.len() != elements.len() {
                            add(
                                entry,
                                "answers another number of elements than the body has".to_owned(),
                                format!("{} answers for {} elements", each.len(), elements.len()),
                            );
                        }
                        for (i, ((one, text), original)) in each.iter().zip(elements).enumerate() {
                            if text.as_ref() != Some(original) {
                                add(
                                    entry,
                                    "gives an element a text that is not that element's".to_owned(),
                                    format!("[{i}] {}", clip(&format!("{text:?}"), 200)),
                                );
                            }
                            if let Ok(written) = one {
                                let diffs = changes(original, written);
                                if !diffs.is_empty() {
                                    add(
                                        entry,
                                        "changes a value of a body serde_json reads".to_owned(),
                                        format!("[{i}] {}", clip(&diffs.join("; "), 300)),
                                    );
                                }
                            }
                        }
                    }
                    Answer::Refused(Refusal::Other { .. }) => {}
                }
                // The entry points read the same bodies (`from_value`: at least those).
                let Some(reference) = reference else { continue };
                let reads = answer.reads();
                if *entry == "parse_body" || reads == reference {
                    continue;
                }
                let what = if reads {
                    if entry.starts_with("from_value") {
                        continue;
                    }
                    "reads a body parse_body refuses"
                } else {
                    "refuses a body parse_body reads"
                };
                add(entry, what.to_owned(), answer.to_string());
            }
        }
    }
    if let Some((_, parse_body)) = answers.iter().find(|(e, _)| *e == "parse_body") {
        for (_, what, details) in &mut found {
            if what.ends_with("parse_body reads") || what.ends_with("parse_body refuses") {
                details.push((parse_body.to_string(), vec!["parse_body"]));
            }
        }
    }
    found
        .into_iter()
        .map(|(family, what, details)| {
            let details: Vec<String> = details
                .into_iter()
                .map(|(detail, entries)| format!("{}: {detail}", entries.join(", ")))
                .collect();
            Disagreement {
                class: format!("{family} {what}"),
                detail: format!("{} [{judge}]", details.join("; ")),
            }
        })
        .collect()
}

/// What writing `original` back as `written` changed ([`differences`]), but for a string
/// written in another ASCII case: a value of a set edna controls (a status, a content type,
/// a channel) is read in any case and written in edna's spelling, on purpose.
pub fn changes(original: &Value, written: &Value) -> Vec<String> {
    differences(original, &in_its_case(original, written))
}

/// `written`, each string of it that is `original`'s in another ASCII case replaced by
/// `original`'s.
fn in_its_case(original: &Value, written: &Value) -> Value {
    match (original, written) {
        (Value::String(a), Value::String(b)) if a.eq_ignore_ascii_case(b) => original.clone(),
        (Value::Array(a), Value::Array(b)) => Value::Array(
            b.iter()
                .enumerate()
                .map(|(i, y)| a.get(i).map_or_else(|| y.clone(), |x| in_its_case(x, y)))
                .collect(),
        ),
        (Value::Object(a), Value::Object(b)) => Value::Object(
            b.iter()
                .map(|(k, y)| {
                    let y = a.get(k).map_or_else(|| y.clone(), |x| in_its_case(x, y));
                    (k.clone(), y)
                })
                .collect(),
        ),
        _ => written.clone(),
    }
}

/// `text` cut to about `max` characters.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// A body, shown short: bytes that are not UTF-8 as `\xNN`, control characters escaped,
/// a run of one pattern repeated many times as `⟨pattern×count⟩`, and the middle of a long
/// body left out.
pub fn show(body: &[u8]) -> String {
    let mut out = String::new();
    let mut at = 0;
    'outer: while at < body.len() {
        for period in 1..=8 {
            let Some(pattern) = body.get(at..at + period) else {
                break;
            };
            let mut count = 1;
            while body.get(at + count * period..at + (count + 1) * period) == Some(pattern) {
                count += 1;
            }
            if count >= 4 && count * period >= 16 {
                out.push('⟨');
                push_shown(&mut out, pattern);
                out.push_str(&format!("×{count}⟩"));
                at += count * period;
                continue 'outer;
            }
        }
        // One character (or one byte that is not UTF-8).
        let len = match body.get(at) {
            Some(0xC0..=0xDF) => 2,
            Some(0xE0..=0xEF) => 3,
            Some(0xF0..=0xF7) => 4,
            _ => 1,
        };
        let end = (at + len).min(body.len());
        if std::str::from_utf8(&body[at..end]).is_ok() {
            push_shown(&mut out, &body[at..end]);
            at = end;
        } else {
            push_shown(&mut out, &body[at..at + 1]);
            at += 1;
        }
    }
    let chars: Vec<char> = out.chars().collect();
    if chars.len() > 400 {
        let head: String = chars[..200].iter().collect();
        let tail: String = chars[chars.len() - 150..].iter().collect();
        return format!("{head}⟨…{} characters…⟩{tail}", chars.len() - 350);
    }
    out
}

fn push_shown(out: &mut String, bytes: &[u8]) {
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                out.extend(c.escape_debug());
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
}
