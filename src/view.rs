//! One view across the kinds: who a callback concerns, when it happened, and for the two
//! status kinds one delivery view, so that a handler asks the same questions of every
//! shape.

use crate::callback::Callback;
use crate::enums::{ErrorCode, Status};
use crate::scalar::Id;
use crate::timestamp::Timestamp;

/// Who a callback concerns: the identifier of the person at the other end, as edna sent
/// it, and the field it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Party<'a> {
    /// The identifier, as edna sent it.
    pub identifier: &'a Id,
    /// Where it came from, and what edna's documents say it is.
    pub field: PartyField,
}

/// The field a [`Party`] came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PartyField {
    /// `subscriber.identifier` of a Pulse incoming message: documented as the sender's
    /// phone number, but edna also issues identifiers that are not (MAX user ids, BSUIDs).
    SubscriberIdentifier,
    /// `address` of a legacy incoming message: documented as a phone number
    /// (`79XXXXXXXXX`).
    Address,
    /// `payload.phone` of a link click: documented as the recipient's phone number.
    Phone,
}

impl PartyField {
    /// The field's path in the body.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SubscriberIdentifier => "subscriber.identifier",
            Self::Address => "address",
            Self::Phone => "payload.phone",
        }
    }
}

impl Party<'_> {
    /// Whether the identifier is a phone number: edna documents the field as one, and the
    /// value is one (7 to 15 digits, an optional leading `+`, as E.164 allows). An opaque
    /// subscriber id is not.
    ///
    /// ```
    /// use edna_callbacks::{parse_body, PartyField};
    ///
    /// let body = include_bytes!("../fixtures/pulse-incoming-text.en.json");
    /// let callbacks = parse_body(body)?;
    /// let party = callbacks[0].party().expect("an incoming message has a sender");
    /// assert_eq!(party.identifier.to_string(), "79000000000");
    /// assert_eq!(party.field, PartyField::SubscriberIdentifier);
    /// assert!(party.is_phone());
    /// # Ok::<(), edna_callbacks::Error>(())
    /// ```
    pub fn is_phone(&self) -> bool {
        let text = self.identifier.as_str();
        let digits = text.strip_prefix('+').unwrap_or(&text);
        (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
    }
}

/// One view of a delivery status, Pulse or legacy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Delivery<'a> {
    /// The message it is about: `requestId`, else `messageId` (Pulse), or
    /// `imOutMessageId` (legacy). `None` when a Pulse status has neither.
    pub reference: Option<&'a Id>,
    /// The status (`status` or `dlvStatus`).
    pub status: &'a Status,
    /// When the status changed (`statusAt` or `dlvStatusAt`).
    pub at: Timestamp,
    /// The error edna gave (`error` or `dlvError`), if any; see
    /// [`ErrorCode::is_error`]: legacy bodies send `ok` on a good delivery.
    pub error: Option<&'a ErrorCode>,
}

impl Delivery<'_> {
    /// Whether the delivery failed: a failed status, or an error code that is an error.
    pub fn failed(&self) -> bool {
        self.status.is_failure() || self.error.is_some_and(ErrorCode::is_error)
    }
}

impl Callback {
    /// Who the callback concerns: the sender of an incoming message (`subscriber`'s
    /// `identifier`, or a legacy message's `address`), or who clicked a link button.
    /// `None` for kinds that name no person (statuses, templates, other events) and when
    /// edna left the field out (it may omit `subscriber`).
    pub fn party(&self) -> Option<Party<'_>> {
        let (identifier, field) = match self {
            Self::Incoming(m) => (
                m.subscriber.as_ref()?.identifier.as_ref()?,
                PartyField::SubscriberIdentifier,
            ),
            Self::LegacyIncoming(m) => (m.address.as_ref()?, PartyField::Address),
            Self::LinkClicked(e) => (e.payload.phone.as_ref()?, PartyField::Phone),
            _ => return None,
        };
        Some(Party { identifier, field })
    }

    /// When it happened: `receivedAt` of a message, `statusAt`/`dlvStatusAt` of a status,
    /// `updatedAt` of a template status, `timestamp` of an event. `None` only for a
    /// template status whose `updatedAt` is `null`.
    ///
    /// ```
    /// use edna_callbacks::parse_body;
    ///
    /// let body = include_bytes!("../fixtures/legacy-status.en.json");
    /// let at = parse_body(body)?[0].occurred_at().expect("a status has a time");
    /// assert_eq!(at.to_string(), "2020-01-10T19:03:52.355+03:00");
    /// # Ok::<(), edna_callbacks::Error>(())
    /// ```
    pub fn occurred_at(&self) -> Option<Timestamp> {
        match self {
            Self::Incoming(m) => Some(m.received_at),
            Self::Status(s) => Some(s.status_at),
            Self::LegacyIncoming(m) => Some(m.received_at),
            Self::LegacyStatus(s) => Some(s.dlv_status_at),
            Self::TemplateStatus(t) => t.updated_at,
            Self::MessageMatcherStatus(s) => s.message_matcher.updated_at,
            Self::TemplateCategoryChanged(e) => Some(e.timestamp),
            Self::LinkClicked(e) => Some(e.timestamp),
            Self::Event(e) => Some(e.timestamp),
        }
    }

    /// The delivery a Pulse or legacy status reports, in one shape; `None` for the other
    /// kinds.
    ///
    /// ```
    /// use edna_callbacks::{parse_body, Status};
    ///
    /// for body in [
    ///     &include_bytes!("../fixtures/pulse-status-read.en.json")[..],
    ///     &include_bytes!("../fixtures/legacy-status.en.json")[..],
    /// ] {
    ///     let callbacks = parse_body(body)?;
    ///     let delivery = callbacks[0].delivery().expect("a status");
    ///     assert_eq!(delivery.status, &Status::Read);
    ///     assert!(!delivery.failed());
    /// }
    /// # Ok::<(), edna_callbacks::Error>(())
    /// ```
    pub fn delivery(&self) -> Option<Delivery<'_>> {
        match self {
            Self::Status(s) => Some(Delivery {
                reference: s.request_id.as_ref().or(s.message_id.as_ref()),
                status: &s.status,
                at: s.status_at,
                error: s.error.as_ref(),
            }),
            Self::LegacyStatus(s) => Some(Delivery {
                reference: Some(&s.im_out_message_id),
                status: &s.dlv_status,
                at: s.dlv_status_at,
                error: s.dlv_error.as_ref(),
            }),
            _ => None,
        }
    }
}
