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
//! whether a status should replace the one recorded, and
//! [`CallbackBody::dedup_key`] names a delivery.

use std::fmt;
use std::str::FromStr;

use serde_json::Value;

use crate::common::{Channel, ContentType};
use crate::dedup::{read_scalars, DedupKey, KeyError, Part, Scalar};
use crate::kind::{CallbackBody, Rule, Sealed, Told};
use crate::view::{Delivery, Party};
use crate::wire::read::Placeholder;
use crate::wire::{Id, IdKey, Numeric, Timestamp};

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
        opt id: Id = "id", with_id;
        /// The template's name.
        req name: String = "name", with_name;
        /// The channel it is for (`WHATSAPP`, `VIBER`, `SMS`, ...).
        req channel_type: Channel = "channelType", with_channel_type;
        /// Its language (`EN`, `ru`, ...), as sent.
        opt language: String = "language", with_language;
        /// What it says and shows: text, header, footer, attachment, buttons. Boxed, so that
        /// a template status stays small in a [`Callback`](crate::Callback).
        opt content: Box<TemplateContent> = "content", with_content;
        /// The type of its content (`TEXT`, ...).
        opt content_type: ContentType = "contentType", with_content_type;
        /// Its category (`MARKETING`, `UTILITY`, ...).
        opt category: TemplateCategory = "category", with_category;
        /// The new status; see [`TemplateStatus::can_send`].
        req status: TemplateStatus = "status", with_status;
        /// Whether the template is locked against editing.
        opt locked: bool = "locked", with_locked;
        /// `OPERATOR` (registered with the provider) or `USER` (made from an operator
        /// template) (`type`).
        opt template_type: TemplateType = "type", with_template_type;
        /// When the template was created.
        opt created_at: Timestamp = "createdAt", with_created_at;
        /// When it was last changed: the time of this status change.
        ///
        /// Required: it is the key that tells a template status from other callbacks
        /// (see the README's "Callback kinds"); `null` reads as `None`.
        nul updated_at: Timestamp = "updatedAt", with_updated_at;
    }
}

wire_object! {
    /// The older form of the template status callback: one template and the subjects
    /// (sender names) it is registered for (golden example in
    /// `fixtures/pulse-template-status.message-matcher.json`).
    pub struct MessageMatcherStatus {
        /// The template (`messageMatcher`).
        req message_matcher: MessageMatcher = "messageMatcher", with_message_matcher;
        /// The ids of the subjects the template belongs to.
        opt subject_ids: Vec<Id> = "subjectIds", with_subject_ids;
    }
}

wire_object! {
    /// What a template says and shows (`content`).
    pub struct TemplateContent {
        /// The attached file of a media template.
        opt attachment: TemplateAttachment = "attachment", with_attachment;
        /// The template's action, as sent.
        opt action: String = "action", with_action;
        /// The caption of a media template.
        opt caption: String = "caption", with_caption;
        /// The header.
        opt header: TemplateHeader = "header", with_header;
        /// The body text, with its `{{1}}` parameters.
        opt text: String = "text", with_text;
        /// The footer.
        opt footer: TemplateFooter = "footer", with_footer;
        /// The buttons. A template without buttons comes with an empty keyboard
        /// (`{"rows":[{"buttons":[]}]}`).
        opt keyboard: Keyboard = "keyboard", with_keyboard;
        /// Example values of the body text's parameters, in order.
        opt text_example_params: Vec<String> = "textExampleParams", with_text_example_params;
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
        opt id: Id = "id", with_id;
        /// Where the file is.
        opt file_url: String = "fileUrl", with_file_url;
        /// The file's name as uploaded.
        opt original_file_name: String = "originalFileName", with_original_file_name;
        /// Its size in bytes.
        opt size: Numeric = "size", with_size;
    }
}

wire_object! {
    /// The header of a template (`content.header`).
    pub struct TemplateHeader {
        /// What the header holds (`TEXT`, `IMAGE`, ...).
        opt header_type: HeaderType = "headerType", with_header_type;
        /// The header text, for a `TEXT` header.
        opt text: String = "text", with_text;
        /// The header's file, for a media header.
        opt attachment: TemplateAttachment = "attachment", with_attachment;
        /// An example value of the header text's parameter.
        opt header_example_text_param: String = "headerExampleTextParam", with_header_example_text_param;
        /// An example URL of the header's media.
        opt header_example_media_url: String = "headerExampleMediaUrl", with_header_example_media_url;
    }
}

wire_object! {
    /// The footer of a template (`content.footer`).
    pub struct TemplateFooter {
        /// The footer text.
        opt text: String = "text", with_text;
    }
}

wire_object! {
    /// The buttons of a template (`content.keyboard`), row by row.
    ///
    /// `rows` is optional: edna's page misspells it once as `row`, and a keyboard without
    /// `rows` (kept in `extra`) should not make a whole template status unreadable.
    pub struct Keyboard {
        /// The rows of buttons.
        opt rows: Vec<KeyboardRow> = "rows", with_rows;
    }
}

wire_object! {
    /// One row of a template's buttons (`keyboard.rows[]`).
    pub struct KeyboardRow {
        /// The buttons of the row, left to right.
        opt buttons: Vec<KeyboardButton> = "buttons", with_buttons;
    }
}

wire_object! {
    /// A button of a template (`keyboard.rows[].buttons[]`).
    pub struct KeyboardButton {
        /// The button's label.
        opt text: String = "text", with_text;
        /// What it does (`PHONE`, `URL`, `QUICK_REPLY`).
        opt button_type: ButtonType = "buttonType", with_button_type;
        /// The link of a `URL` button (its static part).
        opt url: String = "url", with_url;
        /// The dynamic part of a `URL` button's link, appended to `url`.
        opt url_postfix: String = "urlPostfix", with_url_postfix;
        /// The number a `PHONE` button calls (the business's number).
        opt phone: String = "phone", with_phone;
        /// The code a `QUICK_REPLY` button sends back.
        opt payload: String = "payload", with_payload;
        /// An example of the dynamic part of the link.
        opt url_text_example: String = "urlTextExample", with_url_text_example;
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
    /// let template = MessageMatcher::new("order_ready", Channel::Whatsapp, TemplateStatus::Approved)
    ///     .with_id(7)
    ///     .with_content(
    ///         TemplateContent::text("Is your order ready?").with_keyboard(Keyboard::new([vec![
    ///             KeyboardButton::new(ButtonType::QuickReply, "Yes"),
    ///         ]])),
    ///     )
    ///     .with_updated_at(Timestamp::parse("2025-01-30T11:07:55Z")?);
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
    /// When both carry an `id`, they are the same template when the ids are the same id
    /// ([`Id::same_as`]: `7` and `"7"` are, `7` and `"07"` are not), exactly when their
    /// [`key`](Self::key)s are equal. When either lacks one (the older
    /// page's template has none), they are the same template when `name` is equal, the
    /// `channelType` is equal, and `language` is equal ignoring ASCII case (both absent
    /// counts as equal): edna names a template by these three.
    pub fn same_template(&self, other: &MessageMatcher) -> bool {
        match (&self.id, &other.id) {
            (Some(a), Some(b)) => a.same_as(b),
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
    /// let pending = MessageMatcher::new("order_ready", Channel::Whatsapp, TemplateStatus::Pending)
    ///     .with_id(7)
    ///     .with_updated_at(Timestamp::parse("2025-01-30T11:00:00Z")?);
    /// let approved = pending
    ///     .clone()
    ///     .with_status(TemplateStatus::Approved)
    ///     .with_updated_at(Timestamp::parse("2025-01-30T12:00:00Z")?);
    /// assert!(approved.supersedes(&pending));
    /// assert!(!pending.supersedes(&approved)); // the late PENDING is stale
    /// # Ok::<(), edna_callbacks::TimestampError>(())
    /// ```
    pub fn supersedes(&self, previous: &MessageMatcher) -> bool {
        self.same_template(previous)
            && later(
                (self.updated_at, &self.status),
                (previous.updated_at, &previous.status),
            )
    }

    /// What names this template, as a key: see [`TemplateKey`].
    pub fn key(&self) -> TemplateKey {
        match &self.id {
            Some(id) => TemplateKey::id(id),
            None => TemplateKey::named(
                self.channel_type.clone(),
                self.name.as_str(),
                self.language.as_deref(),
            ),
        }
    }

    /// What a handler keeps of this status to order the next one by: its key, status and
    /// `updatedAt` (see [`TemplateState`]).
    pub fn state(&self) -> TemplateState {
        TemplateState::new(self.key(), self.status.clone(), self.updated_at)
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

    /// Its template's key (see [`MessageMatcher::key`]).
    pub fn key(&self) -> TemplateKey {
        self.message_matcher.key()
    }

    /// Its template's state (see [`MessageMatcher::state`]).
    pub fn state(&self) -> TemplateState {
        self.message_matcher.state()
    }
}

/// What names a template, as a key for a map or a database row: edna's `id` when the
/// status carries one, else its channel, name and language (the older page's templates
/// have no `id`), as [`MessageMatcher::same_template`] compares them: ids as [`IdKey`]s
/// (`7` and `"7"` are one key), the language ignoring ASCII case (kept in lower case).
///
/// Made by [`MessageMatcher::key`]. `Display` writes it as text (`id:7`, `id:"tpl-1"`,
/// `name:"WHATSAPP":"order_ready":"en"`, each value a JSON value), and [`FromStr`] reads
/// that text back as the equal key. The text holds the template's name, which the business
/// chose when it made the template: never a subscriber's data.
///
/// A key is one template status's alone: a status with an `id` and one without have
/// different keys even when [`same_template`](MessageMatcher::same_template) matches
/// them by name. edna sends one form or the other, by page version; a handler that gets
/// both can look a template up by [`TemplateKey::named`] too.
///
/// ```
/// use edna_callbacks::{Channel, MessageMatcher, TemplateKey, TemplateStatus};
///
/// let template = MessageMatcher::new("order_ready", Channel::Whatsapp, TemplateStatus::Approved)
///     .with_language("EN");
/// let key = template.key();
/// assert_eq!(key, TemplateKey::named(Channel::Whatsapp, "order_ready", Some("en")));
/// assert_eq!(key.to_string(), r#"name:"WHATSAPP":"order_ready":"en""#);
/// assert_eq!(key.to_string().parse(), Ok(key));
///
/// let with_id = template.with_id("7");
/// assert_eq!(with_id.key().to_string(), "id:7");
/// # Ok::<(), edna_callbacks::KeyError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TemplateKey(KeyRepr);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum KeyRepr {
    Id(IdKey),
    Named {
        channel: Channel,
        name: String,
        language: Option<String>,
    },
}

impl TemplateKey {
    /// The key of the template edna's `id` names.
    pub fn id(id: impl Into<IdKey>) -> Self {
        Self(KeyRepr::Id(id.into()))
    }

    /// The key of a template without an `id`: its channel, name and language (compared
    /// ignoring ASCII case: kept in lower case).
    pub fn named<'a>(
        channel: Channel,
        name: impl Into<String>,
        language: impl Into<Option<&'a str>>,
    ) -> Self {
        Self(KeyRepr::Named {
            channel,
            name: name.into(),
            language: language.into().map(str::to_ascii_lowercase),
        })
    }

    /// edna's id of the template, when the key is one.
    pub fn as_id(&self) -> Option<&IdKey> {
        match &self.0 {
            KeyRepr::Id(id) => Some(id),
            KeyRepr::Named { .. } => None,
        }
    }

    /// The channel, name and language (lower case), when the key is a template without
    /// an id.
    pub fn as_named(&self) -> Option<(&Channel, &str, Option<&str>)> {
        match &self.0 {
            KeyRepr::Id(_) => None,
            KeyRepr::Named {
                channel,
                name,
                language,
            } => Some((channel, name, language.as_deref())),
        }
    }
}

impl fmt::Display for TemplateKey {
    /// `id:7`, `id:"tpl-1"`, `name:"WHATSAPP":"order_ready":"en"` (`null` for no
    /// language): each value a JSON value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            KeyRepr::Id(id) => write!(f, "id:{}", Part::Id(id.clone())),
            KeyRepr::Named {
                channel,
                name,
                language,
            } => write!(
                f,
                "name:{}:{}:{}",
                Value::from(channel.as_str()),
                Value::from(name.as_str()),
                language.as_deref().map_or(Value::Null, Value::from)
            ),
        }
    }
}

impl FromStr for TemplateKey {
    type Err = KeyError;

    /// Reads the text `Display` writes back as the equal key.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wrong = |at| KeyError::new("`id:` or `name:`", at);
        let (prefix, rest) = s.split_once(':').ok_or(wrong(0))?;
        let values = read_scalars(rest, prefix.len() + 1)?;
        let count = |n: usize| {
            if values.len() == n {
                Ok(())
            } else {
                Err(KeyError::new(
                    if n == 1 {
                        "one value after `id:`"
                    } else {
                        "three values after `name:`"
                    },
                    s.len(),
                ))
            }
        };
        match prefix {
            "id" => {
                count(1)?;
                match values.into_iter().next() {
                    Some(Scalar::Number(n)) => Ok(Self::id(IdKey::from_number(n))),
                    Some(Scalar::Text(text)) => Ok(Self::id(Id::Text(text))),
                    _ => Err(KeyError::new("an id", prefix.len() + 1)),
                }
            }
            "name" => {
                count(3)?;
                let mut values = values.into_iter();
                let (Some(Scalar::Text(channel)), Some(Scalar::Text(name)), Some(language)) =
                    (values.next(), values.next(), values.next())
                else {
                    return Err(KeyError::new(
                        "a channel and a name as JSON strings",
                        prefix.len() + 1,
                    ));
                };
                let language = match language {
                    Scalar::Null => None,
                    Scalar::Text(language) => Some(language),
                    Scalar::Number(_) => {
                        return Err(KeyError::new(
                            "a language as a JSON string or null",
                            s.len(),
                        ))
                    }
                };
                Ok(Self::named(
                    Channel::from(channel),
                    name,
                    language.as_deref(),
                ))
            }
            _ => Err(wrong(0)),
        }
    }
}

/// What a handler keeps of a template's status to order the next one by: its
/// [`TemplateKey`], its status and `updatedAt`, all from columns of its own (no need to
/// keep the whole template).
///
/// [`supersedes`](Self::supersedes) orders two states as
/// [`MessageMatcher::supersedes`] orders two templates, with the key in place of
/// [`same_template`](MessageMatcher::same_template).
///
/// ```
/// use edna_callbacks::{Channel, MessageMatcher, TemplateState, TemplateStatus, Timestamp};
///
/// // What the handler stored: three columns.
/// let (key, status, updated_at) = ("id:7", "APPROVED", 1_738_235_275_000);
/// let stored = TemplateState::new(
///     key.parse()?,
///     TemplateStatus::from(status),
///     Timestamp::from_unix_millis(updated_at),
/// );
///
/// // A status that arrives late: its updatedAt is earlier than the stored one.
/// let late = MessageMatcher::new("order_ready", Channel::Whatsapp, TemplateStatus::Pending)
///     .with_id(7)
///     .with_updated_at(Timestamp::parse("2025-01-30T11:00:00Z")?);
/// assert!(!late.state().supersedes(&stored));
///
/// let paused = late
///     .with_status(TemplateStatus::Paused)
///     .with_updated_at(Timestamp::parse("2025-01-30T12:00:00Z")?);
/// assert!(paused.state().supersedes(&stored));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TemplateState {
    /// Which template.
    pub key: TemplateKey,
    /// Its status.
    pub status: TemplateStatus,
    /// When it changed to that status (`updatedAt`; `None` when edna sent `null`).
    pub updated_at: Option<Timestamp>,
}

impl TemplateState {
    /// The state of the template `key`: `status` since `updated_at`.
    pub fn new(
        key: TemplateKey,
        status: TemplateStatus,
        updated_at: impl Into<Option<Timestamp>>,
    ) -> Self {
        Self {
            key,
            status,
            updated_at: updated_at.into(),
        }
    }

    /// Whether this state, arriving after `previous`, should replace it: never for
    /// another template (another key); else by `updatedAt`, as
    /// [`MessageMatcher::supersedes`] says (the later wins, an equal one is a repeat, one
    /// with `updatedAt` wins over one without, and without it only a different status
    /// supersedes).
    pub fn supersedes(&self, previous: &TemplateState) -> bool {
        self.key == previous.key
            && later(
                (self.updated_at, &self.status),
                (previous.updated_at, &previous.status),
            )
    }
}

/// Whether a status `(updatedAt, status)` supersedes an earlier one of the same template.
fn later(
    (new_at, new_status): (Option<Timestamp>, &TemplateStatus),
    (old_at, old_status): (Option<Timestamp>, &TemplateStatus),
) -> bool {
    match (new_at, old_at) {
        (Some(new), Some(old)) => new > old,
        (Some(_), None) => true,
        (None, _) => new_status != old_status,
    }
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

open_enum! {
    /// The moderation status of a message template (`status` of a template status callback,
    /// "message matcher"). edna's list is cut off in the crate's copy of the page, so it is
    /// open: anything else is `Unknown`.
    ///
    /// ```
    /// use edna_callbacks::TemplateStatus;
    ///
    /// assert!(TemplateStatus::from("APPROVED").can_send());
    /// assert!(!TemplateStatus::from("PAUSED").can_send());
    /// assert!(!TemplateStatus::from("IN_APPEAL").can_send());
    /// ```
    pub enum TemplateStatus {
        /// Approved: the only status in which a template can be used to send.
        Approved = "APPROVED",
        /// Rejected by the provider.
        Rejected = "REJECTED",
        /// Awaiting moderation.
        Pending = "PENDING",
        /// Not yet sent for moderation.
        NotSent = "NOT_SENT",
        /// Archived.
        Archived = "ARCHIVED",
        /// Paused (by the provider).
        Paused = "PAUSED",
        /// Disabled (by the provider).
        Disabled = "DISABLED",
    }
}

impl TemplateStatus {
    /// Whether a template in this status can be used to send a message: only `APPROVED`
    /// ("the only status in which a template can be used to send"). An `Unknown` status
    /// cannot.
    pub fn can_send(&self) -> bool {
        matches!(self, Self::Approved)
    }
}

open_enum! {
    /// The category of a message template (`category`): what WhatsApp bills it as.
    pub enum TemplateCategory {
        /// An account update (an older WhatsApp category).
        AccountUpdate = "ACCOUNT_UPDATE",
        /// Marketing.
        Marketing = "MARKETING",
        /// Utility.
        Utility = "UTILITY",
        /// Authentication (one-time passwords).
        Authentication = "AUTHENTICATION",
        /// Authorization: the spelling of the category-change event's page for
        /// authentication templates.
        Authorization = "AUTHORIZATION",
    }
}

open_enum! {
    /// Who a message template belongs to (`type` of a template).
    pub enum TemplateType {
        /// Registered with the provider (WhatsApp, Viber).
        Operator = "OPERATOR",
        /// Made by a user from an operator template.
        User = "USER",
    }
}

open_enum! {
    /// What the header of a message template holds (`content.header.headerType`).
    pub enum HeaderType {
        /// Text (`header.text`).
        Text = "TEXT",
        /// An image (`header.attachment`).
        Image = "IMAGE",
        /// A document (`header.attachment`).
        Document = "DOCUMENT",
        /// A video (`header.attachment`).
        Video = "VIDEO",
        /// A location.
        Location = "LOCATION",
    }
}

open_enum! {
    /// What a button of a message template does (`keyboard.rows[].buttons[].buttonType`).
    pub enum ButtonType {
        /// Calls `phone`.
        Phone = "PHONE",
        /// Opens `url` (with `urlPostfix` appended for a dynamic link).
        Url = "URL",
        /// Sends `payload` back as an incoming `BUTTON` message.
        QuickReply = "QUICK_REPLY",
    }
}

impl Told for MessageMatcher {
    const RULE: Rule = Rule {
        name: "a template status",
        // Not `channelType`: statuses have been seen carrying it.
        markers: &["updatedAt"],
        resembles: &[
            "name",
            "channelType",
            "language",
            "content",
            "category",
            "locked",
            "createdAt",
        ],
        first_keys: &["updatedAt"],
    };
}

impl Sealed for MessageMatcher {}

/// The key of a template status is the template (`id`, `name`, `channelType`,
/// `language`), its new `status` and `updatedAt`: a retry repeats them all, and a later
/// change of the same template has another `updatedAt`. The name is free text, so the key
/// holds its digest ([`Part::text_digest`]).
impl CallbackBody for MessageMatcher {
    const NAME: &'static str = "message-matcher";

    fn dedup_key(&self) -> DedupKey {
        DedupKey::new(
            Self::NAME,
            [
                Part::from(self.id.as_ref()),
                Part::text_digest(self.name.as_str()),
                Part::from(self.channel_type.as_str()),
                Part::from(self.language.as_deref()),
                Part::from(self.status.as_str()),
                Part::from(self.updated_at),
            ],
        )
    }

    fn party(&self) -> Option<Party<'_>> {
        None
    }

    /// `updatedAt` (`None` when it is `null`).
    fn occurred_at(&self) -> Option<Timestamp> {
        self.updated_at
    }

    fn delivery(&self) -> Option<Delivery<'_>> {
        None
    }
}

impl Told for MessageMatcherStatus {
    const RULE: Rule = Rule {
        name: "a template status object",
        markers: &["messageMatcher"],
        resembles: &["subjectIds"],
        first_keys: &["messageMatcher"],
    };
}

impl Sealed for MessageMatcherStatus {}

/// The key of the older form is its template's ([`MessageMatcher`]'s): `subjectIds` play
/// no part, so the two forms of the same status have the same key.
impl CallbackBody for MessageMatcherStatus {
    const NAME: &'static str = "message-matcher-status";

    fn dedup_key(&self) -> DedupKey {
        self.message_matcher.dedup_key()
    }

    fn party(&self) -> Option<Party<'_>> {
        None
    }

    /// The template's `updatedAt`.
    fn occurred_at(&self) -> Option<Timestamp> {
        self.message_matcher.updated_at
    }

    fn delivery(&self) -> Option<Delivery<'_>> {
        None
    }
}
