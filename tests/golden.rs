//! The 15 golden fixtures (every example in edna's pages, see `fixtures/README.md`): the
//! typed values each one carries, and that writing it back gives the JSON edna sent.

mod common;

use common::{assert_body_round_trips, assert_round_trip, differences, fixture, json_files};
use edna_callbacks::{
    parse_as, parse_body, Callback, CallbackKind, ContentType, ConversationType, Error, FlowReply,
    Id, IncomingMessage, Item, LegacyIncomingMessage, LegacyStatusCallback, MessageContent,
    Numeric, Order, OrderProduct, PaymentData, PaymentDataKind, Product, Referral,
    ReferralSourceType, Status, StatusCallback, Subscriber, Timestamp, UserInfo,
    WhatsAppConversationPaymentData,
};
use serde_json::{json, Map, Value};
use time::macros::{datetime, offset};

const GOLDEN: [&str; 23] = [
    "legacy-incoming.en.json",
    "legacy-status.en.json",
    "pulse-calling-settings-status.format.json",
    "pulse-incoming-flow-form.ru.json",
    "pulse-incoming-flow-token.ru.json",
    "pulse-incoming-list-picker.en.json",
    "pulse-incoming-list-picker.ru.json",
    "pulse-incoming-order.en.json",
    "pulse-incoming-order.ru.json",
    "pulse-incoming-product.en.json",
    "pulse-incoming-product.ru.json",
    "pulse-incoming-referral.en.json",
    "pulse-incoming-referral.ru.json",
    "pulse-incoming-text.en.json",
    "pulse-incoming-text.ru.json",
    "pulse-link-button-clicked.json",
    "pulse-link-button-clicked.older.json",
    "pulse-status-delivered-message-id.json",
    "pulse-status-read.en.json",
    "pulse-template-category-changed.json",
    "pulse-template-category-changed.older.json",
    "pulse-template-status.array.json",
    "pulse-template-status.message-matcher.json",
];

// ---------------------------------------------------------------------------------------
// Builders of the expected values.

fn text(s: &str) -> Id {
    Id::Text(s.to_owned())
}

fn num(n: i64) -> Id {
    Id::Number(n)
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

/// `userInfo` as every example has it: a user name and three `null`s.
fn user(name: &str) -> UserInfo {
    UserInfo::default().with_user_name(name)
}

struct Head<'a> {
    id: i64,
    subject: &'a str,
    subject_id: i64,
    subscriber: (i64, &'a str),
    user: &'a str,
}

fn message(
    head: Head<'_>,
    message_content: MessageContent,
    received_at: Timestamp,
) -> IncomingMessage {
    IncomingMessage::new(num(head.id), message_content, received_at)
        .with_subject(head.subject)
        .with_subject_id(num(head.subject_id))
        .with_subscriber(Subscriber::new(
            num(head.subscriber.0),
            text(head.subscriber.1),
        ))
        .with_user_info(user(head.user))
}

fn utc(t: time::OffsetDateTime) -> Timestamp {
    Timestamp::new(t)
}

/// The one incoming message of a golden body, after checking that `parse_body` and
/// `parse_as::<IncomingMessage>` agree and that it writes back unchanged.
fn golden_incoming(name: &str) -> IncomingMessage {
    let body = fixture(name);
    let callbacks = assert_body_round_trips(name, &body);
    assert_eq!(callbacks.len(), 1, "{name}");
    assert_eq!(callbacks[0].kind(), CallbackKind::Incoming, "{name}");
    let message = callbacks[0].as_incoming().unwrap().clone();
    let direct: IncomingMessage = if body.first() == Some(&b'[') {
        let mut all: Vec<IncomingMessage> = parse_as(&body).unwrap();
        assert_round_trip(name, &body, &all);
        all.remove(0)
    } else {
        let one: IncomingMessage = parse_as(&body).unwrap();
        assert_round_trip(name, &body, &one);
        one
    };
    assert_eq!(direct, message, "{name}: parse_as and parse_body differ");
    message
}

// ---------------------------------------------------------------------------------------
// The set of golden files.

#[test]
fn the_golden_folder_holds_exactly_the_23_examples() {
    assert_eq!(json_files(""), GOLDEN);
}

#[test]
fn every_golden_fixture_parses_and_writes_back_unchanged() {
    let mut kinds = Vec::new();
    for name in GOLDEN {
        let callbacks = assert_body_round_trips(name, &fixture(name));
        kinds.extend(callbacks.iter().map(|c| (name, c.kind())));
    }
    let count = |kind| kinds.iter().filter(|(_, k)| *k == kind).count();
    assert_eq!(count(CallbackKind::Incoming), 12);
    assert_eq!(count(CallbackKind::Status), 2);
    assert_eq!(count(CallbackKind::LegacyIncoming), 1);
    assert_eq!(count(CallbackKind::LegacyStatus), 1);
    assert_eq!(count(CallbackKind::MessageMatcher), 1);
    assert_eq!(count(CallbackKind::MessageMatcherStatus), 1);
    assert_eq!(count(CallbackKind::TemplateCategoryChanged), 2);
    assert_eq!(count(CallbackKind::ShortLinkVisited), 2);
    assert_eq!(count(CallbackKind::UnknownEvent), 0);
    assert_eq!(count(CallbackKind::CallingSettingsStatus), 1);
}

#[test]
fn no_golden_fixture_has_a_field_the_crate_does_not_model() {
    // Every field of every example is a documented one: nothing lands in `extra`, so a
    // typo in a field name of the model would show here.
    for name in GOLDEN {
        for callback in parse_body(&fixture(name)).unwrap() {
            match &callback {
                Callback::Incoming(m) => {
                    assert!(m.extra.is_empty(), "{name}: {:?}", m.extra);
                    assert!(m.message_content.extra.is_empty(), "{name}");
                    assert!(m.subscriber.as_ref().unwrap().extra.is_empty(), "{name}");
                    assert!(m.user_info.as_ref().unwrap().extra.is_empty(), "{name}");
                }
                Callback::Status(st) => assert!(st.extra.is_empty(), "{name}"),
                Callback::LegacyIncoming(m) => assert!(m.extra.is_empty(), "{name}"),
                Callback::LegacyStatus(st) => assert!(st.extra.is_empty(), "{name}"),
                Callback::MessageMatcher(t) => {
                    assert!(t.extra.is_empty(), "{name}");
                    assert!(t.content.as_ref().unwrap().extra.is_empty(), "{name}");
                }
                Callback::MessageMatcherStatus(m) => {
                    assert!(m.extra.is_empty(), "{name}");
                    assert!(m.message_matcher.extra.is_empty(), "{name}");
                }
                Callback::TemplateCategoryChanged(e) => {
                    assert!(e.extra.is_empty() && e.payload.extra.is_empty(), "{name}")
                }
                Callback::ShortLinkVisited(e) => {
                    assert!(e.extra.is_empty() && e.payload.extra.is_empty(), "{name}")
                }
                Callback::CallingSettingsStatus(s) => {
                    assert!(s.extra.is_empty(), "{name}");
                    let calling = s.calling.as_ref().unwrap();
                    assert!(calling.extra.is_empty(), "{name}");
                    assert!(
                        calling.call_hours.as_ref().unwrap().extra.is_empty(),
                        "{name}"
                    );
                    assert!(calling.sip.as_ref().unwrap().extra.is_empty(), "{name}");
                }
                other => panic!("{name}: unexpected kind {:?}", other.kind()),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The English page "Receiving messages" (pulse-incoming-messages.en.txt).

#[test]
fn pulse_incoming_text_en() {
    let m = golden_incoming("pulse-incoming-text.en.json");
    let expected = message(
        Head {
            id: 101,
            subject: "test_subject_WA",
            subject_id: 234,
            subscriber: (202, "79000000000"),
            user: "alex",
        },
        MessageContent::new(ContentType::Text).with_text("Thank you for your help"),
        utc(datetime!(2022-04-29 15:30:08 UTC)),
    );
    assert_eq!(m, expected);
    assert_eq!(m.received_at.get().unix_timestamp(), 1_651_246_208);
}

#[test]
fn pulse_incoming_list_picker_en() {
    let m = golden_incoming("pulse-incoming-list-picker.en.json");
    let expected = message(
        Head {
            id: 102,
            subject: "test_subject_WA",
            subject_id: 234,
            subscriber: (202, "79000000000"),
            user: "alex",
        },
        MessageContent::new(ContentType::ListPicker).with_items([Item::new(text("01"), "item 1")]),
        utc(datetime!(2022-04-29 15:27:40 UTC)),
    );
    assert_eq!(m, expected);
    // "01" is kept as the string it came as, and still reads as the documented integer.
    let identifier = m.message_content.items.unwrap()[0]
        .identifier
        .clone()
        .unwrap();
    assert_eq!(identifier.as_text(), Some("01"));
    assert_eq!(identifier.as_i64(), Some(1));
}

#[test]
fn pulse_incoming_product_en() {
    let m = golden_incoming("pulse-incoming-product.en.json");
    let expected = message(
        Head {
            id: 803101,
            subject: "test_subject_WA",
            subject_id: 47610,
            subscriber: (4633047, "79997776655"),
            user: "John Smith",
        },
        MessageContent::new(ContentType::Product)
            .with_text("Hello")
            .with_product(
                Product::default()
                    .with_id(text("321"))
                    .with_catalog_id(text("123")),
            ),
        // Written "2024-08-05T08: 24: 14Z" on the page.
        utc(datetime!(2024-08-05 08:24:14 UTC)),
    );
    assert_eq!(m, expected);
    assert_eq!(m.received_at.to_string(), "2024-08-05T08:24:14Z");
}

fn order(currency: &str) -> Order {
    Order::new(
        text("1022121105031922"),
        [OrderProduct::new(
            text("111222"),
            Numeric::from(2),
            Numeric::from(5),
            currency,
        )],
    )
}

#[test]
fn pulse_incoming_order_en() {
    let m = golden_incoming("pulse-incoming-order.en.json");
    let expected = message(
        Head {
            id: 804201,
            subject: "test_subject_WA",
            subject_id: 47610,
            subscriber: (4633047, "79997776655"),
            user: "John Smith",
        },
        MessageContent::new(ContentType::Order).with_order(order("USD")),
        utc(datetime!(2024-08-05 12:44:22 UTC)),
    );
    assert_eq!(m, expected);
    let line = &m.message_content.order.unwrap().products.unwrap()[0];
    assert_eq!(line.quantity.as_ref().unwrap().as_i64(), Some(2));
    assert_eq!(line.price.as_ref().unwrap().as_f64(), Some(5.0));
    // Written back as the integer 5, not 5.0.
    assert_eq!(serde_json::to_string(&line.price).unwrap(), "5");
}

fn referral() -> Referral {
    Referral::default()
        .with_body("This is a great product")
        .with_headline("Our new product")
        .with_source_id(text("123"))
        .with_source_type(ReferralSourceType::Ad)
        .with_source_url("https://www.fb.com")
}

#[test]
fn pulse_incoming_referral_en() {
    let m = golden_incoming("pulse-incoming-referral.en.json");
    let expected = message(
        Head {
            id: 115611,
            subject: "test_WA",
            subject_id: 195,
            subscriber: (1111111, "35000000000"),
            user: "Anna",
        },
        MessageContent::new(ContentType::Text)
            .with_referral(referral())
            .with_text("text for test"),
        utc(datetime!(2024-01-11 11:20:00 UTC)),
    );
    assert_eq!(m, expected);
}

// ---------------------------------------------------------------------------------------
// The Russian page "Получение сообщений" (pulse-incoming-messages.ru.txt).

#[test]
fn pulse_incoming_text_ru() {
    let m = golden_incoming("pulse-incoming-text.ru.json");
    let mut expected = message(
        Head {
            id: 101,
            subject: "test_subject_WA",
            subject_id: 345,
            subscriber: (202, "79000000000"),
            user: "alex",
        },
        MessageContent::new(ContentType::Text).with_text("Спасибо за помощь"),
        utc(datetime!(2022-04-29 15:30:08 UTC)),
    );
    expected.reply_out_message_id = Some(num(5043874));
    // Documented as long, shown as a UUID: kept as the string.
    expected.reply_out_message_external_request_id =
        Some(text("2c2dd5f1-5ad8-449d-9c38-b6bdf288f1e5"));
    assert_eq!(m, expected);
}

#[test]
fn pulse_incoming_list_picker_ru() {
    let m = golden_incoming("pulse-incoming-list-picker.ru.json");
    let mut expected = message(
        Head {
            id: 102,
            subject: "test_subject_WA",
            subject_id: 345,
            subscriber: (202, "79000000000"),
            user: "alex",
        },
        MessageContent::new(ContentType::ListPicker).with_items([Item::new(text("01"), "item 1")]),
        utc(datetime!(2022-04-29 15:27:40 UTC)),
    );
    expected.reply_in_message_id = Some(num(537701));
    assert_eq!(m, expected);
}

#[test]
fn pulse_incoming_product_ru() {
    let m = golden_incoming("pulse-incoming-product.ru.json");
    let expected = message(
        Head {
            id: 803101,
            subject: "test_subject_WA",
            subject_id: 47610,
            subscriber: (4633047, "79997776655"),
            user: "Иван Иванов",
        },
        MessageContent::new(ContentType::Product)
            .with_text("Hello")
            .with_product(
                Product::default()
                    .with_id(text("321"))
                    .with_catalog_id(text("123")),
            ),
        utc(datetime!(2024-08-05 08:24:14 UTC)),
    );
    assert_eq!(m, expected);
}

#[test]
fn pulse_incoming_order_ru() {
    let m = golden_incoming("pulse-incoming-order.ru.json");
    let expected = message(
        Head {
            id: 804201,
            subject: "test_subject_WA",
            subject_id: 47610,
            subscriber: (4633047, "79997776655"),
            user: "Иван Иванов",
        },
        MessageContent::new(ContentType::Order).with_order(order("RUB")),
        utc(datetime!(2024-08-05 12:44:22 UTC)),
    );
    assert_eq!(m, expected);
}

#[test]
fn pulse_incoming_referral_ru() {
    let m = golden_incoming("pulse-incoming-referral.ru.json");
    let expected = message(
        Head {
            id: 115611,
            subject: "test_WA",
            subject_id: 195,
            // The English page shows 35000000000 here.
            subscriber: (1111111, "79000000000"),
            user: "Anna",
        },
        MessageContent::new(ContentType::Text)
            .with_referral(referral())
            .with_text("text for test"),
        utc(datetime!(2024-01-11 11:20:00 UTC)),
    );
    assert_eq!(m, expected);
}

fn flow_message(text_json: &str) -> IncomingMessage {
    message(
        Head {
            id: 101,
            subject: "test_subject_WA",
            subject_id: 50520,
            subscriber: (4633047, "79997776655"),
            user: "Иван Иванов",
        },
        MessageContent::new(ContentType::Flow).with_text(text_json),
        utc(datetime!(2025-03-25 12:12:12 UTC)),
    )
}

#[test]
fn pulse_incoming_flow_token_ru_is_an_array_of_one() {
    let name = "pulse-incoming-flow-token.ru.json";
    let body = fixture(name);
    assert_eq!(body.first(), Some(&b'['));
    let m = golden_incoming(name);
    assert_eq!(m, flow_message(r#"{"flow_token":"example"}"#));
    assert_eq!(
        m.flow_reply().unwrap(),
        FlowReply {
            flow_token: s("example"),
            fields: Map::new(),
        }
    );
}

#[test]
fn pulse_incoming_flow_form_ru_is_an_array_of_one() {
    let name = "pulse-incoming-flow-form.ru.json";
    let body = fixture(name);
    assert_eq!(body.first(), Some(&b'['));
    let m = golden_incoming(name);
    assert_eq!(
        m,
        flow_message(
            r#"{"screen_0_Name_0":"Ivan","screen_0_Order_number_1":"6","screen_0_Choose_a_topic_2":"0_order","flow_token":"example"}"#
        )
    );
    let reply = m.message_content.flow_reply().unwrap();
    assert_eq!(reply.flow_token.as_deref(), Some("example"));
    let expected_fields = json!({
        "screen_0_Name_0": "Ivan",
        "screen_0_Order_number_1": "6",
        "screen_0_Choose_a_topic_2": "0_order",
    });
    assert_eq!(Value::Object(reply.fields.clone()), expected_fields);
    assert_eq!(reply.field_str("screen_0_Order_number_1"), Some("6"));
    assert_eq!(
        reply.field_str("flow_token"),
        None,
        "the token is not a field"
    );

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Form {
        flow_token: String,
        #[serde(rename = "screen_0_Name_0")]
        name: String,
        #[serde(rename = "screen_0_Choose_a_topic_2")]
        topic: String,
    }
    assert_eq!(
        m.message_content.flow_reply_as::<Form>().unwrap(),
        Form {
            flow_token: "example".into(),
            name: "Ivan".into(),
            topic: "0_order".into(),
        }
    );
    // A form type the text does not fit: the error is a Flow error on messageContent.text.
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Wrong {
        rating: u8,
    }
    let err = m.message_content.flow_reply_as::<Wrong>().unwrap_err();
    assert!(matches!(err, Error::Flow { .. }), "{err:?}");
    assert_eq!(err.path(), "messageContent.text");
    assert!(err.message().contains("`rating`"), "{err}");
}

// ---------------------------------------------------------------------------------------
// "Receiving Message Statuses" (pulse-status-callbacks.en.txt), completed with its braces.

#[test]
fn pulse_status_read_en() {
    let name = "pulse-status-read.en.json";
    let body = fixture(name);
    let callbacks = assert_body_round_trips(name, &body);
    assert_eq!(callbacks.len(), 1);
    let st = callbacks[0].as_status().unwrap();
    let expected = StatusCallback::new(
        text("test-00135"),
        Status::Read,
        utc(datetime!(2023-10-31 11:07:56 UTC)),
    )
    .with_cascade_id(num(11))
    .with_cascade_stage_uuid("001-test001")
    .with_subject("test_subject")
    .with_subject_id(num(2))
    .with_payment_data(PaymentData::WhatsAppConversation(
        WhatsAppConversationPaymentData::new(text("test0001"), ConversationType::Marketing, true),
    ));
    assert_eq!(st, &expected);
    assert_eq!(
        st.payment_data.as_ref().unwrap().kind(),
        PaymentDataKind::WhatsAppConversation
    );
    assert_eq!(parse_as::<StatusCallback>(&body).unwrap(), expected);
    let written = serde_json::to_value(st).unwrap();
    assert_eq!(written["status"], "READ");
    assert_eq!(written["statusAt"], "2023-10-31T11:07:56Z");
    assert_eq!(
        written["paymentData"]["@type"],
        "WhatsAppConversationPaymentData"
    );
    assert_eq!(written["paymentData"]["conversationType"], "marketing");
}

// ---------------------------------------------------------------------------------------
// "Callback Functions" (legacy-sme-callbacks.en.txt).

#[test]
fn legacy_status_en() {
    let name = "legacy-status.en.json";
    let body = fixture(name);
    let callbacks = assert_body_round_trips(name, &body);
    assert_eq!(callbacks.len(), 1);
    let st = callbacks[0].as_legacy_status().unwrap();
    let expected = LegacyStatusCallback::new(
        text("test-001"),
        Status::Read,
        utc(datetime!(2020-01-10 19:03:52.355 +3)),
    );
    assert_eq!(st, &expected);
    assert_eq!(parse_as::<LegacyStatusCallback>(&body).unwrap(), expected);
    // The exact instant, and the offset it was written in.
    assert_eq!(
        st.dlv_status_at.get(),
        datetime!(2020-01-10 16:03:52.355 UTC)
    );
    assert_eq!(st.dlv_status_at.get().offset(), offset!(+3));
    assert_eq!(st.reserve_sms_status(), None);
    let written = serde_json::to_value(st).unwrap();
    assert_eq!(written["dlvStatus"], "read");
    assert_eq!(written["dlvStatusAt"], "2020-01-10T19:03:52.355+03:00");
}

#[test]
fn legacy_incoming_en() {
    let name = "legacy-incoming.en.json";
    let body = fixture(name);
    let callbacks = assert_body_round_trips(name, &body);
    assert_eq!(callbacks.len(), 1);
    let m = callbacks[0].as_legacy_incoming().unwrap();
    let expected = LegacyIncomingMessage::text(
        num(43407125),
        "Hello edna",
        utc(datetime!(2021-10-20 08:42:51.354 UTC)),
    )
    .with_im_subject("subject")
    .with_address(text("79XXXXXXXXX"))
    .with_im_type(edna_callbacks::Channel::Whatsapp)
    .with_user_name("Joe")
    .with_api_key_id(num(121))
    .with_history_messages([edna_callbacks::Kept::from(Value::Null)])
    .with_im_subject_id(num(864));
    assert_eq!(m, &expected);
    assert_eq!(parse_as::<LegacyIncomingMessage>(&body).unwrap(), expected);
    assert_eq!(m.received_at.get().offset(), offset!(UTC));
    let written = serde_json::to_value(m).unwrap();
    assert_eq!(written["imType"], "whatsapp");
    assert_eq!(written["contentType"], "text");
    assert_eq!(written["historyMessages"], json!([null]));
    // `payload` is documented but absent from the example: written as null.
    assert_eq!(written["payload"], Value::Null);
}

// ---------------------------------------------------------------------------------------
// The comparator itself (tests/common/mod.rs).

#[test]
fn comparator_accepts_what_round_trips() {
    let original = json!({
        "a": null,
        "t": "2024-08-05T08: 24: 14Z",
        "n": 5,
        "list": [{"x": "01"}],
    });
    let written = json!({
        "t": "2024-08-05T11:24:14+03:00",
        "n": 5,
        "list": [{"x": "01", "y": null}],
        "b": null,
    });
    assert_eq!(differences(&original, &written), Vec::<String>::new());
}

#[test]
fn comparator_detects_a_changed_value() {
    let original = json!({"messageContent": {"text": "Hello"}});
    let written = json!({"messageContent": {"text": "Hallo"}});
    assert_eq!(
        differences(&original, &written),
        [r#"messageContent.text: "Hello" written as "Hallo""#]
    );
}

#[test]
fn comparator_detects_a_string_written_as_a_number() {
    let original = json!({"messageContent": {"items": [{"identifier": "01"}]}});
    let written = json!({"messageContent": {"items": [{"identifier": 1}]}});
    assert_eq!(
        differences(&original, &written),
        [r#"messageContent.items[0].identifier: "01" written as 1"#]
    );
}

#[test]
fn comparator_detects_a_dropped_field() {
    let original = json!({"id": 101, "custom": {"k": 1}});
    let written = json!({"id": 101});
    assert_eq!(
        differences(&original, &written),
        [r#"custom: {"k":1} written as null"#]
    );
}

#[test]
fn comparator_detects_an_integer_written_as_a_float() {
    let original: Value = serde_json::from_str(r#"{"price": 5}"#).unwrap();
    let written: Value = serde_json::from_str(r#"{"price": 5.0}"#).unwrap();
    assert_eq!(
        differences(&original, &written),
        ["price: 5 written as 5.0"]
    );
}

#[test]
fn comparator_detects_a_different_instant_and_array_changes() {
    let original = json!([{"receivedAt": "2024-08-05T08:24:14Z"}, 1]);
    let written = json!([{"receivedAt": "2024-08-05T08:24:14+03:00"}, 1, 2]);
    assert_eq!(
        differences(&original, &written),
        [".: array of 2 elements written as 3 elements"]
    );
    let written = json!([{"receivedAt": "2024-08-05T08:24:14+03:00"}, 1]);
    assert_eq!(
        differences(&original, &written),
        [r#"[0].receivedAt: "2024-08-05T08:24:14Z" written as "2024-08-05T08:24:14+03:00""#]
    );
    // A timestamp is never equal to a string that is not one.
    let written = json!([{"receivedAt": "yesterday"}, 1]);
    assert_eq!(differences(&original, &written).len(), 1);
}
