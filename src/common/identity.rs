//! Who the person at the other end is: the types of identifier edna gives
//! (`subscriber.identifiers[].type`), what an identifier is (a phone number, a MAX user id,
//! a WhatsApp BSUID), and the documented form of a BSUID.

open_enum! {
    /// The type of one of a subscriber's identifiers (`subscriber.identifiers[].type`).
    ///
    /// Seen on MAX and MAX Bot (July–August 2026; `edna-docs/FACTS.md`): `MAX_ID` always,
    /// equal to `subscriber.identifier`, and `PHONE` only when edna has linked the
    /// profile to a phone number, in no fixed order. edna documents no list, so anything
    /// else is `Unknown`.
    pub enum IdentifierType {
        /// A MAX user id: a plain digit string (9 or 10 digits seen), not a phone number.
        MaxId = "MAX_ID",
        /// The subscriber's phone number.
        Phone = "PHONE",
    }
}

/// What an identifier of a person is, from what edna says of it (see
/// [`Party::kind`](crate::Party::kind)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum IdentifierKind {
    /// A phone number.
    Phone,
    /// A MAX user id (digits, like a phone number, but not one).
    MaxId,
    /// A WhatsApp business-scoped user id (BSUID), `CC.<digits>`: from June 2026 edna may
    /// send one instead of the phone number of a WhatsApp user who set a username.
    Bsuid,
    /// Something edna does not say: an opaque subscriber id, an identifier of a type this
    /// version does not know.
    Unknown,
}

impl IdentifierKind {
    /// A short name: `phone`, `max-id`, `bsuid`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Phone => "phone",
            Self::MaxId => "max-id",
            Self::Bsuid => "bsuid",
            Self::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for IdentifierKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&IdentifierType> for IdentifierKind {
    /// `MAX_ID` is a MAX id, `PHONE` a phone number, any other type unknown.
    fn from(kind: &IdentifierType) -> Self {
        match kind {
            IdentifierType::MaxId => Self::MaxId,
            IdentifierType::Phone => Self::Phone,
            IdentifierType::Unknown(_) => Self::Unknown,
        }
    }
}

/// The longest BSUID: "up to 128 characters" (edna's WhatsApp page on BSUIDs).
const BSUID_MAX_LEN: usize = 128;

/// Whether `text` has the documented form of a WhatsApp BSUID: a two-letter country code
/// in capitals, a period, then the id (`US.13491208655302741918`), 128 characters at most.
/// edna's page writes the id as digits; Meta's and integrators' pages call it
/// alphanumeric, so ASCII letters are allowed after the period too. A phone number (digits
/// and `+` only) never has this form.
///
/// ```
/// use edna_callbacks::is_bsuid;
///
/// assert!(is_bsuid("US.13491208655302741918"));
/// assert!(!is_bsuid("79000000000"));
/// assert!(!is_bsuid("us.1349"));
/// assert!(!is_bsuid("US."));
/// ```
pub fn is_bsuid(text: &str) -> bool {
    let bytes = text.as_bytes();
    match bytes {
        [a, b, b'.', rest @ ..] => {
            a.is_ascii_uppercase()
                && b.is_ascii_uppercase()
                && !rest.is_empty()
                && bytes.len() <= BSUID_MAX_LEN
                && rest.iter().all(u8::is_ascii_alphanumeric)
        }
        _ => false,
    }
}

/// Whether `text` is written as a phone number (an optional `+`, then 7 to 15 digits, as
/// E.164 allows). Never enough on its own to call a value a phone number: a MAX user id
/// is written the same way. Used only where edna documents the field as a phone number.
pub(crate) fn is_phone_shaped(text: &str) -> bool {
    let digits = text.strip_prefix('+').unwrap_or(text);
    (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bsuid_form() {
        assert!(is_bsuid("US.1"));
        assert!(is_bsuid("BR.9a8B7c"));
        assert!(is_bsuid(&format!("US.{}", "1".repeat(125))));
        assert!(!is_bsuid(&format!("US.{}", "1".repeat(126))));
        for text in [
            "",
            "US",
            "US.",
            "U.1",
            "USA.1",
            "US-1",
            "US.1.2",
            "US.1 ",
            "+79000000000",
        ] {
            assert!(!is_bsuid(text), "{text}");
        }
    }

    #[test]
    fn the_phone_shape_is_digits_only() {
        assert!(is_phone_shaped("79000000000"));
        assert!(is_phone_shaped("+79000000000"));
        assert!(is_phone_shaped("194089586"));
        assert!(!is_phone_shaped("US.13491208655302741918"));
        assert!(!is_phone_shaped("tg-5f2b9c"));
        assert!(!is_phone_shaped("123456"));
        assert!(!is_phone_shaped("1234567890123456"));
    }
}
