//! Checking the webhook key edna sends with every callback.

use std::fmt;

/// The webhook key configured in edna Pulse, to check the `Authorization` header of each
/// callback against.
///
/// edna sends the key with every callback; its pages do not name the header, and
/// integrators have seen `Authorization: Token <key>` on live traffic. [`verify`] accepts
/// that form and the bare key, and compares in constant time (the time taken does not
/// depend on where the values differ). There is no HMAC signature to check.
///
/// Neither the key nor the header value is ever written anywhere: `Debug` prints
/// `WebhookKey(..)`, and [`verify`] only answers yes or no.
///
/// ```
/// use edna_callbacks::WebhookKey;
///
/// let key = WebhookKey::new("s3cret-key");
/// assert!(key.verify(b"Token s3cret-key"));
/// assert!(key.verify(b"s3cret-key"));
/// assert!(!key.verify(b"Token wrong"));
/// assert_eq!(format!("{key:?}"), "WebhookKey(..)");
/// ```
///
/// [`verify`]: WebhookKey::verify
#[derive(Clone)]
pub struct WebhookKey {
    key: Box<[u8]>,
}

impl WebhookKey {
    /// Keeps the configured key (surrounding white space is not part of it).
    pub fn new(key: impl AsRef<[u8]>) -> Self {
        Self {
            key: key.as_ref().trim_ascii().into(),
        }
    }

    /// Whether `header` (the raw value of the request's `Authorization` header) carries
    /// this key, as `Token <key>` (the scheme's case does not matter) or as the bare key.
    ///
    /// An empty configured key matches nothing, so a missing configuration fails closed.
    pub fn verify(&self, header: &[u8]) -> bool {
        let header = header.trim_ascii();
        let presented = match header.get(..6) {
            Some(scheme) if scheme.eq_ignore_ascii_case(b"token ") => {
                header.get(6..).unwrap_or_default().trim_ascii()
            }
            _ => header,
        };
        !self.key.is_empty() && constant_time_eq(&self.key, presented)
    }

    /// [`verify`](Self::verify) for an optional header: a missing header never matches.
    pub fn verify_header(&self, header: Option<&[u8]>) -> bool {
        header.is_some_and(|h| self.verify(h))
    }

    /// The `Authorization` header's value edna sends with this key, `Token <key>`, for
    /// [`testing::Request`](crate::testing::Request) (a key that is not UTF-8 has its odd
    /// bytes replaced).
    #[cfg(feature = "testing")]
    pub(crate) fn authorization(&self) -> String {
        format!("Token {}", String::from_utf8_lossy(&self.key))
    }
}

impl fmt::Debug for WebhookKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookKey(..)")
    }
}

/// Compares two byte strings in time that depends only on their lengths, not on where
/// they first differ.
fn constant_time_eq(expected: &[u8], presented: &[u8]) -> bool {
    let mut diff = expected.len() ^ presented.len();
    for (i, &e) in expected.iter().enumerate() {
        // Past the end of `presented`, compare against 0; the length check above fails.
        let p = presented.get(i).copied().unwrap_or(0);
        diff |= usize::from(e ^ p);
    }
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_token_scheme_and_bare_key() {
        let key = WebhookKey::new("abc123");
        assert!(key.verify(b"Token abc123"));
        assert!(key.verify(b"token abc123"));
        assert!(key.verify(b"TOKEN   abc123  "));
        assert!(key.verify(b"abc123"));
        assert!(key.verify_header(Some(b"Token abc123".as_slice())));
    }

    #[test]
    fn refuses_everything_else() {
        let key = WebhookKey::new("abc123");
        for bad in [
            &b""[..],
            b"Token",
            b"Token ",
            b"Token abc12",
            b"Token abc1234",
            b"abc",
            b"Bearer abc123",
            b"Token abc123 extra",
            b"ABC123",
        ] {
            assert!(!key.verify(bad), "{:?}", String::from_utf8_lossy(bad));
        }
        assert!(!key.verify_header(None));
    }

    #[test]
    fn an_empty_key_matches_nothing() {
        let key = WebhookKey::new("  ");
        assert!(!key.verify(b""));
        assert!(!key.verify(b"Token "));
    }

    #[test]
    fn constant_time_eq_compares_whole_values() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(!constant_time_eq(b"ab", b"abc"));
        assert!(constant_time_eq(b"", b""));
    }

    #[test]
    fn debug_never_shows_the_key() {
        let key = WebhookKey::new("abc123");
        assert!(!format!("{key:?}").contains("abc"));
    }
}
