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
