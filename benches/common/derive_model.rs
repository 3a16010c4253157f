//! The anchor of the ratio report: what a user would write instead of this crate, a
//! lossless serde-derive model of the same bodies.
//!
//! Written the way a competent user would without edna-callbacks: `#[derive(Deserialize,
//! Serialize)]` structs named after the wire, every object keeping its undocumented fields
//! in `#[serde(flatten)] extra`; open enums whose unknown values fall into an
//! `#[serde(untagged)] Unknown(String)` variant (matched in the documented case only);
//! ids as an untagged integer-or-string; numbers that come as strings as an untagged
//! number-or-string; timestamps read by `time`'s RFC 3339 parser, after normalising
//! `+0300`, `z` and `08: 24: 14` when the strict parse fails; the kind of a callback
//! chosen by `#[serde(untagged)]` over the kinds (so the required keys tell them apart);
//! a body that is one object or an array, by an untagged enum of the two.
//!
//! What it does not do that the crate does: known enum values in another case are kept
//! as `Unknown` (still lossless); `null` and an absent key both read as `None` (written
//! back as `null`); an event's payload type is told by its keys, not by `type`; error
//! codes are plain strings; error messages are serde's "data did not match any variant".

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The fields an object has beyond the ones modelled.
pub type Extra = Map<String, Value>;

/// Reads a whole body.
pub fn parse(body: &[u8]) -> serde_json::Result<Body> {
    serde_json::from_slice(body)
}

/// A body: one callback, or an array of them.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
#[allow(clippy::large_enum_variant)] // One per body.
pub enum Body {
    /// An array of callbacks.
    Many(Vec<Callback>),
    /// One callback.
    One(Callback),
}

/// Any callback; the first variant whose required keys the object has.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
#[allow(clippy::large_enum_variant)] // One per callback, as the crate's.
pub enum Callback {
    Incoming(IncomingMessage),
    Status(StatusCallback),
    LegacyStatus(LegacyStatus),
    LegacyIncoming(LegacyIncoming),
    TemplateStatus(Template),
    MessageMatcherStatus(MessageMatcherStatus),
    Event(Event),
}

/// An id: documented as a number or a string, sent as either.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Id {
    Int(i64),
    Text(String),
}

/// A number that may come as a string (`"5.50"`, `" 151.2093 "`), kept as it came.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Number {
    Number(serde_json::Number),
    Text(String),
}

/// A timestamp in any form edna writes; written back as RFC 3339.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ts(pub OffsetDateTime);

impl<'de> Deserialize<'de> for Ts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TsVisitor;
        impl Visitor<'_> for TsVisitor {
            type Value = Ts;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an RFC 3339 timestamp")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Ts, E> {
                tolerant(s)
                    .map(Ts)
                    .ok_or_else(|| E::custom(format_args!("not a timestamp: {s:?}")))
            }
        }
        deserializer.deserialize_str(TsVisitor)
    }
}

impl Serialize for Ts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.0.format(&Rfc3339).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

/// RFC 3339, else the same after dropping spaces after colons, upper-casing `t`/`z` and
/// writing a `+0300` offset as `+03:00`.
fn tolerant(s: &str) -> Option<OffsetDateTime> {
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Some(t);
    }
    let mut n = String::with_capacity(s.len() + 1);
    for c in s.chars() {
        if c == ' ' && n.ends_with(':') {
            continue;
        }
        n.push(c.to_ascii_uppercase());
    }
    let b = n.as_bytes();
    let len = b.len();
    if len > 5 && matches!(b[len - 5], b'+' | b'-') && b[len - 4..].iter().all(u8::is_ascii_digit) {
        n.insert(len - 2, ':');
    }
    OffsetDateTime::parse(&n, &Rfc3339).ok()
}

// Open enums: the documented values, and any other kept as it came.

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    Sent,
    Delivered,
    Read,
    Undelivered,
    Cancelled,
    Expired,
    Failed,
    Delayed,
    Enqueued,
    #[serde(rename = "NO-MATCH-TEMPLATE")]
    NoMatchTemplate,
    #[serde(untagged)]
    Unknown(String),
}

/// The legacy API's `dlvStatus`: the same values in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegacyDlvStatus {
    Sent,
    Delivered,
    Read,
    Undelivered,
    Cancelled,
    Expired,
    Failed,
    Delayed,
    Enqueued,
    NoMatchTemplate,
    #[serde(untagged)]
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ContentType {
    Text,
    Image,
    Document,
    Video,
    Audio,
    Button,
    ListPicker,
    Product,
    Order,
    Flow,
    #[serde(untagged)]
    Unknown(String),
}

/// The legacy API's `contentType`: lower case.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegacyContentType {
    Text,
    Image,
    Document,
    Video,
    Audio,
    Button,
    #[serde(untagged)]
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Channel {
    Whatsapp,
    Viber,
    Sms,
    Telegram,
    Vkontakte,
    Max,
    #[serde(untagged)]
    Unknown(String),
}

/// The legacy API's `imType`: lower case.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImType {
    Whatsapp,
    Viber,
    Sms,
    Telegram,
    Vkontakte,
    Max,
    #[serde(untagged)]
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversationType {
    Marketing,
    Utility,
    Authentication,
    Service,
    #[serde(untagged)]
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PaymentType {
    WhatsappConversation,
    #[serde(untagged)]
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralSourceType {
    Ad,
    Post,
    #[serde(untagged)]
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TemplateStatus {
    Approved,
    Rejected,
    Pending,
    NotSent,
    Archived,
    Paused,
    Disabled,
    #[serde(untagged)]
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TemplateCategory {
    AccountUpdate,
    Marketing,
    Utility,
    Authentication,
    Authorization,
    #[serde(untagged)]
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TemplateType {
    Operator,
    User,
    #[serde(untagged)]
    Unknown(String),
}

/// A template's `contentType` and its header's `headerType`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TemplateContentType {
    Text,
    Image,
    Document,
    Video,
    Location,
    #[serde(untagged)]
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ButtonType {
    Phone,
    Url,
    QuickReply,
    #[serde(untagged)]
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum EventType {
    #[serde(rename = "message_matcher.category_changed")]
    TemplateCategoryChanged,
    #[serde(rename = "short_link_visited")]
    ShortLinkVisited,
    #[serde(untagged)]
    Unknown(String),
}

// The Pulse incoming message.

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IncomingMessage {
    pub id: Id,
    pub subject: Option<String>,
    pub subject_id: Option<Id>,
    pub subscriber: Option<Subscriber>,
    pub user_info: Option<UserInfo>,
    pub message_content: MessageContent,
    pub received_at: Ts,
    pub reply_out_message_id: Option<Id>,
    pub reply_out_message_external_request_id: Option<Id>,
    pub reply_in_message_id: Option<Id>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscriber {
    pub id: Option<Id>,
    pub identifier: Option<Id>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserInfo {
    pub user_name: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub avatar_url: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageContent {
    #[serde(rename = "type")]
    pub kind: ContentType,
    pub attachment: Option<Attachment>,
    pub location: Option<Location>,
    pub referral: Option<Referral>,
    pub caption: Option<String>,
    pub text: Option<String>,
    pub payload: Option<String>,
    pub story: Option<Story>,
    pub items: Option<Vec<Item>>,
    pub contact: Option<Contact>,
    pub product: Option<Product>,
    pub catalog: Option<Catalog>,
    pub order: Option<Order>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub url: Option<String>,
    pub name: Option<String>,
    pub size: Option<Number>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub latitude: Option<Number>,
    pub longitude: Option<Number>,
    pub address: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Referral {
    pub body: Option<String>,
    pub headline: Option<String>,
    pub source_id: Option<Id>,
    pub source_type: Option<ReferralSourceType>,
    pub source_url: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Story {
    pub id: Option<Id>,
    pub url: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub identifier: Option<Id>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone_number: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    pub id: Option<Id>,
    pub catalog_id: Option<Id>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    pub id: Option<Id>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub catalog_id: Option<Id>,
    pub products: Option<Vec<OrderProduct>>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderProduct {
    pub id: Option<Id>,
    pub quantity: Option<Number>,
    pub price: Option<Number>,
    pub currency: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

// The Pulse status.

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusCallback {
    pub request_id: Option<Id>,
    pub message_id: Option<Id>,
    pub cascade_id: Option<Id>,
    #[serde(rename = "cascadeStageUUID")]
    pub cascade_stage_uuid: Option<String>,
    pub subject: Option<String>,
    pub subject_id: Option<Id>,
    pub status: Status,
    pub status_at: Ts,
    pub error: Option<String>,
    pub comment: Option<String>,
    pub payment_data: Option<PaymentData>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `paymentData`: WhatsApp's (the one documented), else any object kept whole.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum PaymentData {
    WhatsApp(WhatsAppPaymentData),
    Other(Extra),
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatsAppPaymentData {
    #[serde(rename = "@type")]
    pub data_type: String,
    pub conversation_id: Option<Id>,
    pub conversation_type: Option<ConversationType>,
    pub chargeable: Option<bool>,
    #[serde(rename = "type")]
    pub payment_type: Option<PaymentType>,
    #[serde(flatten)]
    pub extra: Extra,
}

// The legacy SME API.

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacyStatus {
    pub im_out_message_id: Id,
    pub dlv_status: LegacyDlvStatus,
    pub dlv_status_at: Ts,
    pub dlv_error: Option<String>,
    pub rate: Option<Number>,
    pub reserve_sms: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacyIncoming {
    pub id: Id,
    pub im_subject: Option<String>,
    pub address: Option<Id>,
    pub received_at: Ts,
    pub im_type: ImType,
    pub content_type: Option<LegacyContentType>,
    pub text: Option<String>,
    pub caption: Option<String>,
    pub attachment_url: Option<String>,
    pub attachment_name: Option<String>,
    pub longitude: Option<Number>,
    pub latitude: Option<Number>,
    pub location_address: Option<String>,
    pub user_name: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub avatar_url: Option<String>,
    pub payload: Option<String>,
    pub api_key_id: Option<Id>,
    pub history_messages: Option<Vec<Value>>,
    pub im_subject_id: Option<Id>,
    #[serde(flatten)]
    pub extra: Extra,
}

// The template status, in both forms.

/// One template (a "message matcher"): an element of the array, or `messageMatcher`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub id: Option<Id>,
    pub name: String,
    pub channel_type: Channel,
    pub language: Option<String>,
    pub content: Option<TemplateContent>,
    pub content_type: Option<TemplateContentType>,
    pub category: Option<TemplateCategory>,
    pub status: TemplateStatus,
    pub locked: Option<bool>,
    #[serde(rename = "type")]
    pub template_type: Option<TemplateType>,
    pub created_at: Option<Ts>,
    pub updated_at: Ts,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageMatcherStatus {
    pub message_matcher: Template,
    pub subject_ids: Option<Vec<Id>>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateContent {
    pub attachment: Option<TemplateAttachment>,
    pub action: Option<String>,
    pub caption: Option<String>,
    pub header: Option<TemplateHeader>,
    pub text: Option<String>,
    pub footer: Option<TemplateFooter>,
    pub keyboard: Option<Keyboard>,
    pub text_example_params: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateAttachment {
    pub id: Option<Id>,
    pub file_url: Option<String>,
    pub original_file_name: Option<String>,
    pub size: Option<Number>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateHeader {
    pub header_type: Option<TemplateContentType>,
    pub text: Option<String>,
    pub attachment: Option<TemplateAttachment>,
    pub header_example_text_param: Option<String>,
    pub header_example_media_url: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateFooter {
    pub text: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Keyboard {
    pub rows: Option<Vec<KeyboardRow>>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyboardRow {
    pub buttons: Option<Vec<KeyboardButton>>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyboardButton {
    pub text: Option<String>,
    pub button_type: Option<ButtonType>,
    pub url: Option<String>,
    pub url_postfix: Option<String>,
    pub phone: Option<String>,
    pub payload: Option<String>,
    pub url_text_example: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

// The event envelope.

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub version: Option<String>,
    pub timestamp: Ts,
    pub payload: EventPayload,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An event's payload: the first of the two documented ones it reads as, else kept whole.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum EventPayload {
    TemplateCategoryChanged(TemplateCategoryChanged),
    ShortLinkVisited(ShortLinkVisited),
    Other(Value),
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateCategoryChanged {
    pub id: Id,
    pub name: Option<String>,
    pub channel_type: Option<Channel>,
    pub category: TemplateCategory,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShortLinkVisited {
    pub sender: Option<String>,
    pub template_id: Option<Id>,
    pub channel_type: Option<Channel>,
    pub out_message_id: Option<Id>,
    pub phone: Option<Id>,
    pub url: String,
    pub short_link: String,
    pub request_id: Option<Id>,
    #[serde(flatten)]
    pub extra: Extra,
}
