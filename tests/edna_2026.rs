//! What edna sends in 2026 (issue #15; `edna-docs/FACTS.md`, its 2026 section): who the
//! subscriber is (MAX ids, phone numbers linked to them, WhatsApp BSUIDs), the WhatsApp
//! calling-settings status, cascades and id-less statuses (their dedup keys and order),
//! events and bodies of kinds this version does not know, the legacy SMS status, and the
//! new values and fields. Every fixture here writes back what came.

mod common;

use std::collections::HashSet;

use common::{assert_body_round_trips, fixture};
use edna_callbacks::{
    parse_body, parse_body_each, CallIconVisibility, Callback, CallbackKind, CallingFeatureStatus,
    CallingRequestStatus, Channel, ContentType, DayOfWeek, DedupKey, Delivery, ErrorCode, Id,
    IdentifierKind, IdentifierType, IncomingMessage, Numeric, Party, PartyField,
    SrtpKeyExchangeProtocol, Status, StatusCallback, Timestamp,
};
use serde_json::{json, Value};

fn text(s: &str) -> Id {
    Id::Text(s.to_owned())
}

/// The callbacks of `fixtures/edge/<name>`, which must write back what came.
fn edge(name: &str) -> Vec<Callback> {
    let path = format!("edge/{name}");
    assert_body_round_trips(&path, &fixture(&path))
}

fn incoming(c: &Callback) -> &IncomingMessage {
    c.as_incoming()
        .unwrap_or_else(|| panic!("expected an incoming message, got {:?}", c.kind()))
}

fn statuses(callbacks: &[Callback]) -> Vec<&StatusCallback> {
    callbacks.iter().filter_map(Callback::as_status).collect()
}

fn found(c: &Callback) -> Vec<String> {
    c.unrecognized().iter().map(ToString::to_string).collect()
}

// ---------------------------------------------------------------------------------------
// Who the subscriber is.

#[test]
fn a_max_id_is_not_a_phone_number() {
    let all = edge("incoming-max-id.json");
    let m = incoming(&all[0]);
    assert_eq!(m.id, Id::Number(905101));
    assert_eq!(m.message_content.kind, ContentType::ConversationStarted);
    assert_eq!(m.message_content.text.as_deref(), Some("/start"));
    assert_eq!(m.user_info, None);
    let subscriber = m.subscriber.as_ref().unwrap();
    assert_eq!(subscriber.identifier, Some(text("194089586")));
    let identifiers = subscriber.identifiers.as_deref().unwrap();
    assert_eq!(identifiers.len(), 1);
    assert_eq!(identifiers[0].kind, Some(IdentifierType::MaxId));
    assert_eq!(identifiers[0].value, Some(text("194089586")));

    let party = all[0].party().unwrap();
    assert_eq!(party.identifier, &text("194089586"));
    assert_eq!(party.field, PartyField::SubscriberIdentifier);
    assert_eq!(party.kind, IdentifierKind::MaxId);
    // Nine digits, like a phone number, but edna says it is a MAX id.
    assert!(!party.is_phone());
    assert_eq!(party.phone(), None);
    assert_eq!(party.key().to_string(), "194089586");
    // The fields edna sends as `null` on MAX are empty, and nothing was new.
    assert_eq!(m.last_message, None);
    assert_eq!(m.message_content.call_permission_reply, None);
    assert_eq!(found(&all[0]), Vec::<String>::new());
}

#[test]
fn a_max_id_with_a_linked_phone_gives_the_phone_and_keeps_its_key() {
    let all = edge("incoming-max-id-and-phone.json");
    let m = incoming(&all[0]);
    let identifiers = m
        .subscriber
        .as_ref()
        .unwrap()
        .identifiers
        .as_deref()
        .unwrap();
    // In no fixed order: the phone first here.
    assert_eq!(identifiers[0].kind, Some(IdentifierType::Phone));
    assert_eq!(identifiers[1].kind, Some(IdentifierType::MaxId));
    let party = all[0].party().unwrap();
    assert_eq!(party.kind, IdentifierKind::MaxId);
    assert!(!party.is_phone());
    assert_eq!(party.phone(), Some(&text("79000000000")));
    assert_eq!(party.key().to_string(), "1940895861");

    // The key does not change when the `PHONE` entry goes away (or comes).
    let mut without_phone: Value =
        serde_json::from_slice(&fixture("edge/incoming-max-id-and-phone.json")).unwrap();
    without_phone["subscriber"]["identifiers"]
        .as_array_mut()
        .unwrap()
        .remove(0);
    let again = parse_body(&serde_json::to_vec(&without_phone).unwrap()).unwrap();
    let party_again = again[0].party().unwrap();
    assert_eq!(party_again.key(), party.key());
    assert_eq!(party_again.kind, IdentifierKind::MaxId);
    assert_eq!(party_again.phone(), None);
}

#[test]
fn a_whatsapp_bsuid_is_told_by_its_form() {
    let all = edge("incoming-whatsapp-bsuid.json");
    let party = all[0].party().unwrap();
    assert_eq!(party.identifier, &text("US.13491208655302741918"));
    assert_eq!(party.kind, IdentifierKind::Bsuid);
    assert!(!party.is_phone());
    assert_eq!(party.phone(), None);
    assert_eq!(party.key().to_string(), "US.13491208655302741918");
    assert!(edna_callbacks::is_bsuid("US.13491208655302741918"));
}

/// What a party is, from what edna says: the `identifiers` entry of the identifier, else
/// its form, else the field's documentation for a value written as a phone number. The
/// digits alone never make a phone number.
#[test]
fn a_party_is_what_edna_says_it_is() {
    let max_id = IdentifierType::MaxId;
    let phone = IdentifierType::Phone;
    let new_type = IdentifierType::from("USERNAME");
    let nine = text("194089586");
    let phone_number = text("79000000000");
    let field = PartyField::SubscriberIdentifier;
    let cases: Vec<(Party, IdentifierKind, Option<&Id>)> = vec![
        // Documented as a phone number, written as one: a phone number.
        (
            Party::new(&phone_number, field),
            IdentifierKind::Phone,
            Some(&phone_number),
        ),
        (Party::new(&nine, field), IdentifierKind::Phone, Some(&nine)),
        // edna says it is a MAX id: not a phone, whatever its digits.
        (
            Party::with_identifiers(&nine, field, [(&max_id, &nine)]),
            IdentifierKind::MaxId,
            None,
        ),
        (
            Party::with_identifiers(&nine, field, [(&phone, &phone_number), (&max_id, &nine)]),
            IdentifierKind::MaxId,
            Some(&phone_number),
        ),
        // edna lists another phone number: the identifier is not that phone.
        (
            Party::with_identifiers(&nine, field, [(&phone, &phone_number)]),
            IdentifierKind::Unknown,
            Some(&phone_number),
        ),
        // An entry of a type this version does not know says it is something else.
        (
            Party::with_identifiers(&nine, field, [(&new_type, &nine)]),
            IdentifierKind::Unknown,
            None,
        ),
        // edna says the identifier is the phone number.
        (
            Party::with_identifiers(&phone_number, field, [(&phone, &phone_number)]),
            IdentifierKind::Phone,
            Some(&phone_number),
        ),
    ];
    for (party, kind, phone) in cases {
        assert_eq!(party.kind, kind, "{party:?}");
        assert_eq!(party.is_phone(), kind == IdentifierKind::Phone, "{party:?}");
        assert_eq!(party.phone(), phone, "{party:?}");
        assert_eq!(party.key(), party.identifier.key());
    }
    // An opaque id, a number as a number, a BSUID.
    let opaque = text("tg-5f2b9c");
    assert_eq!(Party::new(&opaque, field).kind, IdentifierKind::Unknown);
    let number = Id::Number(79000000000);
    assert_eq!(Party::new(&number, field).kind, IdentifierKind::Phone);
    let bsuid = text("BR.1349");
    assert_eq!(
        Party::new(&bsuid, PartyField::Phone).kind,
        IdentifierKind::Bsuid
    );
}

// ---------------------------------------------------------------------------------------
// The calling-settings status.

#[test]
fn the_calling_settings_format_is_read_field_by_field() {
    let body = fixture("pulse-calling-settings-status.format.json");
    let all = assert_body_round_trips("format", &body);
    assert_eq!(all[0].kind(), CallbackKind::CallingSettingsStatus);
    let settings = all[0].as_calling_settings_status().unwrap();
    // Every value of the format is the placeholder `"string"`: unknown where a set of
    // values is known, text elsewhere.
    assert_eq!(settings.request_id, Some(text("string")));
    assert_eq!(
        settings.status,
        CallingRequestStatus::Unknown("string".into())
    );
    let calling = settings.calling.as_ref().unwrap();
    assert_eq!(
        calling.status,
        Some(CallingFeatureStatus::Unknown("string".into()))
    );
    let hours = calling.call_hours.as_ref().unwrap();
    assert_eq!(hours.timezone_id.as_deref(), Some("string"));
    assert_eq!(hours.weekly_operating_hours.as_ref().map(Vec::len), Some(2));
    assert_eq!(hours.holiday_schedule.as_ref().map(Vec::len), Some(1));
    let server = &calling.sip.as_ref().unwrap().servers.as_deref().unwrap()[0];
    assert_eq!(server.hostname.as_deref(), Some("string"));
    assert_eq!(server.port, Some(Numeric::from("string")));
    let params = server.request_uri_user_params.as_ref().unwrap();
    assert_eq!(params.keys().collect::<Vec<_>>(), ["KEY1", "KEY2", "KEY3"]);
    // Every field is documented: only the placeholders are values it does not know.
    for finding in all[0].unrecognized() {
        assert_eq!(finding.what.as_str(), "unknown-value", "{finding}");
    }
    // It is not a status, and has no time.
    assert_eq!(all[0].delivery(), None);
    assert_eq!(all[0].occurred_at(), None);
}

#[test]
fn the_calling_settings_example_has_edna_s_values() {
    let all = edge("calling-settings-status.json");
    let settings = all[0].as_calling_settings_status().unwrap();
    assert_eq!(
        settings.request_id,
        Some(text("5f2a7c1e-0b3d-4e8f-9a61-2c7d4e9b0f13"))
    );
    assert_eq!(settings.status, CallingRequestStatus::Success);
    let calling = settings.calling.as_ref().unwrap();
    assert_eq!(calling.status, Some(CallingFeatureStatus::Enabled));
    assert_eq!(
        calling.call_icon_visibility,
        Some(CallIconVisibility::Default)
    );
    assert_eq!(
        calling.callback_permission_status,
        Some(CallingFeatureStatus::Enabled)
    );
    assert_eq!(
        calling.srtp_key_exchange_protocol,
        Some(SrtpKeyExchangeProtocol::Dtls)
    );
    let hours = calling.call_hours.as_ref().unwrap();
    assert_eq!(hours.status, Some(CallingFeatureStatus::Enabled));
    assert_eq!(hours.timezone_id.as_deref(), Some("America/Manaus"));
    let week = hours.weekly_operating_hours.as_deref().unwrap();
    let days: Vec<DayOfWeek> = week.iter().filter_map(|d| d.day_of_week.clone()).collect();
    assert_eq!(days, DayOfWeek::KNOWN);
    for day in week {
        assert_eq!(day.open_time.as_deref(), Some("1030"));
        assert_eq!(day.close_time.as_deref(), Some("1900"));
    }
    let holiday = &hours.holiday_schedule.as_deref().unwrap()[0];
    assert_eq!(holiday.date.as_deref(), Some("2026-01-01"));
    let sip = calling.sip.as_ref().unwrap();
    assert_eq!(sip.status, Some(CallingFeatureStatus::Enabled));
    let server = &sip.servers.as_deref().unwrap()[0];
    assert_eq!(server.hostname.as_deref(), Some("sip.example.com"));
    assert_eq!(server.port, Some(Numeric::from("5061")));
    assert_eq!(
        server
            .request_uri_user_params
            .as_ref()
            .unwrap()
            .get("tenant"),
        Some(&json!("shop-42"))
    );
    assert_eq!(found(&all[0]), Vec::<String>::new());
    assert_eq!(
        all[0].dedup_key().to_string(),
        r#"calling-settings-status:"5f2a7c1e-0b3d-4e8f-9a61-2c7d4e9b0f13":"SUCCESS""#
    );
    // Meta's other values are known too, and written back as edna spells them.
    assert_eq!(
        CallIconVisibility::from("disable_all"),
        CallIconVisibility::DisableAll
    );
    assert_eq!(SrtpKeyExchangeProtocol::from("SDES").as_str(), "SDES");
}

/// A body that only resembles a status is not a broken status: with `calling` it is the
/// calling-settings status; without, of no known kind (it used to be refused as
/// ``invalid `statusAt`: missing field `statusAt` ``).
#[test]
fn the_calling_settings_status_is_not_a_broken_status() {
    let body = br#"{"requestId":"r-1","status":"SUCCESS","calling":null}"#;
    let all = parse_body(body).unwrap();
    assert_eq!(all[0].kind(), CallbackKind::CallingSettingsStatus);
    assert_eq!(all[0].as_calling_settings_status().unwrap().calling, None);
    let all = parse_body(br#"{"requestId":"r-1","status":"SUCCESS"}"#).unwrap();
    let unknown = all[0].as_unknown().unwrap();
    assert_eq!(unknown.resembles(), None);
    let diagnosis = unknown.diagnosis();
    assert!(!diagnosis.contains("missing field"), "{diagnosis}");
    assert!(
        diagnosis.contains("calling for a calling-settings status"),
        "{diagnosis}"
    );
}

// ---------------------------------------------------------------------------------------
// Dedup and ordering that match edna's deliveries.

#[test]
fn two_id_less_failures_of_different_messages_have_two_keys() {
    let all = edge("status-failed-without-ids.json");
    let st = statuses(&all);
    for s in &st {
        assert_eq!(s.request_id, None);
        assert_eq!(s.message_id, None);
        assert_eq!(s.status, Status::Failed);
        assert_eq!(s.error, Some(ErrorCode::SubjectUnknown));
    }
    assert_eq!(st[0].comment.as_deref(), Some("order 1001"));
    let (a, b) = (all[0].dedup_key(), all[1].dedup_key());
    assert_ne!(a, b);
    // The key holds no text of the body (the comment, here), only its digest.
    assert!(
        a.to_string()
            .starts_with(r#"status:null:"7c0e5a52-3f1d-4b8e-9c2a-1d6f0b4e8a01":"FAILED":""#),
        "{a}"
    );
    assert!(!a.to_string().contains("order 1001"), "{a}");
    // A retry repeats the body: the same key, whatever the order of its keys or spaces.
    let again = parse_body(&fixture("edge/status-failed-without-ids.json")).unwrap();
    assert_eq!(again[0].dedup_key(), a);
    let objects: Vec<Value> =
        serde_json::from_slice(&fixture("edge/status-failed-without-ids.json")).unwrap();
    let compact = parse_body(objects[1].to_string().as_bytes()).unwrap();
    assert_eq!(compact[0].dedup_key(), b);
    // Two failures that differ only in `statusAt` are two deliveries too.
    let mut later = objects[0].clone();
    later["statusAt"] = json!("2026-07-01T10:00:01Z");
    let later = parse_body(later.to_string().as_bytes()).unwrap();
    assert_ne!(later[0].dedup_key(), a);
}

/// A cascade, Viber then SMS, under one `requestId`: four deliveries, four keys; the SMS
/// stage's success is not stale after the Viber stage's failure.
#[test]
fn a_viber_to_sms_cascade_has_four_keys_and_a_fresh_start() {
    let all = edge("status-cascade-viber-sms.json");
    let st = statuses(&all);
    let [viber_sent, viber_undelivered, sms_sent, sms_delivered] = st[..] else {
        panic!("{st:?}");
    };
    for s in &st {
        assert_eq!(s.request_id, Some(text("cascade-0001")));
        assert_eq!(s.cascade_id, Some(Id::Number(11)));
    }
    assert_eq!(viber_undelivered.error, Some(ErrorCode::NotViberUser));
    assert_eq!(
        viber_sent.cascade_stage_uuid.as_deref(),
        Some("5a1c9e70-2b4d-4f8a-8c3e-9d7b1f0a6e21")
    );
    assert_eq!(
        sms_sent.cascade_stage_uuid.as_deref(),
        Some("e3f80b16-7a2c-4d95-b1e4-0c6a2d9f5b38")
    );
    let keys: HashSet<DedupKey> = all.iter().map(Callback::dedup_key).collect();
    assert_eq!(keys.len(), 4);
    assert_eq!(
        all[2].dedup_key().to_string(),
        r#"status:"cascade-0001":"e3f80b16-7a2c-4d95-b1e4-0c6a2d9f5b38":"SENT""#
    );
    // A retry of each has its key.
    let again = parse_body(&fixture("edge/status-cascade-viber-sms.json")).unwrap();
    for (a, b) in all.iter().zip(&again) {
        assert_eq!(a.dedup_key(), b.dedup_key());
    }
    // In order, each supersedes the one before.
    assert!(viber_undelivered.supersedes(viber_sent));
    assert!(sms_sent.supersedes(viber_undelivered));
    assert!(sms_delivered.supersedes(sms_sent));
    // Late: the Viber stage's statuses never replace the SMS stage's.
    assert!(!viber_sent.supersedes(sms_sent));
    assert!(!viber_undelivered.supersedes(sms_delivered));
    assert!(!sms_sent.supersedes(sms_delivered));
    // The status order alone would call the SMS `SENT` stale: that is what stages fix.
    assert!(!sms_sent.status.supersedes(&viber_undelivered.status));
    // And the one view of a delivery says the same, stage included.
    let (failed, sent) = (all[1].delivery().unwrap(), all[2].delivery().unwrap());
    assert_eq!(failed.stage, Some("5a1c9e70-2b4d-4f8a-8c3e-9d7b1f0a6e21"));
    assert!(failed.failed());
    assert!(sent.supersedes(&failed));
    assert!(!failed.supersedes(&sent));
}

#[test]
fn outside_a_cascade_the_status_order_decides() {
    let at = |s: &str| Timestamp::parse(s).unwrap();
    let read = StatusCallback::new("r-1", Status::Read, at("2026-07-01T10:00:05Z"));
    let late_delivered = StatusCallback::new("r-1", Status::Delivered, at("2026-07-01T10:00:01Z"));
    assert!(!late_delivered.supersedes(&read));
    assert!(read.supersedes(&late_delivered));
    // One stage on one side only: the same attempt, as far as the bodies say.
    let staged = late_delivered.clone().with_cascade_stage_uuid("s-1");
    assert!(!staged.supersedes(&read));
    // Two stages at the same instant: the one recorded stays.
    let a =
        Delivery::new(None, &Status::Sent, at("2026-07-01T10:00:00Z"), None).with_stage(Some("a"));
    let b = Delivery::new(None, &Status::Failed, at("2026-07-01T10:00:00Z"), None)
        .with_stage(Some("b"));
    assert!(!a.supersedes(&b) && !b.supersedes(&a));
}

// ---------------------------------------------------------------------------------------
// Events and bodies of no kind this version knows.

#[test]
fn an_unknown_event_with_a_null_payload_is_kept() {
    let all = edge("event-unknown-type-null-payload.json");
    let event = all[0].as_unknown_event().unwrap();
    assert_eq!(event.event_type.as_str(), "message_matcher.quality_changed");
    assert_eq!(event.version.as_deref(), Some("v1"));
    assert_eq!(event.payload, Value::Null);
    assert_eq!(found(&all[0]), ["unknown-event-type at `type`"]);
    let key = all[0].dedup_key().to_string();
    assert!(
        key.starts_with(
            r#"unknown-event:"message_matcher.quality_changed":"2026-07-01T10:00:00Z":""#
        ),
        "{key}"
    );
}

#[test]
fn edna_chat_center_s_init_chat_is_kept_whole_alone_and_in_an_array() {
    let all = edge("unknown-chat-center-init-chat.json");
    let unknown = all[0].as_unknown().unwrap();
    assert_eq!(unknown.body["action"], "INIT_CHAT");
    assert_eq!(
        unknown.body["channelInfo"],
        json!({ "type": "TELEGRAM", "id": 17 })
    );
    assert_eq!(unknown.resembles(), None);
    assert!(unknown.marked_kinds().is_empty());
    let diagnosis = unknown.diagnosis();
    for value in [
        "INIT_CHAT",
        "threadsClientId",
        "3f6c2a9e",
        "TELEGRAM",
        "action",
    ] {
        assert!(!diagnosis.contains(value), "{diagnosis}");
    }
    assert_eq!(found(&all[0]), ["unknown-kind at `.`"]);
    assert_eq!(all[0].dedup_key().kind(), "unknown");

    let name = "edge/array-statuses-and-chat-center-init-chat.json";
    let all = edge("array-statuses-and-chat-center-init-chat.json");
    let kinds: Vec<CallbackKind> = all.iter().map(Callback::kind).collect();
    assert_eq!(
        kinds,
        [
            CallbackKind::Status,
            CallbackKind::Unknown,
            CallbackKind::Status
        ]
    );
    assert_eq!(all[1].as_unknown(), Some(unknown));
    let statuses = statuses(&all);
    assert!(statuses[1].supersedes(statuses[0]));
    // Element by element too: nothing is an error.
    let body = fixture(name);
    let each = parse_body_each(&body).unwrap();
    assert!(each.iter().all(|element| element.is_ok()));
}

// ---------------------------------------------------------------------------------------
// The legacy SMS status, and the new values and fields.

#[test]
fn a_legacy_sms_status_is_a_legacy_status() {
    let all = edge("legacy-status-sms.json");
    let st = all[0].as_legacy_status().unwrap();
    assert_eq!(st.im_out_message_id, None);
    assert_eq!(st.sms_out_message_id, Some(text("test-sms-001")));
    assert_eq!(st.message_id(), Some(&text("test-sms-001")));
    assert_eq!(st.dlv_status, Status::Delivered);
    assert_eq!(st.dlv_error, Some(ErrorCode::Ok));
    assert_eq!(st.dlv_status_at.to_string(), "2026-07-01T13:05:07+03:00");
    let delivery = all[0].delivery().unwrap();
    assert_eq!(delivery.reference, Some(&text("test-sms-001")));
    assert!(!delivery.failed());
    assert_eq!(
        all[0].dedup_key().to_string(),
        r#"legacy-status:null:"test-sms-001":"DELIVERED""#
    );
    // `smsOutMessageId` alone tells the kind, wherever it stands.
    let body = br#"{"dlvError":"ok","smsOutMessageId":7}"#;
    let err = parse_body(body).unwrap_err();
    assert_eq!(err.path(), "dlvStatus", "{err}");
    // A legacy status needs one of its two ids.
    let err = parse_body(br#"{"dlvStatus":"read","dlvStatusAt":"2020-01-10T19:03:52.355+0300"}"#)
        .unwrap_err();
    assert_eq!(err.path(), "imOutMessageId");
    assert_eq!(err.message(), "missing field `imOutMessageId`");
}

#[test]
fn new_content_types_and_channels_are_known() {
    for (wire, known) in [
        ("CONVERSATION_STARTED", ContentType::ConversationStarted),
        ("LOCATION", ContentType::Location),
        ("location", ContentType::Location),
    ] {
        assert_eq!(ContentType::from(wire), known);
    }
    assert_eq!(ContentType::Location.as_str(), "LOCATION");
    let all = edge("template-status-max-bot.json");
    let template = all[0].as_message_matcher().unwrap();
    assert_eq!(template.name, "welcome_max");
    assert_eq!(template.channel_type, Channel::MaxBot);
    assert_eq!(
        serde_json::to_value(template).unwrap()["channelType"],
        "MAX_BOT"
    );
    let location = edge("incoming-location.json");
    assert_eq!(
        incoming(&location[0]).message_content.kind,
        ContentType::Location
    );
}

/// `lastMessage` and `callPermissionReply`: named on edna's pages, no shape documented. Kept
/// as they came, whatever they hold, and written back in their place.
#[test]
fn last_message_and_call_permission_reply_keep_their_json() {
    let body = br#"{"id":1,"subscriber":{"id":2,"identifier":"79000000000"},
        "messageContent":{"type":"TEXT","text":"ok","callPermissionReply":{"response":"accept","isPermanent":false}},
        "receivedAt":"2026-06-15T11:20:00Z",
        "lastMessage":{"id":8681748,"text":"Your order is ready","sentAt":"2026-06-15T11:00:00Z"}}"#;
    let all = assert_body_round_trips("last message", body);
    let m = incoming(&all[0]);
    assert_eq!(
        m.last_message.as_deref(),
        Some(
            &json!({ "id": 8681748, "text": "Your order is ready", "sentAt": "2026-06-15T11:00:00Z" })
        )
    );
    assert_eq!(
        m.message_content.call_permission_reply.as_deref(),
        Some(&json!({ "response": "accept", "isPermanent": false }))
    );
    assert_eq!(
        m.get("lastMessage").map(|v| v["id"].clone()),
        Some(json!(8681748))
    );
    // Typed fields: nothing here is new to this version.
    assert_eq!(found(&all[0]), Vec::<String>::new());
    // Any JSON: a string, a number, an array.
    for value in [r#""x""#, "7", "[1,2]"] {
        let body = format!(
            r#"{{"id":1,"messageContent":{{"type":"TEXT","callPermissionReply":{value}}},"receivedAt":"2026-06-15T11:20:00Z","lastMessage":{value}}}"#
        );
        let all = assert_body_round_trips(&body, body.as_bytes());
        let expected: Value = serde_json::from_str(value).unwrap();
        assert_eq!(incoming(&all[0]).last_message.as_deref(), Some(&expected));
    }
}
