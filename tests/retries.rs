//! Retries and out-of-order statuses, on the golden fixtures.

use edna_callbacks::{parse_body, Callback, DedupKey, Id, Part, Status};

fn one(body: &[u8]) -> Callback {
    let mut callbacks = parse_body(body).unwrap();
    assert_eq!(callbacks.len(), 1);
    callbacks.remove(0)
}

/// A key part that is an id.
fn id(id: impl Into<Id>) -> Part {
    Part::from(&id.into())
}

#[test]
fn dedup_keys_of_the_golden_fixtures() {
    let cases: [(&[u8], DedupKey, &str); 5] = [
        (
            include_bytes!("../fixtures/pulse-incoming-text.ru.json"),
            DedupKey::new("incoming", [id(345), id(101)]),
            "incoming:345:101",
        ),
        (
            include_bytes!("../fixtures/pulse-incoming-flow-form.ru.json"),
            DedupKey::new("incoming", [id(50520), id(101)]),
            "incoming:50520:101",
        ),
        (
            include_bytes!("../fixtures/pulse-status-read.en.json"),
            // The cascade stage is part of the key since issue #15.
            DedupKey::new(
                "status",
                [
                    id("test-00135"),
                    Part::from("001-test001"),
                    Part::from("READ"),
                ],
            ),
            r#"status:"test-00135":"001-test001":"READ""#,
        ),
        (
            include_bytes!("../fixtures/legacy-status.en.json"),
            DedupKey::new("legacy-status", [id("test-001"), Part::from("READ")]),
            r#"legacy-status:"test-001":"READ""#,
        ),
        (
            include_bytes!("../fixtures/legacy-incoming.en.json"),
            DedupKey::new("legacy-incoming", [id(864), id(43407125)]),
            "legacy-incoming:864:43407125",
        ),
    ];
    for (body, key, text) in cases {
        let callback = one(body);
        assert_eq!(callback.dedup_key(), key);
        assert_eq!(callback.dedup_key().to_string(), text);
    }
}

#[test]
fn a_retry_has_the_same_key_and_another_status_does_not() {
    let body = include_bytes!("../fixtures/pulse-status-read.en.json");
    let first = one(body);
    // edna's retry is the same body; casing of the status does not matter.
    let retry = one(&String::from_utf8_lossy(body)
        .replace("\"READ\"", "\"read\"")
        .into_bytes());
    assert_eq!(first.dedup_key(), retry.dedup_key());
    let delivered = one(&String::from_utf8_lossy(body)
        .replace("\"READ\"", "\"DELIVERED\"")
        .into_bytes());
    assert_ne!(first.dedup_key(), delivered.dedup_key());
}

#[test]
fn a_retry_that_sends_an_id_as_a_string_has_the_same_key() {
    let body = String::from_utf8_lossy(include_bytes!("../fixtures/legacy-incoming.en.json"));
    assert!(body.contains("43407125"));
    let first = one(body.as_bytes());
    let retry = one(body.replace("43407125", "\"43407125\"").as_bytes());
    assert_eq!(first.as_legacy_incoming().unwrap().id, Id::Number(43407125));
    assert_eq!(retry.as_legacy_incoming().unwrap().id, Id::from("43407125"));
    assert_eq!(first.dedup_key(), retry.dedup_key());
    assert_eq!(first.dedup_key().to_string(), retry.dedup_key().to_string());
    assert_eq!(
        retry.dedup_key().to_string(),
        "legacy-incoming:864:43407125"
    );
    // A zero in front makes it another id.
    let other = one(body.replace("43407125", "\"043407125\"").as_bytes());
    assert_ne!(first.dedup_key(), other.dedup_key());
    assert_eq!(
        other.dedup_key().to_string(),
        r#"legacy-incoming:864:"043407125""#
    );
}

#[test]
fn status_without_request_id_falls_back_to_message_id() {
    let callback = one(
        br#"{"requestId":null,"messageId":4242,"status":"FAILED","statusAt":"2023-10-31T11:07:56Z",
            "error":"error-subject-unknown"}"#,
    );
    // No cascade stage: `null` in its place.
    assert_eq!(
        callback.dedup_key(),
        DedupKey::new("status", [id(4242), Part::Null, Part::from("FAILED")])
    );
    assert_eq!(
        callback.dedup_key().to_string(),
        r#"status:4242:null:"FAILED""#
    );
}

#[test]
fn a_late_delivered_does_not_overwrite_read() {
    let read = one(include_bytes!("../fixtures/pulse-status-read.en.json"));
    let body = String::from_utf8_lossy(include_bytes!("../fixtures/pulse-status-read.en.json"))
        .replace("\"READ\"", "\"DELIVERED\"");
    let delivered = one(body.as_bytes());
    let (read, delivered) = (
        &read.as_status().unwrap().status,
        &delivered.as_status().unwrap().status,
    );
    assert!(read.supersedes(delivered));
    assert!(!delivered.supersedes(read));
    // The legacy status uses the same ordering.
    let legacy = one(include_bytes!("../fixtures/legacy-status.en.json"));
    assert!(!Status::Delivered.supersedes(&legacy.as_legacy_status().unwrap().dlv_status));
}
