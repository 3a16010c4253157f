//! The FLOW reply parser on any text: `flow_reply` answers exactly when serde_json reads
//! the text as an object whose `flow_token` is a string, null or absent; a message with
//! that text always parses, and gives the same answer.

#![no_main]

use edna_callbacks::{parse_body, ContentType, Error, MessageContent};
use edna_callbacks_fuzz::exercise_flow;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    // A FLOW message's content: its type and text, every other field empty.
    let content = MessageContent::flow(text.clone());
    let reply = content.flow_reply();
    // What serde_json itself makes of the text.
    let expected = match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(mut fields)) => match fields.remove("flow_token") {
            None | Some(Value::Null) => Some((None, fields)),
            Some(Value::String(token)) => Some((Some(token), fields)),
            Some(_) => None,
        },
        _ => None,
    };
    match (&reply, expected) {
        (Ok(reply), Some((token, fields))) => {
            assert_eq!(reply.flow_token, token);
            assert_eq!(reply.fields, fields);
        }
        (Err(Error::Flow { path, message }), None) => {
            assert_eq!(path, "messageContent.text");
            assert!(!message.is_empty());
        }
        (reply, expected) => panic!("flow_reply gave {reply:?}, serde_json {expected:?}"),
    }
    exercise_flow(&content);

    // The same text in a whole message: the message parses, and its reply is the same.
    let body = serde_json::json!({
        "id": 1,
        "receivedAt": "2024-08-05T08: 24: 14Z",
        "messageContent": { "type": "flow", "text": text },
    });
    let body = serde_json::to_vec(&body).expect("written");
    let callbacks = match parse_body(&body) {
        Ok(callbacks) => callbacks,
        Err(e) => panic!("a FLOW message did not parse: {e}"),
    };
    let message = callbacks[0].as_incoming().expect("an incoming message");
    assert_eq!(message.message_content.kind, ContentType::Flow);
    assert_eq!(message.flow_reply(), reply);
});
