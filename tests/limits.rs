//! Limits that hold for hostile bodies: nesting deeper than the JSON parser allows is an
//! error, never a stack overflow (in the body, in an extra field, in `paymentData`, in a
//! FLOW text), and bodies of 10 MB are read whole and correctly.
//!
//! Every deep case runs on a thread with a small stack ([`STACK`]), well under the 2 MiB
//! that Rust (and tokio) give a thread, so that a parser that recursed without a limit
//! would overflow here rather than in production. Speed is measured in
//! `benches/large.rs`, not here.

use std::thread;

use edna_callbacks::{parse_body, Callback, ContentType, Error, Id, Status};
use serde_json::Value;

/// The stack each deep case runs with.
const STACK: usize = 1024 * 1024;

/// How deep serde_json lets values nest (its limit of 128 counts down to zero): the
/// body's own object or array is the first level.
const MAX_DEPTH: usize = 127;

/// Runs `f` on a thread with a [`STACK`]-sized stack.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match thread::Builder::new()
        .stack_size(STACK)
        .spawn(f)
        .expect("a thread")
        .join()
    {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// `inner` inside `depth` arrays (or objects `{"a": ...}`).
fn nested(inner: &str, depth: usize, objects: bool) -> String {
    let (open, close) = if objects {
        ("{\"a\":", "}")
    } else {
        ("[", "]")
    };
    let mut s = String::with_capacity(depth * (open.len() + close.len()) + inner.len());
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..depth {
        s.push_str(close);
    }
    s
}

/// How deep `value` nests (a scalar is 0, `[]` is 1).
fn depth_of(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth_of).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth_of).max().unwrap_or(0),
        _ => 0,
    }
}

/// A status callback with `member` added after its documented fields.
fn status_with(member: &str) -> String {
    format!(r#"{{"status":"READ","statusAt":"2023-10-31T11:07:56Z",{member}}}"#)
}

fn assert_too_deep(result: Result<Vec<Callback>, Error>, what: &str) {
    match result {
        Err(Error::Syntax { message, .. }) => {
            assert_eq!(message, "recursion limit exceeded", "{what}")
        }
        other => panic!("{what}: expected a recursion-limit error, got {other:?}"),
    }
}

#[test]
fn a_body_nested_beyond_the_limit_is_an_error() {
    on_small_stack(|| {
        for depth in [MAX_DEPTH + 1, 1_000, 100_000, 1_000_000] {
            // Objects in objects: read as extra fields until the limit.
            let body = nested("1", depth, true);
            assert_too_deep(parse_body(body.as_bytes()), &format!("objects {depth}"));
            // Never closed: the limit comes before the missing end.
            let open = "{\"a\":".repeat(depth);
            assert_too_deep(parse_body(open.as_bytes()), &format!("open {depth}"));
            // An array body of one such object.
            let body = format!("[{body}]");
            assert_too_deep(parse_body(body.as_bytes()), &format!("[objects] {depth}"));
            // Arrays in arrays: not JSON to serde_json (issue #16), whose recursion limit
            // comes before the first element could be found to be no callback; the error
            // is at the 128th bracket, as serde_json says.
            match parse_body(nested("1", depth, false).as_bytes()) {
                Err(Error::Syntax {
                    message, column, ..
                }) => {
                    assert_eq!(message, "recursion limit exceeded");
                    assert_eq!(column, MAX_DEPTH + 1);
                }
                other => panic!("arrays {depth}: expected a syntax error, got {other:?}"),
            }
            // Never closed: the limit comes before the missing end, here too.
            match parse_body("[".repeat(depth).as_bytes()) {
                Err(Error::Syntax {
                    message, column, ..
                }) => {
                    assert_eq!(message, "recursion limit exceeded");
                    assert_eq!(column, MAX_DEPTH + 1);
                }
                other => panic!("open arrays {depth}: expected a syntax error, got {other:?}"),
            }
        }
    });
}

#[test]
fn a_body_nested_to_the_limit_is_read() {
    on_small_stack(|| {
        // Objects in objects: the body is a callback whose extra field `a` holds objects
        // down to the last level allowed.
        let body = format!(
            r#"{{"status":"READ","statusAt":"2023-10-31T11:07:56Z","a":{}}}"#,
            nested("1", MAX_DEPTH - 1, true)
        );
        let callbacks = parse_body(body.as_bytes()).expect("a body at the limit");
        let status = callbacks[0].as_status().expect("a status callback");
        assert_eq!(depth_of(&status.extra["a"]), MAX_DEPTH - 1);
    });
}

#[test]
fn an_extra_field_nested_to_the_limit_is_kept_and_one_more_level_is_an_error() {
    on_small_stack(|| {
        for objects in [false, true] {
            // The callback's object is level 1; its member's value takes the rest.
            let inner = MAX_DEPTH - 1;
            let body = status_with(&format!(r#""x":{}"#, nested("7", inner, objects)));
            let callbacks = parse_body(body.as_bytes()).expect("a status at the limit");
            let status = callbacks[0].as_status().expect("a status callback");
            assert_eq!(status.status, Status::Read);
            assert_eq!(depth_of(&status.extra["x"]), inner);
            // Written back and read again: the same depth, the same value.
            let written = serde_json::to_vec(&callbacks[0]).expect("written");
            assert_eq!(parse_body(&written).as_ref(), Ok(&callbacks));

            let body = status_with(&format!(r#""x":{}"#, nested("7", inner + 1, objects)));
            assert_too_deep(parse_body(body.as_bytes()), "extra one level too deep");
            let body = status_with(&format!(r#""x":{}"#, nested("7", 500_000, objects)));
            assert_too_deep(parse_body(body.as_bytes()), "extra far too deep");
        }
    });
}

#[test]
fn nesting_in_an_array_body_counts_the_array() {
    on_small_stack(|| {
        let member = format!(r#""x":{}"#, nested("7", MAX_DEPTH - 2, false));
        let body = format!("[{}]", status_with(&member));
        let callbacks = parse_body(body.as_bytes()).expect("an array body at the limit");
        let status = callbacks[0].as_status().expect("a status callback");
        assert_eq!(depth_of(&status.extra["x"]), MAX_DEPTH - 2);

        let member = format!(r#""x":{}"#, nested("7", MAX_DEPTH - 1, false));
        let body = format!("[{}]", status_with(&member));
        assert_too_deep(parse_body(body.as_bytes()), "array body one level too deep");
    });
}

#[test]
fn nesting_in_typed_objects_and_payment_data_is_bounded_too() {
    on_small_stack(|| {
        // Inside messageContent.items[0]: levels 1 (message), 2 (messageContent),
        // 3 (items), 4 (the item), then the extra field.
        let deep = |depth: usize| {
            format!(
                r#"{{"id":1,"receivedAt":"2022-04-29T15:27:40Z","messageContent":{{"type":"LIST_PICKER",
                "items":[{{"identifier":"01","x":{}}}]}}}}"#,
                nested("null", depth, true)
            )
        };
        let body = deep(MAX_DEPTH - 4);
        let callbacks = parse_body(body.as_bytes()).expect("an item at the limit");
        let message = callbacks[0].as_incoming().expect("an incoming message");
        let items = message.message_content.items.as_deref().unwrap_or_default();
        assert_eq!(items[0].identifier, Some(Id::Text("01".into())));
        assert_eq!(depth_of(&items[0].extra["x"]), MAX_DEPTH - 4);
        assert_too_deep(parse_body(deep(MAX_DEPTH - 3).as_bytes()), "item");

        // paymentData is read as a JSON value first, then typed: both bounded.
        let payment = |depth: usize, chargeable: &str| {
            status_with(&format!(
                r#""paymentData":{{"@type":"WhatsAppConversationPaymentData",
                "chargeable":{chargeable},"x":{}}}"#,
                nested("0", depth, false)
            ))
        };
        let body = payment(MAX_DEPTH - 2, "true");
        let callbacks = parse_body(body.as_bytes()).expect("paymentData at the limit");
        let status = callbacks[0].as_status().expect("a status callback");
        match &status.payment_data {
            Some(edna_callbacks::PaymentData::WhatsAppConversation(p)) => {
                assert_eq!(p.chargeable, Some(true));
                assert_eq!(depth_of(&p.extra["x"]), MAX_DEPTH - 2);
            }
            other => panic!("expected WhatsApp payment data, got {other:?}"),
        }
        assert_too_deep(
            parse_body(payment(MAX_DEPTH - 1, "true").as_bytes()),
            "payment",
        );
        // An odd optional field next to a deep one: kept as it came (since issue #15; it
        // was refused), found through the deep value, which is kept whole too.
        let callbacks = parse_body(payment(MAX_DEPTH - 2, "\"yes\"").as_bytes())
            .expect("an odd chargeable is kept");
        match &callbacks[0].as_status().expect("a status").payment_data {
            Some(edna_callbacks::PaymentData::WhatsAppConversation(p)) => {
                assert_eq!(p.chargeable, None);
                assert_eq!(p.extra["chargeable"], "yes");
                assert_eq!(depth_of(&p.extra["x"]), MAX_DEPTH - 2);
            }
            other => panic!("expected WhatsApp payment data, got {other:?}"),
        }
        let found: Vec<String> = callbacks[0]
            .unrecognized()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "odd-value at `paymentData.chargeable`",
                "undocumented-key at `paymentData.x`"
            ]
        );
    });
}

/// A FLOW message whose text is `text`.
fn flow_message(text: &str) -> Vec<u8> {
    let body = serde_json::json!({
        "id": 101,
        "receivedAt": "2024-08-05T08: 24: 14Z",
        "messageContent": { "type": "FLOW", "text": text },
    });
    serde_json::to_vec(&body).expect("written")
}

#[test]
fn a_flow_text_nested_beyond_the_limit_is_a_flow_error() {
    on_small_stack(|| {
        // The text is a separate document: its own object is level 1.
        let at_limit = format!(
            r#"{{"flow_token":"t","x":{}}}"#,
            nested("1", MAX_DEPTH - 1, false)
        );
        let callbacks = parse_body(&flow_message(&at_limit)).expect("a FLOW message");
        let message = callbacks[0].as_incoming().expect("an incoming message");
        assert_eq!(message.message_content.kind, ContentType::Flow);
        let reply = message.flow_reply().expect("a reply at the limit");
        assert_eq!(reply.flow_token.as_deref(), Some("t"));
        assert_eq!(depth_of(&reply.fields["x"]), MAX_DEPTH - 1);

        for depth in [MAX_DEPTH, 10_000, 1_000_000] {
            for objects in [false, true] {
                let text = format!(
                    r#"{{"flow_token":"t","x":{}}}"#,
                    nested("1", depth, objects)
                );
                // The message itself parses whatever its text holds.
                let callbacks = parse_body(&flow_message(&text)).expect("a FLOW message");
                let message = callbacks[0].as_incoming().expect("an incoming message");
                for result in [
                    message.flow_reply().map(drop),
                    message.message_content.flow_reply_as::<Value>().map(drop),
                ] {
                    match result {
                        Err(Error::Flow { path, message }) => {
                            assert_eq!(path, "messageContent.text");
                            assert!(
                                message.contains("recursion limit exceeded"),
                                "depth {depth}: {message}"
                            );
                        }
                        other => panic!("depth {depth}: expected a Flow error, got {other:?}"),
                    }
                }
            }
        }
    });
}

// ---------------------------------------------------------------------------------------
// Large bodies
// ---------------------------------------------------------------------------------------

const TEN_MB: usize = 10 * 1024 * 1024;

fn status_element(i: usize) -> String {
    format!(
        r#"{{"requestId":"req-{i}","cascadeId":11,"cascadeStageUUID":"001-test001","subject":"test_subject","subjectId":2,"status":"DELIVERED","statusAt":"2023-10-31T11:07:56.{:03}Z","error":null,"comment":null,"paymentData":{{"@type":"WhatsAppConversationPaymentData","conversationId":"c{i}","conversationType":"utility","chargeable":true}}}}"#,
        i % 1000
    )
}

/// An array body of at least `size` bytes of status callbacks; returns it and the count.
fn array_body(size: usize, last: impl Fn(usize) -> String) -> (Vec<u8>, usize) {
    let mut body = String::with_capacity(size + 1024);
    body.push('[');
    let mut count = 0;
    while body.len() < size {
        if count > 0 {
            body.push(',');
        }
        body.push_str(&status_element(count));
        count += 1;
    }
    body.push(',');
    body.push_str(&last(count));
    body.push(']');
    (body.into_bytes(), count + 1)
}

#[test]
fn a_10_mb_array_body_is_read_whole() {
    let (body, count) = array_body(TEN_MB, status_element);
    assert!(body.len() >= TEN_MB);
    let callbacks = parse_body(&body).expect("a 10 MB body");
    assert_eq!(callbacks.len(), count);
    for i in [0, count / 2, count - 1] {
        let status = callbacks[i].as_status().expect("a status callback");
        assert_eq!(status.request_id, Some(Id::Text(format!("req-{i}"))));
        assert_eq!(status.status, Status::Delivered);
        assert_eq!(
            status.status_at.get().nanosecond(),
            (i % 1000) as u32 * 1_000_000
        );
    }
}

#[test]
fn an_error_at_the_end_of_a_10_mb_body_names_its_place() {
    let (body, count) = array_body(TEN_MB, |_| {
        r#"{"status":"READ","statusAt":"2023-10-31T25:07:56Z"}"#.to_owned()
    });
    match parse_body(&body) {
        Err(Error::Invalid { path, message, .. }) => {
            assert_eq!(path, format!("[{}].statusAt", count - 1));
            assert!(message.contains("hour 00 to 23"), "{message}");
        }
        other => panic!(
            "expected an invalid statusAt, got {:?}",
            other.map(|c| c.len())
        ),
    }
    // Cut in the middle of the last element: a syntax error, not a panic.
    match parse_body(&body[..body.len() - 10]) {
        Err(Error::Syntax { line, .. }) => assert_eq!(line, 1),
        other => panic!("expected a syntax error, got {:?}", other.map(|c| c.len())),
    }
}

#[test]
fn a_10_mb_text_and_a_10_mb_extra_field_are_kept_whole() {
    // One string of 10 MB, with escapes and non-ASCII characters throughout.
    let unit = "Привет, \"edna\"\n\\ ";
    let text: String = unit.repeat(TEN_MB / unit.len() + 1);
    let body = serde_json::to_vec(&serde_json::json!({
        "id": 1,
        "receivedAt": "2022-04-29T15:27:40Z",
        "messageContent": { "type": "TEXT", "text": text },
    }))
    .expect("written");
    assert!(body.len() > TEN_MB);
    let callbacks = parse_body(&body).expect("a 10 MB text");
    let message = callbacks[0].as_incoming().expect("an incoming message");
    assert_eq!(message.message_content.text.as_deref(), Some(text.as_str()));

    // One extra array of a million numbers.
    let numbers: Vec<Value> = (0..1_000_000i64).map(|i| Value::from(i * 7919)).collect();
    let member = format!(r#""x":{}"#, Value::Array(numbers.clone()));
    let body = status_with(&member);
    assert!(body.len() > 7 * 1024 * 1024);
    let callbacks = parse_body(body.as_bytes()).expect("a large extra field");
    let status = callbacks[0].as_status().expect("a status callback");
    assert_eq!(status.extra["x"], Value::Array(numbers));
}

#[test]
fn a_body_of_many_keys_is_read_and_a_duplicate_among_them_is_found() {
    // 200,000 distinct extra keys: kept; one given twice at the very end: refused.
    let mut body = String::from(r#"{"status":"READ","statusAt":"2023-10-31T11:07:56Z""#);
    for i in 0..200_000 {
        body.push_str(&format!(r#","k{i}":{i}"#));
    }
    let callbacks = parse_body(format!("{body}}}").as_bytes()).expect("many keys");
    let status = callbacks[0].as_status().expect("a status callback");
    assert_eq!(status.extra.len(), 200_000);
    assert_eq!(status.extra["k199999"], Value::from(199_999));

    match parse_body(format!(r#"{body},"k0":1}}"#).as_bytes()) {
        Err(Error::Invalid { path, message, .. }) => {
            // A key the crate does not document is never shown (issue #10).
            assert_eq!(path, "<undocumented>");
            assert_eq!(
                message,
                "duplicate field (a key the crate does not document)"
            );
        }
        other => panic!(
            "expected a duplicate field, got {:?}",
            other.map(|c| c.len())
        ),
    }
}
