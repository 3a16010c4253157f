//! Every value edna controls, as an open enum: known values are matched without regard to
//! ASCII case, and anything else is kept in `Unknown` exactly as it came.

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// Where `s` is among `wire`: spelled as documented, else ignoring ASCII case (one copy
/// for every enum).
fn known_at(wire: &[&str], s: &str) -> Option<usize> {
    wire.iter()
        .position(|w| *w == s)
        .or_else(|| wire.iter().position(|w| w.eq_ignore_ascii_case(s)))
}

/// Declares an open enum: the listed variants, plus `Unknown(String)`.
///
/// Each variant carries the spelling edna uses in the Pulse API; that is what `as_str`
/// returns and what `Serialize` writes. Fields of the legacy SME API, which writes the same
/// values in lower case, are written through [`Lower`].
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the crate does not know, kept exactly as edna sent it
            /// and written back byte for byte.
            Unknown(String),
        }

        impl $name {
            /// Every known value, in the order of the documentation.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as written on the wire: the documented spelling for a known value,
            /// the original string for an `Unknown` one.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(s) => s,
                }
            }

            /// Whether this is a value the crate does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }

            /// Every known value's spelling, in the order of [`KNOWN`](Self::KNOWN).
            const WIRE: &'static [&'static str] = &[$($wire),+];

            /// The known value `s` names: spelled as documented, else ignoring ASCII case.
            pub(crate) fn known(s: &str) -> Option<Self> {
                Self::KNOWN.get(known_at(Self::WIRE, s)?).cloned()
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self::known(s).unwrap_or_else(|| Self::Unknown(s.to_owned()))
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self::known(&s).unwrap_or(Self::Unknown(s))
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        Ok($name::from(v))
                    }
                    fn visit_string<E: de::Error>(self, v: String) -> Result<$name, E> {
                        Ok($name::from(v))
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }

        impl $crate::object::Placeholder for $name {
            fn placeholder() -> Self {
                Self::Unknown(String::new())
            }
        }

        impl $crate::object::read::Field for $name {
            const EXPECTING: &'static str = concat!("a string (", stringify!($name), ")");
            #[inline(never)]
            fn read(slot: &mut Self, r: &mut $crate::object::read::Reader<'_>) -> Option<()> {
                *slot = match r.expect_string(<Self as $crate::object::read::Field>::EXPECTING)? {
                    std::borrow::Cow::Borrowed(s) => Self::from(s),
                    std::borrow::Cow::Owned(s) => Self::from(s),
                };
                Some(())
            }
        }

        impl OpenEnum for $name {
            fn wire(&self) -> &str {
                self.as_str()
            }
            fn is_known(&self) -> bool {
                !self.is_unknown()
            }
        }
    };
}

/// What [`Lower`] needs of an open enum.
pub(crate) trait OpenEnum {
    fn wire(&self) -> &str;
    fn is_known(&self) -> bool;
}

/// Writes a known value in lower case and an unknown one unchanged: the legacy SME API
/// writes `read`, `whatsapp` and `text` where Pulse writes `READ`, `WHATSAPP` and `TEXT`.
pub(crate) struct Lower<'a, T>(pub(crate) &'a T);

impl<T: OpenEnum> Serialize for Lower<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct AsciiLower<'a>(&'a str);
        impl fmt::Display for AsciiLower<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                for c in self.0.chars() {
                    fmt::Write::write_char(f, c.to_ascii_lowercase())?;
                }
                Ok(())
            }
        }
        let wire = self.0.wire();
        if self.0.is_known() && wire.bytes().any(|b| b.is_ascii_uppercase()) {
            serializer.collect_str(&AsciiLower(wire))
        } else {
            serializer.serialize_str(wire)
        }
    }
}

impl<T: OpenEnum> Serialize for Lower<'_, Option<T>> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(v) => Lower(v).serialize(serializer),
            None => serializer.serialize_none(),
        }
    }
}

open_enum! {
    /// The delivery status of an outgoing message: Pulse `status` and legacy `dlvStatus`.
    ///
    /// Pulse examples write it in upper case (`READ`), the Pulse status table and the legacy
    /// API in lower case (`read`); both are read. Pulse fields are written `READ`, legacy
    /// fields `read`. edna says the list "can be extended": anything else is `Unknown`.
    ///
    /// ```
    /// use edna_callbacks::Status;
    ///
    /// assert_eq!(Status::from("read"), Status::Read);
    /// assert_eq!(Status::from("READ").as_str(), "READ");
    /// assert_eq!(Status::from("PENDING"), Status::Unknown("PENDING".into()));
    /// ```
    pub enum Status {
        /// The message has been sent to the recipient.
        Sent = "SENT",
        /// The message has been delivered to the recipient.
        Delivered = "DELIVERED",
        /// The message has been read by the recipient.
        Read = "READ",
        /// The message has been sent but not delivered.
        Undelivered = "UNDELIVERED",
        /// Sending the message was cancelled.
        Cancelled = "CANCELLED",
        /// No `delivered` status arrived within the message's validity period (or 24 hours).
        Expired = "EXPIRED",
        /// Processing the message failed.
        Failed = "FAILED",
        /// Sending the message has been delayed.
        Delayed = "DELAYED",
        /// The message has been queued for sending.
        Enqueued = "ENQUEUED",
        /// The content matched no approved template (legacy; seen in integrations).
        NoMatchTemplate = "NO-MATCH-TEMPLATE",
    }
}

impl Status {
    /// Whether the message failed to reach the recipient: `undelivered`, `failed`,
    /// `cancelled`, `expired` and `no-match-template`. `false` for the progress statuses,
    /// for `read`, and for an `Unknown` status (edna says the list can be extended; a new
    /// status is not taken for a failure).
    ///
    /// ```
    /// use edna_callbacks::Status;
    ///
    /// assert!(Status::Failed.is_failure());
    /// assert!(Status::from("expired").is_failure());
    /// assert!(!Status::Read.is_failure());
    /// assert!(!Status::from("PENDING").is_failure());
    /// ```
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            Self::Undelivered
                | Self::Cancelled
                | Self::Expired
                | Self::Failed
                | Self::NoMatchTemplate
        )
    }
}

open_enum! {
    /// An error code: legacy `dlvError` and Pulse `error`. edna says the list "can be
    /// extended"; codes seen in integrations but not documented are included too.
    pub enum ErrorCode {
        /// No error.
        Ok = "ok",
        /// A system error.
        System = "error-system",
        /// The subject is malformed.
        SubjectFormat = "error-subject-format",
        /// The subject is unknown.
        SubjectUnknown = "error-subject-unknown",
        /// The address is malformed.
        AddressFormat = "error-address-format",
        /// No address was given.
        AddressNotSpecified = "error-address-not-specified",
        /// The priority is malformed.
        PriorityFormat = "error-priority-format",
        /// The start time is malformed.
        StartTimeFormat = "error-start-time-format",
        /// The validity period is malformed.
        ValidityPeriodSecondsFormat = "error-validity-period-seconds-format",
        /// The content type is malformed.
        ContentTypeFormat = "error-content-type-format",
        /// No channel (`imType`) was given.
        ImTypeNotSpecified = "error-im-type-not-specified",
        /// No attachment URL was given.
        AttachmentUrlNotSpecified = "error-attachment-url-not-specified",
        /// No latitude was given.
        LatitudeNotSpecified = "error-latitude-not-specified",
        /// No longitude was given (edna's spelling, `longtitude`).
        LongitudeNotSpecified = "error-longtitude-not-specified",
        /// The content is malformed.
        ContentFormat = "error-content-format",
        /// No content type was given.
        ContentTypeNotSpecified = "error-content-type-not-specified",
        /// The subject id is malformed.
        SubjectIdFormat = "error-subject-id-format",
        /// The balance is insufficient.
        InsufficientBalance = "error-insufficient-balance",
        /// The content matches no template.
        NotTemplateMatch = "not-template-match",
        /// The recipient is not a WhatsApp user.
        NotWhatsappUser = "not-whatsapp-user",
        /// The recipient is not a Viber user.
        NotViberUser = "not-viber-user",
        /// The recipient blocked the sender.
        UserBlocked = "user-blocked",
        /// The system blocked the message.
        SystemBlocked = "error-system-blocked",
        /// The request has a syntax error.
        Syntax = "error-syntax",
        /// The request was not authorized.
        Unauthorized = "error-unauthorized",
        /// The object was not found.
        NotFound = "error-not-found",
        /// The content does not match the HSM template (seen in integrations).
        ContentDoNotMatchHsmTemplate = "error-content-do-not-match-hsm-template",
        /// The id is not unique (seen in integrations).
        IdNotUnique = "error-id-not-unique",
        /// No content was given (seen in integrations).
        ContentNotSpecified = "error-content-not-specified",
        /// The content matches no template (seen in integrations).
        ErrorNotTemplateMatch = "error-not-template-match",
    }
}

impl ErrorCode {
    /// Whether the code reports an error: `false` only for `ok` (legacy bodies send
    /// `"dlvError":"ok"` on a delivery that went well), `true` for every other known code.
    ///
    /// An `Unknown` code counts as an error: edna says the list "can be extended", and
    /// every documented code but `ok` names an error, so a new one most likely does too.
    /// A missing or `null` error field is no `ErrorCode` at all.
    ///
    /// ```
    /// use edna_callbacks::ErrorCode;
    ///
    /// assert!(!ErrorCode::from("ok").is_error());
    /// assert!(ErrorCode::UserBlocked.is_error());
    /// assert!(ErrorCode::from("error-brand-new").is_error());
    /// ```
    pub fn is_error(&self) -> bool {
        !matches!(self, Self::Ok)
    }

    /// A short English description of the code, spelled out from the code itself (edna's
    /// list names the codes without describing them); for an `Unknown` code a fixed text
    /// that never repeats the value.
    ///
    /// ```
    /// use edna_callbacks::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::Ok.description(), "No error");
    /// assert_eq!(
    ///     ErrorCode::from("not-whatsapp-user").description(),
    ///     "The recipient is not a WhatsApp user"
    /// );
    /// assert_eq!(
    ///     ErrorCode::from("error-brand-new").description(),
    ///     "An error code this version of the crate does not know"
    /// );
    /// ```
    pub fn description(&self) -> &'static str {
        match self {
            Self::Ok => "No error",
            Self::System => "A system error",
            Self::SubjectFormat => "The subject is malformed",
            Self::SubjectUnknown => "The subject is unknown",
            Self::AddressFormat => "The address is malformed",
            Self::AddressNotSpecified => "No address was given",
            Self::PriorityFormat => "The priority is malformed",
            Self::StartTimeFormat => "The start time is malformed",
            Self::ValidityPeriodSecondsFormat => "The validity period is malformed",
            Self::ContentTypeFormat => "The content type is malformed",
            Self::ImTypeNotSpecified => "No channel (imType) was given",
            Self::AttachmentUrlNotSpecified => "No attachment URL was given",
            Self::LatitudeNotSpecified => "No latitude was given",
            Self::LongitudeNotSpecified => "No longitude was given",
            Self::ContentFormat => "The content is malformed",
            Self::ContentTypeNotSpecified => "No content type was given",
            Self::SubjectIdFormat => "The subject id is malformed",
            Self::InsufficientBalance => "The balance is insufficient",
            Self::NotTemplateMatch => "The content matches no template",
            Self::NotWhatsappUser => "The recipient is not a WhatsApp user",
            Self::NotViberUser => "The recipient is not a Viber user",
            Self::UserBlocked => "The recipient blocked the sender",
            Self::SystemBlocked => "The system blocked the message",
            Self::Syntax => "The request has a syntax error",
            Self::Unauthorized => "The request was not authorized",
            Self::NotFound => "The object was not found",
            Self::ContentDoNotMatchHsmTemplate => "The content does not match the HSM template",
            Self::IdNotUnique => "The id is not unique",
            Self::ContentNotSpecified => "No content was given",
            Self::ErrorNotTemplateMatch => "The content matches no template",
            Self::Unknown(_) => "An error code this version of the crate does not know",
        }
    }
}

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
    }
}

open_enum! {
    /// A messaging channel. The legacy `imType` is written in lower case (`whatsapp`);
    /// elsewhere edna writes channel names in upper case.
    pub enum Channel {
        /// WhatsApp.
        Whatsapp = "WHATSAPP",
        /// Viber.
        Viber = "VIBER",
        /// SMS.
        Sms = "SMS",
        /// Telegram.
        Telegram = "TELEGRAM",
        /// VKontakte.
        Vkontakte = "VKONTAKTE",
        /// MAX.
        Max = "MAX",
    }
}

open_enum! {
    /// The category of a WhatsApp conversation (`paymentData.conversationType`).
    pub enum ConversationType {
        /// Marketing.
        Marketing = "marketing",
        /// Utility.
        Utility = "utility",
        /// Authentication.
        Authentication = "authentication",
        /// Service (opened by the user).
        Service = "service",
    }
}

open_enum! {
    /// The kind of `paymentData`, from its `@type`.
    pub enum PaymentDataKind {
        /// A WhatsApp conversation (`WhatsAppConversationPaymentData`).
        WhatsAppConversation = "WhatsAppConversationPaymentData",
    }
}

open_enum! {
    /// The `type` inside `paymentData`.
    pub enum PaymentType {
        /// A WhatsApp conversation.
        WhatsAppConversation = "WHATSAPP_CONVERSATION",
    }
}

open_enum! {
    /// Where an ad-referred conversation started (`messageContent.referral.sourceType`).
    pub enum ReferralSourceType {
        /// An advertisement.
        Ad = "ad",
        /// A post.
        Post = "post",
    }
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

open_enum! {
    /// The `type` of an event envelope (`{type, version, timestamp, payload}`). The envelope
    /// is meant to grow: an event type this version does not know is `Unknown`, not an
    /// error.
    pub enum EventType {
        /// The category of a WhatsApp template changed
        /// ([`TemplateCategoryChanged`](crate::TemplateCategoryChanged)).
        TemplateCategoryChanged = "message_matcher.category_changed",
        /// A recipient clicked a link button ([`ShortLinkVisited`](crate::ShortLinkVisited)).
        ShortLinkVisited = "short_link_visited",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every documented code (and those seen in integrations): its spelling, whether it is
    /// an error, and its description.
    const CODES: [(ErrorCode, &str, bool, &str); 30] = [
        (ErrorCode::Ok, "ok", false, "No error"),
        (ErrorCode::System, "error-system", true, "A system error"),
        (
            ErrorCode::SubjectFormat,
            "error-subject-format",
            true,
            "The subject is malformed",
        ),
        (
            ErrorCode::SubjectUnknown,
            "error-subject-unknown",
            true,
            "The subject is unknown",
        ),
        (
            ErrorCode::AddressFormat,
            "error-address-format",
            true,
            "The address is malformed",
        ),
        (
            ErrorCode::AddressNotSpecified,
            "error-address-not-specified",
            true,
            "No address was given",
        ),
        (
            ErrorCode::PriorityFormat,
            "error-priority-format",
            true,
            "The priority is malformed",
        ),
        (
            ErrorCode::StartTimeFormat,
            "error-start-time-format",
            true,
            "The start time is malformed",
        ),
        (
            ErrorCode::ValidityPeriodSecondsFormat,
            "error-validity-period-seconds-format",
            true,
            "The validity period is malformed",
        ),
        (
            ErrorCode::ContentTypeFormat,
            "error-content-type-format",
            true,
            "The content type is malformed",
        ),
        (
            ErrorCode::ImTypeNotSpecified,
            "error-im-type-not-specified",
            true,
            "No channel (imType) was given",
        ),
        (
            ErrorCode::AttachmentUrlNotSpecified,
            "error-attachment-url-not-specified",
            true,
            "No attachment URL was given",
        ),
        (
            ErrorCode::LatitudeNotSpecified,
            "error-latitude-not-specified",
            true,
            "No latitude was given",
        ),
        (
            ErrorCode::LongitudeNotSpecified,
            "error-longtitude-not-specified",
            true,
            "No longitude was given",
        ),
        (
            ErrorCode::ContentFormat,
            "error-content-format",
            true,
            "The content is malformed",
        ),
        (
            ErrorCode::ContentTypeNotSpecified,
            "error-content-type-not-specified",
            true,
            "No content type was given",
        ),
        (
            ErrorCode::SubjectIdFormat,
            "error-subject-id-format",
            true,
            "The subject id is malformed",
        ),
        (
            ErrorCode::InsufficientBalance,
            "error-insufficient-balance",
            true,
            "The balance is insufficient",
        ),
        (
            ErrorCode::NotTemplateMatch,
            "not-template-match",
            true,
            "The content matches no template",
        ),
        (
            ErrorCode::NotWhatsappUser,
            "not-whatsapp-user",
            true,
            "The recipient is not a WhatsApp user",
        ),
        (
            ErrorCode::NotViberUser,
            "not-viber-user",
            true,
            "The recipient is not a Viber user",
        ),
        (
            ErrorCode::UserBlocked,
            "user-blocked",
            true,
            "The recipient blocked the sender",
        ),
        (
            ErrorCode::SystemBlocked,
            "error-system-blocked",
            true,
            "The system blocked the message",
        ),
        (
            ErrorCode::Syntax,
            "error-syntax",
            true,
            "The request has a syntax error",
        ),
        (
            ErrorCode::Unauthorized,
            "error-unauthorized",
            true,
            "The request was not authorized",
        ),
        (
            ErrorCode::NotFound,
            "error-not-found",
            true,
            "The object was not found",
        ),
        (
            ErrorCode::ContentDoNotMatchHsmTemplate,
            "error-content-do-not-match-hsm-template",
            true,
            "The content does not match the HSM template",
        ),
        (
            ErrorCode::IdNotUnique,
            "error-id-not-unique",
            true,
            "The id is not unique",
        ),
        (
            ErrorCode::ContentNotSpecified,
            "error-content-not-specified",
            true,
            "No content was given",
        ),
        (
            ErrorCode::ErrorNotTemplateMatch,
            "error-not-template-match",
            true,
            "The content matches no template",
        ),
    ];

    #[test]
    fn every_error_code_is_an_error_but_ok_and_has_its_description() {
        assert_eq!(CODES.len(), ErrorCode::KNOWN.len());
        for (code, wire, error, description) in &CODES {
            assert!(ErrorCode::KNOWN.contains(code), "{code:?}");
            assert_eq!(&ErrorCode::from(*wire), code);
            assert_eq!(code.as_str(), *wire);
            assert_eq!(code.is_error(), *error, "{wire}");
            assert_eq!(code.description(), *description, "{wire}");
        }
    }

    #[test]
    fn ok_in_any_case_is_no_error() {
        for wire in ["ok", "OK", "Ok"] {
            let code = ErrorCode::from(wire);
            assert_eq!(code, ErrorCode::Ok);
            assert!(!code.is_error());
            assert_eq!(code.description(), "No error");
        }
    }

    #[test]
    fn an_unknown_code_is_an_error_whose_description_does_not_repeat_it() {
        for wire in ["error-brand-new-code", "MARKER-79001112233", "", "okay"] {
            let code = ErrorCode::from(wire);
            assert!(code.is_unknown(), "{wire}");
            assert!(code.is_error(), "{wire}");
            assert_eq!(
                code.description(),
                "An error code this version of the crate does not know"
            );
        }
        assert!(!ErrorCode::from("MARKER-79001112233")
            .description()
            .contains("MARKER"));
    }

    #[test]
    fn failures_are_the_final_statuses_but_read() {
        let failures = [
            Status::Undelivered,
            Status::Cancelled,
            Status::Expired,
            Status::Failed,
            Status::NoMatchTemplate,
        ];
        for status in Status::KNOWN {
            assert_eq!(status.is_failure(), failures.contains(status), "{status}");
        }
        for wire in ["failed", "FAILED", "no-match-template", "Undelivered"] {
            assert!(Status::from(wire).is_failure(), "{wire}");
        }
        for wire in [
            "read",
            "delivered",
            "sent",
            "enqueued",
            "delayed",
            "PENDING",
            "",
        ] {
            assert!(!Status::from(wire).is_failure(), "{wire}");
        }
    }
}
