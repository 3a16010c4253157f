//! The handler's toolkit (issue #17): the accessors of every event kind, and keys whose
//! text reads back as the equal key (`IdKey`, `DedupKey`, `TemplateKey`, `Digest`), with
//! the ordering key of timestamps.
//!
//! The property tests run a fixed number of cases (a few seconds in debug mode).

mod common;

use common::fixture;
use edna_callbacks::{
    parse_body, Callback, CallbackKind, Channel, DedupKey, Digest, Event, EventEnvelope, EventType,
    Id, IdKey, IncomingMessage, LegacyIncomingMessage, MessageMatcher, Part, ShortLinkVisited,
    Status, StatusCallback, Subscriber, TemplateContent, TemplateKey, TemplateStatus, Timestamp,
};
use proptest::prelude::*;
use serde_json::json;
use time::{OffsetDateTime, UtcOffset};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

#[test]
fn every_event_kind_gives_its_envelope_and_type() {
    let callbacks = parse_body(&fixture("edge/mixed-all-webhooks.json")).unwrap();
    let mut events = 0;
    for callback in &callbacks {
        let expected: Option<EventEnvelope<'_>> = match callback {
            Callback::TemplateCategoryChanged(event) => Some(EventEnvelope::of(event)),
            Callback::ShortLinkVisited(event) => Some(EventEnvelope::of(event)),
            Callback::UnknownEvent(event) => Some(EventEnvelope::of(event)),
            _ => None,
        };
        assert_eq!(callback.as_event(), expected, "{}", callback.kind());
        assert_eq!(callback.kind().is_event(), expected.is_some());
        assert_eq!(callback.event_type(), expected.map(|e| e.event_type));
        if let Some(envelope) = expected {
            events += 1;
            assert_eq!(Some(envelope.timestamp), callback.occurred_at());
        }
    }
    assert_eq!(events, 3);
    let kinds: Vec<CallbackKind> = CallbackKind::ALL
        .iter()
        .copied()
        .filter(|kind| kind.is_event())
        .collect();
    assert_eq!(
        kinds,
        [
            CallbackKind::TemplateCategoryChanged,
            CallbackKind::ShortLinkVisited,
            CallbackKind::UnknownEvent
        ]
    );
}

#[test]
fn an_envelope_holds_what_the_event_carried_but_its_payload() {
    let body = br#"{"type":"message_matcher.quality_changed","version":"v2",
        "timestamp":"2025-09-01T10:00:00+03:00","payload":null,"traceId":"t-1"}"#;
    let callbacks = parse_body(body).unwrap();
    let envelope = callbacks[0].as_event().unwrap();
    assert_eq!(
        envelope.event_type,
        &EventType::from("message_matcher.quality_changed")
    );
    assert_eq!(envelope.version, Some("v2"));
    assert_eq!(
        envelope.timestamp,
        Timestamp::parse("2025-09-01T07:00:00Z").unwrap()
    );
    assert_eq!(envelope.extra["traceId"], "t-1");
    assert_eq!(callbacks[0].kind(), CallbackKind::UnknownEvent);
    let status = parse_body(&fixture("pulse-status-read.en.json")).unwrap();
    assert_eq!(status[0].as_event(), None);
    assert_eq!(status[0].event_type(), None);
}

/// The names of earlier versions (deprecated) still build and name the renamed kind.
#[test]
#[allow(deprecated)]
fn the_unknown_events_old_name_still_works() {
    assert_eq!(CallbackKind::Event, CallbackKind::UnknownEvent);
    let event = Event::new(
        EventType::from("x.y"),
        Timestamp::parse("2025-01-01T00:00:00Z").unwrap(),
        json!({"id": 1}),
    );
    assert_eq!(
        Callback::Event(event.clone()),
        Callback::UnknownEvent(event.map_payload(edna_callbacks::Kept::from))
    );
}

// ---------------------------------------------------------------------------------------
// No key's text holds a body's free text or a phone number.

const NAME: &str = "Ivan Petrov";
const PHONE: &str = "79001112233";

fn assert_no_personal_data(key: &DedupKey) {
    let text = key.to_string();
    for planted in ["Ivan", "Petrov", PHONE] {
        assert!(!text.contains(planted), "{planted} in {text}");
    }
}

#[test]
fn no_key_holds_free_text_or_a_phone() {
    let at = Timestamp::parse("2025-01-30T11:07:55Z").unwrap();
    let message = IncomingMessage::text(101, NAME, at)
        .with_subscriber(Subscriber::new(1, PHONE))
        .with_subject_id(7);
    let legacy = LegacyIncomingMessage::text(5, NAME, at)
        .with_address(PHONE)
        .with_first_name(NAME);
    let template = MessageMatcher::new(NAME, Channel::Whatsapp, TemplateStatus::Approved)
        .with_content(TemplateContent::text(PHONE))
        .with_updated_at(at);
    let status = StatusCallback::new("req-1", Status::Read, at).with_comment(NAME);
    let unknown_event = Event::new(
        EventType::from("subscriber.updated"),
        at,
        json!({"name": NAME, "phone": PHONE}),
    );
    let unknown: Callback =
        parse_body(format!(r#"{{"contactName":"{NAME}","contactPhone":"{PHONE}"}}"#).as_bytes())
            .unwrap()
            .remove(0);
    for callback in [
        Callback::from(message),
        Callback::from(legacy),
        Callback::from(template),
        Callback::from(status),
        Callback::from(unknown_event),
        unknown,
    ] {
        assert_no_personal_data(&callback.dedup_key());
    }
}

/// A link click's key holds `shortLink` as sent; a link can hold a name or a phone
/// (`…/link?to=79001112233`), so it should be `Part::text_digest(short_link)` (the kind's
/// file, `src/pulse/event/short_link_visited.rs`, is another developer's).
#[test]
fn a_link_clicks_key_holds_no_link() {
    let at = Timestamp::parse("2025-01-30T11:07:55Z").unwrap();
    let click = ShortLinkVisited::new(42, format!("https://evtb.me/link?to={PHONE}&n=Ivan"))
        .with_phone(PHONE)
        .with_url(format!("https://shop.example/?name={NAME}"));
    let event = Event::new(EventType::ShortLinkVisited, at, click);
    assert_no_personal_data(&Callback::from(event).dedup_key());
}

// ---------------------------------------------------------------------------------------
// Keys: `key.to_string().parse()` is the equal key.

fn id() -> impl Strategy<Value = Id> {
    prop_oneof![
        any::<i64>().prop_map(Id::Number),
        (i64::MAX as u64 + 1..=u64::MAX).prop_map(Id::Unsigned),
        any::<String>().prop_map(Id::Text),
        "-?[0-9]{1,21}".prop_map(Id::Text),
    ]
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (
        -62_135_596_800_i64..253_402_300_799,
        0u32..1_000_000_000,
        -86_399i32..86_399,
    )
        .prop_filter_map("within time's range", |(secs, nanos, offset)| {
            let at = OffsetDateTime::from_unix_timestamp(secs)
                .ok()?
                .replace_nanosecond(nanos)
                .ok()?;
            let offset = UtcOffset::from_whole_seconds(offset).ok()?;
            at.checked_to_offset(offset).map(Timestamp::new)
        })
}

fn part() -> impl Strategy<Value = Part> {
    prop_oneof![
        Just(Part::Null),
        id().prop_map(|id| Part::from(&id)),
        any::<String>().prop_map(|text| Part::from(text.as_str())),
        timestamp().prop_map(Part::from),
        any::<u128>().prop_map(|n| Part::from(Digest::from_u128(n))),
        any::<String>().prop_map(|text| Part::text_digest(text.as_str())),
        any::<Option<String>>().prop_map(|text| Part::text_digest(text.as_deref())),
    ]
}

fn kind() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(CallbackKind::ALL).prop_map(CallbackKind::as_str)
}

proptest! {
    #![proptest_config(config(2_000))]

    #[test]
    fn an_id_keys_text_reads_back_as_the_key(id in id()) {
        let key = id.key();
        prop_assert_eq!(key.to_string().parse::<IdKey>(), Ok(key.clone()));
        // And every text is the text of the key it reads as.
        let text = id.to_string();
        prop_assert_eq!(text.parse::<IdKey>().unwrap().to_string(), text);
    }

    #[test]
    fn a_dedup_keys_text_reads_back_as_the_key(
        kind in kind(),
        parts in proptest::collection::vec(part(), 0..6),
    ) {
        let key = DedupKey::new(kind, parts);
        let text = key.to_string();
        let read: DedupKey = text.parse().map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        prop_assert_eq!(&read, &key);
        prop_assert_eq!(read.to_string(), text);
        prop_assert_eq!(read.digest(), key.digest());
        prop_assert_eq!(key.digest(), Digest::of(key.to_string().as_bytes()));
    }

    #[test]
    fn keys_are_equal_exactly_when_their_texts_are(
        a in proptest::collection::vec(part(), 1..3),
        b in proptest::collection::vec(part(), 1..3),
    ) {
        let (a, b) = (DedupKey::new("event", a), DedupKey::new("event", b));
        prop_assert_eq!(a == b, a.to_string() == b.to_string());
        prop_assert_eq!(a.cmp(&b) == std::cmp::Ordering::Equal, a == b);
    }

    #[test]
    fn no_text_but_a_keys_reads_as_one(text in any::<String>()) {
        // Never a panic; what reads is a key whose text reads back the same.
        if let Ok(key) = text.parse::<DedupKey>() {
            prop_assert_eq!(key.to_string().parse::<DedupKey>(), Ok(key));
        }
        if let Ok(key) = text.parse::<TemplateKey>() {
            prop_assert_eq!(key.to_string().parse::<TemplateKey>(), Ok(key));
        }
    }

    #[test]
    fn a_template_keys_text_reads_back_as_the_key(
        id in proptest::option::of(id()),
        channel in prop_oneof![
            proptest::sample::select(Channel::KNOWN).prop_map(|c| c.clone()),
            any::<String>().prop_map(Channel::from),
        ],
        name in any::<String>(),
        language in any::<Option<String>>(),
    ) {
        let key = match id {
            Some(id) => TemplateKey::id(&id),
            None => TemplateKey::named(channel, name, language.as_deref()),
        };
        prop_assert_eq!(key.to_string().parse::<TemplateKey>(), Ok(key.clone()));
    }

    #[test]
    fn unix_millis_never_reverses_the_order_of_instants(a in timestamp(), b in timestamp()) {
        if a < b {
            prop_assert!(a.unix_millis() <= b.unix_millis());
        }
        if a.unix_millis() < b.unix_millis() {
            prop_assert!(a < b);
        }
        let floor = Timestamp::from_unix_millis(a.unix_millis()).unwrap();
        prop_assert!(floor <= a);
        prop_assert_eq!(floor.unix_millis(), a.unix_millis());
    }
}

use proptest::test_runner::TestCaseError;
