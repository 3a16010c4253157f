//! Errors are safe to log: their text names the path and the problem, never a value of the
//! body (message text, names, phone numbers, other identifiers).

use edna_callbacks::{parse_body, Error};
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

#[test]
fn message_text_in_a_wrongly_typed_field_is_not_repeated() {
    // The Russian text example's text, moved into a field that must be an object.
    assert_safe(
        TEXT_RU,
        |v| v["subscriber"] = json!("Спасибо за помощь"),
        "subscriber",
        &["Спасибо"],
    );
}

#[test]
fn a_phone_number_as_a_number_where_a_string_belongs_is_not_repeated() {
    assert_safe(
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
    assert_safe(
        TEXT_RU,
        |v| v["subscriber"]["id"] = json!(79000000000.5_f64),
        "subscriber.id",
        &["79000000000"],
    );
}

#[test]
fn legacy_address_in_a_number_field_is_not_repeated() {
    assert_safe(
        LEGACY_INCOMING,
        |v| v["historyMessages"] = json!("79XXXXXXXXX Joe"),
        "historyMessages",
        &["79XXXXXXXXX", "Joe"],
    );
}

#[test]
fn payment_data_values_are_not_repeated() {
    assert_safe(
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
    let err = parse_body(br#"{"phone":"79000000000","text":"hello"}"#).unwrap_err();
    // `text` is a legacy incoming key, so this is a legacy incoming message missing `id`.
    assert_eq!(err.to_string(), "invalid `id`: missing field `id`");
    let err = parse_body(br#"{"phone":"79000000000"}"#).unwrap_err();
    assert!(matches!(err, Error::UnknownCallback { .. }));
    assert!(!err.to_string().contains("79000000000"));
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

/// Every way the marker is planted in place of a value.
fn planted() -> Vec<Value> {
    vec![
        json!(MARKER),
        json!(79001112233_i64),
        json!(-79001112233_i64),
        json!(79001112233.5_f64),
        json!(1e300),
        json!({ MARKER: MARKER }),
        json!([MARKER]),
        json!([[{ MARKER: [DIGITS] }]]),
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
    match value {
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                out.push_str(&Value::from(k.as_str()).to_string());
                out.push(':');
                path.push(i);
                with_duplicate_key(v, path, target, out);
                path.pop();
                out.push(',');
            }
            if path.as_slice() == target {
                out.push_str(&format!(r#""{MARKER}":"{MARKER}","{MARKER}":{DIGITS},"#));
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
                with_duplicate_key(v, path, target, out);
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

/// Every error any reading of `body` gives, shown both ways, must be free of the marker.
/// Returns how many errors there were.
fn errors_are_clean(label: &str, body: &[u8]) -> usize {
    let mut shown = Vec::new();
    if let Err(e) = parse_body(body) {
        shown.push(format!("{e} {e:?}"));
    }
    match edna_callbacks::parse_body_each(body) {
        Ok(each) => shown.extend(
            each.iter()
                .filter_map(|r| r.as_ref().err())
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
            !text.contains(DIGITS) && !text.contains("MARKER"),
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

#[test]
fn no_error_shows_a_marker_planted_in_any_value_of_any_fixture() {
    let mut refused = 0;
    for (name, value) in every_fixture() {
        let mut paths = Vec::new();
        nodes(&value, &mut Vec::new(), &mut paths);
        for path in &paths {
            for plant in planted() {
                let mut body = value.clone();
                *node_mut(&mut body, path) = plant;
                let bytes = serde_json::to_vec(&body).unwrap();
                refused += errors_are_clean(&format!("{name} at {path:?}"), &bytes);
            }
        }
    }
    // Most plantings are refused somewhere: the test looked at real errors.
    assert!(refused > 5_000, "{refused}");
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
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(status);
    let err = parse_body(&bom).unwrap_err();
    assert!(matches!(err, Error::Syntax { .. }), "{err:?}");
    assert!(err.message().contains("byte-order mark"), "{err}");

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
