//! The webhooks of issue 9 beyond incoming messages and statuses: template statuses (both
//! forms), and the payloads of the category-change and link-click events. Each golden
//! fixture of `pulse-more-webhooks` read into its type, its values asserted, and written
//! back unchanged; the edge fixtures of these kinds; `can_send`, `supersedes` and the
//! deduplication keys.

mod common;

use common::{assert_body_round_trips, assert_round_trip, fixture};
use edna_callbacks::{
    parse_as, parse_body, ButtonType, CallbackBody, Channel, ContentType, ConversationType,
    DedupKey, Event, EventType, HeaderType, Id, Keyboard, KeyboardButton, KeyboardRow,
    MessageMatcher, MessageMatcherStatus, Numeric, Part, PaymentData, PaymentType,
    ShortLinkVisited, Status, StatusCallback, TemplateAttachment, TemplateCategory,
    TemplateCategoryChanged, TemplateContent, TemplateFooter, TemplateHeader, TemplateKey,
    TemplateState, TemplateStatus, TemplateType, Timestamp, WhatsAppConversationPaymentData,
};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Map, Value};
use time::macros::datetime;

// ---------------------------------------------------------------------------------------
// Helpers.

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
    TemplateAttachment::default()
        .with_id(Id::Number(0))
        .with_file_url("string")
        .with_original_file_name("string")
        .with_size(Numeric::from(0))
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

    let expected = MessageMatcher::new(
        "string",
        Channel::Sms,
        TemplateStatus::Unknown("string".into()),
    )
    .with_id(Id::Number(0))
    .with_language("string")
    .with_content(
        TemplateContent::text("string")
            .with_attachment(string_attachment())
            .with_action("string")
            .with_caption("string")
            .with_header(
                TemplateHeader::default()
                    .with_header_type(HeaderType::Text)
                    .with_text("string")
                    .with_attachment(string_attachment())
                    .with_header_example_text_param("string")
                    .with_header_example_media_url("string"),
            )
            .with_footer(TemplateFooter::default().with_text("string"))
            .with_keyboard(Keyboard::new([vec![KeyboardButton::new(
                ButtonType::Phone,
                "string",
            )
            .with_url("string")
            .with_url_postfix("string")
            .with_phone("string")
            .with_payload("string")
            .with_url_text_example("string")]]))
            .with_text_example_params(["string".to_owned()]),
    )
    .with_content_type(ContentType::Text)
    .with_category(TemplateCategory::AccountUpdate)
    .with_locked(true)
    .with_template_type(TemplateType::Operator)
    .with_created_at(at("2023-07-21T13:51:47.862Z"))
    .with_updated_at(at("2023-07-21T13:51:47.862Z"));
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
    let expected = MessageMatcherStatus::new(
        MessageMatcher::new("new_matcher_2", Channel::Whatsapp, TemplateStatus::Approved)
            .with_language("EN")
            .with_content(
                TemplateContent::text("string")
                    .with_header(
                        TemplateHeader::default()
                            .with_header_type(HeaderType::Text)
                            .with_text("Hello, thank you for choosing us."),
                    )
                    .with_footer(TemplateFooter::default().with_text("my footer text")),
            )
            .with_category(TemplateCategory::Marketing)
            .with_locked(false)
            .with_template_type(TemplateType::Operator)
            .with_created_at(at("2022-05-05T11:34:34.844Z"))
            .with_updated_at(at("2022-05-05T11:34:34.844Z")),
    )
    .with_subject_ids([Id::Number(18594)]);
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
    let expected = TemplateCategoryChanged::new(123, TemplateCategory::Marketing)
        .with_name("Promotion")
        .with_channel_type(Channel::Whatsapp);
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

    let key = Event::new(EventType::TemplateCategoryChanged, timestamp, changed).dedup_key();
    assert_eq!(
        key,
        DedupKey::new(
            "template-category-changed",
            [
                Part::from(&Id::Number(123)),
                Part::from("MARKETING"),
                Part::from(timestamp),
            ]
        )
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
    // Without a version the key still names the change, at the envelope's timestamp.
    let callbacks = parse_body(&fixture(name)).unwrap();
    assert_eq!(
        callbacks[0]
            .as_template_category_changed()
            .map(|e| &e.payload),
        Some(&changed)
    );
    assert_eq!(
        callbacks[0].dedup_key().to_string(),
        r#"template-category-changed:123:"MARKETING":"2025-06-16T12:34:56Z""#
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
    let expected = ShortLinkVisited::new(5345345, "f42kL")
        .with_sender("test-channel")
        .with_template_id(Id::Number(1333))
        .with_channel_type(Channel::Whatsapp)
        .with_phone(Id::from("79991234567"))
        .with_url("google.ru")
        .with_request_id(Id::from("059cc352-f6a2-4fb0-b717-a56fa0c820bf"));
    assert_eq!(click, expected);
    assert_exact(name, &envelope["payload"], &click);
    assert_eq!(
        EventType::from(envelope["type"].as_str().unwrap()),
        EventType::ShortLinkVisited
    );
    let timestamp = at(envelope["timestamp"].as_str().unwrap());
    assert_eq!(timestamp.get(), datetime!(2025-08-10 12:32:56 UTC));
    let key = Event::new(EventType::ShortLinkVisited, timestamp, click).dedup_key();
    assert_eq!(
        key,
        DedupKey::new(
            "short-link-visited",
            [
                Part::from(&Id::Number(5345345)),
                Part::text_digest("f42kL"),
                Part::from(timestamp),
            ]
        )
    );
    assert_eq!(
        key.to_string(),
        r#"short-link-visited:5345345:"d80752b9284ff78ca4292d9b8bc6c39e":"2025-08-10T12:32:56Z""#
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
    let mut without_phone = click;
    without_phone.phone = None;
    assert_eq!(without_phone, ShortLinkVisited::default());
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
    let key = Event::new(kind.clone(), timestamp, envelope["payload"].clone()).dedup_key();
    // Its type, its time and the digest of its whole payload (since issue #15: the
    // payload's text, which may hold a phone number, is kept out of the key).
    assert_eq!(
        key.parts(),
        [
            Part::from("message_matcher.quality_changed"),
            Part::from(timestamp),
            Part::digest(&envelope["payload"]),
        ]
    );
    assert!(key.to_string().starts_with(
        r#"unknown-event:"message_matcher.quality_changed":"2025-09-01T10:00:00.000000001Z":"#
    ));
    // Another payload at the same instant is another event.
    let other = Event::new(kind, timestamp, json!({"id": 124})).dedup_key();
    assert_ne!(key, other);
}

// ---------------------------------------------------------------------------------------
// The status example of the newer page: an existing kind.

#[test]
fn status_delivered_message_id() {
    let name = "pulse-status-delivered-message-id.json";
    let status: StatusCallback = read(name);
    let expected = StatusCallback::new("test-00135", Status::Delivered, at("2025-01-30T11:07:55Z"))
        .with_message_id(Id::Number(8681748))
        .with_cascade_id(Id::Number(11))
        .with_cascade_stage_uuid("001-test001")
        .with_subject("test_subject")
        .with_subject_id(Id::Number(2))
        .with_payment_data(PaymentData::from(
            WhatsAppConversationPaymentData::new("test0001", ConversationType::Marketing, true)
                .with_payment_type(PaymentType::WhatsAppConversation),
        ));
    assert_eq!(status, expected);
    assert_eq!(status.status_at.get(), datetime!(2025-01-30 11:07:55 UTC));
    assert!(status.extra.is_empty());
    assert_exact(name, &value_of(name), &status);

    // parse_as and parse_body agree, and the key is the request id's and its cascade
    // stage's.
    let body = fixture(name);
    assert_eq!(parse_as::<StatusCallback>(&body).unwrap(), status);
    let callbacks = assert_body_round_trips(name, &body);
    assert_eq!(callbacks.len(), 1);
    assert_eq!(callbacks[0].as_status(), Some(&status));
    assert_eq!(
        callbacks[0].dedup_key().to_string(),
        r#"status:"test-00135":"001-test001":"DELIVERED""#
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
    let mut template =
        MessageMatcher::new("order_ready", Channel::Whatsapp, status).with_language("en");
    template.id = id.map(Id::Number);
    template.updated_at = updated_at.map(at);
    template
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
    let b =
        template(None, TemplateStatus::Approved, Some("2025-01-30T12:00:00Z")).with_language("EN");
    assert!(b.same_template(&a) && b.supersedes(&a));
    let mut without_language = b.clone();
    without_language.language = None;
    for different in [
        b.clone().with_name("order_ready_v2"),
        b.clone().with_channel_type(Channel::Viber),
        b.clone().with_language("ru"),
        without_language,
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
    let text_id = template(None, TemplateStatus::Paused, Some("2025-01-30T13:00:00Z"))
        .with_id("7")
        .with_name("renamed");
    assert!(text_id.same_template(&with_id) && text_id.supersedes(&with_id));
    let text_other = text_id.clone().with_id("template-7");
    assert!(!text_other.same_template(&with_id));
    // With ids on both sides, the same template exactly when the keys are equal.
    let padded = text_id.clone().with_id("07");
    assert!(!padded.same_template(&with_id));
    assert_ne!(padded.key(), with_id.key());
    let big = text_id.clone().with_id(u64::MAX);
    let big_text = text_id.clone().with_id("18446744073709551615");
    assert!(big.same_template(&big_text) && big_text.same_template(&big));
    assert_eq!(big.key(), big_text.key());
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
    let t = MessageMatcher::new(
        "order \"ready\"",
        Channel::Whatsapp,
        TemplateStatus::Approved,
    )
    .with_id(7)
    .with_language("en")
    .with_updated_at(at("2025-01-30T14:07:55.5+03:00"));
    let key = t.dedup_key();
    assert_eq!(
        key,
        DedupKey::new(
            "message-matcher",
            [
                Part::from(&Id::Number(7)),
                Part::text_digest("order \"ready\""),
                Part::from("WHATSAPP"),
                Part::from("en"),
                Part::from("APPROVED"),
                Part::from(at("2025-01-30T11:07:55.5Z")),
            ]
        )
    );
    assert_eq!(key.kind(), "message-matcher");
    // Parts are JSON values, the time in UTC: one instant prints one way. The name is
    // free text: the key holds its digest, never the name.
    assert_eq!(
        key.to_string(),
        r#"message-matcher:7:"86b28d364c0d1832ccf8a74b3f87a53e":"WHATSAPP":"en":"APPROVED":"2025-01-30T11:07:55.5Z""#
    );
    assert!(!key.to_string().contains("ready"));
    assert_eq!(key.to_string().parse::<DedupKey>(), Ok(key.clone()));
    // A retry (the same body) has the same key, written with another offset too.
    let retry = t.clone().with_updated_at(at("2025-01-30T11:07:55.500Z"));
    assert_eq!(retry.dedup_key(), key);
    assert_eq!(retry.dedup_key().to_string(), key.to_string());
    // Another status, or another time, is another delivery.
    let paused = t.clone().with_status(TemplateStatus::Paused);
    assert_ne!(paused.dedup_key(), key);
    let later = t.clone().with_updated_at(at("2025-01-30T11:07:56Z"));
    assert_ne!(later.dedup_key(), key);
    // The older form without id: nulls where the parts are absent.
    let bare = MessageMatcher::new(
        "n",
        Channel::Unknown("Sms_Bulk".into()),
        TemplateStatus::from("x"),
    );
    assert_eq!(
        MessageMatcherStatus::new(bare).dedup_key().to_string(),
        r#"message-matcher:null:"a68c4dc2688b5822836dbc7906728c19":"Sms_Bulk":null:"x":null"#
    );
}

#[test]
fn a_template_key_is_its_id_else_its_channel_name_and_language() {
    // With an id: the id, as an IdKey (7 and "7" are one key); the names do not matter.
    let numbered = template(Some(7), TemplateStatus::Approved, None);
    assert_eq!(numbered.key(), TemplateKey::id(Id::Number(7)));
    assert_eq!(numbered.clone().with_id("7").key(), numbered.key());
    assert_eq!(
        numbered
            .clone()
            .with_name("renamed")
            .with_language("ru")
            .key(),
        numbered.key()
    );
    assert_ne!(numbered.clone().with_id("07").key(), numbered.key());
    assert_eq!(numbered.key().to_string(), "id:7");
    assert_eq!(
        numbered.clone().with_id("tpl-7").key().to_string(),
        r#"id:"tpl-7""#
    );
    // Without one: channel, name and language (ignoring ASCII case), as same_template.
    let named = template(None, TemplateStatus::Approved, None);
    assert_eq!(
        named.key(),
        TemplateKey::named(Channel::Whatsapp, "order_ready", Some("en"))
    );
    assert_eq!(named.clone().with_language("EN").key(), named.key());
    assert_eq!(
        named.key().to_string(),
        r#"name:"WHATSAPP":"order_ready":"en""#
    );
    assert_eq!(
        named.key().as_named(),
        Some((&Channel::Whatsapp, "order_ready", Some("en")))
    );
    assert_eq!(named.key().as_id(), None);
    let mut without_language = named.clone();
    without_language.language = None;
    assert_eq!(
        without_language.key().to_string(),
        r#"name:"WHATSAPP":"order_ready":null"#
    );
    for different in [
        named.clone().with_name("order_ready_v2"),
        named.clone().with_channel_type(Channel::Viber),
        named.clone().with_language("ru"),
        without_language,
    ] {
        assert_ne!(different.key(), named.key());
        assert!(!different.same_template(&named));
    }
    // The older form has its template's key.
    assert_eq!(MessageMatcherStatus::new(named.clone()).key(), named.key());
    // Keys go in a map.
    let keys: std::collections::HashSet<TemplateKey> = [
        numbered.key(),
        numbered.clone().with_id("7").key(),
        named.key(),
        named.clone().with_language("En").key(),
    ]
    .into();
    assert_eq!(keys.len(), 2);
}

#[test]
fn a_template_keys_text_reads_back_as_the_key() {
    for key in [
        TemplateKey::id(Id::Number(-7)),
        TemplateKey::id(Id::from(u64::MAX)),
        TemplateKey::id(Id::from("tpl:7 \"x\"")),
        TemplateKey::id(Id::from("")),
        TemplateKey::named(Channel::Whatsapp, "order_ready", Some("pt_BR")),
        TemplateKey::named(Channel::from("sms"), "a:b\\c\"d\n", None),
        TemplateKey::named(Channel::Unknown("Sms_Bulk".into()), "", Some("")),
    ] {
        let text = key.to_string();
        assert_eq!(text.parse::<TemplateKey>(), Ok(key.clone()), "{text}");
    }
    for (bad, at) in [
        ("", 0),
        ("7", 0),
        ("key:7", 0),
        ("id:", 3),
        ("id:null", 3),
        ("id:7:8", 6),
        ("id:tpl", 3),
        (r#"name:"WHATSAPP":"n""#, 19),
        (r#"name:"WHATSAPP":7:null"#, 5),
        (r#"name:"WHATSAPP":"n":7"#, 21),
    ] {
        let e = bad.parse::<TemplateKey>().unwrap_err();
        assert_eq!(e.position(), at, "{bad}: {e}");
        assert!(e.to_string().starts_with("invalid key: "), "{e}");
    }
}

#[test]
fn a_template_state_orders_by_what_a_handler_stored() {
    let stored_row = |t: &MessageMatcher| {
        (
            t.key().to_string(),
            t.status.as_str().to_owned(),
            t.updated_at.map(Timestamp::unix_millis),
        )
    };
    let from_row = |(key, status, millis): &(String, String, Option<i64>)| {
        TemplateState::new(
            key.parse().unwrap(),
            TemplateStatus::from(status.as_str()),
            millis.and_then(Timestamp::from_unix_millis),
        )
    };
    let pending = template(
        Some(7),
        TemplateStatus::Pending,
        Some("2025-01-30T11:00:00Z"),
    );
    let approved = template(
        Some(7),
        TemplateStatus::Approved,
        Some("2025-01-30T15:00:00.001+03:00"),
    );
    let stored = from_row(&stored_row(&pending));
    assert_eq!(stored, pending.state());
    // What supersedes agrees with MessageMatcher::supersedes, from three columns.
    let undated_approved = template(Some(7), TemplateStatus::Approved, None);
    let undated_pending = template(Some(7), TemplateStatus::Pending, None);
    let other = template(
        Some(8),
        TemplateStatus::Approved,
        Some("2025-02-01T00:00:00Z"),
    );
    let all = [
        &pending,
        &approved,
        &undated_approved,
        &undated_pending,
        &other,
    ];
    for new in all {
        for old in all {
            assert_eq!(
                new.state().supersedes(&from_row(&stored_row(old))),
                new.supersedes(old),
                "{:?} after {:?}",
                new.state(),
                old.state()
            );
        }
    }
    assert!(approved.state().supersedes(&stored));
    assert!(!pending
        .state()
        .supersedes(&from_row(&stored_row(&approved))));
    // Both forms have the same state.
    assert_eq!(
        MessageMatcherStatus::new(approved.clone()).state(),
        approved.state()
    );
}

/// The key of a click at `at`.
fn click_key(click: &ShortLinkVisited, at: Timestamp) -> DedupKey {
    Event::new(EventType::ShortLinkVisited, at, click.clone()).dedup_key()
}

/// The key of a category change at `at`.
fn change_key(changed: &TemplateCategoryChanged, at: Timestamp) -> DedupKey {
    Event::new(EventType::TemplateCategoryChanged, at, changed.clone()).dedup_key()
}

#[test]
fn event_keys_tell_retries_from_new_events() {
    let click = ShortLinkVisited::new(5345345, "f42kL");
    let first = at("2025-08-10T12:32:56Z");
    let second = at("2025-08-10T12:32:57Z");
    assert_eq!(click_key(&click, first), click_key(&click.clone(), first));
    assert_ne!(click_key(&click, first), click_key(&click, second));
    let other_link = ShortLinkVisited::new(5345345, "g00dL");
    assert_ne!(click_key(&click, first), click_key(&other_link, first));
    assert_eq!(
        click_key(&ShortLinkVisited::default(), first).to_string(),
        r#"short-link-visited:null:null:"2025-08-10T12:32:56Z""#
    );

    let changed = TemplateCategoryChanged::new(123, TemplateCategory::Utility);
    let back = TemplateCategoryChanged::new(123, TemplateCategory::Marketing);
    assert_ne!(change_key(&changed, first), change_key(&back, first));
    assert_ne!(change_key(&changed, first), change_key(&changed, second));
    assert_eq!(
        change_key(
            &TemplateCategoryChanged::new("tpl-1", TemplateCategory::from("NEW_ONE")),
            at("2025-08-10T15:32:56+03:00")
        )
        .to_string(),
        r#"template-category-changed:"tpl-1":"NEW_ONE":"2025-08-10T12:32:56Z""#
    );

    // The kinds never print the same.
    let unknown = Event::new(EventType::ShortLinkVisited, first, json!(null));
    let keys = [
        click_key(&click, first).to_string(),
        change_key(&changed, first).to_string(),
        unknown.dedup_key().to_string(),
        template(Some(1), TemplateStatus::Approved, None)
            .dedup_key()
            .to_string(),
    ];
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            assert_ne!(a, b);
        }
    }
    // An event read as of an unknown type is keyed by its type, time and the digest of
    // its whole payload (its text, since issue #15, never).
    let key = unknown.dedup_key();
    assert_eq!(key.kind(), "unknown-event");
    assert_eq!(
        key.parts(),
        [
            Part::from("short_link_visited"),
            Part::from(first),
            Part::digest(&json!(null))
        ]
    );
}

/// An unknown event's key holds its payload's digest, never its text, which may hold a
/// phone number or a name (issue #17): a retry has the same key, another payload another.
#[test]
fn an_unknown_events_key_holds_its_payloads_digest_not_its_text() {
    let callbacks = parse_body(&fixture("edge/event-unknown-type.json")).unwrap();
    let key = callbacks[0].dedup_key();
    let text = key.to_string();
    assert!(
        text.starts_with(
            r#"unknown-event:"message_matcher.quality_changed":"2025-09-01T10:00:00.000000001Z":""#
        ),
        "{text}"
    );
    assert!(
        !text.contains("Promotion") && !text.contains("GREEN"),
        "{text}"
    );
    let again = parse_body(&fixture("edge/event-unknown-type.json")).unwrap();
    assert_eq!(again[0].dedup_key(), key);
    let other = fixture("edge/event-unknown-type.json");
    let other = String::from_utf8(other)
        .unwrap()
        .replace("Promotion", "Promotion 2");
    assert_ne!(parse_body(other.as_bytes()).unwrap()[0].dedup_key(), key);
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
    // than an incoming message (576) in a `Callback`.
    let size = std::mem::size_of::<MessageMatcher>();
    assert!(size <= 400, "MessageMatcher is {size} bytes");
    assert!(std::mem::size_of::<MessageMatcherStatus>() <= 400);
}
