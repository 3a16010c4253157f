//! The legacy SME delivery-status callback (`imOutMessage` status; edna's page "Callback
//! Functions").

use serde_json::Value;

use crate::common::{ErrorCode, Status};
use crate::dedup::{DedupKey, Part};
use crate::kind::{CallbackBody, Rule, Sealed, Told};
use crate::view::{Delivery, Party};
use crate::wire::read::Placeholder;
use crate::wire::{Id, Kept, Numeric, Timestamp};

wire_object! {
    /// A change in the delivery status of a message sent through the legacy SME API, as
    /// edna POSTs it (edna's page "Callback Functions"; golden example in
    /// `fixtures/legacy-status.en.json`): a message of the IM API (`imOutMessageId`) or of
    /// the SMS API (`smsOutMessageId`, seen in integrators' handlers). A legacy status has
    /// one of the two ids.
    ///
    /// ```
    /// use edna_callbacks::{Id, LegacyStatusCallback, Status};
    ///
    /// let body = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/legacy-status.en.json"));
    /// let status: LegacyStatusCallback = serde_json::from_str(body)?;
    /// assert_eq!(status.im_out_message_id, Some(Id::Text("test-001".into())));
    /// assert_eq!(status.dlv_status, Status::Read);
    /// assert_eq!(status.dlv_status_at.to_string(), "2020-01-10T19:03:52.355+03:00");
    /// // Legacy fields are written in lower case, as edna writes them.
    /// assert!(serde_json::to_string(&status)?.contains(r#""dlvStatus":"read""#));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct LegacyStatusCallback {
        /// The id of a message of the IM API, as given when it was sent (this or
        /// `smsOutMessageId`).
        one im_out_message_id: Id = "imOutMessageId", with_im_out_message_id;
        /// The new status (written in lower case).
        req dlv_status: Status = "dlvStatus" => Lower, with_dlv_status;
        /// When the status changed (`2020-01-10T19:03:52.355+0300`).
        req dlv_status_at: Timestamp = "dlvStatusAt", with_dlv_status_at;
        /// Why delivery failed, if it did.
        opt dlv_error: ErrorCode = "dlvError", with_dlv_error;
        /// The cost of the fallback SMS, if one was sent.
        opt rate: Numeric = "rate", with_rate;
        /// The delivery status of the fallback SMS. edna documents it only as a string, so
        /// it is kept as it came; [`reserve_sms_status`](Self::reserve_sms_status) reads it
        /// as a [`Status`].
        opt reserve_sms: Kept<Value> = "reserveSms", with_reserve_sms;
        /// The id of a message of the legacy SMS API, where the IM API has
        /// `imOutMessageId` (this or `imOutMessageId`; seen in integrators' handlers).
        one sms_out_message_id: Id = "smsOutMessageId", with_sms_out_message_id;
    }
}

impl LegacyStatusCallback {
    /// `reserveSms` as a status, when it is a string.
    pub fn reserve_sms_status(&self) -> Option<Status> {
        self.reserve_sms
            .as_deref()
            .and_then(Value::as_str)
            .map(Status::from)
    }
}

impl LegacyStatusCallback {
    /// The message it is about: `imOutMessageId`, else `smsOutMessageId` (a status read
    /// from a body always has one).
    pub fn message_id(&self) -> Option<&Id> {
        self.im_out_message_id
            .as_ref()
            .or(self.sms_out_message_id.as_ref())
    }

    /// A legacy SMS API delivery status for the message `sms_out_message_id`: every other
    /// field empty (`imOutMessageId` written as `null`).
    ///
    /// ```
    /// use edna_callbacks::{parse_body, LegacyStatusCallback, Status, Timestamp};
    ///
    /// let status = LegacyStatusCallback::sms("sms-42", Status::Delivered, Timestamp::parse("2026-07-01T10:00:00Z")?);
    /// let body = serde_json::to_vec(&status)?;
    /// assert_eq!(parse_body(&body)?[0].as_legacy_status(), Some(&status));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sms(
        sms_out_message_id: impl Into<Id>,
        dlv_status: Status,
        dlv_status_at: impl Into<Timestamp>,
    ) -> Self {
        Self {
            sms_out_message_id: Some(sms_out_message_id.into()),
            dlv_status,
            dlv_status_at: dlv_status_at.into(),
            ..Placeholder::placeholder()
        }
    }

    /// A legacy SME delivery status for the message sent with `im_out_message_id`: every
    /// other field empty.
    ///
    /// ```
    /// use edna_callbacks::{LegacyStatusCallback, Status, Timestamp};
    ///
    /// let status = LegacyStatusCallback::new(
    ///     "test-001",
    ///     Status::Read,
    ///     Timestamp::parse("2020-01-10T19:03:52.355+0300")?,
    /// );
    /// assert_eq!(
    ///     serde_json::to_string(&status)?,
    ///     r#"{"imOutMessageId":"test-001","dlvStatus":"read","#.to_owned()
    ///         + r#""dlvStatusAt":"2020-01-10T19:03:52.355+03:00","#
    ///         + r#""dlvError":null,"rate":null,"reserveSms":null,"smsOutMessageId":null}"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        im_out_message_id: impl Into<Id>,
        dlv_status: Status,
        dlv_status_at: impl Into<Timestamp>,
    ) -> Self {
        Self {
            im_out_message_id: Some(im_out_message_id.into()),
            dlv_status,
            dlv_status_at: dlv_status_at.into(),
            ..Placeholder::placeholder()
        }
    }
}

impl Told for LegacyStatusCallback {
    const RULE: Rule = Rule {
        name: "a legacy status",
        markers: &[
            "imOutMessageId",
            "smsOutMessageId",
            "dlvStatus",
            "dlvStatusAt",
        ],
        resembles: &["dlvError", "rate", "reserveSms"],
        first_keys: &[
            "imOutMessageId",
            "smsOutMessageId",
            "dlvStatus",
            "dlvStatusAt",
        ],
    };
}

impl Sealed for LegacyStatusCallback {}

/// The key of a legacy status is `(imOutMessageId, dlvStatus)`, which a retry repeats; a
/// status of the SMS API, `(null, smsOutMessageId, dlvStatus)`, so that it never shares a
/// key with an IM message of the same id.
impl CallbackBody for LegacyStatusCallback {
    const NAME: &'static str = "legacy-status";

    fn dedup_key(&self) -> DedupKey {
        let status = Part::from(self.dlv_status.as_str());
        match &self.im_out_message_id {
            Some(id) => DedupKey::new(Self::NAME, [Part::from(id), status]),
            None => DedupKey::new(
                Self::NAME,
                [
                    Part::Null,
                    Part::from(self.sms_out_message_id.as_ref()),
                    status,
                ],
            ),
        }
    }

    fn party(&self) -> Option<Party<'_>> {
        None
    }

    /// `dlvStatusAt`.
    fn occurred_at(&self) -> Option<Timestamp> {
        Some(self.dlv_status_at)
    }

    /// The message is `imOutMessageId`, else `smsOutMessageId`.
    fn delivery(&self) -> Option<Delivery<'_>> {
        Some(Delivery::new(
            self.message_id(),
            &self.dlv_status,
            self.dlv_status_at,
            self.dlv_error.as_ref(),
        ))
    }
}
