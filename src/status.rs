//! The edna Pulse status callback, and its `paymentData`.

use serde::de::{self, Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::enums::{ConversationType, ErrorCode, PaymentDataKind, PaymentType, Status};
use crate::object::fast::{self, FastField, Reader};
use crate::object::{keep_extra, Key, Placeholder, WireObject};
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

impl PaymentData {
    /// A whole `paymentData` read as a map, because its `@type` did not come first.
    fn from_map<E: de::Error>(map: Map<String, Value>) -> Result<Self, E> {
        let kind = map
            .get(TYPE_KEY)
            .and_then(Value::as_str)
            .map(PaymentDataKind::from);
        if kind != Some(PaymentDataKind::WhatsAppConversation) {
            return Ok(Self::Unknown(map));
        }
        let value = Value::Object(map);
        match WhatsAppConversationPaymentData::deserialize(&value) {
            Ok(mut data) => {
                data.extra.remove(TYPE_KEY);
                Ok(Self::WhatsAppConversation(data))
            }
            Err(_) => {
                match serde_path_to_error::deserialize::<_, WhatsAppConversationPaymentData>(&value)
                {
                    Err(located) => Err(crate::error::nested(located)),
                    Ok(_) => Err(de::Error::custom("invalid WhatsAppConversationPaymentData")),
                }
            }
        }
    }
}

impl<'de> Deserialize<'de> for PaymentData {
    /// Reads the object in one pass when `@type` comes first, as edna writes it: a known
    /// kind straight into its type, an unknown one into a map. When `@type` comes later,
    /// the object is read into a map first, then into its type. A key given twice is an
    /// error either way.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PaymentDataVisitor;
        impl<'de> de::Visitor<'de> for PaymentDataVisitor {
            type Value = PaymentData;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map")
            }

            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<PaymentData, A::Error> {
                let mut all = Map::new();
                let Some(first) = map.next_key::<Key<'de>>()? else {
                    return Ok(PaymentData::Unknown(all));
                };
                if &*first != TYPE_KEY {
                    keep_extra(&mut all, first, &mut map)?;
                    while let Some(key) = map.next_key::<Key<'de>>()? {
                        keep_extra(&mut all, key, &mut map)?;
                    }
                    return PaymentData::from_map(all);
                }
                let kind: Value = map.next_value()?;
                if kind.as_str().map(PaymentDataKind::from)
                    == Some(PaymentDataKind::WhatsAppConversation)
                {
                    let mut data = WhatsAppConversationPaymentData::placeholder();
                    let mut seen = 0;
                    while let Some(key) = map.next_key::<Key<'de>>()? {
                        if &*key == TYPE_KEY {
                            return Err(de::Error::duplicate_field(TYPE_KEY));
                        }
                        if !data.accept(&mut seen, &key, &mut map)? {
                            keep_extra(&mut data.extra, key, &mut map)?;
                        }
                    }
                    if let Some(key) = WhatsAppConversationPaymentData::missing(seen) {
                        return Err(de::Error::missing_field(key));
                    }
                    return Ok(PaymentData::WhatsAppConversation(data));
                }
                all.insert(TYPE_KEY.to_owned(), kind);
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    keep_extra(&mut all, key, &mut map)?;
                }
                Ok(PaymentData::Unknown(all))
            }
        }
        deserializer.deserialize_map(PaymentDataVisitor)
    }
}

impl Placeholder for PaymentData {
    fn placeholder() -> Self {
        Self::Unknown(Map::new())
    }
}

impl FastField for PaymentData {
    /// As `deserialize`, on the fast path.
    fn read_fast(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        let mut members = r.open_object()?;
        let mut all = Map::new();
        let Some(first) = r.next_key(&mut members)? else {
            *slot = PaymentData::Unknown(all);
            return Some(());
        };
        if first != TYPE_KEY {
            r.extra(&mut all, first)?;
            while let Some(key) = r.next_key(&mut members)? {
                r.extra(&mut all, key)?;
            }
            *slot = PaymentData::from_map::<serde_json::Error>(all).ok()?;
            return Some(());
        }
        // A string `@type` is looked at where it lies: a known one is never copied.
        let kind = match r.peek()? {
            b'"' => {
                let kind = r.string()?;
                if PaymentDataKind::known(&kind) == Some(PaymentDataKind::WhatsAppConversation) {
                    *slot = PaymentData::WhatsAppConversation(Placeholder::placeholder());
                    let PaymentData::WhatsAppConversation(data) = slot else {
                        return None;
                    };
                    let mut seen = 0;
                    while let Some(key) = r.next_key(&mut members)? {
                        if key == TYPE_KEY {
                            return None;
                        }
                        fast::accept_or_keep(data, &mut seen, key, fast::never, r)?;
                    }
                    return WhatsAppConversationPaymentData::missing(seen)
                        .is_none()
                        .then_some(());
                }
                Value::String(kind.into_owned())
            }
            _ => r.value()?,
        };
        all.insert(TYPE_KEY.to_owned(), kind);
        while let Some(key) = r.next_key(&mut members)? {
            r.extra(&mut all, key)?;
        }
        *slot = PaymentData::Unknown(all);
        Some(())
    }
}
