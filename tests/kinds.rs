//! The kind rule (issue #9): every body is told by the markers of its kind (a key the kind
//! requires and no other kind documents), whatever the order of its keys, whatever unknown
//! keys come first, and whatever optional keys of other kinds it carries; the README's
//! table says what the crate does. Since issue #15 an object with no kind's marker, or the
//! markers of two, is `Callback::Unknown`, kept whole, whose diagnosis names the kinds.

mod common;

use std::collections::BTreeSet;

use common::{assert_round_trip, fixture, json_files};
use edna_callbacks::{
    parse_body, Callback, CallbackKind, Channel, Error, EventType, Id, TemplateCategory,
    TemplateStatus,
};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{json, Value};

/// An object's members in the order they came, each value as its JSON text.
struct Members(Vec<(String, Box<RawValue>)>);

impl<'de> serde::Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Members(out))
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// An object of these members, in this order.
fn object<'a>(members: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let parts: Vec<String> = members
        .into_iter()
        .map(|(k, v)| format!("{}:{v}", Value::from(k)))
        .collect();
    format!("{{{}}}", parts.join(","))
}

/// A callback object of a fixture: where it is, its members (key, JSON text) in order, and
/// what `parse_body` read.
type Sample = (String, Vec<(String, String)>, Callback);

/// Every callback object of every fixture that parses.
fn every_callback_object() -> Vec<Sample> {
    let mut out = Vec::new();
    let names = json_files("")
        .into_iter()
        .chain(json_files("edge").into_iter().map(|n| format!("edge/{n}")))
        .filter(|n| !n.starts_with("edge/bad-"));
    for name in names {
        let body = fixture(&name);
        let callbacks = parse_body(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
        let objects: Vec<Box<RawValue>> = match serde_json::from_slice::<Vec<Box<RawValue>>>(&body)
        {
            Ok(all) => all,
            Err(_) => vec![serde_json::from_slice(&body).unwrap()],
        };
        assert_eq!(objects.len(), callbacks.len(), "{name}");
        for (i, (raw, callback)) in objects.iter().zip(callbacks).enumerate() {
            let Members(members) = serde_json::from_str(raw.get()).unwrap();
            let members = members
                .into_iter()
                .map(|(k, v)| (k, v.get().to_owned()))
                .collect();
            out.push((format!("{name}[{i}]"), members, callback));
        }
    }
    assert!(out.len() > 40, "{}", out.len());
    out
}

fn parse_one(label: &str, body: &str) -> Callback {
    let mut callbacks =
        parse_body(body.as_bytes()).unwrap_or_else(|e| panic!("{label}: {e}\n{body}"));
    assert_eq!(callbacks.len(), 1, "{label}");
    callbacks.remove(0)
}

#[test]
fn every_kind_is_told_whatever_the_key_order() {
    let mut kinds = BTreeSet::new();
    for (label, members, expected) in every_callback_object() {
        kinds.insert(expected.kind().as_str());
        let n = members.len();
        let mut orders: Vec<Vec<usize>> = (0..n)
            .map(|shift| (0..n).map(|i| (i + shift) % n).collect())
            .collect();
        orders.push((0..n).rev().collect());
        for order in orders {
            let body = object(
                order
                    .iter()
                    .map(|&i| (members[i].0.as_str(), members[i].1.as_str())),
            );
            let got = parse_one(&label, &body);
            assert_eq!(got, expected, "{label} in the order {order:?}");
        }
    }
    // Every kind is among the fixtures.
    let all: BTreeSet<&str> = CallbackKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(kinds, all);
}

#[test]
fn unknown_keys_first_never_change_the_kind() {
    // Unknown keys whose values hold other kinds' markers, before and after the members.
    let unknown = [
        (
            "zzUnknown",
            r#"{"statusAt":"2023-10-31T11:07:56Z","messageContent":{"type":"TEXT"}}"#,
        ),
        (
            "aUnknown",
            r#"[{"timestamp":"2025-08-10T12:32:56Z"},{"imType":"whatsapp"}]"#,
        ),
        ("", "null"),
        ("escaped\u{e9}", r#""updatedAt""#),
    ];
    for (label, members, expected) in every_callback_object() {
        let body = object(
            unknown
                .iter()
                .copied()
                .chain(members.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                .chain([("zzLast", "true")]),
        );
        let got = parse_one(&label, &body);
        assert_eq!(got.kind(), expected.kind(), "{label}");
        // The documented fields are read as before; the unknown ones are kept.
        let written = serde_json::to_value(&got).unwrap();
        assert_eq!(
            written["zzUnknown"]["statusAt"], "2023-10-31T11:07:56Z",
            "{label}"
        );
        assert_eq!(written["zzLast"], true, "{label}");
        let mut without = written.clone();
        for key in ["zzUnknown", "aUnknown", "", "escaped\u{e9}", "zzLast"] {
            without.as_object_mut().unwrap().remove(key);
        }
        assert_eq!(without, serde_json::to_value(&expected).unwrap(), "{label}");
    }
}

/// The top-level keys each kind documents, from the bodies the crate writes.
fn documented_keys() -> Vec<(CallbackKind, BTreeSet<String>)> {
    let mut out: Vec<(CallbackKind, BTreeSet<String>)> = Vec::new();
    for (_, _, callback) in every_callback_object() {
        let written = serde_json::to_value(&callback).unwrap();
        let keys: BTreeSet<String> = written.as_object().unwrap().keys().cloned().collect();
        match out.iter_mut().find(|(k, _)| *k == callback.kind()) {
            Some((_, all)) => all.extend(keys),
            None => out.push((callback.kind(), keys)),
        }
    }
    out
}

const MARKERS: [&str; 11] = [
    "messageContent",
    "statusAt",
    "imOutMessageId",
    "smsOutMessageId",
    "calling",
    "dlvStatus",
    "dlvStatusAt",
    "updatedAt",
    "messageMatcher",
    "timestamp",
    "imType",
];

#[test]
fn an_optional_key_of_another_kind_never_changes_the_kind() {
    let documented = documented_keys();
    for (label, members, expected) in every_callback_object() {
        let own: BTreeSet<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        let others: BTreeSet<&String> = documented
            .iter()
            .flat_map(|(_, keys)| keys)
            .filter(|k| !MARKERS.contains(&k.as_str()) && !own.contains(k.as_str()))
            .collect();
        for key in others {
            for value in ["null", r#""x""#, "1"] {
                let body = object(
                    [(key.as_str(), value)]
                        .into_iter()
                        .chain(members.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
                );
                let got = parse_body(body.as_bytes());
                match got {
                    Ok(callbacks) => assert_eq!(
                        callbacks[0].kind(),
                        expected.kind(),
                        "{label} with {key}: {value}"
                    ),
                    // A key this kind documents too, given a wrong type, is refused as a
                    // wrong value of this kind, never read as another kind.
                    Err(Error::Invalid { path, .. }) => {
                        assert_eq!(path, *key, "{label} with {key}: {value}")
                    }
                    Err(e) => panic!("{label} with {key}: {value}: {e}"),
                }
            }
        }
    }
}

#[test]
fn a_body_with_the_markers_of_two_kinds_is_unknown_naming_both() {
    let status = [
        ("status", r#""READ""#),
        ("statusAt", r#""2023-10-31T11:07:56Z""#),
    ];
    let incoming = [
        ("id", "1"),
        ("messageContent", r#"{"type":"TEXT","text":"79001112233"}"#),
        ("receivedAt", r#""2022-04-29T15:30:08Z""#),
    ];
    let forwards = object(status.iter().chain(&incoming).copied());
    let backwards = object(incoming.iter().chain(&status).rev().copied());
    for body in [forwards, backwards] {
        // Kept whole (it used to be refused as `Error::UnknownCallback`).
        let callbacks = parse_body(body.as_bytes()).unwrap_or_else(|e| panic!("{body}: {e}"));
        let unknown = callbacks[0]
            .as_unknown()
            .unwrap_or_else(|| panic!("{body}"));
        assert_eq!(
            unknown.marked_kinds(),
            [CallbackKind::Incoming, CallbackKind::Status]
        );
        assert_eq!(unknown.resembles(), None);
        assert_eq!(
            unknown.diagnosis(),
            "no kind this version knows: it has the markers of an incoming message and a \
             status"
        );
        assert_round_trip(&body, body.as_bytes(), &callbacks[0]);
    }
}

/// The README's table of the kind rule (columns: kind, `CallbackKind`, told by), as
/// (kind, markers) rows in the form the crate's error lists them: the rows of the event
/// kinds, all told by the envelope's markers, are one row, "an event".
fn readme_rule() -> Vec<(String, Vec<String>)> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let start = readme
        .find("<!-- kind-rule:start -->")
        .expect("the table's start");
    let end = readme
        .find("<!-- kind-rule:end -->")
        .expect("the table's end");
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for line in readme[start..end]
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| kind"))
    {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        assert_eq!(cells.len(), 5, "three columns: {line}");
        let kind = cells[1];
        let kind = kind
            .split_once(':')
            .map_or(kind, |(envelope, _)| envelope)
            .trim_end_matches(" of any other type");
        let markers: Vec<String> = cells[3]
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|m| !m.is_empty() && *m != "type")
            .map(str::to_owned)
            .collect();
        // The last row, `Unknown`, is told by no marker: it is what is left.
        if markers.is_empty() || rows.last().is_some_and(|(k, m)| k == kind && *m == markers) {
            continue;
        }
        rows.push((kind.to_owned(), markers));
    }
    rows
}

#[test]
fn the_readme_table_is_the_kind_rule_of_the_crate() {
    // An object of no kind: its diagnosis lists the crate's own table, and nothing of the
    // body.
    let body = br#"{"secret-79001112233":"79001112233","id":79001112233}"#;
    let callbacks = parse_body(body).unwrap();
    let message = callbacks[0].as_unknown().unwrap().diagnosis();
    assert!(!message.contains("79001112233") && !message.contains("secret"));
    let list = message
        .strip_prefix("no kind this version knows: it has none of the keys that mark a callback (")
        .and_then(|m| m.strip_suffix(')'))
        .unwrap_or_else(|| panic!("{message}"));
    let crate_rule: Vec<(String, Vec<String>)> = list
        .split("; ")
        .map(|entry| {
            let (markers, kind) = entry.split_once(" for ").unwrap();
            (
                kind.to_owned(),
                markers.split(" or ").map(str::to_owned).collect(),
            )
        })
        .collect();
    assert_eq!(readme_rule(), crate_rule);
    // And every marker of the table is one the tests here know.
    let all: BTreeSet<String> = crate_rule.into_iter().flat_map(|(_, m)| m).collect();
    assert_eq!(all, MARKERS.iter().map(|m| m.to_string()).collect());
}

/// A body without its kind's marker is of no kind this version knows (it used to be
/// refused, naming the marker): kept whole, it resembles the one kind whose own keys it
/// carries, and lacks that kind's markers.
#[test]
fn a_body_without_its_marker_is_unknown_naming_it() {
    for (body, lacks) in [
        (
            r#"{"requestId":"r-1","cascadeStageUUID":"s-1","status":"READ"}"#,
            "statusAt",
        ),
        (
            r#"{"id":1,"imSubject":"s","receivedAt":"2022-04-29T15:30:08Z"}"#,
            "imType",
        ),
        (
            r#"{"id":1,"name":"t","channelType":"WHATSAPP","status":"APPROVED"}"#,
            "updatedAt",
        ),
        (r#"{"subjectIds":[1]}"#, "messageMatcher"),
        (
            r#"{"version":"v1","type":"short_link_visited","payload":{}}"#,
            "timestamp",
        ),
        // Keys of two kinds (a status's `cascadeId`, a legacy status's `dlvError`), or
        // keys several kinds share: it resembles no kind.
        (r#"{"cascadeId":1,"dlvError":"ok"}"#, ""),
        (r#"{"requestId":"r-1","status":"READ"}"#, ""),
    ] {
        let callbacks = parse_body(body.as_bytes()).unwrap_or_else(|e| panic!("{body}: {e}"));
        let unknown = callbacks[0]
            .as_unknown()
            .unwrap_or_else(|| panic!("{body}"));
        assert_eq!(unknown.lacks().join(" or "), lacks, "{body}");
        assert_eq!(unknown.resembles().is_some(), !lacks.is_empty(), "{body}");
        if !lacks.is_empty() {
            assert!(
                unknown
                    .diagnosis()
                    .ends_with(&format!("which needs {lacks}")),
                "{}",
                unknown.diagnosis()
            );
        }
    }
    // `status` alone is a status's and a template's: no kind, and the diagnosis says what
    // each needs.
    let callbacks = parse_body(br#"{"status":"READ"}"#).unwrap();
    let diagnosis = callbacks[0].as_unknown().unwrap().diagnosis();
    assert!(diagnosis.contains("statusAt for a status"), "{diagnosis}");
    assert!(
        diagnosis.contains("updatedAt for a template status"),
        "{diagnosis}"
    );
}

#[test]
fn a_mixed_body_of_every_kind_is_read_in_order() {
    let name = "edge/mixed-all-webhooks.json";
    let body = fixture(name);
    let callbacks = parse_body(&body).unwrap();
    let kinds: Vec<&str> = callbacks.iter().map(|c| c.kind().as_str()).collect();
    assert_eq!(
        kinds,
        [
            "status",
            "short-link-visited",
            "message-matcher",
            "incoming",
            "legacy-status",
            "legacy-incoming",
            "template-category-changed",
            "unknown-event",
            "message-matcher-status",
            "calling-settings-status",
            "unknown"
        ]
    );
    assert_round_trip(name, &body, &callbacks);
    // The same objects one by one give the same callbacks.
    let objects: Vec<Value> = serde_json::from_slice(&body).unwrap();
    for (object, callback) in objects.iter().zip(&callbacks) {
        let one = parse_body(object.to_string().as_bytes()).unwrap();
        assert_eq!(&one[0], callback);
    }
}

#[test]
fn an_event_of_an_unknown_type_is_kept_whole_and_written_back() {
    let name = "edge/event-unknown-type.json";
    let body = fixture(name);
    let callbacks = parse_body(&body).unwrap();
    let Callback::UnknownEvent(event) = &callbacks[0] else {
        panic!("{:?}", callbacks[0].kind())
    };
    assert_eq!(
        event.event_type,
        EventType::Unknown("message_matcher.quality_changed".into())
    );
    assert_eq!(event.version.as_deref(), Some("v2"));
    assert_eq!(event.timestamp.get().nanosecond(), 1);
    assert_eq!(
        event.payload,
        json!({"id":123,"name":"Promotion","channelType":"WHATSAPP",
               "quality":{"score":"YELLOW","previous":"GREEN"}})
    );
    // Written back exactly: the same JSON value, nothing added.
    let original: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(serde_json::to_value(&callbacks[0]).unwrap(), original);
    // An unknown type with a payload that is not even an object is kept too.
    let odd = br#"{"type":"x.y","timestamp":"2025-01-01T00:00:00Z","payload":[1,"two",null]}"#;
    let callbacks = parse_body(odd).unwrap();
    assert_eq!(callbacks[0].kind(), CallbackKind::UnknownEvent);
    let written = serde_json::to_value(&callbacks[0]).unwrap();
    assert_eq!(written["payload"], json!([1, "two", null]));
    assert_eq!(written["type"], "x.y");
}

#[test]
fn the_webhook_examples_read_as_their_kinds_with_their_values() {
    let templates = parse_body(&fixture("pulse-template-status.array.json")).unwrap();
    let template = templates[0].as_template().unwrap();
    assert_eq!(template.id, Some(Id::Number(0)));
    assert_eq!(template.channel_type, Channel::Sms);
    assert_eq!(template.category, Some(TemplateCategory::AccountUpdate));
    assert_eq!(template.status, TemplateStatus::Unknown("string".into()));
    assert!(!template.can_send());

    let matcher = parse_body(&fixture("pulse-template-status.message-matcher.json")).unwrap();
    let Callback::MessageMatcherStatus(m) = &matcher[0] else {
        panic!("{:?}", matcher[0].kind())
    };
    assert_eq!(m.message_matcher.name, "new_matcher_2");
    assert_eq!(m.message_matcher.status, TemplateStatus::Approved);
    assert!(m.message_matcher.can_send());
    assert_eq!(m.subject_ids, Some(vec![Id::Number(18594)]));
    assert_eq!(matcher[0].as_template(), Some(&m.message_matcher));

    let changed = parse_body(&fixture("pulse-template-category-changed.json")).unwrap();
    let Callback::TemplateCategoryChanged(e) = &changed[0] else {
        panic!("{:?}", changed[0].kind())
    };
    assert_eq!(e.payload.id, Id::Number(123));
    assert_eq!(e.payload.category, TemplateCategory::Marketing);
    assert_eq!(e.timestamp.get().nanosecond(), 15_356_271);
    assert_eq!(e.version.as_deref(), Some("v1"));
    let older = parse_body(&fixture("pulse-template-category-changed.older.json")).unwrap();
    let Callback::TemplateCategoryChanged(o) = &older[0] else {
        panic!("{:?}", older[0].kind())
    };
    assert_eq!(o.version, None);
    assert_eq!(o.payload, e.payload);

    let clicked = parse_body(&fixture("pulse-link-button-clicked.json")).unwrap();
    let Callback::ShortLinkVisited(c) = &clicked[0] else {
        panic!("{:?}", clicked[0].kind())
    };
    assert_eq!(c.payload.out_message_id, Some(Id::Number(5_345_345)));
    assert_eq!(c.payload.short_link.as_deref(), Some("f42kL"));
    assert_eq!(
        c.payload
            .request_id
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("059cc352-f6a2-4fb0-b717-a56fa0c820bf")
    );
    let party = clicked[0].party().unwrap();
    assert!(party.is_phone());
    assert_eq!(party.identifier.to_string(), "79991234567");
}

#[test]
fn each_kind_has_its_own_accessor_and_key_name() {
    let callbacks = parse_body(&fixture("edge/mixed-all-webhooks.json")).unwrap();
    let mut seen = BTreeSet::new();
    for callback in &callbacks {
        let answers = [
            (CallbackKind::Incoming, callback.as_incoming().is_some()),
            (CallbackKind::Status, callback.as_status().is_some()),
            (
                CallbackKind::LegacyStatus,
                callback.as_legacy_status().is_some(),
            ),
            (
                CallbackKind::MessageMatcher,
                callback.as_message_matcher().is_some(),
            ),
            (
                CallbackKind::MessageMatcherStatus,
                callback.as_message_matcher_status().is_some(),
            ),
            (
                CallbackKind::LegacyIncoming,
                callback.as_legacy_incoming().is_some(),
            ),
            (
                CallbackKind::TemplateCategoryChanged,
                callback.as_template_category_changed().is_some(),
            ),
            (
                CallbackKind::ShortLinkVisited,
                callback.as_short_link_visited().is_some(),
            ),
            (
                CallbackKind::UnknownEvent,
                callback.as_unknown_event().is_some(),
            ),
            (
                CallbackKind::CallingSettingsStatus,
                callback.as_calling_settings_status().is_some(),
            ),
            (CallbackKind::Unknown, callback.as_unknown().is_some()),
        ];
        let kinds: Vec<CallbackKind> = answers
            .iter()
            .filter(|(_, some)| *some)
            .map(|(kind, _)| *kind)
            .collect();
        assert_eq!(kinds, [callback.kind()]);
        // The key is named after the kind; the older form of a template status has its
        // template's key, so that both forms of one status are one delivery.
        let key_kind = match callback.kind() {
            CallbackKind::MessageMatcherStatus => CallbackKind::MessageMatcher,
            kind => kind,
        };
        assert_eq!(callback.dedup_key().kind(), key_kind.as_str());
        seen.insert(callback.kind());
    }
    assert_eq!(seen, CallbackKind::ALL.iter().copied().collect());
}

/// The names of earlier versions (deprecated) still build and name the renamed kinds.
#[test]
#[allow(deprecated)]
fn the_deprecated_kind_names_still_work() {
    assert_eq!(CallbackKind::TemplateStatus, CallbackKind::MessageMatcher);
    assert_eq!(CallbackKind::LinkClicked, CallbackKind::ShortLinkVisited);
    assert_eq!(CallbackKind::TemplateStatus.as_str(), "message-matcher");
    assert_eq!(CallbackKind::LinkClicked.as_str(), "short-link-visited");
    let callbacks = parse_body(&fixture("edge/mixed-all-webhooks.json")).unwrap();
    let template = callbacks
        .iter()
        .find_map(Callback::as_message_matcher)
        .unwrap();
    assert_eq!(
        Callback::TemplateStatus(template.clone()),
        Callback::MessageMatcher(template.clone())
    );
    let click = callbacks
        .iter()
        .find_map(Callback::as_short_link_visited)
        .unwrap();
    assert_eq!(
        Callback::LinkClicked(click.clone()),
        Callback::ShortLinkVisited(click.clone())
    );
}
