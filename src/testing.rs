//! The HTTP request edna sends to a webhook, for a handler's tests (the `testing` feature):
//! its method, path, headers and body as plain values, so that it can be handed to any
//! HTTP framework's test client (axum, actix-web, hyper, warp) without this crate
//! depending on one.
//!
//! What edna sends, as far as its pages and integrators' traffic show:
//!
//! - the method is `POST`, to the URL registered in edna Pulse;
//! - the body is JSON (one callback object, or an array of them: template statuses and
//!   FLOW replies come as arrays), with `Content-Type: application/json`;
//! - with a webhook key configured, the key comes in `Authorization: Token <key>` (edna's
//!   pages do not name the header; integrators saw this form on live traffic, and
//!   [`WebhookKey::verify`] accepts it).
//!
//! There is no signature header to compute. Headers every HTTP client adds on its own
//! (`Host`, `Content-Length`) are left to the test client.
//!
//! ```
//! use edna_callbacks::testing::Request;
//! use edna_callbacks::{parse_body, Callback, Status, StatusCallback, Timestamp, WebhookKey};
//!
//! let key = WebhookKey::new("s3cret");
//! let status = StatusCallback::new("req-1", Status::Read, Timestamp::parse("2025-01-30T11:07:55Z")?);
//! let request = Request::callback(&status)?.with_key(&key).with_path("/edna/callback");
//!
//! assert_eq!(request.method, "POST");
//! assert_eq!(request.header("content-type"), Some("application/json"));
//! assert!(key.verify_header(request.header("Authorization").map(str::as_bytes)));
//! assert_eq!(parse_body(&request.body)?, [Callback::Status(status)]);
//! // Debug never shows the key, nor the body.
//! assert!(!format!("{request:?}").contains("s3cret"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use serde::Serialize;

use crate::auth::WebhookKey;
use crate::callback::Callback;

/// An HTTP request as edna sends a callback: see the [module](self) for what edna sends.
///
/// Built from a body ([`new`](Self::new)), one callback ([`callback`](Self::callback)) or
/// several ([`callbacks`](Self::callbacks)); [`with_key`](Self::with_key) adds the
/// `Authorization` header for a [`WebhookKey`]. Hand its parts to your framework's test
/// request:
///
/// ```ignore
/// // axum (`tower::ServiceExt::oneshot`)
/// let mut builder = axum::http::Request::builder().method(request.method).uri(&request.path);
/// for (name, value) in &request.headers {
///     builder = builder.header(*name, value);
/// }
/// let response = app.oneshot(builder.body(axum::body::Body::from(request.body))?).await?;
///
/// // actix-web (`actix_web::test`)
/// let mut test = actix_web::test::TestRequest::post().uri(&request.path);
/// for (name, value) in &request.headers {
///     test = test.insert_header((*name, value.as_str()));
/// }
/// let response = actix_web::test::call_service(&app, test.set_payload(request.body).to_request()).await;
/// ```
///
/// `Debug` shows the method, the path, the header names (the `Authorization` value
/// hidden) and the body's length, never the key or the body's data.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Request {
    /// `POST`.
    pub method: &'static str,
    /// The path (and query) the request is sent to: `/` unless set by
    /// [`with_path`](Self::with_path).
    pub path: String,
    /// The headers, in order: `Content-Type: application/json`, then `Authorization`
    /// when a key was given, then any added by [`with_header`](Self::with_header).
    pub headers: Vec<(&'static str, String)>,
    /// The body, as edna sends it: JSON.
    pub body: Vec<u8>,
}

impl Request {
    /// A request carrying `body` as it is (a fixture's text, a body captured from edna,
    /// bytes that are not JSON to test the error path): `POST /`, `Content-Type:
    /// application/json`, no `Authorization`.
    pub fn new(body: impl Into<Vec<u8>>) -> Self {
        Self {
            method: "POST",
            path: "/".to_owned(),
            headers: vec![("Content-Type", "application/json".to_owned())],
            body: body.into(),
        }
    }

    /// A request carrying one callback (a [`Callback`] or any callback type), written as
    /// the object edna sends.
    ///
    /// # Errors
    ///
    /// What `serde_json::to_vec` returns: only for a timestamp whose year is outside 0000
    /// to 9999, which RFC 3339 cannot write.
    pub fn callback(callback: &impl Serialize) -> Result<Self, serde_json::Error> {
        serde_json::to_vec(callback).map(Self::new)
    }

    /// A request carrying `callbacks` as one JSON array, as edna sends template statuses
    /// and FLOW replies.
    ///
    /// # Errors
    ///
    /// As [`callback`](Self::callback).
    pub fn callbacks(callbacks: &[Callback]) -> Result<Self, serde_json::Error> {
        serde_json::to_vec(callbacks).map(Self::new)
    }

    /// Adds `Authorization: Token <key>`, as edna sends the webhook key (replacing an
    /// `Authorization` header already there).
    #[must_use]
    pub fn with_key(mut self, key: &WebhookKey) -> Self {
        self.headers
            .retain(|(name, _)| !name.eq_ignore_ascii_case("Authorization"));
        let at = self.headers.len().min(1);
        self.headers
            .insert(at, ("Authorization", key.authorization()));
        self
    }

    /// Sends the request to `path` (the path and query of your webhook's URL).
    #[must_use]
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// Adds the header `name: value` (another header than edna's, to test what your
    /// handler does with it).
    #[must_use]
    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// The value of the first header named `name` (ignoring ASCII case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Headers<'a>(&'a [(&'static str, String)]);
        impl fmt::Debug for Headers<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut list = f.debug_map();
                for (name, value) in self.0 {
                    if name.eq_ignore_ascii_case("Authorization") {
                        list.entry(name, &"..");
                    } else if name.eq_ignore_ascii_case("Content-Type") {
                        list.entry(name, value);
                    } else {
                        list.entry(name, &format_args!("({} bytes)", value.len()));
                    }
                }
                list.finish()
            }
        }
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("headers", &Headers(&self.headers))
            .field("body", &format_args!("({} bytes)", self.body.len()))
            .finish()
    }
}
