//! The `payload` of a `message_matcher.category_changed` event (edna's page "changes to
//! WhatsApp template categories").

use super::{Event, EventPayload};
use crate::common::Channel;
use crate::dedup::{DedupKey, Part};
use crate::pulse::template::TemplateCategory;
use crate::view::Party;
use crate::wire::read::Placeholder;
use crate::wire::Id;

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
        req id: Id = "id", with_id;
        /// The template's name.
        opt name: String = "name", with_name;
        /// The channel (`WHATSAPP`).
        opt channel_type: Channel = "channelType", with_channel_type;
        /// The new category (`MARKETING`, `UTILITY`, `AUTHORIZATION`, ...).
        req category: TemplateCategory = "category", with_category;
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
}

/// The key of a category change is the template `id`, the new `category` and the
/// envelope's `timestamp`: a retry repeats all three.
impl EventPayload for TemplateCategoryChanged {
    const EVENT_TYPE: Option<&'static str> = Some("message_matcher.category_changed");
    const NAME: &'static str = "template-category-changed";

    fn dedup_key(event: &Event<Self>) -> DedupKey {
        DedupKey::new(
            Self::NAME,
            [
                Part::from(&event.payload.id),
                Part::from(event.payload.category.as_str()),
                Part::from(event.timestamp),
            ],
        )
    }

    fn party(&self) -> Option<Party<'_>> {
        None
    }
}
