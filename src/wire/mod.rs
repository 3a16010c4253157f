//! The wire machinery: how edna's JSON is read and written, and the values every kind of
//! callback shares on the wire (ids, numbers, timestamps, open enums, the error type).
//!
//! Nothing here knows a kind of callback: the domain modules (`pulse`, `legacy`, `common`
//! and the kind rule) use this module, never the reverse (`src/layout.rs` checks it).
//!
//! - [`object`]: `wire_object!`, the one declaration of each JSON object;
//! - [`open_enum`]: `open_enum!`, the one declaration of each set of values edna controls;
//! - [`read`]: the one reader of the wire format;
//! - [`bridge`]: how each type's `Deserialize` reaches that reader, in any format;
//! - [`safe`]: the one safe-error layer, for `parse_as` and FLOW texts;
//! - [`json`]: what JSON is (exactly what serde_json reads as a `Value`);
//! - [`survey`]: what a value carried that this version did not understand;
//! - [`error`]: the crate's `Error`, and how a stopped read becomes one.

#[macro_use]
pub(crate) mod object;
#[macro_use]
pub(crate) mod open_enum;

pub(crate) mod bridge;
pub(crate) mod error;
#[cfg(feature = "arbitrary")]
pub(crate) mod generate;
pub(crate) mod id;
pub(crate) mod json;
pub(crate) mod kept;
pub(crate) mod numeric;
pub(crate) mod plain;
pub(crate) mod read;
pub(crate) mod safe;
pub(crate) mod survey;
pub(crate) mod timestamp;

pub use error::Error;
pub use id::{Id, IdKey};
pub use kept::Kept;
pub use numeric::Numeric;
pub use survey::{Unfamiliar, Unrecognized};
pub use timestamp::{Timestamp, TimestampError};
