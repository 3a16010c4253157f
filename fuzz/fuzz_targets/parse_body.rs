//! `parse_body` on any bytes: an answer, never a panic, and the answer the types' serde
//! `Deserialize` gives. What parses is written back, read again as the
//! same callbacks and written again as the same bytes; FLOW replies and error messages can
//! be asked for.

#![no_main]

use edna_callbacks::{parse_body, Callback, Error};
use edna_callbacks_fuzz::{assert_fast_path_agrees, assert_same_callbacks, exercise_flow};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let result = parse_body(data);
    assert_fast_path_agrees(data, &result);
    match result {
        Ok(callbacks) => {
            // One at a time: an array around a callback nested as deep as the parser
            // allows would be one level too deep.
            for callback in &callbacks {
                let written = serde_json::to_vec(callback).expect("a parsed callback is written");
                let again = match parse_body(&written) {
                    Ok(again) => again,
                    Err(e) => panic!("what was written is not read: {e}"),
                };
                assert_same_callbacks(&again, std::slice::from_ref(callback));
                if let Some(message) = callback.as_incoming() {
                    exercise_flow(&message.message_content);
                }
            }
            let _ = callbacks.iter().map(Callback::kind).count();
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
            // A path is never empty (tests/regressions/parse_body-empty-key-twice.json).
            assert!(!e.path().is_empty(), "{e:?}");
            if let Error::Syntax { line, column, .. } = e {
                assert!(line >= 1 && column <= data.len() + 1);
            }
        }
    }
});
