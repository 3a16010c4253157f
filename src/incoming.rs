//! The edna Pulse incoming message callback.

use crate::content::{MessageContent, Subscriber, UserInfo};
use crate::scalar::Id;
use crate::timestamp::Timestamp;

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
    /// let body = include_str!("../fixtures/pulse-incoming-list-picker.ru.json");
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
        req id: Id = "id",
        /// The subject (sender name of the business's channel).
        opt subject: Option<String> = "subject",
        /// The subject's id.
        opt subject_id: Option<Id> = "subjectId",
        /// Who sent the message. edna's pages show it in every example and do not say when
        /// it is left out; a message without it reads as `None`.
        opt subscriber: Option<Subscriber> = "subscriber" nested,
        /// What the messenger knows of the sender.
        opt user_info: Option<UserInfo> = "userInfo" nested,
        /// What the message holds.
        req message_content: MessageContent = "messageContent" nested,
        /// When edna received it.
        req received_at: Timestamp = "receivedAt",
        /// The business's message the user quoted (edna's internal id).
        opt reply_out_message_id: Option<Id> = "replyOutMessageId",
        /// The business's own request id of the quoted message (documented as long, sent
        /// as a UUID string).
        opt reply_out_message_external_request_id: Option<Id> = "replyOutMessageExternalRequestId",
        /// The user's own earlier message that this one quotes.
        opt reply_in_message_id: Option<Id> = "replyInMessageId",
    }
}

impl IncomingMessage {
    /// Reads the FLOW reply in `messageContent.text`: see
    /// [`MessageContent::flow_reply`].
    ///
    /// # Errors
    ///
    /// As [`MessageContent::flow_reply`].
    pub fn flow_reply(&self) -> Result<crate::FlowReply, crate::Error> {
        self.message_content.flow_reply()
    }
}
