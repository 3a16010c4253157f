//! Every entry point against serde_json on any bytes (issue #16): `parse_body`,
//! `parse_body_each`, `parse_as` and the types' `Deserialize` (through `from_slice`,
//! `from_str`, `from_reader`, `from_value`) refuse as a syntax error, at serde_json's line
//! and column, exactly the bodies `serde_json::from_slice::<Value>` refuses, and what they
//! read from a body it reads is written back as its value. The rule and its checks are
//! `tests/common/differential.rs`, which `tests/differential.rs` runs on generated variants
//! of the fixtures.

#![no_main]

use edna_callbacks_fuzz::differential::{check, show};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (judge, answers, found) = check(data);
    if !found.is_empty() {
        let classes: Vec<&str> = found.iter().map(|d| d.class.as_str()).collect();
        let answers: Vec<String> = answers.iter().map(|(e, a)| format!("{e}: {a}")).collect();
        panic!(
            "{} disagreement(s) with serde_json ({judge}) on {}:\n  {}\nanswers:\n  {}",
            found.len(),
            show(data),
            classes.join("\n  "),
            answers.join("\n  ")
        );
    }
});
