//! The `fixtures` feature: `fixtures::ALL` lists every file under `fixtures/` (so the list
//! cannot drift from the files), each constant is its file byte for byte, each fixture
//! parses to the kinds it names or is refused, and `parse_body_each` gives what each names
//! for each element.
#![cfg(feature = "fixtures")]

use std::collections::BTreeSet;
use std::path::Path;

use edna_callbacks::fixtures::{self, Fixture, Outcome, ALL};
use edna_callbacks::{parse_body, parse_body_each, CallbackKind};

/// Every `*.json` below `dir`, as paths relative to `root` with `/` separators.
fn json_files(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            let relative = path.strip_prefix(root).unwrap();
            let parts: Vec<&str> = relative.iter().map(|p| p.to_str().unwrap()).collect();
            out.insert(parts.join("/"));
        }
    }
}

fn fixtures_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

#[test]
fn every_fixture_file_is_listed_once_and_nothing_else() {
    let root = fixtures_dir();
    let mut on_disk = BTreeSet::new();
    json_files(&root, &root, &mut on_disk);
    let listed: Vec<&str> = ALL.iter().map(|f| f.name).collect();
    let unique: BTreeSet<String> = listed.iter().map(|n| n.to_string()).collect();
    assert_eq!(unique.len(), listed.len(), "a name is listed twice");
    let missing: Vec<&String> = on_disk.difference(&unique).collect();
    let stale: Vec<&String> = unique.difference(&on_disk).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "src/fixtures.rs is out of date: files not listed {missing:?}, listed but absent {stale:?}"
    );
    // The golden examples of edna's pages are all there: the four pages' 15, the seven of
    // edna's other webhook pages, and the calling-settings status format.
    assert_eq!(fixtures::golden().count(), 23);
}

#[test]
fn each_constant_is_its_file_byte_for_byte() {
    let root = fixtures_dir();
    for fixture in ALL {
        let on_disk = std::fs::read(root.join(fixture.name)).unwrap();
        assert_eq!(fixture.body.as_bytes(), on_disk, "{}", fixture.name);
    }
    assert_eq!(
        Fixture::named("pulse-status-read.en.json").map(|f| f.body),
        Some(fixtures::PULSE_STATUS_READ_EN)
    );
    assert_eq!(
        Fixture::named("edge/bad-status-at.json").map(|f| f.body),
        Some(fixtures::EDGE_BAD_STATUS_AT)
    );
}

#[test]
fn each_fixture_parses_to_its_kinds_or_is_refused() {
    for fixture in ALL {
        let bad = fixture.name.starts_with("edge/bad-");
        assert_eq!(fixture.refused, bad, "{}", fixture.name);
        match parse_body(fixture.body.as_bytes()) {
            Ok(callbacks) => {
                assert!(!fixture.refused, "{} should be refused", fixture.name);
                let kinds: Vec<CallbackKind> = callbacks.iter().map(|c| c.kind()).collect();
                assert_eq!(kinds, fixture.kinds, "{}", fixture.name);
            }
            Err(error) => {
                assert!(fixture.refused, "{} should parse: {error}", fixture.name);
                assert!(fixture.kinds.is_empty(), "{}", fixture.name);
            }
        }
    }
}

/// `parse_body_each` gives, element by element, what each fixture says: how many
/// callbacks, of which kinds, and which elements are errors; `None` when it refuses the
/// body as a whole. And that agrees with `parse_body`: a body it reads gives the same
/// kinds; a body with a bad element is refused whole by `parse_body`.
#[test]
fn each_fixture_gives_parse_body_each_its_elements() {
    let mut arrays_with_a_bad_element = 0;
    for fixture in ALL {
        let got = parse_body_each(fixture.body.as_bytes());
        match (&got, fixture.each) {
            (Ok(each), Some(expected)) => {
                let elements: Vec<Outcome> = each.iter().map(Outcome::of).collect();
                assert_eq!(elements, expected, "{}", fixture.name);
                let good: Vec<CallbackKind> = expected
                    .iter()
                    .filter_map(|e| match e {
                        Outcome::Callback(kind) => Some(*kind),
                        _ => None,
                    })
                    .collect();
                let bad = expected.iter().filter(|e| **e == Outcome::Error).count();
                if bad == 0 {
                    assert_eq!(good, fixture.kinds, "{}", fixture.name);
                } else {
                    assert!(fixture.refused, "{}", fixture.name);
                    if !good.is_empty() {
                        arrays_with_a_bad_element += 1;
                    }
                }
            }
            (Err(_), None) => assert!(fixture.refused, "{}", fixture.name),
            (got, expected) => panic!("{}: {got:?}, expected {expected:?}", fixture.name),
        }
    }
    assert!(arrays_with_a_bad_element >= 1);
    let each = |name| Fixture::named(name).and_then(|f| f.each);
    assert_eq!(
        each("edge/bad-array-received-at.json"),
        Some(&[Outcome::Callback(CallbackKind::Incoming), Outcome::Error][..])
    );
    assert_eq!(
        each("edge/array-statuses-and-chat-center-init-chat.json"),
        Some(
            &[
                Outcome::Callback(CallbackKind::Status),
                Outcome::Callback(CallbackKind::Unknown),
                Outcome::Callback(CallbackKind::Status)
            ][..]
        )
    );
    assert_eq!(each("edge/bad-not-json.json"), None);
    assert_eq!(each("edge/empty-array.json"), Some(&[][..]));
}

/// The fixtures that were refused before issue #15 and are now read keep their earlier
/// constant names, deprecated, with the same content.
#[test]
#[allow(deprecated)]
fn the_constants_of_fixtures_now_read_keep_their_old_names() {
    assert_eq!(
        fixtures::EDGE_BAD_PAYMENT_CHARGEABLE,
        fixtures::EDGE_STATUS_PAYMENT_CHARGEABLE_YES
    );
    assert_eq!(
        fixtures::EDGE_BAD_MISSING_STATUS_AT,
        fixtures::EDGE_STATUS_WITHOUT_STATUS_AT
    );
    assert!(Fixture::named("edge/bad-payment-chargeable.json").is_none());
}

#[test]
fn kinds_of_some_fixtures() {
    let kinds = |name| Fixture::named(name).map(|f| f.kinds);
    assert_eq!(
        kinds("edge/mixed-kinds.json"),
        Some(
            &[
                CallbackKind::LegacyStatus,
                CallbackKind::Status,
                CallbackKind::LegacyIncoming,
                CallbackKind::Incoming
            ][..]
        )
    );
    assert_eq!(
        kinds("pulse-incoming-flow-form.ru.json"),
        Some(&[CallbackKind::Incoming][..])
    );
    assert_eq!(kinds("edge/empty-array.json"), Some(&[][..]));
    assert_eq!(
        kinds("legacy-status.en.json"),
        Some(&[CallbackKind::LegacyStatus][..])
    );
}

#[test]
fn each_fixture_names_its_source() {
    for fixture in fixtures::golden() {
        assert!(
            fixture.source.starts_with("edna ") && fixture.source.contains(" page \""),
            "{}: {}",
            fixture.name,
            fixture.source
        );
        let english = fixture.name.ends_with(".en.json");
        assert_eq!(
            fixture.source.contains("(English)"),
            english,
            "{}",
            fixture.name
        );
    }
    for fixture in fixtures::edge() {
        assert!(
            fixture.source.starts_with("Edge case: ") && fixture.source.len() > 30,
            "{}: {}",
            fixture.name,
            fixture.source
        );
    }
    assert_eq!(
        fixtures::golden().count() + fixtures::edge().count(),
        ALL.len()
    );
}
