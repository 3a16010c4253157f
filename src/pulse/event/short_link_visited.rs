//! The `payload` of a `short_link_visited` event (edna's page "a recipient clicking a link
//! button").

use super::{Event, EventPayload};
use crate::common::Channel;
use crate::dedup::{DedupKey, Part};
use crate::view::{Party, PartyField};
use crate::wire::read::Placeholder;
use crate::wire::Id;

wire_object! {
    /// The `payload` of a `short_link_visited` event: a recipient clicked a link button of
    /// a template message (golden examples in `fixtures/pulse-link-button-clicked*.json`).
    ///
    /// Every field is optional: a click is worth keeping even if edna leaves a field out.
    pub struct ShortLinkVisited {
        /// The subject (the business's channel name) the message was sent from.
        opt sender: String = "sender", with_sender;
        /// edna's id of the template the button belongs to.
        opt template_id: Id = "templateId", with_template_id;
        /// The channel (`WHATSAPP`).
        opt channel_type: Channel = "channelType", with_channel_type;
        /// edna's id of the message the button was in.
        opt out_message_id: Id = "outMessageId", with_out_message_id;
        /// The recipient's phone number, who clicked. **Personal data**: do not log it or
        /// keep it longer than the handler needs. Kept as sent (a string on edna's pages, a
        /// number tolerated).
        opt phone: Id = "phone", with_phone;
        /// The button's link, its static and dynamic parts.
        opt url: String = "url", with_url;
        /// The short link that was visited: its code (`f42kL`) on the newer page, the
        /// whole link (`https://evtb.me/link/f42kL`) on the older one.
        opt short_link: String = "shortLink", with_short_link;
        /// The request id the message was sent with (newer page only).
        opt request_id: Id = "requestId", with_request_id;
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
}

empty_default! {
    ShortLinkVisited
}

/// The key of a click is the message the button was in (`outMessageId`), the link
/// (`shortLink`, as its digest: a link can hold a name or a phone number) and the
/// envelope's `timestamp`. A retry repeats all three; a second click on the same button has
/// another `timestamp` (on the older page, which gives whole seconds, two clicks within one
/// second have one key). The recipient's `phone` is not part of the key: the message
/// already names the recipient, and the key is meant to be stored.
impl EventPayload for ShortLinkVisited {
    const EVENT_TYPE: Option<&'static str> = Some("short_link_visited");
    const NAME: &'static str = "short-link-visited";

    fn dedup_key(event: &Event<Self>) -> DedupKey {
        DedupKey::new(
            Self::NAME,
            [
                Part::from(event.payload.out_message_id.as_ref()),
                Part::text_digest(event.payload.short_link.as_deref()),
                Part::from(event.timestamp),
            ],
        )
    }

    /// Who clicked: `payload.phone`.
    fn party(&self) -> Option<Party<'_>> {
        self.phone
            .as_ref()
            .map(|phone| Party::new(phone, PartyField::Phone))
    }
}
