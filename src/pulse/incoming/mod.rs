//! The edna Pulse incoming message callback: a message a user sent to the business (edna's
//! page "Receiving messages"), who sent it, and what it holds.

mod content;
mod flow;

pub use content::{
    Attachment, Catalog, Contact, Item, Location, MessageContent, Order, OrderProduct, Product,
    Referral, ReferralSourceType, Story,
};
pub use flow::FlowReply;

use crate::common::IdentifierType;
use crate::dedup::{DedupKey, Part};
use crate::kind::{CallbackBody, Rule, Sealed, Told};
use crate::view::{Delivery, Party, PartyField};
use crate::wire::read::Placeholder;
use crate::wire::{Id, Kept, Timestamp};

wire_object! {
    /// A message a user sent to the business, as edna Pulse POSTs it (edna's page
    /// "Receiving messages"; golden examples in `fixtures/pulse-incoming-*.json`).
    ///
    /// TEXT messages arrive as one object; FLOW replies as an array of them (use
    /// [`parse_body`](crate::parse_body), which takes both).
    ///
    /// ```
    /// use edna_callbacks::{ContentType, Id, IncomingMessage};
    ///
    /// let body = include_str!("../../../fixtures/pulse-incoming-list-picker.ru.json");
    /// let message: IncomingMessage = serde_json::from_str(body)?;
    /// assert_eq!(message.id, Id::Number(102));
    /// assert_eq!(message.message_content.kind, ContentType::ListPicker);
    /// let items = message.message_content.items.as_deref().unwrap_or_default();
    /// assert_eq!(items[0].identifier, Some(Id::Text("01".into())));
    /// assert_eq!(message.reply_in_message_id, Some(Id::Number(537701)));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct IncomingMessage {
        /// edna's id of the message.
        req id: Id = "id", with_id;
        /// The subject (sender name of the business's channel).
        opt subject: String = "subject", with_subject;
        /// The subject's id.
        opt subject_id: Id = "subjectId", with_subject_id;
        /// Who sent the message. edna's pages show it in every example and do not say when
        /// it is left out; a message without it reads as `None`.
        opt subscriber: Subscriber = "subscriber", with_subscriber;
        /// What the messenger knows of the sender.
        opt user_info: UserInfo = "userInfo", with_user_info;
        /// What the message holds.
        req message_content: MessageContent = "messageContent", with_message_content;
        /// When edna received it.
        req received_at: Timestamp = "receivedAt", with_received_at;
        /// The business's message the user quoted (edna's internal id).
        opt reply_out_message_id: Id = "replyOutMessageId", with_reply_out_message_id;
        /// The business's own request id of the quoted message (documented as long, sent
        /// as a UUID string).
        opt reply_out_message_external_request_id: Id = "replyOutMessageExternalRequestId", with_reply_out_message_external_request_id;
        /// The user's own earlier message that this one quotes.
        opt reply_in_message_id: Id = "replyInMessageId", with_reply_in_message_id;
        /// The last message the business sent to the user ("received text messages with
        /// information about the last outgoing message", edna's page of 15 June 2026).
        ///
        /// **Undocumented shape**: edna's page shows no body and it has been seen only as
        /// `null`, so it is kept exactly as it came, as JSON (`None` when absent or
        /// `null`), until edna documents it.
        opt last_message: Kept<serde_json::Value> = "lastMessage", with_last_message;
    }
}

wire_object! {
    /// The sender of an incoming message (`subscriber`).
    ///
    /// `identifier` is documented as the sender's phone number, but it is not always one:
    /// on MAX it is a MAX user id, and from June 2026 a WhatsApp user who sets a username
    /// may be identified by a BSUID (`US.1349…`) instead. [`party`](crate::Callback::party)
    /// says what it is, and gives the phone number when edna gives one.
    pub struct Subscriber {
        /// edna's id of the subscriber (`subscriber.id`).
        opt id: Id = "id", with_id;
        /// Who the sender is: documented as the phone number (`79000000000`), but a MAX
        /// user id on MAX, a BSUID for a WhatsApp user with a username, or an opaque id.
        opt identifier: Id = "identifier", with_identifier;
        /// Every identifier edna knows for the sender, each with its type (seen on MAX and
        /// MAX Bot: `MAX_ID` always, equal to `identifier`; `PHONE` when edna has linked
        /// the profile to a phone number; in no fixed order).
        opt identifiers: Vec<SubscriberIdentifier> = "identifiers", with_identifiers;
    }
}

wire_object! {
    /// One of a subscriber's identifiers (`subscriber.identifiers[]`): its type and value,
    /// such as `{"type": "MAX_ID", "value": "194089586"}`.
    pub struct SubscriberIdentifier {
        /// What the value is (`MAX_ID`, `PHONE`, …).
        opt kind: IdentifierType = "type", with_kind;
        /// The identifier.
        opt value: Id = "value", with_value;
    }
}

wire_object! {
    /// What the messenger knows of the sender (`userInfo`).
    ///
    /// The English page says `firstName` is the last name and `lastName` the patronymic;
    /// the fields are named as on the wire and their content is whatever edna sends.
    pub struct UserInfo {
        /// The name shown in the messenger.
        opt user_name: String = "userName", with_user_name;
        /// `firstName` as sent.
        opt first_name: String = "firstName", with_first_name;
        /// `lastName` as sent.
        opt last_name: String = "lastName", with_last_name;
        /// URL of the avatar.
        opt avatar_url: String = "avatarUrl", with_avatar_url;
    }
}

impl IncomingMessage {
    /// A Pulse incoming message with edna's message `id`, what it holds, and when edna
    /// received it: every other field empty.
    ///
    /// ```
    /// use edna_callbacks::{
    ///     parse_body, ContentType, IncomingMessage, Item, MessageContent, Subscriber, Timestamp,
    /// };
    ///
    /// let choice = IncomingMessage::new(
    ///     102,
    ///     MessageContent::new(ContentType::ListPicker).with_items([Item::new("01", "item 1")]),
    ///     Timestamp::parse("2022-04-29T15:27:40Z")?,
    /// )
    /// .with_subject_id(234)
    /// .with_subscriber(Subscriber::new(202, "79000000000"));
    /// let body = serde_json::to_vec(&choice)?;
    /// let parsed = parse_body(&body)?;
    /// assert_eq!(parsed[0].as_incoming(), Some(&choice));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<Id>,
        message_content: MessageContent,
        received_at: impl Into<Timestamp>,
    ) -> Self {
        Self {
            id: id.into(),
            message_content,
            received_at: received_at.into(),
            ..Placeholder::placeholder()
        }
    }

    /// A Pulse `TEXT` message: [`new`](Self::new) with [`MessageContent::text`].
    ///
    /// ```
    /// use edna_callbacks::{ContentType, IncomingMessage, Timestamp};
    ///
    /// let at = Timestamp::parse("2022-04-29T15:30:08Z")?;
    /// let message = IncomingMessage::text(101, "Thank you for your help", at);
    /// assert_eq!(message.message_content.kind, ContentType::Text);
    /// assert_eq!(message.message_content.text.as_deref(), Some("Thank you for your help"));
    /// # Ok::<(), edna_callbacks::TimestampError>(())
    /// ```
    pub fn text(
        id: impl Into<Id>,
        text: impl Into<String>,
        received_at: impl Into<Timestamp>,
    ) -> Self {
        Self::new(id, MessageContent::text(text), received_at)
    }

    /// Reads the FLOW reply in `messageContent.text`: see
    /// [`MessageContent::flow_reply`].
    ///
    /// # Errors
    ///
    /// As [`MessageContent::flow_reply`].
    pub fn flow_reply(&self) -> Result<FlowReply, crate::Error> {
        self.message_content.flow_reply()
    }
}

impl Subscriber {
    /// A subscriber with edna's `id` and its `identifier` (a phone number, a MAX id, a
    /// BSUID: see [`party`](Self::party)).
    pub fn new(id: impl Into<Id>, identifier: impl Into<Id>) -> Self {
        Self {
            id: Some(id.into()),
            identifier: Some(identifier.into()),
            ..Placeholder::placeholder()
        }
    }

    /// The sender as a [`Party`]: what `identifier` is and the phone number, from
    /// `identifiers` (see [`Party::with_identifiers`]). `None` without an `identifier`.
    pub fn party(&self) -> Option<Party<'_>> {
        let identifier = self.identifier.as_ref()?;
        let identifiers = self
            .identifiers
            .iter()
            .flatten()
            .filter_map(|entry| entry.kind.as_ref().zip(entry.value.as_ref()));
        Some(Party::with_identifiers(
            identifier,
            PartyField::SubscriberIdentifier,
            identifiers,
        ))
    }
}

impl SubscriberIdentifier {
    /// An identifier `value` of type `kind`.
    pub fn new(kind: impl Into<IdentifierType>, value: impl Into<Id>) -> Self {
        Self::default().with_kind(kind).with_value(value)
    }
}

empty_default! {
    SubscriberIdentifier
    Subscriber
    UserInfo
}

impl Told for IncomingMessage {
    const RULE: Rule = Rule {
        name: "an incoming message",
        markers: &["messageContent"],
        resembles: &[
            "subscriber",
            "userInfo",
            "replyOutMessageId",
            "replyOutMessageExternalRequestId",
            "replyInMessageId",
        ],
        first_keys: &["id", "subject", "subjectId", "subscriber", "receivedAt"],
    };
}

impl Sealed for IncomingMessage {}

/// The key of an incoming message is `(subjectId, id)`: edna's id of the message, within
/// the subject it was sent to.
impl CallbackBody for IncomingMessage {
    const NAME: &'static str = "incoming";

    fn dedup_key(&self) -> DedupKey {
        DedupKey::new(
            Self::NAME,
            [Part::from(self.subject_id.as_ref()), Part::from(&self.id)],
        )
    }

    /// The sender: `subscriber.identifier`, what it is and the phone number from
    /// `subscriber.identifiers` (see [`Subscriber::party`]).
    fn party(&self) -> Option<Party<'_>> {
        self.subscriber.as_ref()?.party()
    }

    /// `receivedAt`.
    fn occurred_at(&self) -> Option<Timestamp> {
        Some(self.received_at)
    }

    fn delivery(&self) -> Option<Delivery<'_>> {
        None
    }
}
