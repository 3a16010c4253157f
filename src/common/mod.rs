//! Values that several sources of callbacks share: delivery statuses and the order in which
//! they replace each other, error codes, channels, content types, and who the person at
//! the other end is (identifier types and kinds).

mod channel;
mod content_type;
mod error_code;
pub(crate) mod identity;
mod status;

pub use channel::Channel;
pub use content_type::ContentType;
pub use error_code::ErrorCode;
pub use identity::{is_bsuid, IdentifierKind, IdentifierType};
pub use status::Status;
