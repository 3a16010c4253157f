//! The edna Pulse status callback (edna's page "Receiving message statuses"): a change in
//! the status of a message the business sent, its `paymentData`, and how a retry of it
//! is recognised.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::common::{ErrorCode, Status};
use crate::dedup::{DedupKey, Part};
use crate::kind::{CallbackBody, Rule, Sealed, Told};
use crate::view::{Delivery, Party};
use crate::wire::read::Placeholder;
use crate::wire::read::{self, Field, Reader};
use crate::wire::survey::{Path, Survey, Unfamiliar, Unrecognized};
use crate::wire::{Id, Kept, Timestamp};

wire_object! {
    /// A change in the status of a message the business sent, as edna Pulse POSTs it (edna's
    /// page "Receiving message statuses"; golden example in
    /// `fixtures/pulse-status-read.en.json`).
    ///
    /// ```
    /// use edna_callbacks::{PaymentData, Status, StatusCallback};
    ///
    /// let body = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pulse-status-read.en.json"));
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
        opt request_id: Id = "requestId", with_request_id;
        /// edna's id of the message (seen in newer examples).
        opt message_id: Id = "messageId", with_message_id;
        /// The cascade that sent the message.
        opt cascade_id: Id = "cascadeId", with_cascade_id;
        /// The cascade stage ("null or data").
        opt cascade_stage_uuid: String = "cascadeStageUUID", with_cascade_stage_uuid;
        /// The subject (sender name) the message was sent from.
        opt subject: String = "subject", with_subject;
        /// The subject's id.
        opt subject_id: Id = "subjectId", with_subject_id;
        /// The new status (written in upper case, as edna's examples do).
        req status: Status = "status", with_status;
        /// When the status changed.
        req status_at: Timestamp = "statusAt", with_status_at;
        /// Why delivery failed, if it did.
        opt error: ErrorCode = "error", with_error;
        /// The comment given when the message was sent.
        opt comment: String = "comment", with_comment;
        /// WhatsApp conversation and billing details.
        opt payment_data: PaymentData = "paymentData", with_payment_data;
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
    /// Any other `@type` (or none): the whole object, as it came (see [`Kept`]).
    Unknown(Kept<Map<String, Value>>),
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
        opt conversation_id: Id = "conversationId", with_conversation_id;
        /// The conversation category (`marketing`, `utility`, ...).
        opt conversation_type: ConversationType = "conversationType", with_conversation_type;
        /// Whether the conversation is paid (sent for `delivered` and `read`).
        opt chargeable: bool = "chargeable", with_chargeable;
        /// `WHATSAPP_CONVERSATION` (seen in traffic, not documented).
        opt payment_type: PaymentType = "type", with_payment_type;
    }
}

impl From<WhatsAppConversationPaymentData> for PaymentData {
    fn from(value: WhatsAppConversationPaymentData) -> Self {
        Self::WhatsAppConversation(value)
    }
}

impl Serialize for PaymentData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::WhatsAppConversation(data) => {
                let kind = PaymentDataKind::WhatsAppConversation;
                let len = 1 + data.entry_count();
                let mut map = serializer.serialize_map(Some(len))?;
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
        crate::wire::bridge::deserialize(deserializer, read::read_one::<PaymentData>)
    }
}

impl Survey for PaymentData {
    /// The known kind's fields; for any other `@type`, the type itself (its whole object
    /// is kept).
    fn survey(&self, path: &mut Path, out: &mut Vec<Unrecognized>) {
        match self {
            Self::WhatsAppConversation(data) => data.survey(path, out),
            Self::Unknown(_) => {
                let back = path.key(TYPE_KEY);
                path.found(Unfamiliar::UnknownValue, out);
                path.back(back);
            }
        }
    }
}

impl Placeholder for PaymentData {
    fn placeholder() -> Self {
        Self::Unknown(Kept::default())
    }
}

/// Whether the value of `@type` ahead names WhatsApp conversation payment data (a string
/// is read; anything else is left for the read of the whole object).
fn type_ahead_is_whatsapp(r: &mut Reader<'_>) -> Option<bool> {
    Some(
        r.peek()? == b'"'
            && PaymentDataKind::known(&r.string()?) == Some(PaymentDataKind::WhatsAppConversation),
    )
}

impl Field for PaymentData {
    const EXPECTING: &'static str = "a map";

    /// A known `@type` is read straight into its type; anything else is kept whole as a
    /// map. The object is read once as WhatsApp conversation data, wherever `@type` lies
    /// (edna writes it first); when `@type` turns out to be another (or absent), it is kept
    /// whole instead. A key given twice is an error either way.
    fn read(slot: &mut Self, r: &mut Reader<'_>) -> Option<()> {
        let start = r.mark();
        let mut members = r.open_object(Self::EXPECTING)?;
        let mut data = WhatsAppConversationPaymentData::placeholder();
        let mut seen_type = false;
        let mut seen = 0;
        while let Some(key) = r.next_key(&mut members)? {
            if key == TYPE_KEY {
                if seen_type {
                    return r.duplicate(TYPE_KEY).or_else(|| r.at_key(TYPE_KEY));
                }
                seen_type = true;
                if type_ahead_is_whatsapp(r)? {
                    continue;
                }
                return keep_whole(slot, r, start);
            }
            if read::accept_or_keep(&mut data, &mut seen, key, read::never, r).is_none() {
                // A wrong value is the data's error only if `@type` (later on) says it is
                // WhatsApp conversation data; text that is not JSON stops the read.
                r.failure_kind()?;
                return if seen_type || type_is_whatsapp(r, start)? {
                    None
                } else {
                    keep_whole(slot, r, start)
                };
            }
        }
        if !seen_type {
            return keep_whole(slot, r, start);
        }
        read::check_required(&data, r, seen)?;
        *slot = PaymentData::WhatsAppConversation(data);
        Some(())
    }
}

/// Whether the `@type` of the object at `start` names WhatsApp conversation payment data;
/// the reader is left where it was, with the failure it had.
#[cold]
#[inline(never)]
fn type_is_whatsapp(r: &mut Reader<'_>, start: read::Mark) -> Option<bool> {
    let failure = r.take_failure();
    let end = r.mark();
    r.rewind(start);
    let mut members = r.open_object(PaymentData::EXPECTING)?;
    let mut known = false;
    while let Some(key) = r.next_key(&mut members)? {
        if key == TYPE_KEY {
            known = type_ahead_is_whatsapp(r)?;
            break;
        }
        r.skip()?;
    }
    r.rewind(end);
    r.restore_failure(failure);
    Some(known)
}

/// Keeps the `paymentData` object at `start` whole: its `@type` is not WhatsApp
/// conversation data.
#[cold]
#[inline(never)]
fn keep_whole(slot: &mut PaymentData, r: &mut Reader<'_>, start: read::Mark) -> Option<()> {
    r.rewind(start);
    let mut all = Kept::default();
    Field::read(&mut all, r)?;
    *slot = PaymentData::Unknown(all);
    Some(())
}

open_enum! {
    /// The category of a WhatsApp conversation (`paymentData.conversationType`).
    pub enum ConversationType {
        /// Marketing.
        Marketing = "marketing",
        /// Utility.
        Utility = "utility",
        /// Authentication.
        Authentication = "authentication",
        /// Service (opened by the user).
        Service = "service",
    }
}

open_enum! {
    /// The kind of `paymentData`, from its `@type`.
    pub enum PaymentDataKind {
        /// A WhatsApp conversation (`WhatsAppConversationPaymentData`).
        WhatsAppConversation = "WhatsAppConversationPaymentData",
    }
}

open_enum! {
    /// The `type` inside `paymentData`.
    pub enum PaymentType {
        /// A WhatsApp conversation.
        WhatsAppConversation = "WHATSAPP_CONVERSATION",
    }
}

impl StatusCallback {
    /// A Pulse status callback for the message sent with `request_id`: every other field
    /// empty (written as `null`, as edna does).
    ///
    /// Serialized, it is the body edna would POST:
    ///
    /// ```
    /// use edna_callbacks::{parse_body, Callback, Status, StatusCallback, Timestamp};
    ///
    /// let status = StatusCallback::new(
    ///     "my-request-42",
    ///     Status::Delivered,
    ///     Timestamp::parse("2023-10-31T11:07:56Z")?,
    /// );
    /// let body = serde_json::to_string(&status)?;
    /// assert_eq!(
    ///     body,
    ///     r#"{"requestId":"my-request-42","messageId":null,"cascadeId":null,"#.to_owned()
    ///         + r#""cascadeStageUUID":null,"subject":null,"subjectId":null,"#
    ///         + r#""status":"DELIVERED","statusAt":"2023-10-31T11:07:56Z","#
    ///         + r#""error":null,"comment":null,"paymentData":null}"#
    /// );
    /// // ... and it reads back as the same callback.
    /// assert_eq!(parse_body(body.as_bytes())?, [Callback::Status(status)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// With the setters, the golden example of edna's page, built by hand:
    ///
    /// ```
    /// use edna_callbacks::{
    ///     parse_as, ConversationType, PaymentData, Status, StatusCallback, Timestamp,
    ///     WhatsAppConversationPaymentData,
    /// };
    ///
    /// let built = StatusCallback::new("test-00135", Status::Read, Timestamp::parse("2023-10-31T11:07:56Z")?)
    ///     .with_cascade_id(11)
    ///     .with_cascade_stage_uuid("001-test001")
    ///     .with_subject("test_subject")
    ///     .with_subject_id(2)
    ///     .with_payment_data(WhatsAppConversationPaymentData::new(
    ///         "test0001",
    ///         ConversationType::Marketing,
    ///         true,
    ///     ));
    /// let golden = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pulse-status-read.en.json"));
    /// assert_eq!(parse_as::<StatusCallback>(golden)?, built);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(request_id: impl Into<Id>, status: Status, status_at: impl Into<Timestamp>) -> Self {
        Self {
            request_id: Some(request_id.into()),
            status,
            status_at: status_at.into(),
            ..Placeholder::placeholder()
        }
    }
}

impl WhatsAppConversationPaymentData {
    /// WhatsApp conversation billing details, as in edna's status example (no `type`).
    pub fn new(
        conversation_id: impl Into<Id>,
        conversation_type: ConversationType,
        chargeable: bool,
    ) -> Self {
        Self::default()
            .with_conversation_id(conversation_id)
            .with_conversation_type(conversation_type)
            .with_chargeable(chargeable)
    }
}

empty_default! {
    WhatsAppConversationPaymentData
}

impl StatusCallback {
    /// The message this status is about: `requestId`, else `messageId`.
    fn reference(&self) -> Option<&Id> {
        self.request_id.as_ref().or(self.message_id.as_ref())
    }

    /// Whether this status, arriving after `previous` (the one recorded for the same
    /// message: the same `requestId`, or `messageId`), should replace it: see
    /// [`Delivery::supersedes`]. Within one cascade stage the statuses' own order decides
    /// ([`Status::supersedes`](crate::Status::supersedes)); a later stage of a cascade
    /// (another `cascadeStageUUID`) is a fresh start, and the later `statusAt` wins.
    ///
    /// ```
    /// use edna_callbacks::{Status, StatusCallback, Timestamp};
    ///
    /// let at = |s: &str| Timestamp::parse(s).expect("a timestamp");
    /// // A cascade, Viber then SMS, one requestId.
    /// let viber_failed = StatusCallback::new("r-7", Status::Undelivered, at("2026-07-01T10:00:05Z"))
    ///     .with_cascade_stage_uuid("stage-viber");
    /// let sms_sent = StatusCallback::new("r-7", Status::Sent, at("2026-07-01T10:00:07Z"))
    ///     .with_cascade_stage_uuid("stage-sms");
    /// assert!(sms_sent.supersedes(&viber_failed));
    /// assert!(!viber_failed.supersedes(&sms_sent));
    /// ```
    pub fn supersedes(&self, previous: &StatusCallback) -> bool {
        let Some(this) = CallbackBody::delivery(self) else {
            return false;
        };
        CallbackBody::delivery(previous).is_some_and(|previous| this.supersedes(&previous))
    }
}

impl Told for StatusCallback {
    const RULE: Rule = Rule {
        name: "a status",
        markers: &["statusAt"],
        // Not `requestId`, which the calling-settings status documents too.
        resembles: &[
            "messageId",
            "cascadeId",
            "cascadeStageUUID",
            "error",
            "comment",
            "paymentData",
        ],
        first_keys: &["requestId", "messageId", "cascadeId"],
    };
}

impl Sealed for StatusCallback {}

/// The key of a status: the message, its cascade stage and its status, which a retry
/// repeats.
///
/// - The message is `requestId`, else `messageId`; the stage is `cascadeStageUUID`
///   (`null` outside a cascade): a message sent through a cascade (Viber, then SMS) is
///   one request with one `requestId`, and each stage reports its own `SENT`, so the
///   stage tells them apart. `status:"r-7":"stage-viber":"SENT"`.
/// - A status with neither id (edna's FAILED example has `"requestId": null`) names no
///   message: its key adds the digest of the whole status as it came
///   ([`Part::digest`]: every field, `statusAt`, `comment` and `error` included), which a
///   retry repeats and another message's status does not.
///   `status:null:null:"FAILED":"<16 hex digits>"`.
///
/// A later stage's status is a fresh start for ordering too: see
/// [`StatusCallback::supersedes`].
impl CallbackBody for StatusCallback {
    const NAME: &'static str = "status";

    fn dedup_key(&self) -> DedupKey {
        let reference = self.reference();
        let parts = [
            Part::from(reference),
            Part::from(self.cascade_stage_uuid.as_deref()),
            Part::from(self.status.as_str()),
        ];
        DedupKey::of_parts_or_whole(Self::NAME, parts, reference.is_some(), self)
    }

    fn party(&self) -> Option<Party<'_>> {
        None
    }

    /// `statusAt`.
    fn occurred_at(&self) -> Option<Timestamp> {
        Some(self.status_at)
    }

    /// The message is `requestId`, else `messageId`; the stage `cascadeStageUUID`.
    fn delivery(&self) -> Option<Delivery<'_>> {
        Some(
            Delivery::new(
                self.reference(),
                &self.status,
                self.status_at,
                self.error.as_ref(),
            )
            .with_stage(self.cascade_stage_uuid.as_deref()),
        )
    }
}
