//! The legacy SME incoming message callback (edna's page "Callback Functions").

use serde_json::Value;

use crate::common::{Channel, ContentType};
use crate::dedup::{DedupKey, Part};
use crate::kind::{CallbackBody, Rule, Sealed, Told};
use crate::view::{Delivery, Party, PartyField};
use crate::wire::read::Placeholder;
use crate::wire::{Id, Kept, Numeric, Timestamp};

wire_object! {
    /// A message a user sent to the business through the legacy SME API, as edna POSTs it
    /// (edna's page "Callback Functions"; golden example in
    /// `fixtures/legacy-incoming.en.json`).
    ///
    /// ```
    /// use edna_callbacks::{Channel, ContentType, Id, LegacyIncomingMessage};
    ///
    /// let body = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/legacy-incoming.en.json"));
    /// let message: LegacyIncomingMessage = serde_json::from_str(body)?;
    /// assert_eq!(message.id, Id::Number(43407125));
    /// assert_eq!(message.im_type, Some(Channel::Whatsapp));
    /// assert_eq!(message.content_type, Some(ContentType::Text));
    /// assert_eq!(message.text.as_deref(), Some("Hello edna"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct LegacyIncomingMessage {
        /// edna's id of the message.
        req id: Id = "id", with_id;
        /// The subject (sender name) the user wrote to.
        opt im_subject: String = "imSubject", with_im_subject;
        /// The user's address (a phone number in the `79XXXXXXXXX` format for WhatsApp).
        opt address: Id = "address", with_address;
        /// When edna received the message (`2021-10-20T08:42:51.354+0000`).
        req received_at: Timestamp = "receivedAt", with_received_at;
        /// The channel (written in lower case, `whatsapp`).
        ///
        /// Required: edna's page marks only `attachmentName` optional, and `imType` is the
        /// key that tells a legacy incoming message from the other callbacks (see the
        /// README's "Callback kinds"); `null` reads as `None`.
        nul im_type: Channel = "imType" => Lower, with_im_type;
        /// The content type (written in lower case, `text`).
        opt content_type: ContentType = "contentType" => Lower, with_content_type;
        /// The message text.
        opt text: String = "text", with_text;
        /// The caption (for a location, the name of the place).
        opt caption: String = "caption", with_caption;
        /// URL of the attached image, document or video.
        opt attachment_url: String = "attachmentUrl", with_attachment_url;
        /// Name of the attached file.
        opt attachment_name: String = "attachmentName", with_attachment_name;
        /// Longitude of a shared location.
        opt longitude: Numeric = "longitude", with_longitude;
        /// Latitude of a shared location.
        opt latitude: Numeric = "latitude", with_latitude;
        /// Address of a shared location.
        opt location_address: String = "locationAddress", with_location_address;
        /// The user's name in the messenger.
        opt user_name: String = "userName", with_user_name;
        /// The user's first name in the messenger.
        opt first_name: String = "firstName", with_first_name;
        /// The user's last name in the messenger.
        opt last_name: String = "lastName", with_last_name;
        /// URL of the user's avatar.
        opt avatar_url: String = "avatarUrl", with_avatar_url;
        /// The code of the HSM button the user tapped.
        opt payload: String = "payload", with_payload;
        /// The account's API key id.
        opt api_key_id: Id = "apiKeyId", with_api_key_id;
        /// Earlier messages of the conversation. No schema is documented (the example
        /// shows `[null]`), so each element is kept as it came.
        opt history_messages: Vec<Kept<Value>> = "historyMessages", with_history_messages;
        /// The subject's id.
        opt im_subject_id: Id = "imSubjectId", with_im_subject_id;
    }
}

impl LegacyIncomingMessage {
    /// A legacy SME incoming message with edna's message `id` and when edna received it:
    /// every other field empty.
    ///
    /// ```
    /// use edna_callbacks::{Channel, ContentType, LegacyIncomingMessage, Timestamp};
    ///
    /// let location = LegacyIncomingMessage::new(43407126, Timestamp::parse("2021-10-20T08:42:51.354+0000")?)
    ///     .with_im_type(Channel::Whatsapp)
    ///     .with_content_type("location")
    ///     .with_latitude("55.7558")
    ///     .with_longitude("37.6173");
    /// let body = serde_json::to_string(&location)?;
    /// assert!(body.contains(r#""imType":"whatsapp""#));
    /// assert!(body.contains(r#""latitude":"55.7558""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: impl Into<Id>, received_at: impl Into<Timestamp>) -> Self {
        Self {
            id: id.into(),
            received_at: received_at.into(),
            ..Placeholder::placeholder()
        }
    }

    /// A legacy `text` message: [`new`](Self::new) with `contentType` `text` and `text`.
    ///
    /// ```
    /// use edna_callbacks::{ContentType, LegacyIncomingMessage, Timestamp};
    ///
    /// let at = Timestamp::parse("2021-10-20T08:42:51.354+0000")?;
    /// let message = LegacyIncomingMessage::text(43407125, "Hello edna", at);
    /// assert_eq!(message.content_type, Some(ContentType::Text));
    /// assert_eq!(message.text.as_deref(), Some("Hello edna"));
    /// # Ok::<(), edna_callbacks::TimestampError>(())
    /// ```
    pub fn text(
        id: impl Into<Id>,
        text: impl Into<String>,
        received_at: impl Into<Timestamp>,
    ) -> Self {
        Self::new(id, received_at)
            .with_content_type(ContentType::Text)
            .with_text(text)
    }
}

impl Told for LegacyIncomingMessage {
    const RULE: Rule = Rule {
        name: "a legacy incoming message",
        markers: &["imType"],
        resembles: &[
            "imSubject",
            "address",
            "text",
            "caption",
            "attachmentUrl",
            "attachmentName",
            "longitude",
            "latitude",
            "locationAddress",
            "userName",
            "firstName",
            "lastName",
            "avatarUrl",
            "apiKeyId",
            "historyMessages",
            "imSubjectId",
        ],
        first_keys: &["imType", "imSubject"],
    };
}

impl Sealed for LegacyIncomingMessage {}

/// The key of a legacy incoming message is `(imSubjectId, id)`.
impl CallbackBody for LegacyIncomingMessage {
    const NAME: &'static str = "legacy-incoming";

    fn dedup_key(&self) -> DedupKey {
        DedupKey::new(
            Self::NAME,
            [
                Part::from(self.im_subject_id.as_ref()),
                Part::from(&self.id),
            ],
        )
    }

    /// The sender: `address`.
    fn party(&self) -> Option<Party<'_>> {
        self.address
            .as_ref()
            .map(|address| Party::new(address, PartyField::Address))
    }

    /// `receivedAt`.
    fn occurred_at(&self) -> Option<Timestamp> {
        Some(self.received_at)
    }

    fn delivery(&self) -> Option<Delivery<'_>> {
        None
    }
}
