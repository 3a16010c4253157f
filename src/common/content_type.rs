//! What a message holds: Pulse `messageContent.type` and legacy `contentType`.

open_enum! {
    /// The type of an incoming message's content: Pulse `messageContent.type` (upper case)
    /// and legacy `contentType` (lower case).
    pub enum ContentType {
        /// A text message.
        Text = "TEXT",
        /// An image.
        Image = "IMAGE",
        /// A document.
        Document = "DOCUMENT",
        /// A video.
        Video = "VIDEO",
        /// A sound recording.
        Audio = "AUDIO",
        /// A tap on a button of an HSM template (`payload` holds its code).
        Button = "BUTTON",
        /// A choice from a WhatsApp interactive menu (`items` holds it).
        ListPicker = "LIST_PICKER",
        /// A product from a catalog (`product` holds it).
        Product = "PRODUCT",
        /// An order (`order` holds it).
        Order = "ORDER",
        /// A WhatsApp Flows reply (`text` holds a JSON document).
        Flow = "FLOW",
        /// A new client's first message on MAX (`text` is `/start`; seen in MAX traffic,
        /// 2026, not in edna's list of types).
        ConversationStarted = "CONVERSATION_STARTED",
        /// A shared location (`location` holds it; handled by integrators, not in edna's
        /// list of types).
        Location = "LOCATION",
    }
}
