//! The edge-case fixtures of `fixtures/edge/` (every file but the `bad-*` ones must parse
//! and write back unchanged; the `bad-*` ones must be refused, see also `tests/errors.rs`),
//! the tolerant timestamps, unknown fields kept on every object level, and (issue #15) the
//! bodies that used to be refused for an odd optional detail or for having no kind's
//! marker, now read with their values and what was not understood.

mod common;

use common::{assert_body_round_trips, assert_round_trip, fixture, json_files, parse_fixture};
use edna_callbacks::{
    parse_as, parse_body, Callback, CallbackKind, Channel, ContentType, ConversationType,
    ErrorCode, Id, IncomingMessage, LegacyIncomingMessage, LegacyStatusCallback, Numeric,
    PaymentData, PaymentDataKind, PaymentType, ReferralSourceType, Status, StatusCallback,
    Timestamp, Unfamiliar, Unrecognized,
};
use serde_json::{json, Map, Value};
use time::macros::{datetime, offset};
use time::{OffsetDateTime, UtcOffset};

fn text(s: &str) -> Id {
    Id::Text(s.to_owned())
}

fn obj(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

fn float(v: f64) -> Numeric {
    Numeric::Number(serde_json::Number::from_f64(v).unwrap())
}

fn incoming(c: &Callback) -> &IncomingMessage {
    c.as_incoming()
        .unwrap_or_else(|| panic!("expected an incoming message, got {:?}", c.kind()))
}

fn status(c: &Callback) -> &StatusCallback {
    c.as_status()
        .unwrap_or_else(|| panic!("expected a status, got {:?}", c.kind()))
}

/// The one callback of an edge fixture that is an object.
fn one(name: &str) -> Callback {
    let mut all = parse_fixture(&format!("edge/{name}"));
    assert_eq!(all.len(), 1, "{name}");
    all.remove(0)
}

// ---------------------------------------------------------------------------------------
// The folder as a whole.

#[test]
fn every_edge_file_parses_and_round_trips_or_is_bad_and_refused() {
    let names = json_files("edge");
    let (bad, good): (Vec<&String>, Vec<&String>) =
        names.iter().partition(|n| n.starts_with("bad-"));
    assert!(bad.len() >= 20, "{bad:?}");
    assert!(good.len() >= 15, "{good:?}");
    for name in good {
        assert_body_round_trips(name, &fixture(&format!("edge/{name}")));
    }
    for name in bad {
        let body = fixture(&format!("edge/{name}"));
        match parse_body(&body) {
            Ok(callbacks) => panic!("{name} must be refused, got {callbacks:?}"),
            Err(e) => assert!(!e.message().is_empty(), "{name}: {e:?}"),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Pulse statuses.

#[test]
fn status_with_unknown_values_keeps_them() {
    let c = one("status-unknown-values.json");
    let st = status(&c);
    assert_eq!(st.request_id, None);
    assert_eq!(st.message_id, Some(Id::Number(5004321)));
    assert_eq!(st.cascade_id, Some(Id::Number(11)));
    assert_eq!(st.cascade_stage_uuid, None);
    assert_eq!(st.status, Status::Unknown("PENDING_MODERATION".into()));
    assert_eq!(
        st.status_at,
        Timestamp::new(datetime!(2023-10-31 11:07:56 UTC))
    );
    assert_eq!(
        st.error,
        Some(ErrorCode::Unknown("error-brand-new-code".into()))
    );
    assert_eq!(st.comment.as_deref(), Some("routed to bot #2"));
    let Some(PaymentData::WhatsAppConversation(pd)) = &st.payment_data else {
        panic!("{:?}", st.payment_data);
    };
    assert_eq!(pd.conversation_id, Some(text("test0002")));
    assert_eq!(
        pd.conversation_type,
        Some(ConversationType::Unknown("referral_conversion".into()))
    );
    assert_eq!(pd.chargeable, Some(false));
    assert_eq!(
        pd.payment_type,
        Some(PaymentType::Unknown("WHATSAPP_CONVERSATION_V2".into()))
    );
    let written = serde_json::to_value(st).unwrap();
    assert_eq!(written["status"], "PENDING_MODERATION");
    assert_eq!(written["error"], "error-brand-new-code");
}

#[test]
fn status_keeps_unknown_fields_at_the_root_and_in_payment_data() {
    let c = one("status-unknown-fields.json");
    let st = status(&c);
    assert_eq!(st.status, Status::Delivered);
    assert_eq!(st.error, Some(ErrorCode::Ok));
    assert_eq!(st.status_at.get(), datetime!(2023-10-31 11:07:50 UTC));
    assert_eq!(
        st.extra,
        obj(json!({
            "channelType": "WHATSAPP",
            "trafficType": null,
            "segments": [1, 2.5, "three", null, true, { "nested": [] }],
            "deliveredToHandset": true,
        }))
    );
    let Some(PaymentData::WhatsAppConversation(pd)) = &st.payment_data else {
        panic!("{:?}", st.payment_data);
    };
    assert_eq!(pd.conversation_type, Some(ConversationType::Utility));
    assert_eq!(pd.payment_type, Some(PaymentType::WhatsAppConversation));
    assert_eq!(
        pd.extra,
        obj(json!({
            "pricingModel": "PMP",
            "tariff": { "currency": "EUR", "amount": 0.0107 },
        }))
    );
    let written = serde_json::to_value(st).unwrap();
    assert_eq!(written["paymentData"]["tariff"]["amount"], json!(0.0107));
    assert_eq!(written["paymentData"]["type"], "WHATSAPP_CONVERSATION");
    assert_eq!(written["trafficType"], Value::Null);
}

#[test]
fn payment_data_with_an_unknown_type_is_kept_whole() {
    let c = one("status-payment-data-unknown-type.json");
    let st = status(&c);
    let expected = obj(json!({
        "@type": "ViberSessionPaymentData",
        "sessionId": "vb-000042",
        "chargeable": "partly",
        "price": 0.0051,
        "breakdown": [ { "kind": "session", "amount": 1 }, null ],
    }));
    assert_eq!(
        st.payment_data,
        Some(PaymentData::Unknown(expected.clone().into()))
    );
    let pd = st.payment_data.as_ref().unwrap();
    assert_eq!(
        pd.kind(),
        PaymentDataKind::Unknown("ViberSessionPaymentData".into())
    );
    assert_eq!(
        serde_json::to_value(st).unwrap()["paymentData"],
        Value::Object(expected)
    );
}

#[test]
fn payment_data_absent_null_or_without_type() {
    let all = parse_fixture("edge/status-payment-data-absent-null-empty.json");
    let ids: Vec<_> = all.iter().map(|c| status(c).request_id.clone()).collect();
    assert_eq!(
        ids,
        [
            Some(text("pd-absent")),
            Some(text("pd-null")),
            Some(text("pd-empty"))
        ]
    );
    assert_eq!(status(&all[0]).payment_data, None);
    assert_eq!(status(&all[1]).payment_data, None);
    let empty = status(&all[2]).payment_data.as_ref().unwrap();
    assert_eq!(empty, &PaymentData::Unknown(Map::new().into()));
    assert_eq!(empty.kind(), PaymentDataKind::Unknown(String::new()));
    assert!(all.iter().all(|c| status(c).status == Status::Sent));
    assert_eq!(
        status(&all[2]).status_at.get(),
        datetime!(2023-10-31 11:07:02 UTC)
    );
}

#[test]
fn status_keys_in_any_order() {
    let c = one("status-key-order.json");
    let st = status(&c);
    assert_eq!(st.request_id, Some(text("test-00138")));
    assert_eq!(st.subject.as_deref(), Some("test_subject"));
    assert_eq!(st.subject_id, Some(Id::Number(2)));
    assert_eq!(st.status, Status::Read);
    assert_eq!(st.extra, obj(json!({ "futureField": { "kept": true } })));
    let Some(PaymentData::WhatsAppConversation(pd)) = &st.payment_data else {
        panic!(
            "`@type` given last must still select the type: {:?}",
            st.payment_data
        );
    };
    assert_eq!(pd.conversation_id, Some(text("test0003")));
    assert_eq!(pd.conversation_type, Some(ConversationType::Service));
    assert_eq!(pd.chargeable, Some(true));
    assert!(pd.extra.is_empty(), "{:?}", pd.extra);
    // Written back in the documented order, `@type` first.
    let written = serde_json::to_string(st).unwrap();
    assert!(
        written.contains(
            r#""paymentData":{"@type":"WhatsAppConversationPaymentData","conversationId":"test0003""#
        ),
        "{written}"
    );
    assert!(
        written.starts_with(r#"{"requestId":"test-00138""#),
        "{written}"
    );
}

/// Each element of `status-odd-timestamps.json`: the instant, the offset kept, and how it
/// is written back.
const ODD_TIMESTAMPS: [(&str, OffsetDateTime, UtcOffset, &str); 21] = [
    (
        "ts-01",
        datetime!(2023-10-31 11:07:56 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56Z",
    ),
    (
        "ts-02",
        datetime!(2023-10-31 11:07:56 UTC),
        offset!(+3),
        "2023-10-31T14:07:56+03:00",
    ),
    (
        "ts-03",
        datetime!(2023-10-31 11:07:56 UTC),
        offset!(+3),
        "2023-10-31T14:07:56+03:00",
    ),
    (
        "ts-04",
        datetime!(2023-10-31 11:07:56 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56Z",
    ),
    (
        "ts-05",
        datetime!(2023-10-31 11:07:56 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56Z",
    ),
    (
        "ts-06",
        datetime!(2023-10-31 11:07:56 UTC),
        offset!(-5),
        "2023-10-31T06:07:56-05:00",
    ),
    (
        "ts-07",
        datetime!(2023-10-31 11:07:56 UTC),
        offset!(-5:30),
        "2023-10-31T05:37:56-05:30",
    ),
    (
        "ts-08",
        datetime!(2023-10-31 11:07:56 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56Z",
    ),
    (
        "ts-09",
        datetime!(2023-10-31 11:07:56 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56Z",
    ),
    (
        "ts-10",
        datetime!(2023-10-31 11:07:56.1 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56.1Z",
    ),
    (
        "ts-11",
        datetime!(2023-10-31 11:07:56.12 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56.12Z",
    ),
    (
        "ts-12",
        datetime!(2023-10-31 11:07:56.123 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56.123Z",
    ),
    (
        "ts-13",
        datetime!(2023-10-31 11:07:56.1234 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56.1234Z",
    ),
    (
        "ts-14",
        datetime!(2023-10-31 11:07:56.12345 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56.12345Z",
    ),
    (
        "ts-15",
        datetime!(2023-10-31 11:07:56.123456 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56.123456Z",
    ),
    (
        "ts-16",
        datetime!(2023-10-31 11:07:56.1234567 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56.1234567Z",
    ),
    (
        "ts-17",
        datetime!(2023-10-31 11:07:56.12345678 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56.12345678Z",
    ),
    (
        "ts-18",
        datetime!(2023-10-31 11:07:56.123456789 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56.123456789Z",
    ),
    (
        "ts-19",
        datetime!(2023-10-31 11:07:56 UTC),
        offset!(UTC),
        "2023-10-31T11:07:56Z",
    ),
    (
        "ts-20",
        datetime!(2024-02-29 09:59:59.999999999 UTC),
        offset!(+14),
        "2024-02-29T23:59:59.999999999+14:00",
    ),
    (
        "ts-21",
        datetime!(2024-08-05 05:24:14.5 UTC),
        offset!(+3),
        "2024-08-05T08:24:14.5+03:00",
    ),
];

#[test]
fn odd_timestamps_are_read_as_the_right_instant_and_keep_their_offset() {
    let all = parse_fixture("edge/status-odd-timestamps.json");
    assert_eq!(all.len(), ODD_TIMESTAMPS.len());
    for (c, (id, instant, offset, written)) in all.iter().zip(ODD_TIMESTAMPS) {
        let st = status(c);
        assert_eq!(st.request_id, Some(text(id)));
        assert_eq!(st.status_at.get(), instant, "{id}");
        assert_eq!(st.status_at.get().offset(), offset, "{id}");
        assert_eq!(st.status_at.to_string(), written, "{id}");
        assert_eq!(
            serde_json::to_value(st).unwrap()["statusAt"],
            written,
            "{id}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Tolerant timestamps, in every field that holds one.

/// Every form edna writes, with the instant it names.
fn timestamp_forms() -> Vec<(String, OffsetDateTime)> {
    let mut forms: Vec<(String, OffsetDateTime)> = vec![
        (
            "2023-10-31T11:07:56Z".into(),
            datetime!(2023-10-31 11:07:56 UTC),
        ),
        (
            "2023-10-31T14:07:56+03:00".into(),
            datetime!(2023-10-31 11:07:56 UTC),
        ),
        (
            "2023-10-31T14:07:56+0300".into(),
            datetime!(2023-10-31 11:07:56 UTC),
        ),
        (
            "2023-10-31T11:07:56+0000".into(),
            datetime!(2023-10-31 11:07:56 UTC),
        ),
        (
            "2023-10-31T11:07:56-0000".into(),
            datetime!(2023-10-31 11:07:56 UTC),
        ),
        (
            "2023-10-31T06:07:56-05:00".into(),
            datetime!(2023-10-31 11:07:56 UTC),
        ),
        (
            "2023-10-31t11:07:56z".into(),
            datetime!(2023-10-31 11:07:56 UTC),
        ),
        // The product example of both incoming pages.
        (
            "2024-08-05T08: 24: 14Z".into(),
            datetime!(2024-08-05 08:24:14 UTC),
        ),
        (
            "2024-08-05T08:  24:   14Z".into(),
            datetime!(2024-08-05 08:24:14 UTC),
        ),
        // The legacy page.
        (
            "2020-01-10T19:03:52.355+0300".into(),
            datetime!(2020-01-10 16:03:52.355 UTC),
        ),
        (
            "2021-10-20T08:42:51.354+0000".into(),
            datetime!(2021-10-20 08:42:51.354 UTC),
        ),
        (
            "2020-01-29T13:05:07.000+0300".into(),
            datetime!(2020-01-29 10:05:07 UTC),
        ),
        // The Pulse status page's own example of the format.
        (
            "2021-01-21T08:00:00Z".into(),
            datetime!(2021-01-21 08:00:00 UTC),
        ),
    ];
    // 0 to 9 fractional digits.
    let digits = "123456789";
    for n in 0..=9 {
        let fraction = if n == 0 {
            String::new()
        } else {
            format!(".{}", &digits[..n])
        };
        let nanos: u32 = format!("{:0<9}", &digits[..n]).parse().unwrap();
        let instant = datetime!(2023-10-31 11:07:56 UTC)
            .replace_nanosecond(nanos)
            .unwrap();
        forms.push((format!("2023-10-31T11:07:56{fraction}Z"), instant));
        forms.push((format!("2023-10-31T14:07:56{fraction}+0300"), instant));
    }
    forms
}

#[test]
fn timestamp_parse_reads_every_form() {
    for (input, instant) in timestamp_forms() {
        let t = Timestamp::parse(&input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(t.get(), instant, "{input:?}");
        // What is written reads back as the same instant and offset.
        let again = Timestamp::parse(&t.to_string()).unwrap();
        assert_eq!(again, t, "{input:?}");
        assert_eq!(again.get().offset(), t.get().offset(), "{input:?}");
    }
}

#[test]
fn every_timestamp_field_reads_every_form() {
    for (input, instant) in timestamp_forms() {
        let status: StatusCallback =
            parse_as(format!(r#"{{"status":"READ","statusAt":"{input}"}}"#).as_bytes()).unwrap();
        assert_eq!(status.status_at.get(), instant, "statusAt {input:?}");

        let message: IncomingMessage = parse_as(
            format!(r#"{{"id":1,"messageContent":{{"type":"TEXT"}},"receivedAt":"{input}"}}"#)
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(message.received_at.get(), instant, "receivedAt {input:?}");

        let legacy: LegacyStatusCallback = parse_as(
            format!(r#"{{"imOutMessageId":"a","dlvStatus":"read","dlvStatusAt":"{input}"}}"#)
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(legacy.dlv_status_at.get(), instant, "dlvStatusAt {input:?}");

        let legacy_in: LegacyIncomingMessage = parse_as(
            format!(r#"{{"id":1,"imType":"whatsapp","receivedAt":"{input}"}}"#).as_bytes(),
        )
        .unwrap();
        assert_eq!(
            legacy_in.received_at.get(),
            instant,
            "legacy receivedAt {input:?}"
        );
    }
}

#[test]
fn timestamps_compare_as_instants() {
    let a = Timestamp::parse("2020-01-10T19:03:52.355+0300").unwrap();
    let b = Timestamp::parse("2020-01-10T16:03:52.355Z").unwrap();
    assert_eq!(a, b);
    assert_ne!(a.to_string(), b.to_string());
    assert_ne!(a, Timestamp::parse("2020-01-10T19:03:52.355Z").unwrap());
}

// ---------------------------------------------------------------------------------------
// Legacy statuses.

#[test]
fn legacy_status_variants() {
    let all = parse_fixture("edge/legacy-status-variants.json");
    let st: Vec<&LegacyStatusCallback> = all
        .iter()
        .map(|c| c.as_legacy_status().expect("a legacy status"))
        .collect();
    assert_eq!(st.len(), 3);

    assert_eq!(st[0].im_out_message_id, Some(Id::Number(1001)));
    assert_eq!(st[0].dlv_status, Status::Delivered);
    assert_eq!(st[0].dlv_status_at.get(), datetime!(2020-01-29 13:05:07 +3));
    assert_eq!(st[0].dlv_status_at.get().offset(), offset!(+3));
    assert_eq!(st[0].dlv_error, Some(ErrorCode::Ok));
    assert_eq!(st[0].rate, Some(Numeric::from("0.35")));
    assert_eq!(st[0].reserve_sms.as_deref(), Some(&json!("delivered")));
    assert_eq!(st[0].reserve_sms_status(), Some(Status::Delivered));

    assert_eq!(st[1].im_out_message_id, Some(text("test-002")));
    assert_eq!(st[1].dlv_status, Status::NoMatchTemplate);
    assert_eq!(
        st[1].dlv_status_at.get(),
        datetime!(2020-01-10 16:03:52.355 UTC)
    );
    assert_eq!(
        st[1].dlv_error,
        Some(ErrorCode::ContentDoNotMatchHsmTemplate)
    );
    assert_eq!(st[1].rate, Some(float(0.35)));
    assert_eq!(st[1].rate.as_ref().unwrap().as_f64(), Some(0.35));

    assert_eq!(st[2].dlv_status, Status::Unknown("queued-for-retry".into()));
    assert_eq!(
        st[2].dlv_error,
        Some(ErrorCode::Unknown("error-something-new".into()))
    );
    assert_eq!(
        st[2].dlv_status_at.get(),
        datetime!(2020-01-10 16:03:52 UTC)
    );
    assert_eq!(
        st[2].reserve_sms.as_deref(),
        Some(&json!({ "status": "sent", "parts": 2 }))
    );
    assert_eq!(st[2].reserve_sms_status(), None);
    assert_eq!(st[2].extra, obj(json!({ "smsPrice": "1.20" })));

    let written = serde_json::to_value(&all).unwrap();
    assert_eq!(written[0]["dlvStatus"], "delivered");
    assert_eq!(written[1]["dlvStatus"], "no-match-template");
    assert_eq!(written[2]["dlvStatus"], "queued-for-retry");
    assert_eq!(written[0]["rate"], "0.35");
    assert_eq!(written[1]["rate"], json!(0.35));
}

// ---------------------------------------------------------------------------------------
// Pulse incoming messages.

#[test]
fn unknown_fields_are_kept_on_every_object_level() {
    let c = one("incoming-unknown-fields.json");
    let m = incoming(&c);
    assert_eq!(m.id, Id::Number(900001));
    assert_eq!(
        m.extra,
        obj(json!({ "channel": "WHATSAPP", "conversation": { "id": "c-1", "open": true } }))
    );
    let sub = m.subscriber.as_ref().unwrap();
    assert_eq!(sub.identifier, Some(text("79000000000")));
    assert_eq!(sub.extra, obj(json!({ "channelType": "WHATSAPP" })));
    let user = m.user_info.as_ref().unwrap();
    assert_eq!(
        user.avatar_url.as_deref(),
        Some("https://example.com/a.png")
    );
    assert_eq!(user.extra, obj(json!({ "locale": "ru_RU" })));

    let mc = &m.message_content;
    assert_eq!(mc.kind, ContentType::Image);
    assert_eq!(mc.caption.as_deref(), Some("look"));
    assert_eq!(
        mc.extra,
        obj(json!({ "reaction": { "emoji": "👍", "messageId": 5043874 } }))
    );
    let att = mc.attachment.as_ref().unwrap();
    assert_eq!(att.url.as_deref(), Some("https://example.com/file.jpg"));
    assert_eq!(att.name.as_deref(), Some("file.jpg"));
    assert_eq!(att.size, Some(Numeric::from("34567")));
    assert_eq!(att.size.as_ref().unwrap().as_i64(), Some(34567));
    assert_eq!(att.mime_type.as_deref(), Some("image/jpeg"));
    assert_eq!(
        att.extra,
        obj(
            json!({ "sha256": "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea" })
        )
    );
    let loc = mc.location.as_ref().unwrap();
    assert_eq!(loc.latitude, Some(float(55.7558)));
    assert_eq!(loc.longitude, Some(float(37.6173)));
    assert_eq!(loc.address.as_deref(), Some("Red Square"));
    assert_eq!(loc.extra, obj(json!({ "accuracy": 12 })));
    let referral = mc.referral.as_ref().unwrap();
    assert_eq!(referral.source_type, Some(ReferralSourceType::Post));
    assert_eq!(referral.extra, obj(json!({ "mediaType": "image" })));
    let story = mc.story.as_ref().unwrap();
    assert_eq!(story.id, Some(text("st-1")));
    assert_eq!(story.url.as_deref(), Some("https://example.com/story"));
    assert_eq!(story.extra, obj(json!({ "expired": false })));
    let items = mc.items.as_ref().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].identifier, Some(text("01")));
    assert_eq!(items[0].extra, obj(json!({ "description": "first" })));
    assert_eq!(items[1].identifier, Some(Id::Number(2)));
    assert_eq!(items[1].subtitle.as_deref(), Some("second"));
    assert_eq!(items[1].extra, obj(json!({ "rowId": "r-2" })));
    let contact = mc.contact.as_ref().unwrap();
    assert_eq!(contact.first_name.as_deref(), Some("Ivan"));
    assert_eq!(contact.last_name.as_deref(), Some("Ivanov"));
    assert_eq!(contact.phone_number.as_deref(), Some("+79000000001"));
    assert_eq!(contact.extra, obj(json!({ "email": "ivan@example.com" })));
    let product = mc.product.as_ref().unwrap();
    assert_eq!(product.id, Some(text("321")));
    assert_eq!(product.extra, obj(json!({ "retailerId": "sku-321" })));
    let catalog = mc.catalog.as_ref().unwrap();
    assert_eq!(catalog.id, Some(text("123")));
    assert_eq!(catalog.extra, obj(json!({ "name": "Spring" })));
    let order = mc.order.as_ref().unwrap();
    assert_eq!(
        order.extra,
        obj(json!({ "text": "please deliver tomorrow" }))
    );
    let line = &order.products.as_ref().unwrap()[0];
    assert_eq!(line.id, Some(text("111222")));
    assert_eq!(line.currency.as_deref(), Some("USD"));
    assert_eq!(line.extra, obj(json!({ "name": "Mug" })));

    // And each is written back where it was.
    let w = serde_json::to_value(m).unwrap();
    assert_eq!(w["conversation"]["open"], true);
    assert_eq!(w["subscriber"]["channelType"], "WHATSAPP");
    assert_eq!(w["userInfo"]["locale"], "ru_RU");
    assert_eq!(w["messageContent"]["reaction"]["emoji"], "👍");
    assert_eq!(w["messageContent"]["items"][1]["rowId"], "r-2");
    assert_eq!(w["messageContent"]["order"]["products"][0]["name"], "Mug");
    assert_eq!(w["messageContent"]["location"]["accuracy"], 12);
}

/// Adds `"zzUnknown": {...}` to every object inside `value`, the root included.
fn add_unknown_everywhere(value: &mut Value, count: &mut usize) {
    match value {
        Value::Object(map) => {
            for v in map.values_mut() {
                add_unknown_everywhere(v, count);
            }
            map.insert("zzUnknown".into(), json!({ "n": [1, "01", null, 2.5] }));
            *count += 1;
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| add_unknown_everywhere(v, count)),
        _ => {}
    }
}

#[test]
fn a_field_added_to_any_object_of_any_golden_fixture_is_kept() {
    let mut objects = 0;
    for name in json_files("") {
        let mut value: Value = serde_json::from_slice(&fixture(&name)).unwrap();
        add_unknown_everywhere(&mut value, &mut objects);
        let body = serde_json::to_vec(&value).unwrap();
        assert_body_round_trips(&name, &body);
    }
    // 15 callbacks; subscriber, userInfo and messageContent of the 12 incoming ones (36);
    // items[0] (2), product (2), order and order.products[0] (4), referral (2) and
    // paymentData (1) where the examples have them (62); and the seven bodies of edna's
    // other webhooks (24): a status and its paymentData (2); the template array's element,
    // content, attachment, header, header.attachment, footer, keyboard, rows[0] and
    // buttons[0] (9); the message-matcher body, its template, content, header and footer
    // (5); two category changes and two link clicks, each an envelope and its payload (8);
    // the calling-settings status format: the body, `calling`, `callHours`, two
    // `weeklyOperatingHours`, one `holidaySchedule`, `sip`, `servers[0]` and its
    // `requestUriUserParams` (9).
    assert_eq!(objects, 95);
}

/// `value` written with the keys of every object in reverse alphabetical order.
fn reversed_keys(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            keys.reverse();
            let members: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{}:{}", Value::String(k.clone()), reversed_keys(&map[k])))
                .collect();
            format!("{{{}}}", members.join(","))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(reversed_keys).collect();
            format!("[{}]", items.join(","))
        }
        other => other.to_string(),
    }
}

#[test]
fn golden_fixtures_parse_the_same_whatever_the_key_order() {
    for name in json_files("") {
        let original = parse_body(&fixture(&name)).unwrap();
        let value: Value = serde_json::from_slice(&fixture(&name)).unwrap();
        for body in [reversed_keys(&value), value.to_string()] {
            let reordered = parse_body(body.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(reordered, original, "{name}");
        }
    }
}

#[test]
fn ids_as_strings_where_numbers_are_documented() {
    let c = one("incoming-ids-as-strings.json");
    let m = incoming(&c);
    assert_eq!(m.id, text("803101"));
    assert_eq!(m.id.as_i64(), Some(803101));
    assert_eq!(m.subject_id, Some(text("47610")));
    let sub = m.subscriber.as_ref().unwrap();
    assert_eq!(sub.id, Some(text("4633047")));
    assert_eq!(sub.identifier, Some(text("79997776655")));
    assert_eq!(m.user_info, None);
    let items = m.message_content.items.as_ref().unwrap();
    assert_eq!(items[0].identifier, Some(text("01")));
    assert_eq!(items[1].identifier, Some(text("007")));
    assert_eq!(items[1].identifier.as_ref().unwrap().as_i64(), Some(7));
    assert_eq!(m.reply_out_message_id, Some(text("5043874")));
    assert_eq!(
        m.reply_out_message_external_request_id,
        Some(text("2c2dd5f1-5ad8-449d-9c38-b6bdf288f1e5"))
    );
    assert_eq!(
        m.reply_out_message_external_request_id
            .as_ref()
            .unwrap()
            .as_i64(),
        None
    );
    assert_eq!(m.reply_in_message_id, Some(text("537701")));
    let w = serde_json::to_value(m).unwrap();
    assert_eq!(w["id"], "803101");
    assert_eq!(w["messageContent"]["items"][0]["identifier"], "01");
    assert_eq!(w["messageContent"]["items"][1]["identifier"], "007");
}

#[test]
fn ids_as_numbers_where_strings_are_documented() {
    let c = one("incoming-ids-as-numbers.json");
    let m = incoming(&c);
    assert_eq!(m.id, Id::Number(804201));
    let sub = m.subscriber.as_ref().unwrap();
    assert_eq!(sub.identifier, Some(Id::Number(79997776655)));
    let mc = &m.message_content;
    assert_eq!(mc.kind, ContentType::Order);
    assert_eq!(
        mc.items.as_ref().unwrap()[0].identifier,
        Some(Id::Number(2))
    );
    let product = mc.product.as_ref().unwrap();
    assert_eq!(product.id, Some(Id::Number(321)));
    assert_eq!(product.catalog_id, Some(Id::Number(123)));
    let order = mc.order.as_ref().unwrap();
    assert_eq!(order.catalog_id, Some(Id::Number(1022121105031922)));
    let line = &order.products.as_ref().unwrap()[0];
    assert_eq!(line.id, Some(Id::Number(111222)));
    assert_eq!(line.quantity, Some(Numeric::from("2")));
    assert_eq!(line.price, Some(Numeric::from("5.50")));
    assert_eq!(line.price.as_ref().unwrap().as_f64(), Some(5.5));
    let referral = mc.referral.as_ref().unwrap();
    assert_eq!(referral.source_id, Some(Id::Number(123)));
    assert_eq!(referral.source_type, Some(ReferralSourceType::Ad));
    assert_eq!(m.reply_out_message_id, Some(Id::Number(5043874)));
    assert_eq!(
        m.reply_out_message_external_request_id,
        Some(Id::Number(5043875))
    );
    assert_eq!(m.reply_in_message_id, Some(Id::Number(537701)));
    let w = serde_json::to_value(m).unwrap();
    assert_eq!(w["messageContent"]["items"][0]["identifier"], 2);
    assert_eq!(w["messageContent"]["order"]["products"][0]["price"], "5.50");
    assert_eq!(w["replyOutMessageExternalRequestId"], 5043875);
}

#[test]
fn item_identifier_01_stays_a_string_and_2_stays_a_number() {
    let body = br#"{"id":102,"messageContent":{"type":"LIST_PICKER","items":[
        {"identifier":"01","title":"item 1"},{"identifier":2,"title":"item 2"}]},
        "receivedAt":"2022-04-29T15:27:40Z"}"#;
    let m: IncomingMessage = parse_as(body).unwrap();
    let items = m.message_content.items.as_ref().unwrap();
    assert_eq!(items[0].identifier, Some(text("01")));
    assert_eq!(items[1].identifier, Some(Id::Number(2)));
    let written = serde_json::to_string(&m.message_content.items).unwrap();
    assert!(written.contains(r#""identifier":"01""#), "{written}");
    assert!(written.contains(r#""identifier":2,"#), "{written}");
    assert_round_trip("items", body, &m);
}

#[test]
fn coordinates_as_numbers_or_strings() {
    let all = parse_fixture("edge/incoming-coordinates.json");
    let loc = |i: usize| incoming(&all[i]).message_content.location.clone().unwrap();
    // `LOCATION` is known since issue #15 (it was `Unknown("LOCATION")`).
    assert!(all
        .iter()
        .all(|c| incoming(c).message_content.kind == ContentType::Location));

    assert_eq!(loc(0).latitude, Some(float(55.7558)));
    assert_eq!(loc(0).longitude, Some(float(37.6173)));
    assert_eq!(serde_json::to_string(&loc(0).latitude).unwrap(), "55.7558");

    assert_eq!(loc(1).latitude, Some(Numeric::from("55.7558")));
    assert_eq!(loc(1).longitude, Some(Numeric::from("37.6173")));
    assert_eq!(loc(1).latitude.unwrap().as_f64(), Some(55.7558));
    assert_eq!(loc(1).address.as_deref(), Some("Moscow"));

    assert_eq!(loc(2).latitude, Some(Numeric::from(-33)));
    assert_eq!(serde_json::to_string(&loc(2).latitude).unwrap(), "-33");
    assert_eq!(loc(2).longitude, Some(Numeric::from(" 151.2093 ")));
    assert_eq!(loc(2).longitude.unwrap().as_f64(), Some(151.2093));
}

#[test]
fn flow_text_that_is_not_json_still_parses() {
    let c = one("incoming-flow-not-json.json");
    let m = incoming(&c);
    assert_eq!(m.message_content.kind, ContentType::Flow);
    assert_eq!(
        m.message_content.text.as_deref(),
        Some("screen_0_Name_0=Ivan&flow_token=example")
    );
    assert_eq!(m.received_at.get(), datetime!(2025-03-25 12:12:12 UTC));
    let err = m.flow_reply().unwrap_err();
    assert!(matches!(err, edna_callbacks::Error::Flow { .. }), "{err:?}");
    assert_eq!(err.path(), "messageContent.text");
    assert!(err.message().starts_with("the text is not JSON"), "{err}");
    assert!(
        err.to_string()
            .starts_with("invalid FLOW reply in `messageContent.text`: "),
        "{err}"
    );
    let err = m.message_content.flow_reply_as::<Value>().unwrap_err();
    assert_eq!(err.path(), "messageContent.text");
}

#[test]
fn flow_replies_with_odd_texts() {
    let all = parse_fixture("edge/incoming-flow-odd-texts.json");
    let ids: Vec<Id> = all.iter().map(|c| incoming(c).id.clone()).collect();
    assert_eq!(ids, [201, 202, 203, 204, 205].map(Id::Number));
    let errors: Vec<String> = all[..4]
        .iter()
        .map(|c| {
            let err = incoming(c).flow_reply().unwrap_err();
            assert_eq!(err.path(), "messageContent.text");
            err.message().to_owned()
        })
        .collect();
    assert_eq!(
        errors,
        [
            "at `.` in the text: invalid type: sequence, expected a map",
            "the FLOW message has no text",
            "`flow_token` is not a string",
            "the message type is TEXT, not FLOW",
        ]
    );
    let reply = incoming(&all[4]).flow_reply().unwrap();
    assert_eq!(reply.flow_token, None);
    assert_eq!(
        reply.fields,
        obj(json!({ "rating": 5, "choices": ["a", "b"], "address": { "city": "Moscow" } }))
    );
    assert_eq!(reply.field_str("rating"), None);
}

#[test]
fn unknown_content_type_and_opaque_subscriber() {
    let c = one("incoming-unknown-content-type.json");
    let m = incoming(&c);
    assert_eq!(
        m.message_content.kind,
        ContentType::Unknown("Sticker_Animated".into())
    );
    assert_eq!(
        m.subscriber.as_ref().unwrap().identifier,
        Some(text("tg-5f2b9c"))
    );
    let att = m.message_content.attachment.as_ref().unwrap();
    assert_eq!(att.size, Some(Numeric::from(10240)));
    assert_eq!(att.name, None);
    assert_eq!(m.received_at.get(), datetime!(2024-01-11 08:20:00.5 UTC));
    assert_eq!(m.received_at.get().offset(), offset!(+3));
    let w = serde_json::to_value(m).unwrap();
    assert_eq!(w["messageContent"]["type"], "Sticker_Animated");
    assert_eq!(w["receivedAt"], "2024-01-11T11:20:00.5+03:00");
}

#[test]
fn shared_keys_before_the_kind_is_known() {
    let c = one("incoming-shared-keys-first.json");
    let m = incoming(&c);
    assert_eq!(m.id, Id::Number(803101));
    assert_eq!(m.subject.as_deref(), Some("test_subject_WA"));
    assert_eq!(m.subject_id, Some(Id::Number(47610)));
    assert_eq!(m.received_at.get(), datetime!(2024-08-05 08:24:14 UTC));
    assert_eq!(m.message_content.text.as_deref(), Some("Hello"));
    assert_eq!(m.extra, obj(json!({ "extraBeforeKind": ["kept"] })));
}

#[test]
fn escaped_keys_and_strings() {
    let c = one("incoming-escapes.json");
    let m = incoming(&c);
    assert_eq!(
        m.message_content.text.as_deref(),
        Some("Tab\there, quote \" and emoji 😀, Спасибо")
    );
    assert_eq!(m.extra, obj(json!({ "name with space": "/slash" })));
}

#[test]
fn statuses_read_and_read_in_any_case_both_parse() {
    for input in ["READ", "read", "Read", "rEaD"] {
        let body =
            format!(r#"{{"requestId":"r","status":"{input}","statusAt":"2023-10-31T11:07:56Z"}}"#);
        let all = parse_body(body.as_bytes()).unwrap();
        assert_eq!(status(&all[0]).status, Status::Read, "{input}");
        let body = format!(
            r#"{{"imOutMessageId":"r","dlvStatus":"{input}","dlvStatusAt":"2020-01-10T19:03:52.355+0300"}}"#
        );
        let all = parse_body(body.as_bytes()).unwrap();
        assert_eq!(
            all[0].as_legacy_status().unwrap().dlv_status,
            Status::Read,
            "{input}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Legacy incoming messages.

#[test]
fn legacy_incoming_location() {
    let c = one("legacy-incoming-location.json");
    let m = c.as_legacy_incoming().unwrap();
    assert_eq!(m.id, Id::Number(43407126));
    // Known since issue #15 (it was `Unknown("location")`), and still written in the
    // legacy API's lower case.
    assert_eq!(m.content_type, Some(ContentType::Location));
    assert_eq!(m.im_type, Some(Channel::Whatsapp));
    assert_eq!(m.latitude, Some(Numeric::from("55.7558")));
    assert_eq!(m.longitude, Some(Numeric::from("37.6173")));
    assert_eq!(m.latitude.as_ref().unwrap().as_f64(), Some(55.7558));
    assert_eq!(m.caption.as_deref(), Some("Red Square"));
    assert_eq!(m.location_address.as_deref(), Some("Moscow, Red Square"));
    assert_eq!(m.api_key_id, Some(text("121")));
    assert_eq!(m.history_messages, Some(vec![]));
    assert_eq!(m.received_at.get(), datetime!(2021-10-20 08:42:51.354 UTC));
    let w = serde_json::to_value(m).unwrap();
    assert_eq!(w["contentType"], "location");
    assert_eq!(w["imType"], "whatsapp");
    assert_eq!(w["historyMessages"], json!([]));
}

#[test]
fn legacy_incoming_channels() {
    let all = parse_fixture("edge/legacy-incoming-channels.json");
    let m: Vec<&LegacyIncomingMessage> = all
        .iter()
        .map(|c| c.as_legacy_incoming().unwrap())
        .collect();
    assert_eq!(m[0].address, Some(Id::Number(79000000000)));
    assert_eq!(m[0].im_type, Some(Channel::Viber));
    assert_eq!(m[0].content_type, Some(ContentType::Button));
    assert_eq!(m[0].payload.as_deref(), Some("BTN_YES"));
    assert_eq!(
        m[0].history_messages
            .as_ref()
            .map(|all| all.iter().map(|m| (**m).clone()).collect()),
        Some(vec![
            Value::Null,
            json!({ "text": "earlier" }),
            json!("raw")
        ])
    );
    assert_eq!(m[0].received_at.get(), datetime!(2021-10-20 05:42:51 UTC));

    assert_eq!(m[1].id, text("43407128"));
    assert_eq!(m[1].im_type, Some(Channel::Unknown("WeChat".into())));
    assert_eq!(
        m[1].content_type,
        Some(ContentType::Unknown("Sticker".into()))
    );
    assert_eq!(m[1].longitude, Some(float(37.6173)));
    assert_eq!(m[1].latitude, Some(float(55.7558)));
    assert_eq!(m[1].api_key_id, Some(Id::Number(121)));
    assert_eq!(m[1].received_at.get(), datetime!(2021-10-20 08:42:52.1 UTC));
    assert_eq!(m[1].extra, obj(json!({ "platformVersion": "2.1" })));

    let w = serde_json::to_value(&all).unwrap();
    assert_eq!(w[0]["imType"], "viber");
    assert_eq!(w[0]["contentType"], "button");
    assert_eq!(w[1]["imType"], "WeChat");
    assert_eq!(w[1]["contentType"], "Sticker");
}

// ---------------------------------------------------------------------------------------
// Arrays.

#[test]
fn an_array_of_mixed_kinds() {
    let all = parse_fixture("edge/mixed-kinds.json");
    let kinds: Vec<CallbackKind> = all.iter().map(Callback::kind).collect();
    assert_eq!(
        kinds,
        [
            CallbackKind::LegacyStatus,
            CallbackKind::Status,
            CallbackKind::LegacyIncoming,
            CallbackKind::Incoming,
        ]
    );
    let legacy = all[0].as_legacy_status().unwrap();
    assert_eq!(legacy.im_out_message_id, Some(text("test-001")));
    assert_eq!(legacy.dlv_status, Status::Read);
    assert_eq!(status(&all[1]).request_id, Some(text("test-00135")));
    assert_eq!(
        status(&all[1]).status_at.get(),
        datetime!(2023-10-31 11:07:56 UTC)
    );
    let legacy_in = all[2].as_legacy_incoming().unwrap();
    assert_eq!(legacy_in.text.as_deref(), Some("Hello edna"));
    assert_eq!(legacy_in.id, Id::Number(43407125));
    let m = incoming(&all[3]);
    assert_eq!(m.id, Id::Number(101));
    assert_eq!(
        m.message_content.text.as_deref(),
        Some("Thank you for your help")
    );
    assert_eq!(m.received_at.get(), datetime!(2022-04-29 15:30:08 UTC));
    let w = serde_json::to_value(&all).unwrap();
    assert_eq!(w[0]["dlvStatus"], "read");
    assert_eq!(w[1]["status"], "READ");
}

#[test]
fn an_empty_array_is_no_callbacks() {
    let all = parse_fixture("edge/empty-array.json");
    assert_eq!(all, Vec::<Callback>::new());
    assert_eq!(serde_json::to_string(&all).unwrap(), "[]");
    assert_eq!(parse_body(b" [ ] ").unwrap(), Vec::<Callback>::new());
}

// ---------------------------------------------------------------------------------------
// A value under a key that another kind types (`receivedAt` is a field of incoming
// messages, not of statuses) is an unknown field of a status, and so is kept exactly as
// it came, wherever it stands in the object.

#[test]
fn a_status_keeps_a_received_at_given_before_its_status_as_it_came() {
    let before = br#"{"receivedAt":"2024-08-05T08: 24: 14Z","status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#;
    let after = br#"{"status":"READ","statusAt":"2023-10-31T11:07:56Z","receivedAt":"2024-08-05T08: 24: 14Z"}"#;
    let a: StatusCallback = parse_as(after).unwrap();
    assert_eq!(
        a.extra,
        obj(json!({ "receivedAt": "2024-08-05T08: 24: 14Z" }))
    );
    let all = parse_body(before).unwrap();
    assert_eq!(status(&all[0]).extra, a.extra);
}

#[test]
fn a_status_keeps_a_leading_unknown_field_whatever_its_type() {
    let body = br#"{"receivedAt":"not a time","id":{"x":1},"status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#;
    let all = parse_body(body).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        status(&all[0]).extra,
        obj(json!({ "receivedAt": "not a time", "id": { "x": 1 } }))
    );
}

// ---------------------------------------------------------------------------------------
// Issue #15: nothing lost for an odd detail. The files below were `bad-*` fixtures, refused
// whole; each is now read, the odd value kept as it came (in its object's `extra`, written
// back in its place) and listed by `unrecognized()` by path, never by value.

/// What a callback did not understand, as `what at `path`` lines.
fn found(c: &Callback) -> Vec<String> {
    c.unrecognized().iter().map(ToString::to_string).collect()
}

/// The one callback of an edge fixture, which must write back exactly what came.
fn one_round_trip(name: &str) -> Callback {
    let path = format!("edge/{name}");
    let mut all = assert_body_round_trips(&path, &fixture(&path));
    assert_eq!(all.len(), 1, "{name}");
    all.remove(0)
}

#[test]
fn an_item_identifier_given_as_a_boolean_is_kept() {
    let c = one_round_trip("incoming-item-identifier-boolean.json");
    let items = incoming(&c).message_content.items.clone().unwrap();
    assert_eq!(items[0].identifier, None);
    assert_eq!(items[0].title.as_deref(), Some("item 1"));
    assert_eq!(items[0].extra, obj(json!({ "identifier": true })));
    assert_eq!(items[0].get("identifier"), Some(json!(true)));
    assert_eq!(
        found(&c),
        ["odd-value at `messageContent.items[0].identifier`"]
    );
}

#[test]
fn a_second_item_identifier_given_as_a_fraction_is_kept() {
    let c = one_round_trip("incoming-second-item-identifier-float.json");
    let items = incoming(&c).message_content.items.clone().unwrap();
    assert_eq!(items[0].identifier, Some(text("01")));
    assert_eq!(items[1].identifier, None);
    assert_eq!(items[1].title.as_deref(), Some("item 2"));
    assert_eq!(items[1].extra, obj(json!({ "identifier": 1.5 })));
    assert_eq!(
        found(&c),
        ["odd-value at `messageContent.items[1].identifier`"]
    );
}

#[test]
fn items_given_as_an_object_are_kept() {
    let c = one_round_trip("incoming-items-not-array.json");
    let content = &incoming(&c).message_content;
    assert_eq!(content.kind, ContentType::ListPicker);
    assert_eq!(content.items, None);
    assert_eq!(
        content.extra,
        obj(json!({ "items": { "identifier": "01", "title": "item 1" } }))
    );
    assert_eq!(found(&c), ["odd-value at `messageContent.items`"]);
}

#[test]
fn an_order_quantity_given_as_a_boolean_is_kept() {
    let c = one_round_trip("incoming-order-quantity-boolean.json");
    let order = incoming(&c).message_content.order.clone().unwrap();
    assert_eq!(order.catalog_id, Some(text("1022121105031922")));
    let line = &order.products.as_deref().unwrap()[0];
    assert_eq!(line.id, Some(text("111222")));
    assert_eq!(line.quantity, None);
    assert_eq!(line.price, Some(Numeric::from(5)));
    assert_eq!(line.currency.as_deref(), Some("USD"));
    assert_eq!(line.extra, obj(json!({ "quantity": true })));
    assert_eq!(
        found(&c),
        ["odd-value at `messageContent.order.products[0].quantity`"]
    );
}

#[test]
fn a_subscriber_given_as_a_string_is_kept() {
    let c = one_round_trip("incoming-subscriber-not-object.json");
    let m = incoming(&c);
    assert_eq!(m.id, Id::Number(101));
    assert_eq!(m.subscriber, None);
    assert_eq!(m.extra, obj(json!({ "subscriber": "79000000000" })));
    // The sender is not known, and the kept value is never taken for one.
    assert_eq!(c.party(), None);
    assert_eq!(found(&c), ["odd-value at `subscriber`"]);
}

#[test]
fn a_chargeable_given_as_yes_is_kept_and_the_status_applied() {
    let c = one_round_trip("status-payment-chargeable-yes.json");
    let st = status(&c);
    assert_eq!(st.status, Status::Read);
    assert_eq!(st.request_id, Some(text("test-00135")));
    let Some(PaymentData::WhatsAppConversation(pd)) = &st.payment_data else {
        panic!("{:?}", st.payment_data);
    };
    assert_eq!(pd.conversation_id, Some(text("test0001")));
    assert_eq!(pd.conversation_type, Some(ConversationType::Marketing));
    assert_eq!(pd.chargeable, None);
    assert_eq!(pd.extra, obj(json!({ "chargeable": "yes" })));
    // The delivery is applied: it is there, whole.
    let delivery = c.delivery().unwrap();
    assert_eq!(delivery.status, &Status::Read);
    assert_eq!(found(&c), ["odd-value at `paymentData.chargeable`"]);
}

#[test]
fn payment_data_given_as_a_string_is_kept() {
    let c = one_round_trip("status-payment-data-not-object.json");
    let st = status(&c);
    assert_eq!(st.status, Status::Read);
    assert_eq!(st.payment_data, None);
    assert_eq!(st.extra, obj(json!({ "paymentData": "free" })));
    assert_eq!(st.get("paymentData"), Some(json!("free")));
    assert_eq!(found(&c), ["odd-value at `paymentData`"]);
}

#[test]
fn a_comment_given_as_a_number_is_kept() {
    let c = one_round_trip("status-comment-number.json");
    let st = status(&c);
    assert_eq!(st.request_id, Some(text("test-00136")));
    assert_eq!(st.status, Status::Delivered);
    assert_eq!(st.comment, None);
    assert_eq!(st.extra, obj(json!({ "comment": 42 })));
    assert_eq!(found(&c), ["odd-value at `comment`"]);
    // Written once, in its place.
    let text = serde_json::to_string(st).unwrap();
    assert_eq!(text.matches("\"comment\"").count(), 1, "{text}");
    assert!(text.contains(r#""comment":42"#), "{text}");
}

/// The cases `errors::a_wrongly_typed_field_is_named_by_its_path` refused before issue
/// #15: every field here is optional, so its callback is read, the value kept as it came,
/// and `unrecognized()` names the same path the error named.
#[test]
fn an_optional_field_of_another_type_is_kept_as_it_came() {
    let incoming = |content: &str| {
        format!(r#"{{"id":1,"messageContent":{content},"receivedAt":"2022-04-29T15:30:08Z"}}"#)
    };
    let status = |payment: &str| {
        format!(
            r#"{{"requestId":"test-00135","status":"READ","statusAt":"2023-10-31T11:07:56Z","paymentData":{payment}}}"#
        )
    };
    let cases: Vec<(String, &str)> = vec![
        (
            incoming(r#"{"type":"LIST_PICKER","items":[{"identifier":{"v":"01"}}]}"#),
            "messageContent.items[0].identifier",
        ),
        (
            incoming(r#"{"type":"TEXT","referral":{"sourceType":1}}"#),
            "messageContent.referral.sourceType",
        ),
        (
            incoming(r#"{"type":"TEXT","location":{"latitude":true}}"#),
            "messageContent.location.latitude",
        ),
        (incoming(r#"{"type":"TEXT","text":5}"#), "messageContent.text"),
        (
            status(r#"{"@type":"WhatsAppConversationPaymentData","chargeable":"true"}"#),
            "paymentData.chargeable",
        ),
        (
            status(r#"{"@type":"WhatsAppConversationPaymentData","conversationType":["marketing"]}"#),
            "paymentData.conversationType",
        ),
        (
            status(r#"{"conversationId":false,"@type":"WhatsAppConversationPaymentData"}"#),
            "paymentData.conversationId",
        ),
        (
            r#"{"id":1,"userInfo":{"userName":42},"messageContent":{"type":"TEXT"},"receivedAt":"2022-04-29T15:30:08Z"}"#.into(),
            "userInfo.userName",
        ),
        (
            r#"{"id":1,"subscriber":{"id":true},"messageContent":{"type":"TEXT"},"receivedAt":"2022-04-29T15:30:08Z"}"#.into(),
            "subscriber.id",
        ),
        (
            r#"{"requestId":["test"],"status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#.into(),
            "requestId",
        ),
        (
            r#"{"imOutMessageId":"a","dlvStatus":"read","dlvStatusAt":"2020-01-10T19:03:52.355+0300","dlvError":404}"#.into(),
            "dlvError",
        ),
        (
            r#"{"id":1,"imType":"whatsapp","receivedAt":"2021-10-20T08:42:51.354+0000","historyMessages":"none"}"#.into(),
            "historyMessages",
        ),
        (
            r#"{"id":1,"imType":"whatsapp","receivedAt":"2021-10-20T08:42:51.354+0000","latitude":[55]}"#.into(),
            "latitude",
        ),
        (
            r#"{"id":1,"subscriber":{"identifier":"194089586","identifiers":{"type":"MAX_ID"}},"messageContent":{"type":"TEXT"},"receivedAt":"2026-07-14T09:12:45Z"}"#.into(),
            "subscriber.identifiers",
        ),
        (
            r#"{"requestId":"r-1","status":"SUCCESS","calling":{"callHours":{"weeklyOperatingHours":[{"dayOfWeek":1}]}}}"#.into(),
            "calling.callHours.weeklyOperatingHours[0].dayOfWeek",
        ),
        (
            r#"{"requestId":"r-1","status":"SUCCESS","calling":{"sip":{"servers":[{"requestUriUserParams":["a"]}]}}}"#.into(),
            "calling.sip.servers[0].requestUriUserParams",
        ),
    ];
    for (body, path) in cases {
        let callbacks = assert_body_round_trips(&body, body.as_bytes());
        let odd = |u: &Unrecognized| u.path == path && u.what == Unfamiliar::OddValue;
        assert!(
            callbacks[0].unrecognized().iter().any(odd),
            "{body}: {:?}",
            callbacks[0].unrecognized()
        );
    }
    // In an array, each callback names its own paths.
    let body = format!(
        "[{},{}]",
        incoming(r#"{"type":"ORDER"}"#),
        incoming(r#"{"type":"ORDER","order":{"products":[{},{"price":{}}]}}"#)
    );
    let callbacks = assert_body_round_trips("array", body.as_bytes());
    assert_eq!(found(&callbacks[0]), Vec::<String>::new());
    assert_eq!(
        found(&callbacks[1]),
        ["odd-value at `messageContent.order.products[1].price`"]
    );
}

// ---------------------------------------------------------------------------------------
// Issue #15: nothing refused for being new. An object of no kind this version knows is
// `Callback::Unknown`, kept whole; alone or among good callbacks.

#[test]
fn an_array_of_a_status_and_an_object_without_status_at() {
    let all = assert_body_round_trips(
        "array-status-and-one-without-status-at.json",
        &fixture("edge/array-status-and-one-without-status-at.json"),
    );
    assert_eq!(status(&all[0]).status, Status::Read);
    assert_eq!(status(&all[0]).request_id, Some(text("test-00135")));
    let unknown = all[1].as_unknown().expect("of no known kind");
    assert_eq!(
        unknown.body,
        obj(json!({ "requestId": "test-00136", "status": "DELIVERED" }))
    );
    // `requestId` and `status` are keys a status shares with a calling-settings status: it
    // resembles no kind, and is not reported as a broken status.
    assert_eq!(unknown.resembles(), None);
    assert!(!unknown.diagnosis().contains("test-00136"));
    assert_eq!(found(&all[1]), ["unknown-kind at `.`"]);
}

#[test]
fn an_array_of_a_status_and_an_unknown_element() {
    let all = assert_body_round_trips(
        "array-status-and-unknown-element.json",
        &fixture("edge/array-status-and-unknown-element.json"),
    );
    assert_eq!(all[0].kind(), CallbackKind::Status);
    let unknown = all[1].as_unknown().expect("of no known kind");
    assert_eq!(unknown.body, obj(json!({ "hello": "world" })));
    assert_eq!(unknown.resembles(), None);
    let diagnosis = unknown.diagnosis();
    assert!(
        !diagnosis.contains("hello") && !diagnosis.contains("world"),
        "{diagnosis}"
    );
}

#[test]
fn a_status_without_status_at_is_of_no_known_kind() {
    let c = one_round_trip("status-without-status-at.json");
    let unknown = c.as_unknown().expect("of no known kind");
    assert_eq!(
        unknown.body,
        obj(json!({ "requestId": "test-00135", "status": "READ" }))
    );
    assert_eq!(unknown.resembles(), None);
    assert!(unknown.lacks().is_empty());
    assert!(
        unknown.diagnosis().contains("statusAt for a status"),
        "{}",
        unknown.diagnosis()
    );
    // Not a broken status: a status is told by `statusAt`, and this has none.
    assert!(!unknown.diagnosis().contains("invalid"));
    assert_eq!(c.delivery(), None);
}

// ---------------------------------------------------------------------------------------
// Issue #16: what the crate keeps is kept as its text (`Kept`), read into a map or value
// on first use.

/// The line and column an `Invalid` error names.
fn invalid_at(body: &str) -> (String, String, usize, usize) {
    match parse_body(body.as_bytes()) {
        Err(edna_callbacks::Error::Invalid {
            path,
            message,
            line,
            column,
        }) => (path, message, line, column),
        other => panic!("expected Invalid for {body}, got {other:?}"),
    }
}

#[test]
fn kept_keys_are_written_as_serde_json_writes_them_and_compared_decoded() {
    // A key that came with escapes is decoded and escaped again as serde_json writes it
    // (`\u0022` as `\"`, `\u0009` as `\t`, `\/` as `/`); one that came without is written as
    // it came, non-ASCII and all.
    let body = r#"{"requestId":"r-1","status":"READ","statusAt":"2023-10-31T11:07:56Z",
        "a\u0022b\u0009c\/d": 1, "plain key ключ": 2}"#;
    let all = parse_body(body.as_bytes()).unwrap();
    let st = all[0].as_status().unwrap();
    assert_eq!(
        st.extra.json(),
        Some(r#"{"a\"b\tc/d":1,"plain key ключ":2}"#)
    );
    // The judge: serde_json's own reading of the members, and of the text kept.
    let judge: Value =
        serde_json::from_str(r#"{"a\u0022b\u0009c\/d": 1, "plain key ключ": 2}"#).unwrap();
    assert_eq!(st.extra, obj(judge.clone()));
    let kept: Value = serde_json::from_str(st.extra.json().unwrap()).unwrap();
    assert_eq!(kept, judge);

    // The same key given once escaped and once as it stands is one key given twice.
    let body = r#"{"requestId":"r-1","status":"READ","statusAt":"2023-10-31T11:07:56Z",
        "k\u0065y": 1, "key": 2}"#;
    match parse_body(body.as_bytes()) {
        Err(edna_callbacks::Error::Invalid { message, .. }) => {
            assert!(message.contains("duplicate field"), "{message}")
        }
        other => panic!("expected a duplicate key, got {other:?}"),
    }
}

#[test]
fn kept_values_keep_their_text_and_read_as_json() {
    let body = r#"{"requestId":"r-1","status":"READ","statusAt":"2023-10-31T11:07:56Z",
        "channelType" : "WHATSAPP", "segments": [1, 2.50, "three"], "x\u0079": {"a" :null}}"#;
    let all = parse_body(body.as_bytes()).unwrap();
    let st = all[0].as_status().unwrap();
    // Each value's text exactly as it came; each key as serde_json writes it.
    assert_eq!(
        st.extra.json(),
        Some(r#"{"channelType":"WHATSAPP","segments":[1, 2.50, "three"],"xy":{"a" :null}}"#)
    );
    // Read as the map serde_json reads from the same members (its own reading the judge:
    // with `arbitrary_precision`, `2.50` stays `2.50`).
    let judge: Value = serde_json::from_str(
        r#"{"channelType": "WHATSAPP", "segments": [1, 2.50, "three"], "x\u0079": {"a": null}}"#,
    )
    .unwrap();
    assert_eq!(st.extra, obj(judge));
    assert_eq!(st.extra["segments"][2], "three");
    assert_eq!(st.get("channelType"), Some(json!("WHATSAPP")));

    // An object of no kind, whole, from the text the first read went over.
    let all = parse_body(br#"[{ "requestId": "r-2", "status" : "READ" } ]"#).unwrap();
    let unknown = all[0].as_unknown().unwrap();
    assert_eq!(
        unknown.body.json(),
        Some(r#"{ "requestId": "r-2", "status" : "READ" }"#)
    );
    assert_eq!(unknown.body["status"], "READ");

    // An unknown event's payload, and an unknown `paymentData`.
    let all =
        parse_body(br#"{"type":"x.y","timestamp":"2025-09-01T10:00:00Z","payload":[1, {"b":2}]}"#)
            .unwrap();
    let Callback::UnknownEvent(event) = &all[0] else {
        panic!("an unknown event")
    };
    assert_eq!(event.payload.json(), Some(r#"[1, {"b":2}]"#));
    assert_eq!(event.payload[1]["b"], 2);
    let all = parse_body(
        br#"{"requestId":"r-3","status":"READ","statusAt":"2023-10-31T11:07:56Z",
            "paymentData":{"@type":"Other", "x":1}}"#,
    )
    .unwrap();
    let Some(PaymentData::Unknown(data)) = &all[0].as_status().unwrap().payment_data else {
        panic!("unknown payment data")
    };
    assert_eq!(data.json(), Some(r#"{"@type":"Other", "x":1}"#));
}

#[test]
fn a_kept_value_changed_or_built_in_code_is_written_as_changed() {
    let mut st = parse_body(
        br#"{"requestId":"r-1","status":"READ","statusAt":"2023-10-31T11:07:56Z","a":1}"#,
    )
    .unwrap()
    .remove(0);
    let Callback::Status(status) = &mut st else {
        panic!("a status")
    };
    status.extra.insert("b".to_owned(), json!([true]));
    assert_eq!(status.extra.json(), None);
    let written: Value = serde_json::to_value(&st).unwrap();
    assert_eq!(written["a"], 1);
    assert_eq!(written["b"], json!([true]));

    let mut built = StatusCallback::new(
        "r-2",
        Status::Read,
        Timestamp::parse("2023-10-31T11:07:56Z").unwrap(),
    );
    built.extra = obj(json!({"c": "d"})).into();
    assert_eq!(serde_json::to_value(&built).unwrap()["c"], "d");
    assert_eq!(built.extra, obj(json!({"c": "d"})));
}

#[test]
fn a_kept_key_given_twice_is_refused_where_it_stands_or_at_the_objects_end() {
    // Among the first eight kept keys (here in two spellings of one key): at the second.
    let body =
        r#"{"statusAt":"2023-10-31T11:07:56Z","status":"READ","x":1,"\u0078":2,"comment":"c"}"#;
    let (path, message, line, column) = invalid_at(body);
    assert_eq!(path, "<undocumented>");
    assert_eq!(
        message,
        "duplicate field (a key the crate does not document)"
    );
    assert_eq!((line, column), (1, body.find(r#","comment""#).unwrap()));

    // Past eight: at the object's end, nested paths kept.
    let mut members = String::new();
    for i in 0..9 {
        members.push_str(&format!(r#""k{i}":{i},"#));
    }
    let body = format!(
        r#"{{"requestId":"r","status":"READ","statusAt":"2023-10-31T11:07:56Z",
            "paymentData":{{"@type":"WhatsAppConversationPaymentData",{members}"k3":0}}}}"#
    );
    let (path, message, _, _) = invalid_at(&body);
    assert_eq!(path, "paymentData.<undocumented>");
    assert_eq!(
        message,
        "duplicate field (a key the crate does not document)"
    );

    // An object of no kind keeps a key given twice, as serde_json reads it: the last value.
    let all = parse_body(br#"{"a":1,"a":2}"#).unwrap();
    assert_eq!(all[0].as_unknown().unwrap().body["a"], 2);
}
