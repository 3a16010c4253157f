//! Every value edna controls, as an open enum: known values are matched without regard to
//! ASCII case, and anything else is kept in `Unknown` exactly as it came.

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

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

            /// The known value `s` names, ignoring ASCII case.
            pub(crate) fn known(s: &str) -> Option<Self> {
                match s {
                    $( $wire => return Some(Self::$variant), )+
                    _ => {}
                }
                $( if s.eq_ignore_ascii_case($wire) { return Some(Self::$variant); } )+
                None
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
            #[inline]
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
