//! One view across the kinds: who a callback concerns, and for the status kinds one
//! delivery view, so that a handler asks the same questions of every shape. Each kind
//! answers in its own file ([`CallbackBody`](crate::CallbackBody)).

use crate::common::identity::{is_bsuid, is_phone_shaped};
use crate::common::{ErrorCode, IdentifierKind, IdentifierType, Status};
use crate::wire::{Id, IdKey, Timestamp};

/// Who a callback concerns: the identifier of the person at the other end, as edna sent
/// it, the field it came from, what it is, and the person's phone number when edna gives
/// one.
///
/// **Identity is not a phone number.** edna documents `subscriber.identifier` as the
/// sender's phone number, but on MAX it is a MAX user id (digits, like a phone number),
/// and from June 2026 a WhatsApp user who sets a username may be identified by a
/// business-scoped user id (BSUID, `US.1349…`) in the place where the phone number used to
/// be. Key conversations by [`key`](Self::key) (the identifier), not by a phone number:
/// [`phone`](Self::phone) is what edna says the phone number is, and it may be absent,
/// appear later or go away. [`kind`](Self::kind) says what the identifier is.
///
/// ```
/// use edna_callbacks::{parse_body, IdentifierKind};
///
/// // A MAX message: the identifier is a MAX id, and edna linked a phone number to it.
/// let body = br#"{"id":1,"subscriber":{"id":2,"identifier":"194089586","identifiers":[
///     {"type":"PHONE","value":"79000000000"},{"type":"MAX_ID","value":"194089586"}]},
///     "messageContent":{"type":"TEXT","text":"hi"},"receivedAt":"2026-07-01T10:00:00Z"}"#;
/// let callbacks = parse_body(body)?;
/// let party = callbacks[0].party().expect("a sender");
/// assert_eq!(party.kind, IdentifierKind::MaxId);
/// assert!(!party.is_phone());
/// assert_eq!(party.phone().map(|p| p.to_string()), Some("79000000000".to_owned()));
/// assert_eq!(party.key().to_string(), "194089586");
/// # Ok::<(), edna_callbacks::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Party<'a> {
    /// The identifier, as edna sent it.
    pub identifier: &'a Id,
    /// Where it came from, and what edna's documents say it is.
    pub field: PartyField,
    /// What the identifier is, from what edna says (see
    /// [`with_identifiers`](Self::with_identifiers)).
    pub kind: IdentifierKind,
    /// The phone number edna gives besides the identifier (the `PHONE` entry of
    /// `subscriber.identifiers`), when the identifier itself is not one.
    pub linked_phone: Option<&'a Id>,
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

impl<'a> Party<'a> {
    /// The party `identifier`, from `field`, with nothing else said of it: what it is comes
    /// from its form and the field's documentation (see
    /// [`with_identifiers`](Self::with_identifiers)).
    pub fn new(identifier: &'a Id, field: PartyField) -> Self {
        Self::with_identifiers(identifier, field, [])
    }

    /// The party `identifier`, from `field`, with the identifiers edna lists for the person
    /// (`subscriber.identifiers`: each entry's type and value).
    ///
    /// What the identifier is, in this order:
    ///
    /// 1. the type of the entry whose value is the identifier (`MAX_ID`: a MAX id,
    ///    `PHONE`: a phone number);
    /// 2. else its documented form: a BSUID (`CC.<digits>`, see [`is_bsuid`]);
    /// 3. else, when an entry whose value is the identifier has a type this version does
    ///    not know, or a `PHONE` entry gives another value as the phone number: unknown
    ///    (edna says what it is, and it is not that phone number);
    /// 4. else what edna's documents say the field is: each [`PartyField`] is documented
    ///    as a phone number, so a value written as one (an optional `+` and 7 to 15
    ///    digits) is a phone number;
    /// 5. else unknown.
    ///
    /// The digits alone never make a phone number: a MAX id that edna lists as `MAX_ID` is
    /// not one, however many digits it has.
    ///
    /// [`is_bsuid`]: crate::is_bsuid
    pub fn with_identifiers(
        identifier: &'a Id,
        field: PartyField,
        identifiers: impl IntoIterator<Item = (&'a IdentifierType, &'a Id)>,
    ) -> Self {
        let mut said = None;
        let mut said_other = false;
        let mut linked_phone = None;
        for (kind, value) in identifiers {
            if value.same_as(identifier) {
                match kind {
                    IdentifierType::Unknown(_) => said_other = true,
                    known => {
                        said.get_or_insert(IdentifierKind::from(known));
                    }
                }
            } else if *kind == IdentifierType::Phone {
                linked_phone.get_or_insert(value);
            }
        }
        let text = identifier.as_str();
        let kind = match said {
            Some(kind) => kind,
            None if is_bsuid(&text) => IdentifierKind::Bsuid,
            None if said_other || linked_phone.is_some() => IdentifierKind::Unknown,
            // Every party field is documented as a phone number.
            None if is_phone_shaped(&text) => IdentifierKind::Phone,
            None => IdentifierKind::Unknown,
        };
        Self {
            identifier,
            field,
            kind,
            linked_phone: linked_phone.filter(|_| kind != IdentifierKind::Phone),
        }
    }

    /// Whether edna says the identifier is a phone number (see
    /// [`with_identifiers`](Self::with_identifiers)): an identifier that edna lists as a
    /// MAX id, a BSUID or an opaque id is not, whatever its digits.
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
        self.kind == IdentifierKind::Phone
    }

    /// The person's phone number, when edna gives one: the identifier itself when it is a
    /// phone number, else the `PHONE` entry of `subscriber.identifiers`. `None` for a MAX
    /// user without a linked phone, a BSUID without one, an opaque id.
    pub fn phone(&self) -> Option<&'a Id> {
        if self.is_phone() {
            Some(self.identifier)
        } else {
            self.linked_phone
        }
    }

    /// A key for the person, for maps and databases: the identifier's canonical form
    /// ([`Id::key`]). It does not change when edna links a phone number to the identifier
    /// or stops giving it (a `PHONE` entry appearing or going away), since a phone number
    /// is never the key unless it is the identifier itself.
    ///
    /// It changes when edna changes the identifier itself: a WhatsApp user who sets a
    /// username may be identified by a BSUID from June 2026 instead of the phone number
    /// (store both when a body gives both, to join the two).
    pub fn key(&self) -> IdKey {
        self.identifier.key()
    }
}

/// One view of a delivery status, Pulse or legacy.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Delivery<'a> {
    /// The message it is about: `requestId`, else `messageId` (Pulse), or
    /// `imOutMessageId`, else `smsOutMessageId` (legacy). `None` when a Pulse status has
    /// neither.
    pub reference: Option<&'a Id>,
    /// The cascade stage that reports it (`cascadeStageUUID` of a Pulse status): a message
    /// sent through a cascade (Viber, then SMS) reports each stage's statuses under one
    /// `requestId`. `None` outside a cascade, and for legacy statuses.
    pub stage: Option<&'a str>,
    /// The status (`status` or `dlvStatus`).
    pub status: &'a Status,
    /// When the status changed (`statusAt` or `dlvStatusAt`).
    pub at: Timestamp,
    /// The error edna gave (`error` or `dlvError`), if any; see
    /// [`ErrorCode::is_error`]: legacy bodies send `ok` on a good delivery.
    pub error: Option<&'a ErrorCode>,
}

impl<'a> Delivery<'a> {
    /// A delivery of `reference` in `status` at `at`, with edna's `error`, outside a
    /// cascade (see [`with_stage`](Self::with_stage)).
    pub fn new(
        reference: Option<&'a Id>,
        status: &'a Status,
        at: Timestamp,
        error: Option<&'a ErrorCode>,
    ) -> Self {
        Self {
            reference,
            stage: None,
            status,
            at,
            error,
        }
    }

    /// The same delivery, reported by the cascade stage `stage` (`cascadeStageUUID`).
    #[must_use]
    pub fn with_stage(mut self, stage: Option<&'a str>) -> Self {
        self.stage = stage;
        self
    }

    /// Whether the delivery failed: a failed status, or an error code that is an error.
    pub fn failed(&self) -> bool {
        self.status.is_failure() || self.error.is_some_and(ErrorCode::is_error)
    }

    /// Whether this delivery, arriving after `previous` (the one recorded for the same
    /// message), should replace it.
    ///
    /// - Within one cascade stage (the same `cascadeStageUUID`, or none on either side),
    ///   the statuses' own order decides ([`Status::supersedes`]): a late `delivered` does
    ///   not replace `read`.
    /// - A different stage of a cascade is a fresh start: the message went on to the next
    ///   channel (Viber, then SMS), so the later stage's statuses follow the earlier
    ///   stage's failure. Then the later `statusAt` wins: the SMS stage's `SENT` replaces
    ///   the Viber stage's `UNDELIVERED`, and a late Viber status does not replace the SMS
    ///   stage's. Two stages' statuses at the same instant keep the one recorded.
    ///
    /// ```
    /// use edna_callbacks::{Delivery, Status, Timestamp};
    ///
    /// let at = |s: &str| Timestamp::parse(s).expect("a timestamp");
    /// let viber = Delivery::new(None, &Status::Undelivered, at("2026-07-01T10:00:05Z"), None)
    ///     .with_stage(Some("stage-viber"));
    /// let sms = Delivery::new(None, &Status::Sent, at("2026-07-01T10:00:07Z"), None)
    ///     .with_stage(Some("stage-sms"));
    /// assert!(sms.supersedes(&viber));
    /// assert!(!viber.supersedes(&sms));
    /// // Without stages, the order of statuses alone: nothing replaces a failure.
    /// assert!(!sms.with_stage(None).supersedes(&viber.with_stage(None)));
    /// ```
    pub fn supersedes(&self, previous: &Delivery<'_>) -> bool {
        match (self.stage, previous.stage) {
            (Some(stage), Some(earlier)) if stage != earlier => self.at > previous.at,
            _ => self.status.supersedes(previous.status),
        }
    }
}
