//! The `arbitrary` feature: every generated callback, of every kind, written as a body, is
//! read back by `parse_body` as the equal callback, alone and in an array body; and a
//! handler can be fuzzed with them.
//!
//! The number of callbacks is `EDNA_ARBITRARY_CASES` (default 5,000, a second or two in
//! debug mode); `.ci/run` sets it to 100,000.
#![cfg(feature = "arbitrary")]

use std::collections::BTreeMap;

use arbitrary::{Arbitrary, Unstructured};
use edna_callbacks::{
    parse_body, parse_body_each, Callback, CallbackKind, Id, MessageMatcher, StatusCallback,
    Timestamp,
};

/// How many callbacks to generate: `EDNA_ARBITRARY_CASES`, else 5,000.
fn cases() -> u64 {
    std::env::var("EDNA_ARBITRARY_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000)
}

/// `len` bytes of a fixed stream (SplitMix64 from `seed`): the same cases every run.
fn bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        out.extend_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    out.truncate(len);
    out
}

#[test]
fn every_generated_callback_is_read_back_equal() {
    let cases = cases();
    let started = std::time::Instant::now();
    let mut kinds: BTreeMap<CallbackKind, u64> = BTreeMap::new();
    let mut extras = 0;
    let mut batch = Vec::new();
    for case in 0..cases {
        let data = bytes(case, 3_000);
        let mut u = Unstructured::new(&data);
        let callback = Callback::arbitrary(&mut u).unwrap();
        let body = serde_json::to_vec(&callback).unwrap();
        match parse_body(&body) {
            Ok(read) => assert_eq!(
                read,
                std::slice::from_ref(&callback),
                "case {case} ({}): {}",
                callback.kind(),
                String::from_utf8_lossy(&body)
            ),
            Err(e) => panic!(
                "case {case} ({}): {e}\n{}",
                callback.kind(),
                String::from_utf8_lossy(&body)
            ),
        }
        *kinds.entry(callback.kind()).or_default() += 1;
        extras += usize::from(body.windows(3).any(|w| w == b"\"x-"));
        batch.push(callback);
        // Every few callbacks, the lot as one array body, as edna batches them.
        if batch.len() == 1 + (case % 7) as usize {
            let body = serde_json::to_vec(&batch).unwrap();
            assert_eq!(
                parse_body(&body).unwrap(),
                batch,
                "batch ending at case {case}"
            );
            let each: Vec<Callback> = parse_body_each(&body)
                .unwrap()
                .into_iter()
                .map(|element| element.result.unwrap())
                .collect();
            assert_eq!(each, batch, "batch ending at case {case}");
            batch.clear();
        }
    }
    // Every kind, drawn alike.
    for kind in CallbackKind::ALL {
        let count = kinds.get(kind).copied().unwrap_or(0);
        assert!(
            count * (CallbackKind::ALL.len() as u64) * 2 > cases,
            "{kind}: {count} of {cases}"
        );
    }
    assert!(extras > 0);
    eprintln!(
        "{cases} generated callbacks read back equal in {:.1?}: {kinds:?}",
        started.elapsed()
    );
}

#[test]
fn a_kind_of_ones_choice() {
    for seed in 0..200 {
        let data = bytes(seed, 2_000);
        let callback =
            Callback::arbitrary_of(CallbackKind::Status, &mut Unstructured::new(&data)).unwrap();
        assert_eq!(callback.kind(), CallbackKind::Status);
        // Each type on its own too.
        let status = StatusCallback::arbitrary(&mut Unstructured::new(&data)).unwrap();
        let body = serde_json::to_vec(&status).unwrap();
        assert_eq!(parse_body(&body).unwrap(), [Callback::Status(status)]);
        let template = MessageMatcher::arbitrary(&mut Unstructured::new(&data)).unwrap();
        let read: MessageMatcher =
            serde_json::from_slice(&serde_json::to_vec(&template).unwrap()).unwrap();
        assert_eq!(read, template);
    }
    // Out of data, the simplest values: still valid.
    let callback = Callback::arbitrary(&mut Unstructured::new(&[])).unwrap();
    let body = serde_json::to_vec(&callback).unwrap();
    assert_eq!(parse_body(&body).unwrap(), [callback]);
}

#[test]
fn values_come_in_every_form() {
    let mut forms = [false; 3];
    let mut offsets = false;
    for seed in 0..500 {
        let data = bytes(seed, 64);
        let mut u = Unstructured::new(&data);
        match Id::arbitrary(&mut u).unwrap() {
            Id::Number(_) => forms[0] = true,
            Id::Unsigned(n) => {
                assert!(n > i64::MAX as u64);
                forms[1] = true;
            }
            Id::Text(_) => forms[2] = true,
        }
        let at = Timestamp::arbitrary(&mut u).unwrap();
        offsets |= !at.get().offset().is_utc();
        let read: Timestamp = at.to_string().parse().unwrap();
        assert_eq!(read, at);
    }
    assert_eq!(forms, [true; 3]);
    assert!(offsets);
}
