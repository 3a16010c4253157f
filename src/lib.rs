#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The wire machinery first: its macros (`wire_object!`, `open_enum!`) are used by the
// domain modules below.
#[macro_use]
mod wire;

mod common;
mod dedup;
mod kind;
mod view;

mod legacy;
mod pulse;

mod body;
mod callback;

mod auth;
#[cfg(feature = "fixtures")]
pub mod fixtures;
#[cfg(feature = "arbitrary")]
mod generate;
#[cfg(feature = "serde_with")]
pub mod serde_as;
#[cfg(feature = "testing")]
pub mod testing;

#[cfg(test)]
mod layout;

pub use auth::WebhookKey;
pub use body::{parse_as, parse_body, parse_body_each, Element};
pub use callback::{Callback, CallbackKind, EventEnvelope, UnknownCallback};
pub use common::{
    is_bsuid, Channel, ContentType, ErrorCode, IdentifierKind, IdentifierType, Status,
};
pub use dedup::{DedupKey, Digest, KeyError, Part};
pub use kind::CallbackBody;
pub use legacy::incoming::LegacyIncomingMessage;
pub use legacy::status::LegacyStatusCallback;
pub use pulse::calling::{
    CallHours, CallIconVisibility, CallingFeatureStatus, CallingRequestStatus, CallingSettings,
    CallingSettingsStatus, DayOfWeek, HolidayHours, OperatingHours, SipServer, SipSettings,
    SrtpKeyExchangeProtocol,
};
pub use pulse::event::{Event, EventType, ShortLinkVisited, TemplateCategoryChanged};
pub use pulse::incoming::{
    Attachment, Catalog, Contact, FlowReply, IncomingMessage, Item, Location, MessageContent,
    Order, OrderProduct, Product, Referral, ReferralSourceType, Story, Subscriber,
    SubscriberIdentifier, UserInfo,
};
pub use pulse::status::{
    ConversationType, PaymentData, PaymentDataKind, PaymentType, StatusCallback,
    WhatsAppConversationPaymentData,
};
pub use pulse::template::{
    ButtonType, HeaderType, Keyboard, KeyboardButton, KeyboardRow, MessageMatcher,
    MessageMatcherStatus, TemplateAttachment, TemplateCategory, TemplateContent, TemplateFooter,
    TemplateHeader, TemplateKey, TemplateState, TemplateStatus, TemplateType,
};
pub use view::{Delivery, Party, PartyField};
pub use wire::{
    Error, Id, IdKey, Kept, Numeric, Timestamp, TimestampError, Unfamiliar, Unrecognized,
};

/// The [`time`](https://docs.rs/time/0.3) crate (0.3) this crate's [`Timestamp`] is built
/// on, so that `edna_callbacks::time::OffsetDateTime` can be named without a dependency of
/// your own. Only its `std` feature is turned on here; enable others (`formatting`,
/// `macros`, `serde`) with your own `time` dependency, which Cargo unifies with this one.
pub use time;
