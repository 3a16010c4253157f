//! A differential test of the crate's reader against serde_json (issue #16).
//!
//! The judge is serde_json's own reading of the body, `serde_json::from_slice::<Value>`.
//! Every entry point (`parse_body`, `parse_body_each`, `parse_as::<T>`, and `Deserialize`
//! through `serde_json::from_slice`, `from_str`, `from_reader`, `from_value`) must refuse,
//! as a syntax error of the body, exactly the bytes the judge refuses, at its line and
//! column; and what it reads from a body the judge reads must be written back as the
//! judge's value (`common::differences`). The rule and the checks are in
//! `tests/common/differential.rs`, which the fuzz target `differential` shares.
//!
//! `every_entry_point_agrees_with_serde_json` generates variants of every fixture from a
//! seeded PRNG: white space (none, one space, pretty, random, in every gap), key order,
//! escapes (`\u00XX`, `\/`, surrogate pairs) in keys and strings, unknown members of
//! every JSON type, repeated keys, nesting near and past serde_json's 127 levels (in
//! unknown fields, in event payloads, in array bodies), FLOW texts, odd numbers (`-0`,
//! `1E2`, `1e400`, big integers, `01`) and strings (lone surrogates, bytes that are not
//! UTF-8), and corruptions (text glued after a value, `1x`, `truee`; trailing commas;
//! truncation; bytes inserted, removed or replaced; a byte-order mark). Disagreements are
//! collected by class (the entry point and what differed) and reported with the shortest
//! body of each class, shrunk. `EDNA_DIFFERENTIAL_CASES` sets the number of variants
//! (default [`DEFAULT_CASES`], a few seconds in the test profile), `EDNA_DIFFERENTIAL_SEED`
//! the seed.
//!
//! The named tests below it are the disagreements issue #16 reports, each with the answer
//! it must get.

mod common;
#[path = "common/differential.rs"]
mod differential;

use std::collections::{BTreeMap, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use common::{fixture, json_files};
use differential::{check, check_only, disagreements, show, Answer, Judge, Refusal, Syntax};
use edna_callbacks::{parse_as, parse_body, parse_body_each, Callback, Error, Id};
use serde_json::Value;

/// Variants checked by default: about 3 s in the test profile on the project's 2-core
/// machine (and half a second more to shrink the examples of the classes found).
const DEFAULT_CASES: usize = 3000;

/// The default seed.
const DEFAULT_SEED: u64 = 0x0016_ed0a_d1ff_0001;

/// Attempts at shrinking each class's example, and the time all of them may take (the
/// classes left then are shown as found).
const SHRINK_ATTEMPTS: usize = 100;
const SHRINK_TIME: Duration = Duration::from_millis(1500);

// ---------------------------------------------------------------------------------------
// A small seeded PRNG (splitmix64).
// ---------------------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn choose<T: Copy>(&mut self, items: &[T]) -> T {
        *self.pick(items)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

// ---------------------------------------------------------------------------------------
// What variants are made of.
// ---------------------------------------------------------------------------------------

/// Numbers as written in a body: the ones serde_json reads, then the ones it refuses.
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "1E2",
    "1e+2",
    "1.5e-3",
    "0.0",
    "-0.0",
    "1.50",
    "9223372036854775807",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "123456789012345678901234567890",
    "1e308",
    "1e-400",
    "-161.10361699999999",
    "2.2250738585072014e-308",
    // Refused:
    "1e400",
    "-1e400",
    "01",
    "-01",
    "1.",
    ".5",
    "-",
    "+1",
    "1e",
    "1e+",
    "0x10",
    "1.e3",
    "NaN",
    "-Infinity",
];

/// String contents (between the quotes) serde_json reads.
const STRINGS: &[&str] = &[
    "",
    "a",
    "é",
    "Спасибо",
    "😀",
    r"\u00e9",
    r"\u00E9\u0041",
    r"\ud83d\ude00",
    r"\uD83D\uDE00",
    r"\/",
    r"\\",
    r#"\""#,
    r"\u0000",
    r"\b\f\n\r\t",
    "2023-10-31T11:07:56Z",
    r#"{\"flow_token\":\"t\"}"#,
];

/// String contents serde_json refuses (its `IgnoredAny` scan lets the first ones through).
const BAD_STRINGS: &[&[u8]] = &[
    br"\ud800",
    br"\udc00",
    br"\ud800\u0041",
    br"\ud800x",
    br"\ud83d\ud83d",
    br"\uDFFF\uD800",
    br"\x",
    br"\u12",
    br"\u12g4",
    b"\x01",
    b"tab\there",
    b"\xFF",
    b"\xC3",
    b"\xC0\x80",
    b"\xED\xA0\x80",
    b"\x80",
    b"\xE2\x82",
    b"\xF4\x90\x80\x80",
];

/// Keys of added members, as written between the quotes.
const KEYS: &[&str] = &[
    "zz",
    "",
    "x",
    "é",
    r"\u00e9",
    "a b",
    r#"\"q\""#,
    r"\u0000",
    r"\ud83d\ude00",
    "id",
    "status",
    "text",
    "payload",
    "type",
    "@type",
    "extra",
];

/// Text glued right after a value: `1x`, `truee`, `nulll`, `12abc`, `1-2`.
const GLUE: &[&str] = &[
    "x", "e", "l", "abc", "-2", "0", ".5", "E", "ee", "y", "1", "\"\"", "null", "]", "}", ",",
    " x", "e5", "+",
];

/// Scalars with text glued on, or cut short, written for a value.
const GLUED: &[&str] = &[
    "1x",
    "truee",
    "nulll",
    "falsee",
    "0xff",
    "12abc",
    "1-2",
    "1.5.5",
    "1e5e5",
    "nul",
    "tru",
    "-",
    "\"a\"x",
    "\"a\"\"b\"",
    "1 2",
];

/// Values serde_json refuses, for an unknown member (kept as JSON by the crate).
const BAD_VALUES: &[&str] = &[
    "[1,]",
    "{\"a\":1,}",
    "[1 2]",
    "{\"a\" 1}",
    "{\"a\":1 \"b\":2}",
    "[1]]",
    "{}}",
    "[,1]",
    "{,}",
    "\"\\ud800\"",
    "1e400",
    "01",
    "[\"\\ud800\"]",
    "{\"\\udc00\":1}",
    "[1e400]",
];

/// Bytes inserted or written over others.
const BYTES: &[u8] = b",]}[{\":\\\x01-+. \t\n\r\0\x0b\x0c\x7f\x80\xC3\xFF";

/// Byte sequences that are not UTF-8, or white space JSON does not allow.
const ODD_SEQUENCES: &[&[u8]] = &[
    b"\xFF",
    b"\xC3",
    b"\xC0\x80",
    b"\xED\xA0\x80",
    b"\x80",
    b"\xE2\x82",
    b"\xF4\x90\x80\x80",
    b"\x0c",
    b"\x0b",
    b"\xC2\xA0",
    b"\xEF\xBB\xBF",
];

/// Total levels of nesting, counted from the body's root, of the deep values added.
const DEPTHS: &[usize] = &[120, 126, 127, 127, 127, 128, 128, 128, 129, 160, 300];

/// Any JSON value serde_json reads, as text: every type, nested at most `budget` levels,
/// objects possibly with a key given twice.
fn json(rng: &mut Rng, budget: usize, out: &mut Vec<u8>) {
    match rng.below(if budget == 0 { 5 } else { 7 }) {
        0 => out.extend_from_slice(b"null"),
        1 => out.extend_from_slice(if rng.one_in(2) { b"true" } else { b"false" }),
        2 => out.extend_from_slice(rng.pick(&NUMBERS[..20]).as_bytes()),
        3 | 4 => {
            out.push(b'"');
            out.extend_from_slice(rng.pick(STRINGS).as_bytes());
            out.push(b'"');
        }
        5 => {
            out.push(b'[');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push(b',');
                }
                json(rng, budget - 1, out);
            }
            out.push(b']');
        }
        _ => {
            out.push(b'{');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push(b',');
                }
                out.push(b'"');
                out.extend_from_slice(rng.pick(KEYS).as_bytes());
                out.extend_from_slice(b"\":");
                json(rng, budget - 1, out);
            }
            out.push(b'}');
        }
    }
}

/// A value nesting `levels` arrays or objects (one shape, or both alternating), with
/// something or nothing innermost and perhaps a sibling at some level.
fn deep(rng: &mut Rng, levels: usize) -> Vec<u8> {
    let shape = rng.below(3);
    let opener = |i: usize| match shape {
        0 => true,
        1 => false,
        _ => i.is_multiple_of(2),
    };
    let mut sibling = if rng.one_in(3) {
        Some(rng.below(levels))
    } else {
        None
    };
    let mut out = Vec::with_capacity(levels * 6);
    for i in 0..levels {
        out.extend_from_slice(if opener(i) { b"[" } else { b"{\"d\":" });
    }
    let innermost_array = levels > 0 && opener(levels - 1);
    if innermost_array && rng.one_in(2) {
        // `[]` innermost: no sibling there (`[,2]`).
        if sibling == Some(levels - 1) {
            sibling = None;
        }
    } else {
        out.extend_from_slice(rng.pick(&["1", "null", "\"x\"", "true", "-0"]).as_bytes());
    }
    for i in (0..levels).rev() {
        if sibling == Some(i) {
            out.extend_from_slice(if opener(i) { b",2" } else { b",\"e\":2" });
        }
        out.push(if opener(i) { b']' } else { b'}' });
    }
    out
}

/// A change made at one value of a body.
#[derive(Clone)]
enum Fault {
    /// Text glued right after the value.
    Glue(&'static str),
    /// The value replaced by this text.
    Replace(Vec<u8>),
    /// A member (key and value, as text) added to an object, or an element to an array.
    Add { key: Vec<u8>, value: Vec<u8> },
    /// A value added to an object or array that nests to `total` levels, counted from the
    /// body's root.
    Deep { total: usize },
    /// A member or element given twice.
    Repeat,
    /// A comma before the closing bracket.
    TrailingComma,
}

impl std::fmt::Debug for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Glue(text) => write!(f, "{text} glued"),
            Self::Replace(text) => write!(f, "replaced by {}", show(text)),
            Self::Add { key, value } => write!(f, "\"{}\":{} added", show(key), show(value)),
            Self::Deep { total } => write!(f, "{total} levels added"),
            Self::Repeat => f.write_str("a member repeated"),
            Self::TrailingComma => f.write_str("a trailing comma"),
        }
    }
}

/// What kind of value a place holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Object,
    Array,
    Number,
    String,
    /// A `text` string (a FLOW reply's JSON, in a FLOW message).
    Text,
    Literal,
}

/// Every value of `value`, by its path (`/messageContent/items/0`).
fn places(value: &Value, key: &str, path: &mut String, out: &mut Vec<(String, Place)>) {
    let place = match value {
        Value::Object(_) => Place::Object,
        Value::Array(_) => Place::Array,
        Value::Number(_) => Place::Number,
        Value::String(_) if key == "text" => Place::Text,
        Value::String(_) => Place::String,
        _ => Place::Literal,
    };
    out.push((path.clone(), place));
    let len = path.len();
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                path.push('/');
                path.push_str(k);
                places(v, k, path, out);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push('/');
                path.push_str(&i.to_string());
                places(v, "", path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// How white space is written between tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Space {
    None,
    One,
    Pretty,
    Random,
}

/// A gap between tokens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    Open,
    Close,
    Colon,
    Comma,
    Outer,
}

/// Writes a value with a style and faults.
struct Writer<'r> {
    rng: &'r mut Rng,
    space: Space,
    /// Out of 64: how often a character that may be written plain is escaped.
    escape: usize,
    shuffle: bool,
    /// Whether floats are spelled another way (`1.5` as `15E-1`).
    respell: bool,
    faults: HashMap<String, Vec<Fault>>,
    out: Vec<u8>,
}

impl Writer<'_> {
    fn gap(&mut self, gap: Gap, depth: usize) {
        match self.space {
            Space::None => {}
            Space::One => {
                if matches!(gap, Gap::Colon | Gap::Comma) {
                    self.out.push(b' ');
                }
            }
            Space::Pretty => match gap {
                Gap::Open | Gap::Comma => {
                    self.out.push(b'\n');
                    self.out.resize(self.out.len() + 2 * depth, b' ');
                }
                Gap::Close => {
                    self.out.push(b'\n');
                    self.out
                        .resize(self.out.len() + 2 * depth.saturating_sub(1), b' ');
                }
                Gap::Colon => self.out.push(b' '),
                Gap::Outer => {}
            },
            Space::Random => {
                if self.rng.one_in(2) {
                    for _ in 0..=self.rng.below(3) {
                        let c = self.rng.choose(b" \t\n\r");
                        self.out.push(c);
                    }
                }
            }
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push(b'"');
        for c in s.chars() {
            let escape = self.escape > 0 && self.rng.below(64) < self.escape;
            match c {
                '"' => self.out.extend_from_slice(br#"\""#),
                '\\' => self.out.extend_from_slice(br"\\"),
                '\n' if !escape => self.out.extend_from_slice(br"\n"),
                '\t' if !escape => self.out.extend_from_slice(br"\t"),
                '/' if escape && self.rng.one_in(2) => self.out.extend_from_slice(br"\/"),
                c if escape || c < ' ' => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        let hex = if self.rng.one_in(2) {
                            format!("\\u{unit:04x}")
                        } else {
                            format!("\\u{unit:04X}")
                        };
                        self.out.extend_from_slice(hex.as_bytes());
                    }
                }
                c => {
                    let mut buf = [0u8; 4];
                    self.out
                        .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        self.out.push(b'"');
    }

    fn number(&mut self, n: &serde_json::Number) {
        let text = n.to_string();
        if self.respell && n.is_f64() && self.rng.one_in(2) {
            // The same float: an exponent, trailing zeros.
            let respelled = match self.rng.below(3) {
                _ if text.contains('e') => text.replace('e', "E"),
                0 => format!("{text}E0"),
                1 if text.contains('.') => format!("{text}000"),
                _ => format!("{text}e+00"),
            };
            self.out.extend_from_slice(respelled.as_bytes());
        } else {
            self.out.extend_from_slice(text.as_bytes());
        }
    }

    /// Writes `value` (at `path`; `depth` levels around it).
    fn value(&mut self, value: &Value, path: &mut String, depth: usize) {
        let faults = self.faults.remove(path.as_str()).unwrap_or_default();
        let replaced = faults.iter().find_map(|f| match f {
            Fault::Replace(text) => Some(text),
            _ => None,
        });
        match (replaced, value) {
            (Some(text), _) => self.out.extend_from_slice(text),
            (None, Value::Null) => self.out.extend_from_slice(b"null"),
            (None, Value::Bool(b)) => {
                self.out
                    .extend_from_slice(if *b { b"true" } else { b"false" })
            }
            (None, Value::Number(n)) => self.number(n),
            (None, Value::String(s)) => self.string(s),
            (None, Value::Array(items)) => {
                let items = items
                    .iter()
                    .enumerate()
                    .map(|(i, value)| Member::Value {
                        key: None,
                        segment: i.to_string(),
                        value,
                    })
                    .collect();
                self.container(items, false, &faults, path, depth);
            }
            (None, Value::Object(map)) => {
                let members = map
                    .iter()
                    .map(|(k, value)| Member::Value {
                        key: Some(k),
                        segment: k.clone(),
                        value,
                    })
                    .collect();
                self.container(members, true, &faults, path, depth);
            }
        }
        for fault in &faults {
            if let Fault::Glue(text) = fault {
                self.out.extend_from_slice(text.as_bytes());
            }
        }
    }

    fn container(
        &mut self,
        mut members: Vec<Member<'_>>,
        object: bool,
        faults: &[Fault],
        path: &mut String,
        depth: usize,
    ) {
        let level = depth + 1;
        if self.shuffle && object {
            self.rng.shuffle(&mut members);
        }
        let mut trailing_comma = false;
        for fault in faults {
            let added = match fault {
                Fault::Add { key, value } => Member::Raw {
                    key: key.clone(),
                    value: value.clone(),
                },
                Fault::Deep { total } if *total > level => Member::Raw {
                    key: b"deep".to_vec(),
                    value: deep(self.rng, total - level),
                },
                Fault::Repeat if !members.is_empty() => {
                    let again = members[self.rng.below(members.len())].clone();
                    if self.rng.one_in(2) {
                        again
                    } else {
                        // The same key, another value.
                        let mut value = Vec::new();
                        json(self.rng, 2, &mut value);
                        let key = match again {
                            Member::Value { key, .. } => {
                                let quoted = serde_json::to_vec(key.unwrap_or("")).unwrap();
                                quoted[1..quoted.len() - 1].to_vec()
                            }
                            Member::Raw { key, .. } => key,
                        };
                        Member::Raw { key, value }
                    }
                }
                Fault::TrailingComma => {
                    trailing_comma = true;
                    continue;
                }
                _ => continue,
            };
            let at = self.rng.below(members.len() + 1);
            members.insert(at, added);
        }
        self.out.push(if object { b'{' } else { b'[' });
        for (i, member) in members.iter().enumerate() {
            self.gap(if i == 0 { Gap::Open } else { Gap::Comma }, level);
            if object {
                match member {
                    Member::Value { key, .. } => self.string(key.unwrap_or("")),
                    // Added keys are written as they are (escapes and all).
                    Member::Raw { key, .. } => {
                        self.out.push(b'"');
                        self.out.extend_from_slice(key);
                        self.out.push(b'"');
                    }
                }
                self.gap(Gap::Colon, level);
                self.out.push(b':');
                self.gap(Gap::Colon, level);
            }
            match member {
                Member::Raw { value, .. } => self.out.extend_from_slice(value),
                Member::Value { segment, value, .. } => {
                    let len = path.len();
                    path.push('/');
                    path.push_str(segment);
                    self.value(value, path, level);
                    path.truncate(len);
                }
            }
            if i + 1 < members.len() || trailing_comma {
                self.gap(Gap::Comma, level);
                self.out.push(b',');
            }
        }
        if !members.is_empty() || trailing_comma {
            self.gap(Gap::Close, level);
        }
        self.out.push(if object { b'}' } else { b']' });
    }
}

/// A member of an object or an element of an array: one of the body's values (with its
/// key, and the last segment of its path), or text added (the key as written between the
/// quotes, with its escapes).
#[derive(Clone, Debug)]
enum Member<'v> {
    Value {
        key: Option<&'v str>,
        segment: String,
        value: &'v Value,
    },
    Raw {
        key: Vec<u8>,
        value: Vec<u8>,
    },
}

/// A fault for a place of kind `place` (or `None` when it takes none of the kind drawn);
/// with `valid`, only one that leaves the body JSON serde_json reads (nesting within its
/// limit counted from the body's root).
fn fault_for(rng: &mut Rng, place: Place, valid: bool) -> Option<Fault> {
    let container = matches!(place, Place::Object | Place::Array);
    // The first 20 numbers, and the depths up to 127, are read by serde_json.
    let numbers = if valid { &NUMBERS[..20] } else { NUMBERS };
    let depths = if valid { &DEPTHS[..5] } else { DEPTHS };
    Some(match rng.below(13) {
        0 if !valid => Fault::Glue(rng.choose(GLUE)),
        12 if !valid => Fault::Replace(rng.pick(GLUED).as_bytes().to_vec()),
        1 | 2 if place == Place::Number || place == Place::Literal || rng.one_in(4) => {
            Fault::Replace(rng.pick(numbers).as_bytes().to_vec())
        }
        3 if matches!(place, Place::String | Place::Text) || rng.one_in(4) => {
            let mut text = b"\"".to_vec();
            if valid || rng.one_in(3) {
                text.extend_from_slice(rng.pick(STRINGS).as_bytes());
            } else {
                text.extend_from_slice(rng.choose(BAD_STRINGS));
            }
            text.push(b'"');
            Fault::Replace(text)
        }
        4 => {
            let mut text = Vec::new();
            json(rng, 3, &mut text);
            Fault::Replace(text)
        }
        5 if place == Place::Text || rng.one_in(8) => {
            // A FLOW reply's text: JSON (perhaps deep, perhaps not JSON) as a string.
            let mut reply = Vec::new();
            if rng.one_in(3) {
                let levels = rng.choose(DEPTHS);
                reply = deep(rng, levels);
            } else {
                json(rng, 3, &mut reply);
            }
            if rng.one_in(4) {
                reply.extend_from_slice(rng.pick(GLUE).as_bytes());
            }
            let reply = String::from_utf8_lossy(&reply).into_owned();
            Fault::Replace(serde_json::to_vec(&reply).unwrap())
        }
        6 | 7 if container => {
            let mut value = Vec::new();
            if !valid && rng.one_in(3) {
                value.extend_from_slice(rng.pick(BAD_VALUES).as_bytes());
            } else {
                json(rng, 3, &mut value);
            }
            Fault::Add {
                key: rng.pick(KEYS).as_bytes().to_vec(),
                value,
            }
        }
        8 | 9 if container => Fault::Deep {
            total: rng.choose(depths),
        },
        10 if container => Fault::Repeat,
        11 if container && !valid => Fault::TrailingComma,
        _ => return None,
    })
}

/// A change made to the bytes of a whole body.
fn corrupt(rng: &mut Rng, body: &mut Vec<u8>) {
    let at = rng.below(body.len() + 1);
    match rng.below(8) {
        0 => body.truncate(at),
        1 => body.insert(at, rng.choose(BYTES)),
        2 => {
            if at < body.len() {
                body.remove(at);
            }
        }
        3 => {
            if at < body.len() {
                body[at] = rng.choose(BYTES);
            }
        }
        4 => {
            let sequence = rng.pick(ODD_SEQUENCES);
            body.splice(at..at, sequence.iter().copied());
        }
        5 => {
            body.splice(0..0, *b"\xEF\xBB\xBF");
        }
        6 => {
            let tail: &[&[u8]] = &[b" x", b",", b"}", b"]", b"{}", b"\0", b"\n"];
            body.extend_from_slice(rng.choose(tail));
        }
        _ => {
            // Glue after a literal or a number somewhere in the body.
            let glue = rng.pick(GLUE).as_bytes();
            let ends: Vec<usize> = (1..body.len())
                .filter(|&i| {
                    matches!(body[i - 1], b'0'..=b'9' | b'e' | b'l')
                        && matches!(body.get(i), Some(b',' | b'}' | b']' | b' ' | b'\n'))
                })
                .collect();
            if !ends.is_empty() {
                let at = rng.choose(&ends);
                body.splice(at..at, glue.iter().copied());
            }
        }
    }
}

/// A fixture: its bytes, and its value when serde_json reads it.
struct Base {
    name: String,
    bytes: Vec<u8>,
    value: Option<Value>,
}

fn bases() -> Vec<Base> {
    let mut out = Vec::new();
    for folder in ["", "edge/"] {
        for name in json_files(folder.trim_end_matches('/')) {
            let name = format!("{folder}{name}");
            let bytes = fixture(&name);
            let value = serde_json::from_slice(&bytes).ok();
            out.push(Base { name, bytes, value });
        }
    }
    out
}

/// The `k`-th variant: its body, how it was made, and whether it was made to stay JSON
/// that serde_json reads.
fn variant(rng: &mut Rng, bases: &[Base], k: usize) -> (Vec<u8>, String, bool) {
    let mut base = &bases[k % bases.len()];
    if rng.one_in(6) {
        // An event: the crate skips its payload, then reads it.
        let events: Vec<&Base> = bases
            .iter()
            .filter(|b| b.value.as_ref().is_some_and(|v| v.get("payload").is_some()))
            .collect();
        base = rng.choose(&events);
    }
    let Some(value) = base.value.as_ref().filter(|_| !rng.one_in(8)) else {
        let mut body = base.bytes.clone();
        for _ in 0..=rng.below(3) {
            corrupt(rng, &mut body);
        }
        return (body, format!("{} with its bytes changed", base.name), false);
    };
    let mut value = value.clone();
    let mut made = base.name.clone();
    if rng.one_in(4) {
        // An array body: this fixture among others.
        let objects: Vec<&Value> = bases
            .iter()
            .filter_map(|b| b.value.as_ref())
            .filter(|v| v.is_object())
            .collect();
        let mut items = match value {
            Value::Array(items) => items,
            other => vec![other],
        };
        for _ in 0..=rng.below(3) {
            items.push(rng.choose(&objects).clone());
        }
        rng.shuffle(&mut items);
        value = Value::Array(items);
        made.push_str(" in an array");
    } else if rng.one_in(16) {
        value = Value::Array(vec![value]);
        made.push_str(" in an array");
    }
    let mut all = Vec::new();
    places(&value, "", &mut String::new(), &mut all);
    // Half the variants stay JSON that serde_json reads (and must be read back the same).
    let valid = rng.one_in(2);
    if valid {
        made.push_str("; valid");
    }
    let mut faults: HashMap<String, Vec<Fault>> = HashMap::new();
    // Some faults anywhere; in an array body, some in each element (so that one element's
    // fault meets another's); in an event, some in its payload.
    // (the places, how many faults)
    let mut groups: Vec<(Vec<&(String, Place)>, usize)> =
        vec![(all.iter().collect(), rng.choose(&[0, 0, 1, 1, 1, 2, 3]))];
    if let Value::Array(items) = &value {
        for i in 0..items.len() {
            let prefix = format!("/{i}");
            let under: Vec<&(String, Place)> = all
                .iter()
                .filter(|(p, _)| p == &prefix || p.starts_with(&format!("{prefix}/")))
                .collect();
            groups.push((under, usize::from(rng.one_in(3))));
        }
    }
    let payloads: Vec<&(String, Place)> = all
        .iter()
        .filter(|(p, _)| p.ends_with("/payload") || p.contains("/payload/"))
        .collect();
    for (path, _) in payloads.iter().filter(|(p, _)| p.ends_with("/payload")) {
        let event = path.strip_suffix("/payload").unwrap_or_default();
        // An event type the crate does not know, whose payload it keeps as JSON.
        if rng.one_in(2) {
            made.push_str(&format!("; type x.unknown at {event}/type"));
            faults
                .entry(format!("{event}/type"))
                .or_default()
                .push(Fault::Replace(b"\"x.unknown\"".to_vec()));
        }
        // A payload with text glued on, or cut short (the crate skips it, then reads it).
        if !valid && rng.one_in(2) {
            let fault = Fault::Replace(rng.pick(GLUED).as_bytes().to_vec());
            made.push_str(&format!("; {fault:?} at /{}", path.trim_start_matches('/')));
            faults.entry(path.clone()).or_default().push(fault);
        }
    }
    if !payloads.is_empty() {
        groups.push((payloads, usize::from(rng.one_in(2))));
    }
    if let (Value::Array(items), false) = (&value, valid) {
        if items.len() > 1 && rng.one_in(2) {
            // One element wrong (text serde_json refuses, or a value of the wrong type),
            // and text serde_json refuses only when it reads it (nesting to its limit or
            // past it, a lone surrogate, a number out of range, bytes that are not UTF-8)
            // in a later one: which one is the body's error?
            let bad = rng.below(items.len() - 1);
            let later = bad + 1 + rng.below(items.len() - bad - 1);
            let under = |i: usize| -> Vec<&(String, Place)> {
                all.iter()
                    .filter(|(p, _)| p.starts_with(&format!("/{i}/")))
                    .collect()
            };
            let places = under(bad);
            let (at, fault) = match rng.below(4) {
                0 if !places.is_empty() => {
                    let (path, _) = rng.choose(&places).clone();
                    let wrong = rng.choose(&["5", "true", "{}", "[]", "\"x\"", "null"]);
                    (path, Fault::Replace(wrong.as_bytes().to_vec()))
                }
                choice => {
                    let value = match choice {
                        1 => rng.pick(GLUED),
                        // A container serde_json stops reading inside.
                        2 => rng.pick(&BAD_VALUES[..9]),
                        _ => rng.pick(BAD_VALUES),
                    };
                    let fault = Fault::Add {
                        key: b"x".to_vec(),
                        value: value.as_bytes().to_vec(),
                    };
                    (format!("/{bad}"), fault)
                }
            };
            made.push_str(&format!("; {fault:?} at /{}", at.trim_start_matches('/')));
            faults.entry(at).or_default().push(fault);
            let strings: Vec<&(String, Place)> = under(later)
                .into_iter()
                .filter(|(_, place)| matches!(place, Place::String | Place::Text))
                .collect();
            let (at, fault) = match rng.below(3) {
                1 if !strings.is_empty() => {
                    let (path, _) = rng.choose(&strings).clone();
                    let mut text = b"\"".to_vec();
                    text.extend_from_slice(rng.choose(BAD_STRINGS));
                    text.push(b'"');
                    (path, Fault::Replace(text))
                }
                2 => {
                    let fault = Fault::Add {
                        key: b"zz".to_vec(),
                        value: rng.pick(&BAD_VALUES[9..]).as_bytes().to_vec(),
                    };
                    (format!("/{later}"), fault)
                }
                _ => {
                    let fault = Fault::Deep {
                        total: rng.choose(&[127, 127, 128, 129]),
                    };
                    (format!("/{later}"), fault)
                }
            };
            made.push_str(&format!("; {fault:?} at /{}", at.trim_start_matches('/')));
            faults.entry(at).or_default().push(fault);
        }
    }
    for (places, wanted) in groups {
        let mut added = 0;
        for _ in 0..50 {
            if added == wanted {
                break;
            }
            let (path, place) = rng.choose(&places);
            if let Some(fault) = fault_for(rng, *place, valid) {
                made.push_str(&format!("; {fault:?} at /{}", path.trim_start_matches('/')));
                faults.entry(path.clone()).or_default().push(fault);
                added += 1;
            }
        }
    }
    let space = rng.choose(&[Space::None, Space::One, Space::Pretty, Space::Random]);
    let escape = rng.choose(&[0, 0, 1, 8, 64]);
    let shuffle = rng.one_in(2);
    let respell = rng.one_in(4);
    made.push_str(&format!(
        "; {space:?} space, escapes {escape}/64, shuffled {shuffle}"
    ));
    let mut writer = Writer {
        rng,
        space,
        escape,
        shuffle,
        respell,
        faults,
        out: Vec::new(),
    };
    writer.gap(Gap::Outer, 0);
    writer.value(&value, &mut String::new(), 0);
    writer.gap(Gap::Outer, 0);
    let mut body = writer.out;
    if !valid && rng.one_in(5) {
        corrupt(rng, &mut body);
        made.push_str("; bytes changed");
    }
    (body, made, valid)
}

// ---------------------------------------------------------------------------------------
// The differential run.
// ---------------------------------------------------------------------------------------

/// The classes a body shows, with what the entry points of each answered (a panic is a
/// class of its own). Only the entry points of `class` are asked, if one is given.
fn classes_of(body: &[u8], class: Option<&str>) -> Vec<(String, String)> {
    let wanted = |entry: &str| {
        class.is_none_or(|class| class.starts_with(&format!("{} ", differential::family(entry))))
    };
    match catch_unwind(AssertUnwindSafe(|| check_only(body, wanted))) {
        Ok((_, _, found)) => found.into_iter().map(|d| (d.class, d.detail)).collect(),
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            vec![(
                "an entry point panics".to_owned(),
                differential::clip(&what, 300),
            )]
        }
    }
}

/// The shortest body that still shows `class`, removing chunks of `body` (at most
/// [`SHRINK_ATTEMPTS`] tries).
fn shrink(mut body: Vec<u8>, class: &str) -> Vec<u8> {
    let only = (class != "an entry point panics").then_some(class);
    let mut attempts = 0;
    let mut chunk = body.len() / 2;
    while chunk >= 1 {
        let mut at = 0;
        while at < body.len() {
            if attempts == SHRINK_ATTEMPTS {
                return body;
            }
            attempts += 1;
            let mut candidate = body.clone();
            candidate.drain(at..(at + chunk).min(body.len()));
            if classes_of(&candidate, only).iter().any(|(c, _)| c == class) {
                body = candidate;
            } else {
                at += chunk;
            }
        }
        chunk /= 2;
    }
    body
}

struct Class {
    count: usize,
    body: Vec<u8>,
    made: String,
}

fn from_env(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.trim();
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

#[test]
fn every_entry_point_agrees_with_serde_json() {
    let cases = from_env("EDNA_DIFFERENTIAL_CASES").map_or(DEFAULT_CASES, |n| n as usize);
    let seed = from_env("EDNA_DIFFERENTIAL_SEED").unwrap_or(DEFAULT_SEED);
    let bases = bases();
    assert!(bases.len() >= 80, "{} fixtures", bases.len());
    let started = Instant::now();
    let mut last_report = started;
    let mut rng = Rng(seed);
    let mut classes: BTreeMap<String, Class> = BTreeMap::new();
    let (mut read, mut refused) = (0usize, 0usize);
    for k in 0..cases {
        let (body, made, valid) = variant(&mut rng, &bases, k);
        match serde_json::from_slice::<Value>(&body) {
            Ok(_) => read += 1,
            Err(e) => {
                assert!(!valid, "made to be JSON, but {e}: {} ({made})", show(&body));
                refused += 1;
            }
        }
        for (class, _) in classes_of(&body, None) {
            let entry = classes.entry(class).or_insert_with(|| Class {
                count: 0,
                body: body.clone(),
                made: made.clone(),
            });
            entry.count += 1;
            if body.len() < entry.body.len() {
                entry.body = body.clone();
                entry.made = made.clone();
            }
        }
        if last_report.elapsed() > Duration::from_secs(10) {
            last_report = Instant::now();
            eprintln!(
                "differential: {k}/{cases} variants, {} classes so far, {:.0?}",
                classes.len(),
                started.elapsed()
            );
        }
    }
    let checked = started.elapsed();
    let mut report = String::new();
    for (class, found) in &classes {
        let body = if started.elapsed() < checked + SHRINK_TIME {
            shrink(found.body.clone(), class)
        } else {
            found.body.clone()
        };
        let shown = classes_of(&body, None)
            .into_iter()
            .find(|(c, _)| c == class)
            .map(|(_, detail)| detail)
            .unwrap_or_default();
        report.push_str(&format!(
            "\n- {class} ({} variants)\n    body: {}\n    {shown}\n    (made from {})",
            found.count,
            show(&body),
            differential::clip(&found.made, 200),
        ));
    }
    eprintln!(
        "differential: {cases} variants of {} fixtures (seed {seed:#x}): {read} read by \
         serde_json, {refused} refused; {} disagreement classes; {:.1?} (+{:.1?} shrinking)",
        bases.len(),
        classes.len(),
        checked,
        started.elapsed() - checked,
    );
    // The variants are what they are for: about half of them JSON that serde_json reads
    // (and whose values must come back), half text it refuses.
    assert!(
        read > cases / 4 && refused > cases / 4,
        "{read} read, {refused} refused"
    );
    assert!(
        classes.is_empty(),
        "{} classes of disagreement with serde_json (the judge: \
         serde_json::from_slice::<Value>) in {cases} variants, seed {seed:#x}; the shortest \
         body of each, shrunk:{report}",
        classes.len()
    );
}

/// The judge itself: what it counts as a disagreement, on answers made up for the purpose.
#[test]
fn the_judge_tells_each_disagreement_from_an_agreement() {
    let classes = |body: &[u8], answers: Vec<(&'static str, Answer)>| -> Vec<String> {
        disagreements(body, &Judge::of(body), &answers)
            .into_iter()
            .map(|d| d.class)
            .collect()
    };
    let syntax = |message: &str, line, column| {
        Answer::Refused(Refusal::Syntax(Syntax {
            message: message.to_owned(),
            line,
            column,
        }))
    };
    let other = |kind, text: &str| {
        Answer::Refused(Refusal::Other {
            kind,
            text: text.to_owned(),
        })
    };

    // A body serde_json reads: its values must come back; a missing key is null, and a
    // timestamp may be spelled another way.
    let body = br#"{"statusAt":"2023-10-31T11:07:56.000Z","n":1,"gone":null}"#;
    let whole: Value = serde_json::from_slice(body).unwrap();
    let same = serde_json::json!({"statusAt": "2023-10-31T11:07:56Z", "n": 1});
    let changed = serde_json::json!({"statusAt": "2023-10-31T11:07:56Z", "n": 1.0});
    assert_eq!(
        classes(
            body,
            vec![
                ("parse_body", Answer::Read(same.clone())),
                ("parse_as::<Callback>", Answer::Read(changed)),
                (
                    "parse_body_each",
                    Answer::Each(vec![(Ok(same.clone()), Some(whole.clone()))])
                ),
                ("from_slice::<Callback>", syntax("expected value", 1, 1)),
                (
                    "from_reader::<Callback>",
                    other("a data error", "invalid type")
                ),
                (
                    "from_value::<Callback>",
                    other("a data error", "invalid type")
                ),
            ]
        ),
        [
            "parse_as::<Callback> changes a value of a body serde_json reads",
            "from_slice/from_str/from_reader::<Callback> refuses as a syntax error (expected \
             value) a body serde_json reads",
            "from_slice/from_str/from_reader::<Callback> refuses a body parse_body reads",
            "from_value::<Callback> refuses a body parse_body reads",
        ]
    );
    // ... and it may be refused for what it holds, by every entry point alike.
    assert_eq!(
        classes(
            body,
            vec![
                ("parse_body", other("Invalid", "invalid `statusAt`")),
                (
                    "parse_body_each",
                    Answer::Each(vec![(
                        Err(Refusal::Other {
                            kind: "Invalid",
                            text: String::new()
                        }),
                        Some(whole.clone())
                    )])
                ),
                ("from_value::<Callback>", Answer::Read(same)),
            ]
        ),
        Vec::<String>::new()
    );

    // A body serde_json refuses: a syntax error where it says, or (serde_json's own
    // entry points) a data error of a value that ends before the byte it refuses.
    let body = br#"[{"status":5}, x]"#;
    assert_eq!(
        classes(
            body,
            vec![
                ("parse_body", syntax("expected value", 1, 16)),
                ("parse_body_each", syntax("expected value", 1, 15)),
                (
                    "parse_as::<Vec<Callback>>",
                    other("Invalid", "invalid `[0].status`")
                ),
                (
                    "from_slice::<Vec<Callback>>",
                    other("a data error", "invalid at line 1 column 13")
                ),
                (
                    "from_reader::<Vec<Callback>>",
                    other("a data error", "invalid at line 1 column 17")
                ),
                ("from_str::<Vec<Callback>>", Answer::Read(Value::Null)),
            ]
        ),
        [
            "parse_body_each puts the syntax error elsewhere than serde_json (expected value)",
            "parse_as::<Vec<Callback>> answers Invalid, not a syntax error, for a body \
             serde_json refuses (expected value)",
            "from_slice/from_str/from_reader::<Vec<Callback>> answers a data error past the byte \
             serde_json refuses (expected value)",
            "from_slice/from_str/from_reader::<Vec<Callback>> reads a body serde_json refuses \
             (expected value)",
        ]
    );
    // The body's own value has no position in serde_json's error: it ends with the value.
    let body = br#"{"status":5} x"#;
    assert_eq!(
        classes(
            body,
            vec![(
                "from_slice::<Callback>",
                other("a data error", "invalid `status`")
            )]
        ),
        Vec::<String>::new()
    );
    // (Under serde_json's `arbitrary_precision`, which any crate of a build may turn on,
    // serde_json reads `1e400`: then this body is JSON.)
    let body = br#"{"status":5,"n":1e400}"#;
    if !out_of_range_is_read() {
        assert_eq!(
            classes(
                body,
                vec![
                    (
                        "from_slice::<Callback>",
                        other("a data error", "invalid `status`")
                    ),
                    (
                        "parse_body_each",
                        Answer::Each(vec![(
                            Err(Refusal::Other {
                                kind: "Invalid",
                                text: String::new()
                            }),
                            None
                        )])
                    ),
                ]
            ),
            [
                "from_slice/from_str/from_reader::<Callback> answers a data error past the byte \
                 serde_json refuses (number out of range)",
                "parse_body_each answers element by element for a body serde_json refuses (number \
                 out of range)",
            ]
        );
    }
}

// ---------------------------------------------------------------------------------------
// The disagreements issue #16 reports, each with the answer it must get.
// ---------------------------------------------------------------------------------------

/// What serde_json's own entry points (`from_slice`, `from_reader`) must answer.
#[derive(Clone, Copy, Debug)]
enum SerdeWants {
    /// The judge's syntax error (a syntax or end-of-file error at its line and column).
    Syntax,
    /// A data error at these lines and columns: where a value before the byte serde_json
    /// refuses ends, whose type refused it first (as serde_json's own typed reading does;
    /// its reader stands one byte further on than its slice).
    DataAt {
        from_slice: (usize, usize),
        from_reader: (usize, usize),
    },
}

/// A body serde_json refuses with `syntax` (its message, line and column), and what its
/// own entry points must answer.
struct Case<'a> {
    label: &'a str,
    body: Vec<u8>,
    syntax: (&'a str, usize, usize),
    serde: SerdeWants,
}

fn case<'a>(label: &'a str, body: impl Into<Vec<u8>>, syntax: (&'a str, usize, usize)) -> Case<'a> {
    Case {
        label,
        body: body.into(),
        syntax,
        serde: SerdeWants::Syntax,
    }
}

/// Asserts of each case that serde_json refuses its body with its syntax error, and that
/// every entry point refuses it as that syntax error: `parse_body`, `parse_body_each` and
/// `parse_as` with `Error::Syntax` of serde_json's message, line and column; serde_json's
/// `from_slice` and `from_reader` as the case says; and that the differential check finds
/// nothing. Every wrong answer of every case is reported.
fn assert_refused_as_serde_json_refuses(cases: &[Case<'_>]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter(|case| !(out_of_range_is_read() && case.syntax.0 == "number out of range"))
        .flat_map(wrong_answers)
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The wrong answers to one case (see [`assert_refused_as_serde_json_refuses`]).
fn wrong_answers(case: &Case<'_>) -> Vec<String> {
    let Case {
        label,
        body,
        syntax: (message, line, column),
        serde,
    } = case;
    let (message, line, column, serde) = (*message, *line, *column, *serde);
    let body = &body[..];
    let clip = |text: String| differential::clip(&text, 200);
    let judge = Judge::of(body);
    let expected = Syntax {
        message: message.to_owned(),
        line,
        column,
    };
    match &judge {
        Judge::Refuses(answer) => assert_eq!(answer, &expected, "{label}: serde_json's answer"),
        Judge::Accepts(_) => panic!("{label}: serde_json reads the body"),
    }
    let want = Some(Error::Syntax {
        message: message.to_owned(),
        line,
        column,
    });
    // Every entry point's wrong answer, so that one does not hide another.
    let mut wrong = Vec::new();
    let parse_body = parse_body(body).map(|c| c.len());
    if parse_body.as_ref().err() != want.as_ref() {
        wrong.push(format!("parse_body: {parse_body:?}"));
    }
    let each = parse_body_each(body).map(|each| {
        each.into_iter()
            .map(|one| one.result.map(|c| c.kind()))
            .collect::<Vec<_>>()
    });
    if each.as_ref().err() != want.as_ref() {
        wrong.push(format!("parse_body_each: {each:?}"));
    }
    let array = differential::is_array_body(body, &judge);
    let parse_as = if array {
        parse_as::<Vec<Callback>>(body).map(|c| c.len())
    } else {
        parse_as::<Callback>(body).map(|_| 1)
    };
    if parse_as.as_ref().err() != want.as_ref() {
        wrong.push(format!("parse_as: {parse_as:?}"));
    }
    let answers: Vec<(&str, Result<(), serde_json::Error>)> = if array {
        vec![
            (
                "from_slice",
                serde_json::from_slice::<Vec<Callback>>(body).map(drop),
            ),
            (
                "from_reader",
                serde_json::from_reader::<_, Vec<Callback>>(body).map(drop),
            ),
        ]
    } else {
        vec![
            (
                "from_slice",
                serde_json::from_slice::<Callback>(body).map(drop),
            ),
            (
                "from_reader",
                serde_json::from_reader::<_, Callback>(body).map(drop),
            ),
        ]
    };
    // serde_json's reader puts some errors a byte further on than its slice does.
    let reader_at = match Judge::of_reader(body) {
        Judge::Refuses(s) => (s.line, s.column),
        Judge::Accepts(_) => (line, column),
    };
    for (entry, answer) in answers {
        let (syntax, at) = match serde {
            SerdeWants::Syntax if entry == "from_reader" => (true, reader_at),
            SerdeWants::Syntax => (true, (line, column)),
            SerdeWants::DataAt { from_slice, .. } if entry == "from_slice" => (false, from_slice),
            SerdeWants::DataAt { from_reader, .. } => (false, from_reader),
        };
        match answer {
            Ok(()) => wrong.push(format!("{entry}: Ok")),
            Err(e)
                if (e.is_syntax() || e.is_eof(), e.line(), e.column()) != (syntax, at.0, at.1) =>
            {
                wrong.push(format!("{entry}: {:?} error: {e}", e.classify()))
            }
            Err(_) => {}
        }
    }
    // And the differential check agrees.
    let (_, _, found) = check(body);
    for d in found {
        wrong.push(format!("differential: {}", d.class));
    }
    if wrong.is_empty() {
        return wrong;
    }
    let mut out = vec![format!(
        "{label}: serde_json says {expected} ({serde:?} from its own entry points), but"
    )];
    out.extend(wrong.into_iter().map(|w| format!("    {}", clip(w))));
    out
}

/// Whether serde_json reads a number out of `f64`'s range (it does under its
/// `arbitrary_precision` feature, keeping the text): then such a body is JSON.
fn out_of_range_is_read() -> bool {
    serde_json::from_str::<Value>("1e400").is_ok()
}

/// `inner` inside `levels` arrays.
fn in_arrays(inner: &str, levels: usize) -> String {
    format!("{}{inner}{}", "[".repeat(levels), "]".repeat(levels))
}

/// A Pulse status (71 bytes up to its unknown member `kept`, whose value nests `levels`
/// arrays around `1`).
fn status_with_kept_value(levels: usize) -> String {
    format!(
        r#"{{"requestId":"r-1","status":"READ","statusAt":"2023-10-31T11:07:56Z","kept":{}}}"#,
        in_arrays("1", levels)
    )
}

const STATUS: &str = r#"{"requestId":"r-1","status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#;

/// Issue #16, 1: the crate skips an event's payload (`Reader::skip` takes any run of
/// `[0-9a-z.+-]` as one scalar), then reads it as the type says; a payload kept as JSON
/// was read without looking at what follows it.
#[test]
fn text_glued_after_an_event_payload_is_a_syntax_error() {
    // serde_json stops at the first byte after the value it could read.
    let mut cases: Vec<Case<'_>> = [
        ("1x", 59),
        ("truee", 62),
        ("0xff", 59),
        ("12abc", 60),
        ("1-2", 59),
    ]
    .into_iter()
    .map(|(payload, column)| {
        let body =
            format!(r#"{{"type":"x","timestamp":"2025-09-01T10:00:00Z","payload":{payload}}}"#);
        case(payload, body, ("expected `,` or `}`", 1, column))
    })
    .collect();
    cases.push(case(
        "1x, the payload first",
        br#"{"payload":1x,"type":"x","timestamp":"2025-09-01T10:00:00Z"}"#,
        ("expected `,` or `}`", 1, 13),
    ));
    cases.push(case(
        "1x in an array body",
        br#"[{"type":"x","timestamp":"2025-09-01T10:00:00Z","payload":1x}]"#,
        ("expected `,` or `}`", 1, 60),
    ));
    assert_refused_as_serde_json_refuses(&cases);
}

/// Issue #16, 2: a value kept as JSON that serde_json refuses (`[1,]`) is reported as
/// "recursion limit exceeded" when the text after it (the next element) opens more
/// levels than are left, and `parse_body_each` then reads the next element as good.
#[test]
fn a_trailing_comma_before_a_deep_element_is_the_syntax_error_of_the_body() {
    // 127 levels in all in the second element: the array, the status, its 125 arrays.
    let body = format!(r#"[{{"x":[1,]}}, {}]"#, status_with_kept_value(125));
    assert_refused_as_serde_json_refuses(&[case(
        "a trailing comma",
        body,
        ("trailing comma", 1, 10),
    )]);
}

/// ... and without the trailing comma, the first element is of no kind (kept whole) and
/// the second is read whole, each with its own text.
#[test]
fn an_element_before_a_deep_element_is_read_on_its_own() {
    let good = format!(r#"[{{"x":[1]}}, {}]"#, status_with_kept_value(125));
    let each = parse_body_each(good.as_bytes()).unwrap();
    assert_eq!(each.len(), 2);
    assert!(
        matches!(&each[0].result, Ok(Callback::Unknown(_))),
        "{:?}",
        each[0]
    );
    assert_eq!(each[0].text, r#"{"x":[1]}"#);
    assert_eq!(each[1].text, status_with_kept_value(125));
    let status = each[1].result.as_ref().unwrap().as_status().unwrap();
    assert_eq!(status.request_id, Some(Id::from("r-1")));
    assert_eq!(
        status.extra["kept"],
        serde_json::from_str::<Value>(&in_arrays("1", 125)).unwrap()
    );
    let (_, _, found) = check(good.as_bytes());
    assert!(
        found.is_empty(),
        "{:?}",
        found.iter().map(|d| &d.class).collect::<Vec<_>>()
    );
}

/// Issue #16, 3: text that serde_json refuses but its `IgnoredAny` scan (and `RawValue`)
/// lets through — a lone surrogate, a number out of range, nesting past the limit — in a
/// value the crate skips (the members of a body whose kind it is still telling, a value
/// of the wrong type), and bytes that are not UTF-8 after a wrong value (`parse_as` reads
/// a body that is not UTF-8 as bytes).
#[test]
fn text_only_serde_json_reading_refuses_is_a_syntax_error() {
    let mut not_utf8 =
        br#"[{"requestId":"r-1","status":5,"statusAt":"2023-10-31T11:07:56Z"},""#.to_vec();
    not_utf8.extend_from_slice(b"\xFF\"]");
    assert_refused_as_serde_json_refuses(&[
        // A lone surrogate in a body with no marker (`UnknownCallback`) ...
        case(
            "a lone surrogate, no marker",
            br#"{"zz":"\ud800","status":"READ"}"#,
            ("unexpected end of hex escape", 1, 14),
        ),
        // ... followed by another escape ...
        case(
            "a lone surrogate and an escape, no marker",
            br#"{"zz":"\ud800\u0041","status":"READ"}"#,
            ("lone leading surrogate in hex escape", 1, 19),
        ),
        // ... in a value of the wrong type (`Invalid`) ...
        case(
            "a lone surrogate for an object",
            br#"{"subscriber":"\ud800","id":1,"receivedAt":"2023-10-31T11:07:56Z","messageContent":{"type":"TEXT"}}"#,
            ("unexpected end of hex escape", 1, 22),
        ),
        // ... in an array body with a good element after it, which `parse_body_each`
        // keeps.
        case(
            "a lone surrogate in an array",
            format!(r#"[{{"zz":"\ud800"}},{STATUS}]"#),
            ("unexpected end of hex escape", 1, 15),
        ),
        // A number out of range (read by serde_json under its `arbitrary_precision`: see
        // `out_of_range_is_read`).
        case(
            "1e400 in an array",
            format!(r#"[{{"zz":1e400}},{STATUS}]"#),
            ("number out of range", 1, 12),
        ),
        // Nesting past the limit: a 128th level in the first element (`UnknownCallback`
        // at `[0]`, an array being no callback).
        case(
            "128 levels in an element",
            format!("[{},{STATUS}]", in_arrays("1", 127)),
            ("recursion limit exceeded", 1, 128),
        ),
        // Bytes that are not UTF-8 after a wrong value: `parse_body` says where serde_json
        // does, `parse_as` answered `Invalid` at `[0].status`. serde_json's typed reading
        // stops at the wrong value first, where its element ends.
        Case {
            serde: SerdeWants::DataAt {
                from_slice: (1, 66),
                from_reader: (1, 67),
            },
            ..case(
                "not UTF-8 after a wrong value",
                not_utf8,
                ("invalid unicode code point", 1, 68),
            )
        },
    ]);
}

/// Issue #16, 4: `Deserialize` counts the levels of each callback from the callback, and
/// serde_json's `RawValue` scan counts none: through `from_slice::<Vec<Callback>>`, a body
/// one level too deep is read.
#[test]
fn deserialize_of_an_array_body_refuses_a_128th_level() {
    // The array, the status, and 126 arrays in its unknown member: 128 levels; serde_json
    // stops at the 126th `[` of the member (71 + 2 bytes before the first).
    let body = format!("[{}]", status_with_kept_value(126));
    assert_refused_as_serde_json_refuses(&[case(
        "128 levels",
        body,
        ("recursion limit exceeded", 1, 203),
    )]);
    // One level less is read by every entry point, and written back whole.
    let body = format!("[{}]", status_with_kept_value(125));
    let kept = serde_json::from_str::<Value>(&in_arrays("1", 125)).unwrap();
    let (judge, answers, found) = check(body.as_bytes());
    assert!(matches!(judge, Judge::Accepts(_)));
    assert!(
        found.is_empty(),
        "{:?}",
        found.iter().map(|d| &d.class).collect::<Vec<_>>()
    );
    assert_eq!(answers.len(), 7);
    for (entry, answer) in answers {
        match answer {
            Answer::Read(value) => assert_eq!(value[0]["kept"], kept, "{entry}"),
            Answer::Each(each) => {
                assert!(
                    matches!(&each[..], [(Ok(v), Some(_))] if v["kept"] == kept),
                    "{entry}"
                )
            }
            Answer::Refused(refusal) => panic!("{entry}: {refusal}"),
        }
    }
}
