//! The legacy SME delivery-status callback (`imOutMessage` status).

use serde_json::Value;

use crate::enums::{ErrorCode, Status};
use crate::scalar::{Id, Numeric};
use crate::timestamp::Timestamp;

wire_object! {
    /// A change in the delivery status of a message sent through the legacy SME API
    /// (`imOutMessage`), as edna POSTs it (edna's page "Callback Functions"; golden example
    /// in `fixtures/legacy-status.en.json`).
    ///
    /// ```
    /// use edna_callbacks::{Id, LegacyStatusCallback, Status};
    ///
    /// let body = include_str!("../fixtures/legacy-status.en.json");
    /// let status: LegacyStatusCallback = serde_json::from_str(body)?;
    /// assert_eq!(status.im_out_message_id, Id::Text("test-001".into()));
    /// assert_eq!(status.dlv_status, Status::Read);
    /// assert_eq!(status.dlv_status_at.to_string(), "2020-01-10T19:03:52.355+03:00");
    /// // Legacy fields are written in lower case, as edna writes them.
    /// assert!(serde_json::to_string(&status)?.contains(r#""dlvStatus":"read""#));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct LegacyStatusCallback {
        /// The id of the message, as given when it was sent.
        req im_out_message_id: Id = "imOutMessageId",
        /// The new status (written in lower case).
        req dlv_status: Status = "dlvStatus" => Lower,
        /// When the status changed (`2020-01-10T19:03:52.355+0300`).
        req dlv_status_at: Timestamp = "dlvStatusAt",
        /// Why delivery failed, if it did.
        opt dlv_error: Option<ErrorCode> = "dlvError",
        /// The cost of the fallback SMS, if one was sent.
        opt rate: Option<Numeric> = "rate",
        /// The delivery status of the fallback SMS. edna documents it only as a string, so
        /// it is kept as it came; [`reserve_sms_status`](Self::reserve_sms_status) reads it
        /// as a [`Status`].
        opt reserve_sms: Option<Value> = "reserveSms",
    }
}

impl LegacyStatusCallback {
    /// `reserveSms` as a status, when it is a string.
    pub fn reserve_sms_status(&self) -> Option<Status> {
        self.reserve_sms
            .as_ref()
            .and_then(Value::as_str)
            .map(Status::from)
    }
}
