//! Error codes: legacy `dlvError` and Pulse `error`.

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
}
