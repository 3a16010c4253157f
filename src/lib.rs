#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[macro_use]
mod object;

mod auth;
mod builders;
mod callback;
mod content;
mod enums;
mod error;
mod event;
#[cfg(feature = "fixtures")]
pub mod fixtures;
mod flow;
mod incoming;
mod legacy_incoming;
mod legacy_status;
mod retry;
mod scalar;
#[cfg(feature = "serde_with")]
pub mod serde_as;
mod status;
mod template;
mod timestamp;
mod view;

pub use auth::WebhookKey;
pub use callback::{parse_as, parse_body, parse_body_each, Callback, CallbackKind};
pub use content::{
    Attachment, Catalog, Contact, Item, Location, MessageContent, Order, OrderProduct, Product,
    Referral, Story, Subscriber, UserInfo,
};
pub use enums::{
    ButtonType, Channel, ContentType, ConversationType, ErrorCode, EventType, HeaderType,
    PaymentDataKind, PaymentType, ReferralSourceType, Status, TemplateCategory, TemplateStatus,
    TemplateType,
};
pub use error::Error;
pub use event::{Event, ShortLinkVisited, TemplateCategoryChanged};
pub use flow::FlowReply;
pub use incoming::IncomingMessage;
pub use legacy_incoming::LegacyIncomingMessage;
pub use legacy_status::LegacyStatusCallback;
pub use retry::DedupKey;
pub use scalar::{Id, IdKey, Numeric};
pub use status::{PaymentData, StatusCallback, WhatsAppConversationPaymentData};
pub use template::{
    Keyboard, KeyboardButton, KeyboardRow, MessageMatcher, MessageMatcherStatus,
    TemplateAttachment, TemplateContent, TemplateFooter, TemplateHeader,
};
pub use timestamp::{Timestamp, TimestampError};
pub use view::{Delivery, Party, PartyField};

/// The [`time`](https://docs.rs/time/0.3) crate (0.3) this crate's [`Timestamp`] is built
/// on, so that `edna_callbacks::time::OffsetDateTime` can be named without a dependency of
/// your own. Only its `std` feature is turned on here; enable others (`formatting`,
/// `macros`, `serde`) with your own `time` dependency, which Cargo unifies with this one.
pub use time;
