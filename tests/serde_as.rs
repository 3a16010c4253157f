//! The `serde_with` adapters of `edna_callbacks::serde_as`, on users' own types.
#![cfg(feature = "serde_with")]

use edna_callbacks::serde_as::{As, EdnaId, EdnaTimestamp, FlowText};
use edna_callbacks::time::{OffsetDateTime, UtcOffset};
use edna_callbacks::{Id, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::json;
use serde_with::serde_as;

/// A value planted in wrong inputs; no error may show it.
const MARKER: &str = "79001112233";

fn offset(hours: i8) -> UtcOffset {
    UtcOffset::from_hms(hours, 0, 0).unwrap()
}

#[serde_as]
#[derive(Debug, Deserialize, Serialize)]
struct Times {
    #[serde_as(as = "EdnaTimestamp")]
    at: OffsetDateTime,
    #[serde_as(as = "Option<EdnaTimestamp>")]
    #[serde(default)]
    maybe: Option<OffsetDateTime>,
    #[serde_as(as = "Vec<EdnaTimestamp>")]
    #[serde(default)]
    all: Vec<Timestamp>,
}

fn times(json: serde_json::Value) -> Result<Times, String> {
    serde_json::from_value(json).map_err(|e| e.to_string())
}

#[test]
fn edna_timestamps_read_into_offset_date_time() {
    let t = times(json!({"at": "2020-01-10T19:03:52.355+0300"})).unwrap();
    assert_eq!(t.at.unix_timestamp(), 1_578_672_232);
    assert_eq!(t.at.millisecond(), 355);
    assert_eq!(t.at.offset(), offset(3));
    assert_eq!(t.maybe, None);

    let t = times(json!({"at": "2024-08-05T08: 24: 14Z", "maybe": "2021-10-20T08:42:51.354+0000"}))
        .unwrap();
    assert_eq!(t.at.unix_timestamp(), 1_722_846_254);
    assert_eq!(t.at.offset(), UtcOffset::UTC);
    let maybe = t.maybe.unwrap();
    assert_eq!(maybe.unix_timestamp(), 1_634_719_371);
    assert_eq!(maybe.millisecond(), 354);
}

#[test]
fn every_form_reads_and_writes_back_as_rfc3339() {
    let cases = [
        (
            "2023-10-31T11:07:56Z",
            1_698_750_476,
            0,
            "2023-10-31T11:07:56Z",
        ),
        (
            "2023-10-31T14:07:56+03:00",
            1_698_750_476,
            3,
            "2023-10-31T14:07:56+03:00",
        ),
        (
            "2023-10-31T14:07:56+0300",
            1_698_750_476,
            3,
            "2023-10-31T14:07:56+03:00",
        ),
        (
            "2023-10-31t06:07:56.5-05:00",
            1_698_750_476,
            -5,
            "2023-10-31T06:07:56.5-05:00",
        ),
        (
            "2023-10-31T11: 07: 56z",
            1_698_750_476,
            0,
            "2023-10-31T11:07:56Z",
        ),
    ];
    for (input, unix, hours, written) in cases {
        let t = times(json!({"at": input, "all": [input]})).unwrap();
        assert_eq!(t.at.unix_timestamp(), unix, "{input}");
        assert_eq!(t.at.offset(), offset(hours), "{input}");
        assert_eq!(t.all, [Timestamp::new(t.at)], "{input}");
        let back = serde_json::to_value(&t).unwrap();
        assert_eq!(
            back,
            json!({"at": written, "maybe": null, "all": [written]})
        );
    }
}

#[test]
fn a_wrong_timestamp_is_reported_without_its_value() {
    for (value, expected) in [
        (json!(format!("{MARKER}Z")), "invalid timestamp: '-' after the year at byte 4"),
        (json!(format!("2023-10-31T11:07:56 {MARKER}")), "invalid timestamp: offset ('Z', '+hh:mm' or '+hhmm') at byte 19"),
        (json!(79001112233u64), "invalid type: integer, expected a timestamp string such as 2023-10-31T11:07:56Z"),
        (json!(-79001112233i64), "invalid type: integer, expected a timestamp string such as 2023-10-31T11:07:56Z"),
        (json!(7900111.2233), "invalid type: floating point, expected a timestamp string such as 2023-10-31T11:07:56Z"),
    ] {
        let e = times(json!({ "at": value })).unwrap_err();
        assert_eq!(e, expected);
        assert!(!e.contains("7900111"), "{e}");
    }
    // From text, too: serde_json's own "invalid type" errors would quote the number.
    let e = serde_json::from_str::<Times>(&format!(r#"{{"at":{MARKER}}}"#)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: integer, expected a timestamp string such as 2023-10-31T11:07:56Z at line 1 column 17"
    );
}

#[serde_as]
#[derive(Debug, Deserialize, Serialize, PartialEq)]
struct Ids {
    #[serde_as(as = "EdnaId")]
    id: Id,
    #[serde_as(as = "EdnaId")]
    text: String,
    #[serde_as(as = "EdnaId")]
    signed: i64,
    #[serde_as(as = "EdnaId")]
    unsigned: u64,
}

fn ids(value: serde_json::Value) -> Result<Ids, String> {
    let json = json!({"id": value, "text": value, "signed": value, "unsigned": value});
    serde_json::from_value(json).map_err(|e| e.to_string())
}

#[test]
fn an_id_as_a_number_or_a_string_reads_into_each_type() {
    let number = ids(json!(42)).unwrap();
    let text = ids(json!("42")).unwrap();
    assert_eq!(
        number,
        Ids {
            id: Id::Number(42),
            text: "42".into(),
            signed: 42,
            unsigned: 42
        }
    );
    assert_eq!(
        text,
        Ids {
            id: Id::from("42"),
            text: "42".into(),
            signed: 42,
            unsigned: 42
        }
    );
    assert!(number.id.same_as(&text.id));
    // Each written back as its own type; `Id` in the form it came in.
    assert_eq!(
        serde_json::to_value(&number).unwrap(),
        json!({"id": 42, "text": "42", "signed": 42, "unsigned": 42})
    );
    assert_eq!(
        serde_json::to_value(&text).unwrap(),
        json!({"id": "42", "text": "42", "signed": 42, "unsigned": 42})
    );
    let big = ids(json!(u64::MAX));
    assert!(big.as_ref().is_err_and(|e| e
        == "expected an id that is an integer from -2^63 to 2^63-1, found an integer out of that range"));
    let big: Ids = serde_json::from_value(json!({
        "id": u64::MAX, "text": u64::MAX, "signed": "01", "unsigned": "18446744073709551615"
    }))
    .unwrap();
    assert_eq!(
        big,
        Ids {
            id: Id::Unsigned(u64::MAX),
            text: u64::MAX.to_string(),
            signed: 1,
            unsigned: u64::MAX
        }
    );
}

#[test]
fn a_wrong_id_is_reported_without_its_value() {
    let e = ids(json!(format!("Ivan {MARKER}"))).unwrap_err();
    assert_eq!(
        e,
        "expected an id that is an integer from -2^63 to 2^63-1, found a string that is no such integer"
    );
    let e = ids(json!(-79001112233i64)).unwrap_err();
    assert_eq!(
        e,
        "expected an id that is an integer from 0 to 2^64-1, found an integer out of that range"
    );
    let e = ids(json!(7900111.2233)).unwrap_err();
    assert_eq!(
        e,
        "invalid type: floating point, expected an id (an integer or a string)"
    );
    let e = serde_json::from_str::<Ids>(
        r#"{"id":123456789012345678901234567890,"text":"","signed":0,"unsigned":0}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "an integer id past 64 bits at line 1 column 36"
    );
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
struct OrderForm {
    flow_token: String,
    #[serde(rename = "screen_0_Name_0")]
    name: String,
    #[serde(rename = "screen_0_Order_number_1")]
    order_number: String,
    #[serde(rename = "screen_0_Choose_a_topic_2")]
    topic: String,
}

/// A user's own view of a FLOW incoming message: only what it needs, in its own types.
#[serde_as]
#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
struct FlowMessage {
    #[serde_as(as = "EdnaId")]
    id: i64,
    #[serde_as(as = "EdnaTimestamp")]
    received_at: OffsetDateTime,
    message_content: FlowContent,
}

#[serde_as]
#[derive(Debug, Deserialize, Serialize)]
struct FlowContent {
    #[serde_as(as = "FlowText")]
    text: OrderForm,
}

#[test]
fn a_flow_text_reads_into_a_user_struct_and_is_written_back_as_a_string() {
    let body = include_str!("../fixtures/pulse-incoming-flow-form.ru.json");
    let messages: Vec<FlowMessage> = serde_json::from_str(body).unwrap();
    let [message] = messages.as_slice() else {
        panic!("one message")
    };
    assert_eq!(message.id, 101);
    assert_eq!(message.received_at.unix_timestamp(), 1_742_904_732);
    assert_eq!(
        message.message_content.text,
        OrderForm {
            flow_token: "example".into(),
            name: "Ivan".into(),
            order_number: "6".into(),
            topic: "0_order".into(),
        }
    );
    let written = serde_json::to_value(message).unwrap();
    let text = written["messageContent"]["text"].as_str().unwrap();
    let original: serde_json::Value = serde_json::from_str(body).unwrap();
    let original_text = original[0]["messageContent"]["text"].as_str().unwrap();
    // The same document, written as a string.
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(text).unwrap(),
        serde_json::from_str::<serde_json::Value>(original_text).unwrap()
    );
    assert_eq!(
        text,
        r#"{"flow_token":"example","screen_0_Name_0":"Ivan","screen_0_Order_number_1":"6","screen_0_Choose_a_topic_2":"0_order"}"#
    );
    assert_eq!(written["receivedAt"], "2025-03-25T12:12:12Z");
    assert_eq!(written["id"], 101);
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
struct AgeForm {
    age: u32,
}

#[serde_as]
#[derive(Debug, Deserialize, Serialize, PartialEq)]
struct Reply {
    #[serde_as(as = "FlowText")]
    text: AgeForm,
}

fn reply(text: serde_json::Value) -> Result<Reply, String> {
    serde_json::from_value(json!({ "text": text })).map_err(|e| e.to_string())
}

#[test]
fn a_flow_text_into_any_type_and_back() {
    assert_eq!(
        reply(json!(r#"{"age": 42}"#)).unwrap(),
        Reply {
            text: AgeForm { age: 42 }
        }
    );
    let written = serde_json::to_string(&Reply {
        text: AgeForm { age: 7 },
    })
    .unwrap();
    assert_eq!(written, r#"{"text":"{\"age\":7}"}"#);
    // A map and a plain value work as well as a struct.
    #[serde_as]
    #[derive(Deserialize, Serialize)]
    struct Loose {
        #[serde_as(as = "FlowText")]
        map: std::collections::BTreeMap<String, serde_json::Value>,
        #[serde_as(as = "Option<FlowText>")]
        number: Option<u8>,
    }
    let loose: Loose =
        serde_json::from_str(r#"{"map":"{\"b\":[1],\"a\":null}","number":"5"}"#).unwrap();
    assert_eq!(loose.map.keys().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(loose.number, Some(5));
    assert_eq!(
        serde_json::to_string(&loose).unwrap(),
        r#"{"map":"{\"a\":null,\"b\":[1]}","number":"5"}"#
    );
}

#[test]
fn a_wrong_flow_text_is_reported_without_its_value() {
    let cases = [
        (
            json!(format!(r#"{{"age":"Ivan {MARKER}"}}"#)),
            "at `age` in the FLOW text: invalid type: string, expected u32",
        ),
        (
            json!(format!(r#"{{"age":{MARKER}}}"#)),
            "at `age` in the FLOW text: invalid value: integer, expected u32",
        ),
        (
            json!(format!("Ivan {MARKER}")),
            "the FLOW text is not JSON: expected value (line 1, column 1 of the text)",
        ),
        (
            json!(79001112233u64),
            "invalid type: integer, expected a FLOW text (a JSON document in a string)",
        ),
    ];
    for (text, expected) in cases {
        let e = reply(text).unwrap_err();
        assert_eq!(e, expected);
        assert!(!e.contains(MARKER), "{e}");
    }
}

#[test]
fn as_works_without_the_serde_as_attribute() {
    #[derive(Deserialize, Serialize)]
    struct Row {
        #[serde(with = "As::<EdnaTimestamp>")]
        at: OffsetDateTime,
        #[serde(with = "As::<EdnaId>")]
        id: String,
    }
    let row: Row = serde_json::from_str(r#"{"at":"2020-01-10T19:03:52.355+0300","id":7}"#).unwrap();
    assert_eq!(row.at.unix_timestamp(), 1_578_672_232);
    assert_eq!(row.id, "7");
    assert_eq!(
        serde_json::to_string(&row).unwrap(),
        r#"{"at":"2020-01-10T19:03:52.355+03:00","id":"7"}"#
    );
}
