//! The edna Pulse template status callback: a message template ("message matcher") whose
//! moderation status changed, with its content, buttons and dates.
//!
//! edna sends it in two forms (see `fixtures/README.md`):
//!
//! - the current page: a JSON **array** of templates, each element one callback
//!   ([`MessageMatcher`]);
//! - an older page: one object `{ "messageMatcher": {…template…}, "subjectIds": [ids] }`
//!   ([`MessageMatcherStatus`]).
//!
//! A template's status can arrive late, or twice: [`MessageMatcher::supersedes`] tells
//! whether a status should replace the one recorded, and [`MessageMatcher::dedup_key`]
//! names a delivery.

use crate::enums::TemplateType;
use crate::enums::{
    ButtonType, Channel, ContentType, HeaderType, TemplateCategory, TemplateStatus,
};
use crate::object::Placeholder;
use crate::retry::DedupKey;
use crate::scalar::{Id, Numeric};
use crate::timestamp::Timestamp;

wire_object! {
    /// A message template whose status changed, as edna Pulse POSTs it (each element of the
    /// array of the page "changes to template statuses"; golden example in
    /// `fixtures/pulse-template-status.array.json`). The same object is the
    /// `messageMatcher` of the older form, [`MessageMatcherStatus`].
    ///
    /// Only `name`, `channelType` and `status` are required: the older page's template has
    /// no `id`, and a template without any of the other fields is still a status.
    ///
    /// ```
    /// use edna_callbacks::{Channel, MessageMatcher, TemplateStatus};
    ///
    /// let body = r#"[{"id": 7, "name": "order_ready", "channelType": "WHATSAPP",
    ///     "status": "APPROVED", "updatedAt": "2025-01-30T11:07:55Z"}]"#;
    /// let templates: Vec<MessageMatcher> = serde_json::from_str(body)?;
    /// assert_eq!(templates[0].name, "order_ready");
    /// assert_eq!(templates[0].channel_type, Channel::Whatsapp);
    /// assert_eq!(templates[0].status, TemplateStatus::Approved);
    /// assert!(templates[0].can_send());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct MessageMatcher {
        /// edna's id of the template (absent on the older page).
        opt id: Option<Id> = "id",
        /// The template's name.
        req name: String = "name",
        /// The channel it is for (`WHATSAPP`, `VIBER`, `SMS`, ...).
        req channel_type: Channel = "channelType",
        /// Its language (`EN`, `ru`, ...), as sent.
        opt language: Option<String> = "language",
        /// What it says and shows: text, header, footer, attachment, buttons. Boxed, so that
        /// a template status stays small in a [`Callback`](crate::Callback).
        opt content: Option<Box<TemplateContent>> = "content" nested,
        /// The type of its content (`TEXT`, ...).
        opt content_type: Option<ContentType> = "contentType",
        /// Its category (`MARKETING`, `UTILITY`, ...).
        opt category: Option<TemplateCategory> = "category",
        /// The new status; see [`TemplateStatus::can_send`].
        req status: TemplateStatus = "status",
        /// Whether the template is locked against editing.
        opt locked: Option<bool> = "locked",
        /// `OPERATOR` (registered with the provider) or `USER` (made from an operator
        /// template) (`type`).
        opt template_type: Option<TemplateType> = "type",
        /// When the template was created.
        opt created_at: Option<Timestamp> = "createdAt",
        /// When it was last changed: the time of this status change.
        ///
        /// Required: it is the key that tells a template status from other callbacks
        /// (see the README's "Callback kinds"); `null` reads as `None`.
        req updated_at: Option<Timestamp> = "updatedAt",
    }
}

wire_object! {
    /// The older form of the template status callback: one template and the subjects
    /// (sender names) it is registered for (golden example in
    /// `fixtures/pulse-template-status.message-matcher.json`).
    pub struct MessageMatcherStatus {
        /// The template (`messageMatcher`).
        req message_matcher: MessageMatcher = "messageMatcher" nested,
        /// The ids of the subjects the template belongs to.
        opt subject_ids: Option<Vec<Id>> = "subjectIds",
    }
}

wire_object! {
    /// What a template says and shows (`content`).
    pub struct TemplateContent {
        /// The attached file of a media template.
        opt attachment: Option<TemplateAttachment> = "attachment" nested,
        /// The template's action, as sent.
        opt action: Option<String> = "action",
        /// The caption of a media template.
        opt caption: Option<String> = "caption",
        /// The header.
        opt header: Option<TemplateHeader> = "header" nested,
        /// The body text, with its `{{1}}` parameters.
        opt text: Option<String> = "text",
        /// The footer.
        opt footer: Option<TemplateFooter> = "footer" nested,
        /// The buttons. A template without buttons comes with an empty keyboard
        /// (`{"rows":[{"buttons":[]}]}`).
        opt keyboard: Option<Keyboard> = "keyboard" nested,
        /// Example values of the body text's parameters, in order.
        opt text_example_params: Option<Vec<String>> = "textExampleParams",
    }
}

wire_object! {
    /// A file attached to a template or its header (`content.attachment`,
    /// `content.header.attachment`).
    ///
    /// Not [`Attachment`](crate::Attachment), which is an incoming message's file
    /// (`url`, `name`, `size`, `mimeType`): a template's file has other fields.
    pub struct TemplateAttachment {
        /// edna's id of the file.
        opt id: Option<Id> = "id",
        /// Where the file is.
        opt file_url: Option<String> = "fileUrl",
        /// The file's name as uploaded.
        opt original_file_name: Option<String> = "originalFileName",
        /// Its size in bytes.
        opt size: Option<Numeric> = "size",
    }
}

wire_object! {
    /// The header of a template (`content.header`).
    pub struct TemplateHeader {
        /// What the header holds (`TEXT`, `IMAGE`, ...).
        opt header_type: Option<HeaderType> = "headerType",
        /// The header text, for a `TEXT` header.
        opt text: Option<String> = "text",
        /// The header's file, for a media header.
        opt attachment: Option<TemplateAttachment> = "attachment" nested,
        /// An example value of the header text's parameter.
        opt header_example_text_param: Option<String> = "headerExampleTextParam",
        /// An example URL of the header's media.
        opt header_example_media_url: Option<String> = "headerExampleMediaUrl",
    }
}

wire_object! {
    /// The footer of a template (`content.footer`).
    pub struct TemplateFooter {
        /// The footer text.
        opt text: Option<String> = "text",
    }
}

wire_object! {
    /// The buttons of a template (`content.keyboard`), row by row.
    ///
    /// `rows` is optional: edna's page misspells it once as `row`, and a keyboard without
    /// `rows` (kept in `extra`) should not make a whole template status unreadable.
    pub struct Keyboard {
        /// The rows of buttons.
        opt rows: Option<Vec<KeyboardRow>> = "rows",
    }
}

wire_object! {
    /// One row of a template's buttons (`keyboard.rows[]`).
    pub struct KeyboardRow {
        /// The buttons of the row, left to right.
        opt buttons: Option<Vec<KeyboardButton>> = "buttons",
    }
}

wire_object! {
    /// A button of a template (`keyboard.rows[].buttons[]`).
    pub struct KeyboardButton {
        /// The button's label.
        opt text: Option<String> = "text",
        /// What it does (`PHONE`, `URL`, `QUICK_REPLY`).
        opt button_type: Option<ButtonType> = "buttonType",
        /// The link of a `URL` button (its static part).
        opt url: Option<String> = "url",
        /// The dynamic part of a `URL` button's link, appended to `url`.
        opt url_postfix: Option<String> = "urlPostfix",
        /// The number a `PHONE` button calls (the business's number).
        opt phone: Option<String> = "phone",
        /// The code a `QUICK_REPLY` button sends back.
        opt payload: Option<String> = "payload",
        /// An example of the dynamic part of the link.
        opt url_text_example: Option<String> = "urlTextExample",
    }
}

impl Keyboard {
    /// A keyboard of `rows` of buttons. `Keyboard::new([vec![]])` is the empty keyboard
    /// edna sends with a template without buttons.
    pub fn new(rows: impl IntoIterator<Item = Vec<KeyboardButton>>) -> Self {
        Self {
            rows: Some(rows.into_iter().map(KeyboardRow::new).collect()),
            ..Placeholder::placeholder()
        }
    }

    /// Every button, row by row.
    pub fn buttons(&self) -> impl Iterator<Item = &KeyboardButton> {
        self.rows
            .iter()
            .flatten()
            .flat_map(|row| row.buttons.iter().flatten())
    }

    /// Whether the keyboard has no button (as `{"rows":[{"buttons":[]}]}`, or no rows).
    pub fn is_empty(&self) -> bool {
        self.buttons().next().is_none()
    }
}

impl KeyboardRow {
    /// A row of `buttons`.
    pub fn new(buttons: Vec<KeyboardButton>) -> Self {
        Self {
            buttons: Some(buttons),
            ..Placeholder::placeholder()
        }
    }
}

impl KeyboardButton {
    /// A button of `button_type` labelled `text`, every other field empty.
    pub fn new(button_type: ButtonType, text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            button_type: Some(button_type),
            ..Placeholder::placeholder()
        }
    }
}

impl TemplateContent {
    /// A content with the body text `text`, every other field empty.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Placeholder::placeholder()
        }
    }
}

impl MessageMatcher {
    /// A template status: the template `name` on `channel_type` is now in `status`; every
    /// other field empty (written as `null`).
    ///
    /// ```
    /// use edna_callbacks::{
    ///     ButtonType, Channel, Keyboard, KeyboardButton, MessageMatcher, TemplateContent,
    ///     TemplateStatus, Timestamp,
    /// };
    ///
    /// let template = MessageMatcher {
    ///     id: Some(7.into()),
    ///     content: Some(
    ///         TemplateContent {
    ///             keyboard: Some(Keyboard::new([vec![KeyboardButton::new(
    ///                 ButtonType::QuickReply,
    ///                 "Yes",
    ///             )]])),
    ///             ..TemplateContent::text("Is your order ready?")
    ///         }
    ///         .into(),
    ///     ),
    ///     updated_at: Some(Timestamp::parse("2025-01-30T11:07:55Z")?),
    ///     ..MessageMatcher::new("order_ready", Channel::Whatsapp, TemplateStatus::Approved)
    /// };
    /// let body = serde_json::to_string(&[&template])?;
    /// let read: Vec<MessageMatcher> = serde_json::from_str(&body)?;
    /// assert_eq!(read, [template]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(name: impl Into<String>, channel_type: Channel, status: TemplateStatus) -> Self {
        Self {
            name: name.into(),
            channel_type,
            status,
            ..Placeholder::placeholder()
        }
    }

    /// Whether the template can be used to send: its status is `APPROVED` (see
    /// [`TemplateStatus::can_send`]).
    pub fn can_send(&self) -> bool {
        self.status.can_send()
    }

    /// Whether `self` and `other` are statuses of the same template.
    ///
    /// When both carry an `id`, they are the same template when the ids are equal (as
    /// sent, or as integers: `7` and `"7"` are the same). When either lacks one (the older
    /// page's template has none), they are the same template when `name` is equal, the
    /// `channelType` is equal, and `language` is equal ignoring ASCII case (both absent
    /// counts as equal): edna names a template by these three.
    pub fn same_template(&self, other: &MessageMatcher) -> bool {
        match (&self.id, &other.id) {
            (Some(a), Some(b)) => a == b || (a.as_i64().is_some() && a.as_i64() == b.as_i64()),
            _ => {
                self.name == other.name
                    && self.channel_type == other.channel_type
                    && match (&self.language, &other.language) {
                        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                        (None, None) => true,
                        _ => false,
                    }
            }
        }
    }

    /// Whether this status, arriving after `previous`, should replace it, so that a status
    /// that arrives late (a retry, or deliveries out of order) can be dropped:
    ///
    /// - a status of another template (see [`same_template`](Self::same_template))
    ///   supersedes nothing;
    /// - when both carry `updatedAt` (the time of the status change), the later one
    ///   supersedes the earlier; an equal `updatedAt` (a repeat) supersedes nothing;
    /// - a status with `updatedAt` supersedes one without;
    /// - a status without `updatedAt` gives nothing to order by but the order of arrival:
    ///   it supersedes a *different* status of the same template, and never a repeat of the
    ///   same status.
    ///
    /// The status values themselves are not ordered: a template can go from `APPROVED` to
    /// `PAUSED` and back.
    ///
    /// ```
    /// use edna_callbacks::{Channel, MessageMatcher, TemplateStatus, Timestamp};
    ///
    /// let at = |s| Timestamp::parse(s).map(Some);
    /// let pending = MessageMatcher {
    ///     id: Some(7.into()),
    ///     updated_at: at("2025-01-30T11:00:00Z")?,
    ///     ..MessageMatcher::new("order_ready", Channel::Whatsapp, TemplateStatus::Pending)
    /// };
    /// let approved = MessageMatcher {
    ///     status: TemplateStatus::Approved,
    ///     updated_at: at("2025-01-30T12:00:00Z")?,
    ///     ..pending.clone()
    /// };
    /// assert!(approved.supersedes(&pending));
    /// assert!(!pending.supersedes(&approved)); // the late PENDING is stale
    /// # Ok::<(), edna_callbacks::TimestampError>(())
    /// ```
    pub fn supersedes(&self, previous: &MessageMatcher) -> bool {
        if !self.same_template(previous) {
            return false;
        }
        match (self.updated_at, previous.updated_at) {
            (Some(new), Some(old)) => new > old,
            (Some(_), None) => true,
            (None, _) => self.status != previous.status,
        }
    }

    /// The key that identifies this delivery: see [`DedupKey::TemplateStatus`].
    pub fn dedup_key(&self) -> DedupKey {
        DedupKey::TemplateStatus {
            template_id: self.id.as_ref().map(Id::key),
            name: self.name.clone(),
            channel_type: self.channel_type.clone(),
            language: self.language.clone(),
            status: self.status.clone(),
            updated_at: self.updated_at,
        }
    }
}

impl MessageMatcherStatus {
    /// The older form of a template status, for `message_matcher`, with no `subjectIds`.
    pub fn new(message_matcher: MessageMatcher) -> Self {
        Self {
            message_matcher,
            ..Placeholder::placeholder()
        }
    }

    /// Whether the template can be used to send (see [`MessageMatcher::can_send`]).
    pub fn can_send(&self) -> bool {
        self.message_matcher.can_send()
    }

    /// Whether this status, arriving after `previous`, should replace it: as
    /// [`MessageMatcher::supersedes`] of the two templates (`subjectIds` play no part).
    pub fn supersedes(&self, previous: &MessageMatcherStatus) -> bool {
        self.message_matcher.supersedes(&previous.message_matcher)
    }

    /// The key that identifies this delivery: the template's
    /// ([`MessageMatcher::dedup_key`]); `subjectIds` play no part, so the two forms of the
    /// same status have the same key.
    pub fn dedup_key(&self) -> DedupKey {
        self.message_matcher.dedup_key()
    }
}

/// `Default` for the objects whose fields are all optional: every field empty, no `extra`.
macro_rules! empty_default {
    ($($name:ident)*) => {
        $(
            impl Default for $name {
                /// Every field empty (written as `null`), no `extra`.
                fn default() -> Self {
                    Placeholder::placeholder()
                }
            }
        )*
    };
}

empty_default! {
    TemplateContent
    TemplateAttachment
    TemplateHeader
    TemplateFooter
    Keyboard
    KeyboardRow
    KeyboardButton
}
