//! The payloads of edna Pulse's event envelopes `{ "type", "version", "timestamp",
//! "payload" }`: a WhatsApp template's category changed, a recipient clicked a link button.
//!
//! The envelope's `type` is an [`EventType`](crate::EventType); these are the `payload`s of
//! the two known ones. The envelope is meant to grow: a `type` this version does not know
//! is not an error, and its payload is kept whole.

use crate::enums::{Channel, TemplateCategory};
use crate::object::Placeholder;
use crate::retry::DedupKey;
use crate::scalar::Id;
use crate::timestamp::Timestamp;

wire_object! {
    /// The `payload` of a `message_matcher.category_changed` event: WhatsApp moved a
    /// template to another category (golden examples in
    /// `fixtures/pulse-template-category-changed*.json`).
    ///
    /// ```
    /// use edna_callbacks::{Id, TemplateCategory, TemplateCategoryChanged};
    ///
    /// let payload = r#"{"id": 123, "name": "Promotion", "channelType": "WHATSAPP",
    ///     "category": "MARKETING"}"#;
    /// let changed: TemplateCategoryChanged = serde_json::from_str(payload)?;
    /// assert_eq!(changed.id, Id::Number(123));
    /// assert_eq!(changed.category, TemplateCategory::Marketing);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct TemplateCategoryChanged {
        /// edna's id of the template.
        req id: Id = "id",
        /// The template's name.
        opt name: Option<String> = "name",
        /// The channel (`WHATSAPP`).
        opt channel_type: Option<Channel> = "channelType",
        /// The new category (`MARKETING`, `UTILITY`, `AUTHORIZATION`, ...).
        req category: TemplateCategory = "category",
    }
}

wire_object! {
    /// The `payload` of a `short_link_visited` event: a recipient clicked a link button of
    /// a template message (golden examples in `fixtures/pulse-link-button-clicked*.json`).
    ///
    /// Every field is optional: a click is worth keeping even if edna leaves a field out.
    pub struct ShortLinkVisited {
        /// The subject (the business's channel name) the message was sent from.
        opt sender: Option<String> = "sender",
        /// edna's id of the template the button belongs to.
        opt template_id: Option<Id> = "templateId",
        /// The channel (`WHATSAPP`).
        opt channel_type: Option<Channel> = "channelType",
        /// edna's id of the message the button was in.
        opt out_message_id: Option<Id> = "outMessageId",
        /// The recipient's phone number, who clicked. **Personal data**: do not log it or
        /// keep it longer than the handler needs. Kept as sent (a string on edna's pages, a
        /// number tolerated).
        opt phone: Option<Id> = "phone",
        /// The button's link, its static and dynamic parts.
        opt url: Option<String> = "url",
        /// The short link that was visited: its code (`f42kL`) on the newer page, the
        /// whole link (`https://evtb.me/link/f42kL`) on the older one.
        opt short_link: Option<String> = "shortLink",
        /// The request id the message was sent with (newer page only).
        opt request_id: Option<Id> = "requestId",
    }
}

impl TemplateCategoryChanged {
    /// A category change of the template `id` to `category`; every other field empty.
    pub fn new(id: impl Into<Id>, category: TemplateCategory) -> Self {
        Self {
            id: id.into(),
            category,
            ..Placeholder::placeholder()
        }
    }

    /// The key that identifies this delivery, given the envelope's `timestamp`: see
    /// [`DedupKey::TemplateCategoryChanged`].
    pub fn dedup_key(&self, timestamp: impl Into<Option<Timestamp>>) -> DedupKey {
        DedupKey::TemplateCategoryChanged {
            template_id: self.id.key(),
            category: self.category.clone(),
            timestamp: timestamp.into(),
        }
    }
}

impl ShortLinkVisited {
    /// A click on the short link `short_link` of the message `out_message_id`; every other
    /// field empty.
    pub fn new(out_message_id: impl Into<Id>, short_link: impl Into<String>) -> Self {
        Self {
            out_message_id: Some(out_message_id.into()),
            short_link: Some(short_link.into()),
            ..Placeholder::placeholder()
        }
    }

    /// The key that identifies this delivery, given the envelope's `timestamp`: see
    /// [`DedupKey::ShortLinkVisited`].
    pub fn dedup_key(&self, timestamp: impl Into<Option<Timestamp>>) -> DedupKey {
        DedupKey::ShortLinkVisited {
            out_message_id: self.out_message_id.as_ref().map(Id::key),
            short_link: self.short_link.clone(),
            timestamp: timestamp.into(),
        }
    }
}

impl Default for ShortLinkVisited {
    /// Every field empty (written as `null`), no `extra`.
    fn default() -> Self {
        Placeholder::placeholder()
    }
}
