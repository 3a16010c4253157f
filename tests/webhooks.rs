//! The webhooks of issue 9 beyond incoming messages and statuses: template statuses (both
//! forms), and the payloads of the category-change and link-click events. Each golden
//! fixture of `pulse-more-webhooks` read into its type, its values asserted, and written
//! back unchanged; the edge fixtures of these kinds; `can_send`, `supersedes` and the
//! deduplication keys.

mod common;

use common::{assert_body_round_trips, assert_round_trip, fixture};
use edna_callbacks::{
    parse_as, ButtonType, Channel, ContentType, ConversationType, DedupKey, EventType, HeaderType,
    Id, Keyboard, KeyboardButton, KeyboardRow, MessageMatcher, MessageMatcherStatus, Numeric,
    PaymentData, PaymentType, ShortLinkVisited, Status, StatusCallback, TemplateAttachment,
    TemplateCategory, TemplateCategoryChanged, TemplateContent, TemplateFooter, TemplateHeader,
    TemplateStatus, TemplateType, Timestamp, WhatsAppConversationPaymentData,
};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Map, Value};
use time::macros::datetime;

// ---------------------------------------------------------------------------------------
// Helpers.

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

fn at(v: &str) -> Timestamp {
    Timestamp::parse(v).unwrap_or_else(|e| panic!("{v}: {e}"))
}

/// The fixture's JSON.
fn value_of(name: &str) -> Value {
    serde_json::from_slice(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Reads the fixture as a `T` (from the text, as a handler would), checks that writing it
/// back gives the same JSON (absent and `null` being the same, see `common::differences`),
/// and returns it.
fn read<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let body = fixture(name);
    let text = std::str::from_utf8(&body).unwrap();
    let parsed: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_round_trip(name, &body, &parsed);
    parsed
}

/// Asserts that `written`, serialized, is exactly `original` as a `serde_json::Value`: no
/// member added, none dropped, every value and timestamp spelled as it came.
fn assert_exact<T: Serialize>(label: &str, original: &Value, written: &T) {
    let written = serde_json::to_value(written).unwrap();
    assert_eq!(&written, original, "{label}: written back differently");
}

/// The `payload` member of an envelope fixture, read as a `T` and written back unchanged.
fn payload<T: DeserializeOwned + Serialize>(name: &str) -> (T, Value) {
    let envelope = value_of(name);
    let payload = envelope
        .get("payload")
        .cloned()
        .unwrap_or_else(|| panic!("{name} has no payload"));
    let parsed: T =
        serde_json::from_value(payload.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let original = serde_json::to_vec(&payload).unwrap();
    assert_round_trip(name, &original, &parsed);
    (parsed, envelope)
}

/// The placeholder-valued attachment of the array example.
fn string_attachment() -> TemplateAttachment {
    TemplateAttachment {
        id: Some(Id::Number(0)),
        file_url: s("string"),
        original_file_name: s("string"),
        size: Some(Numeric::from(0)),
        extra: Map::new(),
    }
}

// ---------------------------------------------------------------------------------------
// Template status: the array form (current page).

#[test]
fn template_status_array() {
    let name = "pulse-template-status.array.json";
    let all: Vec<MessageMatcher> = read(name);
    // Every key of the example is there: the round trip is exact, not only up to `null`s.
    assert_exact(name, &value_of(name), &all);
    assert_eq!(all.len(), 1);
    let t = &all[0];

    let expected = MessageMatcher {
        id: Some(Id::Number(0)),
        language: s("string"),
        content: Some(Box::new(TemplateContent {
            attachment: Some(string_attachment()),
            action: s("string"),
            caption: s("string"),
            header: Some(TemplateHeader {
                header_type: Some(HeaderType::Text),
                text: s("string"),
                attachment: Some(string_attachment()),
                header_example_text_param: s("string"),
                header_example_media_url: s("string"),
                extra: Map::new(),
            }),
            footer: Some(TemplateFooter {
                text: s("string"),
                extra: Map::new(),
            }),
            keyboard: Some(Keyboard::new([vec![KeyboardButton {
                url: s("string"),
                url_postfix: s("string"),
                phone: s("string"),
                payload: s("string"),
                url_text_example: s("string"),
                ..KeyboardButton::new(ButtonType::Phone, "string")
            }]])),
            text_example_params: Some(vec!["string".to_owned()]),
            ..TemplateContent::text("string")
        })),
        content_type: Some(ContentType::Text),
        category: Some(TemplateCategory::AccountUpdate),
        locked: Some(true),
        template_type: Some(TemplateType::Operator),
        created_at: Some(at("2023-07-21T13:51:47.862Z")),
        updated_at: Some(at("2023-07-21T13:51:47.862Z")),
        ..MessageMatcher::new(
            "string",
            Channel::Sms,
            TemplateStatus::Unknown("string".into()),
        )
    };
    assert_eq!(t, &expected);

    // A few values read directly, as a handler would.
    assert_eq!(t.name, "string");
    assert_eq!(t.channel_type, Channel::Sms);
    // The page's placeholder `"string"` is not a status the crate knows: kept, not refused.
    assert_eq!(t.status.as_str(), "string");
    assert!(t.status.is_unknown());
    assert!(!t.can_send());
    assert_eq!(
        t.updated_at.map(|u| u.get()),
        Some(datetime!(2023-07-21 13:51:47.862 UTC))
    );
    let content = t.content.as_deref().unwrap();
    let keyboard = content.keyboard.as_ref().unwrap();
    let buttons: Vec<&KeyboardButton> = keyboard.buttons().collect();
    assert_eq!(buttons.len(), 1);
    assert_eq!(buttons[0].button_type, Some(ButtonType::Phone));
    assert!(!keyboard.is_empty());
    assert_eq!(
        content
            .attachment
            .as_ref()
            .and_then(|a| a.size.as_ref())
            .and_then(Numeric::as_i64),
        Some(0)
    );
    // Nothing of the example lands in `extra`.
    assert!(t.extra.is_empty() && content.extra.is_empty());
    assert!(content.header.as_ref().unwrap().extra.is_empty());
    assert!(keyboard.extra.is_empty() && buttons[0].extra.is_empty());
}

// ---------------------------------------------------------------------------------------
// Template status: the `{messageMatcher, subjectIds}` form (older page).

#[test]
fn template_status_message_matcher() {
    let name = "pulse-template-status.message-matcher.json";
    let st: MessageMatcherStatus = read(name);
    let expected = MessageMatcherStatus {
        subject_ids: Some(vec![Id::Number(18594)]),
        ..MessageMatcherStatus::new(MessageMatcher {
            language: s("EN"),
            content: Some(Box::new(TemplateContent {
                header: Some(TemplateHeader {
                    header_type: Some(HeaderType::Text),
                    text: s("Hello, thank you for choosing us."),
                    ..TemplateHeader::default()
                }),
                footer: Some(TemplateFooter {
                    text: s("my footer text"),
                    ..TemplateFooter::default()
                }),
                ..TemplateContent::text("string")
            })),
            category: Some(TemplateCategory::Marketing),
            locked: Some(false),
            template_type: Some(TemplateType::Operator),
            created_at: Some(at("2022-05-05T11:34:34.844Z")),
            updated_at: Some(at("2022-05-05T11:34:34.844Z")),
            ..MessageMatcher::new("new_matcher_2", Channel::Whatsapp, TemplateStatus::Approved)
        })
    };
    assert_eq!(st, expected);
    let t = &st.message_matcher;
    assert_eq!(t.id, None, "the older page's template has no id");
    assert_eq!(t.name, "new_matcher_2");
    assert_eq!(t.status, TemplateStatus::Approved);
    assert!(st.can_send() && t.can_send());
    assert_eq!(t.content_type, None);
    assert_eq!(t.content.as_ref().unwrap().keyboard, None);
    assert_eq!(
        t.created_at.unwrap().get(),
        datetime!(2022-05-05 11:34:34.844 UTC)
    );
    assert!(st.extra.is_empty() && t.extra.is_empty());

    // Written back, only `null`s are added for the fields the older page leaves out.
    let written = serde_json::to_value(&st).unwrap();
    assert_eq!(written["messageMatcher"]["id"], Value::Null);
    assert_eq!(
        written["messageMatcher"]["content"]["keyboard"],
        Value::Null
    );
    assert_eq!(written["subjectIds"], json!([18594]));
    // Both forms of one status have the same key.
    assert_eq!(st.dedup_key(), t.dedup_key());
}

#[test]
fn a_template_without_required_fields_is_refused_naming_the_field() {
    for (body, field) in [
        (
            r#"{"channelType":"SMS","status":"APPROVED","updatedAt":null}"#,
            "name",
        ),
        (
            r#"{"name":"n","status":"APPROVED","updatedAt":null}"#,
            "channelType",
        ),
        (
            r#"{"name":"n","channelType":"SMS","updatedAt":null}"#,
            "status",
        ),
        (
            r#"{"name":"n","channelType":"SMS","status":"APPROVED"}"#,
            "updatedAt",
        ),
    ] {
        // serde_json's own reading gives the crate's error as its text...
        let err = serde_json::from_str::<MessageMatcher>(body).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("invalid `{field}`: missing field `{field}`")
        );
        // ...and `parse_as` gives it typed.
        let err = edna_callbacks::parse_as::<MessageMatcher>(body.as_bytes()).unwrap_err();
        assert_eq!(err.path(), field);
        assert_eq!(err.message(), format!("missing field `{field}`"));
    }
    let err = serde_json::from_str::<MessageMatcherStatus>(r#"{"subjectIds":[1]}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid `messageMatcher`: missing field `messageMatcher`"),
        "{err}"
    );
    // The smallest template status: the four required fields (`updatedAt` may be null).
    let t: MessageMatcher = serde_json::from_str(
        r#"{"name":"n","channelType":"VIBER","status":"PAUSED","updatedAt":null}"#,
    )
    .unwrap();
    assert_eq!(
        t,
        MessageMatcher::new("n", Channel::Viber, TemplateStatus::Paused)
    );
}

// ---------------------------------------------------------------------------------------
// Envelope payloads.

#[test]
fn template_category_changed() {
    let name = "pulse-template-category-changed.json";
    let (changed, envelope): (TemplateCategoryChanged, _) = payload(name);
    let expected = TemplateCategoryChanged {
        name: s("Promotion"),
        channel_type: Some(Channel::Whatsapp),
        ..TemplateCategoryChanged::new(123, TemplateCategory::Marketing)
    };
    assert_eq!(changed, expected);
    assert_exact(name, &envelope["payload"], &changed);
    assert_eq!(
        EventType::from(envelope["type"].as_str().unwrap()),
        EventType::TemplateCategoryChanged
    );
    assert_eq!(envelope["version"], "v1");

    // The 9 fractional digits of the timestamp are read, and written back as they came.
    let text = envelope["timestamp"].as_str().unwrap();
    assert_eq!(text, "2025-08-08T16:08:08.015356271Z");
    let timestamp = at(text);
    assert_eq!(
        timestamp.get(),
        datetime!(2025-08-08 16:08:08.015356271 UTC)
    );
    assert_eq!(timestamp.get().nanosecond(), 15_356_271);
    assert_eq!(timestamp.to_string(), text);
    assert_eq!(serde_json::to_value(timestamp).unwrap(), text);

    let key = changed.dedup_key(timestamp);
    assert_eq!(
        key,
        DedupKey::TemplateCategoryChanged {
            template_id: Id::Number(123).key(),
            category: TemplateCategory::Marketing,
            timestamp: Some(timestamp),
        }
    );
    assert_eq!(
        key.to_string(),
        r#"template-category-changed:123:"MARKETING":"2025-08-08T16:08:08.015356271Z""#
    );
}

#[test]
fn template_category_changed_older() {
    let name = "pulse-template-category-changed.older.json";
    let (changed, envelope): (TemplateCategoryChanged, _) = payload(name);
    assert_eq!(changed.id, Id::Number(123));
    assert_eq!(changed.name.as_deref(), Some("Promotion"));
    assert_eq!(changed.channel_type, Some(Channel::Whatsapp));
    assert_eq!(changed.category, TemplateCategory::Marketing);
    assert!(changed.extra.is_empty());
    assert_exact(name, &envelope["payload"], &changed);
    assert_eq!(
        envelope.get("version"),
        None,
        "the older page has no version"
    );
    let timestamp = at(envelope["timestamp"].as_str().unwrap());
    assert_eq!(timestamp.get(), datetime!(2025-06-16 12:34:56 UTC));
    // Without the envelope's timestamp the key still names the change.
    assert_eq!(
        changed.dedup_key(None).to_string(),
        r#"template-category-changed:123:"MARKETING":null"#
    );
}

#[test]
fn template_category_changed_needs_id_and_category() {
    for (body, field) in [
        (r#"{"name":"Promotion","category":"MARKETING"}"#, "id"),
        (r#"{"id":1,"name":"Promotion"}"#, "category"),
    ] {
        let err = serde_json::from_str::<TemplateCategoryChanged>(body).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&format!("invalid `{field}`: missing field `{field}`")),
            "{err}"
        );
    }
}

#[test]
fn link_button_clicked() {
    let name = "pulse-link-button-clicked.json";
    let (click, envelope): (ShortLinkVisited, _) = payload(name);
    let expected = ShortLinkVisited {
        sender: s("test-channel"),
        template_id: Some(Id::Number(1333)),
        channel_type: Some(Channel::Whatsapp),
        phone: Some(Id::from("79991234567")),
        url: s("google.ru"),
        request_id: Some(Id::from("059cc352-f6a2-4fb0-b717-a56fa0c820bf")),
        ..ShortLinkVisited::new(5345345, "f42kL")
    };
    assert_eq!(click, expected);
    assert_exact(name, &envelope["payload"], &click);
    assert_eq!(
        EventType::from(envelope["type"].as_str().unwrap()),
        EventType::ShortLinkVisited
    );
    let timestamp = at(envelope["timestamp"].as_str().unwrap());
    assert_eq!(timestamp.get(), datetime!(2025-08-10 12:32:56 UTC));
    let key = click.dedup_key(timestamp);
    assert_eq!(
        key,
        DedupKey::ShortLinkVisited {
            out_message_id: Some(Id::Number(5345345).key()),
            short_link: s("f42kL"),
            timestamp: Some(timestamp),
        }
    );
    assert_eq!(
        key.to_string(),
        r#"short-link-visited:5345345:"f42kL":"2025-08-10T12:32:56Z""#
    );
    // The phone number (personal data) is not part of the key.
    assert!(!key.to_string().contains("79991234567"));
}

#[test]
fn link_button_clicked_older() {
    let name = "pulse-link-button-clicked.older.json";
    let (click, envelope): (ShortLinkVisited, _) = payload(name);
    assert_eq!(click.sender.as_deref(), Some("test-channel"));
    assert_eq!(click.template_id, Some(Id::Number(1333)));
    assert_eq!(click.out_message_id, Some(Id::Number(5345345)));
    assert_eq!(click.phone, Some(Id::from("37512312312")));
    assert_eq!(click.url.as_deref(), Some("google.ru"));
    assert_eq!(
        click.short_link.as_deref(),
        Some("https://evtb.me/link/f42kL")
    );
    assert_eq!(click.request_id, None, "the older page has no requestId");
    assert!(click.extra.is_empty());
    assert_eq!(envelope["version"], "v1");
    // Written back, the absent requestId is a `null`, and nothing else changes.
    let written = serde_json::to_value(&click).unwrap();
    assert_eq!(written["requestId"], Value::Null);
    let mut without = written.as_object().unwrap().clone();
    without.remove("requestId");
    assert_eq!(Value::Object(without), envelope["payload"]);
}

#[test]
fn a_link_click_tolerates_missing_fields_and_a_numeric_phone() {
    let click: ShortLinkVisited = serde_json::from_str(r#"{"phone":79991234567}"#).unwrap();
    assert_eq!(click.phone, Some(Id::Number(79_991_234_567)));
    assert_eq!(
        serde_json::to_value(&click).unwrap()["phone"],
        json!(79_991_234_567_i64)
    );
    assert_eq!(
        ShortLinkVisited {
            phone: None,
            ..click
        },
        ShortLinkVisited::default()
    );
}

#[test]
fn an_envelope_of_an_unknown_type_keeps_its_type() {
    let envelope = value_of("edge/event-unknown-type.json");
    let kind = EventType::from(envelope["type"].as_str().unwrap());
    assert_eq!(
        kind,
        EventType::Unknown("message_matcher.quality_changed".into())
    );
    assert_eq!(
        serde_json::to_value(&kind).unwrap(),
        "message_matcher.quality_changed"
    );
    // Its payload is not a category change (no `category`): not forced into one.
    assert!(
        serde_json::from_value::<TemplateCategoryChanged>(envelope["payload"].clone()).is_err()
    );
    let timestamp = at(envelope["timestamp"].as_str().unwrap());
    assert_eq!(timestamp.get().nanosecond(), 1);
    let key = DedupKey::event(kind.clone(), timestamp, &envelope["payload"]);
    assert_eq!(
        key.to_string(),
        r#"event:"message_matcher.quality_changed":"2025-09-01T10:00:00.000000001Z":"#.to_owned()
            + r#"{"channelType":"WHATSAPP","id":123,"name":"Promotion","#
            + r#""quality":{"previous":"GREEN","score":"YELLOW"}}"#
    );
    // Another payload at the same instant is another event.
    let other = DedupKey::event(kind, timestamp, &json!({"id": 124}));
    assert_ne!(key, other);
}

// ---------------------------------------------------------------------------------------
// The status example of the newer page: an existing kind.

#[test]
fn status_delivered_message_id() {
    let name = "pulse-status-delivered-message-id.json";
    let status: StatusCallback = read(name);
    let expected = StatusCallback {
        message_id: Some(Id::Number(8681748)),
        cascade_id: Some(Id::Number(11)),
        cascade_stage_uuid: s("001-test001"),
        subject: s("test_subject"),
        subject_id: Some(Id::Number(2)),
        payment_data: Some(PaymentData::from(WhatsAppConversationPaymentData {
            payment_type: Some(PaymentType::WhatsAppConversation),
            ..WhatsAppConversationPaymentData::new("test0001", ConversationType::Marketing, true)
        })),
        ..StatusCallback::new("test-00135", Status::Delivered, at("2025-01-30T11:07:55Z"))
    };
    assert_eq!(status, expected);
    assert_eq!(status.status_at.get(), datetime!(2025-01-30 11:07:55 UTC));
    assert!(status.extra.is_empty());
    assert_exact(name, &value_of(name), &status);

    // parse_as and parse_body agree, and the key is the request id's.
    let body = fixture(name);
    assert_eq!(parse_as::<StatusCallback>(&body).unwrap(), status);
    let callbacks = assert_body_round_trips(name, &body);
    assert_eq!(callbacks.len(), 1);
    assert_eq!(callbacks[0].as_status(), Some(&status));
    assert_eq!(
        callbacks[0].dedup_key().to_string(),
        r#"status:"test-00135":"DELIVERED""#
    );
}

// ---------------------------------------------------------------------------------------
// Edge fixtures of template statuses.

#[test]
fn template_status_with_unknown_values() {
    let name = "edge/template-status-unknown-values.json";
    let all: Vec<MessageMatcher> = read(name);
    assert_eq!(all.len(), 2);
    let t = &all[0];
    assert_eq!(t.status, TemplateStatus::Unknown("IN_APPEAL".into()));
    assert!(!t.can_send());
    assert_eq!(
        t.category,
        Some(TemplateCategory::Unknown("SERVICE_UPDATE".into()))
    );
    assert_eq!(
        t.template_type,
        Some(TemplateType::Unknown("PARTNER".into()))
    );
    assert_eq!(
        t.content_type,
        Some(ContentType::Unknown("Carousel".into()))
    );
    let content = t.content.as_deref().unwrap();
    let header = content.header.as_ref().unwrap();
    assert_eq!(
        header.header_type,
        Some(HeaderType::Unknown("CAROUSEL".into()))
    );
    let attachment = header.attachment.as_ref().unwrap();
    assert_eq!(attachment.id, Some(Id::from("att-77")));
    assert_eq!(attachment.size, Some(Numeric::from("20480")));
    assert_eq!(
        attachment.size.as_ref().and_then(Numeric::as_i64),
        Some(20480)
    );
    let buttons: Vec<&KeyboardButton> = content.keyboard.as_ref().unwrap().buttons().collect();
    assert_eq!(
        buttons[0].button_type,
        Some(ButtonType::Unknown("COPY_CODE".into()))
    );
    assert_eq!(buttons[1].button_type, Some(ButtonType::Url));
    assert_eq!(buttons[1].url_postfix.as_deref(), Some("{{1}}"));
    assert_eq!(
        t.updated_at.unwrap().get(),
        datetime!(2025-03-02 10:15:30.123456789 UTC)
    );
    assert_eq!(
        t.created_at.unwrap().get(),
        datetime!(2025-03-01 09:00:00.5 +03:00)
    );
    let second = &all[1];
    assert_eq!(second.channel_type, Channel::Unknown("Telegram_Bot".into()));
    assert_eq!(
        second.status,
        TemplateStatus::Unknown("limit_exceeded".into())
    );
    assert_eq!(second.content, None);
    // The unknown values are written back byte for byte.
    let written = serde_json::to_value(&all).unwrap();
    assert_eq!(written[0]["status"], "IN_APPEAL");
    assert_eq!(written[0]["category"], "SERVICE_UPDATE");
    assert_eq!(written[0]["type"], "PARTNER");
    assert_eq!(written[0]["contentType"], "Carousel");
    assert_eq!(written[0]["content"]["header"]["headerType"], "CAROUSEL");
    assert_eq!(
        written[0]["content"]["keyboard"]["rows"][0]["buttons"][0]["buttonType"],
        "COPY_CODE"
    );
    assert_eq!(written[1]["channelType"], "Telegram_Bot");
    assert_eq!(written[1]["status"], "limit_exceeded");
}

#[test]
fn template_status_with_an_empty_keyboard() {
    let name = "edge/template-status-empty-keyboard.json";
    let all: Vec<MessageMatcher> = read(name);
    assert_exact(name, &value_of(name), &all);
    let t = &all[0];
    assert_eq!(t.channel_type, Channel::Viber);
    assert_eq!(t.status, TemplateStatus::Pending);
    assert_eq!(t.template_type, Some(TemplateType::User));
    assert_eq!(t.category, Some(TemplateCategory::Utility));
    let content = t.content.as_deref().unwrap();
    let keyboard = content.keyboard.as_ref().unwrap();
    assert!(keyboard.is_empty());
    assert_eq!(keyboard.buttons().count(), 0);
    // The empty keyboard is one row of no buttons, as edna sends it, and as built.
    assert_eq!(keyboard, &Keyboard::new([vec![]]));
    assert_eq!(
        keyboard.rows.as_deref(),
        Some(&[KeyboardRow::new(vec![])][..])
    );
    assert_eq!(
        serde_json::to_value(keyboard).unwrap(),
        json!({"rows": [{"buttons": []}]})
    );
    assert_eq!(
        content.footer.as_ref().and_then(|f| f.text.as_deref()),
        Some("Reply STOP to opt out")
    );
    assert_eq!(content.text_example_params, Some(vec!["A-17".to_owned()]));
    // A keyboard with no rows at all, or edna's misspelled `row`, is empty too, and kept.
    let misspelled: Keyboard = serde_json::from_str(r#"{"row":[{"buttons":[]}]}"#).unwrap();
    assert!(misspelled.is_empty());
    assert_eq!(misspelled.rows, None);
    assert_eq!(misspelled.extra["row"], json!([{"buttons": []}]));
}

#[test]
fn message_matcher_body_with_unknown_fields() {
    let name = "edge/template-status-message-matcher-unknown-fields.json";
    let st: MessageMatcherStatus = read(name);
    // The unknown keys of each object, sorted (`extra`'s order depends on serde_json's
    // `preserve_order`).
    let keys = |m: &Map<String, Value>| {
        let mut keys: Vec<String> = m.keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&st.extra), ["sentAt", "webhookId"]);
    assert_eq!(
        st.subject_ids,
        Some(vec![Id::Number(18594), Id::from("18595")])
    );
    let t = &st.message_matcher;
    assert_eq!(keys(&t.extra), ["qualityScore", "rejectionReason"]);
    assert_eq!(t.extra["rejectionReason"], "INVALID_FORMAT");
    assert_eq!(t.id, Some(Id::Number(18000)));
    assert_eq!(t.status, TemplateStatus::Rejected);
    assert_eq!(t.category, Some(TemplateCategory::Authentication));
    assert!(!st.can_send());
    let content = t.content.as_deref().unwrap();
    assert_eq!(keys(&content.extra), ["carousel"]);
    let header = content.header.as_ref().unwrap();
    assert_eq!(header.header_type, Some(HeaderType::Image));
    assert_eq!(keys(&header.extra), ["format"]);
    let attachment = header.attachment.as_ref().unwrap();
    assert_eq!(keys(&attachment.extra), ["mimeType"]);
    assert_eq!(
        attachment.file_url.as_deref(),
        Some("https://example.com/h.jpg")
    );
    assert_eq!(keys(&content.footer.as_ref().unwrap().extra), ["style"]);
    let keyboard = content.keyboard.as_ref().unwrap();
    assert_eq!(keys(&keyboard.extra), ["columns"]);
    let row = &keyboard.rows.as_deref().unwrap()[0];
    assert_eq!(keys(&row.extra), ["layout"]);
    let button = &row.buttons.as_deref().unwrap()[0];
    assert_eq!(button.button_type, Some(ButtonType::Phone));
    assert_eq!(button.phone.as_deref(), Some("+74950000000"));
    assert_eq!(keys(&button.extra), ["icon"]);
    assert_eq!(
        t.updated_at.unwrap().get(),
        datetime!(2022-05-06 08:00:00 UTC)
    );
}

#[test]
fn a_duplicate_key_in_a_template_is_refused() {
    let body = r#"{"name":"a","channelType":"SMS","status":"APPROVED","status":"REJECTED"}"#;
    let err = serde_json::from_str::<MessageMatcher>(body).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid `status`: duplicate field `status`"),
        "{err}"
    );
    let body = r#"{"name":"a","channelType":"SMS","status":"APPROVED",
        "content":{"keyboard":{"rows":[{"buttons":[{"text":"a","text":"b"}]}]}}}"#;
    let err = serde_json::from_str::<MessageMatcher>(body).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "invalid `content.keyboard.rows[0].buttons[0].text`: duplicate field `text`"
        ),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// can_send, supersedes, dedup keys.

#[test]
fn only_approved_can_send() {
    for status in TemplateStatus::KNOWN {
        assert_eq!(
            status.can_send(),
            *status == TemplateStatus::Approved,
            "{status}"
        );
        let t = MessageMatcher::new("n", Channel::Whatsapp, status.clone());
        assert_eq!(t.can_send(), status.can_send(), "{status}");
        assert_eq!(
            MessageMatcherStatus::new(t).can_send(),
            status.can_send(),
            "{status}"
        );
    }
    assert!(TemplateStatus::from("approved").can_send());
    assert!(!TemplateStatus::from("APPROVED_SOON").can_send());
    assert!(!TemplateStatus::from("").can_send());
}

fn template(id: Option<i64>, status: TemplateStatus, updated_at: Option<&str>) -> MessageMatcher {
    MessageMatcher {
        id: id.map(Id::Number),
        language: s("en"),
        updated_at: updated_at.map(at),
        ..MessageMatcher::new("order_ready", Channel::Whatsapp, status)
    }
}

#[test]
fn a_newer_updated_at_supersedes_an_older_one() {
    let pending = template(
        Some(7),
        TemplateStatus::Pending,
        Some("2025-01-30T11:00:00Z"),
    );
    let approved = template(
        Some(7),
        TemplateStatus::Approved,
        Some("2025-01-30T12:00:00Z"),
    );
    assert!(approved.supersedes(&pending));
    assert!(!pending.supersedes(&approved), "a late PENDING is stale");
    // A repeat supersedes nothing.
    assert!(!approved.supersedes(&approved.clone()));
    // The same instant with another offset is the same time, not a newer one.
    let same_instant = template(
        Some(7),
        TemplateStatus::Paused,
        Some("2025-01-30T15:00:00+03:00"),
    );
    assert!(!same_instant.supersedes(&approved));
    assert!(!approved.supersedes(&same_instant));
    // Statuses are not ordered among themselves: APPROVED → PAUSED → APPROVED.
    let paused = template(
        Some(7),
        TemplateStatus::Paused,
        Some("2025-02-01T00:00:00Z"),
    );
    let approved_again = template(
        Some(7),
        TemplateStatus::Approved,
        Some("2025-02-02T00:00:00Z"),
    );
    assert!(paused.supersedes(&approved));
    assert!(approved_again.supersedes(&paused));
    assert!(!approved.supersedes(&paused));
    // Nanoseconds count.
    let a = template(
        Some(7),
        TemplateStatus::Pending,
        Some("2025-08-08T16:08:08.015356271Z"),
    );
    let b = template(
        Some(7),
        TemplateStatus::Approved,
        Some("2025-08-08T16:08:08.015356272Z"),
    );
    assert!(b.supersedes(&a) && !a.supersedes(&b));
    // The older form orders the same way.
    assert!(MessageMatcherStatus::new(approved.clone())
        .supersedes(&MessageMatcherStatus::new(pending.clone())));
    assert!(!MessageMatcherStatus::new(pending).supersedes(&MessageMatcherStatus::new(approved)));
}

#[test]
fn a_status_of_another_template_supersedes_nothing() {
    let old = template(
        Some(7),
        TemplateStatus::Pending,
        Some("2025-01-30T11:00:00Z"),
    );
    let other = template(
        Some(8),
        TemplateStatus::Approved,
        Some("2025-01-30T12:00:00Z"),
    );
    assert!(!other.supersedes(&old));
    assert!(!old.supersedes(&other));
    assert!(!other.same_template(&old));
    // Without ids: name, channel and language (ignoring case) name the template.
    let a = template(None, TemplateStatus::Pending, Some("2025-01-30T11:00:00Z"));
    let b = MessageMatcher {
        language: s("EN"),
        ..template(None, TemplateStatus::Approved, Some("2025-01-30T12:00:00Z"))
    };
    assert!(b.same_template(&a) && b.supersedes(&a));
    for different in [
        MessageMatcher {
            name: "order_ready_v2".into(),
            ..b.clone()
        },
        MessageMatcher {
            channel_type: Channel::Viber,
            ..b.clone()
        },
        MessageMatcher {
            language: s("ru"),
            ..b.clone()
        },
        MessageMatcher {
            language: None,
            ..b.clone()
        },
    ] {
        assert!(!different.same_template(&a));
        assert!(!different.supersedes(&a));
    }
    // One side without an id: the names decide (the older form has no id).
    let with_id = template(
        Some(7),
        TemplateStatus::Approved,
        Some("2025-01-30T12:00:00Z"),
    );
    assert!(with_id.same_template(&a) && with_id.supersedes(&a));
    // Ids compare as sent or as integers; the names do not matter then.
    let text_id = MessageMatcher {
        id: Some(Id::from("7")),
        name: "renamed".into(),
        ..template(None, TemplateStatus::Paused, Some("2025-01-30T13:00:00Z"))
    };
    assert!(text_id.same_template(&with_id) && text_id.supersedes(&with_id));
    let text_other = MessageMatcher {
        id: Some(Id::from("template-7")),
        ..text_id.clone()
    };
    assert!(!text_other.same_template(&with_id));
}

#[test]
fn without_updated_at_arrival_order_decides() {
    let dated = template(
        Some(7),
        TemplateStatus::Pending,
        Some("2025-01-30T11:00:00Z"),
    );
    let undated_approved = template(Some(7), TemplateStatus::Approved, None);
    let undated_pending = template(Some(7), TemplateStatus::Pending, None);
    // A dated status supersedes an undated one, whatever the statuses.
    assert!(dated.supersedes(&undated_approved));
    assert!(dated.supersedes(&undated_pending));
    // An undated status supersedes a different status, never a repeat of the same one.
    assert!(undated_approved.supersedes(&dated));
    assert!(!undated_pending.supersedes(&dated));
    assert!(undated_approved.supersedes(&undated_pending));
    assert!(!undated_pending.supersedes(&undated_pending.clone()));
    // ... and never one of another template.
    let other = template(Some(8), TemplateStatus::Pending, None);
    assert!(!undated_approved.supersedes(&other));
}

#[test]
fn template_status_keys() {
    let t = MessageMatcher {
        id: Some(Id::Number(7)),
        language: s("en"),
        updated_at: Some(at("2025-01-30T14:07:55.5+03:00")),
        ..MessageMatcher::new(
            "order \"ready\"",
            Channel::Whatsapp,
            TemplateStatus::Approved,
        )
    };
    let key = t.dedup_key();
    assert_eq!(
        key,
        DedupKey::TemplateStatus {
            template_id: Some(Id::Number(7).key()),
            name: "order \"ready\"".into(),
            channel_type: Channel::Whatsapp,
            language: s("en"),
            status: TemplateStatus::Approved,
            updated_at: Some(at("2025-01-30T11:07:55.5Z")),
        }
    );
    // Parts are JSON values, the time in UTC: one instant prints one way.
    assert_eq!(
        key.to_string(),
        r#"template-status:7:"order \"ready\"":"WHATSAPP":"en":"APPROVED":"2025-01-30T11:07:55.5Z""#
    );
    // A retry (the same body) has the same key, written with another offset too.
    let retry = MessageMatcher {
        updated_at: Some(at("2025-01-30T11:07:55.500Z")),
        ..t.clone()
    };
    assert_eq!(retry.dedup_key(), key);
    assert_eq!(retry.dedup_key().to_string(), key.to_string());
    // Another status, or another time, is another delivery.
    let paused = MessageMatcher {
        status: TemplateStatus::Paused,
        ..t.clone()
    };
    assert_ne!(paused.dedup_key(), key);
    let later = MessageMatcher {
        updated_at: Some(at("2025-01-30T11:07:56Z")),
        ..t.clone()
    };
    assert_ne!(later.dedup_key(), key);
    // The older form without id: nulls where the parts are absent.
    let bare = MessageMatcher::new(
        "n",
        Channel::Unknown("Sms_Bulk".into()),
        TemplateStatus::from("x"),
    );
    assert_eq!(
        MessageMatcherStatus::new(bare).dedup_key().to_string(),
        r#"template-status:null:"n":"Sms_Bulk":null:"x":null"#
    );
}

#[test]
fn event_keys_tell_retries_from_new_events() {
    let click = ShortLinkVisited::new(5345345, "f42kL");
    let first = at("2025-08-10T12:32:56Z");
    let second = at("2025-08-10T12:32:57Z");
    assert_eq!(click.dedup_key(first), click.clone().dedup_key(first));
    assert_ne!(click.dedup_key(first), click.dedup_key(second));
    let other_link = ShortLinkVisited::new(5345345, "g00dL");
    assert_ne!(click.dedup_key(first), other_link.dedup_key(first));
    assert_eq!(
        ShortLinkVisited::default().dedup_key(None).to_string(),
        "short-link-visited:null:null:null"
    );

    let changed = TemplateCategoryChanged::new(123, TemplateCategory::Utility);
    let back = TemplateCategoryChanged::new(123, TemplateCategory::Marketing);
    assert_ne!(changed.dedup_key(first), back.dedup_key(first));
    assert_ne!(changed.dedup_key(first), changed.dedup_key(second));
    assert_eq!(
        TemplateCategoryChanged::new("tpl-1", TemplateCategory::from("NEW_ONE"))
            .dedup_key(at("2025-08-10T15:32:56+03:00"))
            .to_string(),
        r#"template-category-changed:"tpl-1":"NEW_ONE":"2025-08-10T12:32:56Z""#
    );

    // The kinds never print the same.
    let keys = [
        click.dedup_key(first).to_string(),
        changed.dedup_key(first).to_string(),
        DedupKey::event(EventType::ShortLinkVisited, first, &json!(null)).to_string(),
        template(Some(1), TemplateStatus::Approved, None)
            .dedup_key()
            .to_string(),
    ];
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            assert_ne!(a, b);
        }
    }
    assert_eq!(
        DedupKey::event(EventType::ShortLinkVisited, None, &json!(null)).to_string(),
        r#"event:"short_link_visited":null:null"#
    );
}

#[test]
fn template_values_are_read_in_any_case_and_written_in_pulse_case() {
    let body = r#"{"name":"n","channelType":"whatsapp","status":"approved","category":"Utility","updatedAt":null,
        "type":"user","contentType":"text","content":{"header":{"headerType":"image"},
        "keyboard":{"rows":[{"buttons":[{"buttonType":"quick_reply"}]}]}}}"#;
    let t: MessageMatcher = serde_json::from_str(body).unwrap();
    assert_eq!(t.channel_type, Channel::Whatsapp);
    assert_eq!(t.status, TemplateStatus::Approved);
    assert!(t.can_send());
    let written = serde_json::to_value(&t).unwrap();
    assert_eq!(written["channelType"], "WHATSAPP");
    assert_eq!(written["status"], "APPROVED");
    assert_eq!(written["category"], "UTILITY");
    assert_eq!(written["type"], "USER");
    assert_eq!(written["contentType"], "TEXT");
    assert_eq!(written["content"]["header"]["headerType"], "IMAGE");
    assert_eq!(
        written["content"]["keyboard"]["rows"][0]["buttons"][0]["buttonType"],
        "QUICK_REPLY"
    );
}

#[test]
fn a_template_status_stays_small() {
    // `content` is boxed so that a template status (264 bytes when written) is far smaller
    // than an incoming message (584) in a `Callback`.
    let size = std::mem::size_of::<MessageMatcher>();
    assert!(size <= 400, "MessageMatcher is {size} bytes");
    assert!(std::mem::size_of::<MessageMatcherStatus>() <= 400);
}
