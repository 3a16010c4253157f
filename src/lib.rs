//! Typed, lossless models of every callback body edna POSTs to a webhook.
//!
//! See the README for the whole picture; in short, [`parse_body`] reads any body into
//! [`Callback`]s and serializing one writes the object edna sent.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[macro_use]
mod object;

mod callback;
mod content;
mod enums;
mod error;
mod flow;
mod incoming;
mod legacy_incoming;
mod legacy_status;
mod scalar;
mod status;
mod timestamp;

pub use callback::{parse_as, parse_body, Callback, CallbackKind};
pub use content::{
    Attachment, Catalog, Contact, Item, Location, MessageContent, Order, OrderProduct, Product,
    Referral, Story, Subscriber, UserInfo,
};
pub use enums::{
    Channel, ContentType, ConversationType, ErrorCode, PaymentDataKind, PaymentType,
    ReferralSourceType, Status,
};
pub use error::Error;
pub use flow::FlowReply;
pub use incoming::IncomingMessage;
pub use legacy_incoming::LegacyIncomingMessage;
pub use legacy_status::LegacyStatusCallback;
pub use scalar::{Id, Numeric};
pub use status::{PaymentData, StatusCallback, WhatsAppConversationPaymentData};
pub use timestamp::{Timestamp, TimestampError};
