//! Every error case: the variant, and the path the error names. One test per
//! `fixtures/edge/bad-*.json` file, then the cases written inline.

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
    array_with_an_unknown_element: "bad-array-unknown-element.json"
        => UnknownCallback at "[1]", "none of the keys that mark a callback";
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
    item_identifier_boolean: "bad-item-identifier.json"
        => Invalid at "messageContent.items[0].identifier", "invalid type: boolean";
    second_item_identifier_float: "bad-second-item-identifier.json"
        => Invalid at "messageContent.items[1].identifier", "invalid type: floating point";
    items_not_an_array: "bad-items-not-array.json"
        => Invalid at "messageContent.items", "expected a sequence";
    order_quantity_boolean: "bad-order-quantity.json"
        => Invalid at "messageContent.order.products[0].quantity", "invalid type: boolean";
    payment_chargeable_string: "bad-payment-chargeable.json"
        => Invalid at "paymentData.chargeable", "expected a boolean";
    payment_data_string: "bad-payment-data-not-object.json"
        => Invalid at "paymentData", "invalid type: string";
    status_number: "bad-status-not-string.json" => Invalid at "status", "invalid type: integer";
    status_null: "bad-status-null.json" => Invalid at "status", "invalid type: null";
    subscriber_string: "bad-subscriber-not-object.json"
        => Invalid at "subscriber", "invalid type: string";
    id_past_64_bits: "bad-id-too-large.json"
        => Invalid at "id", "an integer id past 64 bits";
    missing_status_at: "bad-missing-status-at.json"
        => Invalid at "statusAt", "missing field `statusAt`";
    missing_received_at: "bad-missing-received-at.json"
        => Invalid at "receivedAt", "missing field `receivedAt`";
    missing_content_type: "bad-missing-content-type.json"
        => Invalid at "messageContent.type", "missing field `type`";
    missing_legacy_id: "bad-missing-legacy-id.json" => Invalid at "id", "missing field `id`";
    missing_field_in_the_second_element: "bad-array-missing-field.json"
        => Invalid at "[1].statusAt", "missing field `statusAt`";
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
    let cases: [(&str, &str, &str); 8] = [
        ("42", ".", "it is a number"),
        ("null", ".", "it is null"),
        ("true", ".", "it is a boolean"),
        ("{}", ".", "none of the keys"),
        (
            r#"{"id":101,"subject":"test_subject_WA","receivedAt":"2022-04-29T15:30:08Z"}"#,
            ".",
            "none of the keys",
        ),
        ("[1]", "[0]", "it is a number"),
        (
            r#"[{"imOutMessageId":"test-001","dlvStatus":"read","dlvStatusAt":"2020-01-10T19:03:52.355+0300"},"x"]"#,
            "[1]",
            "it is a string",
        ),
        (
            r#"[{"requestId":"r","status":"READ","statusAt":"2023-10-31T11:07:56Z"},{},{}]"#,
            "[1]",
            "none of the keys",
        ),
    ];
    for (body, path, fragment) in cases {
        let err = refused(body, body.as_bytes());
        check(body, &err, Variant::UnknownCallback, path, fragment);
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

#[test]
fn a_wrongly_typed_field_is_named_by_its_path() {
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
        (incoming(r#"{"type":7}"#), "messageContent.type"),
        (incoming(r#""TEXT""#), "messageContent"),
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
            format!(
                "[{},{}]",
                incoming(r#"{"type":"ORDER"}"#),
                incoming(r#"{"type":"ORDER","order":{"products":[{},{"price":{}}]}}"#)
            ),
            "[1].messageContent.order.products[1].price",
        ),
    ];
    for (body, path) in cases {
        let err = refused(&body, body.as_bytes());
        check(&body, &err, Variant::Invalid, path, "invalid type");
    }
}

#[test]
fn a_missing_required_field_is_named() {
    // `status` alone tells no kind (a template status has one too): the error names what
    // each kind needs.
    let err = refused("status", br#"{"status":"READ"}"#);
    check(
        "status",
        &err,
        Variant::UnknownCallback,
        ".",
        "statusAt for a status",
    );
    let cases: [(&str, &str); 9] = [
        (r#"{"statusAt":"2023-10-31T11:07:56Z"}"#, "status"),
        (
            r#"{"messageContent":{"type":"TEXT"},"receivedAt":"2022-04-29T15:30:08Z"}"#,
            "id",
        ),
        (r#"{"id":1,"messageContent":{"type":"TEXT"}}"#, "receivedAt"),
        (
            r#"{"id":1,"subscriber":{"id":202},"receivedAt":"2022-04-29T15:30:08Z"}"#,
            "messageContent",
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
            {"id":2,"messageContent":{"type":"LIST_PICKER","items":[{"identifier":false}]},"receivedAt":"2022-04-29T15:30:08Z"}]"#,
    )
    .unwrap_err();
    check(
        "incoming",
        &err,
        Variant::Invalid,
        "[1].messageContent.items[0].identifier",
        "invalid type: boolean",
    );
    // Read as the wrong type, a body is missing that type's fields.
    let err =
        parse_as::<LegacyStatusCallback>(br#"{"status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#)
            .unwrap_err();
    check(
        "legacy",
        &err,
        Variant::Invalid,
        "imOutMessageId",
        "missing field `imOutMessageId`",
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
    // Past 64 bits, well-formed: a wrong value, said plainly.
    let body = br#"{"cascadeId":123456789012345678901234567890,"status":"READ","statusAt":"2023-10-31T11:07:56Z"}"#;
    let err = refused("past 64 bits", body);
    assert_eq!(err.path(), "cascadeId");
    assert_eq!(err.message(), "an integer id past 64 bits");
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
        match one {
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

/// An event's `payload` is required whatever its `type`: `null` is none.
#[test]
fn an_event_payload_given_as_null_is_refused() {
    for kind in [
        "foo.bar",
        "short_link_visited",
        "message_matcher.category_changed",
    ] {
        let body =
            format!(r#"{{"type":"{kind}","timestamp":"2023-10-31T11:07:56Z","payload":null}}"#);
        let err = refused(&body, body.as_bytes());
        assert_eq!(err.path(), "payload", "{body}: {err:?}");
    }
}
