//! The timestamp parser on any string: an answer, never a panic. What parses is written as
//! `time` writes RFC 3339 and read back as the same instant and offset; whatever `time`
//! reads as RFC 3339 is read as the same instant (unless it is one of the three things the
//! parser refuses on purpose: a separator other than `T`/`t`, which `time` takes any byte
//! for; a leap second; a tenth fractional digit); and a `statusAt` in a body gets the same
//! answer.

#![no_main]

use edna_callbacks::{parse_body, Error, Timestamp};
use libfuzzer_sys::fuzz_target;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let parsed = Timestamp::parse(&input);
    match parsed {
        Ok(t) => {
            let written = t.to_string();
            assert_eq!(Some(&written), t.get().format(&Rfc3339).ok().as_ref());
            let again = Timestamp::parse(&written).expect("what is written is read");
            assert_eq!(again, t);
            assert_eq!(again.get().offset(), t.get().offset());
        }
        Err(e) => assert!(e.position() <= input.len()),
    }
    if let Ok(by_time) = OffsetDateTime::parse(&input, &Rfc3339) {
        match parsed {
            Ok(t) => assert_eq!(t.get(), by_time, "{input:?}"),
            Err(e) => assert!(
                matches!(
                    e.expected(),
                    "'T' between date and time"
                        | "at most nine fractional digits"
                        | "second 00 to 59"
                ),
                "time reads {input:?} as {by_time}, the parser refuses it: {e}"
            ),
        }
    }

    let body = serde_json::json!({ "status": "READ", "statusAt": &*input });
    let body = serde_json::to_vec(&body).expect("written");
    match (parse_body(&body), parsed) {
        (Ok(callbacks), Ok(t)) => {
            let status = callbacks[0].as_status().expect("a status callback");
            assert_eq!(status.status_at, t);
        }
        (Err(Error::Invalid { path, .. }), Err(_)) => assert_eq!(path, "statusAt"),
        (body, alone) => panic!("in a body: {body:?}; alone: {alone:?}"),
    }
});
