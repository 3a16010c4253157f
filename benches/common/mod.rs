//! What the benchmarks share: the golden fixtures (and, for the ratio report, every body
//! that parses), the direct typed parse of each, the timestamps they hold, and a global
//! allocator that counts allocations when asked to.

#![allow(dead_code)] // Each bench target uses a different part.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};

use edna_callbacks::{
    parse_body, Callback, CallbackKind, CallingSettingsStatus, Event, IncomingMessage,
    LegacyIncomingMessage, LegacyStatusCallback, MessageMatcher, MessageMatcherStatus,
    ShortLinkVisited, StatusCallback, TemplateCategoryChanged, UnknownCallback,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// One way of reading a body; `false` when it failed.
pub type Parse = fn(&[u8]) -> bool;

/// Where a body comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// `fixtures/*.json`: edna's own examples.
    Golden,
    /// `fixtures/edge/*.json` but `bad-*`: bodies of our own that must parse.
    Edge,
    /// `benches/bodies/*.json`: shapes measured that are not fixtures (yet).
    Bench,
}

/// A body that parses and the direct typed parse that reads the same body.
pub struct Fixture {
    /// The file name without `.json`; prefixed with `edge/` or `bodies/` outside the
    /// golden fixtures.
    pub name: String,
    /// Where it comes from.
    pub group: Group,
    /// The body, as edna POSTs it.
    pub body: Vec<u8>,
    /// `serde_json::from_slice::<T>` for the type the body holds (`Vec<T>` for an array).
    pub typed: Parse,
    /// The name of that type, for the report.
    pub typed_name: &'static str,
}

fn typed_one<T: DeserializeOwned>(body: &[u8]) -> bool {
    black_box(serde_json::from_slice::<T>(body)).is_ok()
}

fn typed_many<T: DeserializeOwned>(body: &[u8]) -> bool {
    black_box(serde_json::from_slice::<Vec<T>>(body)).is_ok()
}

/// `parse_body`, keeping the result alive until it is dropped here.
pub fn body(body: &[u8]) -> bool {
    black_box(parse_body(body)).is_ok()
}

/// Parsing into `serde_json::Value`.
pub fn value(body: &[u8]) -> bool {
    black_box(serde_json::from_slice::<Value>(body)).is_ok()
}

/// The floor: serde_json only scanning the bytes.
pub fn scan(body: &[u8]) -> bool {
    black_box(serde_json::from_slice::<serde::de::IgnoredAny>(body)).is_ok()
}

/// Every `fixtures/*.json` (edna's examples), sorted by name, each with its direct typed
/// parse. Panics (this is a benchmark) when a fixture does not parse.
pub fn fixtures() -> Vec<Fixture> {
    read_dir("../fixtures", "", Group::Golden)
}

/// Every body that parses: the golden fixtures, then every `fixtures/edge/*.json` but the
/// `bad-*` ones (prefixed `edge/`), then `benches/bodies/*.json` (prefixed `bodies/`).
pub fn all_bodies() -> Vec<Fixture> {
    let mut all = fixtures();
    all.extend(read_dir("../fixtures/edge", "edge/", Group::Edge));
    all.extend(read_dir("bodies", "bodies/", Group::Bench));
    all
}

/// The `.json` files of `dir` (relative to this package) but `bad-*`, sorted by name.
fn read_dir(dir: &str, prefix: &str, group: Group) -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("bad-"))
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let body = std::fs::read(&path).expect("fixture");
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("file name");
            let name = format!("{prefix}{stem}");
            let callbacks = parse_body(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
            let (typed, typed_name) = typed_parse(&name, &body, &callbacks);
            for (what, f) in [("typed", typed), ("value", value), ("scan", scan)] {
                assert!(f(&body), "{name}: {what} parse failed");
            }
            Fixture {
                name,
                group,
                body,
                typed,
                typed_name,
            }
        })
        .collect()
}

/// The direct typed parse of a body: `serde_json::from_slice::<T>` for the type of its
/// callbacks (`Vec<T>` for an array); `Vec<Callback>` for an array of several kinds or
/// none, which no one type reads.
fn typed_parse(name: &str, body: &[u8], callbacks: &[Callback]) -> (Parse, &'static str) {
    let array = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    let Some(kind) = callbacks.first().map(Callback::kind) else {
        return (typed_many::<Callback>, "Vec<Callback>");
    };
    if callbacks.iter().any(|c| c.kind() != kind) {
        return (typed_many::<Callback>, "Vec<Callback>");
    }
    match (kind, array) {
        (CallbackKind::Incoming, false) => (typed_one::<IncomingMessage>, "IncomingMessage"),
        (CallbackKind::Incoming, true) => (typed_many::<IncomingMessage>, "Vec<IncomingMessage>"),
        (CallbackKind::Status, false) => (typed_one::<StatusCallback>, "StatusCallback"),
        (CallbackKind::Status, true) => (typed_many::<StatusCallback>, "Vec<StatusCallback>"),
        (CallbackKind::LegacyIncoming, false) => {
            (typed_one::<LegacyIncomingMessage>, "LegacyIncomingMessage")
        }
        (CallbackKind::LegacyIncoming, true) => (
            typed_many::<LegacyIncomingMessage>,
            "Vec<LegacyIncomingMessage>",
        ),
        (CallbackKind::LegacyStatus, false) => {
            (typed_one::<LegacyStatusCallback>, "LegacyStatusCallback")
        }
        (CallbackKind::LegacyStatus, true) => (
            typed_many::<LegacyStatusCallback>,
            "Vec<LegacyStatusCallback>",
        ),
        (CallbackKind::MessageMatcher, true) => {
            (typed_many::<MessageMatcher>, "Vec<MessageMatcher>")
        }
        (CallbackKind::MessageMatcherStatus, false) => {
            (typed_one::<MessageMatcherStatus>, "MessageMatcherStatus")
        }
        (CallbackKind::TemplateCategoryChanged, false) => (
            typed_one::<Event<TemplateCategoryChanged>>,
            "Event<TemplateCategoryChanged>",
        ),
        (CallbackKind::ShortLinkVisited, false) => (
            typed_one::<Event<ShortLinkVisited>>,
            "Event<ShortLinkVisited>",
        ),
        (CallbackKind::UnknownEvent, false) => (typed_one::<Event<Value>>, "Event<Value>"),
        (CallbackKind::CallingSettingsStatus, false) => {
            (typed_one::<CallingSettingsStatus>, "CallingSettingsStatus")
        }
        (CallbackKind::Unknown, false) => (typed_one::<UnknownCallback>, "UnknownCallback"),
        (other, _) => panic!("{name}: no typed parse for {other}"),
    }
}

/// Every distinct timestamp string (`...At` keys) in the fixtures, in order of appearance.
pub fn timestamps(fixtures: &[Fixture]) -> Vec<String> {
    fn walk(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    match v {
                        Value::String(s) if key.ends_with("At") => {
                            if !out.contains(s) {
                                out.push(s.clone());
                            }
                        }
                        _ => walk(v, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for f in fixtures {
        let value: Value = serde_json::from_slice(&f.body).expect("JSON");
        walk(&value, &mut out);
    }
    out
}

/// The system allocator, counting allocations (and reallocations) while [`count`] runs.
pub struct CountingAlloc;

static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCS: AtomicU64 = AtomicU64::new(0);
static REALLOCS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Relaxed) {
            ALLOCS.fetch_add(1, Relaxed);
            BYTES.fetch_add(layout.size() as u64, Relaxed);
        }
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Relaxed) {
            ALLOCS.fetch_add(1, Relaxed);
            BYTES.fetch_add(layout.size() as u64, Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.load(Relaxed) {
            REALLOCS.fetch_add(1, Relaxed);
            BYTES.fetch_add(new_size.saturating_sub(layout.size()) as u64, Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// What one call allocated.
#[derive(Clone, Copy, Debug, Default)]
pub struct Allocs {
    /// Calls to `alloc`.
    pub allocs: u64,
    /// Calls to `realloc` (a `Vec` or `String` growing).
    pub reallocs: u64,
    /// Bytes asked for (growth only, for a `realloc`).
    pub bytes: u64,
}

/// Counts what `f(body)` allocates (the program must use [`CountingAlloc`]).
pub fn count(f: Parse, body: &[u8]) -> Allocs {
    ALLOCS.store(0, Relaxed);
    REALLOCS.store(0, Relaxed);
    BYTES.store(0, Relaxed);
    COUNTING.store(true, Relaxed);
    let ok = f(body);
    COUNTING.store(false, Relaxed);
    assert!(ok, "the counted parse failed");
    Allocs {
        allocs: ALLOCS.load(Relaxed),
        reallocs: REALLOCS.load(Relaxed),
        bytes: BYTES.load(Relaxed),
    }
}
