//! The legacy SME incoming message callback.

use serde_json::Value;

use crate::enums::{Channel, ContentType};
use crate::scalar::{Id, Numeric};
use crate::timestamp::Timestamp;

wire_object! {
    /// A message a user sent to the business through the legacy SME API, as edna POSTs it
    /// (edna's page "Callback Functions"; golden example in
    /// `fixtures/legacy-incoming.en.json`).
    ///
    /// ```
    /// use edna_callbacks::{Channel, ContentType, Id, LegacyIncomingMessage};
    ///
    /// let body = include_str!("../fixtures/legacy-incoming.en.json");
    /// let message: LegacyIncomingMessage = serde_json::from_str(body)?;
    /// assert_eq!(message.id, Id::Number(43407125));
    /// assert_eq!(message.im_type, Some(Channel::Whatsapp));
    /// assert_eq!(message.content_type, Some(ContentType::Text));
    /// assert_eq!(message.text.as_deref(), Some("Hello edna"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct LegacyIncomingMessage {
        /// edna's id of the message.
        req id: Id = "id",
        /// The subject (sender name) the user wrote to.
        opt im_subject: Option<String> = "imSubject",
        /// The user's address (a phone number in the `79XXXXXXXXX` format for WhatsApp).
        opt address: Option<Id> = "address",
        /// When edna received the message (`2021-10-20T08:42:51.354+0000`).
        req received_at: Timestamp = "receivedAt",
        /// The channel (written in lower case, `whatsapp`).
        ///
        /// Required: edna's page marks only `attachmentName` optional, and `imType` is the
        /// key that tells a legacy incoming message from the other callbacks (see the
        /// README's "Callback kinds"); `null` reads as `None`.
        req im_type: Option<Channel> = "imType" => Lower,
        /// The content type (written in lower case, `text`).
        opt content_type: Option<ContentType> = "contentType" => Lower,
        /// The message text.
        opt text: Option<String> = "text",
        /// The caption (for a location, the name of the place).
        opt caption: Option<String> = "caption",
        /// URL of the attached image, document or video.
        opt attachment_url: Option<String> = "attachmentUrl",
        /// Name of the attached file.
        opt attachment_name: Option<String> = "attachmentName",
        /// Longitude of a shared location.
        opt longitude: Option<Numeric> = "longitude",
        /// Latitude of a shared location.
        opt latitude: Option<Numeric> = "latitude",
        /// Address of a shared location.
        opt location_address: Option<String> = "locationAddress",
        /// The user's name in the messenger.
        opt user_name: Option<String> = "userName",
        /// The user's first name in the messenger.
        opt first_name: Option<String> = "firstName",
        /// The user's last name in the messenger.
        opt last_name: Option<String> = "lastName",
        /// URL of the user's avatar.
        opt avatar_url: Option<String> = "avatarUrl",
        /// The code of the HSM button the user tapped.
        opt payload: Option<String> = "payload",
        /// The account's API key id.
        opt api_key_id: Option<Id> = "apiKeyId",
        /// Earlier messages of the conversation. No schema is documented (the example
        /// shows `[null]`), so each element is kept as it came.
        opt history_messages: Option<Vec<Value>> = "historyMessages",
        /// The subject's id.
        opt im_subject_id: Option<Id> = "imSubjectId",
    }
}
