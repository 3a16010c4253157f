//! The edna Pulse status callback, and its `paymentData`.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::enums::{ConversationType, ErrorCode, PaymentDataKind, PaymentType, Status};
use crate::object::read::{self, Field, Reader};
use crate::object::Placeholder;
use crate::scalar::Id;
use crate::timestamp::Timestamp;

wire_object! {
    /// A change in the status of a message the business sent, as edna Pulse POSTs it (edna's
    /// page "Receiving message statuses"; golden example in
    /// `fixtures/pulse-status-read.en.json`).
    ///
    /// ```
    /// use edna_callbacks::{PaymentData, Status, StatusCallback};
    ///
    /// let body = include_str!("../fixtures/pulse-status-read.en.json");
    /// let status: StatusCallback = serde_json::from_str(body)?;
    /// assert_eq!(status.status, Status::Read);
    /// assert_eq!(status.status_at.get().unix_timestamp(), 1_698_750_476);
    /// let Some(PaymentData::WhatsAppConversation(payment)) = &status.payment_data else {
    ///     panic!("expected WhatsApp payment data");
    /// };
    /// assert_eq!(payment.chargeable, Some(true));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct StatusCallback {
        /// The business's request id of the message (`null` for some failures).
        opt request_id: Option<Id> = "requestId",
        /// edna's id of the message (seen in newer examples).
        opt message_id: Option<Id> = "messageId",
        /// The cascade that sent the message.
        opt cascade_id: Option<Id> = "cascadeId",
        /// The cascade stage ("null or data").
        opt cascade_stage_uuid: Option<String> = "cascadeStageUUID",
        /// The subject (sender name) the message was sent from.
        opt subject: Option<String> = "subject",
        /// The subject's id.
        opt subject_id: Option<Id> = "subjectId",
        /// The new status (written in upper case, as edna's examples do).
        req status: Status = "status",
        /// When the status changed.
        req status_at: Timestamp = "statusAt",
        /// Why delivery failed, if it did.
        opt error: Option<ErrorCode> = "error",
        /// The comment given when the message was sent.
        opt comment: Option<String> = "comment",
        /// WhatsApp conversation and billing details.
        opt payment_data: Option<PaymentData> = "paymentData",
    }
}

/// `paymentData`: billing details whose shape depends on its `@type`.
///
/// A known `@type` (matched ignoring ASCII case) is read into its type and must be valid;
/// any other object is kept whole in `Unknown`, `@type` included, and written back as it
/// came.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum PaymentData {
    /// `@type` is `WhatsAppConversationPaymentData`.
    WhatsAppConversation(WhatsAppConversationPaymentData),
    /// Any other `@type` (or none): the whole object.
    Unknown(Map<String, Value>),
}

impl PaymentData {
    /// The kind, from `@type` (`Unknown("")` when the object has no string `@type`).
    pub fn kind(&self) -> PaymentDataKind {
        match self {
            Self::WhatsAppConversation(_) => PaymentDataKind::WhatsAppConversation,
            Self::Unknown(map) => PaymentDataKind::from(
                map.get(TYPE_KEY)
                    .and_then(Value::as_str)
                    .unwrap_or_default(),
            ),
        }
    }
}

const TYPE_KEY: &str = "@type";

wire_object! {
    /// `paymentData` of `@type` `WhatsAppConversationPaymentData` (the `@type` itself is
    /// implied by [`PaymentData::WhatsAppConversation`]).
    pub struct WhatsAppConversationPaymentData {
        /// The WhatsApp conversation id.
        opt conversation_id: Option<Id> = "conversationId",
        /// The conversation category (`marketing`, `utility`, ...).
        opt conversation_type: Option<ConversationType> = "conversationType",
        /// Whether the conversation is paid (sent for `delivered` and `read`).
        opt chargeable: Option<bool> = "chargeable",
        /// `WHATSAPP_CONVERSATION` (seen in traffic, not documented).
        opt payment_type: Option<PaymentType> = "type",
    }
}

impl Serialize for PaymentData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::WhatsAppConversation(data) => {
                let kind = PaymentDataKind::WhatsAppConversation;
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry(TYPE_KEY, kind.as_str())?;
                data.serialize_entries(&mut map)?;
                map.end()
            }
            Self::Unknown(map) => map.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for PaymentData {
    /// Reads the object with the crate's reader, as [`parse_body`](crate::parse_body)
    /// does. Needs one of serde_json's deserializers.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::object::deserialize_text(deserializer, read::read_text::<PaymentData>)
    }
}

impl Placeholder for PaymentData {
    fn placeholder() -> Self {
        Self::Unknown(Map::new())
    }
}

/// Whether `kind` (the value of `@type`) names WhatsApp conversation payment data.
fn is_whatsapp(kind: &str) -> bool {
    PaymentDataKind::known(kind) == Some(PaymentDataKind::WhatsAppConversation)
}

impl Field for PaymentData {
    const EXPECTING: &'static str = "a map";

    /// A known `@type` is read straight into its type; anything else is kept whole as a
    /// map. `@type` is looked at where it lies: first, as edna writes it, or found by a
    /// look over the keys when it comes later. A key given twice is an error either way.
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        let start = r.mark();
        let mut members = r.open_object(Self::EXPECTING)?;
        let mut known = false;
        while let Some(key) = r.next_key(&mut members)? {
            if key == TYPE_KEY {
                known = r.peek()? == b'"' && is_whatsapp(&r.string()?);
                break;
            }
            r.skip()?;
        }
        r.rewind(start);
        let mut members = r.open_object(Self::EXPECTING)?;
        if known {
            let mut data = WhatsAppConversationPaymentData::placeholder();
            let mut seen_type = false;
            let mut seen = 0;
            while let Some(key) = r.next_key(&mut members)? {
                if key == TYPE_KEY {
                    if seen_type {
                        r.duplicate(TYPE_KEY).or_else(|| r.at_key(TYPE_KEY))?;
                    }
                    seen_type = true;
                    r.skip()?;
                    continue;
                }
                read::accept_or_keep(&mut data, &mut seen, key, read::never, r)?;
            }
            read::check_required(&data, r, seen)?;
            *slot = PaymentData::WhatsAppConversation(data);
        } else {
            let mut all = Map::new();
            while let Some(key) = r.next_key(&mut members)? {
                r.extra(&mut all, key)?;
            }
            *slot = PaymentData::Unknown(all);
        }
        Some(())
    }
}
