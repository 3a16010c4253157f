//! Errors are safe to log: their text names the path and the problem, never a value of the
//! body (message text, names, phone numbers, other identifiers). So is what a callback says
//! it did not understand (`unrecognized()`, by path) and why a body is of no known kind
//! (`UnknownCallback::diagnosis`): since issue #15 an odd optional value or a body of no
//! known kind is read, not refused, and is reported there instead.

use std::collections::HashMap;

use edna_callbacks::{
    parse_as, parse_body, parse_body_each, Callback, Error, MessageContent, Unfamiliar,
};
use serde_json::{json, Value};

const TEXT_RU: &str = include_str!("../fixtures/pulse-incoming-text.ru.json");
const FLOW_FORM_RU: &str = include_str!("../fixtures/pulse-incoming-flow-form.ru.json");
const LEGACY_INCOMING: &str = include_str!("../fixtures/legacy-incoming.en.json");
const STATUS: &str = include_str!("../fixtures/pulse-status-read.en.json");

/// Parses `body` after `edit`, expects an error at `path`, and checks that none of
/// `secrets` appears in its text or its Debug form.
fn assert_safe(fixture: &str, edit: impl FnOnce(&mut Value), path: &str, secrets: &[&str]) {
    let mut value: Value = serde_json::from_str(fixture).unwrap();
    edit(&mut value);
    let body = serde_json::to_vec(&value).unwrap();
    let err = parse_body(&body).expect_err("the edited body must be refused");
    assert_eq!(err.path(), path, "{err}");
    let shown = format!("{err} {err:?}");
    for secret in secrets {
        assert!(!shown.contains(secret), "{secret:?} leaked into {shown:?}");
    }
}

/// Parses `body` after `edit`, in which an optional field holds a value of another type:
/// the callback is read (since issue #15; it used to be refused), the value kept as it
/// came, and `unrecognized()` names its `path` with none of `secrets`, either way.
fn assert_kept_safely(fixture: &str, edit: impl FnOnce(&mut Value), path: &str, secrets: &[&str]) {
    let mut value: Value = serde_json::from_str(fixture).unwrap();
    edit(&mut value);
    let body = serde_json::to_vec(&value).unwrap();
    let callbacks = parse_body(&body).expect("an odd optional value is kept");
    let found = callbacks[0].unrecognized();
    assert!(
        found
            .iter()
            .any(|u| u.path == path && u.what == Unfamiliar::OddValue),
        "{found:?}"
    );
    let shown = format!(
        "{found:?} {}",
        found.iter().map(ToString::to_string).collect::<String>()
    );
    for secret in secrets {
        assert!(!shown.contains(secret), "{secret:?} leaked into {shown:?}");
    }
}

#[test]
fn message_text_in_a_wrongly_typed_field_is_not_repeated() {
    // The Russian text example's text, moved into a field that must be an object.
    assert_kept_safely(
        TEXT_RU,
        |v| v["subscriber"] = json!("Спасибо за помощь"),
        "subscriber",
        &["Спасибо"],
    );
}

#[test]
fn a_phone_number_as_a_number_where_a_string_belongs_is_not_repeated() {
    assert_kept_safely(
        TEXT_RU,
        |v| v["userInfo"]["userName"] = json!(79000000000_i64),
        "userInfo.userName",
        &["79000000000"],
    );
}

#[test]
fn a_name_in_a_timestamp_is_not_repeated() {
    assert_safe(
        FLOW_FORM_RU,
        |v| v[0]["receivedAt"] = json!("Иван Иванов"),
        "[0].receivedAt",
        &["Иван", "Иванов"],
    );
}

#[test]
fn a_phone_number_as_a_float_id_is_not_repeated() {
    assert_kept_safely(
        TEXT_RU,
        |v| v["subscriber"]["id"] = json!(79000000000.5_f64),
        "subscriber.id",
        &["79000000000"],
    );
}

#[test]
fn legacy_address_in_a_number_field_is_not_repeated() {
    assert_kept_safely(
        LEGACY_INCOMING,
        |v| v["historyMessages"] = json!("79XXXXXXXXX Joe"),
        "historyMessages",
        &["79XXXXXXXXX", "Joe"],
    );
}

#[test]
fn payment_data_values_are_not_repeated() {
    assert_kept_safely(
        STATUS,
        |v| v["paymentData"]["chargeable"] = json!("test0001-secret"),
        "paymentData.chargeable",
        &["test0001-secret"],
    );
}

#[test]
fn flow_text_errors_do_not_repeat_the_answers() {
    let mut value: Value = serde_json::from_str(FLOW_FORM_RU).unwrap();
    value[0]["messageContent"]["text"] = json!(r#"{"screen_0_Name_0":"Ivan","flow_token":7}"#);
    let callbacks = parse_body(&serde_json::to_vec(&value).unwrap()).unwrap();
    let message = callbacks[0].as_incoming().unwrap();
    let err = message.flow_reply().unwrap_err();
    assert!(matches!(err, Error::Flow { .. }));
    assert_eq!(err.path(), "messageContent.text");
    assert!(!err.to_string().contains("Ivan"), "{err}");

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Form {
        #[serde(rename = "screen_0_Name_0")]
        name: u32,
    }
    let err = message.message_content.flow_reply_as::<Form>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid FLOW reply in `messageContent.text`: at `screen_0_Name_0` in the text: \
         invalid type: string, expected u32"
    );
}

#[test]
fn an_unknown_body_is_described_by_its_shape_only() {
    // `text` is a legacy incoming key: of no known kind (no `imType`), it resembles a legacy
    // incoming message. The diagnosis names documented keys only.
    let callbacks = parse_body(br#"{"phone":"79000000000","text":"hello"}"#).unwrap();
    assert_eq!(
        callbacks[0].as_unknown().unwrap().diagnosis(),
        "no kind this version knows: it resembles a legacy incoming message (text), which \
         needs imType"
    );
    let callbacks = parse_body(br#"{"phone":"79000000000"}"#).unwrap();
    let diagnosis = callbacks[0].as_unknown().unwrap().diagnosis();
    assert!(!diagnosis.contains("79000000000") && !diagnosis.contains("phone"));
    let err = parse_body(br#""79000000000""#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`.` is not an edna callback: it is a string, not a JSON object"
    );
}

// ---------------------------------------------------------------------------------------
// The planted marker (issue #10): one value planted everywhere, in every wrong JSON type,
// as a duplicated key the crate does not document, and in FLOW texts read into the
// caller's types; no error's `Display` or `Debug` may show it.

/// The planted value; its digits alone must not show either.
const MARKER: &str = "MARKER-79001112233";
const DIGITS: &str = "79001112233";
/// The planted key: no error may show it, but `unrecognized()` names an undocumented key
/// in its path, by design (it is what edna added), so it is not the value's marker.
const KEY: &str = "PLANTED-KEY";

/// Every way the marker is planted in place of a value.
fn planted() -> Vec<Value> {
    vec![
        json!(MARKER),
        json!(79001112233_i64),
        json!(-79001112233_i64),
        json!(79001112233.5_f64),
        json!(1e300),
        json!({ KEY: MARKER }),
        json!([MARKER]),
        json!([[{ KEY: [DIGITS] }]]),
        json!(true),
        json!(null),
    ]
}

/// A step of a path into a JSON value.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every node of `value` (the root included), as paths.
fn nodes(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                path.push(Step::Key(k.clone()));
                nodes(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Step::Index(i));
                nodes(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(value: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// `value` as JSON text, with a key the crate does not document given twice in the object
/// at `target`.
fn with_duplicate_key(value: &Value, path: &mut Vec<usize>, target: &[usize], out: &mut String) {
    let members = format!(r#""{MARKER}":"{MARKER}","{MARKER}":{DIGITS}"#);
    with_members(value, path, target, &members, out);
}

/// `value` as JSON text, with `members` (`"key":value,…`) added at the end of the object at
/// `target`.
fn with_members(
    value: &Value,
    path: &mut Vec<usize>,
    target: &[usize],
    members: &str,
    out: &mut String,
) {
    match value {
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                out.push_str(&Value::from(k.as_str()).to_string());
                out.push(':');
                path.push(i);
                with_members(v, path, target, members, out);
                path.pop();
                out.push(',');
            }
            if path.as_slice() == target {
                out.push_str(members);
                out.push(',');
            }
            out.pop();
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                path.push(i);
                with_members(v, path, target, members, out);
                path.pop();
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The index paths of every object in `value`.
fn objects(value: &Value, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    match value {
        Value::Object(map) => {
            out.push(path.clone());
            for (i, v) in map.values().enumerate() {
                path.push(i);
                objects(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(i);
                objects(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Every error any reading of `body` gives, shown both ways, must be free of the marker
/// and the planted key; what the callbacks read say they did not understand (by path:
/// an undocumented key may be part of it) and why a body is of no known kind must be free
/// of the marker. Returns how many errors there were.
fn errors_are_clean(label: &str, body: &[u8]) -> usize {
    let mut shown = Vec::new();
    match parse_body(body) {
        Err(e) => shown.push(format!("{e} {e:?}")),
        Ok(callbacks) => {
            for callback in &callbacks {
                let found = callback.unrecognized();
                let text = format!(
                    "{found:?} {}",
                    found.iter().map(ToString::to_string).collect::<String>()
                );
                assert!(
                    !text.contains(DIGITS) && !text.contains("MARKER"),
                    "{label}: the marker leaked into {text}"
                );
                if let Some(unknown) = callback.as_unknown() {
                    let diagnosis = unknown.diagnosis();
                    assert!(
                        !diagnosis.contains(DIGITS)
                            && !diagnosis.contains("MARKER")
                            && !diagnosis.contains(KEY),
                        "{label}: the body leaked into {diagnosis}"
                    );
                }
            }
        }
    }
    match edna_callbacks::parse_body_each(body) {
        Ok(each) => shown.extend(
            each.iter()
                .filter_map(|r| r.result.as_ref().err())
                .map(|e| format!("{e} {e:?}")),
        ),
        Err(e) => shown.push(format!("{e} {e:?}")),
    }
    // A type's own `Deserialize` (serde_json's errors around it, such as a `Vec`'s, are
    // serde_json's, not the crate's).
    if let Err(e) = serde_json::from_slice::<edna_callbacks::Callback>(body) {
        shown.push(format!("{e} {e:?}"));
    }
    if let Err(e) = edna_callbacks::parse_as::<edna_callbacks::Callback>(body) {
        shown.push(format!("{e} {e:?}"));
    }
    for text in &shown {
        assert!(
            !text.contains(DIGITS) && !text.contains("MARKER") && !text.contains(KEY),
            "{label}: the marker leaked into {text}"
        );
    }
    shown.len()
}

fn every_fixture() -> Vec<(String, Value)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures");
    let mut out = Vec::new();
    for dir in ["", "edge"] {
        let folder = std::path::Path::new(root).join(dir);
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".json") {
                continue;
            }
            if let Ok(value) = serde_json::from_slice(&std::fs::read(&path).unwrap()) {
                out.push((format!("{dir}/{name}"), value));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Plants every marker in every value of every fixture, every fourth planting from
/// `shard` on (counted over all fixtures, so that the four tests share the large fixtures
/// alike); the work is cut in four tests so that none runs silent for long.
fn plant_in_every_value(shard: usize) -> usize {
    let mut refused = 0;
    let mut counted = 0usize;
    for (name, value) in every_fixture() {
        let mut paths = Vec::new();
        nodes(&value, &mut Vec::new(), &mut paths);
        for path in &paths {
            counted += 1;
            if counted % 4 != shard {
                continue;
            }
            for plant in planted() {
                let mut body = value.clone();
                *node_mut(&mut body, path) = plant;
                let bytes = serde_json::to_vec(&body).unwrap();
                refused += errors_are_clean(&format!("{name} at {path:?}"), &bytes);
            }
        }
    }
    refused
}

#[test]
fn no_error_shows_a_marker_planted_in_any_value_of_any_fixture_1() {
    // Most plantings are refused somewhere: the test looked at real errors.
    let refused = plant_in_every_value(0);
    assert!(refused > 1_000, "{refused}");
}

#[test]
fn no_error_shows_a_marker_planted_in_any_value_of_any_fixture_2() {
    let refused = plant_in_every_value(1);
    assert!(refused > 1_000, "{refused}");
}

#[test]
fn no_error_shows_a_marker_planted_in_any_value_of_any_fixture_3() {
    let refused = plant_in_every_value(2);
    assert!(refused > 1_000, "{refused}");
}

#[test]
fn no_error_shows_a_marker_planted_in_any_value_of_any_fixture_4() {
    let refused = plant_in_every_value(3);
    assert!(refused > 1_000, "{refused}");
}

#[test]
fn no_error_shows_a_duplicated_key_the_crate_does_not_document() {
    let mut refused = 0;
    for (name, value) in every_fixture() {
        let mut all = Vec::new();
        objects(&value, &mut Vec::new(), &mut all);
        for target in &all {
            let mut text = String::new();
            with_duplicate_key(&value, &mut Vec::new(), target, &mut text);
            // Refused in every object the crate models; inside a value it keeps as JSON
            // (an unknown field, an unknown event's payload) serde_json's rule holds, the
            // last value wins, as the README says.
            refused += errors_are_clean(&format!("{name} at {target:?}"), text.as_bytes());
        }
    }
    assert!(refused > 500, "{refused}");
}

#[test]
fn no_flow_error_shows_a_marker_read_into_the_callers_types() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    enum Topic {
        Order,
        Delivery,
    }
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Strict {
        topic: Topic,
        count: u8,
    }
    let texts = [
        json!({ "topic": MARKER, "count": 1 }),
        json!({ "topic": "Order", "count": 79001112233_i64 }),
        json!({ "topic": "Order", "count": MARKER }),
        json!({ "topic": "Order", "count": 1, MARKER: DIGITS }),
        json!({ "topic": [MARKER], "count": 1 }),
        json!({ "topic": { MARKER: 1 }, "count": 1 }),
    ];
    let mut value: Value = serde_json::from_str(FLOW_FORM_RU).unwrap();
    for text in texts {
        value[0]["messageContent"]["text"] = json!(text.to_string());
        let callbacks = parse_body(&serde_json::to_vec(&value).unwrap()).unwrap();
        let content = &callbacks[0].as_incoming().unwrap().message_content;
        let errors = [
            content.flow_reply_as::<Strict>().map(|_| ()),
            content.flow_reply_as::<Topic>().map(|_| ()),
            content.flow_reply_as::<u32>().map(|_| ()),
            content
                .flow_reply_as::<std::collections::BTreeMap<String, u8>>()
                .map(|_| ()),
        ];
        for err in errors.into_iter().filter_map(Result::err) {
            let shown = format!("{err} {err:?}");
            assert!(
                !shown.contains(DIGITS) && !shown.contains("MARKER"),
                "{shown}"
            );
            assert_eq!(err.path(), "messageContent.text", "{shown}");
        }
    }
}

#[test]
fn the_commonest_wrong_bodies_are_named_without_being_quoted() {
    let status = STATUS.as_bytes();
    // A UTF-8 byte-order mark is skipped (issue #17); a UTF-16 one is named.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(status);
    assert_eq!(parse_body(&bom), parse_body(status));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(STATUS.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let err = parse_body(&utf16).unwrap_err();
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert!(err.message().contains("UTF-16 byte-order mark"), "{err}");

    let gzip = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xAB, 0xAE,
    ];
    let err = parse_body(&gzip).unwrap_err();
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert!(err.message().contains("gzip"), "{err}");

    let form = format!("status=READ&phone={DIGITS}&text={MARKER}");
    let err = parse_body(form.as_bytes()).unwrap_err();
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert!(err.message().contains("form-encoded"), "{err}");
    let shown = format!("{err} {err:?}");
    assert!(
        !shown.contains(DIGITS) && !shown.contains("MARKER"),
        "{shown}"
    );

    // A JSON body gets no such hint.
    let err = parse_body(b"{\"status\":").unwrap_err();
    assert!(!err.message().contains(';'), "{err}");
}

// ---------------------------------------------------------------------------------------
// Keys that look like identifiers (issue #14): `parse_as` and `flow_reply_as` read through
// one safe-error layer, in which a key the type does not declare is `<undocumented>`,
// whatever it looks like: a map's key that reads as a name, or a field name the type does
// not have.

/// Map keys that look like identifiers, and each body's error below `<undocumented>`.
const IDENTIFIER_KEYS: [(&str, &str); 3] = [
    (
        r#"{"IvanovPetr":"x"}"#,
        "invalid type: string, expected u32",
    ),
    (
        r#"{"IvanPetrov":"x"}"#,
        "invalid type: string, expected u32",
    ),
    (
        r#"{"Ivan_Petrov2":true}"#,
        "invalid type: boolean, expected u32",
    ),
];

/// Asserts that no part of the name planted in the keys shows in `err`, either way.
fn hides_the_name(label: &str, err: &Error) {
    let shown = format!("{err} {err:?}").to_lowercase();
    for part in ["ivan", "petr"] {
        assert!(
            !shown.contains(part),
            "{label}: {part:?} leaked into {shown}"
        );
    }
}

/// The errors of `body` read as `T` by `parse_as` and as a FLOW text by `flow_reply_as`:
/// both hide the planted name, and the FLOW error says what `parse_as`'s says (one layer).
/// Returns `parse_as`'s.
fn refused_both_ways<T: serde::de::DeserializeOwned + std::fmt::Debug>(body: &str) -> Error {
    let err = parse_as::<T>(body.as_bytes()).unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }), "{body}: {err:?}");
    hides_the_name(body, &err);
    let flow = MessageContent::flow(body).flow_reply_as::<T>().unwrap_err();
    hides_the_name(body, &flow);
    assert_eq!(flow.path(), "messageContent.text", "{body}");
    assert_eq!(
        flow.message(),
        format!("at `{}` in the text: {}", err.path(), err.message()),
        "{body}"
    );
    err
}

#[test]
fn a_map_key_that_looks_like_an_identifier_is_never_shown() {
    for (body, message) in IDENTIFIER_KEYS {
        let err = refused_both_ways::<HashMap<String, u32>>(body);
        assert_eq!(err.path(), "<undocumented>", "{body}");
        assert_eq!(err.message(), message, "{body}");
        // At the end of the offending value, where serde_json stops too.
        let theirs = serde_json::from_str::<HashMap<String, u32>>(body).unwrap_err();
        let Error::Invalid { line, column, .. } = err else {
            unreachable!()
        };
        assert_eq!((line, column), (theirs.line(), theirs.column()), "{body}");
    }
    // Whatever it looks like: a key spelled as a field of the crate is still a map's key.
    let err = refused_both_ways::<HashMap<String, u32>>(r#"{"statusAt":"x"}"#);
    assert_eq!(err.path(), "<undocumented>");
}

#[test]
fn a_key_that_looks_like_an_identifier_is_never_shown_through_an_enum() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    enum Answer {
        Rating(HashMap<String, u32>),
        Skipped,
    }
    for (body, message) in IDENTIFIER_KEYS {
        // The key where a variant belongs: not one the enum declares.
        let err = refused_both_ways::<Answer>(body);
        assert_eq!(err.path(), ".", "{body}");
        assert_eq!(
            err.message(),
            "unknown variant, expected `Rating` or `Skipped`",
            "{body}"
        );
        // The key inside a variant's map.
        let err = refused_both_ways::<Answer>(&format!(r#"{{"Rating":{body}}}"#));
        assert_eq!(err.path(), "Rating.<undocumented>", "{body}");
        assert_eq!(err.message(), message, "{body}");
    }
}

#[test]
fn a_key_that_looks_like_an_identifier_is_never_shown_through_a_strict_struct() {
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Form {
        flow_token: Option<String>,
        answers: Option<HashMap<String, u32>>,
    }
    for (body, message) in IDENTIFIER_KEYS {
        // A field the struct does not declare.
        let err = refused_both_ways::<Form>(body);
        assert_eq!(err.path(), "<undocumented>", "{body}");
        assert_eq!(
            err.message(),
            "unknown field, expected `flow_token` or `answers`",
            "{body}"
        );
        // The key inside a declared field's map.
        let err = refused_both_ways::<Form>(&format!(r#"{{"flow_token":"t","answers":{body}}}"#));
        assert_eq!(err.path(), "answers.<undocumented>", "{body}");
        assert_eq!(err.message(), message, "{body}");
    }
}

/// Keys that look like field names: an identifier, camelCase as edna's fields are, and
/// snake_case as a FLOW form's are. No part of them ("ivan", "petr") may show.
const NAME_KEYS: [&str; 4] = [
    "IvanovPetr",
    "ivanPetrov",
    "Ivan_Petrov2",
    "screen_0_Ivan_Petrov_1",
];

/// Every error `parse_body`, `parse_body_each` and `parse_as` (into the crate's types and
/// into a caller's map and strict struct) give for `body`, each checked to hide the
/// planted name. Returns how many there were.
fn body_errors_hide_the_name(label: &str, body: &[u8]) -> usize {
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Strict {
        id: Option<Value>,
    }
    let mut errors = Vec::new();
    errors.extend(parse_body(body).err());
    match parse_body_each(body) {
        Ok(each) => errors.extend(each.into_iter().filter_map(|e| e.result.err())),
        Err(e) => errors.push(e),
    }
    errors.extend(parse_as::<Callback>(body).err());
    errors.extend(parse_as::<Vec<Callback>>(body).err());
    errors.extend(parse_as::<HashMap<String, u32>>(body).err());
    errors.extend(parse_as::<Vec<HashMap<String, u32>>>(body).err());
    errors.extend(parse_as::<Strict>(body).err());
    errors.extend(parse_as::<Vec<Strict>>(body).err());
    for err in &errors {
        hides_the_name(label, err);
    }
    errors.len()
}

#[test]
fn no_body_error_shows_a_key_that_looks_like_a_field_name() {
    let mut refused = 0;
    for (name, value) in every_fixture() {
        let mut all = Vec::new();
        objects(&value, &mut Vec::new(), &mut all);
        for target in &all {
            for key in NAME_KEYS {
                // Given twice (refused in every object the crate models), and given once
                // with a value (kept in `extra` by the crate, refused by the caller's
                // types), next to a wrongly typed copy of a sibling's value.
                for members in [
                    format!(r#""{key}":1,"{key}":"x""#),
                    format!(r#""{key}":"x""#),
                    format!(r#""{key}":{{"{key}":["{key}"]}}"#),
                ] {
                    let mut text = String::new();
                    with_members(&value, &mut Vec::new(), target, &members, &mut text);
                    let label = format!("{name} at {target:?} with {members}");
                    refused += body_errors_hide_the_name(&label, text.as_bytes());
                }
            }
        }
    }
    assert!(refused > 5_000, "{refused}");
}

#[test]
fn no_flow_error_shows_a_key_that_looks_like_a_field_name() {
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Form {
        flow_token: String,
        #[serde(rename = "screen_0_Name_0")]
        name: String,
        #[serde(rename = "screen_0_Order_number_1")]
        order_number: String,
        #[serde(rename = "screen_0_Choose_a_topic_2")]
        topic: String,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    enum Reply {
        Form(HashMap<String, String>),
        Empty,
    }
    let mut value: Value = serde_json::from_str(FLOW_FORM_RU).unwrap();
    let form = value[0]["messageContent"]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    let form = form.strip_suffix('}').unwrap();
    let mut refused = 0;
    for key in NAME_KEYS {
        for text in [
            format!(r#"{form},"{key}":"x"}}"#),
            format!(r#"{form},"{key}":1,"{key}":true}}"#),
            format!(r#"{form},"{key}":{{"{key}":["{key}"]}}}}"#),
            format!(r#"{{"{key}":"x"}}"#),
            format!(r#"{{"{key}":{{"{key}":1}}}}"#),
            format!(r#"{{"Form":{{"{key}":1}}}}"#),
        ] {
            value[0]["messageContent"]["text"] = json!(text);
            let body = serde_json::to_vec(&value).unwrap();
            // The body itself is good: the text is read only when asked for.
            let callbacks = parse_body(&body).unwrap();
            let content = &callbacks[0].as_incoming().unwrap().message_content;
            let errors = [
                content.flow_reply_as::<Form>().err(),
                content.flow_reply_as::<Reply>().err(),
                content.flow_reply_as::<HashMap<String, u32>>().err(),
                content.flow_reply_as::<HashMap<String, String>>().err(),
                content
                    .flow_reply_as::<std::collections::BTreeMap<String, Form>>()
                    .err(),
            ];
            for err in errors.iter().flatten() {
                assert_eq!(err.path(), "messageContent.text", "{text}: {err}");
                hides_the_name(&text, err);
                refused += 1;
            }
        }
    }
    assert!(refused >= NAME_KEYS.len() * 6 * 3, "{refused}");
}

#[test]
fn tuple_and_struct_variants_read_and_refuse_as_serde_json_does() {
    #[derive(Debug, PartialEq, serde::Deserialize)]
    enum Shape {
        Pair(u8, u8),
        Named { side: u8 },
    }
    // Read: the same values as serde_json's own reading.
    for body in [
        r#"{"Pair":[1,2]}"#,
        r#"{"Named":{"side":3}}"#,
        r#"{"Named":[4]}"#,
    ] {
        let ours = parse_as::<Shape>(body.as_bytes()).unwrap();
        let theirs = serde_json::from_str::<Shape>(body).unwrap();
        assert_eq!(ours, theirs, "{body}");
    }
    // Refused: a variant whose content is of the wrong JSON type names what it expected.
    for (body, expected) in [
        (r#"{"Pair":{"side":1}}"#, "tuple variant"),
        (r#"{"Pair":7}"#, "tuple variant"),
        (r#"{"Named":"IvanovPetr"}"#, "struct variant"),
    ] {
        let err = parse_as::<Shape>(body.as_bytes()).unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{body}: {err:?}");
        assert!(err.message().contains(expected), "{body}: {err}");
        assert!(!err.to_string().contains("IvanovPetr"), "{body}: {err}");
        serde_json::from_str::<Shape>(body).unwrap_err();
    }
    // A bare variant name where content is needed.
    for body in [r#""Pair""#, r#""Named""#] {
        let err = parse_as::<Shape>(body.as_bytes()).unwrap_err();
        assert!(err.message().contains("unit variant"), "{body}: {err}");
    }
}
