//! Every error case: the variant, and the path the error names. One test per
//! `fixtures/edge/bad-*.json` file, then the cases written inline.
//!
//! Since issue #15 a body is refused only for what cannot be read at all: text that is not
//! JSON, JSON that is no object (or array of objects), a key given twice, and a known kind
//! whose required fields are missing or unreadable. An optional field in another form is
//! kept as it came, and an object of no known kind is `Callback::Unknown` (`tests/edge.rs`
//! and `tests/kinds.rs` check those).

mod common;

use common::{fixture, json_files};
use edna_callbacks::{
    parse_as, parse_body, Error, IncomingMessage, LegacyStatusCallback, StatusCallback,
};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Variant {
    Syntax,
    UnknownCallback,
    Invalid,
    Flow,
}

fn variant(e: &Error) -> Variant {
    match e {
        Error::Syntax { .. } => Variant::Syntax,
        Error::UnknownCallback { .. } => Variant::UnknownCallback,
        Error::Invalid { .. } => Variant::Invalid,
        Error::Flow { .. } => Variant::Flow,
        other => panic!("an error variant the tests do not know: {other:?}"),
    }
}

/// Asserts that `err` is `expected` at `path`, that its message contains `fragment`, and
/// that its text names the path.
fn check(label: &str, err: &Error, expected: Variant, path: &str, fragment: &str) {
    assert_eq!(variant(err), expected, "{label}: {err:?}");
    assert_eq!(err.path(), path, "{label}: {err:?}");
    assert!(
        err.message().contains(fragment),
        "{label}: {fragment:?} not in {:?}",
        err.message()
    );
    let shown = err.to_string();
    match expected {
        Variant::Syntax => assert!(shown.starts_with("body is not valid JSON: "), "{shown}"),
        Variant::UnknownCallback => assert!(
            shown.starts_with(&format!("`{path}` is not an edna callback: ")),
            "{shown}"
        ),
        Variant::Invalid => assert!(shown.starts_with(&format!("invalid `{path}`: ")), "{shown}"),
        Variant::Flow => assert!(
            shown.starts_with(&format!("invalid FLOW reply in `{path}`: ")),
            "{shown}"
        ),
    }
}

/// The error `parse_body` gives for `body`.
fn refused(label: &str, body: &[u8]) -> Error {
    match parse_body(body) {
        Ok(callbacks) => panic!("{label} must be refused, got {callbacks:?}"),
        Err(e) => e,
    }
}

fn bad_file(name: &str, expected: Variant, path: &str, fragment: &str) -> Error {
    let err = refused(name, &fixture(&format!("edge/{name}")));
    check(name, &err, expected, path, fragment);
    err
}

/// One test per `bad-*` file, and the list of them.
macro_rules! bad_files {
    ($( $test:ident: $file:literal => $variant:ident at $path:literal, $fragment:literal; )*) => {
        $(
            #[test]
            fn $test() {
                bad_file($file, Variant::$variant, $path, $fragment);
            }
        )*
        const BAD_FILES: &[&str] = &[$($file),*];
    };
}

bad_files! {
    not_json: "bad-not-json.json" => Syntax at ".", "EOF while parsing";
    empty_body: "bad-empty-body.json" => Syntax at ".", "EOF while parsing a value";
    status_example_with_its_dangling_comma: "bad-status-dangling-comma.json"
        => Syntax at ".", "trailing comma";
    // `timestamp` marks an event envelope (issue #9's kind rule), so this object is an
    // envelope without its `type`.
    unknown_kind: "bad-unknown-kind.json"
        => Invalid at "type", "missing field `type`";
    scalar_body: "bad-scalar-body.json" => UnknownCallback at ".", "it is a string";
    nested_array: "bad-nested-array.json" => UnknownCallback at "[0]", "it is an array";
    status_at_not_a_timestamp: "bad-status-at.json"
        => Invalid at "statusAt", "invalid timestamp: four-digit year at byte 0";
    status_at_without_offset: "bad-status-at-no-offset.json"
        => Invalid at "statusAt", "invalid timestamp: offset ('Z', '+hh:mm' or '+hhmm') at byte 19";
    status_at_with_ten_fraction_digits: "bad-status-at-ten-fraction-digits.json"
        => Invalid at "statusAt", "at most nine fractional digits";
    status_at_as_a_number: "bad-status-at-unix-number.json"
        => Invalid at "statusAt", "invalid type: integer";
    legacy_dlv_status_at: "bad-legacy-dlv-status-at.json"
        => Invalid at "dlvStatusAt", "'T' between date and time at byte 10";
    received_at_of_the_second_element: "bad-array-received-at.json"
        => Invalid at "[1].receivedAt", "hour 00 to 23";
    status_number: "bad-status-not-string.json" => Invalid at "status", "invalid type: integer";
    status_null: "bad-status-null.json" => Invalid at "status", "invalid type: null";
    id_past_64_bits: "bad-id-too-large.json"
        => Invalid at "id", "an integer id past 64 bits";
    missing_received_at: "bad-missing-received-at.json"
        => Invalid at "receivedAt", "missing field `receivedAt`";
    missing_content_type: "bad-missing-content-type.json"
        => Invalid at "messageContent.type", "missing field `type`";
    missing_legacy_id: "bad-missing-legacy-id.json" => Invalid at "id", "missing field `id`";
    duplicate_documented_key: "bad-duplicate-key.json"
        => Invalid at "status", "duplicate field `status`";
    // A key the crate does not document is never shown: it may be anything (issue #10).
    duplicate_unknown_key: "bad-duplicate-unknown-key.json"
        => Invalid at "<undocumented>", "duplicate field (a key the crate does not document)";
    duplicate_nested_key: "bad-duplicate-nested-key.json"
        => Invalid at "subscriber.id", "duplicate field `id`";
    duplicate_key_spelled_with_an_escape: "bad-duplicate-escaped-key.json"
        => Invalid at "messageContent.text", "duplicate field `text`";
}

#[test]
fn every_bad_file_has_its_own_test() {
    let on_disk: Vec<String> = json_files("edge")
        .into_iter()
        .filter(|n| n.starts_with("bad-"))
        .collect();
    let mut tested: Vec<&str> = BAD_FILES.to_vec();
    tested.sort_unstable();
    assert_eq!(on_disk, tested);
}

#[test]
fn syntax_errors_give_line_and_column() {
    let err = bad_file(
        "bad-status-dangling-comma.json",
        Variant::Syntax,
        ".",
        "trailing comma",
    );
    // The closing brace after `"chargeable": true,` on line 16 of the completed example.
    assert!(
        matches!(
            err,
            Error::Syntax {
                line: 16,
                column: 3,
                ..
            }
        ),
        "{err:?}"
    );
    let err = bad_file(
        "bad-not-json.json",
        Variant::Syntax,
        ".",
        "EOF while parsing",
    );
    assert!(matches!(err, Error::Syntax { line: 2, .. }), "{err:?}");
}

// ---------------------------------------------------------------------------------------
// Cases written inline.

#[test]
fn not_json_is_a_syntax_error() {
    let cases: [(&[u8], &str); 7] = [
        (b"", "EOF while parsing a value"),
        (b"   ", "EOF while parsing a value"),
        (b"{\"status\":}", "expected value"),
        (b"nulx", "expected ident"),
        (b"{'status':'READ'}", "key must be a string"),
        (
            br#"{"status":"READ","statusAt":"2023-10-31T11:07:56Z"} {}"#,
            "trailing characters",
        ),
        (b"{\"status\":\"\xff\"}", "invalid unicode code point"),
    ];
    for (body, fragment) in cases {
        let err = refused(&String::from_utf8_lossy(body), body);
        check(
            &String::from_utf8_lossy(body),
            &err,
            Variant::Syntax,
            ".",
            fragment,
        );
    }
}

#[test]
fn json_that_is_no_callback_is_an_unknown_callback() {
    let cases: [(&str, &str, &str); 6] = [
        ("42", ".", "it is a number"),
        ("null", ".", "it is null"),
        ("true", ".", "it is a boolean"),
        ("[1]", "[0]", "it is a number"),
        (
            r#"[{"imOutMessageId":"test-001","dlvStatus":"read","dlvStatusAt":"2020-01-10T19:03:52.355+0300"},"x"]"#,
            "[1]",
            "it is a string",
        ),
        (r#"[{},[{}]]"#, "[1]", "it is an array"),
    ];
    for (body, path, fragment) in cases {
        let err = refused(body, body.as_bytes());
        check(body, &err, Variant::UnknownCallback, path, fragment);
    }
    // An object is never refused for its keys: with no kind's marker it is
    // `Callback::Unknown` (it used to be this error, naming every kind's marker).
    for (body, kinds) in [
        ("{}", &["unknown"][..]),
        (
            r#"{"id":101,"subject":"test_subject_WA","receivedAt":"2022-04-29T15:30:08Z"}"#,
            &["unknown"],
        ),
        (
            r#"[{"requestId":"r","status":"READ","statusAt":"2023-10-31T11:07:56Z"},{},{}]"#,
            &["status", "unknown", "unknown"],
        ),
    ] {
        let callbacks = parse_body(body.as_bytes()).unwrap_or_else(|e| panic!("{body}: {e}"));
        let got: Vec<&str> = callbacks.iter().map(|c| c.kind().as_str()).collect();
        assert_eq!(got, kinds, "{body}");
    }
}

#[test]
fn a_bad_timestamp_names_its_field() {
    let cases: [(&str, &str); 6] = [
        (
            r#"{"status":"READ","statusAt":"2023-10-31T11:07:56"}"#,
            "statusAt",
        ),
        (
            r#"{"id":1,"messageContent":{"type":"TEXT"},"receivedAt":"2024-08-05T08 :24:14Z"}"#,
            "receivedAt",
        ),
        (
            r#"{"imOutMessageId":"a","dlvStatus":"read","dlvStatusAt":"2020-01-10T19:03:52.355+03"}"#,
            "dlvStatusAt",
        ),
        (
            r#"{"id":1,"imType":"whatsapp","receivedAt":"2021-02-29T08:42:51.354+0000"}"#,
            "receivedAt",
        ),
        (
            r#"[{"status":"READ","statusAt":"2023-10-31T11:07:56Z"},{"status":"READ","statusAt":"2023-10-31T11:07:56Z"},{"status":"READ","statusAt":"2023-10-31T23:59:60Z"}]"#,
            "[2].statusAt",
        ),
        (
            r#"[{"id":1,"messageContent":{"type":"FLOW"},"receivedAt":"2025-03-25T12:12:12Z"},{"id":2,"messageContent":{"type":"FLOW"},"receivedAt":null}]"#,
            "[1].receivedAt",
        ),
    ];
    for (body, path) in cases {
        let err = refused(body, body.as_bytes());
        let fragment = if path.ends_with("receivedAt") && body.contains("null") {
            "invalid type: null"
        } else {
            "invalid timestamp"
        };
        check(body, &err, Variant::Invalid, path, fragment);
    }
}

/// A field a callback cannot do without, of the wrong JSON type: refused, naming its path.
/// (An optional field of the wrong type is kept as it came: `tests/edge.rs`,
/// `an_optional_field_of_another_type_is_kept_as_it_came`, has the cases this test used to
/// hold, each named by the same path in `unrecognized()`.)
#[test]
fn a_wrongly_typed_field_is_named_by_its_path() {
    let incoming = |content: &str| {
        format!(r#"{{"id":1,"messageContent":{content},"receivedAt":"2022-04-29T15:30:08Z"}}"#)
    };
    let cases: Vec<(String, &str)> = vec![
        (incoming(r#"{"type":7}"#), "messageContent.type"),
        (incoming(r#""TEXT""#), "messageContent"),
        (
            r#"{"id":[1],"messageContent":{"type":"TEXT"},"receivedAt":"2022-04-29T15:30:08Z"}"#
                .into(),
            "id",
        ),
        (
            r#"{"requestId":"test-00135","status":["READ"],"statusAt":"2023-10-31T11:07:56Z"}"#
                .into(),
            "status",
        ),
        (
            r#"{"imOutMessageId":"a","dlvStatus":404,"dlvStatusAt":"2020-01-10T19:03:52.355+0300"}"#.into(),
            "dlvStatus",
        ),
        (
            r#"{"imOutMessageId":{"id":"a"},"dlvStatus":"read","dlvStatusAt":"2020-01-10T19:03:52.355+0300"}"#.into(),
            "imOutMessageId",
        ),
        (
            r#"{"smsOutMessageId":true,"dlvStatus":"read","dlvStatusAt":"2020-01-10T19:03:52.355+0300"}"#.into(),
            "smsOutMessageId",
        ),
        (
            r#"{"id":1,"imType":42,"receivedAt":"2021-10-20T08:42:51.354+0000"}"#.into(),
            "imType",
        ),
        (
            r#"{"requestId":"r-1","status":1,"calling":null}"#.into(),
            "status",
        ),
        (
            r#"{"requestId":"r-1","status":"SUCCESS","calling":"ENABLED"}"#.into(),
            "calling",
        ),
        (
            r#"{"name":5,"channelType":"WHATSAPP","status":"APPROVED","updatedAt":null}"#.into(),
            "name",
        ),
        (
            format!(
                "[{},{}]",
                incoming(r#"{"type":"ORDER"}"#),
                incoming(r#"{"type":{"v":"ORDER"}}"#)
            ),
            "[1].messageContent.type",
        ),
    ];
    for (body, path) in cases {
        let err = refused(&body, body.as_bytes());
        check(&body, &err, Variant::Invalid, path, "invalid type");
    }
}

#[test]
fn a_missing_required_field_is_named() {
    // `status` alone tells no kind (a template status has one too): no known kind, kept
    // whole; its diagnosis names what each kind needs.
    let callbacks = parse_body(br#"{"status":"READ"}"#).unwrap();
    let unknown = callbacks[0].as_unknown().expect("of no known kind");
    assert!(
        unknown.diagnosis().contains("statusAt for a status"),
        "{}",
        unknown.diagnosis()
    );
    // Without its marker, an incoming message is of no known kind: it resembles one, and
    // lacks `messageContent` (it used to be refused naming it).
    let callbacks =
        parse_body(br#"{"id":1,"subscriber":{"id":202},"receivedAt":"2022-04-29T15:30:08Z"}"#)
            .unwrap();
    let unknown = callbacks[0].as_unknown().expect("of no known kind");
    assert_eq!(unknown.lacks(), ["messageContent"]);
    let cases: [(&str, &str); 10] = [
        (r#"{"statusAt":"2023-10-31T11:07:56Z"}"#, "status"),
        (
            r#"{"messageContent":{"type":"TEXT"},"receivedAt":"2022-04-29T15:30:08Z"}"#,
            "id",
        ),
        (r#"{"id":1,"messageContent":{"type":"TEXT"}}"#, "receivedAt"),
        (r#"{"requestId":"r-1","calling":{}}"#, "status"),
        (
            r#"{"imOutMessageId":null,"dlvStatus":"read","dlvStatusAt":"2020-01-10T19:03:52.355+0300"}"#,
            "smsOutMessageId",
        ),
        (
            r#"{"id":1,"messageContent":{"text":"Hi"},"receivedAt":"2022-04-29T15:30:08Z"}"#,
            "messageContent.type",
        ),
        (
            r#"{"dlvStatus":"read","dlvStatusAt":"2020-01-10T19:03:52.355+0300"}"#,
            "imOutMessageId",
        ),
        (
            r#"{"imOutMessageId":"test-001","dlvStatusAt":"2020-01-10T19:03:52.355+0300"}"#,
            "dlvStatus",
        ),
        (
            r#"{"imOutMessageId":"test-001","dlvStatus":"read"}"#,
            "dlvStatusAt",
        ),
        (
            r#"{"id":43407125,"imType":"whatsapp","contentType":"text"}"#,
            "receivedAt",
        ),
    ];
    for (body, field) in cases {
        let err = refused(body, body.as_bytes());
        let name = field.rsplit('.').next().unwrap();
        check(
            body,
            &err,
            Variant::Invalid,
            field,
            &format!("missing field `{name}`"),
        );
    }
}

#[test]
fn a_required_field_given_as_null_is_refused() {
    let cases: [(&str, &str); 4] = [
        (
            r#"{"status":null,"statusAt":"2023-10-31T11:07:56Z"}"#,
            "status",
        ),
        (r#"{"status":"READ","statusAt":null}"#, "statusAt"),
        (
            r#"{"id":null,"messageContent":{"type":"TEXT"},"receivedAt":"2022-04-29T15:30:08Z"}"#,
            "id",
        ),
        (
            r#"{"id":1,"messageContent":null,"receivedAt":"2022-04-29T15:30:08Z"}"#,
            "messageContent",
        ),
    ];
    for (body, path) in cases {
        let err = refused(body, body.as_bytes());
        check(body, &err, Variant::Invalid, path, "invalid type: null");
    }
}

#[test]
fn a_duplicate_key_is_refused_wherever_it_is() {
    let cases: [(&str, &str); 5] = [
        (
            r#"{"id":1,"id":2,"messageContent":{"type":"TEXT"},"receivedAt":"2022-04-29T15:30:08Z"}"#,
            "id",
        ),
        (
            r#"{"receivedAt":"2022-04-29T15:30:08Z","id":1,"receivedAt":"2022-04-29T15:30:09Z","messageContent":{"type":"TEXT"}}"#,
            "receivedAt",
        ),
        (
            r#"{"id":1,"messageContent":{"type":"LIST_PICKER","items":[{"identifier":"01","identifier":"02"}]},"receivedAt":"2022-04-29T15:30:08Z"}"#,
            "messageContent.items[0].identifier",
        ),
        (
            r#"{"imOutMessageId":"a","dlvStatus":"read","dlvStatus":"sent","dlvStatusAt":"2020-01-10T19:03:52.355+0300"}"#,
            "dlvStatus",
        ),
        (
            r#"[{"status":"READ","statusAt":"2023-10-31T11:07:56Z"},{"status":"READ","statusAt":"2023-10-31T11:07:56Z","x":1,"x":1}]"#,
            "[1].<undocumented>",
        ),
    ];
    for (body, path) in cases {
        let err = refused(body, body.as_bytes());
        let name = path.rsplit('.').next().unwrap();
        let name = name.rsplit(']').next().unwrap();
        let message = if name == "<undocumented>" {
            "duplicate field (a key the crate does not document)".to_owned()
        } else {
            format!("duplicate field `{name}`")
        };
        check(body, &err, Variant::Invalid, path, &message);
    }
}

/// `paymentData` is read into a JSON map before its `@type` is looked at; the map must not
/// silently keep only the last of two equal keys.
#[test]
fn a_duplicate_key_inside_payment_data_is_refused() {
    for payment in [
        r#"{"@type":"WhatsAppConversationPaymentData","chargeable":true,"chargeable":false}"#,
        r#"{"@type":"ViberSessionPaymentData","price":1,"price":2}"#,
    ] {
        let body = format!(
            r#"{{"status":"READ","statusAt":"2023-10-31T11:07:56Z","paymentData":{payment}}}"#
        );
        let err = refused(&body, body.as_bytes());
        assert_eq!(variant(&err), Variant::Invalid, "{body}: {err:?}");
        assert!(err.path().starts_with("paymentData"), "{body}: {err:?}");
        assert!(err.message().contains("duplicate field"), "{body}: {err:?}");
    }
}

#[test]
fn parse_as_names_the_path_too() {
    let err =
        parse_as::<StatusCallback>(br#"{"status":"READ","statusAt":"yesterday"}"#).unwrap_err();
    check(
        "status",
        &err,
        Variant::Invalid,
        "statusAt",
        "invalid timestamp",
    );
    let err = parse_as::<Vec<IncomingMessage>>(
        br#"[{"id":1,"messageContent":{"type":"TEXT"},"receivedAt":"2022-04-29T15:30:08Z"},
            {"id":2,"messageContent":{"type":false,"items":[{"identifier":false}]},"receivedAt":"2022-04-29T15:30:08Z"}]"#,
    )
    .unwrap_err();
    check(
        "incoming",
        &err,
        Variant::Invalid,
        "[1].messageContent.type",
        "invalid type: boolean",
    );
    // Read as the wrong type, a body is missing that type's fields: the first required
    // one (the legacy status's id, one of two, is checked after the fields it requires).
    let err =
        parse_as::<LegacyStatusCallback>(br#"{"status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#)
            .unwrap_err();
    check(
        "legacy",
        &err,
        Variant::Invalid,
        "dlvStatus",
        "missing field `dlvStatus`",
    );
    let err = parse_as::<StatusCallback>(br#"{"status":"READ","#).unwrap_err();
    check("syntax", &err, Variant::Syntax, ".", "EOF while parsing");
}

/// A body that is not JSON is a syntax error, even when a value before the point where it
/// breaks off is already wrong (or no callback).
#[test]
fn a_truncated_body_is_a_syntax_error_even_after_a_wrong_value() {
    let cases: [&[u8]; 4] = [
        b"[1",
        br#"{"status":5"#,
        br#"[{"status":"READ","statusAt":"2023-10-31T11:07:56Z"},{"hello":"world"}"#,
        br#"{"id":1,"messageContent":{"type":"LIST_PICKER","items":[{"identifier":true"#,
    ];
    for body in cases {
        let label = String::from_utf8_lossy(body);
        let err = refused(&label, body);
        check(&label, &err, Variant::Syntax, ".", "EOF while parsing");
    }
    let err = parse_as::<StatusCallback>(b"[").unwrap_err();
    check("[", &err, Variant::Syntax, ".", "EOF while parsing");
}

#[test]
fn a_flow_text_that_is_not_json_fails_in_flow_reply_only() {
    let body = br#"[{"id":101,"messageContent":{"type":"FLOW","text":"{\"flow_token\":\"example\""},"receivedAt":"2025-03-25T12:12:12Z"}]"#;
    let callbacks = parse_body(body).unwrap();
    let message = callbacks[0].as_incoming().unwrap();
    assert_eq!(
        message.message_content.text.as_deref(),
        Some(r#"{"flow_token":"example""#)
    );
    let err = message.flow_reply().unwrap_err();
    check(
        "flow",
        &err,
        Variant::Flow,
        "messageContent.text",
        "the text is not JSON",
    );
    let err = message
        .message_content
        .flow_reply_as::<serde_json::Value>()
        .unwrap_err();
    check(
        "flow_as",
        &err,
        Variant::Flow,
        "messageContent.text",
        "the text is not JSON",
    );
}

#[test]
fn error_accessors() {
    let err = refused("x", br#"{"status":"READ","statusAt":"2023-10-31"}"#);
    let Error::Invalid {
        path,
        message,
        line,
        column,
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!(path, "statusAt");
    assert_eq!(err.path(), "statusAt");
    assert_eq!(message, err.message());
    assert_eq!(
        message,
        "invalid timestamp: 'T' between date and time at byte 10"
    );
    assert_eq!((*line, *column), (1, 40));
    assert_eq!(
        err.to_string(),
        "invalid `statusAt`: invalid timestamp: 'T' between date and time at byte 10"
    );
}

/// Found by the property test once the reader read every id itself: `011` is no JSON number
/// (serde_json refuses a leading zero), so it must not become the id 11.
#[test]
fn a_malformed_number_id_is_a_syntax_error() {
    for id in ["011", "-01", "1.", "01.5", "18446744073709551616x"] {
        let body =
            format!(r#"{{"cascadeId":{id},"status":"READ","statusAt":"2023-10-31T11:07:56Z"}}"#);
        let err = refused(&body, body.as_bytes());
        assert!(matches!(err, Error::Syntax { .. }), "{body}: {err:?}");
    }
    // Past 64 bits, well-formed: a wrong value, said plainly where the id is required...
    let body = br#"{"id":123456789012345678901234567890,"messageContent":{"type":"TEXT"},"receivedAt":"2022-04-29T15:30:08Z"}"#;
    let err = refused("past 64 bits", body);
    assert_eq!(err.path(), "id");
    assert_eq!(err.message(), "an integer id past 64 bits");
    // ... and kept as it came where it is optional.
    let body = br#"{"cascadeId":123456789012345678901234567890,"status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#;
    let callbacks = parse_body(body).unwrap();
    let status = callbacks[0].as_status().unwrap();
    assert_eq!(status.cascade_id, None);
    // Kept as a JSON number (serde_json's `Value` holds an integer past 64 bits as a
    // float, so its digits are not all kept: a known limit of the value kept, reported).
    assert!(status.extra.get("cascadeId").is_some_and(|v| v.is_number()));
    // Between i64::MAX and u64::MAX: read, and written back as it came.
    let body =
        br#"{"cascadeId":18446744073709551615,"status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#;
    let callbacks = parse_body(body).unwrap();
    let status = callbacks[0].as_status().unwrap();
    assert_eq!(
        status.cascade_id,
        Some(edna_callbacks::Id::Unsigned(u64::MAX))
    );
    assert!(serde_json::to_string(status)
        .unwrap()
        .contains("18446744073709551615"));
}

// ---------------------------------------------------------------------------------------
// Found in review of the one reader.

/// Text serde_json's scan passes but its reading refuses (a lone surrogate, a number out of
/// range) is a syntax error with serde_json's line and column, not an internal error.
#[test]
fn a_lone_surrogate_or_a_number_out_of_range_is_a_syntax_error() {
    let status = r#""status":"READ","statusAt":"2023-10-31T11:07:56Z""#;
    for body in [
        format!(r#"{{"requestId":"r\ud800",{status}}}"#),
        format!(r#"{{"x\udc00":1,{status}}}"#),
        format!(r#"{{"x":1e400,{status}}}"#),
        r#"{"requestId":"r","status":"READ","statusAt":1e400}"#.to_owned(),
        format!(r#"[{{{status}}},{{"requestId":"r\ud800",{status}}}]"#),
    ] {
        if serde_json::from_str::<serde_json::Value>(&body).is_ok() {
            // serde_json's `arbitrary_precision` (a user's build may turn it on) reads a
            // number of any size: then the crate reads it too, as JSON.
            assert!(
                !matches!(parse_body(body.as_bytes()), Err(Error::Syntax { .. })),
                "{body}"
            );
            continue;
        }
        let err = refused(&body, body.as_bytes());
        assert!(
            matches!(err, Error::Syntax { line: 1, .. }),
            "{body}: {err:?}"
        );
        // A body that is not JSON is refused whole by the element-by-element reading too.
        let each = edna_callbacks::parse_body_each(body.as_bytes());
        assert!(
            matches!(each, Err(Error::Syntax { .. })),
            "{body}: {each:?}"
        );
    }
}

/// `parse_body_each` gives each bad element its own line and column, in one pass over the
/// body however many elements are bad.
#[test]
fn each_bad_element_gets_its_own_line() {
    let elements: Vec<String> = (0..2_000)
        .map(|i| {
            if i % 2 == 0 {
                r#"{"status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#.to_owned()
            } else {
                r#"{"status":"READ","statusAt":"x"}"#.to_owned()
            }
        })
        .collect();
    let body = format!("[\n{}\n]", elements.join(",\n"));
    let each = edna_callbacks::parse_body_each(body.as_bytes()).unwrap();
    assert_eq!(each.len(), 2_000);
    for (i, one) in each.iter().enumerate() {
        match &one.result {
            Ok(_) => assert_eq!(i % 2, 0),
            Err(Error::Invalid {
                path, line, column, ..
            }) => {
                assert_eq!(path, &format!("[{i}].statusAt"));
                assert_eq!(*line, i + 2, "{i}");
                assert_eq!(*column, 31, "{i}");
            }
            Err(e) => panic!("{i}: {e:?}"),
        }
    }
}

/// `parse_as` of the crate's types gives exactly `parse_body`'s error, line and column
/// included.
#[test]
fn parse_as_gives_the_error_parse_body_gives() {
    let body = b"  {\"requestId\":\"r\",\"status\":\"READ\",\n\"statusAt\":\"31.10.2023\"}";
    let from_body = parse_body(body).unwrap_err();
    assert!(
        matches!(from_body, Error::Invalid { line: 2, .. }),
        "{from_body:?}"
    );
    assert_eq!(parse_as::<StatusCallback>(body).unwrap_err(), from_body);
    assert_eq!(
        parse_as::<edna_callbacks::Callback>(body).unwrap_err(),
        from_body
    );
}

/// A type of yours: a map's keys are the body's, and are not shown; a message of its own
/// that looks like the crate's is not taken for one.
#[test]
fn parse_as_of_your_type_shows_no_key_or_message_of_the_body() {
    use std::collections::HashMap;
    let body = br#"{"+79001234567":{"status":"READ","statusAt":5}}"#;
    let err = parse_as::<HashMap<String, StatusCallback>>(body).unwrap_err();
    assert_eq!(err.path(), "<undocumented>.statusAt", "{err:?}");
    assert!(!format!("{err} {err:?}").contains("79001234567"));
    let err = parse_as::<HashMap<String, u32>>(br#"{"Ivan Ivanov":"x"}"#).unwrap_err();
    assert_eq!(err.path(), "<undocumented>", "{err:?}");

    #[derive(Debug)]
    struct Sneaky;
    impl<'de> serde::Deserialize<'de> for Sneaky {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let value = String::deserialize(d)?;
            Err(serde::de::Error::custom(format!("invalid `x`: {value}")))
        }
    }
    let err = parse_as::<Sneaky>(br#""79001234567""#).unwrap_err();
    assert!(!format!("{err} {err:?}").contains("79001234567"), "{err:?}");
}

/// The `payload` of an event of a known type is required: `null` is none. An event of a
/// type this version does not know keeps any payload, `null` included (it used to be
/// refused too).
#[test]
fn an_event_payload_given_as_null_is_refused() {
    for kind in ["short_link_visited", "message_matcher.category_changed"] {
        let body =
            format!(r#"{{"type":"{kind}","timestamp":"2023-10-31T11:07:56Z","payload":null}}"#);
        let err = refused(&body, body.as_bytes());
        assert_eq!(err.path(), "payload", "{body}: {err:?}");
    }
    let body = br#"{"type":"foo.bar","timestamp":"2023-10-31T11:07:56Z","payload":null}"#;
    let callbacks = parse_body(body).unwrap();
    let event = callbacks[0].as_unknown_event().expect("an unknown event");
    assert_eq!(event.payload, serde_json::Value::Null);
    // An absent payload is still none.
    let err = refused(
        "absent",
        br#"{"type":"foo.bar","timestamp":"2023-10-31T11:07:56Z"}"#,
    );
    assert_eq!(err.path(), "payload", "{err:?}");
}

// ---------------------------------------------------------------------------------------
// Syntax errors of wrong bodies (issue #17, item 4).

/// A leading UTF-8 byte-order mark is skipped (RFC 8259 lets a parser ignore it) by every
/// entry point that reads a body; the columns of the first line count its 3 bytes.
#[test]
fn a_utf8_byte_order_mark_is_skipped_and_counted_in_the_columns() {
    let status = br#"{"requestId":"r-1","status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#;
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), status].concat();
    assert_eq!(parse_body(&with_bom), parse_body(status));
    assert_eq!(
        parse_as::<StatusCallback>(&with_bom).ok(),
        parse_as::<StatusCallback>(status).ok()
    );
    let each = edna_callbacks::parse_body_each(&with_bom).unwrap();
    assert_eq!(each[0].range, 3..3 + status.len());
    assert_eq!(&with_bom[each[0].range.clone()], status);

    // serde_json says column 6 of `{"a":}`; in the body as it came that is column 9.
    for entry in [
        parse_body(b"\xEF\xBB\xBF{\"a\":}").unwrap_err(),
        edna_callbacks::parse_body_each(b"\xEF\xBB\xBF{\"a\":}").unwrap_err(),
        parse_as::<StatusCallback>(b"\xEF\xBB\xBF{\"a\":}").unwrap_err(),
    ] {
        assert_eq!(
            entry,
            Error::Syntax {
                message: "expected value".to_owned(),
                line: 1,
                column: 9
            }
        );
    }
    // A wrong value's place too; on the second line, nothing to add.
    let bad = br#"{"status":"READ","statusAt":"yesterday"}"#;
    let place = |body: &[u8]| match parse_body(body).unwrap_err() {
        Error::Invalid { line, column, .. } => (line, column),
        other => panic!("{other:?}"),
    };
    let (line, column) = place(bad);
    assert_eq!(
        place(&[b"\xEF\xBB\xBF".as_slice(), bad].concat()),
        (line, column + 3)
    );
    match parse_body(b"\xEF\xBB\xBF{\n\"status\":\n}").unwrap_err() {
        Error::Syntax { line, column, .. } => assert_eq!((line, column), (3, 1)),
        other => panic!("{other:?}"),
    }
}

/// An empty body says what serde_json says (column 0: it stops before the first byte of
/// the line), with a hint; so does one of white space only.
#[test]
fn an_empty_body_is_named() {
    for body in [&b""[..], b"\n", b"  \r\n"] {
        let e = parse_body(body).unwrap_err();
        let serde = serde_json::from_slice::<serde_json::Value>(body).unwrap_err();
        assert_eq!(
            e,
            Error::Syntax {
                message: "EOF while parsing a value; the body is empty".to_owned(),
                line: serde.line(),
                column: serde.column(),
            },
            "{body:?}"
        );
    }
}

/// The form-encoded hint does not depend on a line break at the end; a UTF-16 body is
/// named by its byte-order mark.
#[test]
fn a_form_body_ending_with_a_newline_and_a_utf16_body_are_named() {
    for body in [
        &b"status=READ&id=1"[..],
        b"status=READ&id=1\n",
        b"status=READ\r\n",
    ] {
        let e = parse_body(body).unwrap_err();
        assert!(
            e.message()
                .ends_with("; the body looks form-encoded (key=value&...), not JSON"),
            "{e}"
        );
    }
    for bom in [[0xFF, 0xFE], [0xFE, 0xFF]] {
        let body = [&bom[..], b"{\0}\0"].concat();
        let e = parse_body(&body).unwrap_err();
        assert!(e.message().contains("UTF-16 byte-order mark"), "{e}");
    }
}
