//! FLOW replies read into the caller's own types: an error never repeats a value of the
//! text, nor a key the caller's type does not declare, whatever the type, and still says
//! what was wrong (the JSON kind found, what the type expected, where).
//!
//! Every case plants one marker in the FLOW text (as a value, a key, an enum variant, a
//! number) and checks that neither `Display` nor `Debug` of the error shows it.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use edna_callbacks::{Error, MessageContent};
use serde::de::{self, DeserializeOwned, Deserializer};
use serde::Deserialize;

const MARKER: &str = "MARKER-79001112233";
/// The marker's digits, planted where the text needs a number.
const DIGITS: &str = "79001112233";

/// Reads `text` (with `MARKER` already planted) into `T`; the error must be a `Flow` error
/// on `messageContent.text` that shows no part of the marker. Returns its message.
fn refused<T: DeserializeOwned + fmt::Debug>(text: &str) -> String {
    assert!(
        text.contains(MARKER) || text.contains(DIGITS),
        "no marker planted in {text}"
    );
    let content = MessageContent::flow(text);
    let err = match content.flow_reply_as::<T>() {
        Ok(value) => panic!("{text} should not read, got {value:?}"),
        Err(err) => err,
    };
    let Error::Flow { path, message } = &err else {
        panic!("expected a Flow error, got {err:?}");
    };
    assert_eq!(path, "messageContent.text");
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains("MARKER"), "{text}: {shown}");
        assert!(!shown.contains(DIGITS), "{text}: {shown}");
    }
    assert_eq!(
        err.to_string(),
        format!("invalid FLOW reply in `messageContent.text`: {message}")
    );
    message.clone()
}

fn planted(template: &str) -> String {
    template.replace("@", MARKER)
}

#[derive(Debug, Deserialize, PartialEq)]
#[allow(dead_code)]
enum Topic {
    Order,
    Delivery,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct TopicForm {
    flow_token: String,
    #[serde(rename = "screen_0_Choose_a_topic_2")]
    topic: Topic,
}

#[test]
fn an_unknown_enum_variant_is_not_repeated() {
    // The issue's own example: a free-text answer where the form expects a variant.
    let text = r#"{"flow_token":"t","screen_0_Choose_a_topic_2":"Ivan 79001112233"}"#;
    assert_eq!(
        refused::<TopicForm>(text),
        "at `screen_0_Choose_a_topic_2` in the text: unknown variant, expected `Order` or `Delivery`"
    );
    let text = planted(r#"{"flow_token":"t","screen_0_Choose_a_topic_2":"@"}"#);
    assert_eq!(
        refused::<TopicForm>(&text),
        "at `screen_0_Choose_a_topic_2` in the text: unknown variant, expected `Order` or `Delivery`"
    );
    // The variant as the key of an object.
    let text = planted(r#"{"flow_token":"t","screen_0_Choose_a_topic_2":{"@":null}}"#);
    assert_eq!(
        refused::<TopicForm>(&text),
        "at `screen_0_Choose_a_topic_2` in the text: unknown variant, expected `Order` or `Delivery`"
    );
    // A value of the wrong kind: the kind is named, not the value.
    let text = r#"{"flow_token":"t","screen_0_Choose_a_topic_2":79001112233}"#;
    assert_eq!(
        refused::<TopicForm>(text),
        "at `screen_0_Choose_a_topic_2` in the text: invalid type: integer, expected string or map"
    );
    // A known variant still reads.
    let form: TopicForm =
        MessageContent::flow(r#"{"flow_token":"t","screen_0_Choose_a_topic_2":"Order"}"#)
            .flow_reply_as()
            .unwrap();
    assert_eq!(form.topic, Topic::Order);
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Numbers {
    count: u32,
    small: Option<u8>,
    ratio: Option<f32>,
    letter: Option<char>,
    flag: Option<bool>,
}

#[test]
fn integers_and_other_scalars_name_the_kind_only() {
    let cases = [
        (
            r#"{"count":"@"}"#,
            "at `count` in the text: invalid type: string, expected u32",
        ),
        (
            r#"{"count":79001112233}"#,
            "at `count` in the text: invalid value: integer, expected u32",
        ),
        (
            r#"{"count":-79001112233}"#,
            "at `count` in the text: invalid value: integer, expected u32",
        ),
        (
            r#"{"count":79001112233.5}"#,
            "at `count` in the text: invalid type: floating point, expected u32",
        ),
        (
            r#"{"count":1,"small":79001112233}"#,
            "at `small` in the text: invalid value: integer, expected u8",
        ),
        (
            r#"{"count":1,"ratio":"@"}"#,
            "at `ratio` in the text: invalid type: string, expected f32",
        ),
        (
            r#"{"count":1,"letter":"@"}"#,
            "at `letter` in the text: invalid value: string, expected a character",
        ),
        (
            r#"{"count":1,"flag":"@"}"#,
            "at `flag` in the text: invalid type: string, expected a boolean",
        ),
        (
            r#"{"count":1,"flag":[true,"@"]}"#,
            "at `flag` in the text: invalid type: sequence, expected a boolean",
        ),
    ];
    for (template, expected) in cases {
        assert_eq!(
            refused::<Numbers>(&planted(template)),
            expected,
            "{template}"
        );
    }
    // The same text with right values reads.
    let n: Numbers =
        MessageContent::flow(r#"{"count":7,"small":3,"ratio":0.5,"letter":"x","flag":true}"#)
            .flow_reply_as()
            .unwrap();
    assert_eq!(
        (n.count, n.small, n.ratio, n.letter, n.flag),
        (7, Some(3), Some(0.5), Some('x'), Some(true))
    );
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Strict {
    flow_token: String,
    name: String,
}

#[test]
fn an_undeclared_key_is_not_named() {
    assert_eq!(
        refused::<Strict>(&planted(r#"{"flow_token":"t","name":"n","@":1}"#)),
        "at `<undocumented>` in the text: unknown field, expected `flow_token` or `name`"
    );
    // A key that merely holds the marker's digits.
    assert_eq!(
        refused::<Strict>(r#"{"79001112233":"x","flow_token":"t","name":"n"}"#),
        "at `<undocumented>` in the text: unknown field, expected `flow_token` or `name`"
    );
    // Missing and duplicate fields name the caller's field, which is allowed.
    assert_eq!(
        refused::<Strict>(&planted(r#"{"flow_token":"@"}"#)),
        "at `name` in the text: missing field `name`"
    );
    assert_eq!(
        refused::<Strict>(&planted(r#"{"flow_token":"@","name":"@","name":"@"}"#)),
        "at `name` in the text: duplicate field `name`"
    );
    assert_eq!(
        refused::<Strict>(&planted(r#"{"flow_token":"t","name":{"@":"@"}}"#)),
        "at `name` in the text: invalid type: map, expected a string"
    );
}

/// A type whose own `Deserialize` quotes the value in its error, as hand-written ones do.
#[derive(Debug)]
struct Phone(#[allow(dead_code)] String);

impl<'de> Deserialize<'de> for Phone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        if value.starts_with('+') {
            Ok(Phone(value))
        } else {
            Err(de::Error::custom(format!("{value} is not a phone number")))
        }
    }
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Contact {
    phone: Phone,
}

#[test]
fn a_custom_message_is_replaced_by_a_fixed_text() {
    assert_eq!(
        refused::<Contact>(&planted(r#"{"phone":"@"}"#)),
        "at `phone` in the text: the value was refused by its type (its message is not shown: it may quote the value)"
    );
    assert_eq!(
        refused::<Vec<Phone>>(&planted(r#"["+7900", "@"]"#)),
        "at `[1]` in the text: the value was refused by its type (its message is not shown: it may quote the value)"
    );
    // Untagged enums and flattened structs report through serde's buffer, with custom or
    // typed errors of their own: still nothing of the value.
    #[derive(Debug, Deserialize)]
    #[serde(untagged)]
    #[allow(dead_code)]
    enum Answer {
        Number(u32),
        Many(Vec<u32>),
    }
    assert_eq!(
        refused::<BTreeMap<String, Answer>>(&planted(r#"{"a":"@"}"#)),
        "at `<undocumented>` in the text: the value was refused by its type (its message is not shown: it may quote the value)"
    );
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Flat {
        flow_token: String,
        #[serde(flatten)]
        rest: Numbers,
    }
    assert_eq!(
        refused::<Flat>(&planted(r#"{"flow_token":"t","count":"@"}"#)),
        "at `.` in the text: invalid type: string, expected u32"
    );
    #[derive(Debug, Deserialize)]
    #[serde(tag = "kind")]
    #[allow(dead_code)]
    enum Tagged {
        Order { n: u8 },
    }
    assert_eq!(
        refused::<Tagged>(&planted(r#"{"kind":"@"}"#)),
        // serde reads the tag as the value of a key it has not declared to us.
        "at `<undocumented>` in the text: unknown variant, expected `Order`"
    );
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Rating {
    stars: u8,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
enum Choice {
    Order { number: u32 },
    Rated(Vec<Rating>),
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Survey {
    answers: Vec<HashMap<String, Rating>>,
    choice: Option<Choice>,
    pair: Option<(u8, u8)>,
}

#[test]
fn nested_maps_and_arrays_show_declared_names_indices_and_placeholders() {
    let cases = [
        // A map's keys are the text's, not the type's: `<undocumented>`.
        (
            r#"{"answers":[{},{"@":{"stars":"@"}}]}"#,
            "at `answers[1].<undocumented>.stars` in the text: invalid type: string, expected u8",
        ),
        (
            r#"{"answers":[{"@":{"stars":79001112233}}]}"#,
            "at `answers[0].<undocumented>.stars` in the text: invalid value: integer, expected u8",
        ),
        (
            r#"{"answers":[{"@":{"@":1}}]}"#,
            "at `answers[0].<undocumented>.stars` in the text: missing field `stars`",
        ),
        (
            r#"{"answers":"@"}"#,
            "at `answers` in the text: invalid type: string, expected a sequence",
        ),
        (
            r#"{"answers":[],"choice":{"Order":{"number":"@"}}}"#,
            "at `choice.Order.number` in the text: invalid type: string, expected u32",
        ),
        (
            r#"{"answers":[],"choice":{"Rated":[{"stars":1},{"stars":["@"]}]}}"#,
            "at `choice.Rated[1].stars` in the text: invalid type: sequence, expected u8",
        ),
        (
            r#"{"answers":[],"choice":{"@":{"number":1}}}"#,
            "at `choice` in the text: unknown variant, expected `Order` or `Rated`",
        ),
        (
            r#"{"answers":[],"choice":{"Order":{"number":1},"@":2}}"#,
            "at `choice` in the text: invalid value: map, expected map with a single key",
        ),
        (
            r#"{"answers":[],"pair":[1,2,"@"]}"#,
            "at `pair` in the text: invalid length 3, expected fewer elements in array",
        ),
        (
            r#"{"answers":[],"pair":["@"]}"#,
            "at `pair[0]` in the text: invalid type: string, expected u8",
        ),
        (
            r#"{"answers":[],"pair":[1]}"#,
            "at `pair` in the text: invalid length 1, expected a tuple of size 2",
        ),
    ];
    for (template, expected) in cases {
        let text = planted(template);
        if template == r#"{"answers":[],"pair":[1]}"# {
            // No marker fits here; check the message alone.
            let err = MessageContent::flow(text)
                .flow_reply_as::<Survey>()
                .unwrap_err();
            assert_eq!(err.message(), expected);
            continue;
        }
        assert_eq!(refused::<Survey>(&text), expected, "{template}");
    }
}

#[test]
fn the_untyped_reply_and_syntax_errors_do_not_repeat_the_text() {
    for (template, expected) in [
        (
            r#""@""#,
            "at `.` in the text: invalid type: string, expected a map",
        ),
        (
            r#"["@"]"#,
            "at `.` in the text: invalid type: sequence, expected a map",
        ),
        (r#"{"@": }"#, "the text is not JSON: expected value"),
        (
            r#"{"flow_token":"@""#,
            "the text is not JSON: EOF while parsing an object",
        ),
        ("@", "the text is not JSON: expected value"),
    ] {
        let text = planted(template);
        if expected.starts_with("the text is not JSON") {
            // Not JSON is not JSON, whatever the type.
            assert_eq!(refused::<serde_json::Value>(&text), expected, "{template}");
            assert_eq!(refused::<Strict>(&text), expected, "{template}");
        }
        let err = MessageContent::flow(text).flow_reply().unwrap_err();
        assert_eq!(err.message(), expected, "{template}");
        assert!(!format!("{err}{err:?}").contains(DIGITS), "{err:?}");
    }
    // A `flow_token` of the wrong kind.
    let err = MessageContent::flow(planted(r#"{"flow_token":{"@":"@"}}"#))
        .flow_reply()
        .unwrap_err();
    assert_eq!(err.message(), "`flow_token` is not a string");
    assert!(!format!("{err}{err:?}").contains(DIGITS));
}

#[test]
fn reading_into_a_type_keeps_serde_json_semantics() {
    // What serde_json reads, the caller's type reads the same way; a key given twice in a
    // map keeps the last value, as serde_json does.
    let text = r#"{"flow_token":"t","b":[1,-2,2.5,"x",null,true],"a":{"c":{}},"b":"last"}"#;
    let ours: serde_json::Value = MessageContent::flow(text).flow_reply_as().unwrap();
    let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(ours, theirs);
    let reply = MessageContent::flow(text).flow_reply().unwrap();
    assert_eq!(reply.flow_token.as_deref(), Some("t"));
    assert_eq!(reply.field_str("b"), Some("last"));
    // Integer keys, options, tuples, unit variants, borrowed-free strings.
    let map: BTreeMap<u16, Option<(bool, Topic)>> =
        MessageContent::flow(r#"{"7":[true,"Delivery"],"10":null}"#)
            .flow_reply_as()
            .unwrap();
    assert_eq!(
        map.into_iter().collect::<Vec<_>>(),
        [(7, Some((true, Topic::Delivery))), (10, None)]
    );
    // An integer key that is not one names the kind only.
    let err = MessageContent::flow(planted(r#"{"@":null}"#))
        .flow_reply_as::<BTreeMap<u16, ()>>()
        .unwrap_err();
    assert_eq!(
        err.message(),
        "at `<undocumented>` in the text: invalid type: string, expected u16"
    );
    assert!(!format!("{err}{err:?}").contains(DIGITS));
}

/// Found by the `flow_reply` fuzz target once FLOW texts were read through the crate's own
/// deserializer: `null` became an empty reply (serde_json's `Value` hands `null` to a map
/// as a unit), where serde_json reading the text refuses it. A reply is an object.
#[test]
fn a_flow_text_that_is_not_an_object_is_no_reply() {
    for text in ["null", "[]", "5", r#""text""#, "true"] {
        let content = edna_callbacks::MessageContent::flow(text);
        let err = content.flow_reply().unwrap_err();
        assert_eq!(err.path(), "messageContent.text", "{text}");
        assert!(err.message().contains("expected a map"), "{text}: {err}");
        assert!(
            content.flow_reply_as::<Vec<u8>>().is_err() || text == "[]",
            "{text}"
        );
    }
    // `null` is still a unit, and an empty array a sequence.
    let content = edna_callbacks::MessageContent::flow("null");
    assert_eq!(content.flow_reply_as::<()>().ok(), Some(()));
    let content = edna_callbacks::MessageContent::flow("[]");
    assert_eq!(content.flow_reply_as::<Vec<u8>>().ok(), Some(vec![]));
}
