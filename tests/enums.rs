//! Every open enum: its known values (the documented spellings), token round trips with
//! `serde_test` for each known variant and for `Unknown`, case-insensitive reading, and the
//! casing each field is written back in (Pulse `READ`, legacy `read`).

use std::fmt::Debug;

use edna_callbacks::{
    parse_as, ButtonType, Channel, ContentType, ConversationType, ErrorCode, EventType, HeaderType,
    IncomingMessage, LegacyIncomingMessage, LegacyStatusCallback, PaymentDataKind, PaymentType,
    ReferralSourceType, Status, StatusCallback, TemplateCategory, TemplateStatus, TemplateType,
};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use serde_test::{assert_de_tokens, assert_tokens, Token};

/// What every open enum offers; implemented below for each by the same few lines.
trait Open:
    'static
    + Serialize
    + DeserializeOwned
    + Debug
    + PartialEq
    + Clone
    + From<String>
    + for<'a> From<&'a str>
{
    const KNOWN: &'static [Self];
    fn as_str(&self) -> &str;
    fn is_unknown(&self) -> bool;
}

macro_rules! open {
    ($($t:ty),*) => {$(
        impl Open for $t {
            const KNOWN: &'static [Self] = <$t>::KNOWN;
            fn as_str(&self) -> &str {
                <$t>::as_str(self)
            }
            fn is_unknown(&self) -> bool {
                <$t>::is_unknown(self)
            }
        }
    )*};
}

open!(
    Status,
    ErrorCode,
    ContentType,
    Channel,
    ConversationType,
    PaymentDataKind,
    PaymentType,
    ReferralSourceType,
    TemplateStatus,
    TemplateCategory,
    TemplateType,
    HeaderType,
    ButtonType,
    EventType
);

/// `serde_test` tokens borrow their text for `'static`.
fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

/// `s` with the case of every other ASCII letter flipped (`rEaD`, `ErRoR-SyStEm`).
fn mixed_case(s: &str) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

/// Runs every check on one enum: its known spellings are `expected`; `unknown` is a value
/// none of them matches.
fn check_enum<T: Open>(expected: &[&str], unknown: &str) {
    let spellings: Vec<&str> = T::KNOWN.iter().map(T::as_str).collect();
    assert_eq!(spellings, expected, "the known values and their spellings");

    for v in T::KNOWN {
        let wire = v.as_str();
        assert!(!v.is_unknown(), "{v:?}");
        // Written and read as the documented spelling.
        assert_tokens(v, &[Token::Str(wire)]);
        assert_de_tokens(v, &[Token::String(wire)]);
        assert_de_tokens(v, &[Token::BorrowedStr(wire)]);
        // Read in any ASCII case.
        for input in [
            wire.to_ascii_lowercase(),
            wire.to_ascii_uppercase(),
            mixed_case(wire),
        ] {
            assert_de_tokens(v, &[Token::Str(leak(&input))]);
            assert_eq!(&T::from(input.as_str()), v, "From<&str> {input:?}");
            assert_eq!(&T::from(input.clone()), v, "From<String> {input:?}");
            // Whatever case it came in, it is written in the documented spelling.
            assert_eq!(
                serde_json::to_value(T::from(input.as_str())).unwrap(),
                Value::String(wire.to_owned())
            );
        }
        // as_str and From round-trip.
        assert_eq!(&T::from(wire.to_owned()), v);
        assert_eq!(T::from(v.as_str()).as_str(), wire);
    }

    // Unknown keeps the exact bytes, whatever their case, and writes them back.
    for input in [
        unknown.to_owned(),
        unknown.to_ascii_uppercase(),
        mixed_case(unknown),
        String::new(),
        "прочитано".to_owned(),
        format!(" {} ", expected[0]),
    ] {
        let v = T::from(input.clone());
        assert!(v.is_unknown(), "{input:?} should be unknown, got {v:?}");
        assert_eq!(v.as_str(), input);
        assert_eq!(T::from(input.as_str()), v);
        assert_tokens(&v, &[Token::Str(leak(&input))]);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            serde_json::to_string(&input).unwrap()
        );
    }

    // Anything but a string is refused.
    let err = serde_json::from_str::<T>("1").unwrap_err();
    assert!(
        err.to_string().starts_with("invalid type: integer"),
        "{err}"
    );
}

#[test]
fn status() {
    check_enum::<Status>(
        &[
            "SENT",
            "DELIVERED",
            "READ",
            "UNDELIVERED",
            "CANCELLED",
            "EXPIRED",
            "FAILED",
            "DELAYED",
            "ENQUEUED",
            "NO-MATCH-TEMPLATE",
        ],
        "pending_moderation",
    );
    assert_eq!(Status::KNOWN.len(), 10);
    // Both spellings edna uses parse to the same value.
    assert_de_tokens(&Status::Read, &[Token::Str("READ")]);
    assert_de_tokens(&Status::Read, &[Token::Str("read")]);
    assert_eq!(Status::Unknown("PENDING".into()).to_string(), "PENDING");
    assert_eq!("cancelled".parse::<Status>(), Ok(Status::Cancelled));
}

#[test]
fn error_code() {
    check_enum::<ErrorCode>(
        &[
            "ok",
            "error-system",
            "error-subject-format",
            "error-subject-unknown",
            "error-address-format",
            "error-address-not-specified",
            "error-priority-format",
            "error-start-time-format",
            "error-validity-period-seconds-format",
            "error-content-type-format",
            "error-im-type-not-specified",
            "error-attachment-url-not-specified",
            "error-latitude-not-specified",
            "error-longtitude-not-specified",
            "error-content-format",
            "error-content-type-not-specified",
            "error-subject-id-format",
            "error-insufficient-balance",
            "not-template-match",
            "not-whatsapp-user",
            "not-viber-user",
            "user-blocked",
            "error-system-blocked",
            "error-syntax",
            "error-unauthorized",
            "error-not-found",
            "error-content-do-not-match-hsm-template",
            "error-id-not-unique",
            "error-content-not-specified",
            "error-not-template-match",
        ],
        "error-brand-new-code",
    );
    // edna's own misspelling is the known value; the correct spelling is not.
    assert_eq!(
        ErrorCode::from("error-longtitude-not-specified"),
        ErrorCode::LongitudeNotSpecified
    );
    assert!(ErrorCode::from("error-longitude-not-specified").is_unknown());
}

#[test]
fn content_type() {
    check_enum::<ContentType>(
        &[
            "TEXT",
            "IMAGE",
            "DOCUMENT",
            "VIDEO",
            "AUDIO",
            "BUTTON",
            "LIST_PICKER",
            "PRODUCT",
            "ORDER",
            "FLOW",
            "CONVERSATION_STARTED",
            "LOCATION",
        ],
        "sticker",
    );
    // "list-picker" is not "LIST_PICKER".
    assert!(ContentType::from("list-picker").is_unknown());
}

#[test]
fn channel() {
    check_enum::<Channel>(
        &[
            "WHATSAPP",
            "VIBER",
            "SMS",
            "TELEGRAM",
            "VKONTAKTE",
            "MAX",
            "MAX_BOT",
        ],
        "wechat",
    );
}

#[test]
fn conversation_type() {
    check_enum::<ConversationType>(
        &["marketing", "utility", "authentication", "service"],
        "referral_conversion",
    );
}

#[test]
fn payment_data_kind() {
    check_enum::<PaymentDataKind>(
        &["WhatsAppConversationPaymentData"],
        "ViberSessionPaymentData",
    );
}

#[test]
fn payment_type() {
    check_enum::<PaymentType>(&["WHATSAPP_CONVERSATION"], "viber_session");
}

#[test]
fn referral_source_type() {
    check_enum::<ReferralSourceType>(&["ad", "post"], "story");
}

#[test]
fn template_status() {
    check_enum::<TemplateStatus>(
        &[
            "APPROVED", "REJECTED", "PENDING", "NOT_SENT", "ARCHIVED", "PAUSED", "DISABLED",
        ],
        "in_appeal",
    );
    // "NOT-SENT" is not "NOT_SENT"; edna's own placeholder "string" is kept.
    assert!(TemplateStatus::from("NOT-SENT").is_unknown());
    assert_eq!(TemplateStatus::from("string").as_str(), "string");
    assert_eq!(
        "paused".parse::<TemplateStatus>(),
        Ok(TemplateStatus::Paused)
    );
    // Only APPROVED can send, in whatever case it came.
    let can: Vec<&str> = TemplateStatus::KNOWN
        .iter()
        .filter(|s| s.can_send())
        .map(TemplateStatus::as_str)
        .collect();
    assert_eq!(can, ["APPROVED"]);
    assert!(TemplateStatus::from("Approved").can_send());
    assert!(!TemplateStatus::from("in_appeal").can_send());
}

#[test]
fn template_category() {
    check_enum::<TemplateCategory>(
        &[
            "ACCOUNT_UPDATE",
            "MARKETING",
            "UTILITY",
            "AUTHENTICATION",
            "AUTHORIZATION",
        ],
        "service_update",
    );
    // WhatsApp's and edna's spellings of the authentication category are both known.
    assert_ne!(
        TemplateCategory::from("AUTHENTICATION"),
        TemplateCategory::from("AUTHORIZATION")
    );
}

#[test]
fn template_type() {
    check_enum::<TemplateType>(&["OPERATOR", "USER"], "partner");
}

#[test]
fn header_type() {
    check_enum::<HeaderType>(
        &["TEXT", "IMAGE", "DOCUMENT", "VIDEO", "LOCATION"],
        "carousel",
    );
}

#[test]
fn button_type() {
    check_enum::<ButtonType>(&["PHONE", "URL", "QUICK_REPLY"], "copy_code");
    assert!(ButtonType::from("QUICK-REPLY").is_unknown());
}

#[test]
fn event_type() {
    check_enum::<EventType>(
        &["message_matcher.category_changed", "short_link_visited"],
        "message_matcher.quality_changed",
    );
    // Read in any case, written in edna's lower case.
    assert_eq!(
        EventType::from("SHORT_LINK_VISITED"),
        EventType::ShortLinkVisited
    );
    assert_eq!(
        EventType::TemplateCategoryChanged.to_string(),
        "message_matcher.category_changed"
    );
    // A near miss is another event type, kept as it came.
    assert!(EventType::from("message_matcher.category_change").is_unknown());
}

// ---------------------------------------------------------------------------------------
// The casing each field is written back in.

const LEGACY_STATUS: &str = r#"{"imOutMessageId":"test-001","dlvStatus":"read",
    "dlvStatusAt":"2020-01-10T19:03:52.355+0300","dlvError":null,"rate":null,"reserveSms":null}"#;

const LEGACY_INCOMING: &str = r#"{"id":43407125,"address":"79XXXXXXXXX",
    "receivedAt":"2021-10-20T08:42:51.354+0000","imType":"whatsapp","contentType":"text",
    "text":"Hello edna"}"#;

const PULSE_STATUS: &str = r#"{"requestId":"test-00135","status":"READ",
    "statusAt":"2023-10-31T11:07:56Z","error":null}"#;

const PULSE_INCOMING: &str = r#"{"id":101,"messageContent":{"type":"TEXT","text":"Hi"},
    "receivedAt":"2022-04-29T15:30:08Z"}"#;

/// `body` with `"key":"from"` replaced by `"key":"to"`.
fn with(body: &str, key: &str, from: &str, to: &str) -> String {
    let old = format!(r#""{key}":"{from}""#);
    assert!(body.contains(&old), "{old}");
    body.replace(&old, &format!(r#""{key}":"{to}""#))
}

#[test]
fn legacy_dlv_status_is_written_in_lower_case() {
    for status in Status::KNOWN {
        for input in [
            status.as_str().to_ascii_lowercase(),
            status.as_str().to_owned(),
            mixed_case(status.as_str()),
        ] {
            let body = with(LEGACY_STATUS, "dlvStatus", "read", &input);
            let parsed: LegacyStatusCallback = parse_as(body.as_bytes()).unwrap();
            assert_eq!(&parsed.dlv_status, status, "{input}");
            let written = serde_json::to_value(&parsed).unwrap();
            assert_eq!(
                written["dlvStatus"],
                status.as_str().to_ascii_lowercase(),
                "{input}"
            );
        }
    }
    // The documented example: "read" stays "read", "READ" becomes "read".
    let parsed: LegacyStatusCallback = parse_as(LEGACY_STATUS.as_bytes()).unwrap();
    assert!(serde_json::to_string(&parsed)
        .unwrap()
        .contains(r#""dlvStatus":"read""#));
}

#[test]
fn legacy_unknown_values_are_written_back_byte_for_byte() {
    for input in ["Queued-For-Retry", "queued", "PENDING", "прочитано"] {
        let body = with(LEGACY_STATUS, "dlvStatus", "read", input);
        let parsed: LegacyStatusCallback = parse_as(body.as_bytes()).unwrap();
        assert_eq!(parsed.dlv_status, Status::Unknown(input.to_owned()));
        assert_eq!(serde_json::to_value(&parsed).unwrap()["dlvStatus"], input);
    }
    let body = with(LEGACY_INCOMING, "imType", "whatsapp", "WeChat");
    let body = with(&body, "contentType", "text", "Sticker");
    let parsed: LegacyIncomingMessage = parse_as(body.as_bytes()).unwrap();
    assert_eq!(parsed.im_type, Some(Channel::Unknown("WeChat".into())));
    assert_eq!(
        parsed.content_type,
        Some(ContentType::Unknown("Sticker".into()))
    );
    let written = serde_json::to_value(&parsed).unwrap();
    assert_eq!(written["imType"], "WeChat");
    assert_eq!(written["contentType"], "Sticker");
}

#[test]
fn legacy_im_type_and_content_type_are_written_in_lower_case() {
    for channel in Channel::KNOWN {
        let body = with(LEGACY_INCOMING, "imType", "whatsapp", channel.as_str());
        let parsed: LegacyIncomingMessage = parse_as(body.as_bytes()).unwrap();
        assert_eq!(parsed.im_type.as_ref(), Some(channel));
        let written = serde_json::to_value(&parsed).unwrap();
        assert_eq!(written["imType"], channel.as_str().to_ascii_lowercase());
    }
    for kind in ContentType::KNOWN {
        let body = with(
            LEGACY_INCOMING,
            "contentType",
            "text",
            &mixed_case(kind.as_str()),
        );
        let parsed: LegacyIncomingMessage = parse_as(body.as_bytes()).unwrap();
        assert_eq!(parsed.content_type.as_ref(), Some(kind));
        let written = serde_json::to_value(&parsed).unwrap();
        assert_eq!(written["contentType"], kind.as_str().to_ascii_lowercase());
    }
    // The documented example.
    let parsed: LegacyIncomingMessage = parse_as(LEGACY_INCOMING.as_bytes()).unwrap();
    let written = serde_json::to_value(&parsed).unwrap();
    assert_eq!(written["imType"], "whatsapp");
    assert_eq!(written["contentType"], "text");
    // `null` is written as null, not as a string (`imType` itself is required: it tells a
    // legacy incoming message from the other kinds).
    let body = LEGACY_INCOMING.replace(r#""imType":"whatsapp","#, r#""imType":null,"#);
    let parsed: LegacyIncomingMessage = parse_as(body.as_bytes()).unwrap();
    assert_eq!(parsed.im_type, None);
    assert_eq!(
        serde_json::to_value(&parsed).unwrap()["imType"],
        Value::Null
    );
}

#[test]
fn the_legacy_status_serializes_to_these_tokens() {
    let parsed: LegacyStatusCallback =
        parse_as(with(LEGACY_STATUS, "dlvStatus", "read", "READ").as_bytes()).unwrap();
    serde_test::assert_ser_tokens(
        &parsed,
        &[
            Token::Map { len: Some(7) },
            Token::Str("imOutMessageId"),
            // One of two ids since issue #15: an `Option`.
            Token::Some,
            Token::Str("test-001"),
            Token::Str("dlvStatus"),
            Token::Str("read"),
            Token::Str("dlvStatusAt"),
            Token::Str("2020-01-10T19:03:52.355+03:00"),
            Token::Str("dlvError"),
            Token::None,
            Token::Str("rate"),
            Token::None,
            Token::Str("reserveSms"),
            Token::None,
            // The SMS API's id (issue #15), empty here.
            Token::Str("smsOutMessageId"),
            Token::None,
            Token::MapEnd,
        ],
    );
}

#[test]
fn pulse_status_is_written_in_upper_case() {
    for status in Status::KNOWN {
        for input in [
            status.as_str().to_ascii_lowercase(),
            status.as_str().to_owned(),
            mixed_case(status.as_str()),
        ] {
            let body = with(PULSE_STATUS, "status", "READ", &input);
            let parsed: StatusCallback = parse_as(body.as_bytes()).unwrap();
            assert_eq!(&parsed.status, status, "{input}");
            let written = serde_json::to_value(&parsed).unwrap();
            assert_eq!(written["status"], status.as_str(), "{input}");
        }
    }
    // The status table writes "read"; the example writes "READ": both are Status::Read.
    let lower: StatusCallback =
        parse_as(with(PULSE_STATUS, "status", "READ", "read").as_bytes()).unwrap();
    let upper: StatusCallback = parse_as(PULSE_STATUS.as_bytes()).unwrap();
    assert_eq!(lower.status, Status::Read);
    assert_eq!(lower, upper);
    assert_eq!(serde_json::to_value(&lower).unwrap()["status"], "READ");
    // Unknown, byte for byte.
    let odd: StatusCallback =
        parse_as(with(PULSE_STATUS, "status", "READ", "Pending_Moderation").as_bytes()).unwrap();
    assert_eq!(odd.status, Status::Unknown("Pending_Moderation".into()));
    assert_eq!(
        serde_json::to_value(&odd).unwrap()["status"],
        "Pending_Moderation"
    );
}

#[test]
fn pulse_error_code_is_written_as_documented() {
    for code in ErrorCode::KNOWN {
        let body = PULSE_STATUS.replace(
            r#""error":null"#,
            &format!(r#""error":"{}""#, code.as_str().to_ascii_uppercase()),
        );
        let parsed: StatusCallback = parse_as(body.as_bytes()).unwrap();
        assert_eq!(parsed.error.as_ref(), Some(code));
        assert_eq!(
            serde_json::to_value(&parsed).unwrap()["error"],
            code.as_str()
        );
    }
}

#[test]
fn pulse_content_type_is_written_in_upper_case() {
    for kind in ContentType::KNOWN {
        let body = with(
            PULSE_INCOMING,
            "type",
            "TEXT",
            &kind.as_str().to_ascii_lowercase(),
        );
        let parsed: IncomingMessage = parse_as(body.as_bytes()).unwrap();
        assert_eq!(&parsed.message_content.kind, kind);
        let written = serde_json::to_value(&parsed).unwrap();
        assert_eq!(written["messageContent"]["type"], kind.as_str());
    }
    let body = with(PULSE_INCOMING, "type", "TEXT", "text");
    let parsed: IncomingMessage = parse_as(body.as_bytes()).unwrap();
    assert_eq!(parsed.message_content.kind, ContentType::Text);
}
