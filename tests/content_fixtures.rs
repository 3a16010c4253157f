//! The edge fixtures for content types edna's pages show no example of: a `BUTTON` reply,
//! `IMAGE`, `DOCUMENT`, `AUDIO` and `VIDEO` with an attachment, a location, a contact, and
//! a message without `subscriber`. Each is read with `parse_body`, its typed values are
//! checked, and writing it back must give exactly the file's JSON.

mod common;

use common::{assert_body_round_trips, fixture};
use edna_callbacks::{
    parse_body, Attachment, CallbackKind, Contact, ContentType, Id, IncomingMessage, Numeric,
    Subscriber,
};
use serde_json::Value;
use time::macros::datetime;

/// The one incoming message of `fixtures/edge/<name>`, after checking that the body
/// writes back as the very same JSON value (not only the same up to `null`s).
fn read(name: &str) -> IncomingMessage {
    let path = format!("edge/{name}");
    let body = fixture(&path);
    let callbacks = parse_body(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(callbacks.len(), 1, "{name}");
    assert_eq!(callbacks[0].kind(), CallbackKind::Incoming, "{name}");
    let original: Value = serde_json::from_slice(&body).unwrap();
    let written = serde_json::to_value(&callbacks[0]).unwrap();
    assert_eq!(
        without_added_nulls(written, &original),
        original,
        "{name}: writing back changed the JSON"
    );
    assert_body_round_trips(name, &body);
    let message = callbacks[0].as_incoming().unwrap().clone();
    // Every field of these files is a documented one.
    assert!(message.extra.is_empty(), "{name}: {:?}", message.extra);
    assert!(message.message_content.extra.is_empty(), "{name}");
    message
}

/// `written` without the `null` members that `original` does not have: the crate writes
/// every field it models, `null` when it was absent (`mimeType`, a missing `subscriber`).
/// Everything else must then be equal as a `serde_json::Value`.
fn without_added_nulls(written: Value, original: &Value) -> Value {
    match (written, original) {
        (Value::Object(w), Value::Object(o)) => Value::Object(
            w.into_iter()
                .filter(|(key, value)| !value.is_null() || o.contains_key(key))
                .map(|(key, value)| {
                    let value = match o.get(&key) {
                        Some(inner) => without_added_nulls(value, inner),
                        None => value,
                    };
                    (key, value)
                })
                .collect(),
        ),
        (Value::Array(w), Value::Array(o)) if w.len() == o.len() => Value::Array(
            w.into_iter()
                .zip(o)
                .map(|(value, inner)| without_added_nulls(value, inner))
                .collect(),
        ),
        (written, _) => written,
    }
}

fn sender() -> Option<Subscriber> {
    Some(Subscriber::new(
        Id::Number(4633047),
        Id::Text("79997776655".into()),
    ))
}

fn attachment(url: &str, name: &str, size: &str) -> Option<Box<Attachment>> {
    Some(Box::new(
        Attachment::new(url)
            .with_name(name)
            .with_size(Numeric::Text(size.into())),
    ))
}

/// Asserts that the content holds nothing but what `kind` fills.
fn only(message: &IncomingMessage, filled: &[&str]) {
    let content = serde_json::to_value(&message.message_content).unwrap();
    let set: Vec<&str> = content
        .as_object()
        .unwrap()
        .iter()
        .filter(|(key, value)| *key != "type" && !value.is_null())
        .map(|(key, _)| key.as_str())
        .collect();
    let mut expected = filled.to_vec();
    expected.sort_unstable();
    let mut set = set;
    set.sort_unstable();
    assert_eq!(set, expected, "{}", message.id);
}

#[test]
fn a_button_reply_carries_the_button_code() {
    let m = read("incoming-button.json");
    assert_eq!(m.id, Id::Number(805301));
    assert_eq!(m.message_content.kind, ContentType::Button);
    assert_eq!(m.message_content.payload.as_deref(), Some("confirm_order"));
    assert_eq!(m.message_content.text, None);
    only(&m, &["payload"]);
    assert_eq!(m.subscriber, sender());
    assert_eq!(m.reply_out_message_id, Some(Id::Number(5043874)));
    assert_eq!(
        m.reply_out_message_external_request_id,
        Some(Id::Text("2c2dd5f1-5ad8-449d-9c38-b6bdf288f1e5".into()))
    );
    assert_eq!(m.received_at.get(), datetime!(2024-08-05 09:15:02 UTC));
}

#[test]
fn media_messages_carry_their_attachment() {
    let cases = [
        (
            "incoming-image.json",
            805302,
            ContentType::Image,
            attachment(
                "https://files.example.com/in/805302/photo.jpg",
                "photo.jpg",
                "204800",
            ),
            Some("The parcel arrived damaged"),
            204_800,
        ),
        (
            "incoming-document.json",
            805303,
            ContentType::Document,
            attachment(
                "https://files.example.com/in/805303/invoice-6.pdf",
                "invoice-6.pdf",
                "48213",
            ),
            Some("Invoice"),
            48_213,
        ),
        (
            "incoming-audio.json",
            805304,
            ContentType::Audio,
            attachment(
                "https://files.example.com/in/805304/voice.ogg",
                "voice.ogg",
                "13577",
            ),
            None,
            13_577,
        ),
        (
            "incoming-video.json",
            805305,
            ContentType::Video,
            attachment(
                "https://files.example.com/in/805305/unboxing.mp4",
                "unboxing.mp4",
                "5242880",
            ),
            Some("Unboxing"),
            5_242_880,
        ),
    ];
    for (name, id, kind, expected, caption, size) in cases {
        let m = read(name);
        assert_eq!(m.id, Id::Number(id), "{name}");
        assert_eq!(m.message_content.kind, kind, "{name}");
        assert_eq!(m.message_content.attachment, expected, "{name}");
        assert_eq!(m.message_content.caption.as_deref(), caption, "{name}");
        let got = m.message_content.attachment.as_deref().unwrap();
        assert_eq!(got.size.as_ref().and_then(Numeric::as_i64), Some(size));
        assert_eq!(m.subscriber, sender(), "{name}");
        if caption.is_some() {
            only(&m, &["attachment", "caption"]);
        } else {
            only(&m, &["attachment"]);
        }
        // The size stays the string edna documents.
        let written = serde_json::to_value(&m).unwrap();
        assert!(written["messageContent"]["attachment"]["size"].is_string());
    }
}

#[test]
fn a_location_carries_its_coordinates_and_address() {
    let m = read("incoming-location.json");
    assert_eq!(m.id, Id::Number(805306));
    // Known since issue #15 (it was `Unknown("LOCATION")`).
    assert_eq!(m.message_content.kind, ContentType::Location);
    only(&m, &["location"]);
    let location = m.message_content.location.as_deref().unwrap();
    assert_eq!(
        location.latitude.as_ref().and_then(Numeric::as_f64),
        Some(55.753215)
    );
    assert_eq!(
        location.longitude.as_ref().and_then(Numeric::as_f64),
        Some(37.622504)
    );
    assert!(matches!(location.latitude, Some(Numeric::Number(_))));
    assert_eq!(location.address.as_deref(), Some("Red Square, Moscow"));
    let written = serde_json::to_string(&location.latitude).unwrap();
    assert_eq!(written, "55.753215");
}

#[test]
fn a_contact_carries_its_card() {
    let m = read("incoming-contact.json");
    assert_eq!(m.id, Id::Number(805307));
    assert_eq!(
        m.message_content.kind,
        ContentType::Unknown("CONTACT".into())
    );
    only(&m, &["contact"]);
    assert_eq!(
        m.message_content.contact.as_deref(),
        Some(
            &Contact::default()
                .with_first_name("Anna")
                .with_last_name("Petrova")
                .with_phone_number("79001112233")
        )
    );
}

#[test]
fn a_message_without_subscriber_reads_as_none() {
    let m = read("incoming-no-subscriber.json");
    assert_eq!(m.id, Id::Number(805308));
    assert_eq!(m.subscriber, None);
    assert_eq!(m.message_content.kind, ContentType::Text);
    assert_eq!(m.message_content.text.as_deref(), Some("Hello"));
    assert_eq!(
        m.user_info.as_ref().and_then(|u| u.user_name.as_deref()),
        Some("John Smith")
    );
    // Written back as `null`, like every modelled field that was absent.
    let written = serde_json::to_value(&m).unwrap();
    assert_eq!(written["subscriber"], Value::Null, "{written}");
    assert_eq!(written["subjectId"], 47610);
}
