//! Every fixture of the crate, for the tests of code that handles edna callbacks (feature
//! `fixtures`).
//!
//! The golden fixtures are the example bodies of edna's pages, copied verbatim; the edge-case
//! fixtures (`edge/`) are bodies of our own that edna's pages do not show but integrations
//! meet, and bodies that must be refused (`edge/bad-*`). Each file is one constant here,
//! whose documentation names its source, and [`ALL`] lists them all with their name, the
//! kinds of callback they hold, and what [`parse_body_each`](crate::parse_body_each) gives
//! for each element.
//!
//! ```toml
//! [dev-dependencies]
//! edna-callbacks = { version = "0.1", features = ["fixtures"] }
//! ```
//!
//! ```
//! use edna_callbacks::fixtures::{self, Outcome, ALL};
//! use edna_callbacks::{parse_body, parse_body_each, CallbackKind};
//!
//! // One constant per file:
//! let callbacks = parse_body(fixtures::PULSE_STATUS_READ_EN.as_bytes())?;
//! assert_eq!(callbacks[0].kind(), CallbackKind::Status);
//!
//! // Or all of them, with what each must give:
//! for fixture in ALL {
//!     match parse_body(fixture.body.as_bytes()) {
//!         Ok(callbacks) => {
//!             let kinds: Vec<CallbackKind> = callbacks.iter().map(|c| c.kind()).collect();
//!             assert_eq!(kinds, fixture.kinds, "{}", fixture.name);
//!         }
//!         Err(error) => assert!(fixture.refused, "{}: {error}", fixture.name),
//!     }
//!     // Element by element: each good one with its kind, each bad one an error.
//!     match (parse_body_each(fixture.body.as_bytes()), fixture.each) {
//!         (Ok(each), Some(expected)) => {
//!             let got: Vec<Outcome> = each.iter().map(Outcome::of).collect();
//!             assert_eq!(got, expected, "{}", fixture.name);
//!         }
//!         (Err(_), None) => {} // not JSON, or neither an object nor an array
//!         (got, expected) => panic!("{}: {got:?}, expected {expected:?}", fixture.name),
//!     }
//! }
//! # Ok::<(), edna_callbacks::Error>(())
//! ```

use crate::callback::CallbackKind;

/// One fixture file, with what parsing it must give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fixture {
    /// The file's path below `fixtures/`: `pulse-status-read.en.json`,
    /// `edge/bad-status-at.json`.
    pub name: &'static str,
    /// The file's content, byte for byte.
    pub body: &'static str,
    /// The kind of each callback [`parse_body`](crate::parse_body) gives, in order: one
    /// for an object body, one per element for an array body. Empty for a fixture that
    /// must be refused, and for an empty array.
    pub kinds: &'static [CallbackKind],
    /// What [`parse_body_each`](crate::parse_body_each) gives for each element of the
    /// body, in order (one for an object body): a callback of its kind, or an error. So a
    /// test over [`ALL`] can say how many callbacks each body gives, and which elements
    /// fail. `None` when `parse_body_each` refuses the body as a whole (it is not JSON, or
    /// neither an object nor an array).
    pub each: Option<&'static [Outcome]>,
    /// Whether [`parse_body`](crate::parse_body) must refuse the body (the `edge/bad-*`
    /// files).
    pub refused: bool,
    /// Where the body comes from: the edna page and example for a golden fixture, the case
    /// it covers for an edge-case one.
    pub source: &'static str,
}

/// What [`parse_body_each`](crate::parse_body_each) gives for one element of a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Outcome {
    /// A callback of this kind.
    Callback(CallbackKind),
    /// An error: this element is refused (the others are not).
    Error,
}

impl Outcome {
    /// What one element [`parse_body_each`](crate::parse_body_each) gave is.
    pub fn of(element: &crate::Element<'_>) -> Outcome {
        match &element.result {
            Ok(callback) => Outcome::Callback(callback.kind()),
            Err(_) => Outcome::Error,
        }
    }
}

impl Fixture {
    /// Whether this is a golden fixture (an example copied from edna's pages) rather than an
    /// edge case of our own.
    pub fn is_golden(&self) -> bool {
        !self.name.starts_with("edge/")
    }

    /// The fixture named `name` (its path below `fixtures/`), if there is one.
    ///
    /// ```
    /// use edna_callbacks::fixtures::{Fixture, PULSE_STATUS_READ_EN};
    ///
    /// let fixture = Fixture::named("pulse-status-read.en.json").expect("a golden fixture");
    /// assert_eq!(fixture.body, PULSE_STATUS_READ_EN);
    /// assert!(fixture.is_golden());
    /// assert!(Fixture::named("missing.json").is_none());
    /// ```
    pub fn named(name: &str) -> Option<&'static Fixture> {
        ALL.iter().find(|fixture| fixture.name == name)
    }
}

/// The golden fixtures: every example body of edna's pages.
pub fn golden() -> impl Iterator<Item = &'static Fixture> {
    ALL.iter().filter(|fixture| fixture.is_golden())
}

/// The edge-case fixtures (`edge/`), including those that must be refused.
pub fn edge() -> impl Iterator<Item = &'static Fixture> {
    ALL.iter().filter(|fixture| !fixture.is_golden())
}

/// Golden fixture `fixtures/legacy-incoming.en.json`.
///
/// edna SME page "Callback Functions" (English), example 2 (section "Transmitting Messages
/// Sent by User to Client server"): an incoming WhatsApp text message.
pub const LEGACY_INCOMING_EN: &str = include_str!("../fixtures/legacy-incoming.en.json");

/// Golden fixture `fixtures/legacy-status.en.json`.
///
/// edna SME page "Callback Functions" (English), example 1 (section "Notifications about
/// Changing Message Delivery Status"): a delivery status, `dlvStatus` `read`.
pub const LEGACY_STATUS_EN: &str = include_str!("../fixtures/legacy-status.en.json");

/// Golden fixture `fixtures/pulse-calling-settings-status.format.json`.
///
/// edna Pulse page "calling-webhook-status" (WhatsApp calling): the format of the
/// calling-settings status as printed, every value a schema placeholder (`"string"`).
pub const PULSE_CALLING_SETTINGS_STATUS_FORMAT: &str =
    include_str!("../fixtures/pulse-calling-settings-status.format.json");

/// Golden fixture `fixtures/pulse-incoming-flow-form.ru.json`.
///
/// edna Pulse page "Получение сообщений" (Russian), example 7: a FLOW form reply
/// (`flow_token` and three fields), as an array of one message.
pub const PULSE_INCOMING_FLOW_FORM_RU: &str =
    include_str!("../fixtures/pulse-incoming-flow-form.ru.json");

/// Golden fixture `fixtures/pulse-incoming-flow-token.ru.json`.
///
/// edna Pulse page "Получение сообщений" (Russian), example 6: a FLOW reply holding only
/// `flow_token`, as an array of one message.
pub const PULSE_INCOMING_FLOW_TOKEN_RU: &str =
    include_str!("../fixtures/pulse-incoming-flow-token.ru.json");

/// Golden fixture `fixtures/pulse-incoming-list-picker.en.json`.
///
/// edna Pulse page "Receiving messages" (English), example 2: a reply to an interactive
/// menu (`LIST_PICKER`).
pub const PULSE_INCOMING_LIST_PICKER_EN: &str =
    include_str!("../fixtures/pulse-incoming-list-picker.en.json");

/// Golden fixture `fixtures/pulse-incoming-list-picker.ru.json`.
///
/// edna Pulse page "Получение сообщений" (Russian), example 2: a reply to an interactive
/// menu (`LIST_PICKER`).
pub const PULSE_INCOMING_LIST_PICKER_RU: &str =
    include_str!("../fixtures/pulse-incoming-list-picker.ru.json");

/// Golden fixture `fixtures/pulse-incoming-order.en.json`.
///
/// edna Pulse page "Receiving messages" (English), example 4: an incoming message of type
/// `ORDER`.
pub const PULSE_INCOMING_ORDER_EN: &str = include_str!("../fixtures/pulse-incoming-order.en.json");

/// Golden fixture `fixtures/pulse-incoming-order.ru.json`.
///
/// edna Pulse page "Получение сообщений" (Russian), example 4: an incoming message of type
/// `ORDER`.
pub const PULSE_INCOMING_ORDER_RU: &str = include_str!("../fixtures/pulse-incoming-order.ru.json");

/// Golden fixture `fixtures/pulse-incoming-product.en.json`.
///
/// edna Pulse page "Receiving messages" (English), example 3: an incoming message of type
/// `PRODUCT`.
pub const PULSE_INCOMING_PRODUCT_EN: &str =
    include_str!("../fixtures/pulse-incoming-product.en.json");

/// Golden fixture `fixtures/pulse-incoming-product.ru.json`.
///
/// edna Pulse page "Получение сообщений" (Russian), example 3: an incoming message of type
/// `PRODUCT`.
pub const PULSE_INCOMING_PRODUCT_RU: &str =
    include_str!("../fixtures/pulse-incoming-product.ru.json");

/// Golden fixture `fixtures/pulse-incoming-referral.en.json`.
///
/// edna Pulse page "Receiving messages" (English), example 5: a message with `referral` (a
/// conversation started from an ad).
pub const PULSE_INCOMING_REFERRAL_EN: &str =
    include_str!("../fixtures/pulse-incoming-referral.en.json");

/// Golden fixture `fixtures/pulse-incoming-referral.ru.json`.
///
/// edna Pulse page "Получение сообщений" (Russian), example 5: a message with `referral` (a
/// conversation started from an ad).
pub const PULSE_INCOMING_REFERRAL_RU: &str =
    include_str!("../fixtures/pulse-incoming-referral.ru.json");

/// Golden fixture `fixtures/pulse-incoming-text.en.json`.
///
/// edna Pulse page "Receiving messages" (English), example 1: a received text message.
pub const PULSE_INCOMING_TEXT_EN: &str = include_str!("../fixtures/pulse-incoming-text.en.json");

/// Golden fixture `fixtures/pulse-incoming-text.ru.json`.
///
/// edna Pulse page "Получение сообщений" (Russian), example 1: a received text message.
pub const PULSE_INCOMING_TEXT_RU: &str = include_str!("../fixtures/pulse-incoming-text.ru.json");

/// Golden fixture `fixtures/pulse-link-button-clicked.json`.
///
/// edna Pulse page "Webhook: link button clicked" (current): a `short_link_visited` event
/// with `requestId`; `shortLink` is the code.
pub const PULSE_LINK_BUTTON_CLICKED: &str =
    include_str!("../fixtures/pulse-link-button-clicked.json");

/// Golden fixture `fixtures/pulse-link-button-clicked.older.json`.
///
/// edna Pulse page "Webhook: link button clicked" (older): a `short_link_visited` event
/// without `requestId`; `shortLink` is a full URL.
pub const PULSE_LINK_BUTTON_CLICKED_OLDER: &str =
    include_str!("../fixtures/pulse-link-button-clicked.older.json");

/// Golden fixture `fixtures/pulse-status-delivered-message-id.json`.
///
/// edna Pulse page "Webhook: message statuses" (newer): status `DELIVERED` with a numeric
/// `messageId` and `paymentData.type`.
pub const PULSE_STATUS_DELIVERED_MESSAGE_ID: &str =
    include_str!("../fixtures/pulse-status-delivered-message-id.json");

/// Golden fixture `fixtures/pulse-status-read.en.json`.
///
/// edna Pulse page "Receiving Message Statuses" (English), example 1: status `READ` with
/// WhatsApp `paymentData` (the page cuts the example off; the missing braces are added, see
/// `fixtures/README.md`).
pub const PULSE_STATUS_READ_EN: &str = include_str!("../fixtures/pulse-status-read.en.json");

/// Golden fixture `fixtures/pulse-template-category-changed.json`.
///
/// edna Pulse page "Webhook: template category changed" (current): a
/// `message_matcher.category_changed` event, `timestamp` with 9 fractional digits.
pub const PULSE_TEMPLATE_CATEGORY_CHANGED: &str =
    include_str!("../fixtures/pulse-template-category-changed.json");

/// Golden fixture `fixtures/pulse-template-category-changed.older.json`.
///
/// edna Pulse page "Webhook: template category changed" (older): the same event without
/// `version`.
pub const PULSE_TEMPLATE_CATEGORY_CHANGED_OLDER: &str =
    include_str!("../fixtures/pulse-template-category-changed.older.json");

/// Golden fixture `fixtures/pulse-template-status.array.json`.
///
/// edna Pulse page "Webhook: template statuses" (current): a JSON array of one template,
/// values as schema placeholders.
pub const PULSE_TEMPLATE_STATUS_ARRAY: &str =
    include_str!("../fixtures/pulse-template-status.array.json");

/// Golden fixture `fixtures/pulse-template-status.message-matcher.json`.
///
/// edna Pulse page "Webhook: template statuses" (older): one object `{messageMatcher,
/// subjectIds}`.
pub const PULSE_TEMPLATE_STATUS_MESSAGE_MATCHER: &str =
    include_str!("../fixtures/pulse-template-status.message-matcher.json");

/// Edge-case fixture `fixtures/edge/array-status-and-one-without-status-at.json`.
///
/// An array body of a status and an object without `statusAt`: the status is read, the
/// other object is of no kind this version knows (`Unknown`, kept whole).
pub const EDGE_ARRAY_STATUS_AND_ONE_WITHOUT_STATUS_AT: &str =
    include_str!("../fixtures/edge/array-status-and-one-without-status-at.json");

/// Edge-case fixture `fixtures/edge/array-status-and-unknown-element.json`.
///
/// An array body of a status and an object of no kind (`{"hello":"world"}`): both are read,
/// the second as `Unknown`, kept whole.
pub const EDGE_ARRAY_STATUS_AND_UNKNOWN_ELEMENT: &str =
    include_str!("../fixtures/edge/array-status-and-unknown-element.json");

/// Edge-case fixture `fixtures/edge/array-statuses-and-chat-center-init-chat.json`.
///
/// An array of two statuses with edna Chat Center's `INIT_CHAT` between them: the statuses
/// are read, `INIT_CHAT` is `Unknown`.
pub const EDGE_ARRAY_STATUSES_AND_CHAT_CENTER_INIT_CHAT: &str =
    include_str!("../fixtures/edge/array-statuses-and-chat-center-init-chat.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-array-received-at.json`.
///
/// An array of FLOW messages whose second `receivedAt` has hour 25: refused at
/// `[1].receivedAt`.
pub const EDGE_BAD_ARRAY_RECEIVED_AT: &str =
    include_str!("../fixtures/edge/bad-array-received-at.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-duplicate-escaped-key.json`.
///
/// A key given twice, once spelled with a `\u` escape (`te\u0078t` is `text`): refused.
pub const EDGE_BAD_DUPLICATE_ESCAPED_KEY: &str =
    include_str!("../fixtures/edge/bad-duplicate-escaped-key.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-duplicate-key.json`.
///
/// A documented key (`status`) given twice: refused rather than keeping either value.
pub const EDGE_BAD_DUPLICATE_KEY: &str = include_str!("../fixtures/edge/bad-duplicate-key.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-duplicate-nested-key.json`.
///
/// A key given twice inside a nested object (`subscriber.id`): refused.
pub const EDGE_BAD_DUPLICATE_NESTED_KEY: &str =
    include_str!("../fixtures/edge/bad-duplicate-nested-key.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-duplicate-unknown-key.json`.
///
/// An undocumented key (`channel`) given twice: refused, as documented keys are.
pub const EDGE_BAD_DUPLICATE_UNKNOWN_KEY: &str =
    include_str!("../fixtures/edge/bad-duplicate-unknown-key.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-empty-body.json`.
///
/// An empty body: not JSON, refused.
pub const EDGE_BAD_EMPTY_BODY: &str = include_str!("../fixtures/edge/bad-empty-body.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-id-too-large.json`.
///
/// An integer `id` past 64 bits (neither `i64` nor `u64` holds it): refused.
pub const EDGE_BAD_ID_TOO_LARGE: &str = include_str!("../fixtures/edge/bad-id-too-large.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-legacy-dlv-status-at.json`.
///
/// A legacy `dlvStatusAt` with a space instead of `T`: refused.
pub const EDGE_BAD_LEGACY_DLV_STATUS_AT: &str =
    include_str!("../fixtures/edge/bad-legacy-dlv-status-at.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-missing-content-type.json`.
///
/// An incoming message whose `messageContent` has no `type`: refused.
pub const EDGE_BAD_MISSING_CONTENT_TYPE: &str =
    include_str!("../fixtures/edge/bad-missing-content-type.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-missing-legacy-id.json`.
///
/// A legacy incoming message without its required `id`: refused.
pub const EDGE_BAD_MISSING_LEGACY_ID: &str =
    include_str!("../fixtures/edge/bad-missing-legacy-id.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-missing-received-at.json`.
///
/// An incoming message without its required `receivedAt`: refused.
pub const EDGE_BAD_MISSING_RECEIVED_AT: &str =
    include_str!("../fixtures/edge/bad-missing-received-at.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-nested-array.json`.
///
/// An array inside the array body: refused (a body is one callback or an array of
/// callbacks).
pub const EDGE_BAD_NESTED_ARRAY: &str = include_str!("../fixtures/edge/bad-nested-array.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-not-json.json`.
///
/// A body cut off after a comma: not JSON, refused.
pub const EDGE_BAD_NOT_JSON: &str = include_str!("../fixtures/edge/bad-not-json.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-scalar-body.json`.
///
/// A body that is a JSON string: refused.
pub const EDGE_BAD_SCALAR_BODY: &str = include_str!("../fixtures/edge/bad-scalar-body.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-status-at-no-offset.json`.
///
/// A `statusAt` without an offset: refused (the instant would be ambiguous).
pub const EDGE_BAD_STATUS_AT_NO_OFFSET: &str =
    include_str!("../fixtures/edge/bad-status-at-no-offset.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-status-at-ten-fraction-digits.json`.
///
/// A `statusAt` with ten fractional digits: refused.
pub const EDGE_BAD_STATUS_AT_TEN_FRACTION_DIGITS: &str =
    include_str!("../fixtures/edge/bad-status-at-ten-fraction-digits.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-status-at-unix-number.json`.
///
/// A `statusAt` given as a Unix time number: refused.
pub const EDGE_BAD_STATUS_AT_UNIX_NUMBER: &str =
    include_str!("../fixtures/edge/bad-status-at-unix-number.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-status-at.json`.
///
/// A `statusAt` in the `31.10.2023 11:07:56` form: refused.
pub const EDGE_BAD_STATUS_AT: &str = include_str!("../fixtures/edge/bad-status-at.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-status-dangling-comma.json`.
///
/// The golden status example with a trailing comma inside `paymentData`: not JSON, refused.
pub const EDGE_BAD_STATUS_DANGLING_COMMA: &str =
    include_str!("../fixtures/edge/bad-status-dangling-comma.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-status-not-string.json`.
///
/// A `status` given as a number: refused.
pub const EDGE_BAD_STATUS_NOT_STRING: &str =
    include_str!("../fixtures/edge/bad-status-not-string.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-status-null.json`.
///
/// A `status` given as `null`: refused (it is required).
pub const EDGE_BAD_STATUS_NULL: &str = include_str!("../fixtures/edge/bad-status-null.json");

/// Edge-case fixture that must be refused `fixtures/edge/bad-unknown-kind.json`.
///
/// An object whose `timestamp` marks an event envelope, without the envelope's `type`:
/// refused.
pub const EDGE_BAD_UNKNOWN_KIND: &str = include_str!("../fixtures/edge/bad-unknown-kind.json");

/// Edge-case fixture `fixtures/edge/calling-settings-status.json`.
///
/// A WhatsApp calling-settings status with the values of edna's example (`SUCCESS`,
/// `ENABLED`, `DEFAULT`, `America/Manaus`, `"1030"`/`"1900"` every day, a holiday on
/// `2026-01-01`), one SIP server and `DTLS`.
pub const EDGE_CALLING_SETTINGS_STATUS: &str =
    include_str!("../fixtures/edge/calling-settings-status.json");

/// Edge-case fixture `fixtures/edge/empty-array.json`.
///
/// An empty array body: accepted, no callbacks.
pub const EDGE_EMPTY_ARRAY: &str = include_str!("../fixtures/edge/empty-array.json");

/// Edge-case fixture `fixtures/edge/event-unknown-type-null-payload.json`.
///
/// An event envelope of a type the crate does not know with `"payload": null`: kept whole.
pub const EDGE_EVENT_UNKNOWN_TYPE_NULL_PAYLOAD: &str =
    include_str!("../fixtures/edge/event-unknown-type-null-payload.json");

/// Edge-case fixture `fixtures/edge/event-unknown-type.json`.
///
/// Edge case: an event envelope of a type the crate does not know, kept whole.
pub const EDGE_EVENT_UNKNOWN_TYPE: &str = include_str!("../fixtures/edge/event-unknown-type.json");

/// Edge-case fixture `fixtures/edge/incoming-audio.json`.
///
/// A Pulse `AUDIO` message with its `attachment` (`url`, `name`, and `size` as a string, as
/// documented) and no caption.
pub const EDGE_INCOMING_AUDIO: &str = include_str!("../fixtures/edge/incoming-audio.json");

/// Edge-case fixture `fixtures/edge/incoming-button.json`.
///
/// A Pulse `BUTTON` reply: `payload` holds the code of the HSM template button the user
/// tapped, and the reply quotes the template message (`replyOutMessageId`,
/// `replyOutMessageExternalRequestId`).
pub const EDGE_INCOMING_BUTTON: &str = include_str!("../fixtures/edge/incoming-button.json");

/// Edge-case fixture `fixtures/edge/incoming-contact.json`.
///
/// A shared contact card (`contact` with `firstName`, `lastName`, `phoneNumber`); content
/// type `CONTACT`, which edna does not list.
pub const EDGE_INCOMING_CONTACT: &str = include_str!("../fixtures/edge/incoming-contact.json");

/// Edge-case fixture `fixtures/edge/incoming-coordinates.json`.
///
/// Locations with coordinates as numbers, as strings, and as strings with spaces; content
/// type `LOCATION`, which edna does not list.
pub const EDGE_INCOMING_COORDINATES: &str =
    include_str!("../fixtures/edge/incoming-coordinates.json");

/// Edge-case fixture `fixtures/edge/incoming-document.json`.
///
/// A Pulse `DOCUMENT` message with its `attachment` (`url`, `name`, `size`) and a
/// `caption`.
pub const EDGE_INCOMING_DOCUMENT: &str = include_str!("../fixtures/edge/incoming-document.json");

/// Edge-case fixture `fixtures/edge/incoming-escapes.json`.
///
/// Keys and text written with JSON escapes (`\u0078`, surrogate pairs, `\/`), and an
/// unknown key with a space in it.
pub const EDGE_INCOMING_ESCAPES: &str = include_str!("../fixtures/edge/incoming-escapes.json");

/// Edge-case fixture `fixtures/edge/incoming-flow-not-json.json`.
///
/// A FLOW message whose text is not JSON: the message parses, only `flow_reply` fails.
pub const EDGE_INCOMING_FLOW_NOT_JSON: &str =
    include_str!("../fixtures/edge/incoming-flow-not-json.json");

/// Edge-case fixture `fixtures/edge/incoming-flow-odd-texts.json`.
///
/// FLOW texts that are an array, `null`, a non-string `flow_token`, a TEXT message holding
/// JSON, and nested values.
pub const EDGE_INCOMING_FLOW_ODD_TEXTS: &str =
    include_str!("../fixtures/edge/incoming-flow-odd-texts.json");

/// Edge-case fixture `fixtures/edge/incoming-ids-as-numbers.json`.
///
/// Ids given as numbers where strings are documented (`identifier` `2`, `catalogId`,
/// `replyOutMessageExternalRequestId`), and `quantity` and `price` as strings.
pub const EDGE_INCOMING_IDS_AS_NUMBERS: &str =
    include_str!("../fixtures/edge/incoming-ids-as-numbers.json");

/// Edge-case fixture `fixtures/edge/incoming-ids-as-strings.json`.
///
/// Ids edna documents as numbers sent as strings (`id`, `subjectId`, `"007"`, a UUID
/// `replyOutMessageExternalRequestId`).
pub const EDGE_INCOMING_IDS_AS_STRINGS: &str =
    include_str!("../fixtures/edge/incoming-ids-as-strings.json");

/// Edge-case fixture `fixtures/edge/incoming-image.json`.
///
/// A Pulse `IMAGE` message with its `attachment` (`url`, `name`, `size`) and a `caption`.
pub const EDGE_INCOMING_IMAGE: &str = include_str!("../fixtures/edge/incoming-image.json");

/// Edge-case fixture `fixtures/edge/incoming-item-identifier-boolean.json`.
///
/// A `LIST_PICKER` item whose optional `identifier` is a boolean: the message is read, the
/// value kept as it came (`odd-value` at `messageContent.items[0].identifier`).
pub const EDGE_INCOMING_ITEM_IDENTIFIER_BOOLEAN: &str =
    include_str!("../fixtures/edge/incoming-item-identifier-boolean.json");

/// Edge-case fixture `fixtures/edge/incoming-items-not-array.json`.
///
/// `messageContent.items` given as an object instead of an array: the message is read,
/// `items` kept as it came.
pub const EDGE_INCOMING_ITEMS_NOT_ARRAY: &str =
    include_str!("../fixtures/edge/incoming-items-not-array.json");

/// Edge-case fixture `fixtures/edge/incoming-location.json`.
///
/// A shared location (`location` with `latitude` and `longitude` as numbers and an
/// `address`); content type `LOCATION`, which edna does not list.
pub const EDGE_INCOMING_LOCATION: &str = include_str!("../fixtures/edge/incoming-location.json");

/// Edge-case fixture `fixtures/edge/incoming-max-id-and-phone.json`.
///
/// A MAX message whose `subscriber.identifiers` lists a linked `PHONE` before the 10-digit
/// `MAX_ID`.
pub const EDGE_INCOMING_MAX_ID_AND_PHONE: &str =
    include_str!("../fixtures/edge/incoming-max-id-and-phone.json");

/// Edge-case fixture `fixtures/edge/incoming-max-id.json`.
///
/// A MAX Bot client's first message (`CONVERSATION_STARTED`, `/start`) whose
/// `subscriber.identifiers` lists only its `MAX_ID`, a 9-digit MAX id that is not a phone
/// number; `userInfo`, `lastMessage` and `callPermissionReply` `null`.
pub const EDGE_INCOMING_MAX_ID: &str = include_str!("../fixtures/edge/incoming-max-id.json");

/// Edge-case fixture `fixtures/edge/incoming-no-subscriber.json`.
///
/// A Pulse `TEXT` message without `subscriber`: edna's pages show it in every example and
/// do not say when it is left out; it reads as `None`.
pub const EDGE_INCOMING_NO_SUBSCRIBER: &str =
    include_str!("../fixtures/edge/incoming-no-subscriber.json");

/// Edge-case fixture `fixtures/edge/incoming-order-quantity-boolean.json`.
///
/// An order line whose `quantity` is a boolean: the message is read, the value kept as it
/// came.
pub const EDGE_INCOMING_ORDER_QUANTITY_BOOLEAN: &str =
    include_str!("../fixtures/edge/incoming-order-quantity-boolean.json");

/// Edge-case fixture `fixtures/edge/incoming-second-item-identifier-float.json`.
///
/// A second `LIST_PICKER` item whose `identifier` is a fraction (`1.5`): the message is
/// read, the value kept as it came at `items[1]`.
pub const EDGE_INCOMING_SECOND_ITEM_IDENTIFIER_FLOAT: &str =
    include_str!("../fixtures/edge/incoming-second-item-identifier-float.json");

/// Edge-case fixture `fixtures/edge/incoming-shared-keys-first.json`.
///
/// An incoming message whose keys shared by several kinds (`receivedAt`, `subjectId`,
/// `subject`, `id`) come before `messageContent`.
pub const EDGE_INCOMING_SHARED_KEYS_FIRST: &str =
    include_str!("../fixtures/edge/incoming-shared-keys-first.json");

/// Edge-case fixture `fixtures/edge/incoming-subscriber-not-object.json`.
///
/// `subscriber` given as a string: the message is read, `subscriber` kept as it came (no
/// party).
pub const EDGE_INCOMING_SUBSCRIBER_NOT_OBJECT: &str =
    include_str!("../fixtures/edge/incoming-subscriber-not-object.json");

/// Edge-case fixture `fixtures/edge/incoming-unknown-content-type.json`.
///
/// An unknown content type (`Sticker_Animated`) from an unknown channel: kept as `Unknown`.
pub const EDGE_INCOMING_UNKNOWN_CONTENT_TYPE: &str =
    include_str!("../fixtures/edge/incoming-unknown-content-type.json");

/// Edge-case fixture `fixtures/edge/incoming-unknown-fields.json`.
///
/// Undocumented fields at every level of an incoming message: kept in each `extra`.
pub const EDGE_INCOMING_UNKNOWN_FIELDS: &str =
    include_str!("../fixtures/edge/incoming-unknown-fields.json");

/// Edge-case fixture `fixtures/edge/incoming-video.json`.
///
/// A Pulse `VIDEO` message with its `attachment` (`url`, `name`, `size`) and a `caption`.
pub const EDGE_INCOMING_VIDEO: &str = include_str!("../fixtures/edge/incoming-video.json");

/// Edge-case fixture `fixtures/edge/incoming-whatsapp-bsuid.json`.
///
/// A WhatsApp message from a user identified by a BSUID (`US.13491208655302741918`) instead
/// of a phone number.
pub const EDGE_INCOMING_WHATSAPP_BSUID: &str =
    include_str!("../fixtures/edge/incoming-whatsapp-bsuid.json");

/// Edge-case fixture `fixtures/edge/legacy-incoming-channels.json`.
///
/// Legacy incoming messages from Viber and an unknown channel, with a `button` payload,
/// numeric ids and odd `historyMessages`.
pub const EDGE_LEGACY_INCOMING_CHANNELS: &str =
    include_str!("../fixtures/edge/legacy-incoming-channels.json");

/// Edge-case fixture `fixtures/edge/legacy-incoming-location.json`.
///
/// A legacy incoming location with coordinates as strings and `imSubjectId`.
pub const EDGE_LEGACY_INCOMING_LOCATION: &str =
    include_str!("../fixtures/edge/legacy-incoming-location.json");

/// Edge-case fixture `fixtures/edge/legacy-status-sms.json`.
///
/// A legacy SMS API status: `smsOutMessageId` instead of `imOutMessageId`, with
/// `dlvStatus`, `dlvStatusAt` and `dlvError`.
pub const EDGE_LEGACY_STATUS_SMS: &str = include_str!("../fixtures/edge/legacy-status-sms.json");

/// Edge-case fixture `fixtures/edge/legacy-status-variants.json`.
///
/// Legacy statuses with numeric ids, `no-match-template`, unknown statuses and error codes,
/// and `reserveSms` as a string and an object.
pub const EDGE_LEGACY_STATUS_VARIANTS: &str =
    include_str!("../fixtures/edge/legacy-status-variants.json");

/// Edge-case fixture `fixtures/edge/mixed-all-webhooks.json`.
///
/// Edge case: one array holding every webhook kind edna can send to one URL, in order.
pub const EDGE_MIXED_ALL_WEBHOOKS: &str = include_str!("../fixtures/edge/mixed-all-webhooks.json");

/// Edge-case fixture `fixtures/edge/mixed-kinds.json`.
///
/// One array holding all four kinds: legacy status, Pulse status, legacy incoming, Pulse
/// incoming.
pub const EDGE_MIXED_KINDS: &str = include_str!("../fixtures/edge/mixed-kinds.json");

/// Edge-case fixture `fixtures/edge/status-cascade-viber-sms.json`.
///
/// A cascade under one `requestId`: the Viber stage `SENT`, `UNDELIVERED`, then the SMS
/// stage `SENT`, `DELIVERED` (`cascadeStageUUID` tells the stages apart).
pub const EDGE_STATUS_CASCADE_VIBER_SMS: &str =
    include_str!("../fixtures/edge/status-cascade-viber-sms.json");

/// Edge-case fixture `fixtures/edge/status-comment-number.json`.
///
/// A status whose `comment` is the number `42`: the status is read, `comment` kept as it
/// came.
pub const EDGE_STATUS_COMMENT_NUMBER: &str =
    include_str!("../fixtures/edge/status-comment-number.json");

/// Edge-case fixture `fixtures/edge/status-failed-without-ids.json`.
///
/// Two `FAILED` statuses of different messages, both `"requestId": null` without
/// `messageId` (edna's own example form): two deliveries, two keys.
pub const EDGE_STATUS_FAILED_WITHOUT_IDS: &str =
    include_str!("../fixtures/edge/status-failed-without-ids.json");

/// Edge-case fixture `fixtures/edge/status-key-order.json`.
///
/// A status whose keys come in reverse order, `@type` last in `paymentData`, an unknown
/// field first.
pub const EDGE_STATUS_KEY_ORDER: &str = include_str!("../fixtures/edge/status-key-order.json");

/// Edge-case fixture `fixtures/edge/status-odd-timestamps.json`.
///
/// Every timestamp spelling the crate accepts: `Z`/`z`, `+03:00`, `+0300`, 0 to 9
/// fractional digits, spaces after colons.
pub const EDGE_STATUS_ODD_TIMESTAMPS: &str =
    include_str!("../fixtures/edge/status-odd-timestamps.json");

/// Edge-case fixture `fixtures/edge/status-payment-chargeable-yes.json`.
///
/// WhatsApp `paymentData` whose `chargeable` is the string `"yes"`: the status is read,
/// `chargeable` kept as it came.
pub const EDGE_STATUS_PAYMENT_CHARGEABLE_YES: &str =
    include_str!("../fixtures/edge/status-payment-chargeable-yes.json");

/// Edge-case fixture `fixtures/edge/status-payment-data-absent-null-empty.json`.
///
/// `paymentData` absent, `null`, and `{}`.
pub const EDGE_STATUS_PAYMENT_DATA_ABSENT_NULL_EMPTY: &str =
    include_str!("../fixtures/edge/status-payment-data-absent-null-empty.json");

/// Edge-case fixture `fixtures/edge/status-payment-data-not-object.json`.
///
/// `paymentData` given as a string: the status is read, `paymentData` kept as it came.
pub const EDGE_STATUS_PAYMENT_DATA_NOT_OBJECT: &str =
    include_str!("../fixtures/edge/status-payment-data-not-object.json");

/// Edge-case fixture `fixtures/edge/status-payment-data-unknown-type.json`.
///
/// `paymentData` of an unknown `@type`: kept whole, a wrongly typed `chargeable` included.
pub const EDGE_STATUS_PAYMENT_DATA_UNKNOWN_TYPE: &str =
    include_str!("../fixtures/edge/status-payment-data-unknown-type.json");

/// Edge-case fixture `fixtures/edge/status-unknown-fields.json`.
///
/// Undocumented fields in a status and in its `paymentData`: kept in `extra`.
pub const EDGE_STATUS_UNKNOWN_FIELDS: &str =
    include_str!("../fixtures/edge/status-unknown-fields.json");

/// Edge-case fixture `fixtures/edge/status-unknown-values.json`.
///
/// An unknown status, error code, conversation type and payment type; `requestId` `null`
/// with a `messageId`.
pub const EDGE_STATUS_UNKNOWN_VALUES: &str =
    include_str!("../fixtures/edge/status-unknown-values.json");

/// Edge-case fixture `fixtures/edge/status-without-status-at.json`.
///
/// A body like a status (`requestId`, `status`) without `statusAt`: of no kind this version
/// knows (`Unknown`, kept whole), not a broken status.
pub const EDGE_STATUS_WITHOUT_STATUS_AT: &str =
    include_str!("../fixtures/edge/status-without-status-at.json");

/// Edge-case fixture `fixtures/edge/template-status-empty-keyboard.json`.
///
/// Edge case: a template status without buttons, with the empty keyboard edna sends.
pub const EDGE_TEMPLATE_STATUS_EMPTY_KEYBOARD: &str =
    include_str!("../fixtures/edge/template-status-empty-keyboard.json");

/// Edge-case fixture `fixtures/edge/template-status-max-bot.json`.
///
/// A template status of a `MAX_BOT` template.
pub const EDGE_TEMPLATE_STATUS_MAX_BOT: &str =
    include_str!("../fixtures/edge/template-status-max-bot.json");

/// Edge-case fixture `fixtures/edge/template-status-message-matcher-unknown-fields.json`.
///
/// Edge case: the older template status object with fields the crate does not know, kept.
pub const EDGE_TEMPLATE_STATUS_MESSAGE_MATCHER_UNKNOWN_FIELDS: &str =
    include_str!("../fixtures/edge/template-status-message-matcher-unknown-fields.json");

/// Edge-case fixture `fixtures/edge/template-status-unknown-values.json`.
///
/// Edge case: a template status with a status, category and button type the crate does not
/// know, kept.
pub const EDGE_TEMPLATE_STATUS_UNKNOWN_VALUES: &str =
    include_str!("../fixtures/edge/template-status-unknown-values.json");

/// Edge-case fixture `fixtures/edge/unknown-chat-center-init-chat.json`.
///
/// edna Chat Center's `INIT_CHAT` bot webhook, of no Pulse kind: `Unknown`, kept whole.
pub const EDGE_UNKNOWN_CHAT_CENTER_INIT_CHAT: &str =
    include_str!("../fixtures/edge/unknown-chat-center-init-chat.json");

/// The fixture `fixtures/edge/array-status-and-one-without-status-at.json`, under its earlier name: it used to be refused,
/// and is now read (nothing edna sends is refused for an odd optional detail).
#[deprecated(note = "now read, not refused: use `EDGE_ARRAY_STATUS_AND_ONE_WITHOUT_STATUS_AT`")]
pub const EDGE_BAD_ARRAY_MISSING_FIELD: &str = EDGE_ARRAY_STATUS_AND_ONE_WITHOUT_STATUS_AT;

/// The fixture `fixtures/edge/array-status-and-unknown-element.json`, under its earlier name: it used to be refused,
/// and is now read (nothing edna sends is refused for an odd optional detail).
#[deprecated(note = "now read, not refused: use `EDGE_ARRAY_STATUS_AND_UNKNOWN_ELEMENT`")]
pub const EDGE_BAD_ARRAY_UNKNOWN_ELEMENT: &str = EDGE_ARRAY_STATUS_AND_UNKNOWN_ELEMENT;

/// The fixture `fixtures/edge/incoming-items-not-array.json`, under its earlier name: it used to be refused,
/// and is now read (nothing edna sends is refused for an odd optional detail).
#[deprecated(note = "now read, not refused: use `EDGE_INCOMING_ITEMS_NOT_ARRAY`")]
pub const EDGE_BAD_ITEMS_NOT_ARRAY: &str = EDGE_INCOMING_ITEMS_NOT_ARRAY;

/// The fixture `fixtures/edge/incoming-item-identifier-boolean.json`, under its earlier name: it used to be refused,
/// and is now read (nothing edna sends is refused for an odd optional detail).
#[deprecated(note = "now read, not refused: use `EDGE_INCOMING_ITEM_IDENTIFIER_BOOLEAN`")]
pub const EDGE_BAD_ITEM_IDENTIFIER: &str = EDGE_INCOMING_ITEM_IDENTIFIER_BOOLEAN;

/// The fixture `fixtures/edge/status-without-status-at.json`, under its earlier name: it used to be refused,
/// and is now read (nothing edna sends is refused for an odd optional detail).
#[deprecated(note = "now read, not refused: use `EDGE_STATUS_WITHOUT_STATUS_AT`")]
pub const EDGE_BAD_MISSING_STATUS_AT: &str = EDGE_STATUS_WITHOUT_STATUS_AT;

/// The fixture `fixtures/edge/incoming-order-quantity-boolean.json`, under its earlier name: it used to be refused,
/// and is now read (nothing edna sends is refused for an odd optional detail).
#[deprecated(note = "now read, not refused: use `EDGE_INCOMING_ORDER_QUANTITY_BOOLEAN`")]
pub const EDGE_BAD_ORDER_QUANTITY: &str = EDGE_INCOMING_ORDER_QUANTITY_BOOLEAN;

/// The fixture `fixtures/edge/status-payment-chargeable-yes.json`, under its earlier name: it used to be refused,
/// and is now read (nothing edna sends is refused for an odd optional detail).
#[deprecated(note = "now read, not refused: use `EDGE_STATUS_PAYMENT_CHARGEABLE_YES`")]
pub const EDGE_BAD_PAYMENT_CHARGEABLE: &str = EDGE_STATUS_PAYMENT_CHARGEABLE_YES;

/// The fixture `fixtures/edge/status-payment-data-not-object.json`, under its earlier name: it used to be refused,
/// and is now read (nothing edna sends is refused for an odd optional detail).
#[deprecated(note = "now read, not refused: use `EDGE_STATUS_PAYMENT_DATA_NOT_OBJECT`")]
pub const EDGE_BAD_PAYMENT_DATA_NOT_OBJECT: &str = EDGE_STATUS_PAYMENT_DATA_NOT_OBJECT;

/// The fixture `fixtures/edge/incoming-second-item-identifier-float.json`, under its earlier name: it used to be refused,
/// and is now read (nothing edna sends is refused for an odd optional detail).
#[deprecated(note = "now read, not refused: use `EDGE_INCOMING_SECOND_ITEM_IDENTIFIER_FLOAT`")]
pub const EDGE_BAD_SECOND_ITEM_IDENTIFIER: &str = EDGE_INCOMING_SECOND_ITEM_IDENTIFIER_FLOAT;

/// The fixture `fixtures/edge/incoming-subscriber-not-object.json`, under its earlier name: it used to be refused,
/// and is now read (nothing edna sends is refused for an odd optional detail).
#[deprecated(note = "now read, not refused: use `EDGE_INCOMING_SUBSCRIBER_NOT_OBJECT`")]
pub const EDGE_BAD_SUBSCRIBER_NOT_OBJECT: &str = EDGE_INCOMING_SUBSCRIBER_NOT_OBJECT;

/// Every fixture: the golden ones first, then `edge/`, each in name order.
pub const ALL: &[Fixture] = &[
    Fixture {
        name: "legacy-incoming.en.json",
        body: LEGACY_INCOMING_EN,
        kinds: &[CallbackKind::LegacyIncoming],
        each: Some(&[Outcome::Callback(CallbackKind::LegacyIncoming)]),
        refused: false,
        source: "edna SME page \"Callback Functions\" (English), example 2 (section \"Transmitting Messages Sent by User to Client server\"): an incoming WhatsApp text message.",
    },
    Fixture {
        name: "legacy-status.en.json",
        body: LEGACY_STATUS_EN,
        kinds: &[CallbackKind::LegacyStatus],
        each: Some(&[Outcome::Callback(CallbackKind::LegacyStatus)]),
        refused: false,
        source: "edna SME page \"Callback Functions\" (English), example 1 (section \"Notifications about Changing Message Delivery Status\"): a delivery status, `dlvStatus` `read`.",
    },
    Fixture {
        name: "pulse-calling-settings-status.format.json",
        body: PULSE_CALLING_SETTINGS_STATUS_FORMAT,
        kinds: &[CallbackKind::CallingSettingsStatus],
        each: Some(&[Outcome::Callback(CallbackKind::CallingSettingsStatus)]),
        refused: false,
        source: "edna Pulse page \"calling-webhook-status\" (WhatsApp calling): the format of the calling-settings status as printed, every value a schema placeholder (`\"string\"`).",
    },
    Fixture {
        name: "pulse-incoming-flow-form.ru.json",
        body: PULSE_INCOMING_FLOW_FORM_RU,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Получение сообщений\" (Russian), example 7: a FLOW form reply (`flow_token` and three fields), as an array of one message.",
    },
    Fixture {
        name: "pulse-incoming-flow-token.ru.json",
        body: PULSE_INCOMING_FLOW_TOKEN_RU,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Получение сообщений\" (Russian), example 6: a FLOW reply holding only `flow_token`, as an array of one message.",
    },
    Fixture {
        name: "pulse-incoming-list-picker.en.json",
        body: PULSE_INCOMING_LIST_PICKER_EN,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Receiving messages\" (English), example 2: a reply to an interactive menu (`LIST_PICKER`).",
    },
    Fixture {
        name: "pulse-incoming-list-picker.ru.json",
        body: PULSE_INCOMING_LIST_PICKER_RU,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Получение сообщений\" (Russian), example 2: a reply to an interactive menu (`LIST_PICKER`).",
    },
    Fixture {
        name: "pulse-incoming-order.en.json",
        body: PULSE_INCOMING_ORDER_EN,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Receiving messages\" (English), example 4: an incoming message of type `ORDER`.",
    },
    Fixture {
        name: "pulse-incoming-order.ru.json",
        body: PULSE_INCOMING_ORDER_RU,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Получение сообщений\" (Russian), example 4: an incoming message of type `ORDER`.",
    },
    Fixture {
        name: "pulse-incoming-product.en.json",
        body: PULSE_INCOMING_PRODUCT_EN,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Receiving messages\" (English), example 3: an incoming message of type `PRODUCT`.",
    },
    Fixture {
        name: "pulse-incoming-product.ru.json",
        body: PULSE_INCOMING_PRODUCT_RU,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Получение сообщений\" (Russian), example 3: an incoming message of type `PRODUCT`.",
    },
    Fixture {
        name: "pulse-incoming-referral.en.json",
        body: PULSE_INCOMING_REFERRAL_EN,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Receiving messages\" (English), example 5: a message with `referral` (a conversation started from an ad).",
    },
    Fixture {
        name: "pulse-incoming-referral.ru.json",
        body: PULSE_INCOMING_REFERRAL_RU,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Получение сообщений\" (Russian), example 5: a message with `referral` (a conversation started from an ad).",
    },
    Fixture {
        name: "pulse-incoming-text.en.json",
        body: PULSE_INCOMING_TEXT_EN,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Receiving messages\" (English), example 1: a received text message.",
    },
    Fixture {
        name: "pulse-incoming-text.ru.json",
        body: PULSE_INCOMING_TEXT_RU,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "edna Pulse page \"Получение сообщений\" (Russian), example 1: a received text message.",
    },
    Fixture {
        name: "pulse-link-button-clicked.json",
        body: PULSE_LINK_BUTTON_CLICKED,
        kinds: &[CallbackKind::ShortLinkVisited],
        each: Some(&[Outcome::Callback(CallbackKind::ShortLinkVisited)]),
        refused: false,
        source: "edna Pulse page \"Webhook: link button clicked\" (current): a `short_link_visited` event with `requestId`; `shortLink` is the code.",
    },
    Fixture {
        name: "pulse-link-button-clicked.older.json",
        body: PULSE_LINK_BUTTON_CLICKED_OLDER,
        kinds: &[CallbackKind::ShortLinkVisited],
        each: Some(&[Outcome::Callback(CallbackKind::ShortLinkVisited)]),
        refused: false,
        source: "edna Pulse page \"Webhook: link button clicked\" (older): a `short_link_visited` event without `requestId`; `shortLink` is a full URL.",
    },
    Fixture {
        name: "pulse-status-delivered-message-id.json",
        body: PULSE_STATUS_DELIVERED_MESSAGE_ID,
        kinds: &[CallbackKind::Status],
        each: Some(&[Outcome::Callback(CallbackKind::Status)]),
        refused: false,
        source: "edna Pulse page \"Webhook: message statuses\" (newer): status `DELIVERED` with a numeric `messageId` and `paymentData.type`.",
    },
    Fixture {
        name: "pulse-status-read.en.json",
        body: PULSE_STATUS_READ_EN,
        kinds: &[CallbackKind::Status],
        each: Some(&[Outcome::Callback(CallbackKind::Status)]),
        refused: false,
        source: "edna Pulse page \"Receiving Message Statuses\" (English), example 1: status `READ` with WhatsApp `paymentData` (the page cuts the example off; the missing braces are added, see `fixtures/README.md`).",
    },
    Fixture {
        name: "pulse-template-category-changed.json",
        body: PULSE_TEMPLATE_CATEGORY_CHANGED,
        kinds: &[CallbackKind::TemplateCategoryChanged],
        each: Some(&[Outcome::Callback(CallbackKind::TemplateCategoryChanged)]),
        refused: false,
        source: "edna Pulse page \"Webhook: template category changed\" (current): a `message_matcher.category_changed` event, `timestamp` with 9 fractional digits.",
    },
    Fixture {
        name: "pulse-template-category-changed.older.json",
        body: PULSE_TEMPLATE_CATEGORY_CHANGED_OLDER,
        kinds: &[CallbackKind::TemplateCategoryChanged],
        each: Some(&[Outcome::Callback(CallbackKind::TemplateCategoryChanged)]),
        refused: false,
        source: "edna Pulse page \"Webhook: template category changed\" (older): the same event without `version`.",
    },
    Fixture {
        name: "pulse-template-status.array.json",
        body: PULSE_TEMPLATE_STATUS_ARRAY,
        kinds: &[CallbackKind::MessageMatcher],
        each: Some(&[Outcome::Callback(CallbackKind::MessageMatcher)]),
        refused: false,
        source: "edna Pulse page \"Webhook: template statuses\" (current): a JSON array of one template, values as schema placeholders.",
    },
    Fixture {
        name: "pulse-template-status.message-matcher.json",
        body: PULSE_TEMPLATE_STATUS_MESSAGE_MATCHER,
        kinds: &[CallbackKind::MessageMatcherStatus],
        each: Some(&[Outcome::Callback(CallbackKind::MessageMatcherStatus)]),
        refused: false,
        source: "edna Pulse page \"Webhook: template statuses\" (older): one object `{messageMatcher, subjectIds}`.",
    },
    Fixture {
        name: "edge/array-status-and-one-without-status-at.json",
        body: EDGE_ARRAY_STATUS_AND_ONE_WITHOUT_STATUS_AT,
        kinds: &[CallbackKind::Status, CallbackKind::Unknown],
        each: Some(&[Outcome::Callback(CallbackKind::Status), Outcome::Callback(CallbackKind::Unknown)]),
        refused: false,
        source: "Edge case: an array body of a status and an object without `statusAt`: the status is read, the other object is of no kind this version knows (`Unknown`, kept whole).",
    },
    Fixture {
        name: "edge/array-status-and-unknown-element.json",
        body: EDGE_ARRAY_STATUS_AND_UNKNOWN_ELEMENT,
        kinds: &[CallbackKind::Status, CallbackKind::Unknown],
        each: Some(&[Outcome::Callback(CallbackKind::Status), Outcome::Callback(CallbackKind::Unknown)]),
        refused: false,
        source: "Edge case: an array body of a status and an object of no kind (`{\"hello\":\"world\"}`): both are read, the second as `Unknown`, kept whole.",
    },
    Fixture {
        name: "edge/array-statuses-and-chat-center-init-chat.json",
        body: EDGE_ARRAY_STATUSES_AND_CHAT_CENTER_INIT_CHAT,
        kinds: &[CallbackKind::Status, CallbackKind::Unknown, CallbackKind::Status],
        each: Some(&[Outcome::Callback(CallbackKind::Status), Outcome::Callback(CallbackKind::Unknown), Outcome::Callback(CallbackKind::Status)]),
        refused: false,
        source: "Edge case: an array of two statuses with edna Chat Center's `INIT_CHAT` between them: the statuses are read, `INIT_CHAT` is `Unknown`.",
    },
    Fixture {
        name: "edge/bad-array-received-at.json",
        body: EDGE_BAD_ARRAY_RECEIVED_AT,
        kinds: &[],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming), Outcome::Error]),
        refused: true,
        source: "Edge case: an array of FLOW messages whose second `receivedAt` has hour 25: refused at `[1].receivedAt`.",
    },
    Fixture {
        name: "edge/bad-duplicate-escaped-key.json",
        body: EDGE_BAD_DUPLICATE_ESCAPED_KEY,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a key given twice, once spelled with a `\\u` escape (`te\\u0078t` is `text`): refused.",
    },
    Fixture {
        name: "edge/bad-duplicate-key.json",
        body: EDGE_BAD_DUPLICATE_KEY,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a documented key (`status`) given twice: refused rather than keeping either value.",
    },
    Fixture {
        name: "edge/bad-duplicate-nested-key.json",
        body: EDGE_BAD_DUPLICATE_NESTED_KEY,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a key given twice inside a nested object (`subscriber.id`): refused.",
    },
    Fixture {
        name: "edge/bad-duplicate-unknown-key.json",
        body: EDGE_BAD_DUPLICATE_UNKNOWN_KEY,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: an undocumented key (`channel`) given twice: refused, as documented keys are.",
    },
    Fixture {
        name: "edge/bad-empty-body.json",
        body: EDGE_BAD_EMPTY_BODY,
        kinds: &[],
        each: None,
        refused: true,
        source: "Edge case: an empty body: not JSON, refused.",
    },
    Fixture {
        name: "edge/bad-id-too-large.json",
        body: EDGE_BAD_ID_TOO_LARGE,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: an integer `id` past 64 bits (neither `i64` nor `u64` holds it): refused.",
    },
    Fixture {
        name: "edge/bad-legacy-dlv-status-at.json",
        body: EDGE_BAD_LEGACY_DLV_STATUS_AT,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a legacy `dlvStatusAt` with a space instead of `T`: refused.",
    },
    Fixture {
        name: "edge/bad-missing-content-type.json",
        body: EDGE_BAD_MISSING_CONTENT_TYPE,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: an incoming message whose `messageContent` has no `type`: refused.",
    },
    Fixture {
        name: "edge/bad-missing-legacy-id.json",
        body: EDGE_BAD_MISSING_LEGACY_ID,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a legacy incoming message without its required `id`: refused.",
    },
    Fixture {
        name: "edge/bad-missing-received-at.json",
        body: EDGE_BAD_MISSING_RECEIVED_AT,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: an incoming message without its required `receivedAt`: refused.",
    },
    Fixture {
        name: "edge/bad-nested-array.json",
        body: EDGE_BAD_NESTED_ARRAY,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: an array inside the array body: refused (a body is one callback or an array of callbacks).",
    },
    Fixture {
        name: "edge/bad-not-json.json",
        body: EDGE_BAD_NOT_JSON,
        kinds: &[],
        each: None,
        refused: true,
        source: "Edge case: a body cut off after a comma: not JSON, refused.",
    },
    Fixture {
        name: "edge/bad-scalar-body.json",
        body: EDGE_BAD_SCALAR_BODY,
        kinds: &[],
        each: None,
        refused: true,
        source: "Edge case: a body that is a JSON string: refused.",
    },
    Fixture {
        name: "edge/bad-status-at-no-offset.json",
        body: EDGE_BAD_STATUS_AT_NO_OFFSET,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a `statusAt` without an offset: refused (the instant would be ambiguous).",
    },
    Fixture {
        name: "edge/bad-status-at-ten-fraction-digits.json",
        body: EDGE_BAD_STATUS_AT_TEN_FRACTION_DIGITS,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a `statusAt` with ten fractional digits: refused.",
    },
    Fixture {
        name: "edge/bad-status-at-unix-number.json",
        body: EDGE_BAD_STATUS_AT_UNIX_NUMBER,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a `statusAt` given as a Unix time number: refused.",
    },
    Fixture {
        name: "edge/bad-status-at.json",
        body: EDGE_BAD_STATUS_AT,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a `statusAt` in the `31.10.2023 11:07:56` form: refused.",
    },
    Fixture {
        name: "edge/bad-status-dangling-comma.json",
        body: EDGE_BAD_STATUS_DANGLING_COMMA,
        kinds: &[],
        each: None,
        refused: true,
        source: "Edge case: the golden status example with a trailing comma inside `paymentData`: not JSON, refused.",
    },
    Fixture {
        name: "edge/bad-status-not-string.json",
        body: EDGE_BAD_STATUS_NOT_STRING,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a `status` given as a number: refused.",
    },
    Fixture {
        name: "edge/bad-status-null.json",
        body: EDGE_BAD_STATUS_NULL,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: a `status` given as `null`: refused (it is required).",
    },
    Fixture {
        name: "edge/bad-unknown-kind.json",
        body: EDGE_BAD_UNKNOWN_KIND,
        kinds: &[],
        each: Some(&[Outcome::Error]),
        refused: true,
        source: "Edge case: an object whose `timestamp` marks an event envelope, without its `type`: refused.",
    },
    Fixture {
        name: "edge/calling-settings-status.json",
        body: EDGE_CALLING_SETTINGS_STATUS,
        kinds: &[CallbackKind::CallingSettingsStatus],
        each: Some(&[Outcome::Callback(CallbackKind::CallingSettingsStatus)]),
        refused: false,
        source: "Edge case: a WhatsApp calling-settings status with the values of edna's example (`SUCCESS`, `ENABLED`, `DEFAULT`, `America/Manaus`, `\"1030\"`/`\"1900\"` every day, a holiday on `2026-01-01`), one SIP server and `DTLS`.",
    },
    Fixture {
        name: "edge/empty-array.json",
        body: EDGE_EMPTY_ARRAY,
        kinds: &[],
        each: Some(&[]),
        refused: false,
        source: "Edge case: an empty array body: accepted, no callbacks.",
    },
    Fixture {
        name: "edge/event-unknown-type-null-payload.json",
        body: EDGE_EVENT_UNKNOWN_TYPE_NULL_PAYLOAD,
        kinds: &[CallbackKind::UnknownEvent],
        each: Some(&[Outcome::Callback(CallbackKind::UnknownEvent)]),
        refused: false,
        source: "Edge case: an event envelope of a type the crate does not know with `\"payload\": null`: kept whole.",
    },
    Fixture {
        name: "edge/event-unknown-type.json",
        body: EDGE_EVENT_UNKNOWN_TYPE,
        kinds: &[CallbackKind::UnknownEvent],
        each: Some(&[Outcome::Callback(CallbackKind::UnknownEvent)]),
        refused: false,
        source: "Edge case: an event envelope of a type the crate does not know, kept whole.",
    },
    Fixture {
        name: "edge/incoming-audio.json",
        body: EDGE_INCOMING_AUDIO,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a Pulse `AUDIO` message with its `attachment` (`url`, `name`, and `size` as a string, as documented) and no caption.",
    },
    Fixture {
        name: "edge/incoming-button.json",
        body: EDGE_INCOMING_BUTTON,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a Pulse `BUTTON` reply: `payload` holds the code of the HSM template button the user tapped, and the reply quotes the template message (`replyOutMessageId`, `replyOutMessageExternalRequestId`).",
    },
    Fixture {
        name: "edge/incoming-contact.json",
        body: EDGE_INCOMING_CONTACT,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a shared contact card (`contact` with `firstName`, `lastName`, `phoneNumber`); content type `CONTACT`, which edna does not list.",
    },
    Fixture {
        name: "edge/incoming-coordinates.json",
        body: EDGE_INCOMING_COORDINATES,
        kinds: &[CallbackKind::Incoming; 3],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming); 3]),
        refused: false,
        source: "Edge case: locations with coordinates as numbers, as strings, and as strings with spaces; content type `LOCATION`, which edna does not list.",
    },
    Fixture {
        name: "edge/incoming-document.json",
        body: EDGE_INCOMING_DOCUMENT,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a Pulse `DOCUMENT` message with its `attachment` (`url`, `name`, `size`) and a `caption`.",
    },
    Fixture {
        name: "edge/incoming-escapes.json",
        body: EDGE_INCOMING_ESCAPES,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: keys and text written with JSON escapes (`\\u0078`, surrogate pairs, `\\/`), and an unknown key with a space in it.",
    },
    Fixture {
        name: "edge/incoming-flow-not-json.json",
        body: EDGE_INCOMING_FLOW_NOT_JSON,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a FLOW message whose text is not JSON: the message parses, only `flow_reply` fails.",
    },
    Fixture {
        name: "edge/incoming-flow-odd-texts.json",
        body: EDGE_INCOMING_FLOW_ODD_TEXTS,
        kinds: &[CallbackKind::Incoming; 5],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming); 5]),
        refused: false,
        source: "Edge case: FLOW texts that are an array, `null`, a non-string `flow_token`, a TEXT message holding JSON, and nested values.",
    },
    Fixture {
        name: "edge/incoming-ids-as-numbers.json",
        body: EDGE_INCOMING_IDS_AS_NUMBERS,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: ids given as numbers where strings are documented (`identifier` `2`, `catalogId`, `replyOutMessageExternalRequestId`), and `quantity` and `price` as strings.",
    },
    Fixture {
        name: "edge/incoming-ids-as-strings.json",
        body: EDGE_INCOMING_IDS_AS_STRINGS,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: ids edna documents as numbers sent as strings (`id`, `subjectId`, `\"007\"`, a UUID `replyOutMessageExternalRequestId`).",
    },
    Fixture {
        name: "edge/incoming-image.json",
        body: EDGE_INCOMING_IMAGE,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a Pulse `IMAGE` message with its `attachment` (`url`, `name`, `size`) and a `caption`.",
    },
    Fixture {
        name: "edge/incoming-item-identifier-boolean.json",
        body: EDGE_INCOMING_ITEM_IDENTIFIER_BOOLEAN,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a `LIST_PICKER` item whose optional `identifier` is a boolean: the message is read, the value kept as it came (`odd-value` at `messageContent.items[0].identifier`).",
    },
    Fixture {
        name: "edge/incoming-items-not-array.json",
        body: EDGE_INCOMING_ITEMS_NOT_ARRAY,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: `messageContent.items` given as an object instead of an array: the message is read, `items` kept as it came.",
    },
    Fixture {
        name: "edge/incoming-location.json",
        body: EDGE_INCOMING_LOCATION,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a shared location (`location` with `latitude` and `longitude` as numbers and an `address`); content type `LOCATION`, which edna does not list.",
    },
    Fixture {
        name: "edge/incoming-max-id-and-phone.json",
        body: EDGE_INCOMING_MAX_ID_AND_PHONE,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a MAX message whose `subscriber.identifiers` lists a linked `PHONE` before the 10-digit `MAX_ID`.",
    },
    Fixture {
        name: "edge/incoming-max-id.json",
        body: EDGE_INCOMING_MAX_ID,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a MAX Bot client's first message (`CONVERSATION_STARTED`, `/start`) whose `subscriber.identifiers` lists only its `MAX_ID`, a 9-digit MAX id that is not a phone number; `userInfo`, `lastMessage` and `callPermissionReply` `null`.",
    },
    Fixture {
        name: "edge/incoming-no-subscriber.json",
        body: EDGE_INCOMING_NO_SUBSCRIBER,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a Pulse `TEXT` message without `subscriber`: edna's pages show it in every example and do not say when it is left out; it reads as `None`.",
    },
    Fixture {
        name: "edge/incoming-order-quantity-boolean.json",
        body: EDGE_INCOMING_ORDER_QUANTITY_BOOLEAN,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: an order line whose `quantity` is a boolean: the message is read, the value kept as it came.",
    },
    Fixture {
        name: "edge/incoming-second-item-identifier-float.json",
        body: EDGE_INCOMING_SECOND_ITEM_IDENTIFIER_FLOAT,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a second `LIST_PICKER` item whose `identifier` is a fraction (`1.5`): the message is read, the value kept as it came at `items[1]`.",
    },
    Fixture {
        name: "edge/incoming-shared-keys-first.json",
        body: EDGE_INCOMING_SHARED_KEYS_FIRST,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: an incoming message whose keys shared by several kinds (`receivedAt`, `subjectId`, `subject`, `id`) come before `messageContent`.",
    },
    Fixture {
        name: "edge/incoming-subscriber-not-object.json",
        body: EDGE_INCOMING_SUBSCRIBER_NOT_OBJECT,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: `subscriber` given as a string: the message is read, `subscriber` kept as it came (no party).",
    },
    Fixture {
        name: "edge/incoming-unknown-content-type.json",
        body: EDGE_INCOMING_UNKNOWN_CONTENT_TYPE,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: an unknown content type (`Sticker_Animated`) from an unknown channel: kept as `Unknown`.",
    },
    Fixture {
        name: "edge/incoming-unknown-fields.json",
        body: EDGE_INCOMING_UNKNOWN_FIELDS,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: undocumented fields at every level of an incoming message: kept in each `extra`.",
    },
    Fixture {
        name: "edge/incoming-video.json",
        body: EDGE_INCOMING_VIDEO,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a Pulse `VIDEO` message with its `attachment` (`url`, `name`, `size`) and a `caption`.",
    },
    Fixture {
        name: "edge/incoming-whatsapp-bsuid.json",
        body: EDGE_INCOMING_WHATSAPP_BSUID,
        kinds: &[CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: a WhatsApp message from a user identified by a BSUID (`US.13491208655302741918`) instead of a phone number.",
    },
    Fixture {
        name: "edge/legacy-incoming-channels.json",
        body: EDGE_LEGACY_INCOMING_CHANNELS,
        kinds: &[CallbackKind::LegacyIncoming; 2],
        each: Some(&[Outcome::Callback(CallbackKind::LegacyIncoming); 2]),
        refused: false,
        source: "Edge case: legacy incoming messages from Viber and an unknown channel, with a `button` payload, numeric ids and odd `historyMessages`.",
    },
    Fixture {
        name: "edge/legacy-incoming-location.json",
        body: EDGE_LEGACY_INCOMING_LOCATION,
        kinds: &[CallbackKind::LegacyIncoming],
        each: Some(&[Outcome::Callback(CallbackKind::LegacyIncoming)]),
        refused: false,
        source: "Edge case: a legacy incoming location with coordinates as strings and `imSubjectId`.",
    },
    Fixture {
        name: "edge/legacy-status-sms.json",
        body: EDGE_LEGACY_STATUS_SMS,
        kinds: &[CallbackKind::LegacyStatus],
        each: Some(&[Outcome::Callback(CallbackKind::LegacyStatus)]),
        refused: false,
        source: "Edge case: a legacy SMS API status: `smsOutMessageId` instead of `imOutMessageId`, with `dlvStatus`, `dlvStatusAt` and `dlvError`.",
    },
    Fixture {
        name: "edge/legacy-status-variants.json",
        body: EDGE_LEGACY_STATUS_VARIANTS,
        kinds: &[CallbackKind::LegacyStatus; 3],
        each: Some(&[Outcome::Callback(CallbackKind::LegacyStatus); 3]),
        refused: false,
        source: "Edge case: legacy statuses with numeric ids, `no-match-template`, unknown statuses and error codes, and `reserveSms` as a string and an object.",
    },
    Fixture {
        name: "edge/mixed-all-webhooks.json",
        body: EDGE_MIXED_ALL_WEBHOOKS,
        kinds: &[CallbackKind::Status, CallbackKind::ShortLinkVisited, CallbackKind::MessageMatcher, CallbackKind::Incoming, CallbackKind::LegacyStatus, CallbackKind::LegacyIncoming, CallbackKind::TemplateCategoryChanged, CallbackKind::UnknownEvent, CallbackKind::MessageMatcherStatus, CallbackKind::CallingSettingsStatus, CallbackKind::Unknown],
        each: Some(&[Outcome::Callback(CallbackKind::Status), Outcome::Callback(CallbackKind::ShortLinkVisited), Outcome::Callback(CallbackKind::MessageMatcher), Outcome::Callback(CallbackKind::Incoming), Outcome::Callback(CallbackKind::LegacyStatus), Outcome::Callback(CallbackKind::LegacyIncoming), Outcome::Callback(CallbackKind::TemplateCategoryChanged), Outcome::Callback(CallbackKind::UnknownEvent), Outcome::Callback(CallbackKind::MessageMatcherStatus), Outcome::Callback(CallbackKind::CallingSettingsStatus), Outcome::Callback(CallbackKind::Unknown)]),
        refused: false,
        source: "Edge case: one array holding every webhook kind edna can send to one URL, in order.",
    },
    Fixture {
        name: "edge/mixed-kinds.json",
        body: EDGE_MIXED_KINDS,
        kinds: &[CallbackKind::LegacyStatus, CallbackKind::Status, CallbackKind::LegacyIncoming, CallbackKind::Incoming],
        each: Some(&[Outcome::Callback(CallbackKind::LegacyStatus), Outcome::Callback(CallbackKind::Status), Outcome::Callback(CallbackKind::LegacyIncoming), Outcome::Callback(CallbackKind::Incoming)]),
        refused: false,
        source: "Edge case: one array holding all four kinds: legacy status, Pulse status, legacy incoming, Pulse incoming.",
    },
    Fixture {
        name: "edge/status-cascade-viber-sms.json",
        body: EDGE_STATUS_CASCADE_VIBER_SMS,
        kinds: &[CallbackKind::Status; 4],
        each: Some(&[Outcome::Callback(CallbackKind::Status); 4]),
        refused: false,
        source: "Edge case: a cascade under one `requestId`: the Viber stage `SENT`, `UNDELIVERED`, then the SMS stage `SENT`, `DELIVERED` (`cascadeStageUUID` tells the stages apart).",
    },
    Fixture {
        name: "edge/status-comment-number.json",
        body: EDGE_STATUS_COMMENT_NUMBER,
        kinds: &[CallbackKind::Status],
        each: Some(&[Outcome::Callback(CallbackKind::Status)]),
        refused: false,
        source: "Edge case: a status whose `comment` is the number `42`: the status is read, `comment` kept as it came.",
    },
    Fixture {
        name: "edge/status-failed-without-ids.json",
        body: EDGE_STATUS_FAILED_WITHOUT_IDS,
        kinds: &[CallbackKind::Status; 2],
        each: Some(&[Outcome::Callback(CallbackKind::Status); 2]),
        refused: false,
        source: "Edge case: two `FAILED` statuses of different messages, both `\"requestId\": null` without `messageId` (edna's own example form): two deliveries, two keys.",
    },
    Fixture {
        name: "edge/status-key-order.json",
        body: EDGE_STATUS_KEY_ORDER,
        kinds: &[CallbackKind::Status],
        each: Some(&[Outcome::Callback(CallbackKind::Status)]),
        refused: false,
        source: "Edge case: a status whose keys come in reverse order, `@type` last in `paymentData`, an unknown field first.",
    },
    Fixture {
        name: "edge/status-odd-timestamps.json",
        body: EDGE_STATUS_ODD_TIMESTAMPS,
        kinds: &[CallbackKind::Status; 21],
        each: Some(&[Outcome::Callback(CallbackKind::Status); 21]),
        refused: false,
        source: "Edge case: every timestamp spelling the crate accepts: `Z`/`z`, `+03:00`, `+0300`, 0 to 9 fractional digits, spaces after colons.",
    },
    Fixture {
        name: "edge/status-payment-chargeable-yes.json",
        body: EDGE_STATUS_PAYMENT_CHARGEABLE_YES,
        kinds: &[CallbackKind::Status],
        each: Some(&[Outcome::Callback(CallbackKind::Status)]),
        refused: false,
        source: "Edge case: whatsApp `paymentData` whose `chargeable` is the string `\"yes\"`: the status is read, `chargeable` kept as it came.",
    },
    Fixture {
        name: "edge/status-payment-data-absent-null-empty.json",
        body: EDGE_STATUS_PAYMENT_DATA_ABSENT_NULL_EMPTY,
        kinds: &[CallbackKind::Status; 3],
        each: Some(&[Outcome::Callback(CallbackKind::Status); 3]),
        refused: false,
        source: "Edge case: `paymentData` absent, `null`, and `{}`.",
    },
    Fixture {
        name: "edge/status-payment-data-not-object.json",
        body: EDGE_STATUS_PAYMENT_DATA_NOT_OBJECT,
        kinds: &[CallbackKind::Status],
        each: Some(&[Outcome::Callback(CallbackKind::Status)]),
        refused: false,
        source: "Edge case: `paymentData` given as a string: the status is read, `paymentData` kept as it came.",
    },
    Fixture {
        name: "edge/status-payment-data-unknown-type.json",
        body: EDGE_STATUS_PAYMENT_DATA_UNKNOWN_TYPE,
        kinds: &[CallbackKind::Status],
        each: Some(&[Outcome::Callback(CallbackKind::Status)]),
        refused: false,
        source: "Edge case: `paymentData` of an unknown `@type`: kept whole, a wrongly typed `chargeable` included.",
    },
    Fixture {
        name: "edge/status-unknown-fields.json",
        body: EDGE_STATUS_UNKNOWN_FIELDS,
        kinds: &[CallbackKind::Status],
        each: Some(&[Outcome::Callback(CallbackKind::Status)]),
        refused: false,
        source: "Edge case: undocumented fields in a status and in its `paymentData`: kept in `extra`.",
    },
    Fixture {
        name: "edge/status-unknown-values.json",
        body: EDGE_STATUS_UNKNOWN_VALUES,
        kinds: &[CallbackKind::Status],
        each: Some(&[Outcome::Callback(CallbackKind::Status)]),
        refused: false,
        source: "Edge case: an unknown status, error code, conversation type and payment type; `requestId` `null` with a `messageId`.",
    },
    Fixture {
        name: "edge/status-without-status-at.json",
        body: EDGE_STATUS_WITHOUT_STATUS_AT,
        kinds: &[CallbackKind::Unknown],
        each: Some(&[Outcome::Callback(CallbackKind::Unknown)]),
        refused: false,
        source: "Edge case: a body like a status (`requestId`, `status`) without `statusAt`: of no kind this version knows (`Unknown`, kept whole), not a broken status.",
    },
    Fixture {
        name: "edge/template-status-empty-keyboard.json",
        body: EDGE_TEMPLATE_STATUS_EMPTY_KEYBOARD,
        kinds: &[CallbackKind::MessageMatcher],
        each: Some(&[Outcome::Callback(CallbackKind::MessageMatcher)]),
        refused: false,
        source: "Edge case: a template status without buttons, with the empty keyboard edna sends.",
    },
    Fixture {
        name: "edge/template-status-max-bot.json",
        body: EDGE_TEMPLATE_STATUS_MAX_BOT,
        kinds: &[CallbackKind::MessageMatcher],
        each: Some(&[Outcome::Callback(CallbackKind::MessageMatcher)]),
        refused: false,
        source: "Edge case: a template status of a `MAX_BOT` template.",
    },
    Fixture {
        name: "edge/template-status-message-matcher-unknown-fields.json",
        body: EDGE_TEMPLATE_STATUS_MESSAGE_MATCHER_UNKNOWN_FIELDS,
        kinds: &[CallbackKind::MessageMatcherStatus],
        each: Some(&[Outcome::Callback(CallbackKind::MessageMatcherStatus)]),
        refused: false,
        source: "Edge case: the older template status object with fields the crate does not know, kept.",
    },
    Fixture {
        name: "edge/template-status-unknown-values.json",
        body: EDGE_TEMPLATE_STATUS_UNKNOWN_VALUES,
        kinds: &[CallbackKind::MessageMatcher; 2],
        each: Some(&[Outcome::Callback(CallbackKind::MessageMatcher); 2]),
        refused: false,
        source: "Edge case: a template status with a status, category and button type the crate does not know, kept.",
    },
    Fixture {
        name: "edge/unknown-chat-center-init-chat.json",
        body: EDGE_UNKNOWN_CHAT_CENTER_INIT_CHAT,
        kinds: &[CallbackKind::Unknown],
        each: Some(&[Outcome::Callback(CallbackKind::Unknown)]),
        refused: false,
        source: "Edge case: edna Chat Center's `INIT_CHAT` bot webhook, of no Pulse kind: `Unknown`, kept whole.",
    },
];
