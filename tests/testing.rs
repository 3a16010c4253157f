//! The `testing` feature: the request edna sends, handed to an axum router as a test
//! would, and checked header by header.
#![cfg(feature = "testing")]

mod common;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use common::fixture;
use edna_callbacks::testing::Request;
use edna_callbacks::{
    parse_body, Callback, IncomingMessage, Status, StatusCallback, Timestamp, WebhookKey,
};
use tower::ServiceExt;

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

/// A handler as the README's: 401 without the key, 200 with the number of callbacks.
fn app(key: WebhookKey) -> Router {
    Router::new().route(
        "/edna/callback",
        post(move |headers: HeaderMap, body: Bytes| async move {
            let authorization = headers.get("authorization").map(|v| v.as_bytes());
            if !key.verify_header(authorization) {
                return (StatusCode::UNAUTHORIZED, String::new());
            }
            if headers.get("content-type").map(|v| v.as_bytes()) != Some(b"application/json") {
                return (StatusCode::UNSUPPORTED_MEDIA_TYPE, String::new());
            }
            match parse_body(&body) {
                Ok(callbacks) => (StatusCode::OK, callbacks.len().to_string()),
                Err(_) => (StatusCode::OK, "dead letter".to_owned()),
            }
        }),
    )
}

/// Sends `request` to `app` as an axum test does.
async fn send(app: Router, request: Request) -> (StatusCode, String) {
    let mut builder = axum::http::Request::builder()
        .method(request.method)
        .uri(&request.path);
    for (name, value) in &request.headers {
        builder = builder.header(*name, value);
    }
    let response = app
        .oneshot(builder.body(Body::from(request.body)).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test(flavor = "current_thread")]
async fn an_axum_handler_gets_what_edna_sends() {
    let key = WebhookKey::new("configured-in-edna");
    let status = StatusCallback::new("req-1", Status::Delivered, at("2025-01-30T11:07:55Z"));
    let message = IncomingMessage::text(101, "hi", at("2025-01-30T11:08:00+03:00"));
    let callbacks = [Callback::from(status.clone()), Callback::from(message)];

    let request = Request::callbacks(&callbacks)
        .unwrap()
        .with_key(&key)
        .with_path("/edna/callback");
    assert_eq!(
        send(app(key.clone()), request).await,
        (StatusCode::OK, "2".into())
    );

    let one = Request::callback(&status)
        .unwrap()
        .with_key(&key)
        .with_path("/edna/callback");
    assert_eq!(
        send(app(key.clone()), one).await,
        (StatusCode::OK, "1".into())
    );

    // Without the key, or with another: 401.
    let bare = Request::callback(&status)
        .unwrap()
        .with_path("/edna/callback");
    assert_eq!(
        send(app(key.clone()), bare.clone()).await.0,
        StatusCode::UNAUTHORIZED
    );
    let wrong = bare.with_key(&WebhookKey::new("guessed"));
    assert_eq!(
        send(app(key.clone()), wrong).await.0,
        StatusCode::UNAUTHORIZED
    );

    // A fixture's body as it is, and bytes that are no callback.
    let body = fixture("edge/mixed-all-webhooks.json");
    let expected = parse_body(&body).unwrap().len();
    let fixture = Request::new(body)
        .with_key(&key)
        .with_path("/edna/callback");
    assert_eq!(
        send(app(key.clone()), fixture).await,
        (StatusCode::OK, expected.to_string())
    );
    let junk = Request::new("name=Ivan&phone=79001112233")
        .with_key(&key)
        .with_path("/edna/callback");
    assert_eq!(
        send(app(key), junk).await,
        (StatusCode::OK, "dead letter".into())
    );
}

#[test]
fn the_request_holds_edna_s_method_headers_and_body() {
    let key = WebhookKey::new("  k3y  ");
    let status = StatusCallback::new("req-1", Status::Read, at("2025-01-30T11:07:55Z"));
    let request = Request::callback(&status).unwrap();
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/");
    assert_eq!(
        request.headers,
        [("Content-Type", "application/json".to_owned())]
    );
    assert_eq!(request.body, serde_json::to_vec(&status).unwrap());
    let request = request.with_key(&key).with_header("X-Trace", "t-1");
    assert_eq!(
        request.headers,
        [
            ("Content-Type", "application/json".to_owned()),
            ("Authorization", "Token k3y".to_owned()),
            ("X-Trace", "t-1".to_owned()),
        ]
    );
    assert_eq!(request.header("AUTHORIZATION"), Some("Token k3y"));
    assert_eq!(request.header("x-trace"), Some("t-1"));
    assert_eq!(request.header("Host"), None);
    // Another key replaces the first.
    let rekeyed = request.clone().with_key(&WebhookKey::new("other"));
    assert_eq!(rekeyed.header("Authorization"), Some("Token other"));
    assert_eq!(rekeyed.headers.len(), 3);
    // Debug shows neither the key nor the body's data.
    let debug = format!("{request:?}");
    assert_eq!(
        debug,
        format!(
            r#"Request {{ method: "POST", path: "/", headers: {{"Content-Type": "application/json", "Authorization": "..", "X-Trace": (3 bytes)}}, body: ({} bytes) }}"#,
            request.body.len()
        )
    );
    // An array body is an array.
    let both =
        Request::callbacks(&[Callback::from(status.clone()), Callback::from(status)]).unwrap();
    assert_eq!(both.body.first(), Some(&b'['));
    assert_eq!(parse_body(&both.body).unwrap().len(), 2);
}
